#pragma once

// Writing millions of records (the large demo) at the speed of SQLite rather than of Qt Sql: a
// statement bound straight through the sqlite3 C API with UTF-8 text, and the texts the audit chain
// and the record hashes are made of, built as UTF-8 without QString, QVariant or QJsonObject on the
// way. Every text here is byte for byte what the everyday functions produce (isoUtc, canonicalJson,
// appendHashField, sha256Hex): tests compare them, and `verify` re-hashes what was written.
// Internal to core.
#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QRandomGenerator>
#include <QSqlDatabase>

struct sqlite3_stmt;

namespace stable {

class BulkStatement
{
public:
    // Prepared on the library's own connection, so it runs inside the caller's transaction.
    BulkStatement(const QSqlDatabase& db, const char* sql);
    ~BulkStatement();
    BulkStatement(const BulkStatement&) = delete;
    BulkStatement& operator=(const BulkStatement&) = delete;

    // Parameters are bound in order; run() executes and rewinds for the next row.
    BulkStatement& text(QByteArrayView utf8);
    BulkStatement& textOrNull(QByteArrayView utf8); // NULL when empty, for optional references
    BulkStatement& integer(qint64 value);
    BulkStatement& real(double value);
    BulkStatement& null();
    Status run();

private:
    void check(int code);

    sqlite3_stmt* m_statement = nullptr;
    int m_next = 1;
    int m_failure = 0; // the first failed bind or prepare, reported by run()
};

// A JSON object as QJsonDocument writes it compact: keys must be given in ascending order (QJsonObject
// sorts them), strings escaped as Qt does, numbers as Qt formats them.
class JsonObjectWriter
{
public:
    explicit JsonObjectWriter(QByteArray& out);
    JsonObjectWriter& text(const char* key, QByteArrayView utf8);
    JsonObjectWriter& integer(const char* key, qint64 value);
    JsonObjectWriter& real(const char* key, double value);
    JsonObjectWriter& boolean(const char* key, bool value);
    void close();

private:
    void key(const char* name);

    QByteArray& m_out;
    bool m_first = true;
};

void appendJsonString(QByteArray& out, QByteArrayView utf8);

// isoUtc() of a moment given as seconds since 1970-01-01T00:00:00Z (years 1000 to 9999).
QByteArray isoUtcText(qint64 secondsSinceEpoch);

// appendHashField() and sha256Hex() for UTF-8 input.
void appendHashBytes(QByteArray& text, QByteArrayView utf8);
QByteArray sha256HexText(QByteArrayView data);

// Ids of the bulk records: valid version-4 UUID text, drawn from the seed (the same seed gives the same
// ids) and rising in the order the records are written, so that every primary-key index grows at
// its end instead of taking a random insert per row.
class SequentialIds
{
public:
    explicit SequentialIds(quint32 seed) : m_random(seed ^ 0x1d5eedu), m_next(m_random.bounded(0x40000000u)) {}

    QByteArray next()
    {
        static const char hex[] = "0123456789abcdef";
        const quint64 high = m_random.generate64();
        const quint64 low = m_random.generate64();
        char text[36];
        const auto put = [&text](int from, int digits, quint64 value) {
            for (int i = from + digits - 1; i >= from; --i, value >>= 4)
                text[i] = hex[value & 0xf];
        };
        put(0, 8, m_next++);
        text[8] = '-';
        put(9, 4, high);
        text[13] = '-';
        text[14] = '4';
        put(15, 3, high >> 16);
        text[18] = '-';
        put(19, 1, 8u + ((high >> 28) & 3u)); // the RFC 4122 variant: 8, 9, a or b
        put(20, 3, high >> 30);
        text[23] = '-';
        put(24, 12, low);
        return QByteArray(text, 36);
    }

private:
    QRandomGenerator m_random;
    quint64 m_next;
};

} // namespace stable
