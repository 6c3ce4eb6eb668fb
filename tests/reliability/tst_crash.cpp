// Crash: a signer in its own process is killed with SIGKILL at random moments while it signs; after each
// kill the file passes check and verify, and every signing it reported done is in it. And a full disk
// (a size limit on the signer's files): a clear error, no half-written record.
#include "library.h"
#include "reliability.h"
#include "testlibrary.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <random>
#include <sys/resource.h>

using namespace stable;
using namespace stable::test;

namespace {

QSet<QString> toSet(const QStringList& list)
{
    return QSet<QString>(list.begin(), list.end());
}

// The child's files may not grow past `bytes`; writing further fails (EFBIG) instead of killing it.
std::function<void()> fileSizeLimit(rlim_t bytes)
{
    return [bytes] {
        struct rlimit limit{bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ::signal(SIGXFSZ, SIG_IGN);
    };
}

qint64 sizeOf(const QString& path)
{
    return QFile(path).size();
}

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT
private slots:
    void killedSignersLoseNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.stable"));
        makeSigningLibrary(path);
        std::mt19937 random(seed());
        std::uniform_int_distribution<int> delayUs(0, 30000);
        const int total = rounds(100);
        QElapsedTimer timer;
        timer.start();
        QStringList reported;
        int killedWhileSigning = 0;
        qint64 inFileNotReported = 0;
        for (int round = 0; round < total; ++round) {
            QProcess child;
            child.start(signerChildPath(), {path, round % 2 ? QStringLiteral("AL") : QStringLiteral("BO")});
            QVERIFY(child.waitForStarted(10000));
            // Kill once it is in its signing loop (it reported one), at a random moment after that.
            QString output;
            while (!output.contains(QLatin1String("signed ")) && child.state() == QProcess::Running) {
                child.waitForReadyRead(5000);
                output += QString::fromUtf8(child.readAllStandardOutput());
            }
            QThread::usleep(static_cast<unsigned long>(delayUs(random)));
            if (child.state() == QProcess::Running)
                ++killedWhileSigning;
            child.kill(); // SIGKILL: no destructor, no rollback, no flush
            child.waitForFinished(10000);
            output += QString::fromUtf8(child.readAllStandardOutput());
            QVERIFY2(child.exitStatus() == QProcess::CrashExit,
                     qPrintable(QString::fromUtf8(child.readAllStandardError())));
            const QStringList done = reportedSignings(output);
            reported << done;

            const FileVerdict verdict = inspect(path);
            QVERIFY2(verdict.opened && verdict.checkOk && verdict.verifyOk,
                     qPrintable(QStringLiteral("round %1: %2").arg(round).arg(verdict.problem)));
            const QSet<QString> present = toSet(verdict.attestationIds);
            for (const QString& id : std::as_const(reported))
                QVERIFY2(present.contains(id), qPrintable(QStringLiteral("round %1 lost %2").arg(round).arg(id)));
            inFileNotReported = verdict.attestationIds.size() - reported.size();
        }
        // The product's own commands agree.
        const ProgramResult check = runStablectl({QStringLiteral("check"), path});
        QVERIFY2(check.exitCode == 0, check.said().constData());
        const ProgramResult verify = runStablectl({QStringLiteral("verify"), path});
        QVERIFY2(verify.exitCode == 0, verify.said().constData());
        qInfo("crash: %d rounds, %d SIGKILLs while signing, %lld signings reported done, %lld present, 0 lost, "
              "%lld committed but killed before reporting; check + verify passed after every kill; %lld ms",
              total, killedWhileSigning, static_cast<long long>(reported.size()),
              static_cast<long long>(reported.size()), static_cast<long long>(inFileNotReported),
              static_cast<long long>(timer.elapsed()));
    }

    void aFullDiskIsAClearErrorAndWritesNothingHalf()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("full.stable"));
        makeSigningLibrary(path);
        // Room for a few signatures in the write-ahead log, then the "disk" is full.
        const auto limit = static_cast<rlim_t>(std::max(sizeOf(path), qint64{0}) + 96 * 1024);
        const ProgramResult child = runProgram(signerChildPath(), {path, QStringLiteral("AL")}, 60000,
                                               QProcessEnvironment::systemEnvironment(), fileSizeLimit(limit));
        QVERIFY2(child.finished && !child.crashed && child.exitCode == 1, child.said().constData());
        const QStringList reported = reportedSignings(child.out);
        QVERIFY2(!reported.isEmpty(), child.said().constData());
        QVERIFY2(child.err.contains(QLatin1String("nothing was written")), child.said().constData());

        // The product's command line under the same limit says so too, and exits 1.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PIN"), QLatin1String(childPin));
        const ProgramResult started = runStablectl({QStringLiteral("run"), QStringLiteral("start"), path,
                                                    QStringLiteral("release"), QStringLiteral("--title"),
                                                    QStringLiteral("Under a full disk")});
        QVERIFY2(started.exitCode == 0, started.said().constData());
        const QString run = started.out.trimmed();
        const FileVerdict before = inspect(path);
        QVERIFY(before.checkOk && before.verifyOk);
        auto holder = Library::open(path); // another instance has it open, so its shared index exists
        QVERIFY(holder.ok());
        const ProgramResult ctl = runProgram(
            stablectlPath(),
            {QStringLiteral("run"), QStringLiteral("sign"), path, run, QStringLiteral("deploy/go"),
             QStringLiteral("--outcome"), QStringLiteral("pass"), QStringLiteral("--by"), QStringLiteral("BO"),
             QStringLiteral("--pin-env"), QStringLiteral("PIN")},
            60000, environment, fileSizeLimit(rlim_t{8192})); // the log's second page does not fit
        holder.value().reset();
        QVERIFY2(ctl.finished && !ctl.crashed && ctl.exitCode == 1, ctl.said().constData());
        QVERIFY2(ctl.err.contains(QLatin1String("nothing was written")), ctl.said().constData());

        // Without the limit: the file is whole, holds exactly what was reported, and takes signatures again.
        const FileVerdict after = inspect(path);
        QVERIFY2(after.opened && after.checkOk && after.verifyOk, qPrintable(after.problem));
        QCOMPARE(toSet(after.attestationIds), toSet(reported));
        QCOMPARE(after.auditEvents, before.auditEvents);
        const ProgramResult again = runProgram(signerChildPath(), {path, QStringLiteral("AL"), QStringLiteral("--count"), QStringLiteral("2")}, 60000);
        QVERIFY2(again.exitCode == 0, again.said().constData());
        qInfo("disk full: %lld signatures committed before the limit, then refused with \"%s\"; stablectl: \"%s\"; "
              "no half-written record (check + verify pass, %lld attestations = %lld reported)",
              static_cast<long long>(reported.size()), qPrintable(child.err.trimmed()), qPrintable(ctl.err.trimmed()),
              static_cast<long long>(after.attestationIds.size()), static_cast<long long>(reported.size()));
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
