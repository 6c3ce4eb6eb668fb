#pragma once

#include "library.h"
#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <initializer_list>

namespace stable {

// Runs one statement with positional (?) parameters. A failure is logged with the SQL and the driver's
// words (category "stable.sql") and comes back as a Storage error a person can read.
Result<QSqlQuery> execSql(const QSqlDatabase& db, const QString& statement,
                          std::initializer_list<QVariant> binds = {});
Result<QSqlQuery> execSql(const QSqlDatabase& db, const QString& statement, const QVariantList& binds);
// Binds and runs a statement prepared once and run many times (bulk writes), with execSql's rules.
Status execPrepared(QSqlQuery& query, const QVariantList& binds);

// Same, for a statement expected to give at most one row; the query is positioned on it.
// Result value false means "no row".
Result<bool> queryRow(QSqlQuery& query);

// Runs a statement that names one record and positions the query on it; notFound(missing) when there is
// none ("No run with id ‘…’.").
Result<QSqlQuery> selectRecord(const QSqlDatabase& db, const QString& statement, const QVariantList& binds,
                               const QString& missing);

// The statements of a script, split where SQLite says one is complete, without the comment lines before
// each; what is left after the last complete one (not a statement) goes to `unfinished`.
QStringList sqlStatements(const QByteArray& script, QString* unfinished = nullptr);
// Executes a script of several statements (triggers included), split with sqlite3_complete.
Status execScript(const QSqlDatabase& db, const QString& script);

// NULL when empty, the text otherwise: for optional references. (A plain empty QString binds as '').
QVariant nullIfEmpty(const QString& text);

// Qt binds text as UTF-16, and SQLite takes a leading U+FEFF for a byte-order mark and drops it: a text
// that is hashed before it is stored must lose it first, or its hash never matches the stored text.
QString storableText(const QString& text);

// One write: BEGIN IMMEDIATE on construction via begin(), COMMIT with its result checked, ROLLBACK
// when destroyed uncommitted. Signals go out only after the commit.
class WriteTransaction
{
public:
    WriteTransaction(Library& library, Changes changes);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    Status begin();
    Status commit();
    void rollback();

    void touch(Changes more) { m_changes |= more; }
    Library& library() { return m_library; }
    QSqlDatabase db() const { return m_library.db(); }

private:
    Library& m_library;
    Changes m_changes;
    bool m_active = false;
    bool m_forked = false; // this transaction gave a copy its own identity (libraryfork.h)
};

} // namespace stable
