#include "verifyhash.h"

#include "rawsqlite.h"

#include <openssl/evp.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace stable {

namespace {

// EVP_Digest fetches the algorithm and allocates a context on every call (locks and mallocs that cost as
// much as hashing a short audit event): fetch once, keep one context per thread.
struct Sha256
{
    EVP_MD* algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    ~Sha256()
    {
        EVP_MD_CTX_free(context);
        EVP_MD_free(algorithm);
    }
    bool digest(std::string_view data, unsigned char* out, unsigned int* length)
    {
        return algorithm && context && EVP_DigestInit_ex2(context, algorithm, nullptr) == 1 &&
               EVP_DigestUpdate(context, data.data(), data.size()) == 1 &&
               EVP_DigestFinal_ex(context, out, length) == 1;
    }
};

} // namespace

HexDigest sha256Hex(std::string_view data)
{
    HexDigest hex;
    hex.fill('0');
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    thread_local Sha256 sha256;
    if (!sha256.digest(data, digest, &length) || length != 32)
        return hex;
    // Two hex digits per byte from one table: verify writes out three million digests.
    static const std::array<char, 512> pairs = [] {
        static constexpr char digits[] = "0123456789abcdef";
        std::array<char, 512> table{};
        for (size_t byte = 0; byte < 256; ++byte) {
            table[2 * byte] = digits[byte >> 4];
            table[2 * byte + 1] = digits[byte & 0x0f];
        }
        return table;
    }();
    for (unsigned int i = 0; i < length; ++i)
        std::memcpy(hex.data() + 2 * i, pairs.data() + 2 * digest[i], 2);
    return hex;
}

void HashText::field(std::string_view utf8)
{
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, utf8.size());
    const size_t length = static_cast<size_t>(written.ptr - digits);
    char* out = m_bytes.extend(length + utf8.size() + 2);
    std::memcpy(out, digits, length);
    out[length] = ':';
    if (!utf8.empty()) // an empty view's data() may be null, which memcpy must not see
        std::memcpy(out + length + 1, utf8.data(), utf8.size());
    out[length + 1 + utf8.size()] = '\n';
}

void HashText::field(qint64 number)
{
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, number);
    field(std::string_view(digits, static_cast<size_t>(written.ptr - digits)));
}

namespace {

// Where, from `from` on, the first control character, quote or backslash of `text` is (its size if none):
// eight bytes at a time, as those are rare and the texts long.
size_t plainUpTo(std::string_view text, size_t from)
{
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = from;
#if defined(__SSE2__)
    // Sixteen at a time where the machine has SSE2 (every x86-64): a third of verify's own time was here.
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1f);
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(bytes, control), bytes); // at most 0x1f
        const __m128i marks = _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash));
        if (const int found = _mm_movemask_epi8(_mm_or_si128(low, marks)))
            return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(found)));
    }
#endif
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t bytes;
        std::memcpy(&bytes, text.data() + i, 8);
        const std::uint64_t quotes = bytes ^ (ones * '"'), backslashes = bytes ^ (ones * '\\');
        // Per byte: below 0x20, or zero after the xor (the classic tests: no misses, at worst a false alarm).
        const std::uint64_t found = ((bytes - ones * 0x20) & ~bytes) | ((quotes - ones) & ~quotes) |
                                    ((backslashes - ones) & ~backslashes);
        if (found & highs)
            break;
    }
    for (; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == '"' || c == '\\')
            break;
    }
    return i;
}

void appendBytes(Bytes& out, std::string_view bytes)
{
    out += bytes;
}

void appendBytes(QByteArray& out, std::string_view bytes)
{
    out.append(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

template <typename Out> void appendEscaped(Out& json, std::string_view utf8)
{
    static constexpr char digits[] = "0123456789abcdef";
    json += '"';
    size_t plainFrom = 0;
    for (size_t i = plainUpTo(utf8, 0); i < utf8.size(); i = plainUpTo(utf8, i + 1)) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        appendBytes(json, utf8.substr(plainFrom, i - plainFrom));
        plainFrom = i + 1;
        json += '\\';
        switch (c) {
        case '"':
            json += '"';
            break;
        case '\\':
            json += '\\';
            break;
        case '\b':
            json += 'b';
            break;
        case '\f':
            json += 'f';
            break;
        case '\n':
            json += 'n';
            break;
        case '\r':
            json += 'r';
            break;
        case '\t':
            json += 't';
            break;
        default:
            json += "u00";
            json += digits[c >> 4];
            json += digits[c & 0x0f];
        }
    }
    appendBytes(json, utf8.substr(plainFrom));
    json += '"';
}

} // namespace

void appendJsonString(Bytes& json, std::string_view utf8)
{
    // Nearly every text needs no escape: then in one piece.
    if (plainUpTo(utf8, 0) == utf8.size()) {
        char* out = json.extend(utf8.size() + 2);
        out[0] = '"';
        if (!utf8.empty()) // an empty view's data() may be null, which memcpy must not see
            std::memcpy(out + 1, utf8.data(), utf8.size());
        out[utf8.size() + 1] = '"';
        return;
    }
    appendEscaped(json, utf8);
}

void appendJsonString(QByteArray& json, std::string_view utf8)
{
    appendEscaped(json, utf8);
}

namespace {

// A JSON string at `at` (the opening quote): moves past it. `escaped` tells whether it held escapes.
// False when it is not one SQLite would accept.
bool skipString(std::string_view json, size_t& at, bool& escaped)
{
    escaped = false;
    // Most strings hold nothing to look at twice: straight to the closing quote.
    if (const size_t end = plainUpTo(json, at + 1); end < json.size() && json[end] == '"') {
        at = end + 1;
        return true;
    }
    for (size_t i = at + 1; i < json.size(); ++i) {
        const auto c = static_cast<unsigned char>(json[i]);
        if (c < 0x20)
            return false;
        if (c == '"') {
            at = i + 1;
            return true;
        }
        if (c == '\\') {
            escaped = true;
            if (++i == json.size())
                return false;
            const char e = json[i];
            if (e == 'u') {
                if (i + 4 >= json.size())
                    return false;
                for (size_t h = i + 1; h <= i + 4; ++h)
                    if (!std::isxdigit(static_cast<unsigned char>(json[h])))
                        return false;
                i += 4;
            } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                return false;
            }
        }
    }
    return false;
}

bool skipWord(std::string_view json, size_t& at, std::string_view word)
{
    if (json.substr(at, word.size()) != word)
        return false;
    at += word.size();
    return true;
}

} // namespace

JsonMember jsonStringMember(std::string_view json, std::string_view key, std::string_view& value)
{
    bool found = false;
    size_t at = 0;
    if (json.empty() || json[0] != '{')
        return JsonMember::Unsure;
    ++at;
    if (at < json.size() && json[at] == '}') {
        ++at;
    } else {
        while (true) {
            if (at >= json.size() || json[at] != '"')
                return JsonMember::Unsure;
            const size_t keyStart = at + 1;
            bool escaped = false;
            if (!skipString(json, at, escaped) || escaped)
                return JsonMember::Unsure;
            const bool isKey = json.substr(keyStart, at - 1 - keyStart) == key;
            if (at >= json.size() || json[at] != ':')
                return JsonMember::Unsure;
            ++at;
            if (at >= json.size())
                return JsonMember::Unsure;
            const char first = json[at];
            if (first == '"') {
                const size_t valueStart = at + 1;
                if (!skipString(json, at, escaped))
                    return JsonMember::Unsure;
                if (isKey) {
                    // A second member of the same name: which one SQLite takes is its business.
                    if (found || escaped || !isAscii(json.substr(valueStart, at - 1 - valueStart)))
                        return JsonMember::Unsure;
                    found = true;
                    value = json.substr(valueStart, at - 1 - valueStart);
                }
            } else if (isKey) {
                return JsonMember::Unsure;
            } else if (first >= '1' && first <= '9') {
                while (at < json.size() && json[at] >= '0' && json[at] <= '9')
                    ++at;
            } else if (first == '0') {
                ++at;
            } else if (!skipWord(json, at, "true") && !skipWord(json, at, "false") &&
                       !skipWord(json, at, "null")) {
                return JsonMember::Unsure;
            }
            if (at < json.size() && json[at] == ',') {
                ++at;
                continue;
            }
            if (at < json.size() && json[at] == '}') {
                ++at;
                break;
            }
            return JsonMember::Unsure;
        }
    }
    if (at != json.size())
        return JsonMember::Unsure;
    return found ? JsonMember::Found : JsonMember::Absent;
}

} // namespace stable
