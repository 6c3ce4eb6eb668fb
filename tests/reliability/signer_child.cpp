// A signer in its own process, for the reliability tests: signs the non-critical items of its own runs
// in a loop and prints "signed <attestation id>" (flushed) after each commit, so that the test knows
// exactly what was reported done before it kills this process.
//
//   signer_child LIB INITIALS [--count N] [--then-wait-for TOTAL] [--network]
//
// The PIN is "1234" (the tests' people). --then-wait-for: after signing, wait until the library holds
// TOTAL attestations (the other writer's work) and print "saw N".
#include "library.h"
#include "people.h"
#include "runs.h"
#include "sql.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace stable;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "error: %s\n", qPrintable(message));
    return 1;
}

QString argument(const QStringList& arguments, const QString& name, const QString& fallback)
{
    const int at = static_cast<int>(arguments.indexOf(name));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

// This signer's open run, or a new one.
Result<QString> openRun(Library& library, const QString& initials, int& made)
{
    auto runs = listRuns(library, RunFilter{QStringLiteral("release"), RunStatus::Open});
    if (!runs.ok())
        return runs.error();
    for (const Run& run : runs.value())
        if (run.title.startsWith(initials + QLatin1Char(' ')))
            return run.id;
    auto started = startRun(library, StartRun{QStringLiteral("release"),
                                              QStringLiteral("%1 %2").arg(initials).arg(++made),
                                              RunKind::Routine, 0, std::nullopt, std::nullopt});
    if (!started.ok())
        return started.error();
    return started->id;
}

qint64 attestations(Library& library)
{
    auto query = execSql(library.db(), QStringLiteral("SELECT count(*) FROM attestation"));
    return query.ok() && query->next() ? query->value(0).toLongLong() : -1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 3)
        return fail(QStringLiteral("usage: signer_child LIB INITIALS [--count N] [--then-wait-for TOTAL]"));
    const QString initials = arguments.at(2);
    const int count = argument(arguments, QStringLiteral("--count"), QStringLiteral("1000000")).toInt();
    const qint64 waitFor = argument(arguments, QStringLiteral("--then-wait-for"), QStringLiteral("0")).toLongLong();

    auto opened = Library::open(arguments.at(1));
    if (!opened.ok())
        return fail(opened.message());
    Library& library = *opened.value();
    auto signer = authenticate(library, initials, QStringLiteral("1234"));
    if (!signer.ok())
        return fail(signer.message());
    std::printf("ready\n");
    std::fflush(stdout);

    auto allRuns = listRuns(library);
    int made = allRuns.ok() ? static_cast<int>(allRuns->size()) : 0;
    for (int done = 0; done < count;) {
        auto runId = openRun(library, initials, made);
        if (!runId.ok())
            return fail(runId.message());
        auto run = loadRun(library, runId.value());
        if (!run.ok())
            return fail(run.message());
        const RunItem* next = nullptr;
        bool criticalLeft = false;
        for (const RunItem& item : run->items) {
            if (item.state != ItemState::Open && item.state != ItemState::Failed)
                continue;
            if (item.critical)
                criticalLeft = true;
            else if (!next)
                next = &item;
        }
        if (!next) {
            // Critical items need a second person; this signer closes the run as rolled back instead.
            auto closed = closeRun(library, CloseRun{run->id, criticalLeft, {}});
            if (!closed.ok())
                return fail(closed.message());
            continue;
        }
        SignRequest request;
        request.run = run->id;
        request.item = next->id;
        request.outcome = Outcome::Pass;
        auto signedOne = sign(library, signer.value(), request);
        if (!signedOne.ok())
            return fail(signedOne.message());
        std::printf("signed %s\n", qPrintable(signedOne->id));
        std::fflush(stdout);
        ++done;
    }
    if (waitFor > 0) {
        for (int waited = 0; attestations(library) < waitFor && waited < 3000; ++waited)
            QThread::msleep(10);
        std::printf("saw %lld\n", attestations(library));
        std::fflush(stdout);
    }
    return 0;
}
