// Copies of a library on the computer that has the original (issue 14 item 17): a backup or a `cp` that
// is then written to takes its own identity (an audited "library.fork" naming its parent), so the untouched
// original keeps verifying; a restore over the original's path is no fork, and `stablectl accept` takes it
// as it is.
#include "library.h"
#include "sql.h"
#include "stablectl_harness.h"
#include "testlibrary.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QString libraryId(const QString& path)
{
    auto library = Library::open(path, OpenOptions{true, {}});
    return library.ok() ? library.value()->libraryId() : library.message();
}

struct Event
{
    QString action;
    QString entityId;
    QString before;
    QString after;
    QString why;
};

QList<Event> eventsOf(const QString& path, const QString& action)
{
    QList<Event> events;
    auto library = Library::open(path, OpenOptions{true, {}});
    if (!library.ok())
        return events;
    auto query = execSql(
        library.value()->db(),
        QStringLiteral("SELECT action, entity_id, before, after, why FROM audit_event WHERE action = ? "
                       "ORDER BY seq"),
        {action});
    while (query.ok() && query->next())
        events.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                       query->value(3).toString(), query->value(4).toString()});
    return events;
}

CtlResult verify(const QString& path)
{
    return ctl({QStringLiteral("verify"), path});
}

} // namespace

class TestStablectlCopies : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // A library with a published process and a run; returns the run's id.
    QString makeLibrary(const QString& path)
    {
        CtlResult result = ctl({QStringLiteral("init"), path});
        if (result.exitCode != 0)
            return {};
        ctl(QStringList{QStringLiteral("person"), QStringLiteral("add"), path} +
            words({"--name", "Alice Example", "--initials", "AL", "--pin-env", "PIN_AL"}));
        const QString process = m_dir.filePath(QStringLiteral("release.json"));
        QFile file(process);
        if (file.open(QIODevice::WriteOnly))
            file.write(releaseProcessJson());
        file.close();
        ctl({QStringLiteral("import"), path, process});
        ctl(QStringList{QStringLiteral("publish"), path, QStringLiteral("release")} +
            words({"--by", "AL", "--reason", "First", "--pin-env", "PIN_AL"}));
        result = ctl({QStringLiteral("run"), QStringLiteral("start"), path, QStringLiteral("release"),
                      QStringLiteral("--title"), QStringLiteral("Release 1")});
        return result.exitCode == 0 ? result.out.trimmed() : QString();
    }

    static CtlResult signItem(const QString& path, const QString& run, const char* item)
    {
        return ctl(
            QStringList{QStringLiteral("run"), QStringLiteral("sign"), path, run, QString::fromUtf8(item)} +
            words({"--outcome", "pass", "--by", "AL", "--pin-env", "PIN_AL"}));
    }

private slots:
    void aBackupThatIsUsedGoesItsOwnWayAndTheOriginalKeepsVerifying()
    {
        const QString original = m_dir.filePath(QStringLiteral("team.stable"));
        const QString run = makeLibrary(original);
        QVERIFY(!run.isEmpty());
        CTL_OK(signItem(original, run, "build/tests"));
        const QString copy = m_dir.filePath(QStringLiteral("team-copy.stable"));
        CTL_OK(ctl({QStringLiteral("backup"), original, copy}));
        const QString parentId = libraryId(original);
        QCOMPARE(libraryId(copy), parentId);
        const qint64 sharedEvents = auditEvents(copy);

        // The copy is used: its first write forks it.
        CTL_OK(signItem(copy, run, "build/artifact"));
        const QString copyId = libraryId(copy);
        QVERIFY(looksLikeUuid(copyId));
        QVERIFY(copyId != parentId);
        QCOMPARE(libraryId(original), parentId);
        const QList<Event> forks = eventsOf(copy, QStringLiteral("library.fork"));
        QCOMPARE(forks.size(), 1);
        QCOMPARE(forks.first().entityId, copyId);
        QCOMPARE(
            QJsonDocument::fromJson(forks.first().before.toUtf8()).object()[QStringLiteral("id")].toString(),
            parentId);
        QCOMPARE(
            QJsonDocument::fromJson(forks.first().after.toUtf8()).object()[QStringLiteral("id")].toString(),
            copyId);
        QVERIFY2(forks.first().why.contains(QStringLiteral("Forked from library %1 after audit event %2")
                                                .arg(parentId)
                                                .arg(sharedEvents)),
                 qPrintable(forks.first().why));
        QCOMPARE(auditEvents(copy), sharedEvents + 2); // the fork, then the signature
        QVERIFY(eventsOf(original, QStringLiteral("library.fork")).isEmpty());

        // Both verify, and go on verifying as each is written to.
        CTL_OK(verify(original));
        CTL_OK(verify(copy));
        CTL_OK(signItem(original, run, "deploy/smoke"));
        CTL_OK(signItem(copy, run, "deploy/smoke"));
        CTL_OK(verify(original));
        CTL_OK(verify(copy));
        QCOMPARE(eventsOf(copy, QStringLiteral("library.fork")).size(), 1);
    }

    void aCopyMadeWithCpToo()
    {
        const QString original = m_dir.filePath(QStringLiteral("cp.stable"));
        const QString run = makeLibrary(original);
        QVERIFY(!run.isEmpty());
        const QString copy = m_dir.filePath(QStringLiteral("cp-copy.stable"));
        QVERIFY(QFile::copy(original, copy));
        CTL_OK(signItem(copy, run, "build/tests"));
        QVERIFY(libraryId(copy) != libraryId(original));
        CTL_OK(verify(original));
        CTL_OK(verify(copy));
    }

    // A library renamed or moved is the same file (device and inode): no fork.
    void aMovedLibraryIsNoFork()
    {
        const QString before = m_dir.filePath(QStringLiteral("before.stable"));
        const QString run = makeLibrary(before);
        QVERIFY(!run.isEmpty());
        const QString id = libraryId(before);
        const QString after = m_dir.filePath(QStringLiteral("after.stable"));
        QVERIFY(QFile::rename(before, after));
        CTL_OK(signItem(after, run, "build/tests"));
        QCOMPARE(libraryId(after), id);
        QVERIFY(eventsOf(after, QStringLiteral("library.fork")).isEmpty());
        CTL_OK(verify(after));
    }

    // A deliberate restore over the original's path: the same library fell behind; accepting it is the
    // user's decision, on the command line as in the app.
    void aRestoreOverTheOriginalIsNoForkAndIsAccepted()
    {
        const QString original = m_dir.filePath(QStringLiteral("restored.stable"));
        const QString run = makeLibrary(original);
        QVERIFY(!run.isEmpty());
        const QString backup = m_dir.filePath(QStringLiteral("restored-backup.stable"));
        CTL_OK(ctl({QStringLiteral("backup"), original, backup}));
        CTL_OK(signItem(original, run, "build/tests"));
        const QString id = libraryId(original);

        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(original + QLatin1String(suffix));
        QVERIFY(QFile::copy(backup, original));
        const CtlResult behind = verify(original);
        QVERIFY2(behind.exitCode == 1 && behind.err.contains(QLatin1String("replaced by an older copy")),
                 behind.said().constData());

        const qint64 events = auditEvents(original);
        const CtlResult accepted = ctl({QStringLiteral("accept"), original});
        CTL_OK(accepted);
        QVERIFY2(
            accepted.out.startsWith(QStringLiteral("Accepted ‘%1’ as it is: this computer now remembers its "
                                                   "audit log up to event %2")
                                        .arg(original)
                                        .arg(events)),
            accepted.said().constData());
        QCOMPARE(auditEvents(original), events); // accepting writes nothing into the file
        QCOMPARE(libraryId(original), id);
        CTL_OK(verify(original));
        CTL_OK(signItem(original, run, "build/tests"));
        QVERIFY(eventsOf(original, QStringLiteral("library.fork")).isEmpty());
        CTL_OK(verify(original));

        const CtlResult help = ctl({QStringLiteral("help"), QStringLiteral("accept")});
        CTL_OK(help);
        QVERIFY(help.out.startsWith(QStringLiteral("usage: stablectl accept LIB")));
    }

    // Accepting a copy whose original is still here makes it go its own way instead of taking over the
    // original's witness.
    void acceptingACopyForksItAndTheOriginalKeepsVerifying()
    {
        const QString original = m_dir.filePath(QStringLiteral("kept.stable"));
        const QString run = makeLibrary(original);
        QVERIFY(!run.isEmpty());
        const QString old = m_dir.filePath(QStringLiteral("kept-old.stable"));
        CTL_OK(ctl({QStringLiteral("backup"), original, old}));
        CTL_OK(signItem(original, run, "build/tests"));
        QCOMPARE(verify(old).exitCode, 1); // an older copy of the same library, as it is
        const CtlResult accepted = ctl({QStringLiteral("accept"), old});
        CTL_OK(accepted);
        QVERIFY2(
            accepted.out.contains(QStringLiteral("It is a copy of ‘%1’ and goes its own way as library %2.")
                                      .arg(original, libraryId(old))),
            accepted.said().constData());
        QVERIFY(libraryId(old) != libraryId(original));
        CTL_OK(verify(old));
        CTL_OK(verify(original));
    }
};

QTEST_GUILESS_MAIN(TestStablectlCopies)
#include "tst_stablectl_copies.moc"
