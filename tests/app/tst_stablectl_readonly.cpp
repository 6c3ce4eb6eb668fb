// Issue 14, items 3 and 4. An intact library that cannot be written here (a read-only mount, a folder or
// file this user cannot write) opens read-only and says why, never "damaged … restore it from a backup".
// Read commands never write: an older-schema file is refused with how to upgrade it, its bytes and its
// folder left exactly as they were; `upgrade` migrates it once, with one backup.
//
// CI runs as root, and root ignores permission bits: there the commands run as the user nobody
// (setpriv), for whom the bits hold. The read-only mount is a bind mount in a private mount namespace
// (unshare -m), which needs CAP_SYS_ADMIN: without it that one case is skipped, saying so.
#include "library.h"
#include "stablectl_harness.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace stable;
using namespace stable::test;

namespace {

QByteArray digest(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

// Every name in the folder (hidden ones too) with the digest of its bytes.
QStringList listing(const QString& folder)
{
    QStringList names;
    const QDir dir(folder);
    for (const QString& name : dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                                             QDir::Name))
        names.append(name + QLatin1Char(' ') + QString::fromLatin1(digest(dir.filePath(name))));
    return names;
}

CtlResult runAs(const QStringList& prefix, const QStringList& words, const QString& home)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    process.setProcessEnvironment(environment);
    const QStringList all = prefix + QStringList{QStringLiteral(STABLECTL_PATH)} + words;
    process.start(all.first(), all.mid(1));
    CtlResult result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// As root, the commands run as nobody, for whom permission bits hold.
QStringList asUnprivileged()
{
    if (::geteuid() != 0)
        return {};
    return {QStandardPaths::findExecutable(QStringLiteral("setpriv")), QStringLiteral("--reuid=65534"),
            QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"), QStringLiteral("--")};
}

} // namespace

class TestStablectlReadOnly : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_home;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // A library with a person and a published process, closed (no -wal, no -shm beside it).
    QString makeLibrary(const QString& folder)
    {
        QDir().mkpath(folder);
        const QString lib = folder + QStringLiteral("/team.stable");
        const QString process = path(QStringLiteral("release.json"));
        QFile file(process);
        if (!file.exists() && file.open(QIODevice::WriteOnly))
            file.write(releaseProcessJson());
        file.close();
        if (ctl({QStringLiteral("init"), lib}).exitCode != 0 || ctl({QStringLiteral("import"), lib, process}).exitCode != 0)
            return {};
        return lib;
    }

    // The commands of a reader and of a writer on a library that cannot be written here.
    void expectOpenedReadOnly(const QStringList& prefix, const QString& lib)
    {
        const QStringList before = listing(QFileInfo(lib).absolutePath());
        for (const QStringList& words : QList<QStringList>{{QStringLiteral("verify"), lib},
                                                            {QStringLiteral("check"), lib},
                                                            {QStringLiteral("metrics"), lib},
                                                            {QStringLiteral("run"), QStringLiteral("list"), lib}}) {
            const CtlResult read = runAs(prefix, words, m_home);
            QVERIFY2(read.exitCode == 0, read.said().constData());
            QVERIFY2(!read.err.contains(QStringLiteral("damaged")), read.said().constData());
        }
        const CtlResult write = runAs(prefix,
                                      {QStringLiteral("team-hours"), QStringLiteral("set"), lib,
                                       QStringLiteral("2026-01"), QStringLiteral("160")},
                                      m_home);
        QVERIFY2(write.exitCode == 1, write.said().constData());
        QVERIFY2(write.err.contains(QStringLiteral("open read-only")), write.said().constData());
        QVERIFY2(!write.err.contains(QStringLiteral("damaged")) && !write.err.contains(QStringLiteral("restore")),
                 write.said().constData());
        QCOMPARE(listing(QFileInfo(lib).absolutePath()), before);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // nobody must reach the files: the temporary folder is made 0700.
        QVERIFY(QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                         QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                         QFileDevice::ExeOther));
        m_home = path(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(m_home));
        ::chmod(QFile::encodeName(m_home).constData(), 0777);
        if (::geteuid() == 0)
            QVERIFY2(!asUnprivileged().first().isEmpty(), "setpriv is needed to drop root's privileges");
    }

    // A folder of mode 0555 and a file of 0444: "damaged … restore it from a backup" before.
    void aLibraryInAFolderYouCannotWriteOpensReadOnly()
    {
        const QString lib = makeLibrary(path(QStringLiteral("locked")));
        QVERIFY(!lib.isEmpty());
        QVERIFY(::chmod(QFile::encodeName(lib).constData(), 0444) == 0);
        QVERIFY(::chmod(QFile::encodeName(QFileInfo(lib).absolutePath()).constData(), 0555) == 0);
        expectOpenedReadOnly(asUnprivileged(), lib);
        const CtlResult write = runAs(asUnprivileged(),
                                      {QStringLiteral("settings"), QStringLiteral("set"), lib,
                                       QStringLiteral("hourly-rate"), QStringLiteral("90")},
                                      m_home);
        QVERIFY2(write.err.contains(QStringLiteral("not writable")), write.said().constData());
        ::chmod(QFile::encodeName(QFileInfo(lib).absolutePath()).constData(), 0755);
    }

    // A read-only mount: the same, whoever runs it (root included).
    void aLibraryOnAReadOnlyMountOpensReadOnly()
    {
        const QString folder = path(QStringLiteral("mounted"));
        const QString lib = makeLibrary(folder);
        QVERIFY(!lib.isEmpty());
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        if (unshare.isEmpty())
            QSKIP("unshare(1) is not installed: no private mount namespace for a read-only bind mount");
        const QString mount = QStringLiteral("mount --bind '%1' '%1' && mount -o remount,bind,ro '%1' && exec \"$@\"")
                                  .arg(folder);
        const QStringList prefix = {unshare, QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), mount,
                                    QStringLiteral("sh")};
        const CtlResult probe = runAs(prefix, {QStringLiteral("--version")}, m_home);
        if (probe.exitCode != 0)
            QSKIP("no CAP_SYS_ADMIN here: a read-only bind mount cannot be made for this case");
        expectOpenedReadOnly(prefix, lib);
        const CtlResult write = runAs(prefix,
                                      {QStringLiteral("settings"), QStringLiteral("set"), lib,
                                       QStringLiteral("hourly-rate"), QStringLiteral("90")},
                                      m_home);
        QVERIFY2(write.err.contains(QStringLiteral("read-only filesystem")), write.said().constData());
    }

    // check, verify, metrics … on an older-schema file migrated it and left a backup copy each time.
    void readCommandsNeverMigrateOrWrite()
    {
        const QString folder = path(QStringLiteral("old"));
        QVERIFY(QDir().mkpath(folder));
        const QString lib = folder + QStringLiteral("/old.stable");
        QVERIFY(QFile::copy(QStringLiteral(STABLE_TEST_DATA_DIR "/schema0.stable"), lib));
        QFile::setPermissions(lib, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QStringList before = listing(folder);
        const QString out = path(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(out));
        const QList<QStringList> reads = {
            {QStringLiteral("check"), lib},
            {QStringLiteral("verify"), lib},
            {QStringLiteral("metrics"), lib},
            {QStringLiteral("metrics"), lib, QStringLiteral("--json")},
            {QStringLiteral("run"), QStringLiteral("list"), lib},
            {QStringLiteral("person"), QStringLiteral("list"), lib},
            {QStringLiteral("incident"), QStringLiteral("list"), lib},
            {QStringLiteral("export"), lib, out + QStringLiteral("/lib.json")},
            {QStringLiteral("export-csv"), lib, out + QStringLiteral("/csv")},
            {QStringLiteral("backup"), lib, out + QStringLiteral("/copy.stable")},
            {QStringLiteral("checklist"), lib, QStringLiteral("release"), QStringLiteral("--pdf"),
             out + QStringLiteral("/c.pdf")},
            {QStringLiteral("receipt"), lib, QStringLiteral("some-run"), QStringLiteral("--json"),
             out + QStringLiteral("/r.json")},
        };
        for (const QStringList& words : reads) {
            const CtlResult read = ctl(words);
            QVERIFY2(read.exitCode == 1, read.said().constData());
            QVERIFY2(read.err.contains(QStringLiteral("older schema")) &&
                         read.err.contains(QStringLiteral("stablectl upgrade")),
                     read.said().constData());
            QCOMPARE(listing(folder), before);
        }
        // Nothing was made outside either (export-csv makes its folder before it opens the library).
        const QStringList made = QDir(out).entryList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden);
        QCOMPARE(made, QStringList());

        // upgrade migrates it, with exactly one backup of the old version; reading works afterwards.
        const CtlResult upgraded = ctl({QStringLiteral("upgrade"), lib});
        QVERIFY2(upgraded.exitCode == 0, upgraded.said().constData());
        QVERIFY2(upgraded.out.contains(QStringLiteral("Upgraded")), upgraded.said().constData());
        const QStringList backups =
            QDir(folder).entryList({QStringLiteral("old.stable.schema0-*.bak")}, QDir::Files);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(identifyFile(folder + QLatin1Char('/') + backups.first()).schemaVersion, 0);
        CTL_OK(ctl({QStringLiteral("verify"), lib}));
        const CtlResult again = ctl({QStringLiteral("upgrade"), lib});
        QVERIFY2(again.exitCode == 0 && again.out.contains(QStringLiteral("nothing was changed")), again.said().constData());
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.bak")}, QDir::Files).size(), 1);
    }

    // A write command keeps migrating an older file, with its backup.
    void writeCommandsStillMigrate()
    {
        const QString folder = path(QStringLiteral("old-write"));
        QVERIFY(QDir().mkpath(folder));
        const QString lib = folder + QStringLiteral("/old.stable");
        QVERIFY(QFile::copy(QStringLiteral(STABLE_TEST_DATA_DIR "/schema0.stable"), lib));
        QFile::setPermissions(lib, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const CtlResult written = ctl({QStringLiteral("team-hours"), QStringLiteral("set"), lib,
                                       QStringLiteral("2026-01"), QStringLiteral("160")});
        QVERIFY2(written.exitCode == 0 && written.err.contains(QStringLiteral("was migrated")), written.said().constData());
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.bak")}, QDir::Files).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStablectlReadOnly)
#include "tst_stablectl_readonly.moc"
