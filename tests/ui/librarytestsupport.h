#pragma once

// Shared by the Library view's tests: the sample library opened as a document, and the draft's rows as
// text so that do / undo / redo can be compared with what the file holds.
#include "document.h"
#include "fixtures.h"
#include "sql.h"
#include "testlibrary.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace stable::test {

// Closes `lib` and opens the file as the desktop app does (no polling: tests change it themselves).
inline std::unique_ptr<Document> openAsDocument(TempLibrary& lib)
{
    lib.close();
    auto document = Document::open(lib.path());
    if (!document.ok())
        qFatal("cannot open the library: %s", qPrintable(document.message()));
    document.value()->setPollInterval(0);
    return std::move(document).value();
}

// Publishes the sample process in `lib`, closes it, and opens the file as the desktop app does.
inline std::unique_ptr<Document> openSampleDocument(TempLibrary& lib)
{
    publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
    return openAsDocument(lib);
}

inline QStringList selectRows(Library& library, const QString& sql)
{
    QStringList rows;
    auto query = execSql(library.db(), sql);
    if (!query.ok())
        qFatal("cannot read rows: %s", qPrintable(query.message()));
    while (query->next()) {
        QStringList fields;
        for (int i = 0; i < query->record().count(); ++i)
            fields.append(query->value(i).toString());
        rows.append(fields.join(QLatin1Char('|')));
    }
    return rows;
}

inline QStringList stepRows(Library& library)
{
    return selectRows(library, QStringLiteral("SELECT id, key, name, position, throughput, owner_role, "
                                              "planned_hours, removed FROM step ORDER BY id"));
}

inline QStringList checkRows(Library& library)
{
    return selectRows(library, QStringLiteral("SELECT id, step_id, key, position, statement, stage, critical, "
                                              "guards_against, severity, occurrence, detection, removed "
                                              "FROM quality_check ORDER BY id"));
}

inline QStringList portRows(Library& library)
{
    return selectRows(library, QStringLiteral("SELECT step_id, direction, position, name, party FROM step_io "
                                              "ORDER BY step_id, direction, position"));
}

inline QString stepIdOf(Library& library, const QString& key)
{
    auto query = execSql(library.db(), QStringLiteral("SELECT id FROM step WHERE key = ? AND removed = 0"), {key});
    if (!query.ok() || !query->next())
        qFatal("no step %s", qPrintable(key));
    return query->value(0).toString();
}

inline QString checkIdOf(Library& library, const QString& key)
{
    auto query =
        execSql(library.db(), QStringLiteral("SELECT id FROM quality_check WHERE key = ? AND removed = 0"), {key});
    if (!query.ok() || !query->next())
        qFatal("no check %s", qPrintable(key));
    return query->value(0).toString();
}

} // namespace stable::test
