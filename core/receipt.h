#pragma once

#include "audit.h"
#include "result.h"
#include "revisions.h"
#include "runs.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace stable {

class Library;

// The signed proof of a run: every item and attestation, the revision it ran, and the hashes that tie
// it to the audit chain at the moment it was made, so that paper or a JSON file can be checked against
// the library later (`stablectl verify` and the chain head).
struct Receipt
{
    QString libraryName;
    QString madeAt;                      // the library clock, UTC ISO
    Run run;                             // items and attestations, voided ones included
    Revision revision;                   // the revision the run was started from
    QString itemsHash;                   // SHA-256 of the frozen items, as the run.start audit event holds it
    ChainHead chainHead;                 // the newest audit event when the receipt was made
    QHash<QString, QString> voidHashes;  // attestation id → the stored hash of its void
};

// Refuses an unknown run ("No run with id ‘…’.").
Result<Receipt> loadReceipt(Library& library, const QString& runId);

// "stable-receipt/1": {"format", "library", "made_at", "run": <run show JSON, each attestation with
// "attempt" and "void": {id, reason, by, by_name, at, hash} or null>, "revision": {number, id, hash,
// published_by, published_by_name, published_at, reason}, "items_hash", "audit_head": {hash, length}}.
QJsonObject receiptToJson(const Receipt& receipt);

// The first 12 hex digits: how a receipt prints a hash beside its record (the full one in a table).
QString shortHash(const QString& hash);

} // namespace stable
