#include "auditchainwriter.h"

#include "audit.h"
#include "sql.h"

namespace stable {

AuditChainWriter::AuditChainWriter(const QSqlDatabase& db)
    : m_db(db)
    , m_insert(db, "INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, before, after, why, "
                   "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
{
}

Status AuditChainWriter::resume()
{
    auto last = execSql(m_db, QStringLiteral("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"));
    STABLE_TRY(last);
    m_seq = last->next() ? last->value(0).toLongLong() : 0;
    m_hash = m_seq > 0 ? last->value(1).toString().toUtf8() : QByteArray();
    return success();
}

// The fields in auditHash's order and form.
Status AuditChainWriter::append(QByteArrayView at, QByteArrayView actor, QByteArrayView action,
                                QByteArrayView entity, QByteArrayView entityId, QByteArrayView before,
                                QByteArrayView after, QByteArrayView why)
{
    const qint64 seq = m_seq + 1;
    m_text.truncate(0); // keeps the buffer, unlike clear()
    appendHashBytes(m_text, m_hash);
    appendHashBytes(m_text, QByteArray::number(seq));
    appendHashBytes(m_text, at);
    appendHashBytes(m_text, actor);
    appendHashBytes(m_text, action);
    appendHashBytes(m_text, entity);
    appendHashBytes(m_text, entityId);
    appendHashBytes(m_text, before);
    appendHashBytes(m_text, after);
    appendHashBytes(m_text, why);
    QByteArray hash = sha256HexText(m_text);
    STABLE_TRY(m_insert.integer(seq)
                   .text(at)
                   .text(actor)
                   .text(action)
                   .text(entity)
                   .text(entityId)
                   .text(before)
                   .text(after)
                   .text(why)
                   .text(m_hash)
                   .text(hash)
                   .run());
    m_seq = seq;
    m_hash = std::move(hash);
    return success();
}

Status AuditChainWriter::append(const QString& at, const QString& actor, const QString& action,
                                const QString& entity, const QString& entityId, const QJsonObject& before,
                                const QJsonObject& after, const QString& why)
{
    return append(at.toUtf8(), actor.toUtf8(), action.toUtf8(), entity.toUtf8(), entityId.toUtf8(),
                  canonicalJson(before).toUtf8(), canonicalJson(after).toUtf8(), why.toUtf8());
}

} // namespace stable
