// Network folders: a library whose folder statfs calls NFS (faked with STABLE_FAKE_FS) uses the
// rollback journal and a single-writer lease; a second machine (faked with STABLE_FAKE_HOST) gets it
// read-only with a message naming the holder, until the holder's heartbeat is stale.
#include "lease.h"
#include "library.h"
#include "people.h"
#include "reliability.h"
#include "sql.h"
#include "testlibrary.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QString journalMode(Library& library)
{
    auto query = execSql(library.db(), QStringLiteral("PRAGMA journal_mode"));
    return query.ok() && query->next() ? query->value(0).toString() : QString();
}

void beHost(const char* host)
{
    qputenv("STABLE_FAKE_HOST", host);
}

} // namespace

class TestNetwork : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void init()
    {
        qputenv("STABLE_FAKE_FS", "nfs");
        beHost("alpha");
    }
    void cleanup()
    {
        qunsetenv("STABLE_FAKE_FS");
        qunsetenv("STABLE_FAKE_HOST");
    }

    void aNetworkLibraryUsesTheRollbackJournalAndALease()
    {
        const QString path = m_dir.filePath(QStringLiteral("share1.stable"));
        auto alpha = Library::create(path);
        QVERIFY2(alpha.ok(), qPrintable(alpha.message()));
        QCOMPARE(alpha.value()->journalMode(), JournalMode::Rollback);
        QCOMPARE(journalMode(*alpha.value()), QStringLiteral("delete"));
        auto lease = currentLease(*alpha.value());
        QVERIFY(lease.ok() && lease->has_value());
        QCOMPARE(lease.value()->host, QStringLiteral("alpha"));
        QCOMPARE(lease.value()->pid, QCoreApplication::applicationPid());
        QVERIFY(!lease.value()->since.isEmpty());
        QVERIFY(!alpha.value()->isReadOnly());

        // Closing lets go of it.
        alpha.value().reset();
        auto reader = Library::open(path, OpenOptions{true, {}});
        QVERIFY(reader.ok());
        auto after = currentLease(*reader.value());
        QVERIFY(after.ok() && !after->has_value());
    }

    void aSecondMachineIsRefusedWhileTheLeaseIsFresh()
    {
        const QString path = m_dir.filePath(QStringLiteral("share2.stable"));
        auto alpha = Library::create(path);
        QVERIFY(alpha.ok());
        alpha.value()->setPinCost(PinCost::minimal());
        auto since = currentLease(*alpha.value());
        const QString sinceText = since.value()->since;

        beHost("beta");
        auto beta = Library::open(path);
        QVERIFY2(beta.ok(), qPrintable(beta.message()));
        QVERIFY(beta.value()->isReadOnly());
        const QString reason = beta.value()->readOnlyReason();
        QVERIFY2(reason.contains(QStringLiteral("‘alpha’")) && reason.contains(sinceText) &&
                     reason.contains(QLatin1String("read-only")),
                 qPrintable(reason));
        const qint64 events = rowCount(*beta.value(), QStringLiteral("audit_event"));
        auto added = addPerson(*beta.value(), NewPerson{QStringLiteral("Dana"), QStringLiteral("DA"), {}, QStringLiteral("1234")});
        QVERIFY(!added.ok());
        QVERIFY2(added.message().contains(QStringLiteral("being written by ‘alpha’")) &&
                     added.message().contains(QLatin1String("Nothing was written")),
                 qPrintable(added.message()));
        QCOMPARE(rowCount(*beta.value(), QStringLiteral("audit_event")), events);

        // The command line on the other machine says the same and exits 1.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PIN"), QStringLiteral("1234"));
        const ProgramResult ctl = runStablectl({QStringLiteral("person"), QStringLiteral("add"), path,
                                                QStringLiteral("--name"), QStringLiteral("Dana"),
                                                QStringLiteral("--initials"), QStringLiteral("DA"),
                                                QStringLiteral("--pin-env"), QStringLiteral("PIN")},
                                               30000, environment);
        QVERIFY2(ctl.exitCode == 1 && ctl.err.contains(QStringLiteral("‘alpha’")), ctl.said().constData());
        qInfo("network folder: second machine refused: %s", qPrintable(ctl.err.trimmed()));

        // Another process on alpha itself shares the lease: its locks on the same file work.
        beHost("alpha");
        environment.insert(QStringLiteral("STABLE_FAKE_HOST"), QStringLiteral("alpha"));
        const ProgramResult sameHost = runStablectl({QStringLiteral("person"), QStringLiteral("add"), path,
                                                     QStringLiteral("--name"), QStringLiteral("Dana"),
                                                     QStringLiteral("--initials"), QStringLiteral("DA"),
                                                     QStringLiteral("--pin-env"), QStringLiteral("PIN")},
                                                    30000, environment);
        QVERIFY2(sameHost.exitCode == 0, sameHost.said().constData());
    }

    void aStaleLeaseIsTakenOver()
    {
        const QString path = m_dir.filePath(QStringLiteral("share3.stable"));
        auto alpha = Library::create(path);
        QVERIFY(alpha.ok());
        // alpha stopped without letting go (a crash, a pulled cable): its heartbeat grows old.
        QVERIFY(rawExec(path, QStringLiteral("UPDATE local_lease SET heartbeat = '2000-01-01T00:00:00Z'")));
        beHost("beta");
        auto beta = Library::open(path);
        QVERIFY(beta.ok());
        QVERIFY2(!beta.value()->isReadOnly(), qPrintable(beta.value()->readOnlyReason()));
        auto lease = currentLease(*beta.value());
        QCOMPARE(lease.value()->host, QStringLiteral("beta"));
        beta.value()->setPinCost(PinCost::minimal());
        QVERIFY(addPerson(*beta.value(), NewPerson{QStringLiteral("Dana"), QStringLiteral("DA"), {}, QStringLiteral("1234")}).ok());
    }

    void aLocalLibraryTakesNoLease()
    {
        qputenv("STABLE_FAKE_FS", "local");
        const QString path = m_dir.filePath(QStringLiteral("local.stable"));
        auto library = Library::create(path);
        QVERIFY(library.ok());
        QCOMPARE(library.value()->journalMode(), JournalMode::Wal);
        QCOMPARE(journalMode(*library.value()), QStringLiteral("wal"));
        QCOMPARE(rowCount(*library.value(), QStringLiteral("local_lease")), 0);
    }
};

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
