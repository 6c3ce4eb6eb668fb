#include "audit.h"

#include "library.h"
#include "sql.h"

#include <QJsonDocument>

#include <openssl/evp.h>

namespace stable {

void appendHashField(QByteArray& text, const QString& field)
{
    const QByteArray utf8 = field.toUtf8();
    text += QByteArray::number(utf8.size());
    text += ':';
    text += utf8;
    text += '\n';
}

// Through libcrypto rather than QCryptographicHash: Qt 6.4 hashes SHA-256 in portable C (~200 MB/s), while
// OpenSSL uses the CPU's SHA instructions (~1.4 GB/s here), and verify re-hashes every audit event.
QString sha256Hex(const QByteArray& data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), digest, &length, EVP_sha256(), nullptr) != 1)
        return QString(); // never equal to a stored hash, so a failure reads as a mismatch, not as a pass
    static constexpr char digits[] = "0123456789abcdef";
    QString hex(static_cast<qsizetype>(length) * 2, Qt::Uninitialized);
    QChar* out = hex.data();
    for (unsigned int i = 0; i < length; ++i) {
        *out++ = QLatin1Char(digits[digest[i] >> 4]);
        *out++ = QLatin1Char(digits[digest[i] & 0x0f]);
    }
    return hex;
}

QString canonicalJson(const QJsonObject& object)
{
    if (object.isEmpty())
        return QString();
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString auditHash(const AuditEvent& event)
{
    QByteArray text;
    text.reserve(256 + event.before.size() + event.after.size());
    appendHashField(text, event.prevHash);
    appendHashField(text, QString::number(event.seq));
    appendHashField(text, event.at);
    appendHashField(text, event.actor);
    appendHashField(text, event.action);
    appendHashField(text, event.entity);
    appendHashField(text, event.entityId);
    appendHashField(text, event.before);
    appendHashField(text, event.after);
    appendHashField(text, event.why);
    return sha256Hex(text);
}

QString personActor(const QString& personId)
{
    return QStringLiteral("person:") + personId;
}

namespace {

Result<AuditEvent> insertEvent(WriteTransaction& transaction, const AuditEntry& entry)
{
    Library& library = transaction.library();
    auto last = execSql(transaction.db(),
                        QStringLiteral("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"));
    if (!last.ok())
        return last.error();
    AuditEvent event;
    if (last->next()) {
        event.seq = last->value(0).toLongLong() + 1;
        event.prevHash = last->value(1).toString();
    } else {
        event.seq = 1;
    }
    last->finish();
    event.at = isoUtc(library.clock().now());
    event.actor = entry.actor.isEmpty() ? library.actor() : entry.actor;
    event.action = entry.action;
    event.entity = entry.entity;
    event.entityId = entry.entityId;
    event.before = canonicalJson(entry.before);
    event.after = canonicalJson(entry.after);
    event.why = storableText(entry.why);
    event.hash = auditHash(event);
    auto inserted =
        execSql(transaction.db(),
                QStringLiteral("INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, before, "
                               "after, why, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
                {event.seq, event.at, event.actor, event.action, event.entity, event.entityId, event.before,
                 event.after, event.why, event.prevHash, event.hash});
    if (!inserted.ok())
        return inserted.error();
    return event;
}

Result<AuditEvent> insertIdentity(WriteTransaction& transaction, const QString& why, bool onlyIfUnrecorded)
{
    auto identity = execSql(transaction.db(),
                            QStringLiteral("SELECT id, created_at, (SELECT json_extract(after, '$.id') FROM "
                                           "audit_event WHERE entity = 'local_library' ORDER BY seq DESC LIMIT 1) "
                                           "FROM local_library ORDER BY rowid LIMIT 1"));
    if (!identity.ok())
        return identity.error();
    if (!identity->next())
        return AuditEvent{};
    const QString id = identity->value(0).toString();
    const QString createdAt = identity->value(1).toString();
    const QVariant recorded = identity->value(2);
    identity->finish();
    if (onlyIfUnrecorded && !recorded.isNull())
        return AuditEvent{};
    QJsonObject before;
    if (!recorded.isNull())
        before = QJsonObject{{QStringLiteral("id"), recorded.toString()}};
    return insertEvent(transaction,
                       AuditEntry{QStringLiteral("library.identity"), QStringLiteral("local_library"), id, before,
                                  QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("created_at"), createdAt}},
                                  why, {}});
}

} // namespace

Result<AuditEvent> appendAudit(WriteTransaction& transaction, const AuditEntry& entry)
{
    // The library's identity is bound into the chain: the first write to a log that does not record it yet
    // (a new library, or one made by an earlier build) records it, so that changing it breaks verify.
    auto identified = insertIdentity(transaction, QString(), true);
    if (!identified.ok())
        return identified.error();
    return insertEvent(transaction, entry);
}

Status recordIdentity(WriteTransaction& transaction, const QString& why)
{
    auto recorded = insertIdentity(transaction, why, false);
    if (!recorded.ok())
        return recorded.error();
    return success();
}

Status recordIdentityIfUnrecorded(WriteTransaction& transaction)
{
    auto recorded = insertIdentity(transaction, QString(), true);
    if (!recorded.ok())
        return recorded.error();
    return success();
}

Result<ChainHead> chainHead(Library& library)
{
    auto last =
        execSql(library.db(), QStringLiteral("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"));
    if (!last.ok())
        return last.error();
    ChainHead head;
    if (last->next()) {
        head.length = last->value(0).toLongLong();
        head.hash = last->value(1).toString();
    }
    return head;
}

} // namespace stable
