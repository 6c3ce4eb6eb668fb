#pragma once

// The audit chain continued in memory for bulk writes (the large demo): each event hashed onto the
// previous one exactly as appendAudit does, inserted through one prepared statement. Internal to core;
// use it only inside a write transaction that nothing else writes to meanwhile.
#include "result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace stable {

class AuditChainWriter
{
public:
    explicit AuditChainWriter(const QSqlDatabase& db);
    // Picks the chain up where the file has it.
    Status resume();
    Status append(const QString& at, const QString& actor, const QString& action, const QString& entity,
                  const QString& entityId, const QJsonObject& before, const QJsonObject& after, const QString& why);

private:
    QSqlDatabase m_db;
    QSqlQuery m_insert;
    qint64 m_seq = 0;
    QString m_hash;
};

} // namespace stable
