#pragma once

// What a stable-library/1 document says, read into rows to insert, with the checks that need the whole
// document (ids used once, keys unique, references that land). Internal to libraryjsonimport.cpp.

#include "libraryrecords.h"
#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <tuple>
#include <utility>

namespace stable::records {

struct PendingRow
{
    QString table;
    QStringList columns;
    QVariantList values;
    QString where; // "runs[3].items[2]", for messages
};

class ImportPlan
{
public:
    QList<PendingRow> rows;

    // Reads a record of `shape` and the columns its place in the document implies; claims its id.
    Status add(const Shape& shape, const QJsonObject& object, const QString& where,
               const QList<std::pair<QString, QVariant>>& implied = {});
    Status claim(const QString& table, const QString& id, const QString& where);
    // A second kind of key that must be unique ("the initials ‘AL’"). `scope` keeps the values of
    // different parents apart (a stream's id for its step keys); the message names the value alone.
    Status unique(const QString& what, const QString& value, const QString& where, const QString& scope = {});
    // The value of `column` in the row just added.
    QVariant last(const QString& column) const;

    void refer(const QString& where, const QString& what, const QVariant& id, const QString& table);
    void referFromLast(const QString& what, const QString& column, const QString& table);
    void revisionOf(const QString& revisionId, const QString& streamId);
    void runOnRevision(const QString& where, const QString& revisionId, const QString& streamId);
    // Every reference lands, and every run's revision belongs to the run's stream.
    Status checkReferences() const;

private:
    // A reference from one record to another, checked once every record has been read.
    struct Reference
    {
        QString where;
        QString what;  // "signer", "check" …
        QString id;
        QString table; // where the id must be
    };

    QHash<QString, QHash<QString, QString>> m_ids; // table → id → where it was
    QHash<QString, QHash<QString, QString>> m_keys;
    QList<Reference> m_references;
    QHash<QString, QString> m_revisionStream;
    QList<std::tuple<QString, QString, QString>> m_runRevisions;
};

} // namespace stable::records
