#pragma once

#include "clock.h"
#include "result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <optional>

namespace stable {

// What a committed write touched; views refresh exactly these.
enum class Change : unsigned {
    None = 0,
    People = 1u << 0,
    Streams = 1u << 1,
    Drafts = 1u << 2,
    Revisions = 1u << 3,
    Runs = 1u << 4,
    Attestations = 1u << 5,
    Incidents = 1u << 6,
    Rework = 1u << 7,
    TeamHours = 1u << 8,
    Settings = 1u << 9,
    External = 1u << 10, // another process committed; anything may have changed
};
Q_DECLARE_FLAGS(Changes, Change)
Q_DECLARE_OPERATORS_FOR_FLAGS(Changes)

enum class JournalMode { Wal, Rollback };

struct PinCost
{
    unsigned long long opsLimit = 0;
    std::size_t memLimit = 0;
    static PinCost standard(); // tuned to ~100–250 ms on a 2-core machine
    static PinCost minimal();  // for tests that sign many times; never for a real library
};

struct OpenOptions
{
    bool readOnly = false;
    // Overrides the statfs probe (tests fake a network filesystem with it).
    std::optional<bool> networkFilesystem;
};

// One open team library file: owns the connection, the clock, who is acting, and the change channel.
// Every core function takes the Library it works on.
class Library final : public QObject
{
    Q_OBJECT
public:
    static constexpr int applicationId = 0x5354424C; // "STBL", at byte offset 68 of the file
    static constexpr int pageSize = 16384;           // of libraries created by this build
    static int schemaVersion();                      // the newest schema this build knows

    // Makes a new, empty library; refuses a path that exists.
    static Result<std::unique_ptr<Library>> create(const QString& path, const OpenOptions& options = {});
    // Opens an existing library: refuses anything that is not one, or is newer than this build, without
    // writing a byte to it; backs up and migrates an older one.
    static Result<std::unique_ptr<Library>> open(const QString& path, const OpenOptions& options = {});

    ~Library() override;
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    QSqlDatabase db() const;
    QString path() const { return m_path; }
    QString displayName() const;
    JournalMode journalMode() const { return m_journalMode; }
    bool isReadOnly() const { return m_options.readOnly; }
    // Why a library asked for writing was opened read-only (another machine holds the network lease).
    QString readOnlyReason() const { return m_readOnlyReason; }
    // The identity of this file and its copies (local_library); keys the per-machine witness.
    QString libraryId() const { return m_libraryId; }
    // Set when this file is a copy of a library this computer still has at another place (its path): the
    // first write gives it an identity of its own (libraryfork.h). Empty otherwise.
    QString copyOf() const { return m_copyOf; }
    // For forkWithin() and WriteTransaction: the fork's new id, taken back if its transaction rolls back.
    void adoptForkedIdentity(const QString& id);
    void undoForkedIdentity();
    // Set when open() migrated the file: where the copy of the old version was put.
    QString migrationBackupPath() const { return m_migrationBackup; }

    const Clock& clock() const { return *m_clock; }
    // For whoever swaps the clock for a while and must give the same one back.
    std::shared_ptr<Clock> sharedClock() const { return m_clock; }
    void setClock(std::shared_ptr<Clock> clock);

    // Who is acting, for the audit log, when no signer is involved: "user:<login>@<host>" by default.
    QString actor() const { return m_actor; }
    void setActor(QString actor) { m_actor = std::move(actor); }

    PinCost pinCost() const { return m_pinCost; }
    void setPinCost(PinCost cost) { m_pinCost = cost; }

    // Called by WriteTransaction after a successful commit.
    void notifyCommitted(Changes what);
    // Asks SQLite whether another connection committed since the last call; emits changed(External).
    bool pollExternalChanges();

signals:
    void changed(stable::Changes what);

private:
    Library(QString path, QString connectionName, OpenOptions options);
    Status configureConnection();
    Status migrate(int fromVersion, bool backUpFirst);
    Status settle(); // after migrating: identity, and the writer lease in a network folder
    void renewLease();

    QString m_path;
    QString m_connectionName;
    OpenOptions m_options;
    JournalMode m_journalMode = JournalMode::Wal;
    QString m_migrationBackup;
    std::shared_ptr<Clock> m_clock;
    QString m_actor;
    PinCost m_pinCost;
    qint64 m_dataVersion = -1;
    QString m_readOnlyReason;
    QString m_libraryId;
    QString m_copyOf;
    QString m_idBeforeFork;
    QString m_copyOfBeforeFork;
    bool m_holdsLease = false;
    qint64 m_leaseRenewedAt = 0; // ms since epoch
};

// What the first 100 bytes of a file say about it, read without opening it as a database.
struct FileIdentity
{
    enum class Kind { Missing, Unreadable, Empty, NotSqlite, ForeignSqlite, Stable, NewStable, NotRegular };
    Kind kind = Kind::Missing;
    int schemaVersion = 0;
    QString notRegular; // NotRegular: what it is instead ("a FIFO (named pipe)", "a folder" …)
};
// Never blocks: a FIFO, a device or a folder is named as such before anything opens it.
FileIdentity identifyFile(const QString& path);

// statfs says NFS, SMB/CIFS, FUSE (sshfs…), 9P, AFS or Ceph. STABLE_FAKE_FS=nfs (or local) overrides it
// for tests.
bool isOnNetworkFilesystem(const QString& path);

} // namespace stable
