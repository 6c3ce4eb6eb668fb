#pragma once

#include <QFile>
#include <QIODevice>

namespace stable::cli {

// Standard output or error as a terminal may safely show it: every control character that a person did
// not mean as layout is written visibly and inertly — ESC as "\e", CR as "\r", any other C0 or DEL as
// "\x07", a C1 (U+0080–U+009F) as "\x9b" — so that a title cannot set the terminal's title or clear the
// screen of whoever runs `run list`. Tab and line feed pass. JSON is written raw (its own escapes keep it
// inert): between setRaw(true) and setRaw(false).
class TerminalDevice : public QIODevice
{
public:
    explicit TerminalDevice(FILE* stream);
    ~TerminalDevice() override;
    bool isSequential() const override { return true; }
    void setRaw(bool raw);

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override;

private:
    bool put(const QByteArray& bytes);

    QFile m_file;
    bool m_raw = false;
    bool m_pendingLead = false; // a 0xC2 at the end of the last write: the first byte of a C1 or not
};

// The same escaping for one piece of UTF-8 text (what TerminalDevice writes for it).
QByteArray visibleBytes(const QByteArray& utf8);

} // namespace stable::cli
