// Removing a whole value stream and bringing it back: the desktop app's "Remove Value Stream" and its
// undo. A removed stream leaves the list and cannot be run, but its history stays, and it comes back as
// it was — the same ids, so checks keep their identity.
#include "fixtures.h"
#include "process.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QStringList streamKeys(Library& library)
{
    QStringList keys;
    const auto streams = listStreams(library);
    for (const StreamSummary& stream : streams.value())
        keys.append(stream.key);
    return keys;
}

QString lastAuditAction(Library& library)
{
    auto query = execSql(library.db(), QStringLiteral("SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1"));
    return query.ok() && query->next() ? query->value(0).toString() : QString();
}

const QStringList countedTables{QStringLiteral("stream"), QStringLiteral("step"), QStringLiteral("quality_check"),
                                QStringLiteral("audit_event")};

} // namespace

class TestStreams : public QObject
{
    Q_OBJECT

private slots:
    void removingTakesTheStreamOutOfTheListButKeepsItsHistory()
    {
        TempLibrary lib;
        const QString streamId = publishSample(*lib, lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL")));
        StartRun request;
        request.stream = QStringLiteral("release");
        request.title = QStringLiteral("Release 4.2.0");
        const auto run = startRun(*lib, request);
        QVERIFY2(run.ok(), qPrintable(run.message()));
        QVERIFY(importProcess(*lib, opsProcess()).ok());
        const qint64 events = rowCount(*lib, QStringLiteral("audit_event"));

        const Status removed = removeStream(*lib, streamId);
        QVERIFY2(removed.ok(), qPrintable(removed.message()));
        QCOMPARE(streamKeys(*lib), QStringList{QStringLiteral("ops")});
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events + 1);
        QCOMPARE(lastAuditAction(*lib), QStringLiteral("stream.remove"));
        // Its run and revision are still there to read; a new run is refused.
        QVERIFY(loadRun(*lib, run->id).ok());
        QCOMPARE(rowCount(*lib, QStringLiteral("revision")), 1);
        const auto refusedRun = startRun(*lib, request);
        QVERIFY(!refusedRun.ok());
        QVERIFY2(refusedRun.message().contains(QStringLiteral("release")), qPrintable(refusedRun.message()));
    }

    void restoringBringsBackTheSameStepsAndChecks()
    {
        TempLibrary lib;
        const auto imported = importProcess(*lib, sampleProcess());
        QVERIFY(imported.ok());
        const ValueStream before = loadDraft(*lib, QStringLiteral("release")).value();

        QVERIFY(removeStream(*lib, imported->streamId).ok());
        QVERIFY(!loadDraft(*lib, QStringLiteral("release")).ok());
        const Status restored = restoreStream(*lib, imported->streamId);
        QVERIFY2(restored.ok(), qPrintable(restored.message()));
        QCOMPARE(lastAuditAction(*lib), QStringLiteral("stream.restore"));

        const ValueStream after = loadDraft(*lib, QStringLiteral("release")).value();
        QCOMPARE(after.id, before.id);
        QCOMPARE(after.steps.size(), before.steps.size());
        for (int i = 0; i < before.steps.size(); ++i) {
            QCOMPARE(after.steps.at(i).id, before.steps.at(i).id);
            QCOMPARE(after.steps.at(i).checks.size(), before.steps.at(i).checks.size());
            for (int c = 0; c < before.steps.at(i).checks.size(); ++c)
                QCOMPARE(after.steps.at(i).checks.at(c).id, before.steps.at(i).checks.at(c).id);
        }
    }

    void doingWhatIsAlreadySoWritesNothing()
    {
        TempLibrary lib;
        const auto imported = importProcess(*lib, sampleProcess());
        QVERIFY(imported.ok());
        RowCounts counts = rowCounts(*lib, countedTables);
        QVERIFY(restoreStream(*lib, imported->streamId).ok());
        QCOMPARE(rowCounts(*lib, countedTables), counts);

        QVERIFY(removeStream(*lib, imported->streamId).ok());
        counts = rowCounts(*lib, countedTables);
        QVERIFY(removeStream(*lib, imported->streamId).ok());
        QCOMPARE(rowCounts(*lib, countedTables), counts);
    }

    void anUnknownStreamIsRefused()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, sampleProcess()).ok());
        const RowCounts counts = rowCounts(*lib, countedTables);
        expectRefused(*lib, removeStream(*lib, QStringLiteral("no-such-id")), QStringLiteral("‘no-such-id’"), counts);
        expectRefused(*lib, restoreStream(*lib, QStringLiteral("no-such-id")), QStringLiteral("‘no-such-id’"), counts);
    }

    void importingTheKeyOfARemovedStreamBringsItBack()
    {
        TempLibrary lib;
        const auto imported = importProcess(*lib, sampleProcess());
        QVERIFY(imported.ok());
        QVERIFY(removeStream(*lib, imported->streamId).ok());
        const auto again = importProcess(*lib, sampleProcess());
        QVERIFY2(again.ok(), qPrintable(again.message()));
        QCOMPARE(again->streamId, imported->streamId);
        QCOMPARE(streamKeys(*lib), QStringList{QStringLiteral("release")});
    }
};

QTEST_GUILESS_MAIN(TestStreams)
#include "tst_streams.moc"
