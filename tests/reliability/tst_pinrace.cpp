// The five-wrong-PINs lock under parallel attempts (issue 14 item 6): batches of wrong PINs, each its own
// stablectl process started at once, while each process hashes the PIN (slow on purpose) outside any lock.
// However they interleave, five wrong PINs lock the person, and the right PIN is refused until someone else
// unlocks them.
#include "library.h"
#include "people.h"
#include "reliability.h"
#include "sql.h"
#include "testlibrary.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <vector>

using namespace stable;
using namespace stable::test;

namespace {

constexpr int batches = 3;
constexpr int perBatch = 40;

struct PersonState
{
    int failedAttempts = -1;
    bool locked = false;
};

PersonState stateOf(const QString& path, const QString& initials)
{
    PersonState state;
    auto library = Library::open(path, OpenOptions{true, {}});
    if (!library.ok())
        return state;
    auto query =
        execSql(library.value()->db(),
                QStringLiteral("SELECT failed_attempts, locked FROM person WHERE initials = ?"), {initials});
    if (query.ok() && query->next()) {
        state.failedAttempts = query->value(0).toInt();
        state.locked = query->value(1).toBool();
    }
    return state;
}

QProcessEnvironment withPin(const QString& pin)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PIN"), pin);
    return environment;
}

QStringList signArguments(const QString& path, const QString& run, const QString& by)
{
    return {QStringLiteral("run"),
            QStringLiteral("sign"),
            path,
            run,
            QStringLiteral("build/tests"),
            QStringLiteral("--outcome"),
            QStringLiteral("pass"),
            QStringLiteral("--by"),
            by,
            QStringLiteral("--pin-env"),
            QStringLiteral("PIN")};
}

} // namespace

class TestPinRace : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QString m_run;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("race.stable"));
        makeSigningLibrary(m_path);
        // A PIN hash that takes a while (tens of milliseconds), as the real one does, so that many
        // attempts are hashed at the same time.
        {
            auto library = Library::open(m_path);
            QVERIFY(library.ok());
            library.value()->setPinCost(PinCost{2, std::size_t{16} * 1024 * 1024});
            auto added =
                addPerson(*library.value(), NewPerson{QStringLiteral("Dana Example"), QStringLiteral("DE"),
                                                      QStringLiteral("Engineer"), QLatin1String(childPin)});
            QVERIFY2(added.ok(), qPrintable(added.message()));
        }
        const ProgramResult run =
            runStablectl({QStringLiteral("run"), QStringLiteral("start"), m_path, QStringLiteral("release"),
                          QStringLiteral("--title"), QStringLiteral("Release 1")});
        QVERIFY2(run.exitCode == 0, run.said().constData());
        m_run = run.out.trimmed();
    }

    void parallelWrongPinsLockAndTheRightPinIsThenRefused()
    {
        int refusedAsWrong = 0;
        int refusedAsLocked = 0;
        for (int batch = 0; batch < batches; ++batch) {
            std::vector<std::unique_ptr<QProcess>> processes;
            for (int i = 0; i < perBatch; ++i) {
                auto process = std::make_unique<QProcess>();
                process->setProcessEnvironment(
                    withPin(QStringLiteral("%1").arg(5000 + batch * perBatch + i)));
                process->start(stablectlPath(), signArguments(m_path, m_run, QStringLiteral("DE")));
                processes.push_back(std::move(process));
            }
            for (const auto& process : processes) {
                QVERIFY(process->waitForFinished(120000));
                const QString err = QString::fromUtf8(process->readAllStandardError());
                QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 1,
                         qPrintable(err));
                if (err.contains(QLatin1String("locked after 5 wrong PINs")))
                    ++refusedAsLocked;
                else if (err.contains(QLatin1String("Wrong PIN")))
                    ++refusedAsWrong;
                else
                    QFAIL(qPrintable(err));
            }
        }
        const PersonState state = stateOf(m_path, QStringLiteral("DE"));
        qInfo("pin race: %d batches of %d parallel wrong PINs -> %d refused as wrong, %d as locked; "
              "failed_attempts %d, locked %s",
              batches, perBatch, refusedAsWrong, refusedAsLocked, state.failedAttempts,
              state.locked ? "yes" : "no");
        QVERIFY(state.locked);
        QCOMPARE(state.failedAttempts, maxFailedPinAttempts);
        QCOMPARE(refusedAsWrong, maxFailedPinAttempts - 1);

        // The right PIN is refused while locked; after someone else unlocks, it signs.
        const ProgramResult right = runStablectl(signArguments(m_path, m_run, QStringLiteral("DE")), 30000,
                                                 withPin(QLatin1String(childPin)));
        QVERIFY2(right.exitCode == 1 && right.err.contains(QLatin1String("locked after 5 wrong PINs")),
                 right.said().constData());
        const ProgramResult unlock =
            runStablectl({QStringLiteral("person"), QStringLiteral("unlock"), m_path, QStringLiteral("DE"),
                          QStringLiteral("--by"), QStringLiteral("AL"), QStringLiteral("--pin-env"),
                          QStringLiteral("PIN")},
                         30000, withPin(QLatin1String(childPin)));
        QVERIFY2(unlock.exitCode == 0, unlock.said().constData());
        const ProgramResult afterUnlock = runStablectl(signArguments(m_path, m_run, QStringLiteral("DE")),
                                                       30000, withPin(QLatin1String(childPin)));
        QVERIFY2(afterUnlock.exitCode == 0, afterUnlock.said().constData());
    }
};

QTEST_GUILESS_MAIN(TestPinRace)
#include "tst_pinrace.moc"
