#pragma once

// The hashed texts of the audit chain, signatures and run items built from UTF-8 bytes as SQLite stores
// them, byte for byte what appendHashField and QJsonDocument make of the same text as QStrings (for text
// that is valid UTF-8, the only kind Stable writes; tests/core/tst_verifyfast.cpp holds the two side by
// side). verify uses them for the rows it reads straight through SQLite's C API.
#include <QByteArray>
#include <QString>
#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace stable {

using HexDigest = std::array<char, 64>;

// SHA-256 of `data`, lowercase hex; all zeros if libcrypto failed (never equal to a stored hash).
HexDigest sha256Hex(std::string_view data);
inline std::string_view view(const HexDigest& hex)
{
    return {hex.data(), hex.size()};
}

// A growing run of bytes written in place: verify builds millions of short texts, and std::string's
// append checks and copies more per piece than that needs.
class Bytes
{
public:
    void clear() { m_size = 0; }
    size_t size() const { return m_size; }
    std::string_view view() const { return {m_data.data(), m_size}; }
    // Room for `count` more bytes, written by the caller.
    char* extend(size_t count)
    {
        if (m_data.size() < m_size + count)
            m_data.resize(std::max(2 * m_data.size(), m_size + count));
        char* at = m_data.data() + m_size;
        m_size += count;
        return at;
    }
    Bytes& operator+=(std::string_view bytes)
    {
        if (!bytes.empty()) // an empty view's data() may be null, which memcpy must not see
            std::memcpy(extend(bytes.size()), bytes.data(), bytes.size());
        return *this;
    }
    Bytes& operator+=(char byte)
    {
        *extend(1) = byte;
        return *this;
    }

private:
    std::vector<char> m_data;
    size_t m_size = 0;
};

// A text of length-prefixed fields, as appendHashField builds it.
class HashText
{
public:
    void clear() { m_bytes.clear(); }
    void field(std::string_view utf8);
    void field(qint64 number);
    HexDigest sha256() const { return sha256Hex(bytes()); }
    std::string_view bytes() const { return m_bytes.view(); }

private:
    Bytes m_bytes;
};

// Appends `utf8` as a JSON string the way QJsonDocument writes it ("…" with \" \\ \b \f \n \r \t and
// \u00XX for the other control characters; everything else as it is).
// One escaper for the verifier (Bytes) and the large demo's writer (QByteArray).
void appendJsonString(Bytes& json, std::string_view utf8);
void appendJsonString(QByteArray& json, std::string_view utf8);

// The text of the string member `key` of a JSON object written compactly (as canonicalJson writes), when
// that is certain without a full parser.
enum class JsonMember {
    Found,  // a string without escapes, ASCII: `value` is what json_extract gives
    Absent, // a well-formed object (of strings, plain integers, true, false, null) without `key`
    Unsure, // anything else: ask SQLite's json_extract
};
JsonMember jsonStringMember(std::string_view json, std::string_view key, std::string_view& value);

} // namespace stable
