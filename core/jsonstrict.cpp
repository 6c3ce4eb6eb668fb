#include "jsonstrict.h"

#include <QHash>
#include <vector>

namespace stable {

namespace {

struct Place
{
    qsizetype line = 1;
    qsizetype column = 1;
};

// One open object or array. An object expects a key after '{' and after each ','.
struct Container
{
    bool object = false;
    bool expectsKey = false;
    QHash<QString, Place> keys;
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Walks the bytes once, keeping the line and column; never reads past the end, whatever the input.
class Scanner
{
public:
    explicit Scanner(const QByteArray& json)
        : m_json(json)
    {
    }

    std::optional<JsonDuplicateKey> run()
    {
        std::vector<Container> open;
        while (m_at < m_json.size()) {
            const char c = m_json.at(m_at);
            if (c == '"') {
                const Place start = m_place;
                const QString text = readString();
                if (!open.empty() && open.back().object && open.back().expectsKey) {
                    open.back().expectsKey = false;
                    const auto seen = open.back().keys.constFind(text);
                    if (seen != open.back().keys.constEnd())
                        return JsonDuplicateKey{text, start.line, start.column, seen->line, seen->column};
                    open.back().keys.insert(text, start);
                }
                continue;
            }
            if (c == '{')
                open.push_back(Container{true, true, {}});
            else if (c == '[')
                open.push_back(Container{false, false, {}});
            else if ((c == '}' || c == ']') && !open.empty())
                open.pop_back();
            else if (c == ',' && !open.empty() && open.back().object)
                open.back().expectsKey = true;
            advance();
        }
        return std::nullopt;
    }

private:
    void advance()
    {
        const char c = m_json.at(m_at++);
        if (c == '\n') {
            ++m_place.line;
            m_place.column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++m_place.column; // a UTF-8 continuation byte is part of the character before it
        }
    }

    // From the opening quote to past the closing one; escapes decoded (\uXXXX as UTF-16 code units).
    QString readString()
    {
        advance();
        QString text;
        QByteArray plain;
        const auto flush = [&] {
            text += QString::fromUtf8(plain);
            plain.clear();
        };
        while (m_at < m_json.size()) {
            const char c = m_json.at(m_at);
            if (c == '"') {
                advance();
                break;
            }
            if (c != '\\') {
                plain += c;
                advance();
                continue;
            }
            flush();
            advance();
            if (m_at >= m_json.size())
                break;
            const char escaped = m_json.at(m_at);
            advance();
            switch (escaped) {
            case 'b':
                text += QLatin1Char('\b');
                break;
            case 'f':
                text += QLatin1Char('\f');
                break;
            case 'n':
                text += QLatin1Char('\n');
                break;
            case 'r':
                text += QLatin1Char('\r');
                break;
            case 't':
                text += QLatin1Char('\t');
                break;
            case 'u': {
                int unit = 0;
                int digits = 0;
                while (digits < 4 && m_at < m_json.size() && hexValue(m_json.at(m_at)) >= 0) {
                    unit = unit * 16 + hexValue(m_json.at(m_at));
                    advance();
                    ++digits;
                }
                text += QChar(static_cast<char16_t>(unit));
                break;
            }
            default:
                text += QLatin1Char(escaped); // \" \\ \/
                break;
            }
        }
        flush();
        return text;
    }

    const QByteArray& m_json;
    qsizetype m_at = 0;
    Place m_place;
};

} // namespace

std::optional<JsonDuplicateKey> findDuplicateKey(const QByteArray& json)
{
    return Scanner(json).run();
}

QString describeDuplicateKey(const JsonDuplicateKey& duplicate)
{
    return QStringLiteral("line %1, column %2: the key ‘%3’ appears twice in one object (first at line %4, "
                          "column %5); a key may be given once")
        .arg(duplicate.line)
        .arg(duplicate.column)
        .arg(duplicate.key)
        .arg(duplicate.firstLine)
        .arg(duplicate.firstColumn);
}

} // namespace stable
