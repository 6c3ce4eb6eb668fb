// People who sign: add one (with a PIN that never appears on the command line), list, unlock, retire.
#include "cli.h"
#include "commands.h"
#include "jsonshapes.h"

#include <algorithm>

namespace stable::cli {

namespace {

int addPersonCommand(const Arguments& arguments, Console& console)
{
    NewPerson person;
    person.name = arguments.value(QStringLiteral("name"));
    person.initials = arguments.value(QStringLiteral("initials"));
    person.role = arguments.value(QStringLiteral("role"));
    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto pin = readPin(arguments, console, person.initials);
    if (!pin.ok())
        return console.fail(pin.error());
    person.pin = pin.value();
    auto added = addPerson(*library.value(), person);
    if (!added.ok())
        return console.fail(added.error());
    console.printCreated(arguments, added->id);
    return exitSuccess;
}

int listPeopleCommand(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto people = listPeople(*library.value());
    if (!people.ok())
        return console.fail(people.error());
    if (arguments.json()) {
        QJsonArray array;
        for (const Person& person : people.value())
            array.append(personToJson(person));
        console.printJson(array);
        return exitSuccess;
    }
    if (people->isEmpty()) {
        console.out << "No people yet: add one with ‘stablectl person add’." << Qt::endl;
        return exitSuccess;
    }
    int nameWidth = 4;
    for (const Person& person : people.value())
        nameWidth = std::max(nameWidth, static_cast<int>(person.name.size()));
    for (const Person& person : people.value()) {
        console.out << person.initials.leftJustified(8) << ' ' << person.name.leftJustified(nameWidth) << "  "
                    << person.role.leftJustified(16) << ' ' << person.id;
        if (person.locked)
            console.out << "  (locked)";
        console.out << '\n';
    }
    console.out.flush();
    return exitSuccess;
}

int unlockPersonCommand(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto locked = findPerson(*library.value(), arguments.positional(1));
    if (!locked.ok())
        return console.fail(locked.error());
    auto by = signerFrom(*library.value(), arguments, console);
    if (!by.ok())
        return console.fail(by.error());
    const Status unlocked = unlockPerson(*library.value(), locked->id, by.value());
    if (!unlocked.ok())
        return console.fail(unlocked.error());
    console.out << "Unlocked " << locked->name << " (" << locked->initials << ")." << Qt::endl;
    return exitSuccess;
}

int retirePersonCommand(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto person = findPerson(*library.value(), arguments.positional(1));
    if (!person.ok())
        return console.fail(person.error());
    const Status retired = retirePerson(*library.value(), person->id);
    if (!retired.ok())
        return console.fail(retired.error());
    console.out << "Retired " << person->name << " (" << person->initials
                << "): kept in the history, can no longer sign." << Qt::endl;
    return exitSuccess;
}

} // namespace

QList<CommandSpec> peopleCommands()
{
    const QString lib = QStringLiteral("LIB");
    return {
        {QStringLiteral("person add"),
         {lib},
         {required(QStringLiteral("name"), QStringLiteral("NAME")),
          required(QStringLiteral("initials"), QStringLiteral("XX")),
          optional(QStringLiteral("role"), QStringLiteral("ROLE")), pinEnv(), jsonFlag()},
         QStringLiteral(
             "Adds a person who can sign; prints their id. The PIN (at least 4 characters) comes from the "
             "variable named by --pin-env, or else one line of standard input."),
         addPersonCommand},
        {QStringLiteral("person list"),
         {lib},
         {jsonFlag()},
         QStringLiteral("Lists the people of the library."),
         listPeopleCommand},
        {QStringLiteral("person unlock"),
         {lib, QStringLiteral("PERSON")},
         {required(QStringLiteral("by"), QStringLiteral("OTHER")), pinEnv()},
         QStringLiteral(
             "Unlocks a person locked after five wrong PINs; another person signs for it with their PIN."),
         unlockPersonCommand},
        {QStringLiteral("person retire"),
         {lib, QStringLiteral("PERSON")},
         {},
         QStringLiteral("Retires a person: kept in the history with their signatures, can no longer sign."),
         retirePersonCommand},
    };
}

} // namespace stable::cli
