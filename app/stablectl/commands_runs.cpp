// Proof: start a run of a published revision, sign and void its items, close it, show it.
#include "cli.h"
#include "commands.h"
#include "jsonshapes.h"
#include "runs.h"

#include <algorithm>
#include <limits>

namespace stable::cli {

namespace {

int startCommand(const Arguments& arguments, Console& console)
{
    StartRun request;
    request.stream = arguments.positional(1);
    request.title = arguments.value(QStringLiteral("title"));
    auto kind = choiceOption(arguments, QStringLiteral("kind"), QStringLiteral("release"), parseRunKind,
                             QStringLiteral("release, plan or routine"));
    if (!kind.ok())
        return console.fail(kind.error());
    request.kind = kind.value();
    auto revision =
        integerOption(arguments, QStringLiteral("revision"), 0, 1, std::numeric_limits<int>::max());
    if (!revision.ok())
        return console.fail(revision.error());
    request.revision = revision.value();
    auto plannedStart = momentOption(arguments, QStringLiteral("planned-start"));
    if (!plannedStart.ok())
        return console.fail(plannedStart.error());
    request.plannedStart = plannedStart.value();
    auto rollbackPoint = momentOption(arguments, QStringLiteral("rollback-point"));
    if (!rollbackPoint.ok())
        return console.fail(rollbackPoint.error());
    request.rollbackPoint = rollbackPoint.value();

    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto run = startRun(*library.value(), request);
    if (!run.ok())
        return console.fail(run.error());
    console.printCreated(arguments, run->id);
    return exitSuccess;
}

int signCommand(const Arguments& arguments, Console& console)
{
    SignRequest request;
    request.run = arguments.positional(1);
    request.item = arguments.positional(2);
    auto outcome = choiceOption(arguments, QStringLiteral("outcome"), QString(), parseOutcome,
                                QStringLiteral("pass, fail or na"));
    if (!outcome.ok())
        return console.fail(outcome.error());
    request.outcome = outcome.value();
    auto meaning = choiceOption(arguments, QStringLiteral("meaning"), QStringLiteral("performed"),
                                parseMeaning, QStringLiteral("performed or verified"));
    if (!meaning.ok())
        return console.fail(meaning.error());
    request.meaning = meaning.value();
    request.note = arguments.value(QStringLiteral("note"));
    request.evidence = arguments.value(QStringLiteral("evidence"));
    auto at = momentOption(arguments, QStringLiteral("at"));
    if (!at.ok())
        return console.fail(at.error());
    request.at = at.value();

    auto session = openForSigning(arguments, console);
    if (!session.ok())
        return console.fail(session.error());
    auto attestation = sign(*session->library, session->signer, request);
    if (!attestation.ok())
        return console.fail(attestation.error());
    console.printCreated(arguments, attestation->id);
    return exitSuccess;
}

int voidCommand(const Arguments& arguments, Console& console)
{
    auto session = openForSigning(arguments, console);
    if (!session.ok())
        return console.fail(session.error());
    auto voided = voidAttestation(*session->library, session->signer, arguments.positional(1),
                                  arguments.positional(2), arguments.value(QStringLiteral("reason")));
    if (!voided.ok())
        return console.fail(voided.error());
    console.printCreated(arguments, voided.value());
    return exitSuccess;
}

int closeCommand(const Arguments& arguments, Console& console)
{
    CloseRun request;
    request.run = arguments.positional(1);
    request.rolledBack = arguments.has(QStringLiteral("rolled-back"));
    request.lessons = arguments.value(QStringLiteral("lessons"));
    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto run = closeRun(*library.value(), request);
    if (!run.ok())
        return console.fail(run.error());
    if (arguments.json()) {
        console.printJson(runSummaryToJson(run.value()));
        return exitSuccess;
    }
    console.out << "Run ‘" << run->title << "’ is " << toText(run->status) << "." << Qt::endl;
    return exitSuccess;
}

// One signature: its id first (what `run void` takes), then who, how and when; note and evidence below.
void printAttestation(QTextStream& out, const Attestation& attestation)
{
    out << "      " << attestation.id << "  " << toText(attestation.outcome).leftJustified(4) << "  "
        << attestation.signerInitials << ' ' << attestation.signerName << ", " << toText(attestation.meaning)
        << ", " << attestation.signedAt;
    // Dated by the signer (--at): when it was written stands beside it.
    if (!attestation.recordedAt.isEmpty() && attestation.recordedAt != attestation.signedAt)
        out << " (recorded " << attestation.recordedAt << ')';
    if (attestation.attempt > 1)
        out << ", attempt " << attestation.attempt;
    out << '\n';
    if (!attestation.note.isEmpty())
        out << "          note: " << attestation.note << '\n';
    if (!attestation.evidence.isEmpty())
        out << "          evidence: " << attestation.evidence << '\n';
    if (attestation.voided)
        out << "          VOIDED by " << attestation.voidedByName << " at " << attestation.voidedAt << ": "
            << attestation.voidReason << '\n';
}

int showCommand(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto run = loadRun(*library.value(), arguments.positional(1));
    if (!run.ok())
        return console.fail(run.error());
    if (arguments.json()) {
        console.printJson(runToJson(run.value()));
        return exitSuccess;
    }
    QTextStream& out = console.out;
    out << run->title << " — ‘" << run->streamKey << "’ revision " << run->revisionNumber << ", "
        << toText(run->kind) << ", " << toText(run->status) << '\n';
    out << "  id " << run->id << ", started " << run->startedAt;
    if (!run->closedAt.isEmpty())
        out << ", closed " << run->closedAt;
    out << '\n';
    if (!run->plannedStart.isEmpty() || !run->rollbackPoint.isEmpty())
        out << "  planned start " << (run->plannedStart.isEmpty() ? QStringLiteral("–") : run->plannedStart)
            << ", rollback point "
            << (run->rollbackPoint.isEmpty() ? QStringLiteral("–") : run->rollbackPoint) << '\n';
    QString step;
    for (const RunItem& item : run->items) {
        if (item.stepKey != step) {
            step = item.stepKey;
            out << "\n  " << item.stepName << " (" << item.stepKey << ")\n";
        }
        out << "    [" << toText(item.state).leftJustified(6) << "] " << item.ref() << " ("
            << toText(item.stage) << (item.critical ? QStringLiteral(", critical: two signers") : QString())
            << ") " << item.statement << '\n';
        for (const Attestation& attestation : item.attestations)
            printAttestation(out, attestation);
    }
    if (!run->lessons.isEmpty())
        out << "\nLessons learned: " << run->lessons << '\n';
    out.flush();
    return exitSuccess;
}

int listCommand(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    RunFilter filter;
    filter.stream = arguments.value(QStringLiteral("stream"));
    auto runs = listRuns(*library.value(), filter);
    if (!runs.ok())
        return console.fail(runs.error());
    if (arguments.json()) {
        QJsonArray array;
        for (const Run& run : runs.value())
            array.append(runSummaryToJson(run));
        console.printJson(array);
        return exitSuccess;
    }
    if (runs->isEmpty()) {
        console.out << "No runs." << Qt::endl;
        return exitSuccess;
    }
    const auto streamLabel = [](const Run& run) {
        return QString(run.streamKey + QStringLiteral(" r") + QString::number(run.revisionNumber));
    };
    int streamWidth = 6;
    for (const Run& run : runs.value())
        streamWidth = std::max(streamWidth, static_cast<int>(streamLabel(run).size()));
    for (const Run& run : runs.value())
        console.out << run.id << "  " << run.startedAt << "  " << streamLabel(run).leftJustified(streamWidth)
                    << "  " << toText(run.status).leftJustified(11) << ' ' << run.title << '\n';
    console.out.flush();
    return exitSuccess;
}

} // namespace

QList<CommandSpec> runCommands()
{
    const QString lib = QStringLiteral("LIB");
    const QString runArg = QStringLiteral("RUN");
    return {
        {QStringLiteral("run start"),
         {lib, QStringLiteral("STREAM")},
         {required(QStringLiteral("title"), QStringLiteral("TEXT")),
          optional(QStringLiteral("kind"), QStringLiteral("release|plan|routine")),
          optional(QStringLiteral("revision"), QStringLiteral("N")),
          optional(QStringLiteral("planned-start"), QStringLiteral("ISO8601")),
          optional(QStringLiteral("rollback-point"), QStringLiteral("ISO8601")), jsonFlag()},
         QStringLiteral("Starts a run of the latest (or the given) published revision; prints the run's id."),
         startCommand},
        {QStringLiteral("run sign"),
         {lib, runArg, QStringLiteral("STEP/CHECK")},
         {required(QStringLiteral("outcome"), QStringLiteral("pass|fail|na")),
          required(QStringLiteral("by"), QStringLiteral("PERSON")),
          optional(QStringLiteral("meaning"), QStringLiteral("performed|verified")),
          optional(QStringLiteral("note"), QStringLiteral("TEXT")),
          optional(QStringLiteral("evidence"), QStringLiteral("LOCATION")),
          optional(QStringLiteral("at"), QStringLiteral("ISO8601")), pinEnv(), jsonFlag()},
         QStringLiteral("Signs one item of a run with the signer's PIN; prints the attestation's id. A "
                        "critical item needs "
                        "two different people; na needs a --note with the reason."),
         signCommand},
        {QStringLiteral("run void"),
         {lib, runArg, QStringLiteral("ATTESTATION")},
         {required(QStringLiteral("reason"), QStringLiteral("TEXT")),
          required(QStringLiteral("by"), QStringLiteral("PERSON")), pinEnv(), jsonFlag()},
         QStringLiteral("Voids an attestation with a reason (a new record; the attestation is kept); prints "
                        "the void's id."),
         voidCommand},
        {QStringLiteral("run close"),
         {lib, runArg},
         {flag(QStringLiteral("rolled-back")), optional(QStringLiteral("lessons"), QStringLiteral("TEXT")),
          jsonFlag()},
         QStringLiteral("Completes a run whose every item passed or is n/a, or closes it as rolled back."),
         closeCommand},
        {QStringLiteral("run show"),
         {lib, runArg},
         {jsonFlag()},
         QStringLiteral("Shows a run with its items and every attestation, voided ones included."),
         showCommand},
        {QStringLiteral("run list"),
         {lib},
         {optional(QStringLiteral("stream"), QStringLiteral("STREAM")), jsonFlag()},
         QStringLiteral("Lists the runs of the library or of one stream."),
         listCommand},
    };
}

} // namespace stable::cli
