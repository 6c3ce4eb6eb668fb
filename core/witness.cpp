// The per-machine witness of each library's audit log: <witness folder>/<library id>.json holding the
// last chain head (length and hash) this computer saw, and when.
#include "witness.h"

#include "audit.h"
#include "clock.h"
#include "library.h"
#include "rawsqlite.h"
#include "sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QMutex>
#include <QStandardPaths>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

Q_LOGGING_CATEGORY(lcWitness, "stable.witness")

namespace stable {

namespace {

struct Seen
{
    qint64 length = 0;
    QString hash;
    QString at;
    FilePlace place; // where the library was when this was written
};

std::optional<Seen> readSeen(const QString& file)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(input.readAll()).object();
    Seen seen;
    seen.length = object.value(QStringLiteral("length")).toInteger();
    seen.hash = object.value(QStringLiteral("hash")).toString();
    seen.at = object.value(QStringLiteral("seen_at")).toString();
    seen.place.path = object.value(QStringLiteral("path")).toString();
    seen.place.device = object.value(QStringLiteral("device")).toString().toULongLong();
    seen.place.inode = object.value(QStringLiteral("inode")).toString().toULongLong();
    if (seen.length <= 0 || seen.hash.isEmpty())
        return std::nullopt;
    return seen;
}

// Written after every commit that extends the chain, so it must cost next to nothing: a small file put in
// place by rename (never half-written), without waiting for the disk. A crash can only leave the witness one
// commit behind the file, which never raises a false alarm.
Status writeSeen(Library& library, const QString& file, const ChainHead& head)
{
    const QString partial = file + QStringLiteral(".part");
    QFile output(partial);
    if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return storageError(QStringLiteral("Cannot write the witness %1: %2").arg(file, output.errorString()));
    QJsonObject object{{QStringLiteral("library"), library.libraryId()},
                       {QStringLiteral("path"), library.path()},
                       {QStringLiteral("length"), head.length},
                       {QStringLiteral("hash"), head.hash},
                       {QStringLiteral("seen_at"), isoUtc(library.clock().now())}};
    // The file itself, to tell the library moved (same file, new name) from a copy beside it. As text:
    // JSON numbers are doubles, and an inode may not fit one exactly.
    const FilePlace place = filePlace(library.path());
    if (place.inode != 0) {
        object.insert(QStringLiteral("device"), QString::number(place.device));
        object.insert(QStringLiteral("inode"), QString::number(place.inode));
    }
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    const bool written = output.write(bytes) == bytes.size() && output.flush();
    output.close();
    // std::rename replaces the old witness in one step on POSIX; elsewhere the old one goes first.
    if (!written || (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(file).constData()) != 0 &&
                     !(QFile::remove(file) && QFile::rename(partial, file)))) {
        QFile::remove(partial);
        return storageError(QStringLiteral("Cannot write the witness %1.").arg(file));
    }
    return success();
}

Result<QString> hashAt(Library& library, qint64 seq)
{
    auto query = execSql(library.db(), QStringLiteral("SELECT hash FROM audit_event WHERE seq = ?"), {seq});
    if (!query.ok())
        return query.error();
    return query->next() ? query->value(0).toString() : QString();
}

QString shortHash(const QString& hash)
{
    return hash.left(16) + QStringLiteral("…");
}

QString day(const QString& isoMoment)
{
    return isoMoment.left(10);
}

Status remember(Library& library, bool onlyWhenExtending)
{
    if (library.libraryId().isEmpty())
        return success(); // nothing to key it by; checkWitness reports that
    auto head = chainHead(library);
    if (!head.ok())
        return head.error();
    if (head->length == 0)
        return success();
    const QString folder = witnessFolder();
    if (!QDir().mkpath(folder))
        return storageError(QStringLiteral("Cannot make the witness folder %1.").arg(folder));
    const QString file = witnessFile(library.libraryId());
    // No lock: two instances committing at once write heads of the same chain (their commits are
    // serialised), and the file is replaced atomically; at worst it keeps the one a commit older.
    if (onlyWhenExtending) {
        if (const auto seen = readSeen(file)) {
            if (head->length <= seen->length)
                return success();
            auto atSeen = hashAt(library, seen->length);
            if (!atSeen.ok())
                return atSeen.error();
            if (atSeen.value() != seen->hash)
                return success(); // the file diverged from what was seen: keep the evidence
        }
    }
    return writeSeen(library, file, head.value());
}

} // namespace

QString figure(qint64 number)
{
    return QLocale(QLocale::English).toString(number);
}

FilePlace filePlace(const QString& path)
{
    FilePlace place;
    place.path = QFileInfo(path).canonicalFilePath();
#ifdef Q_OS_UNIX
    struct stat info
    {
    };
    if (!place.path.isEmpty() && ::stat(QFile::encodeName(place.path).constData(), &info) == 0) {
        place.device = static_cast<quint64>(info.st_dev);
        place.inode = static_cast<quint64>(info.st_ino);
    }
#endif
    return place;
}

QStringList legacyWitnessFolders()
{
    // Before one witness per account, each program kept its own under its AppLocalDataLocation: the app's
    // (organisation and application "Stable") and stablectl's (application "stablectl", no organisation).
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return {data + QStringLiteral("/Stable/Stable/witness"), data + QStringLiteral("/stablectl/witness")};
}

namespace {

// Once per folder and account (a marker file says it was done), every head the old folders remember is
// carried over, the furthest one per library: nothing either program saw is forgotten. Only once, so that
// a head accepted later (a restore) is never overridden by an old one. Of two different heads of the same
// length, the first found stays: the warning a mismatch raises is kept either way.
void mergeLegacyWitnesses(const QString& folder)
{
    static QMutex mutex;
    static QStringList merged;
    const QMutexLocker locker(&mutex);
    if (merged.contains(folder))
        return;
    merged.append(folder);
    const QString marker = QDir(folder).filePath(QStringLiteral(".merged-legacy"));
    if (QFileInfo::exists(marker))
        return;
    bool any = false;
    for (const QString& legacy : legacyWitnessFolders()) {
        const QDir old(legacy);
        const QStringList names = old.entryList({QStringLiteral("*.json")}, QDir::Files);
        for (const QString& name : names) {
            const auto theirs = readSeen(old.filePath(name));
            if (!theirs)
                continue;
            if (!any && !QDir().mkpath(folder))
                return; // tried again by the next process
            any = true;
            const QString mine = QDir(folder).filePath(name);
            const auto ours = readSeen(mine);
            if (ours && ours->length >= theirs->length)
                continue;
            QFile::remove(mine + QStringLiteral(".part"));
            if (QFile::copy(old.filePath(name), mine + QStringLiteral(".part"))) {
                QFile::remove(mine);
                QFile::rename(mine + QStringLiteral(".part"), mine);
            }
            qCInfo(lcWitness) << "carried over the witness" << old.filePath(name) << "to" << mine;
        }
    }
    if (any || QDir(folder).exists()) {
        QFile done(marker);
        if (done.open(QIODevice::WriteOnly))
            done.write("The witnesses of the old per-program folders were merged here.\n");
    }
}

} // namespace

QString witnessFolder()
{
    const QString overridden = qEnvironmentVariable("STABLE_WITNESS_DIR");
    if (!overridden.isEmpty())
        return overridden;
    // One folder per operating-system account, the same for the app and stablectl whatever their
    // application names: $XDG_DATA_HOME/Stable/witness (~/.local/share/Stable/witness) on Linux.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                           QStringLiteral("/Stable/witness");
    mergeLegacyWitnesses(folder);
    return folder;
}

QString witnessFile(const QString& libraryId)
{
    return QDir(witnessFolder()).filePath(libraryId + QStringLiteral(".json"));
}

QString originalOfCopy(Library& library)
{
    if (library.libraryId().isEmpty())
        return {};
    const auto seen = readSeen(witnessFile(library.libraryId()));
    if (!seen || seen->place.path.isEmpty())
        return {};
    const FilePlace here = filePlace(library.path());
    if (here.inode != 0 && here.device == seen->place.device && here.inode == seen->place.inode)
        return {}; // this very file, renamed or moved since
    const FilePlace there = filePlace(seen->place.path);
    if (there.path.isEmpty() || there.path == here.path)
        return {}; // the original is gone (this copy carries on), or this is its place (a restore over it)
    if (there.inode != 0 && there.device == here.device && there.inode == here.inode)
        return {}; // two names of one file (a hard link)
    if (!QFileInfo(there.path).isFile() || identifyFile(there.path).kind != FileIdentity::Kind::Stable)
        return {};
    auto other = RawConnection::openReadOnly(there.path);
    if (!other.ok())
        return {};
    RawQuery query;
    if (!query.prepare(*other.value(), "SELECT id FROM local_library ORDER BY rowid LIMIT 1").ok())
        return {};
    auto row = query.next();
    if (!row.ok() || !row.value() ||
        QString::fromUtf8(query.text(0).data(), static_cast<qsizetype>(query.text(0).size())) !=
            library.libraryId())
        return {};
    return there.path;
}

Result<WitnessReport> checkWitness(Library& library)
{
    WitnessReport report;
    auto head = chainHead(library);
    if (!head.ok())
        return head.error();
    report.fileLength = head->length;
    report.fileHash = head->hash;
    if (library.libraryId().isEmpty()) {
        report.ok = false;
        report.problem = QStringLiteral("This library's identity record (local_library) is missing: it was removed "
                                        "behind Stable's back, so this computer cannot tell whether the file fell "
                                        "behind what it saw.");
        return report;
    }
    const auto seen = readSeen(witnessFile(library.libraryId()));
    if (!seen)
        return report;
    report.known = true;
    report.seenLength = seen->length;
    report.seenHash = seen->hash;
    report.seenAt = seen->at;
    if (head->length < seen->length) {
        report.ok = false;
        report.problem = QStringLiteral("This library's audit log ends at event %1 but this computer saw event %2 "
                                        "(hash %3) on %4: events were removed or the file was replaced by an "
                                        "older copy.")
                             .arg(figure(head->length), figure(seen->length), shortHash(seen->hash),
                                  day(seen->at));
        return report;
    }
    auto atSeen = hashAt(library, seen->length);
    if (!atSeen.ok())
        return atSeen.error();
    if (atSeen.value() != seen->hash) {
        report.ok = false;
        report.problem = QStringLiteral("Audit event %1 of this library has hash %2 but this computer saw it "
                                        "with hash %3 on %4: the audit log was rewritten (re-hashed) or the "
                                        "file was replaced by a different copy.")
                             .arg(figure(seen->length), shortHash(atSeen.value()), shortHash(seen->hash),
                                  day(seen->at));
    }
    return report;
}

Status recordWitness(Library& library)
{
    return remember(library, true);
}

Status acceptWitness(Library& library)
{
    if (!library.copyOf().isEmpty()) {
        // Accepting a copy while its original is still here: it goes its own way (a fork, nothing else
        // written) rather than take over the original's witness and make the original fail.
        WriteTransaction transaction(library, Change::None);
        STABLE_TRY(transaction.begin());
        STABLE_TRY(transaction.commit());
    }
    qCInfo(lcWitness) << "accepting" << library.path() << "as it is; the witness is reset";
    return remember(library, false);
}

} // namespace stable
