#include "rawsqlite.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QUrl>
#include <QSqlDriver>
#include <cstdint>
#include <cstring>
#include <sqlite3.h>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

Q_DECLARE_LOGGING_CATEGORY(lcSql)

namespace stable {

namespace {

// The same words execSql gives for the same codes (core/sql.cpp).
Error rawFailure(sqlite3* db, int code, const QString& sql)
{
    const QString words = QString::fromUtf8(sqlite3_errmsg(db));
    qCWarning(lcSql).noquote() << "failed:" << sql << "--" << words << "code" << code;
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error{
            ErrorKind::Locked,
            QStringLiteral("The library is busy: another person or program is writing to it. Try again.")};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return storageError(
            QStringLiteral("The library file is damaged (%1); restore it from a backup.").arg(words));
    case SQLITE_IOERR:
        return storageError(QStringLiteral("The library file could not be read or written (%1); nothing was "
                                           "written. Is the disk full, or the folder gone?")
                                .arg(words));
    default:
        return storageError(QStringLiteral("The library refused the change (%1).").arg(words));
    }
}

} // namespace

RawConnection::~RawConnection()
{
    if (m_owned)
        sqlite3_close_v2(m_db);
}

QString RawConnection::immutableUri(const QString& path)
{
#ifdef Q_OS_WIN
    Q_UNUSED(path)
    return {};
#else
    const QFileInfo info(path);
    if (::access(QFile::encodeName(info.absolutePath()).constData(), W_OK) == 0 ||
        QFileInfo::exists(info.absoluteFilePath() + QStringLiteral("-shm")))
        return {};
    return QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1");
#endif
}

Result<std::unique_ptr<RawConnection>> RawConnection::openReadOnly(const QString& path)
{
    sqlite3* db = nullptr;
    const QString uri = immutableUri(path);
    const int code = sqlite3_open_v2((uri.isEmpty() ? path : uri).toUtf8().constData(), &db,
                                     SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | (uri.isEmpty() ? 0 : SQLITE_OPEN_URI),
                                     nullptr);
    std::unique_ptr<RawConnection> connection(new RawConnection(db, true));
    if (code != SQLITE_OK)
        return rawFailure(db, code, QStringLiteral("open ") + path);
    sqlite3_busy_timeout(db, 5000);
    // Scans read the file through, each page once. Not mapped: faulting 3 GB of pages into the process
    // (and unmapping them) cost more than SQLite copying each page out of the OS cache, and a small page
    // cache stays in the CPU's caches (verify of the ten-year library: 2.9 s unmapped with 2 MB, 3.1 s
    // mapped, 3.0 s with 8 MB).
    sqlite3_exec(db, "PRAGMA cache_size = -2000", nullptr, nullptr, nullptr);
    return connection;
}

sqlite3* sqliteHandle(const QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

std::unique_ptr<RawConnection> RawConnection::borrow(const QSqlDatabase& db)
{
    sqlite3* raw = sqliteHandle(db);
    if (!raw)
        return nullptr;
    return std::unique_ptr<RawConnection>(new RawConnection(raw, false));
}

Status RawConnection::exec(const char* sql)
{
    const int code = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        return rawFailure(m_db, code, QString::fromUtf8(sql));
    return success();
}

RawQuery::~RawQuery()
{
    sqlite3_finalize(m_statement);
}

Status RawQuery::prepare(RawConnection& connection, const char* sql)
{
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_db = connection.handle();
    m_sql = QString::fromUtf8(sql);
    const int code = sqlite3_prepare_v3(m_db, sql, -1, 0, &m_statement, nullptr);
    if (code != SQLITE_OK)
        return rawFailure(m_db, code, m_sql);
    return success();
}

void RawQuery::bind(int index, const QString& text)
{
    // Like execPrepared: a null QString is bound as '' rather than NULL.
    static const char16_t empty[] = u"";
    const void* data =
        text.isNull() ? static_cast<const void*>(empty) : static_cast<const void*>(text.utf16());
    sqlite3_bind_text16(m_statement, index, data, static_cast<int>(text.size() * 2), SQLITE_TRANSIENT);
}

void RawQuery::bind(int index, qint64 number)
{
    sqlite3_bind_int64(m_statement, index, number);
}

void RawQuery::bind(int index, sqlite3_value* value)
{
    if (value)
        sqlite3_bind_value(m_statement, index, value);
    else
        sqlite3_bind_null(m_statement, index); // a copy SQLite could not make
}

Result<bool> RawQuery::next()
{
    const int code = sqlite3_step(m_statement);
    m_lastCode = code;
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    return rawFailure(m_db, code, m_sql);
}

Result<bool> RawQuery::nextOrEnd()
{
    auto row = next();
    if (!row.ok() && (m_lastCode & 0xff) == SQLITE_ERROR)
        return false;
    return row;
}

void RawQuery::reset()
{
    sqlite3_reset(m_statement);
}

int RawQuery::type(int column) const
{
    return sqlite3_column_type(m_statement, column);
}

bool RawQuery::isText(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_TEXT;
}

std::string_view RawQuery::text(int column) const
{
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    if (!bytes)
        return {};
    return {bytes, static_cast<size_t>(sqlite3_column_bytes(m_statement, column))};
}

qint64 RawQuery::number(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

sqlite3_value* RawQuery::rawValue(int column) const
{
    return sqlite3_column_value(m_statement, column);
}

QVariant RawQuery::value(int column) const
{
    // Qt 6's SQLite driver (QSQLiteResultPrivate::fetchNext), value by value, with the default
    // numerical precision policy.
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char*>(sqlite3_column_blob(m_statement, column)),
                          sqlite3_column_bytes(m_statement, column));
    case SQLITE_INTEGER:
        return QVariant(static_cast<qlonglong>(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    default:
        return QString(static_cast<const QChar*>(sqlite3_column_text16(m_statement, column)),
                       sqlite3_column_bytes16(m_statement, column) / 2);
    }
}

bool isAscii(std::string_view text)
{
    // Sixteen bytes at a time: verify asks this of every hash and id it reads.
    constexpr std::uint64_t highs = 0x8080808080808080u;
    size_t i = 0;
    for (; i + 16 <= text.size(); i += 16) {
        std::uint64_t first, second;
        std::memcpy(&first, text.data() + i, 8);
        std::memcpy(&second, text.data() + i + 8, 8);
        if ((first | second) & highs)
            return false;
    }
    for (; i < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) >= 0x80)
            return false;
    return true;
}

QString latin1(std::string_view ascii)
{
    return QString::fromLatin1(ascii.data(), static_cast<qsizetype>(ascii.size()));
}

} // namespace stable
