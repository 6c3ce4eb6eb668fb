// verify: the file's triggers and views as its migrations made them, and the derived_* summaries the
// measures read recomputed from the records they summarise.
#include "integrityscan.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <algorithm>

namespace stable::verify {

namespace {

// The triggers and views (name → SQL) the migrations up to `version` make, in a database of their own.
Result<QHash<QString, QString>> expectedSchemaObjects(int version)
{
    sqlite3* memory = nullptr;
    if (sqlite3_open_v2(":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(memory);
        return storageError(QStringLiteral("verify could not open a database in memory."));
    }
    const auto closeMemory = qScopeGuard([&] { sqlite3_close(memory); });
    const QDir dir(QStringLiteral(":/sql"));
    QStringList names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& name : std::as_const(names)) {
        bool isNumber = false;
        const int migration = name.section(QLatin1Char('_'), 0, 0).toInt(&isNumber);
        if (!isNumber || migration <= 0 || migration > version)
            continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return storageError(QStringLiteral("This build is missing its migration %1.").arg(migration));
        if (sqlite3_exec(memory, file.readAll().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return storageError(QStringLiteral("This build's migration %1 does not run: %2")
                                    .arg(migration)
                                    .arg(QString::fromUtf8(sqlite3_errmsg(memory))));
    }
    QHash<QString, QString> objects;
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(memory, "SELECT type || ' ' || name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')",
                       -1, &statement, nullptr);
    while (statement && sqlite3_step(statement) == SQLITE_ROW)
        objects.insert(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))),
                       QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 1))));
    sqlite3_finalize(statement);
    return objects;
}

struct Summary
{
    const char* table;
    const char* keys;     // the key columns, in the words of a message
    const char* expected; // SELECT key…, value… computed from the records
    const char* stored;   // the same columns read from the table
    int keyColumns;
};

// Each summary's expected rows, computed the way its migration filled it. Steps or months whose counts went
// back to zero are the same as no row (some triggers leave them).
const Summary summaries[] = {
    {"derived_run_items", "run", "SELECT run_id, count(*) FROM run_item GROUP BY run_id",
     "SELECT run_id, items FROM derived_run_items", 1},
    {"derived_run_step", "run, step", "SELECT run_id, step_id, failed FROM temp.verify_run_step",
     "SELECT run_id, step_id, failed FROM derived_run_step", 2},
    {"derived_step_month", "step, month, stream",
     "SELECT d.step_id, substr(r.closed_at, 1, 7), r.stream_id, count(*), count(*) - sum(d.failed) FROM run r "
     "JOIN temp.verify_run_step d ON d.run_id = r.id WHERE r.status IN ('completed', 'rolled back') AND "
     "r.closed_at IS NOT NULL GROUP BY 1, 2, 3",
     "SELECT step_id, month, stream_id, closed_runs, first_pass FROM derived_step_month WHERE closed_runs <> 0 OR "
     "first_pass <> 0",
     3},
    {"derived_step_total", "step, stream",
     "SELECT d.step_id, r.stream_id, count(*), count(*) - sum(d.failed) FROM run r JOIN temp.verify_run_step d "
     "ON d.run_id = r.id WHERE r.status IN ('completed', 'rolled back') AND r.closed_at IS NOT NULL GROUP BY 1, 2",
     "SELECT step_id, stream_id, closed_runs, first_pass FROM derived_step_total WHERE closed_runs <> 0 OR "
     "first_pass <> 0",
     2},
    {"derived_run_month", "stream, month",
     "SELECT stream_id, substr(closed_at, 1, 7), count(*) FROM run WHERE status IN ('completed', 'rolled back') "
     "AND closed_at IS NOT NULL GROUP BY 1, 2",
     "SELECT stream_id, month, closed_runs FROM derived_run_month WHERE closed_runs <> 0", 2},
    {"derived_rework_month", "stream, month, kind",
     "SELECT coalesce(stream_id, ''), substr(date, 1, 7), kind, round(sum(hours), 6), count(*) FROM rework "
     "GROUP BY 1, 2, 3 UNION ALL SELECT '*', substr(date, 1, 7), kind, round(sum(hours), 6), count(*) FROM "
     "rework GROUP BY 2, 3",
     "SELECT stream_id, month, kind, round(hours, 6), entries FROM derived_rework_month", 3},
    {"derived_rework_step", "step, stream",
     "SELECT coalesce(r.step_id, i.injected_step_id, ''), coalesce(r.stream_id, ''), round(sum(r.hours), 6), "
     "count(*) FROM rework r LEFT JOIN incident i ON i.id = r.incident_id GROUP BY 1, 2",
     "SELECT step_id, stream_id, round(hours, 6), entries FROM derived_rework_step", 2},
    {"derived_incident_answer", "incident",
     "SELECT i.id, i.number, i.stream_id, i.occurred_at, i.created_at, min(v.published_at), "
     "(unixepoch(min(v.published_at)) - unixepoch(i.created_at)) / 86400.0 FROM incident i JOIN revision_answer "
     "ra ON ra.incident_id = i.id JOIN revision v ON v.id = ra.revision_id GROUP BY i.id",
     "SELECT incident_id, number, stream_id, occurred_at, created_at, published_at, days FROM "
     "derived_incident_answer",
     1},
};

// Per run and step, whether a fail stands: the fails are few, so they are found first and the pairs of
// items are then read from an index alone.
constexpr char runStepSql[] =
    "CREATE TEMP TABLE IF NOT EXISTS verify_failed (run_id, step_id, PRIMARY KEY (run_id, step_id)) WITHOUT ROWID;"
    "DELETE FROM temp.verify_failed;"
    "INSERT OR IGNORE INTO temp.verify_failed SELECT i.run_id, i.step_id FROM attestation a JOIN run_item i ON "
    "i.id = a.item_id WHERE a.outcome = 'fail' AND NOT EXISTS (SELECT 1 FROM attestation_void v WHERE "
    "v.attestation_id = a.id);"
    "CREATE TEMP TABLE IF NOT EXISTS verify_run_step (run_id, step_id, failed, PRIMARY KEY (run_id, step_id)) "
    "WITHOUT ROWID;"
    "DELETE FROM temp.verify_run_step;"
    "INSERT INTO temp.verify_run_step SELECT p.run_id, p.step_id, f.run_id IS NOT NULL FROM (SELECT DISTINCT "
    "run_id, step_id FROM run_item) p LEFT JOIN temp.verify_failed f ON f.run_id = p.run_id AND f.step_id = "
    "p.step_id;";

QString rowText(const RawQuery& query, int from, int to)
{
    QStringList values;
    for (int column = from; column < to; ++column)
        values.append(query.value(column).toString());
    return values.join(QStringLiteral(", "));
}

// The table that holds a summary's expected rows while it is compared.
QString expectedTable(const Summary& summary)
{
    return QStringLiteral("temp.verify_expected_%1").arg(QLatin1String(summary.table));
}

Status compareSummary(RawConnection& connection, const Summary& summary, ReconcileResult& result)
{
    // The expected rows are computed once (the grouping is most of the cost), kept in memory.
    const QString expected = expectedTable(summary);
    STABLE_TRY(connection.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 AS SELECT * FROM (%2) LIMIT 0; "
                                              "DELETE FROM %1; INSERT INTO %1 %2;")
                                   .arg(expected, QLatin1String(summary.expected))
                                   .toUtf8()
                                   .constData()));
    // Rows in one and not the other, each side's way: stored-only first, then what the records give.
    const QString expectedRows = QStringLiteral("SELECT * FROM %1").arg(expected);
    for (const bool storedSide : {true, false}) {
        const QString sql =
            QStringLiteral("SELECT * FROM (SELECT * FROM (%1) EXCEPT SELECT * FROM (%2)) LIMIT 5")
                .arg(storedSide ? QLatin1String(summary.stored) : expectedRows,
                     storedSide ? expectedRows : QLatin1String(summary.stored));
        RawQuery query;
        STABLE_TRY(query.prepare(connection, sql.toUtf8().constData()));
        int columns = 0;
        while (true) {
            auto row = query.next();
            STABLE_TRY(row);
            if (!row.value())
                break;
            if (columns == 0)
                columns = query.columnCount();
            result.derivedFindings.add(
                QStringLiteral("Derived table %1 (%2: %3) %4 (%5): the measures read it, and it was changed "
                               "behind Stable's back.")
                    .arg(QLatin1String(summary.table), QLatin1String(summary.keys),
                         rowText(query, 0, summary.keyColumns),
                         storedSide ? QStringLiteral("holds a row the records do not give")
                                    : QStringLiteral("lacks or differs from the row the records give"),
                         rowText(query, summary.keyColumns, columns)));
        }
    }
    return success();
}

} // namespace

Status scanGuards(RawConnection& connection, ReconcileResult& result)
{
    RawQuery version;
    STABLE_TRY(version.prepare(connection, "PRAGMA user_version"));
    STABLE_TRY(version.next());
    auto expected = expectedSchemaObjects(static_cast<int>(version.number(0)));
    STABLE_TRY(expected);
    QHash<QString, QString> actual;
    RawQuery objects;
    STABLE_TRY(objects.prepare(connection, "SELECT type || ' ' || name, sql FROM main.sqlite_master WHERE type IN "
                                           "('trigger', 'view')"));
    while (true) {
        auto row = objects.next();
        STABLE_TRY(row);
        if (!row.value())
            break;
        actual.insert(objects.value(0).toString(), objects.value(1).toString());
    }
    QStringList names = expected->keys();
    names.sort();
    for (const QString& name : std::as_const(names)) {
        const auto found = actual.constFind(name);
        if (found == actual.constEnd())
            result.guardFindings.add(
                QStringLiteral("The %1 is missing: it was dropped behind Stable's back, and what it guards (or "
                               "keeps current) is no longer guarded.")
                    .arg(name));
        else if (found.value() != expected->value(name))
            result.guardFindings.add(
                QStringLiteral("The %1 was altered behind Stable's back: it is not the one schema %2 made.")
                    .arg(name)
                    .arg(version.number(0)));
    }
    QStringList extra = actual.keys();
    extra.sort();
    for (const QString& name : std::as_const(extra))
        if (!expected->contains(name))
            result.guardFindings.add(
                QStringLiteral("The %1 was added behind Stable's back: no migration makes it.").arg(name));
    return success();
}

Status scanDerived(RawConnection& connection, ReconcileResult& result)
{
    // A file of an older schema (read without migrating it) has only the summaries of its migrations.
    QSet<QString> present;
    {
        RawQuery tables;
        STABLE_TRY(tables.prepare(connection, "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name "
                                              "LIKE 'derived\\_%' ESCAPE '\\'"));
        while (true) {
            auto row = tables.next();
            STABLE_TRY(row);
            if (!row.value())
                break;
            present.insert(tables.value(0).toString());
        }
    }
    if (!present.contains(QStringLiteral("derived_run_step")))
        return success();
    // The temporary tables in memory: written to a file, they cost more than computing them.
    STABLE_TRY(connection.exec("PRAGMA temp_store = MEMORY;"));
    STABLE_TRY(connection.exec(runStepSql));
    QString emptied = QStringLiteral("DELETE FROM temp.verify_failed; DELETE FROM temp.verify_run_step;");
    for (const Summary& summary : summaries)
        if (present.contains(QLatin1String(summary.table))) {
            STABLE_TRY(compareSummary(connection, summary, result));
            emptied += QStringLiteral(" DELETE FROM %1;").arg(expectedTable(summary));
        }
    // Emptied rather than dropped: DROP waits for every statement of the connection to finish.
    return connection.exec(emptied.toUtf8().constData());
}

} // namespace stable::verify
