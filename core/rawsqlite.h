#pragma once

// Reading straight through SQLite's C API, for scans where Qt Sql's per-row cost (a QVariant and a UTF-16
// copy of every text) is most of the work: verify reads every record of a library. value() still answers
// exactly what QSqlQuery::value() would, for the rows that need Qt's own conversions.
#include "result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <memory>
#include <sqlite3.h>
#include <string_view>

namespace stable {

// The connection Qt's SQLite driver holds for `db`; nullptr if it holds none.
sqlite3* sqliteHandle(const QSqlDatabase& db);

class RawConnection
{
public:
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // A connection of its own to the file, read-only, for one thread at a time.
    static Result<std::unique_ptr<RawConnection>> openReadOnly(const QString& path);
    // SQLite reads a WAL-mode file only through its -shm file, which it cannot make in a folder it cannot
    // write (a read-only mount, a folder of another user): there nothing can change the file under a
    // reader, and SQLite is told so with an immutable URI ("file:///…?immutable=1"). Empty otherwise.
    static QString immutableUri(const QString& path);
    // The connection Qt's driver holds for `db`, borrowed (not closed here); nullptr if it has none.
    static std::unique_ptr<RawConnection> borrow(const QSqlDatabase& db);

    sqlite3* handle() const { return m_db; }
    // A statement without results (BEGIN, COMMIT, a pragma).
    Status exec(const char* sql);

private:
    RawConnection(sqlite3* db, bool owned)
        : m_db(db)
        , m_owned(owned)
    {
    }
    sqlite3* m_db = nullptr;
    bool m_owned = false;
};

class RawQuery
{
public:
    RawQuery() = default;
    ~RawQuery();
    RawQuery(const RawQuery&) = delete;
    RawQuery& operator=(const RawQuery&) = delete;

    Status prepare(RawConnection& connection, const char* sql);

    // Binds as execSql binds (text as UTF-16, a null QString as ''), or a value copied from another row.
    void bind(int index, const QString& text);
    void bind(int index, qint64 number);
    void bind(int index, sqlite3_value* value);
    // Steps to the next row: false at the end. Errors are named as execSql names them.
    Result<bool> next();
    // Same, but a plain SQL error (SQLITE_ERROR: malformed JSON in json_extract, say) ends the rows the
    // way QSqlQuery::next() ends them; damage and I/O errors are still errors.
    Result<bool> nextOrEnd();
    // Back to before the first row, keeping the bindings' slots (for running again with new ones).
    void reset();

    int type(int column) const; // SQLITE_TEXT, SQLITE_INTEGER, …
    bool isText(int column) const;
    std::string_view text(int column) const; // the UTF-8 bytes as stored ("" for NULL)
    // isText() and text() in one call into SQLite (each call costs about what copying a short text does).
    bool textIfText(int column, std::string_view& bytes) const
    {
        // The column's own value, used on the connection's one thread only. Inline: verify asks 40
        // million times.
        sqlite3_value* value = sqlite3_column_value(m_statement, column);
        if (sqlite3_value_type(value) != SQLITE_TEXT)
            return false;
        const auto* utf8 = reinterpret_cast<const char*>(sqlite3_value_text(value));
        bytes = utf8 ? std::string_view(utf8, static_cast<size_t>(sqlite3_value_bytes(value)))
                     : std::string_view();
        return true;
    }
    qint64 number(int column) const;
    int columnCount() const { return sqlite3_column_count(m_statement); }
    sqlite3_value* rawValue(int column) const;
    // Exactly what QSqlQuery::value(column) gives for this row with Qt's SQLite driver.
    QVariant value(int column) const;

private:
    sqlite3_stmt* m_statement = nullptr;
    sqlite3* m_db = nullptr;
    QString m_sql;
    int m_lastCode = 0;
};

bool isAscii(std::string_view text);
// Text that is ASCII needs no conversion to be compared with a QString or to become one.
QString latin1(std::string_view ascii);

} // namespace stable
