#include "library.h"

#include "filesafety.h"
#include "lease.h"
#include "rawsqlite.h"
#include "sql.h"
#include "witness.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSysInfo>
#include <QTimer>
#include <QtEndian>
#include <sodium.h>
#include <sqlite3.h>

#ifdef Q_OS_LINUX
#include <sys/vfs.h>
#endif
#ifndef Q_OS_WIN
#include <cerrno>
#include <pwd.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <atomic>

Q_LOGGING_CATEGORY(lcLibrary, "stable.library")

namespace stable {

namespace {

struct Migration
{
    int version = 0;
    QString resource;
};

// Migrations are resources named sql/NNN_what.sql; the schema version is the highest NNN.
QList<Migration> migrations()
{
    QList<Migration> list;
    const QDir dir(QStringLiteral(":/sql"));
    const QStringList names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        bool isNumber = false;
        const int version = name.section(QLatin1Char('_'), 0, 0).toInt(&isNumber);
        if (isNumber && version > 0)
            list.append({version, dir.filePath(name)});
    }
    std::sort(list.begin(), list.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return list;
}

QString quoted(const QString& path)
{
    return QStringLiteral("‘%1’").arg(QFileInfo(path).fileName());
}

// Qt keeps connections in a process-wide registry by name; every Library needs its own.
QString uniqueConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("stable-%1").arg(++counter);
}

// The operating system's account this process runs as, never $USER or $LOGNAME: anyone can set those
// (`USER=alice stablectl …`), and the audit log must name who really wrote.
QString defaultActor()
{
    QString login;
#ifdef Q_OS_UNIX
    if (const passwd* account = getpwuid(geteuid()); account && account->pw_name && *account->pw_name)
        login = QString::fromLocal8Bit(account->pw_name);
    else
        login = QStringLiteral("uid%1").arg(geteuid()); // an account without a name (a container's uid)
#else
    login = qEnvironmentVariable("USERNAME", QStringLiteral("unknown"));
#endif
    return QStringLiteral("user:%1@%2").arg(login, QSysInfo::machineHostName());
}

// Waits for another connection's lock in short, jittered sleeps. SQLite's own busy_timeout backs off to
// 100 ms naps, so a writer that loops (a build server signing item after item) wins the lock again and
// again while the other waits: with a rollback journal the other gave up with "database is locked".
// Short random naps make the wait fair; the limit (~15 s) only ends a lock held by a hung program.
int waitForLock(void*, int attempt)
{
    constexpr int attempts = 5000; // × ~3 ms
    if (attempt >= attempts)
        return 0;
    sqlite3_sleep(QRandomGenerator::global()->bounded(1, 6));
    return 1;
}

// Empty when this user can write the library and its folder (SQLite keeps its journal files beside it).
QString whyNotWritable(const QString& path)
{
#ifdef Q_OS_WIN
    Q_UNUSED(path)
    return {};
#else
    const QFileInfo info(path);
    const QByteArray folder = QFile::encodeName(info.absolutePath());
    if (::access(QFile::encodeName(path).constData(), W_OK) != 0)
        return errno == EROFS ? QStringLiteral("it is on a read-only filesystem.")
                              : QStringLiteral("the file is not writable by you.");
    if (::access(folder.constData(), W_OK) != 0)
        return errno == EROFS ? QStringLiteral("it is on a read-only filesystem.")
                              : QStringLiteral("the folder %1 is not writable by you (SQLite keeps its journal "
                                               "beside the file).")
                                    .arg(info.absolutePath());
    return {};
#endif
}

Error damaged(const QString& path, const QString& detail)
{
    return Error{ErrorKind::Invalid,
                 QStringLiteral("%1 is damaged and cannot be opened (%2). It was left as it is; restore it "
                                "from a backup.")
                     .arg(quoted(path), detail)};
}

} // namespace

PinCost PinCost::standard()
{
    // Argon2id, 5 passes over 64 MiB. Measured on the 2-core reference machine (libsodium 1.0.18):
    // 3 passes ~93 ms, 4 ~112 ms, so 5 passes lands at ~140 ms: slow for a guesser, quick for a signer.
    return PinCost{5, std::size_t{64} * 1024 * 1024};
}

PinCost PinCost::minimal()
{
    return PinCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

int Library::schemaVersion()
{
    const QList<Migration> list = migrations();
    return list.isEmpty() ? 0 : list.last().version;
}

FileIdentity identifyFile(const QString& path)
{
    FileIdentity identity;
    QFileInfo info(path);
    if (!info.exists()) {
        identity.kind = FileIdentity::Kind::Missing;
        return identity;
    }
    identity.notRegular = nonRegularKind(path);
    if (!identity.notRegular.isEmpty()) {
        identity.kind = FileIdentity::Kind::NotRegular;
        return identity;
    }
    // Opened without blocking: a FIFO swapped in after the check above is refused, not waited on.
    auto file = openRegularFile(path, QStringLiteral("library"));
    if (!file.ok()) {
        identity.notRegular = nonRegularKind(path);
        identity.kind =
            identity.notRegular.isEmpty() ? FileIdentity::Kind::Unreadable : FileIdentity::Kind::NotRegular;
        return identity;
    }
    const QByteArray header = file.value()->read(100);
    if (header.isEmpty()) {
        identity.kind = FileIdentity::Kind::Empty;
        return identity;
    }
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        identity.kind = FileIdentity::Kind::NotSqlite;
        return identity;
    }
    const auto bigEndian = [&header](int offset) {
        return qFromBigEndian<qint32>(reinterpret_cast<const uchar*>(header.constData()) + offset);
    };
    if (bigEndian(68) != Library::applicationId) {
        identity.kind = FileIdentity::Kind::ForeignSqlite;
        return identity;
    }
    identity.schemaVersion = bigEndian(60);
    identity.kind = identity.schemaVersion > Library::schemaVersion() ? FileIdentity::Kind::NewStable
                                                                      : FileIdentity::Kind::Stable;
    return identity;
}

bool isOnNetworkFilesystem(const QString& path)
{
    const QString fake = qEnvironmentVariable("STABLE_FAKE_FS").toLower();
    if (!fake.isEmpty())
        return fake != QLatin1String("local") && fake != QLatin1String("ext4") &&
               fake != QLatin1String("tmpfs");
#ifdef Q_OS_LINUX
    struct statfs info
    {
    };
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    if (statfs(folder.constData(), &info) != 0)
        return false;
    switch (static_cast<unsigned long>(info.f_type)) {
    case 0x6969UL:     // NFS
    case 0x517BUL:     // SMB
    case 0xFF534D42UL: // CIFS
    case 0xFE534D42UL: // SMB2
    case 0x65735546UL: // FUSE (sshfs, rclone …)
    case 0x01021997UL: // 9P
    case 0x5346414FUL: // AFS
    case 0x00C36400UL: // Ceph
        return true;
    default:
        return false;
    }
#else
    Q_UNUSED(path)
    return false;
#endif
}

Library::Library(QString path, QString connectionName, OpenOptions options)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_options(options)
    , m_clock(std::make_shared<SystemClock>())
    , m_actor(defaultActor())
    , m_pinCost(PinCost::standard())
{
    registerOpenLibrary(m_path);
}

Library::~Library()
{
    unregisterOpenLibrary(m_path);
    if (m_holdsLease)
        releaseLease(*this);
    {
        QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
        if (connection.isOpen())
            connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Library::db() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Library::displayName() const
{
    return QFileInfo(m_path).completeBaseName();
}

void Library::setClock(std::shared_ptr<Clock> clock)
{
    m_clock = std::move(clock);
}

void Library::notifyCommitted(Changes what)
{
    // Our own commit bumps nothing in data_version for this connection, but re-read it so that a
    // foreign commit is not confused with ours.
    pollExternalChanges();
    // The witness outside the file learns every extension of the chain; failing to write it never
    // fails the commit that already happened.
    const Status witnessed = recordWitness(*this);
    if (!witnessed.ok())
        qCWarning(lcLibrary).noquote() << witnessed.message();
    if (m_holdsLease && QDateTime::currentMSecsSinceEpoch() - m_leaseRenewedAt > leaseHeartbeatSeconds * 1000)
        renewLease();
    emit changed(what);
}

Status Library::settle()
{
    {
        // Finished before the lease's BEGIN IMMEDIATE: a statement still open holds a read lock, and SQLite
        // then answers "locked" at once instead of waiting.
        auto identity = execSql(db(), QStringLiteral("SELECT id FROM local_library ORDER BY rowid LIMIT 1"));
        if (identity.ok() && identity->next())
            m_libraryId = identity->value(0).toString();
    }
    // A copy beside its original goes its own way before its first write (WriteTransaction::begin).
    if (!m_options.readOnly)
        m_copyOf = originalOfCopy(*this);
    if (m_journalMode != JournalMode::Rollback || m_options.readOnly)
        return success();
    const Status leased = takeLease(*this);
    if (!leased.ok()) {
        if (leased.error().kind != ErrorKind::Refused)
            return leased;
        m_options.readOnly = true;
        m_readOnlyReason = leased.message();
        return success();
    }
    m_holdsLease = true;
    m_leaseRenewedAt = QDateTime::currentMSecsSinceEpoch();
    auto* heartbeat = new QTimer(this);
    connect(heartbeat, &QTimer::timeout, this, &Library::renewLease);
    heartbeat->start(leaseHeartbeatSeconds * 1000);
    return success();
}

void Library::adoptForkedIdentity(const QString& id)
{
    m_idBeforeFork = m_libraryId;
    m_copyOfBeforeFork = m_copyOf;
    m_libraryId = id;
    m_copyOf.clear();
}

void Library::undoForkedIdentity()
{
    if (m_idBeforeFork.isEmpty())
        return;
    m_libraryId = m_idBeforeFork;
    m_copyOf = m_copyOfBeforeFork;
    m_idBeforeFork.clear();
    m_copyOfBeforeFork.clear();
}

void Library::renewLease()
{
    const Status renewed = takeLease(*this);
    if (renewed.ok()) {
        m_leaseRenewedAt = QDateTime::currentMSecsSinceEpoch();
        return;
    }
    // Another machine took the lease over (our heartbeat stalled): stop writing rather than race it.
    qCWarning(lcLibrary).noquote() << renewed.message();
    if (renewed.error().kind == ErrorKind::Refused) {
        m_holdsLease = false;
        m_options.readOnly = true;
        m_readOnlyReason = renewed.message();
    }
}

bool Library::pollExternalChanges()
{
    auto query = execSql(db(), QStringLiteral("PRAGMA data_version"));
    if (!query.ok() || !query->next())
        return false;
    const qint64 version = query->value(0).toLongLong();
    const bool foreign = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    if (foreign)
        emit changed(Change::External);
    return foreign;
}

Status Library::configureConnection()
{
    QSqlDatabase connection = db();
    if (sqlite3* handle = sqliteHandle(connection)) {
        // Defensive mode: no writable_schema and no direct shadow-table writes, even from SQL we run.
        sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
        sqlite3_busy_handler(handle, waitForLock, nullptr);
    } else {
        return storageError(QStringLiteral("The SQLite driver did not hand out its connection."));
    }

    const bool network = m_options.networkFilesystem.value_or(isOnNetworkFilesystem(m_path));
    m_journalMode = network ? JournalMode::Rollback : JournalMode::Wal;

    // No PRAGMA busy_timeout: it would replace waitForLock.
    QStringList pragmas = {QStringLiteral("PRAGMA foreign_keys = ON"),
                           QStringLiteral("PRAGMA trusted_schema = OFF"),
                           QStringLiteral("PRAGMA synchronous = FULL"),
                           // 32 MiB of pages (the default is 2 MiB): scrolling a list of years of runs or
                           // signing in a large library reads the same index pages again and again.
                           QStringLiteral("PRAGMA cache_size = -32768")};
    if (!m_options.readOnly) {
        // WAL needs shared memory that network filesystems do not provide reliably.
        pragmas.append(network ? QStringLiteral("PRAGMA journal_mode = DELETE")
                               : QStringLiteral("PRAGMA journal_mode = WAL"));
    }
    for (const QString& pragma : std::as_const(pragmas)) {
        auto result = execSql(connection, pragma);
        if (!result.ok())
            return result.error();
    }
    return success();
}

Result<std::unique_ptr<Library>> Library::create(const QString& path, const OpenOptions& options)
{
    if (QFileInfo(path).isSymLink())
        return refused(QStringLiteral("%1 is a symbolic link; a new library is never made through a link. "
                                      "Choose a new file name.")
                           .arg(quoted(path)));
    if (QFileInfo::exists(path))
        return refused(QStringLiteral("%1 already exists; choose a new file name.").arg(quoted(path)));
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return notFound(QStringLiteral("The folder %1 does not exist.").arg(info.absolutePath()));
    if (options.readOnly)
        return Error{ErrorKind::Usage, QStringLiteral("A new library cannot be created read-only.")};

    const QString connectionName = uniqueConnectionName();
    std::unique_ptr<Library> library(new Library(info.absoluteFilePath(), connectionName, options));
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        connection.setDatabaseName(library->m_path);
        if (!connection.open())
            return storageError(QStringLiteral("Could not create %1: %2")
                                    .arg(quoted(path), connection.lastError().driverText()));
    }
    auto cleanUp = [&path]() {
        for (const QString& suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(path + suffix);
    };
    // 16 KiB pages, set before the first write (WAL fixes the size): a library grows to gigabytes of
    // audit events and signatures read through in order, and a quarter of the pages is a quarter of the
    // page reads — verify of the ten-year library 2.6 s instead of 2.9 s with 4 KiB.
    Status status = execSql(library->db(), QStringLiteral("PRAGMA page_size = %1").arg(pageSize)).ok()
                        ? success()
                        : Status(storageError(QStringLiteral("Could not write %1.").arg(quoted(path))));
    if (status.ok())
        status = library->configureConnection();
    if (status.ok())
        status = execSql(library->db(), QStringLiteral("PRAGMA application_id = %1").arg(applicationId)).ok()
                     ? success()
                     : Status(storageError(QStringLiteral("Could not write %1.").arg(quoted(path))));
    if (status.ok())
        status = library->migrate(0, false);
    if (status.ok())
        status = library->settle();
    if (!status.ok()) {
        library.reset();
        cleanUp();
        return status.error();
    }
    library->pollExternalChanges();
    return library;
}

Result<std::unique_ptr<Library>> Library::open(const QString& path, const OpenOptions& options)
{
    const FileIdentity identity = identifyFile(path);
    switch (identity.kind) {
    case FileIdentity::Kind::Missing:
        return notFound(QStringLiteral("%1 does not exist.").arg(quoted(path)));
    case FileIdentity::Kind::Unreadable:
        return storageError(
            QStringLiteral("%1 cannot be read (is it a folder, or not readable by you?).").arg(quoted(path)));
    case FileIdentity::Kind::Empty:
        return invalid(QStringLiteral("%1 is empty: it is not a Stable library.").arg(quoted(path)));
    case FileIdentity::Kind::NotSqlite:
        return invalid(
            QStringLiteral("%1 is not a Stable library (it is not an SQLite database).").arg(quoted(path)));
    case FileIdentity::Kind::ForeignSqlite:
        return invalid(QStringLiteral("%1 is an SQLite database of another program, not a Stable library.")
                           .arg(quoted(path)));
    case FileIdentity::Kind::NewStable:
        return invalid(
            QStringLiteral("%1 was written by a newer Stable (schema %2; this build reads up to %3). "
                           "It was left untouched.")
                .arg(quoted(path))
                .arg(identity.schemaVersion)
                .arg(schemaVersion()));
    case FileIdentity::Kind::NotRegular:
        return invalid(QStringLiteral("%1 is %2, not a Stable library file; nothing was opened.")
                           .arg(quoted(path), identity.notRegular));
    case FileIdentity::Kind::Stable:
        break;
    }
    if (options.readOnly && identity.schemaVersion < schemaVersion())
        return refused(QStringLiteral("%1 has an older schema (%2); upgrade it first (stablectl upgrade, or "
                                      "open it in Stable), which keeps a backup of the old version.")
                           .arg(quoted(path))
                           .arg(identity.schemaVersion));

    // A library that cannot be written here (a read-only mount, a folder or file not writable by this
    // user) is intact: it is opened to read, and says why, instead of failing as if it were damaged.
    OpenOptions effective = options;
    const QString notWritable = whyNotWritable(path);
    if (!notWritable.isEmpty()) {
        if (identity.schemaVersion < schemaVersion())
            return refused(QStringLiteral("%1 has an older schema (%2) and cannot be upgraded where it is: %3 "
                                          "Copy it to a folder you can write and open the copy.")
                               .arg(quoted(path))
                               .arg(identity.schemaVersion)
                               .arg(notWritable));
        effective.readOnly = true;
    }

    const QFileInfo info(path);
    const QString connectionName = uniqueConnectionName();
    std::unique_ptr<Library> library(new Library(info.absoluteFilePath(), connectionName, effective));
    if (!notWritable.isEmpty())
        library->m_readOnlyReason = QStringLiteral("%1 is open read-only: %2").arg(quoted(path), notWritable);
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        connection.setDatabaseName(library->m_path);
        QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (effective.readOnly)
            connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
        if (const QString uri = RawConnection::immutableUri(library->m_path); effective.readOnly && !uri.isEmpty()) {
            connectOptions += QStringLiteral(";QSQLITE_OPEN_URI");
            connection.setDatabaseName(uri);
        }
        connection.setConnectOptions(connectOptions);
        if (!connection.open())
            return storageError(QStringLiteral("Could not open %1: %2")
                                    .arg(quoted(path), connection.lastError().driverText()));
    }
    // Read the schema before any pragma writes to the file, so that damage is found while untouched.
    {
        auto probe = execSql(library->db(), QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        if (!probe.ok() || !probe->next())
            return damaged(path, library->db().lastError().driverText().isEmpty()
                                     ? QStringLiteral("its schema cannot be read")
                                     : library->db().lastError().driverText());
    }
    STABLE_TRY(library->configureConnection());
    if (identity.schemaVersion < schemaVersion())
        STABLE_TRY(library->migrate(identity.schemaVersion, true));
    STABLE_TRY(library->settle());
    library->pollExternalChanges();
    return library;
}

Status Library::migrate(int fromVersion, bool backUpFirst)
{
    QSqlDatabase connection = db();
    if (backUpFirst) {
        // An older library: check it, keep a copy beside it, then migrate in one transaction per step.
        auto check = execSql(connection, QStringLiteral("PRAGMA quick_check"));
        if (!check.ok() || !check->next() || check->value(0).toString() != QStringLiteral("ok"))
            return damaged(m_path, QStringLiteral("the integrity check before migrating failed"));
        check->finish();
        const QString backup = m_path + QStringLiteral(".schema%1-%2.bak")
                                            .arg(fromVersion)
                                            .arg(m_clock->now().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        QString escaped = backup;
        escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
        if (QFileInfo::exists(backup) ||
            !execSql(connection, QStringLiteral("VACUUM INTO '%1'").arg(escaped)).ok())
            return storageError(
                QStringLiteral("Could not back up %1 before migrating it; nothing was changed.")
                    .arg(quoted(m_path)));
        m_migrationBackup = backup;
        qCInfo(lcLibrary) << "backed up" << m_path << "to" << backup << "before migrating from"
                          << fromVersion;
    }
    const auto checkpoint = qScopeGuard([&connection] {
        // Other instances identify the file by its header before opening it: the header written by a
        // migration (application_id, user_version) must be in the main file, not only in the WAL.
        (void)execSql(connection, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    });
    for (const Migration& migration : migrations()) {
        if (migration.version <= fromVersion)
            continue;
        QFile file(migration.resource);
        if (!file.open(QIODevice::ReadOnly))
            return storageError(
                QStringLiteral("This build is missing its migration %1.").arg(migration.version));
        const QString script = QString::fromUtf8(file.readAll());
        STABLE_TRY(execSql(connection, QStringLiteral("BEGIN IMMEDIATE")));
        Status applied = execScript(connection, script);
        if (applied.ok() &&
            !execSql(connection, QStringLiteral("PRAGMA user_version = %1").arg(migration.version)).ok())
            applied = storageError(QStringLiteral("Could not record the schema version."));
        if (applied.ok() && !execSql(connection, QStringLiteral("COMMIT")).ok())
            applied = storageError(
                QStringLiteral("Could not commit the migration to schema %1.").arg(migration.version));
        if (!applied.ok()) {
            (void)execSql(connection, QStringLiteral("ROLLBACK"));
            return storageError(
                QStringLiteral("Migrating %1 to schema %2 failed; the file was left as it was. (%3)")
                    .arg(quoted(m_path))
                    .arg(migration.version)
                    .arg(applied.message()));
        }
    }
    return success();
}

} // namespace stable
