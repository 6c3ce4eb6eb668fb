// Value streams and their drafts: importing a process definition (creating, then updating in place with
// ids kept, writing nothing when nothing changed), every refused import leaving the file as it was, and
// finding streams and steps by key or id.
#include "domain.h"
#include "process.h"
#include "processfixture.h"
#include "processjson.h"
#include "sql.h"
#include "testlibrary.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QString checkId(const ValueStream& stream, const char* stepKey, const char* checkKey)
{
    for (const Step& step : stream.steps)
        if (step.key == QLatin1String(stepKey))
            for (const QualityCheck& check : step.checks)
                if (check.key == QLatin1String(checkKey))
                    return check.id;
    return QString();
}

} // namespace

class TestProcess : public QObject
{
    Q_OBJECT
private slots:
    void importCreatesTheStreamAndItsDraft()
    {
        TempLibrary lib;
        auto imported = importProcess(*lib, releaseProcess());
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QVERIFY(imported->created);
        QCOMPARE(imported->steps, 3);
        QCOMPARE(imported->checks, 4);

        auto draft = loadDraft(*lib, QStringLiteral("release"));
        QVERIFY2(draft.ok(), qPrintable(draft.message()));
        QCOMPARE(draft->id, imported->streamId);
        QCOMPARE(processToJson(draft.value(), false), processToJson(releaseProcess(), false));
        QCOMPARE(stepKeys(draft.value()), names({"build", "deploy", "verify"}));
        QCOMPARE(keysOf(draft->steps.at(1)), names({"backup", "go"}));
        QCOMPARE(draft->steps.at(1).inputs.at(0).party, QStringLiteral("build"));
        QVERIFY(!draft->steps.at(1).inputs.at(0).id.isEmpty());
        QCOMPARE(draftChangedAt(*lib, imported->streamId), QStringLiteral("2026-03-01T10:00:00Z"));

        // One event per record: the stream, three steps, four checks (after the library's identity).
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), 9);
        QCOMPARE(lastEvents(*lib, 8).first(), QStringLiteral("stream.create stream"));
        QCOMPARE(lastEvents(*lib, 8).count(QStringLiteral("step.add step")), 3);
        QCOMPARE(lastEvents(*lib, 8).count(QStringLiteral("check.add quality_check")), 4);

        auto streams = listStreams(*lib);
        QVERIFY(streams.ok());
        QCOMPARE(streams->size(), 1);
        QCOMPARE(streams->at(0).key, QStringLiteral("release"));
        QCOMPARE(streams->at(0).stepCount, 3);
        QCOMPARE(streams->at(0).checkCount, 4);
        QCOMPARE(streams->at(0).latestRevision, 0);
        QVERIFY(streams->at(0).draftDiffers);
    }

    void reimportUpdatesInPlaceKeepingIds()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        const ValueStream first = loadDraft(*lib, QStringLiteral("release")).value();
        const qint64 eventsBefore = rowCount(*lib, QStringLiteral("audit_event"));
        lib.clock().advance(3600);

        // Verify moves first, deploy is renamed and loses ‘go’ but gains ‘rollback’, build is gone.
        ValueStream changed = releaseProcess();
        Step verify = changed.steps.takeLast();
        changed.steps.removeFirst();
        changed.steps.prepend(verify);
        changed.steps[1].name = QStringLiteral("Deploy to production");
        changed.steps[1].checks.removeLast();
        changed.steps[1].checks.append(makeCheck("rollback", "Rollback script ready"));
        auto imported = importProcess(*lib, changed);
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QVERIFY(!imported->created);
        QCOMPARE(imported->streamId, first.id);

        const ValueStream second = loadDraft(*lib, QStringLiteral("release")).value();
        QCOMPARE(stepKeys(second), names({"verify", "deploy"}));
        QCOMPARE(second.steps.at(0).id, first.steps.at(2).id);
        QCOMPARE(second.steps.at(1).id, first.steps.at(1).id);
        QCOMPARE(second.steps.at(1).name, QStringLiteral("Deploy to production"));
        QCOMPARE(checkId(second, "deploy", "backup"), checkId(first, "deploy", "backup"));
        QCOMPARE(checkId(second, "verify", "smoke"), checkId(first, "verify", "smoke"));
        QCOMPARE(keysOf(second.steps.at(1)), names({"backup", "rollback"}));
        QCOMPARE(second.steps.at(1).inputs.at(0).id, first.steps.at(1).inputs.at(0).id);

        // Nothing is deleted: the removed step and check keep their rows and ids.
        QCOMPARE(rowCount(*lib, QStringLiteral("step")), 3);
        QCOMPARE(rowCount(*lib, QStringLiteral("quality_check")), 5);
        auto removed = execSql(lib->db(), QStringLiteral("SELECT removed FROM quality_check WHERE id = ?"),
                               {checkId(first, "deploy", "go")});
        QVERIFY(removed.ok() && removed->next());
        QCOMPARE(removed->value(0).toInt(), 1);
        QCOMPARE(draftChangedAt(*lib, first.id), QStringLiteral("2026-03-01T11:00:00Z"));

        // Events for what changed only: verify and deploy moved, deploy renamed, build removed, go removed,
        // rollback added; smoke and backup are untouched.
        const QStringList events =
            lastEvents(*lib, static_cast<int>(rowCount(*lib, QStringLiteral("audit_event")) - eventsBefore));
        QCOMPARE(events, names({"step.update step", "step.update step", "step.remove step",
                                "check.add quality_check", "check.remove quality_check"}));
    }

    void aRemovedCheckComesBackWithItsId()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        const QString go = checkId(loadDraft(*lib, QStringLiteral("release")).value(), "deploy", "go");
        ValueStream without = releaseProcess();
        without.steps[1].checks.removeLast();
        QVERIFY(importProcess(*lib, without).ok());
        QVERIFY(checkId(loadDraft(*lib, QStringLiteral("release")).value(), "deploy", "go").isEmpty());
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        QCOMPARE(checkId(loadDraft(*lib, QStringLiteral("release")).value(), "deploy", "go"), go);
        QCOMPARE(lastEvent(*lib).action, QStringLiteral("check.restore"));
        QCOMPARE(rowCount(*lib, QStringLiteral("quality_check")), 4);
    }

    void importingTheSameProcessWritesNothing()
    {
        TempLibrary lib;
        auto first = importProcess(*lib, releaseProcess());
        QVERIFY(first.ok());
        lib.clock().advance(60);
        const Counts before = counts(*lib);
        auto again = importProcess(*lib, releaseProcess());
        QVERIFY2(again.ok(), qPrintable(again.message()));
        QVERIFY(!again->created);
        QVERIFY(counts(*lib) == before);
        QCOMPARE(draftChangedAt(*lib, first->streamId), QStringLiteral("2026-03-01T10:00:00Z"));
    }

    void importRefusesAndWritesNothing_data()
    {
        QTest::addColumn<ValueStream>("stream");
        QTest::addColumn<QString>("message");
        ValueStream badKey = releaseProcess();
        badKey.key = QStringLiteral("my release");
        QTest::newRow("stream key") << badKey
                                    << QStringLiteral(
                                           "‘my release’ is not a valid value stream key: use letters, "
                                           "digits, ‘-’, ‘_’ and ‘.’ (at most 64, starting with a letter or "
                                           "digit).");
        ValueStream noName = releaseProcess();
        noName.name = QStringLiteral(" ");
        QTest::newRow("stream name") << noName << QStringLiteral("The value stream ‘release’ needs a name.");
        ValueStream twice = releaseProcess();
        twice.steps[2].key = QStringLiteral("build");
        QTest::newRow("step key twice")
            << twice << QStringLiteral("The step key ‘build’ appears twice in ‘release’.");
        ValueStream stepKey = releaseProcess();
        stepKey.steps[0].key = QStringLiteral("build/1");
        QTest::newRow("step key") << stepKey
                                  << QStringLiteral(
                                         "‘build/1’ is not a valid step key: use letters, digits, ‘-’, ‘_’ "
                                         "and ‘.’ (at most 64, starting with a letter or digit).");
        ValueStream checkTwice = releaseProcess();
        checkTwice.steps[1].checks[1].key = QStringLiteral("backup");
        QTest::newRow("check key twice")
            << checkTwice << QStringLiteral("The check key ‘backup’ appears twice in the step ‘Deploy’.");
        ValueStream severity = releaseProcess();
        severity.steps[1].checks[1].severity = 11;
        QTest::newRow("severity") << severity
                                  << QStringLiteral(
                                         "Severity of the check ‘go’ must be from 1 to 10 (got 11).");
        ValueStream detection = releaseProcess();
        detection.steps[1].checks[1].detection = 0;
        QTest::newRow("detection") << detection
                                   << QStringLiteral(
                                          "Detection of the check ‘go’ must be from 1 to 10 (got 0).");
        ValueStream statement = releaseProcess();
        statement.steps[2].checks[0].statement = QString();
        QTest::newRow("statement") << statement << QStringLiteral("The check ‘smoke’ needs a statement.");
        ValueStream stepName = releaseProcess();
        stepName.steps[2].name = QString();
        QTest::newRow("step name") << stepName << QStringLiteral("The step ‘verify’ needs a name.");
        ValueStream origin = releaseProcess();
        origin.steps[2].checks[0].originIncidentId = QStringLiteral("0b6f3c1e-5d0a-4c4e-9a43-5e3c1f6a2b10");
        QTest::newRow("origin incident")
            << origin << QStringLiteral("No incident with id ‘0b6f3c1e-5d0a-4c4e-9a43-5e3c1f6a2b10’.");
    }

    void importRefusesAndWritesNothing()
    {
        QFETCH(ValueStream, stream);
        QFETCH(QString, message);
        TempLibrary lib;
        // Both for a new stream and for one that exists.
        for (bool exists : {false, true}) {
            if (exists)
                QVERIFY(importProcess(*lib, releaseProcess()).ok());
            const Counts before = counts(*lib);
            const QByteArray file = fileBytes(lib.path());
            auto imported = importProcess(*lib, stream);
            QVERIFY(!imported.ok());
            QCOMPARE(imported.message(), message);
            QVERIFY(counts(*lib) == before);
            QCOMPARE(fileBytes(lib.path()), file);
        }
    }

    void resolvesStreamsAndSteps()
    {
        TempLibrary lib;
        auto imported = importProcess(*lib, releaseProcess());
        QVERIFY(imported.ok());
        QCOMPARE(resolveStream(*lib, QStringLiteral("release")).value(), imported->streamId);
        QCOMPARE(resolveStream(*lib, imported->streamId).value(), imported->streamId);
        QCOMPARE(resolveStream(*lib, QStringLiteral("")).message(),
                 QStringLiteral("No value stream was named."));
        auto step = resolveStep(*lib, QStringLiteral("release"), QStringLiteral("deploy"));
        QVERIFY(step.ok());
        QCOMPARE(resolveStep(*lib, imported->streamId, step.value()).value(), step.value());
        auto missing = resolveStep(*lib, QStringLiteral("release"), QStringLiteral("test"));
        QCOMPARE(missing.message(), QStringLiteral("No step ‘test’ in ‘release’."));
        QCOMPARE(missing.kind(), ErrorKind::NotFound);
    }

    void makeKeyFromText()
    {
        QCOMPARE(makeKey(QStringLiteral("Deploy to prod"), {}), QStringLiteral("deploy-to-prod"));
        QCOMPARE(makeKey(QStringLiteral("  Deploy -- to PROD! "), {}), QStringLiteral("deploy-to-prod"));
        QCOMPARE(makeKey(QStringLiteral("Déploiement à chaud"), {}), QStringLiteral("deploiement-a-chaud"));
        QCOMPARE(makeKey(QStringLiteral("Deploy"), {QStringLiteral("deploy")}), QStringLiteral("deploy-2"));
        QCOMPARE(makeKey(QStringLiteral("Deploy"), {QStringLiteral("deploy"), QStringLiteral("Deploy-2")}),
                 QStringLiteral("deploy-3"));
        QCOMPARE(makeKey(QStringLiteral("!!!"), {}), QStringLiteral("item"));
        const QString longKey = makeKey(
            QStringLiteral("All stored procedures confirmed to have 'Go' at the end of every script"), {});
        // Cut at a word, never after one that leads into the rest ("…-confirmed-to-have").
        QCOMPARE(longKey, QStringLiteral("all-stored-procedures-confirmed"));
        QVERIFY(longKey.size() <= 40);
        QVERIFY(isValidKey(longKey));
        QCOMPARE(makeKey(QStringLiteral("Preproduction environmentsynchronisedcompletely"), {}),
                 QStringLiteral("preproduction"));
        // A check's key leaves out the statement's lead-in.
        QCOMPARE(checkKeyFrom(QStringLiteral("Check that every stored procedure ends with GO"), {}),
                 QStringLiteral("every-stored-procedure-ends-with-go"));
        QCOMPARE(checkKeyFrom(QStringLiteral("Verify: the certificate outlives the release by 30 days"), {}),
                 QStringLiteral("the-certificate-outlives-the-release"));
        QCOMPARE(checkKeyFrom(QStringLiteral("Checked twice"), {}), QStringLiteral("checked-twice"));
        QCOMPARE(checkKeyFrom(QStringLiteral("Check that"), {}), QStringLiteral("check-that"));
        QVERIFY(isValidKey(makeKey(QString(200, QLatin1Char('x')), {})));
    }
};

QTEST_GUILESS_MAIN(TestProcess)
#include "tst_process.moc"
