#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

namespace stable {

class WriteTransaction;
class Library;

// One entry of the hash-chained audit log, as stored.
struct AuditEvent
{
    qint64 seq = 0;
    QString at;
    QString actor;
    QString action;
    QString entity;
    QString entityId;
    QString before;
    QString after;
    QString why;
    QString prevHash;
    QString hash;
};

// What a write says about itself; appended inside the write's own transaction.
struct AuditEntry
{
    QString action; // "attestation.sign", "step.update", …
    QString entity; // the table
    QString entityId;
    QJsonObject before; // empty when created
    QJsonObject after;  // empty when removed
    QString why;
    QString actor; // empty: the library's actor
};

// The hash that chains `event` to its predecessor (uses every field but `hash`).
QString auditHash(const AuditEvent& event);

// The canonical text stored in before/after: compact JSON with sorted keys; empty object → "".
QString canonicalJson(const QJsonObject& object);

// SHA-256, lowercase hex.
QString sha256Hex(const QByteArray& data);

// Appends one field of a hashed text, length-prefixed so that no two different field lists hash the
// same text. The audit chain and signatures build their hashed texts from these.
void appendHashField(QByteArray& text, const QString& field);

Result<AuditEvent> appendAudit(WriteTransaction& transaction, const AuditEntry& entry);

// Appends a 'library.identity' event (entity local_library) with the file's id as it stands now: for a
// file that takes a new identity (an import). verify requires local_library to hold the id of the last
// such event; any event that gives a file its id must use the entity local_library and record
// {"id": …} as its after.
Status recordIdentity(WriteTransaction& transaction, const QString& why);

// Records the file's id as it stands now only when the log does not describe it yet (a log older than the
// identity events): a fork records its parent's identity first, so that the lineage reads in order.
Status recordIdentityIfUnrecorded(WriteTransaction& transaction);

// The newest event: what a receipt prints and what the per-machine witness remembers.
struct ChainHead
{
    qint64 length = 0;
    QString hash; // empty for an empty log
};
Result<ChainHead> chainHead(Library& library);

// "person:<id>" — the actor of an audit event written by a signer.
QString personActor(const QString& personId);

} // namespace stable
