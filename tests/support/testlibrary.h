#pragma once

#include "clock.h"
#include "library.h"
#include "people.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
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
    void reopen(); // closes and opens the file again
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

// Row counts by table: what a refused call must leave as it was.
using RowCounts = QMap<QString, qint64>;
RowCounts rowCounts(Library& library, const QStringList& tables);

// A refusal: not done, a message that contains `words`, and every table counted in `before` unchanged.
template <typename T>
void expectRefused(Library& library, const Result<T>& result, const QString& words, const RowCounts& before)
{
    QVERIFY2(!result.ok(), qPrintable(words));
    QVERIFY2(result.message().contains(words), qPrintable(result.message()));
    QCOMPARE(rowCounts(library, before.keys()), before);
}

// An audit event as a test reads it, with the record before and after parsed.
struct RecordedEvent
{
    QString action, entity, entityId, actor, why;
    QJsonObject before, after;
};
// The audit events about one record, oldest first.
QList<RecordedEvent> auditEventsOf(Library& library, const QString& entityId);
RecordedEvent lastAuditEvent(Library& library);

// A library document with its random parts (ids, hashes, salted PIN hashes) replaced by numbered
// placeholders in order of first appearance ("<id-3>"), so that two documents compare by content.
QByteArray withPlaceholders(const QByteArray& document);
QByteArray fileBytes(const QString& path);
// Runs a statement straight on the file (as a tamperer with the sqlite3 shell would); false on failure.
bool rawExec(const QString& path, const QString& statement);

} // namespace stable::test
