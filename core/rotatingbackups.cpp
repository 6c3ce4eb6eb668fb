// Automatic rotating backups: <folder>/<library name>-<yyyyMMdd-HHmmss>.stable, newest `keep` kept.
#include "rotatingbackups.h"

#include "clock.h"
#include "integrity.h"
#include "library.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimeZone>

namespace stable {

namespace {

const QString stampFormat = QStringLiteral("yyyyMMdd-HHmmss");

QRegularExpression backupName(const Library& library)
{
    return QRegularExpression(QStringLiteral("^%1-(\\d{8}-\\d{6})\\.stable$")
                                  .arg(QRegularExpression::escape(library.displayName())));
}

bool writableFolder(const QString& folder)
{
    if (!QDir().mkpath(folder))
        return false;
    QFile probe(QDir(folder).filePath(QStringLiteral(".stable-write-probe")));
    const bool writable = probe.open(QIODevice::WriteOnly);
    probe.remove();
    return writable;
}

} // namespace

QString autoBackupFolder(const Library& library, const AutoBackupPolicy& policy)
{
    if (!policy.folder.isEmpty())
        return policy.folder;
    const QString beside = QFileInfo(library.path()).absoluteDir().filePath(QStringLiteral("backups"));
    if (writableFolder(beside))
        return beside;
    // A library in a folder we may not write to (a read-only share): keep them with the user instead.
    const QString key = library.libraryId().isEmpty() ? library.displayName() : library.libraryId();
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/backups/") + key;
}

QStringList autoBackups(const Library& library, const QString& folder)
{
    const QRegularExpression pattern = backupName(library);
    QStringList found;
    const QStringList names = QDir(folder).entryList({QStringLiteral("*.stable")}, QDir::Files, QDir::Name);
    for (const QString& name : names)
        if (pattern.match(name).hasMatch())
            found << QDir(folder).filePath(name);
    return found; // the stamp sorts by time
}

Result<AutoBackupOutcome> runAutoBackup(Library& library, const AutoBackupPolicy& policy)
{
    if (policy.intervalHours < 1 || policy.keep < 1)
        return invalid(QStringLiteral("Automatic backups need an interval of at least one hour and keep at "
                                      "least one (got %1 hours, keep %2).")
                           .arg(policy.intervalHours)
                           .arg(policy.keep));
    AutoBackupOutcome outcome;
    outcome.folder = autoBackupFolder(library, policy);
    if (!QDir().mkpath(outcome.folder))
        return storageError(QStringLiteral("Cannot make the backup folder %1.").arg(outcome.folder));
    const QDateTime now = library.clock().now().toUTC();
    const qint64 interval = qint64{policy.intervalHours} * 3600;
    QStringList existing = autoBackups(library, outcome.folder);
    if (!existing.isEmpty()) {
        const QString stamp = backupName(library).match(QFileInfo(existing.last()).fileName()).captured(1);
        QDateTime newest = QDateTime::fromString(stamp, stampFormat);
        newest.setTimeZone(QTimeZone::utc());
        if (newest.isValid() && newest.secsTo(now) < interval && newest <= now) {
            outcome.nextDue = isoUtc(newest.addSecs(interval));
            return outcome;
        }
    }
    outcome.path = QDir(outcome.folder)
                       .filePath(QStringLiteral("%1-%2.stable").arg(library.displayName(), now.toString(stampFormat)));
    STABLE_TRY(backupLibrary(library, outcome.path)); // verified before it counts
    outcome.made = true;
    outcome.nextDue = isoUtc(now.addSecs(interval));
    existing = autoBackups(library, outcome.folder);
    while (existing.size() > policy.keep) {
        const QString oldest = existing.takeFirst();
        if (QFile::remove(oldest))
            outcome.removed << oldest;
    }
    return outcome;
}

} // namespace stable
