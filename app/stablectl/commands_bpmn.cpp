// BPMN 2.0 models as value streams: import-bpmn reads the whole model first, then writes all its streams
// in one transaction, so a bad file or a refused stream leaves the library as it was.
#include "bpmn.h"
#include "cli.h"
#include "commands.h"

#include <QFileInfo>

namespace stable::cli {

namespace {

int importBpmnCommand(const Arguments& arguments, Console& console)
{
    const QString source = arguments.positional(1);
    const QString key = arguments.value(QStringLiteral("key"));
    if (arguments.has(QStringLiteral("key")) && !isValidKey(key))
        return console.fail(invalid(QStringLiteral("--key ‘%1’ is not a valid value stream key: letters, digits, "
                                                   "‘.’, ‘_’ and ‘-’, starting with a letter or digit.")
                                        .arg(key)));
    auto streams = readBpmnFile(source, key);
    if (!streams.ok())
        return console.fail(streams.error());

    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto imported = importBpmnStreams(*library.value(), streams.value(), QFileInfo(source).fileName());
    if (!imported.ok())
        return console.fail(imported.error());

    if (arguments.json()) {
        QJsonArray made;
        for (const ValueStream& stream : std::as_const(streams.value()))
            made.append(QJsonObject{{QStringLiteral("key"), stream.key},
                                    {QStringLiteral("name"), stream.name},
                                    {QStringLiteral("steps"), static_cast<int>(stream.steps.size())}});
        console.printJson(made);
        return exitSuccess;
    }
    for (int i = 0; i < streams->size(); ++i) {
        const ValueStream& stream = streams->at(i);
        console.out << (imported->at(i).created ? "Created ‘" : "Updated the draft of ‘") << stream.key << "’ ("
                    << stream.name << "): "
                    << counted(stream.steps.size(), QStringLiteral("step"), QStringLiteral("steps")) << '\n';
    }
    console.out.flush();
    return exitSuccess;
}

} // namespace

QList<CommandSpec> bpmnCommands()
{
    return {
        {QStringLiteral("import-bpmn"),
         {QStringLiteral("LIB"), QStringLiteral("MODEL.bpmn")},
         {optional(QStringLiteral("key"), QStringLiteral("KEY")), jsonFlag()},
         QStringLiteral("Imports each process of a BPMN 2.0 model that has activities as a value stream draft "
                        "(keys KEY, KEY-2, KEY-3 … with --key; an existing stream's draft is updated)."),
         importBpmnCommand},
    };
}

} // namespace stable::cli
