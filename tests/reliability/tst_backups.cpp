// Backups: `stablectl backup` while a writer signs (each copy opened and verified before it is reported
// done); automatic rotating backups of an open library (daily, keep 7, each verified, oldest removed),
// restore-tested.
#include "rotatingbackups.h"
#include "fixtures.h"
#include "integrity.h"
#include "library.h"
#include "reliability.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

class TestBackups : public QObject
{
    Q_OBJECT
private slots:
    void backupWhileAWriterSigns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.stable"));
        makeSigningLibrary(path);
        QProcess writer;
        writer.start(signerChildPath(), {path, QStringLiteral("AL")});
        QVERIFY(writer.waitForStarted(10000));
        QVERIFY(writer.waitForReadyRead(10000));
        QElapsedTimer timer;
        timer.start();
        const int copies = rounds(6);
        qint64 previous = 0;
        QList<qint64> counts;
        for (int n = 0; n < copies; ++n) {
            const QString destination = dir.filePath(QStringLiteral("copy-%1.stable").arg(n));
            const ProgramResult backup = runStablectl({QStringLiteral("backup"), path, destination});
            QVERIFY2(backup.exitCode == 0 && backup.out.contains(QLatin1String("verified the copy")),
                     backup.said().constData());
            const FileVerdict copy = inspect(destination);
            QVERIFY2(copy.checkOk && copy.verifyOk, qPrintable(copy.problem));
            QVERIFY(copy.attestationIds.size() >= previous);
            previous = copy.attestationIds.size();
            counts << previous;
        }
        writer.kill();
        writer.waitForFinished();
        const FileVerdict live = inspect(path);
        QVERIFY(live.checkOk && live.verifyOk);
        QVERIFY(live.attestationIds.size() >= previous);
        QVERIFY2(counts.last() > counts.first(), "the writer did not write meanwhile");
        QString figures;
        for (qint64 count : std::as_const(counts))
            figures += QString::number(count) + QLatin1Char(' ');
        qInfo("backup while writing: %d backups taken while a writer signed, each opened, checked and verified "
              "before done; attestations in them: %s(live at the end: %lld); %lld ms",
              copies, qPrintable(figures.trimmed() + QLatin1Char(' ')), static_cast<long long>(live.attestationIds.size()),
              static_cast<long long>(timer.elapsed()));
    }

    void automaticBackupsRotateAndRestore()
    {
        TempLibrary lib;
        Signer alice = lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        publishSample(*lib, alice);
        const AutoBackupPolicy policy; // daily, keep 7, beside the library
        QCOMPARE(policy.keep, 7);
        int made = 0;
        QStringList removed;
        for (int day = 0; day < 10; ++day) {
            auto run = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("Day %1").arg(day),
                                               RunKind::Routine, 0, std::nullopt, std::nullopt});
            QVERIFY(run.ok());
            SignRequest request;
            request.run = run->id;
            request.item = QStringLiteral("build/tests");
            QVERIFY(sign(*lib, alice, request).ok());
            auto outcome = runAutoBackup(*lib, policy);
            QVERIFY2(outcome.ok(), qPrintable(outcome.message()));
            QVERIFY(outcome->made);
            ++made;
            removed << outcome->removed;
            // An hour later nothing is due.
            lib.clock().advance(3600);
            auto early = runAutoBackup(*lib, policy);
            QVERIFY(early.ok() && !early->made);
            lib.clock().advance(23 * 3600);
        }
        const QString folder = QFileInfo(lib.path()).absoluteDir().filePath(QStringLiteral("backups"));
        const QStringList kept = autoBackups(*lib, folder);
        QCOMPARE(kept.size(), 7);
        QCOMPARE(removed.size(), 3);
        for (const QString& gone : std::as_const(removed))
            QVERIFY(!QFile::exists(gone));
        QVERIFY(kept.first() > removed.last()); // the oldest went
        for (const QString& backup : kept) {
            const FileVerdict verdict = inspect(backup);
            QVERIFY2(verdict.checkOk && verdict.verifyOk, qPrintable(backup + QLatin1Char(' ') + verdict.problem));
        }
        // Restore: the newest backup, opened as the library, verifies and holds every attestation.
        const qint64 live = rowCount(*lib, QStringLiteral("attestation"));
        const QString restored = lib.file(QStringLiteral("restored.stable"));
        QVERIFY(QFile::copy(kept.last(), restored));
        auto opened = Library::open(restored);
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        auto verified = verifyLibrary(*opened.value());
        QVERIFY(verified.ok() && verified->ok);
        QCOMPARE(rowCount(*opened.value(), QStringLiteral("attestation")), live);
        qInfo("automatic backups: %d made over 10 days (1 skipped each day as not due), %d kept, %d oldest "
              "removed, each verified; the newest restored: %lld attestations = %lld live",
              made, static_cast<int>(kept.size()), static_cast<int>(removed.size()),
              static_cast<long long>(rowCount(*opened.value(), QStringLiteral("attestation"))),
              static_cast<long long>(live));
    }

    void aBadPolicyIsRefused()
    {
        TempLibrary lib;
        auto outcome = runAutoBackup(*lib, AutoBackupPolicy{24, 0, {}});
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message().contains(QLatin1String("keep at least one")), qPrintable(outcome.message()));
    }

    void aTamperedLibraryIsNotReportedBackedUp()
    {
        TempLibrary lib;
        Signer alice = lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        publishSample(*lib, alice);
        lib.close();
        QVERIFY(rawExec(lib.path(), QStringLiteral("DROP TRIGGER revision_immutable_u")));
        QVERIFY(rawExec(lib.path(), QStringLiteral("UPDATE revision SET snapshot = replace(snapshot, 'Go', 'GO')")));
        lib.reopen();
        const QString destination = lib.file(QStringLiteral("copy.stable"));
        const Status done = backupLibrary(*lib, destination);
        QVERIFY(!done.ok());
        QVERIFY2(done.message().contains(QLatin1String("failed its own verification")), qPrintable(done.message()));
        QVERIFY(!QFile::exists(destination));
    }
};

QTEST_GUILESS_MAIN(TestBackups)
#include "tst_backups.moc"
