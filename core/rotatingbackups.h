#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace stable {

class Library;

// Rotating backups of a library that stays open for long (the desktop app): one every interval, the
// newest `keep` kept, each verified before it counts (EU Annex 11: backups that are known to restore).
struct AutoBackupPolicy
{
    int intervalHours = 24;
    int keep = 7;
    QString folder; // empty: "backups" beside the library, or the user's data folder if that is not writable
};

struct AutoBackupOutcome
{
    bool made = false;
    QString path;         // the backup made (when made)
    QStringList removed;  // the oldest ones let go
    QString folder;
    QString nextDue;      // UTC ISO: when the next one is due
};

// The folder the backups of `library` go to under `policy`.
QString autoBackupFolder(const Library& library, const AutoBackupPolicy& policy);

// This library's automatic backups in `folder`, oldest first.
QStringList autoBackups(const Library& library, const QString& folder);

// Makes a backup when the newest one is older than the interval (or there is none), verifies it, then
// removes the oldest beyond `keep`. Times come from the library's clock.
Result<AutoBackupOutcome> runAutoBackup(Library& library, const AutoBackupPolicy& policy = {});

} // namespace stable
