// A value stream's name, purpose and owner edited after it was made (the desktop app's Stream
// Properties): one audited event, bounds as for every name, nothing written for no change, and verify
// names a name changed behind Stable's back.
#include "fieldbounds.h"
#include "fixtures.h"
#include "integrity.h"
#include "process.h"
#include "testlibrary.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

const QStringList countedTables{QStringLiteral("stream"), QStringLiteral("audit_event")};

ValueStream edited(Library& library, const QString& streamId)
{
    ValueStream stream = loadDraft(library, streamId).value();
    stream.name = QStringLiteral("Production Release");
    stream.purpose = QStringLiteral("Ship a tested build to every customer.");
    stream.owner = QStringLiteral("Ann Lee");
    return stream;
}

VerifyReport verified(Library& library)
{
    auto report = verifyLibrary(library);
    if (!report.ok())
        qFatal("%s", qPrintable(report.message()));
    return report.value();
}

} // namespace

class TestStreamProperties : public QObject
{
    Q_OBJECT

private slots:
    void anEditIsOneAuditedEvent()
    {
        TempLibrary lib;
        const auto imported = importProcess(*lib, sampleProcess());
        QVERIFY(imported.ok());
        const ValueStream before = loadDraft(*lib, imported->streamId).value();
        const qint64 events = rowCount(*lib, QStringLiteral("audit_event"));

        const Status done = updateStream(*lib, edited(*lib, imported->streamId));
        QVERIFY2(done.ok(), qPrintable(done.message()));
        const ValueStream after = loadDraft(*lib, imported->streamId).value();
        QCOMPARE(after.name, QStringLiteral("Production Release"));
        QCOMPARE(after.purpose, QStringLiteral("Ship a tested build to every customer."));
        QCOMPARE(after.owner, QStringLiteral("Ann Lee"));
        QCOMPARE(after.key, before.key); // the key stays: revisions and runs are filed under it
        QCOMPARE(after.steps.size(), before.steps.size());

        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events + 1);
        const RecordedEvent event = lastAuditEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("stream.update"));
        QCOMPARE(event.entityId, imported->streamId);
        QCOMPARE(event.before.value(QStringLiteral("name")).toString(), before.name);
        QCOMPARE(event.after.value(QStringLiteral("name")).toString(), QStringLiteral("Production Release"));
        QCOMPARE(event.after.value(QStringLiteral("owner")).toString(), QStringLiteral("Ann Lee"));

        const VerifyReport report = verified(*lib);
        QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char('\n'))));
    }

    void changingNothingWritesNothing()
    {
        TempLibrary lib;
        const auto imported = importProcess(*lib, sampleProcess());
        QVERIFY(imported.ok());
        const RowCounts counts = rowCounts(*lib, countedTables);
        QVERIFY(updateStream(*lib, loadDraft(*lib, imported->streamId).value()).ok());
        QCOMPARE(rowCounts(*lib, countedTables), counts);
    }

    void boundsAreThoseOfEveryName()
    {
        TempLibrary lib;
        const auto imported = importProcess(*lib, sampleProcess());
        QVERIFY(imported.ok());
        const RowCounts counts = rowCounts(*lib, countedTables);
        ValueStream stream = edited(*lib, imported->streamId);
        stream.name = QStringLiteral("   ");
        expectRefused(*lib, updateStream(*lib, stream), QStringLiteral("needs a name"), counts);
        stream.name = QString(bounds::name + 1, QLatin1Char('n'));
        expectRefused(*lib, updateStream(*lib, stream), QStringLiteral("The name of the value stream"),
                      counts);
        stream.name = QStringLiteral("Release");
        stream.owner = QString(bounds::name + 1, QLatin1Char('o'));
        expectRefused(*lib, updateStream(*lib, stream), QStringLiteral("The owner of the value stream"),
                      counts);
        stream.owner = QStringLiteral("Bell\x07");
        expectRefused(*lib, updateStream(*lib, stream), QStringLiteral("The owner of the value stream"),
                      counts);
        QCOMPARE(loadDraft(*lib, imported->streamId)->name, QStringLiteral("Software Release"));
    }

    void aRemovedOrUnknownStreamIsRefused()
    {
        TempLibrary lib;
        const auto imported = importProcess(*lib, sampleProcess());
        QVERIFY(imported.ok());
        ValueStream stream = edited(*lib, imported->streamId);
        QVERIFY(removeStream(*lib, imported->streamId).ok());
        const RowCounts counts = rowCounts(*lib, countedTables);
        expectRefused(*lib, updateStream(*lib, stream), QStringLiteral("was removed"), counts);
        stream.id = QStringLiteral("no-such-id");
        expectRefused(*lib, updateStream(*lib, stream), QStringLiteral("‘no-such-id’"), counts);
    }

    // The stream table has no guard trigger to drop: a tamperer with the sqlite3 shell changes the name
    // directly, and verify names the stream, the field and both values.
    void verifyNamesATamperedName()
    {
        TempLibrary lib;
        const auto imported = importProcess(*lib, sampleProcess());
        QVERIFY(imported.ok());
        QVERIFY(updateStream(*lib, edited(*lib, imported->streamId)).ok());
        QVERIFY(verified(*lib).ok);
        const QString path = lib.path();
        lib.close();
        QVERIFY(rawExec(
            path,
            QStringLiteral("UPDATE stream SET name = 'Shortcut' WHERE id = '%1'").arg(imported->streamId)));
        lib.reopen();
        const VerifyReport report = verified(*lib);
        QVERIFY(!report.ok);
        const QString all = report.problems.join(QLatin1Char('\n'));
        QVERIFY2(
            all.contains(
                QStringLiteral("Record stream %1 was changed behind Stable's back: name: stored ‘Shortcut’")
                    .arg(imported->streamId)),
            qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("‘Production Release’")), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestStreamProperties)
#include "tst_streamproperties.moc"
