// Incidents: record an escaped defect, analyse it (five whys, root cause), improve the process.
#include "cli.h"
#include "commands.h"
#include "incidents.h"
#include "jsonshapes.h"

namespace stable::cli {

namespace {

int addCommand(const Arguments& arguments, Console& console)
{
    NewIncident incident;
    incident.title = arguments.value(QStringLiteral("title"));
    incident.whatHappened = arguments.value(QStringLiteral("what"));
    incident.stream = arguments.value(QStringLiteral("stream"));
    incident.detectedStep = arguments.value(QStringLiteral("detected"));
    incident.injectedStep = arguments.value(QStringLiteral("injected"));
    incident.run = arguments.value(QStringLiteral("run"));
    incident.category = arguments.value(QStringLiteral("category"));
    incident.recurrenceOf = arguments.value(QStringLiteral("recurrence-of"));
    auto severity = integerOption(arguments, QStringLiteral("severity"), incident.severity, 1, 10);
    if (!severity.ok())
        return console.fail(severity.error());
    incident.severity = severity.value();
    auto occurred = momentOption(arguments, QStringLiteral("occurred"));
    if (!occurred.ok())
        return console.fail(occurred.error());
    incident.occurred = occurred.value();

    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto added = addIncident(*library.value(), incident);
    if (!added.ok())
        return console.fail(added.error());
    console.printCreated(arguments, added->id, QJsonObject{{QStringLiteral("key"), added->key()}});
    return exitSuccess;
}

int analyseCommand(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto analysed =
        analyseIncident(*library.value(), arguments.positional(1), arguments.values(QStringLiteral("why")),
                        arguments.value(QStringLiteral("root-cause")));
    if (!analysed.ok())
        return console.fail(analysed.error());
    console.out << analysed->key() << " is analysed: root cause “" << analysed->rootCause << "”." << Qt::endl;
    return exitSuccess;
}

int improveCommand(const Arguments& arguments, Console& console)
{
    Improvement improvement;
    improvement.incident = arguments.positional(1);
    improvement.statement = arguments.value(QStringLiteral("check"));
    improvement.critical = arguments.has(QStringLiteral("critical"));
    improvement.key = arguments.value(QStringLiteral("key"));
    auto stage = choiceOption(arguments, QStringLiteral("stage"), QStringLiteral("exit"), parseStage,
                              QStringLiteral("entry, in-process or exit"));
    if (!stage.ok())
        return console.fail(stage.error());
    improvement.stage = stage.value();

    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto incident = loadIncident(*library.value(), improvement.incident);
    if (!incident.ok())
        return console.fail(incident.error());
    auto check = improveProcess(*library.value(), improvement);
    if (!check.ok())
        return console.fail(check.error());
    if (arguments.json()) {
        console.printJson(QJsonObject{
            {QStringLiteral("id"), check->id},
            {QStringLiteral("ref"), QString(incident->injectedStepKey + QLatin1Char('/') + check->key)},
            {QStringLiteral("incident"), incident->key()}});
        return exitSuccess;
    }
    console.out << "Added the check ‘" << incident->injectedStepKey << '/' << check->key
                << "’ to the draft of ‘" << incident->streamKey << "’; publish it with --answers "
                << incident->key() << " to prevent a recurrence." << Qt::endl;
    return exitSuccess;
}

int showCommand(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto incident = loadIncident(*library.value(), arguments.positional(1));
    if (!incident.ok())
        return console.fail(incident.error());
    if (arguments.json()) {
        console.printJson(incidentToJson(incident.value()));
        return exitSuccess;
    }
    const Incident& shown = incident.value();
    QTextStream& out = console.out;
    out << shown.key() << "  " << shown.title << "  (" << toText(shown.status) << ", severity "
        << shown.severity << ")\n";
    out << "  stream ‘" << shown.streamKey << "’, detected at ‘" << shown.detectedStepKey
        << "’, injected at ‘" << shown.injectedStepKey << "’, occurred " << shown.occurredAt << '\n';
    if (!shown.recurrenceOfKey.isEmpty())
        out << "  recurrence of " << shown.recurrenceOfKey << '\n';
    if (!shown.whatHappened.isEmpty())
        out << "  " << shown.whatHappened << '\n';
    for (int index = 0; index < shown.whys.size(); ++index)
        out << "  why " << index + 1 << ": " << shown.whys.at(index) << '\n';
    if (!shown.rootCause.isEmpty())
        out << "  root cause: " << shown.rootCause << '\n';
    out.flush();
    return exitSuccess;
}

int listCommand(const Arguments& arguments, Console& console)
{
    IncidentFilter filter;
    filter.stream = arguments.value(QStringLiteral("stream"));
    if (arguments.has(QStringLiteral("status"))) {
        auto status = choiceOption(arguments, QStringLiteral("status"), QString(), parseIncidentStatus,
                                   QStringLiteral("open, analysed, prevented or verified"));
        if (!status.ok())
            return console.fail(status.error());
        filter.status = status.value();
    }
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto incidents = listIncidents(*library.value(), filter);
    if (!incidents.ok())
        return console.fail(incidents.error());
    if (arguments.json()) {
        QJsonArray array;
        for (const Incident& incident : incidents.value())
            array.append(incidentToJson(incident));
        console.printJson(array);
        return exitSuccess;
    }
    if (incidents->isEmpty()) {
        console.out << "No incidents." << Qt::endl;
        return exitSuccess;
    }
    for (const Incident& incident : incidents.value())
        console.out << incident.key().leftJustified(8) << ' ' << toText(incident.status).leftJustified(9)
                    << ' ' << incident.streamKey << ": " << incident.title << '\n';
    console.out.flush();
    return exitSuccess;
}

} // namespace

QList<CommandSpec> incidentCommands()
{
    const QString lib = QStringLiteral("LIB");
    const QString key = QStringLiteral("INC-KEY");
    return {
        {QStringLiteral("incident add"),
         {lib},
         {required(QStringLiteral("title"), QStringLiteral("TEXT")),
          required(QStringLiteral("stream"), QStringLiteral("STREAM")),
          required(QStringLiteral("detected"), QStringLiteral("STEP")),
          required(QStringLiteral("injected"), QStringLiteral("STEP")),
          optional(QStringLiteral("severity"), QStringLiteral("1-10")),
          optional(QStringLiteral("category"), QStringLiteral("TEXT")),
          optional(QStringLiteral("run"), QStringLiteral("RUN")),
          optional(QStringLiteral("occurred"), QStringLiteral("ISO8601")),
          optional(QStringLiteral("recurrence-of"), key),
          optional(QStringLiteral("what"), QStringLiteral("TEXT")), jsonFlag()},
         QStringLiteral(
             "Records an escaped defect: where it was detected and where it was injected; prints its id "
             "(later commands take the id or its INC key)."),
         addCommand},
        {QStringLiteral("incident analyse"),
         {lib, key},
         {repeated(QStringLiteral("why"), QStringLiteral("TEXT"), true),
          required(QStringLiteral("root-cause"), QStringLiteral("TEXT"))},
         QStringLiteral("Records the five whys and the root cause."),
         analyseCommand},
        {QStringLiteral("incident improve"),
         {lib, key},
         {required(QStringLiteral("check"), QStringLiteral("TEXT")),
          optional(QStringLiteral("stage"), QStringLiteral("entry|in-process|exit")),
          flag(QStringLiteral("critical")), optional(QStringLiteral("key"), QStringLiteral("CHECKKEY")),
          jsonFlag()},
         QStringLiteral("Adds a check born from the incident to the injected step's draft."),
         improveCommand},
        {QStringLiteral("incident show"),
         {lib, key},
         {jsonFlag()},
         QStringLiteral("Shows one incident."),
         showCommand},
        {QStringLiteral("incident list"),
         {lib},
         {optional(QStringLiteral("stream"), QStringLiteral("STREAM")),
          optional(QStringLiteral("status"), QStringLiteral("open|analysed|prevented|verified")), jsonFlag()},
         QStringLiteral("Lists incidents."),
         listCommand},
    };
}

} // namespace stable::cli
