#pragma once

#include "result.h"

#include <QString>

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

// STABLE_WITNESS_DIR, else <AppLocalDataLocation>/witness.
QString witnessFolder();
QString witnessFile(const QString& libraryId);

// Compares the file with what this computer saw last.
Result<WitnessReport> checkWitness(Library& library);

// Remembers the file's chain head, but only when it extends what was seen (the witnessed event is in
// the file with the same hash): a file that fell behind keeps its warning. Cheap: one indexed query
// and a small file write.
Status recordWitness(Library& library);

// After a deliberate restore from a backup: remembers the file as it is now, in place of what was seen.
Status acceptWitness(Library& library);

// "1,310": figures in messages.
QString figure(qint64 number);

} // namespace stable
