// Keyset pages of the run table for the runs list.
#include "runpages.h"

#include "clock.h"
#include "library.h"
#include "sql.h"

#include <QSqlQuery>

namespace stable {

namespace {

struct Where
{
    QString sql = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
};

Where whereOf(const RunPageFilter& filter)
{
    Where where;
    if (!filter.streamId.isEmpty()) {
        where.sql += QStringLiteral(" AND r.stream_id = ?");
        where.binds << filter.streamId;
    }
    if (filter.status) {
        where.sql += QStringLiteral(" AND r.status = ?");
        where.binds << toText(*filter.status);
    }
    // Stored times are ISO text in UTC, so day bounds compare as text.
    if (filter.startedFrom) {
        where.sql += QStringLiteral(" AND r.started_at >= ?");
        where.binds << filter.startedFrom->toString(Qt::ISODate);
    }
    if (filter.startedTo) {
        where.sql += QStringLiteral(" AND r.started_at < ?");
        where.binds << filter.startedTo->addDays(1).toString(Qt::ISODate);
    }
    return where;
}

} // namespace

Result<QList<RunPageRow>> listRunPage(Library& library, const RunPageFilter& filter,
                                      const std::optional<RunCursor>& after, int limit)
{
    Where where = whereOf(filter);
    if (after) {
        where.sql += QStringLiteral(" AND (r.started_at < ? OR (r.started_at = ? AND r.rowid < ?))");
        where.binds << after->startedAt << after->startedAt << after->rowId;
    }
    where.binds << std::max(limit, 1);
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT r.id, r.stream_id, s.key, s.name, r.revision_id, v.number, r.title, r.kind, "
                       "r.planned_start, r.rollback_point, r.status, r.started_at, r.closed_at, r.rowid, "
                       "(SELECT count(*) FROM run_item i WHERE i.run_id = r.id) "
                       "FROM run r JOIN stream s ON s.id = r.stream_id JOIN revision v ON v.id = r.revision_id") +
            where.sql + QStringLiteral(" ORDER BY r.started_at DESC, r.rowid DESC LIMIT ?"),
        where.binds);
    if (!query.ok())
        return query.error();
    QList<RunPageRow> rows;
    while (query->next()) {
        RunPageRow row;
        Run& run = row.run;
        run.id = query->value(0).toString();
        run.streamId = query->value(1).toString();
        run.streamKey = query->value(2).toString();
        run.streamName = query->value(3).toString();
        run.revisionId = query->value(4).toString();
        run.revisionNumber = query->value(5).toInt();
        run.title = query->value(6).toString();
        run.kind = parseRunKind(query->value(7).toString()).value_or(RunKind::Release);
        run.plannedStart = query->value(8).toString();
        run.rollbackPoint = query->value(9).toString();
        run.status = parseRunStatus(query->value(10).toString()).value_or(RunStatus::Open);
        run.startedAt = query->value(11).toString();
        run.closedAt = query->value(12).toString();
        row.cursor = RunCursor{run.startedAt, query->value(13).toLongLong()};
        run.itemCount = query->value(14).toInt();
        rows.append(row);
    }
    query->finish();
    // A completed run had every item final; the others (few: open and rolled back) are derived from
    // their attestations, which only loadRun knows how to read.
    for (RunPageRow& row : rows) {
        if (row.run.status == RunStatus::Completed) {
            row.run.finalCount = row.run.itemCount;
            continue;
        }
        auto loaded = loadRun(library, row.run.id);
        if (!loaded.ok())
            return loaded.error();
        row.run.finalCount = loaded->finalCount;
        row.run.failedCount = loaded->failedCount;
    }
    return rows;
}

Result<int> countRuns(Library& library, const RunPageFilter& filter)
{
    const Where where = whereOf(filter);
    auto query = execSql(library.db(), QStringLiteral("SELECT count(*) FROM run r") + where.sql, where.binds);
    if (!query.ok())
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

} // namespace stable
