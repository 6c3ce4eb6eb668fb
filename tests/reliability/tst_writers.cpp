// Two writers: two signer processes sign into the same library at once while this test reads it as
// the app does (its own connection, polling for the others' commits). No "locked" or "busy" reaches
// anyone, nothing is lost, and each writer sees the other's work.
#include "library.h"
#include "reliability.h"
#include "sql.h"
#include "testlibrary.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

class TestWriters : public QObject
{
    Q_OBJECT
private slots:
    void twoWritersAndAReader_data()
    {
        QTest::addColumn<QString>("filesystem");
        QTest::newRow("local disk (WAL)") << QStringLiteral("local");
        QTest::newRow("network folder (rollback journal)") << QStringLiteral("nfs");
    }

    void twoWritersAndAReader()
    {
        QFETCH(QString, filesystem);
        qputenv("STABLE_FAKE_FS", filesystem.toUtf8());
        const auto restore = qScopeGuard([] { qunsetenv("STABLE_FAKE_FS"); });
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.stable"));
        makeSigningLibrary(path);
        const int each = rounds(40);

        auto app = Library::open(path); // the app instance that only reads meanwhile
        QVERIFY2(app.ok(), qPrintable(app.message()));
        int externalChanges = 0;
        connect(app.value().get(), &Library::changed, this, [&externalChanges](Changes what) {
            if (what.testFlag(Change::External))
                ++externalChanges;
        });

        QElapsedTimer timer;
        timer.start();
        QProcess alice;
        QProcess bob;
        const QStringList common = {QStringLiteral("--count"), QString::number(each), QStringLiteral("--then-wait-for"),
                                    QString::number(2 * each)};
        alice.start(signerChildPath(), QStringList{path, QStringLiteral("AL")} + common);
        bob.start(signerChildPath(), QStringList{path, QStringLiteral("BO")} + common);
        QVERIFY(alice.waitForStarted(10000) && bob.waitForStarted(10000));
        qint64 readerCounts = 0;
        QStringList readerErrors;
        while (alice.state() == QProcess::Running || bob.state() == QProcess::Running) {
            alice.waitForFinished(5);
            bob.waitForFinished(5);
            app.value()->pollExternalChanges();
            auto count = execSql(app.value()->db(), QStringLiteral("SELECT count(*) FROM attestation"));
            if (!count.ok())
                readerErrors << count.message();
            else
                ++readerCounts;
            QVERIFY2(timer.elapsed() < 120000, "the writers did not finish");
        }
        const QString aliceOut = QString::fromUtf8(alice.readAllStandardOutput());
        const QString bobOut = QString::fromUtf8(bob.readAllStandardOutput());
        const QString errors = QString::fromUtf8(alice.readAllStandardError() + bob.readAllStandardError());
        QVERIFY2(alice.exitCode() == 0 && bob.exitCode() == 0, qPrintable(errors));
        QVERIFY2(!errors.contains(QLatin1String("locked"), Qt::CaseInsensitive) &&
                     !errors.contains(QLatin1String("busy"), Qt::CaseInsensitive),
                 qPrintable(errors));
        QVERIFY2(readerErrors.isEmpty(), qPrintable(readerErrors.join(QLatin1Char('\n'))));

        const QStringList reported = reportedSignings(aliceOut) + reportedSignings(bobOut);
        QCOMPARE(reported.size(), 2 * each);
        const FileVerdict verdict = inspect(path);
        QVERIFY2(verdict.checkOk && verdict.verifyOk, qPrintable(verdict.problem));
        QCOMPARE(QSet<QString>(verdict.attestationIds.begin(), verdict.attestationIds.end()),
                 QSet<QString>(reported.begin(), reported.end()));
        // Each writer, once done, saw the other's signatures too.
        const QString sawAll = QStringLiteral("saw %1").arg(2 * each);
        QVERIFY2(aliceOut.contains(sawAll), qPrintable(aliceOut.right(200)));
        QVERIFY2(bobOut.contains(sawAll), qPrintable(bobOut.right(200)));
        QVERIFY(externalChanges > 0);
        qInfo("two writers (%s): %d + %d signatures at once, %lld reported, %lld in the file, 0 lost, 0 "
              "locked/busy errors; the reading instance counted %lld times without an error and noticed %d "
              "foreign commits; %lld ms",
              qPrintable(filesystem), each, each, static_cast<long long>(reported.size()),
              static_cast<long long>(verdict.attestationIds.size()), readerCounts, externalChanges,
              static_cast<long long>(timer.elapsed()));
    }
};

QTEST_GUILESS_MAIN(TestWriters)
#include "tst_writers.moc"
