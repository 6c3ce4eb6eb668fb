#include "terminaltext.h"

namespace stable::cli {

namespace {

void appendEscape(QByteArray& shown, unsigned char byte)
{
    static const char hex[] = "0123456789abcdef";
    if (byte == 0x1B) {
        shown += "\\e";
    } else if (byte == '\r') {
        shown += "\\r";
    } else {
        shown += "\\x";
        shown += hex[byte >> 4];
        shown += hex[byte & 0xF];
    }
}

bool isC0OrDel(unsigned char byte)
{
    return (byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7F;
}

// Escapes `data`; a trailing 0xC2 is left in `pendingLead` to be decided with the next bytes.
QByteArray escaped(const char* data, qint64 size, bool& pendingLead)
{
    QByteArray shown;
    shown.reserve(static_cast<qsizetype>(size));
    qint64 i = 0;
    if (pendingLead && size > 0) {
        pendingLead = false;
        const auto next = static_cast<unsigned char>(data[0]);
        if (next >= 0x80 && next <= 0x9F) {
            appendEscape(shown, next);
            i = 1;
        } else {
            shown += '\xC2';
        }
    }
    for (; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        if (isC0OrDel(byte)) {
            appendEscape(shown, byte);
        } else if (byte == 0xC2) {
            if (i + 1 == size) {
                pendingLead = true;
                break;
            }
            const auto next = static_cast<unsigned char>(data[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                appendEscape(shown, next); // U+0080–U+009F: C1, as its code point
                ++i;
            } else {
                shown += static_cast<char>(byte);
            }
        } else {
            shown += static_cast<char>(byte);
        }
    }
    return shown;
}

} // namespace

TerminalDevice::TerminalDevice(FILE* stream)
{
    m_file.open(stream, QIODevice::WriteOnly | QIODevice::Unbuffered);
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

TerminalDevice::~TerminalDevice()
{
    setRaw(false);
}

void TerminalDevice::setRaw(bool raw)
{
    if (m_pendingLead) {
        put(QByteArray("\xC2"));
        m_pendingLead = false;
    }
    m_raw = raw;
}

qint64 TerminalDevice::writeData(const char* data, qint64 size)
{
    if (size <= 0)
        return 0;
    if (m_raw)
        return put(QByteArray(data, static_cast<qsizetype>(size))) ? size : -1;
    return put(escaped(data, size, m_pendingLead)) ? size : -1;
}

bool TerminalDevice::put(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return true;
    const bool written = m_file.write(bytes) == bytes.size();
    m_file.flush();
    return written;
}

QByteArray visibleBytes(const QByteArray& utf8)
{
    bool pendingLead = false;
    QByteArray shown = escaped(utf8.constData(), utf8.size(), pendingLead);
    if (pendingLead)
        shown += '\xC2';
    return shown;
}

} // namespace stable::cli
