#pragma once

// The bulk phase of generating a new, private library (the large demo): millions of rows written with
// the file's durability and its per-row upkeep set aside, then the file made whole again. Internal to
// core.
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace stable {

class Library;

namespace demo {

// While a BulkLoad is begun, the library has no rollback journal on disk and no fsync, a large page
// cache, and neither the secondary indexes of `tables` nor the triggers that keep the derived_*
// summaries current. finish() rebuilds the indexes from the SQL the file had stored for them, fills
// every derived_* table once with the migrations' own statements, puts the triggers back and
// returns the file to its journal mode. Destroyed unfinished (a failure), it still finishes, so that
// a library kept after a failed generation is not left without its indexes.
class BulkLoad
{
public:
    // `written`: derived_* tables the caller writes itself while loading, exactly as their fill
    // statements would (cheaper from what it knows than joining millions of rows afterwards); finish()
    // leaves them as written.
    BulkLoad(Library& library, QStringList tables, QStringList written = {});
    ~BulkLoad();
    BulkLoad(const BulkLoad&) = delete;
    BulkLoad& operator=(const BulkLoad&) = delete;

    Status begin();
    Status finish();

private:
    struct SchemaObject
    {
        QString type, name, sql;
    };

    Status setAside();
    Status restore();

    Library& m_library;
    QStringList m_tables;
    QStringList m_written;
    QList<SchemaObject> m_setAside; // indexes first, then triggers, in the file's order
    QString m_journalMode;
    qint64 m_cacheSize = 0;
    bool m_begun = false;
};

// The statements with which the migrations fill the derived_* tables from the records, in migration
// order: the one text both a migrating library and a generated one are summarised with.
Result<QStringList> derivedFillStatements();

} // namespace demo
} // namespace stable
