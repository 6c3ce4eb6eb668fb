// The per-machine witness of each library's audit log: <witness folder>/<library id>.json holding the
// last chain head (length and hash) this computer saw, and when.
#include "witness.h"

#include "audit.h"
#include "clock.h"
#include "library.h"
#include "sql.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <cstdio>

Q_LOGGING_CATEGORY(lcWitness, "stable.witness")

namespace stable {

namespace {

struct Seen
{
    qint64 length = 0;
    QString hash;
    QString at;
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
    const QJsonObject object{{QStringLiteral("library"), library.libraryId()},
                             {QStringLiteral("path"), library.path()},
                             {QStringLiteral("length"), head.length},
                             {QStringLiteral("hash"), head.hash},
                             {QStringLiteral("seen_at"), isoUtc(library.clock().now())}};
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

QString witnessFolder()
{
    const QString overridden = qEnvironmentVariable("STABLE_WITNESS_DIR");
    if (!overridden.isEmpty())
        return overridden;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/witness");
}

QString witnessFile(const QString& libraryId)
{
    return QDir(witnessFolder()).filePath(libraryId + QStringLiteral(".json"));
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
    qCInfo(lcWitness) << "accepting" << library.path() << "as it is; the witness is reset";
    return remember(library, false);
}

} // namespace stable
