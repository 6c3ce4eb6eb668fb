#include "bulkwrite.h"

#include "verifyhash.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QVariant>

#include <openssl/evp.h>
#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcBulkWrite, "stable.sql")

namespace stable {

namespace {

sqlite3* handleOf(const QSqlDatabase& db)
{
    if (!db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

constexpr char hexDigits[] = "0123456789abcdef";

void putDigits(char* at, int digits, qint64 value)
{
    for (int i = digits - 1; i >= 0; --i, value /= 10)
        at[i] = static_cast<char>('0' + value % 10);
}

} // namespace

BulkStatement::BulkStatement(const QSqlDatabase& db, const char* sql)
{
    sqlite3* handle = handleOf(db);
    if (!handle) {
        m_failure = SQLITE_MISUSE;
        return;
    }
    check(sqlite3_prepare_v3(handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr));
}

BulkStatement::~BulkStatement()
{
    sqlite3_finalize(m_statement);
}

void BulkStatement::check(int code)
{
    if (code != SQLITE_OK && m_failure == 0)
        m_failure = code;
}

BulkStatement& BulkStatement::text(QByteArrayView utf8)
{
    // A null view is still text: NULL is said with null() or textOrNull().
    static const char empty[] = "";
    check(sqlite3_bind_text64(m_statement, m_next++, utf8.isNull() ? empty : utf8.data(),
                              static_cast<sqlite3_uint64>(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

BulkStatement& BulkStatement::textOrNull(QByteArrayView utf8)
{
    return utf8.isEmpty() ? null() : text(utf8);
}

BulkStatement& BulkStatement::integer(qint64 value)
{
    check(sqlite3_bind_int64(m_statement, m_next++, value));
    return *this;
}

BulkStatement& BulkStatement::real(double value)
{
    check(sqlite3_bind_double(m_statement, m_next++, value));
    return *this;
}

BulkStatement& BulkStatement::null()
{
    check(sqlite3_bind_null(m_statement, m_next++));
    return *this;
}

Status BulkStatement::run()
{
    m_next = 1;
    if (m_failure == 0 && m_statement) {
        const int stepped = sqlite3_step(m_statement);
        if (stepped != SQLITE_DONE && stepped != SQLITE_ROW)
            m_failure = stepped;
        sqlite3_reset(m_statement);
    }
    if (m_failure == 0)
        return success();
    const int code = m_failure;
    sqlite3* handle = m_statement ? sqlite3_db_handle(m_statement) : nullptr;
    const QString detail = handle ? QString::fromUtf8(sqlite3_errmsg(handle)) : QStringLiteral("no connection");
    qCWarning(lcBulkWrite).noquote() << "failed:" << (m_statement ? sqlite3_sql(m_statement) : "") << "--" << detail
                                     << "code" << code;
    m_failure = 0;
    if ((code & 0xff) == SQLITE_FULL)
        return storageError(QStringLiteral("The disk is full; nothing was written. Free some space and try again."));
    return storageError(QStringLiteral("The library refused the change (%1).").arg(detail));
}

JsonObjectWriter::JsonObjectWriter(QByteArray& out)
    : m_out(out)
{
    m_out += '{';
}

void JsonObjectWriter::key(const char* name)
{
    if (!m_first)
        m_out += ',';
    m_first = false;
    m_out += '"';
    m_out += name;
    m_out += "\":";
}

JsonObjectWriter& JsonObjectWriter::text(const char* name, QByteArrayView utf8)
{
    key(name);
    appendJsonString(m_out, utf8);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::integer(const char* name, qint64 value)
{
    key(name);
    m_out += QByteArray::number(value);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::real(const char* name, double value)
{
    key(name);
    // Qt writes a JSON double this way (QLocale::FloatingPointShortest is -128).
    m_out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::boolean(const char* name, bool value)
{
    key(name);
    m_out += value ? "true" : "false";
    return *this;
}

void JsonObjectWriter::close()
{
    m_out += '}';
}

void appendJsonString(QByteArray& out, QByteArrayView utf8)
{
    appendJsonString(out, std::string_view(utf8.data(), static_cast<size_t>(utf8.size())));
}

QByteArray isoUtcText(qint64 secondsSinceEpoch)
{
    // Days to the civil date (H. Hinnant's algorithm), proleptic Gregorian like QDate.
    qint64 days = secondsSinceEpoch / 86400;
    qint64 second = secondsSinceEpoch % 86400;
    if (second < 0) {
        second += 86400;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 shiftedMonth = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    const qint64 month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    QByteArray text(20, Qt::Uninitialized);
    char* at = text.data();
    putDigits(at, 4, year);
    at[4] = '-';
    putDigits(at + 5, 2, month);
    at[7] = '-';
    putDigits(at + 8, 2, day);
    at[10] = 'T';
    putDigits(at + 11, 2, second / 3600);
    at[13] = ':';
    putDigits(at + 14, 2, second / 60 % 60);
    at[16] = ':';
    putDigits(at + 17, 2, second % 60);
    at[19] = 'Z';
    return text;
}

void appendHashBytes(QByteArray& text, QByteArrayView utf8)
{
    // The length in decimal without a temporary QByteArray: this runs ten times per audit event.
    char digits[24];
    int first = static_cast<int>(sizeof digits);
    qsizetype length = utf8.size();
    do {
        digits[--first] = static_cast<char>('0' + length % 10);
        length /= 10;
    } while (length > 0);
    text.append(digits + first, static_cast<qsizetype>(sizeof digits) - first);
    text += ':';
    text += utf8;
    text += '\n';
}

QByteArray sha256HexText(QByteArrayView data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()), digest, &length, EVP_sha256(), nullptr) != 1)
        return QByteArray(); // never equal to a stored hash, as sha256Hex
    QByteArray hex(static_cast<qsizetype>(length) * 2, Qt::Uninitialized);
    char* out = hex.data();
    for (unsigned int i = 0; i < length; ++i) {
        *out++ = hexDigits[digest[i] >> 4];
        *out++ = hexDigits[digest[i] & 0x0f];
    }
    return hex;
}

} // namespace stable
