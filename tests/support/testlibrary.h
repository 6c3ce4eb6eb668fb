#pragma once

#include "clock.h"
#include "library.h"
#include "people.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace stable::test {

// A real library file in a fresh temporary folder, with a fixed clock and a cheap PIN hash.
class TempLibrary
{
public:
    TempLibrary();
    Library& operator*() { return *m_library; }
    Library* operator->() { return m_library.get(); }
    Library& library() { return *m_library; }
    FixedClock& clock() { return *m_clock; }
    QString path() const { return m_path; }
    QString folder() const { return m_dir.path(); }
    QString file(const QString& name) const { return m_dir.filePath(name); }
    void reopen();          // closes and opens the file again
    void close();

    // Adds a person with PIN "1234" and returns a signer for them.
    Signer signer(const QString& name, const QString& initials);

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<FixedClock> m_clock;
    std::unique_ptr<Library> m_library;
};

// The default fixed moment of test clocks: 2026-03-01T10:00:00Z.
QDateTime testEpoch();

qint64 rowCount(Library& library, const QString& table);
QByteArray fileBytes(const QString& path);
// Runs a statement straight on the file (as a tamperer with the sqlite3 shell would); false on failure.
bool rawExec(const QString& path, const QString& statement);

} // namespace stable::test
