#pragma once

#include "filesafety.h"
#include "result.h"

#include <QString>
#include <QStringList>

namespace stable {

class Library;

struct VerifyReport
{
    bool ok = true;
    qint64 events = 0;        // audit events checked
    qint64 attestations = 0;  // attestations whose hash and audit link were checked
    qint64 voids = 0;
    qint64 revisions = 0;
    QString headHash;
    QString firstProblem;     // names the first bad record ("audit event 41: hash does not match …")
    QStringList problems;     // up to 20
    // What the audit log does not describe (written before the log recorded it, e.g. the identity of a
    // library made by an earlier build until its next change): reported, not a failure.
    QStringList notCovered;
};

// Recomputes the audit chain, every attestation's and void's hash and its link to the audit event that
// recorded it, and every revision's snapshot hash; reconciles every other row with what the audit log
// last recorded for it, recomputes the derived_* summaries and compares the guard triggers with the
// migrations': a record changed, removed, inserted or moved behind the product's back is named.
Result<VerifyReport> verifyLibrary(Library& library);

struct CheckReport
{
    bool ok = true;
    QStringList problems;     // from integrity_check and foreign_key_check, in words
};
// SQLite's integrity_check and foreign_key_check.
Result<CheckReport> checkLibrary(Library& library);

// A consistent copy while others write (VACUUM INTO); the copy is opened and verified before this
// returns. Refuses the library itself (any spelling), a symlink, and an existing destination unless
// rules.replace.
Status backupLibrary(Library& library, const QString& destination, OutputRules rules = {});

} // namespace stable
