#include "libraryimportplan.h"

namespace stable::records {

namespace {

QString collection(const QString& table)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("person"), QStringLiteral("people")},
        {QStringLiteral("stream"), QStringLiteral("streams")},
        {QStringLiteral("step"), QStringLiteral("steps")},
        {QStringLiteral("quality_check"), QStringLiteral("checks")},
        {QStringLiteral("revision"), QStringLiteral("revisions")},
        {QStringLiteral("run"), QStringLiteral("runs")},
        {QStringLiteral("run_item"), QStringLiteral("run items")},
        {QStringLiteral("incident"), QStringLiteral("incidents")}};
    return names.value(table, table);
}

} // namespace

Status ImportPlan::add(const Shape& shape, const QJsonObject& object, const QString& where,
                       const QList<std::pair<QString, QVariant>>& implied)
{
    auto values = readRecord(object, shape, where);
    if (!values.ok())
        return values.error();
    PendingRow row{shape.table, shape.names(), values.value(), where};
    for (const auto& [column, value] : implied) {
        row.columns.append(column);
        row.values.append(value);
    }
    if (row.columns.first() == QLatin1String("id"))
        STABLE_TRY(claim(shape.table, row.values.first().toString(), where));
    rows.append(row);
    return success();
}

Status ImportPlan::claim(const QString& table, const QString& id, const QString& where)
{
    QHash<QString, QString>& taken = m_ids[table];
    const auto earlier = taken.constFind(id);
    if (earlier != taken.constEnd())
        return invalid(QStringLiteral("%1: id ‘%2’ is used twice (also at %3).").arg(where, id, earlier.value()));
    taken.insert(id, where);
    return success();
}

Status ImportPlan::unique(const QString& what, const QString& value, const QString& where, const QString& scope)
{
    QHash<QString, QString>& taken = m_keys[what];
    const QString scoped = scope + QLatin1Char('\n') + value;
    const auto earlier = taken.constFind(scoped);
    if (earlier != taken.constEnd())
        return invalid(QStringLiteral("%1: %2 ‘%3’ is used twice (also at %4).").arg(where, what, value, earlier.value()));
    taken.insert(scoped, where);
    return success();
}

QVariant ImportPlan::last(const QString& column) const
{
    const PendingRow& row = rows.constLast();
    const int index = static_cast<int>(row.columns.indexOf(column));
    return index < 0 ? QVariant() : row.values.at(index);
}

void ImportPlan::refer(const QString& where, const QString& what, const QVariant& id, const QString& table)
{
    if (!id.isNull())
        m_references.append(Reference{where, what, id.toString(), table});
}

void ImportPlan::referFromLast(const QString& what, const QString& column, const QString& table)
{
    refer(rows.constLast().where, what, last(column), table);
}

void ImportPlan::revisionOf(const QString& revisionId, const QString& streamId)
{
    m_revisionStream.insert(revisionId, streamId);
}

void ImportPlan::runOnRevision(const QString& where, const QString& revisionId, const QString& streamId)
{
    m_runRevisions.append({where, revisionId, streamId});
}

Status ImportPlan::checkReferences() const
{
    for (const Reference& reference : m_references)
        if (!m_ids.value(reference.table).contains(reference.id))
            return invalid(QStringLiteral("%1: %2 ‘%3’ is not among the %4.")
                               .arg(reference.where, reference.what, reference.id, collection(reference.table)));
    for (const auto& [where, revisionId, streamId] : m_runRevisions) {
        const auto stream = m_revisionStream.constFind(revisionId);
        if (stream == m_revisionStream.constEnd())
            return invalid(QStringLiteral("%1: revision ‘%2’ is not among the revisions.").arg(where, revisionId));
        if (stream.value() != streamId)
            return invalid(QStringLiteral("%1: revision ‘%2’ belongs to another stream than the run.").arg(where, revisionId));
    }
    return success();
}

} // namespace stable::records
