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
    auto model = readBpmnModelFile(source, key);
    if (!model.ok())
        return console.fail(model.error());
    const bool alternatives = arguments.has(QStringLiteral("alternatives"));
    if (alternatives)
        for (int i = 0; i < model->streams.size(); ++i)
            for (const BpmnChoice& choice : std::as_const(model->choices.at(i)))
                keepBpmnBranchesAsAlternatives(model->streams[i], choice);
    const QList<ValueStream>& streams = model->streams;

    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto imported = importBpmnStreams(*library.value(), streams, QFileInfo(source).fileName());
    if (!imported.ok())
        return console.fail(imported.error());

    if (arguments.json()) {
        QJsonArray made;
        for (int i = 0; i < streams.size(); ++i) {
            const ValueStream& stream = streams.at(i);
            QJsonArray choices;
            for (const BpmnChoice& choice : model->choices.at(i)) {
                QJsonArray branches;
                for (const BpmnChoice::Branch& branch : choice.branches)
                    branches.append(
                        QJsonObject{{QStringLiteral("label"), bpmnBranchLabel(stream, branch)},
                                    {QStringLiteral("steps"), QJsonArray::fromStringList(branch.stepKeys)}});
                choices.append(QJsonObject{{QStringLiteral("gateway"), choice.gateway},
                                           {QStringLiteral("branches"), branches}});
            }
            made.append(QJsonObject{{QStringLiteral("key"), stream.key},
                                    {QStringLiteral("name"), stream.name},
                                    {QStringLiteral("steps"), static_cast<int>(stream.steps.size())},
                                    {QStringLiteral("choices"), choices}});
        }
        console.printJson(made);
        return exitSuccess;
    }
    for (int i = 0; i < streams.size(); ++i) {
        const ValueStream& stream = streams.at(i);
        console.out << (imported->at(i).created ? "Created ‘" : "Updated the draft of ‘") << stream.key << "’ ("
                    << stream.name << "): "
                    << counted(stream.steps.size(), QStringLiteral("step"), QStringLiteral("steps")) << '\n';
        for (const BpmnChoice& choice : model->choices.at(i)) {
            QStringList labels;
            for (const BpmnChoice::Branch& branch : choice.branches)
                labels.append(QStringLiteral("‘%1’").arg(bpmnBranchLabel(stream, branch)));
            console.out << "  ‘" << choice.gateway << "’ is a choice between "
                        << labels.join(QStringLiteral(", "))
                        << (alternatives
                                ? ": each branch's steps say they are alternatives (n/a when not taken).\n"
                                : ": its branches are consecutive steps (--alternatives notes them as "
                                  "alternatives; the app's Import BPMN… can keep one branch).\n");
        }
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
         {optional(QStringLiteral("key"), QStringLiteral("KEY")), flag(QStringLiteral("alternatives")),
          jsonFlag()},
         QStringLiteral(
             "Imports each process of a BPMN 2.0 model that has activities as a value stream draft "
             "(keys KEY, KEY-2, KEY-3 … with --key; an existing stream's draft is updated). An "
             "exclusive gateway's branches become consecutive steps and are listed; --alternatives "
             "notes in each branch step that it is an alternative, n/a in a run that takes another."),
         importBpmnCommand},
    };
}

} // namespace stable::cli
