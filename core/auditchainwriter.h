#pragma once

// The audit chain continued in memory for bulk writes (the large demo): each event hashed onto the
// previous one exactly as appendAudit does, inserted through one prepared statement, in UTF-8 from end
// to end. Internal to core; use it only inside a write transaction that nothing else writes to
// meanwhile.
#include "bulkwrite.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace stable {

class AuditChainWriter
{
public:
    explicit AuditChainWriter(const QSqlDatabase& db);
    // Picks the chain up where the file has it.
    Status resume();
    // before and after are canonical JSON (canonicalJson, or JsonObjectWriter), empty for none.
    Status append(QByteArrayView at, QByteArrayView actor, QByteArrayView action, QByteArrayView entity,
                  QByteArrayView entityId, QByteArrayView before, QByteArrayView after, QByteArrayView why);
    Status append(const QString& at, const QString& actor, const QString& action, const QString& entity,
                  const QString& entityId, const QJsonObject& before, const QJsonObject& after, const QString& why);

private:
    QSqlDatabase m_db;
    BulkStatement m_insert;
    qint64 m_seq = 0;
    QByteArray m_hash;
    QByteArray m_text; // reused for every event's hashed text
};

} // namespace stable
