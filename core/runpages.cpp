// Keyset pages of the run table for the runs list.
#include "runpages.h"

#include "clock.h"
#include "library.h"
#include "sql.h"

#include <QSqlQuery>

#include <algorithm>

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

// Newest first is (started_at, rowid) descending. The bounds name started_at alone as well, so that
// SQLite walks the index from the cursor instead of testing every row against the OR.
const QString olderThanCursor =
    QStringLiteral(" AND r.started_at <= ? AND (r.started_at < ? OR r.rowid < ?)");
const QString newerThanCursor =
    QStringLiteral(" AND r.started_at >= ? AND (r.started_at > ? OR r.rowid > ?)");

void bindCursor(Where& where, const QString& condition, const RunCursor& cursor)
{
    where.sql += condition;
    where.binds << cursor.startedAt << cursor.startedAt << cursor.rowId;
}

// `order` is the direction of the walk; the rows come back newest first either way.
Result<QList<RunPageRow>> readPage(Library& library, Where where, const QString& order, int limit)
{
    where.binds << std::max(limit, 1);
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT r.id, r.stream_id, s.key, s.name, r.revision_id, v.number, r.title, r.kind, "
                       "r.planned_start, r.rollback_point, r.status, r.started_at, r.closed_at, r.rowid, "
                       "coalesce((SELECT items FROM derived_run_items WHERE run_id = r.id), 0) "
                       "FROM run r JOIN stream s ON s.id = r.stream_id JOIN revision v ON v.id = r.revision_id") +
            where.sql + QStringLiteral(" ORDER BY r.started_at %1, r.rowid %1 LIMIT ?").arg(order),
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
    if (order == QLatin1String("ASC"))
        std::reverse(rows.begin(), rows.end());
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

} // namespace

Result<QList<RunPageRow>> listRunPage(Library& library, const RunPageFilter& filter,
                                      const std::optional<RunCursor>& after, int limit)
{
    Where where = whereOf(filter);
    if (after)
        bindCursor(where, olderThanCursor, *after);
    return readPage(library, where, QStringLiteral("DESC"), limit);
}

Result<QList<RunPageRow>> listRunPageBefore(Library& library, const RunPageFilter& filter,
                                            const RunCursor& before, int limit)
{
    Where where = whereOf(filter);
    bindCursor(where, newerThanCursor, before);
    return readPage(library, where, QStringLiteral("ASC"), limit);
}

Result<int> countRuns(Library& library, const RunPageFilter& filter)
{
    const Where where = whereOf(filter);
    auto query = execSql(library.db(), QStringLiteral("SELECT count(*) FROM run r") + where.sql, where.binds);
    if (!query.ok())
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

Result<RunCursor> runCursorAt(Library& library, const RunPageFilter& filter, int position)
{
    Where where = whereOf(filter);
    where.binds << std::max(position, 0);
    // OFFSET skips index entries inside SQLite without a row reaching Qt: ~1 ms for 50,000 runs.
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT r.started_at, r.rowid FROM run r") + where.sql +
                             QStringLiteral(" ORDER BY r.started_at DESC, r.rowid DESC LIMIT 1 OFFSET ?"),
                         where.binds);
    if (!query.ok())
        return query.error();
    if (!query->next())
        return notFound(QStringLiteral("No run at position %1 of the list.").arg(position + 1));
    return RunCursor{query->value(0).toString(), query->value(1).toLongLong()};
}

Result<int> runPosition(Library& library, const RunPageFilter& filter, const QString& runId)
{
    Where where = whereOf(filter);
    where.sql += QStringLiteral(" AND r.id = ?");
    where.binds << runId;
    auto found = execSql(library.db(), QStringLiteral("SELECT r.started_at, r.rowid FROM run r") + where.sql,
                         where.binds);
    if (!found.ok())
        return found.error();
    if (!found->next())
        return -1;
    const RunCursor cursor{found->value(0).toString(), found->value(1).toLongLong()};
    found->finish();
    Where newer = whereOf(filter);
    bindCursor(newer, newerThanCursor, cursor);
    auto query = execSql(library.db(), QStringLiteral("SELECT count(*) FROM run r") + newer.sql, newer.binds);
    if (!query.ok())
        return query.error();
    return query->next() ? query->value(0).toInt() : -1;
}

} // namespace stable
