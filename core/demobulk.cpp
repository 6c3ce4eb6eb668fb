#include "demobulk.h"

#include "library.h"
#include "sql.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcDemoBulk, "stable.demo")

namespace stable::demo {

namespace {

// Enough for the indexes that stay (the primary keys of the bulk tables) to live in memory for the
// whole generation: evicted index pages were read back from the file again and again.
constexpr qint64 bulkCacheKiB = 1024 * 1024;

const Changes everythingBulk =
    Changes(Change::Runs) | Change::Attestations | Change::Incidents | Change::Rework | Change::TeamHours;

QString identifier(const QString& name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

Result<QString> pragmaText(const QSqlDatabase& db, const QString& pragma)
{
    auto query = execSql(db, pragma);
    STABLE_TRY(query);
    if (!query->next())
        return storageError(QStringLiteral("The library did not answer ‘%1’.").arg(pragma));
    return query->value(0).toString();
}

} // namespace

Result<QStringList> derivedFillStatements()
{
    static const QRegularExpression fill(QStringLiteral("^INSERT\\s+(OR\\s+\\w+\\s+)?INTO\\s+derived_"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QDir dir(QStringLiteral(":/sql"));
    // Migrations are named NNN_what.sql: name order is version order.
    const QStringList names = dir.entryList({QStringLiteral("[0-9][0-9][0-9]_*.sql")}, QDir::Files, QDir::Name);
    QStringList fills;
    for (const QString& name : names) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return storageError(QStringLiteral("This build cannot read its migration ‘%1’.").arg(name));
        for (const QString& statement : sqlStatements(file.readAll()))
            if (fill.match(statement).hasMatch())
                fills.append(statement);
    }
    return fills;
}

BulkLoad::BulkLoad(Library& library, QStringList tables, QStringList written)
    : m_library(library)
    , m_tables(std::move(tables))
    , m_written(std::move(written))
{
}

BulkLoad::~BulkLoad()
{
    if (!m_begun)
        return;
    const Status finished = finish();
    if (!finished.ok())
        qCWarning(lcDemoBulk).noquote() << "could not restore the library after a bulk load:" << finished.message();
}

Status BulkLoad::begin()
{
    const QSqlDatabase db = m_library.db();
    auto journal = pragmaText(db, QStringLiteral("PRAGMA journal_mode"));
    STABLE_TRY(journal);
    auto cache = pragmaText(db, QStringLiteral("PRAGMA cache_size"));
    STABLE_TRY(cache);
    m_journalMode = journal.value();
    m_cacheSize = cache->toLongLong();
    m_begun = true;
    // The file is new and nobody else has it: a failure deletes it, so the journal only has to undo a
    // refused month in memory, and nothing is written twice (WAL, then checkpoint).
    auto memory = pragmaText(db, QStringLiteral("PRAGMA journal_mode = MEMORY"));
    STABLE_TRY(memory);
    if (memory.value() != QLatin1String("memory"))
        return storageError(QStringLiteral("‘%1’ could not set its journal aside for generating (it stayed %2).")
                                .arg(m_library.displayName(), memory.value()));
    STABLE_TRY(execSql(db, QStringLiteral("PRAGMA cache_size = -%1").arg(bulkCacheKiB)));
    // Every reference the generator writes points at a record it wrote before; looking each one up
    // again costs an index search per reference (tests run the foreign key check on the result).
    STABLE_TRY(execSql(db, QStringLiteral("PRAGMA foreign_keys = OFF")));
    return setAside();
}

Status BulkLoad::setAside()
{
    WriteTransaction transaction(m_library, everythingBulk);
    STABLE_TRY(transaction.begin());
    QStringList tables;
    for (const QString& table : std::as_const(m_tables))
        tables.append(QLatin1Char('\'') + QString(table).replace(QLatin1Char('\''), QStringLiteral("''")) +
                      QLatin1Char('\''));
    auto objects = execSql(transaction.db(),
                           QStringLiteral("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND "
                                          "((type = 'index' AND tbl_name IN (%1)) OR "
                                          "(type = 'trigger' AND name LIKE 'derived\\_%' ESCAPE '\\')) "
                                          "ORDER BY type = 'trigger', rowid")
                               .arg(tables.join(QLatin1Char(','))));
    STABLE_TRY(objects);
    QList<SchemaObject> found;
    while (objects->next())
        found.append({objects->value(0).toString(), objects->value(1).toString(), objects->value(2).toString()});
    objects->finish();
    for (const SchemaObject& object : std::as_const(found))
        STABLE_TRY(execSql(transaction.db(), QStringLiteral("DROP %1 %2").arg(object.type.toUpper(), identifier(object.name))));
    STABLE_TRY(transaction.commit());
    m_setAside = found;
    return success();
}

Status BulkLoad::finish()
{
    if (!m_begun)
        return success();
    m_begun = false;
    Status status = restore();
    const QSqlDatabase db = m_library.db();
    (void)execSql(db, QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSize));
    (void)execSql(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    auto journal = pragmaText(db, QStringLiteral("PRAGMA journal_mode = %1").arg(m_journalMode));
    if (status.ok() && !journal.ok())
        status = journal.error();
    else if (status.ok() && journal.value() != m_journalMode)
        status = storageError(QStringLiteral("‘%1’ could not return to its journal mode %2 after generating.")
                                  .arg(m_library.displayName(), m_journalMode));
    return status;
}

// Indexes are built by sorting, once; the summaries are filled by the same statements a migrating
// library runs; the triggers come back last, so that filling does not fire them.
Status BulkLoad::restore()
{
    auto fills = derivedFillStatements();
    STABLE_TRY(fills);
    WriteTransaction transaction(m_library, everythingBulk);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = transaction.db();
    for (const SchemaObject& object : std::as_const(m_setAside))
        if (object.type == QLatin1String("index"))
            STABLE_TRY(execSql(db, object.sql));
    QStringList derived;
    {
        auto tables = execSql(db, QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                                 "name LIKE 'derived\\_%' ESCAPE '\\' ORDER BY rowid"));
        STABLE_TRY(tables);
        while (tables->next())
            derived.append(tables->value(0).toString());
    }
    static const QRegularExpression target(QStringLiteral("^INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO\\s+(\\w+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (const QString& table : std::as_const(derived))
        if (!m_written.contains(table))
            STABLE_TRY(execSql(db, QStringLiteral("DELETE FROM %1").arg(identifier(table))));
    for (const QString& fill : std::as_const(fills.value()))
        if (!m_written.contains(target.match(fill).captured(1)))
            STABLE_TRY(execSql(db, fill));
    for (const SchemaObject& object : std::as_const(m_setAside))
        if (object.type == QLatin1String("trigger"))
            STABLE_TRY(execSql(db, object.sql));
    STABLE_TRY(transaction.commit());
    m_setAside.clear();
    return success();
}

} // namespace stable::demo
