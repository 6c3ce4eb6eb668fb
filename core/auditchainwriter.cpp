#include "auditchainwriter.h"

#include "audit.h"
#include "sql.h"

namespace stable {

AuditChainWriter::AuditChainWriter(const QSqlDatabase& db) : m_db(db), m_insert(db)
{
    m_insert.prepare(QStringLiteral("INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, "
                                    "before, after, why, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
}

Status AuditChainWriter::resume()
{
    auto last = execSql(m_db, QStringLiteral("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"));
    STABLE_TRY(last);
    m_seq = last->next() ? last->value(0).toLongLong() : 0;
    m_hash = m_seq > 0 ? last->value(1).toString() : QString();
    return success();
}

Status AuditChainWriter::append(const QString& at, const QString& actor, const QString& action,
                                const QString& entity, const QString& entityId, const QJsonObject& before,
                                const QJsonObject& after, const QString& why)
{
    AuditEvent event;
    event.seq = m_seq + 1;
    event.at = at;
    event.actor = actor;
    event.action = action;
    event.entity = entity;
    event.entityId = entityId;
    event.before = canonicalJson(before);
    event.after = canonicalJson(after);
    event.why = why;
    event.prevHash = m_hash;
    event.hash = auditHash(event);
    STABLE_TRY(execPrepared(m_insert, {event.seq, event.at, event.actor, event.action, event.entity, event.entityId,
                                       event.before, event.after, event.why, event.prevHash, event.hash}));
    m_seq = event.seq;
    m_hash = event.hash;
    return success();
}

} // namespace stable
