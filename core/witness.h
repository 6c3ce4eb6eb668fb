#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace stable {

class Library;

// What this computer remembers of a library's audit log, kept outside the file (in the user's data
// folder), so that a log cut short, re-hashed or swapped for an older copy cannot pass unnoticed: the
// file's own hashes prove only that it agrees with itself.
struct WitnessReport
{
    bool ok = true;      // the file has every event this computer saw, with the same hash
    bool known = false;  // this computer had seen the library before
    qint64 fileLength = 0;
    QString fileHash;
    qint64 seenLength = 0;
    QString seenHash;
    QString seenAt;      // UTC ISO
    QString problem;     // names the figures, for the warning
};

// STABLE_WITNESS_DIR, else one folder per operating-system account shared by the app and stablectl:
// <GenericDataLocation>/Stable/witness ($XDG_DATA_HOME/Stable/witness). The first use carries over what the
// programs' old folders (legacyWitnessFolders) remember, the furthest head per library.
QString witnessFolder();
QStringList legacyWitnessFolders();
QString witnessFile(const QString& libraryId);

// Where a file is: its canonical path, and on POSIX its device and inode (0 when unknown), which stay the
// same when the file is renamed and differ for a copy.
struct FilePlace
{
    QString path;
    quint64 device = 0;
    quint64 inode = 0;
};
FilePlace filePlace(const QString& path);

// Whether `library` is a copy (backup, cp) of a library this computer last saw at another place that still
// holds a library with the same id: that place's path, or empty. A file moved (the same device and inode),
// a restore over the original path, or a copy whose original is gone is not a copy.
QString originalOfCopy(Library& library);

// Compares the file with what this computer saw last.
Result<WitnessReport> checkWitness(Library& library);

// Remembers the file's chain head, but only when it extends what was seen (the witnessed event is in
// the file with the same hash): a file that fell behind keeps its warning. Cheap: one indexed query
// and a small file write.
Status recordWitness(Library& library);

// After a deliberate restore from a backup: remembers the file as it is now, in place of what was seen. A
// copy whose original is still at its place (originalOfCopy) first takes its own identity (libraryfork.h).
Status acceptWitness(Library& library);

// "1,310": figures in messages.
QString figure(qint64 number);

} // namespace stable
