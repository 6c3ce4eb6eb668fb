// The written process: import a stable-process/1 document into a draft, publish the draft.
#include "cli.h"
#include "commands.h"
#include "processjson.h"
#include "revisions.h"

#include <QFileInfo>

namespace stable::cli {

namespace {

int importCommand(const Arguments& arguments, Console& console)
{
    const QString source = arguments.positional(1);
    auto bytes = readInputFile(source, inputbounds::processJson, QStringLiteral("process JSON file"));
    if (!bytes.ok())
        return console.fail(bytes.error());
    auto stream = parseProcessJson(bytes.value(), QFileInfo(source).fileName());
    if (!stream.ok())
        return console.fail(stream.error());

    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto imported = importProcess(*library.value(), stream.value());
    if (!imported.ok())
        return console.fail(imported.error());
    if (arguments.json()) {
        console.printJson(QJsonObject{{QStringLiteral("id"), imported->streamId},
                                      {QStringLiteral("key"), stream->key},
                                      {QStringLiteral("created"), imported->created},
                                      {QStringLiteral("steps"), imported->steps},
                                      {QStringLiteral("checks"), imported->checks}});
        return exitSuccess;
    }
    console.out << (imported->created ? "Created the value stream ‘" : "Updated the draft of ‘")
                << stream->key
                << "’: " << counted(imported->steps, QStringLiteral("step"), QStringLiteral("steps")) << ", "
                << counted(imported->checks, QStringLiteral("check"), QStringLiteral("checks"))
                << ". Publish it to run it." << Qt::endl;
    return exitSuccess;
}

int publishCommand(const Arguments& arguments, Console& console)
{
    PublishRequest request;
    request.stream = arguments.positional(1);
    request.reason = arguments.value(QStringLiteral("reason"));
    request.answers = arguments.values(QStringLiteral("answers"));
    auto session = openForSigning(arguments, console);
    if (!session.ok())
        return console.fail(session.error());
    auto revision = publish(*session->library, session->signer, request);
    if (!revision.ok())
        return console.fail(revision.error());
    if (arguments.json()) {
        console.printJson(
            QJsonObject{{QStringLiteral("id"), revision->id},
                        {QStringLiteral("stream"), revision->snapshot.key},
                        {QStringLiteral("revision"), revision->number},
                        {QStringLiteral("answers"), QJsonArray::fromStringList(revision->answers)}});
        return exitSuccess;
    }
    console.out << "Published revision " << revision->number << " of ‘" << revision->snapshot.key << "’";
    if (!revision->answers.isEmpty())
        console.out << ", answering " << revision->answers.join(QStringLiteral(", "));
    console.out << "." << Qt::endl;
    return exitSuccess;
}

} // namespace

QList<CommandSpec> processCommands()
{
    const QString lib = QStringLiteral("LIB");
    return {
        {QStringLiteral("import"),
         {lib, QStringLiteral("PROCESS.json")},
         {jsonFlag()},
         QStringLiteral(
             "Creates the value stream of a stable-process/1 document, or replaces the draft of the stream "
             "with its key (steps and checks matched by key keep their identity)."),
         importCommand},
        {QStringLiteral("publish"),
         {lib, QStringLiteral("STREAM")},
         {required(QStringLiteral("by"), QStringLiteral("PERSON")),
          required(QStringLiteral("reason"), QStringLiteral("TEXT")),
          repeated(QStringLiteral("answers"), QStringLiteral("INC-KEY")), pinEnv(), jsonFlag()},
         QStringLiteral(
             "Publishes the draft of a stream as its next revision; answered incidents become prevented."),
         publishCommand},
    };
}

} // namespace stable::cli
