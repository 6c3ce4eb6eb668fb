// Value streams and their drafts: importing a process definition (creating, then updating in place with
// ids kept), the granular edits the desktop app makes, and every refusal leaving the file as it was.
#include "audit.h"
#include "domain.h"
#include "process.h"
#include "processjson.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QualityCheck makeCheck(const char* key, const char* statement, Stage stage = Stage::Exit)
{
    QualityCheck check;
    check.key = QLatin1String(key);
    check.statement = QLatin1String(statement);
    check.stage = stage;
    return check;
}

Step makeStep(const char* key, const char* name, QList<QualityCheck> checks)
{
    Step step;
    step.key = QLatin1String(key);
    step.name = QLatin1String(name);
    step.checks = std::move(checks);
    return step;
}

ValueStream releaseProcess()
{
    ValueStream stream;
    stream.key = QStringLiteral("release");
    stream.name = QStringLiteral("Software Release");
    stream.purpose = QStringLiteral("Ship tested builds.");
    stream.owner = QStringLiteral("Release manager");
    Step build = makeStep("build", "Build", {makeCheck("tests", "Automated tests pass")});
    build.plannedHours = 1;
    build.outputs = {Port{{}, QStringLiteral("Install package"), QStringLiteral("deploy")}};
    Step deploy = makeStep("deploy", "Deploy",
                           {makeCheck("backup", "Database backed up", Stage::Entry),
                            makeCheck("go", "All stored procedures confirmed to have 'Go' at the end")});
    deploy.ownerRole = QStringLiteral("DBA");
    deploy.inputs = {Port{{}, QStringLiteral("Install package"), QStringLiteral("build")}};
    Step verify = makeStep("verify", "Verify", {makeCheck("smoke", "Smoke tests pass")});
    stream.steps = {build, deploy, verify};
    return stream;
}

// The counts a refused operation must leave unchanged.
struct Counts
{
    qint64 streams, steps, ports, checks, events;
    bool operator==(const Counts& other) const
    {
        return streams == other.streams && steps == other.steps && ports == other.ports &&
               checks == other.checks && events == other.events;
    }
};

Counts counts(Library& library)
{
    return {rowCount(library, QStringLiteral("stream")), rowCount(library, QStringLiteral("step")),
            rowCount(library, QStringLiteral("step_io")), rowCount(library, QStringLiteral("quality_check")),
            rowCount(library, QStringLiteral("audit_event"))};
}

// The newest audit events, oldest first: "action entity".
QStringList lastEvents(Library& library, int n)
{
    auto query =
        execSql(library.db(),
                QStringLiteral("SELECT action || ' ' || entity FROM (SELECT * FROM audit_event ORDER BY seq "
                               "DESC LIMIT ?) ORDER BY seq"),
                {n});
    QStringList events;
    while (query.ok() && query->next())
        events.append(query->value(0).toString());
    return events;
}

AuditEvent lastEvent(Library& library)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT action, entity, entity_id, before, after FROM audit_event "
                                        "ORDER BY seq DESC LIMIT 1"));
    AuditEvent event;
    if (query.ok() && query->next()) {
        event.action = query->value(0).toString();
        event.entity = query->value(1).toString();
        event.entityId = query->value(2).toString();
        event.before = query->value(3).toString();
        event.after = query->value(4).toString();
    }
    return event;
}

QJsonObject parsed(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString draftChangedAt(Library& library, const QString& streamId)
{
    auto query =
        execSql(library.db(), QStringLiteral("SELECT draft_changed_at FROM stream WHERE id = ?"), {streamId});
    return query.ok() && query->next() ? query->value(0).toString() : QString();
}

QStringList names(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list.append(QLatin1String(item));
    return list;
}

QStringList keysOf(const Step& step)
{
    QStringList keys;
    for (const QualityCheck& check : step.checks)
        keys.append(check.key);
    return keys;
}

QStringList stepKeys(const ValueStream& stream)
{
    QStringList keys;
    for (const Step& step : stream.steps)
        keys.append(step.key);
    return keys;
}

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

        // One event per record: the stream, three steps, four checks.
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), 8);
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

    void addStepAtAPositionAndRemoveIt()
    {
        TempLibrary lib;
        auto imported = importProcess(*lib, releaseProcess());
        QVERIFY(imported.ok());
        lib.clock().advance(60);
        Step review = makeStep("review", "Code review", {});
        review.inputs = {Port{{}, QStringLiteral("Pull request"), QStringLiteral("Developers")}};
        auto added = addStep(*lib, QStringLiteral("release"), review, 1);
        QVERIFY2(added.ok(), qPrintable(added.message()));
        QCOMPARE(stepKeys(loadDraft(*lib, QStringLiteral("release")).value()),
                 names({"build", "review", "deploy", "verify"}));
        AuditEvent event = lastEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("step.add"));
        QCOMPARE(event.entity, QStringLiteral("step"));
        QCOMPARE(event.entityId, added.value());
        QVERIFY(event.before.isEmpty());
        QCOMPARE(parsed(event.after).value(QStringLiteral("position")).toInt(), 1);
        QCOMPARE(parsed(event.after).value(QStringLiteral("inputs")).toArray().size(), 1);
        QCOMPARE(draftChangedAt(*lib, imported->streamId), QStringLiteral("2026-03-01T10:01:00Z"));

        auto appended = addStep(*lib, imported->streamId, makeStep("notes", "Release notes", {}));
        QVERIFY(appended.ok());
        QCOMPARE(stepKeys(loadDraft(*lib, QStringLiteral("release")).value()).last(),
                 QStringLiteral("notes"));

        QVERIFY(removeStep(*lib, added.value()).ok());
        QCOMPARE(stepKeys(loadDraft(*lib, QStringLiteral("release")).value()),
                 names({"build", "deploy", "verify", "notes"}));
        event = lastEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("step.remove"));
        QCOMPARE(parsed(event.before).value(QStringLiteral("removed")).toBool(), false);
        QCOMPARE(parsed(event.after).value(QStringLiteral("removed")).toBool(), true);
        auto positions =
            execSql(lib->db(), QStringLiteral("SELECT group_concat(position, ',') FROM (SELECT position FROM "
                                              "step WHERE removed = 0 ORDER BY position)"));
        QVERIFY(positions.ok() && positions->next());
        QCOMPARE(positions->value(0).toString(), QStringLiteral("0,1,2,3"));
        QCOMPARE(rowCount(*lib, QStringLiteral("step")), 5);

        // Undoing the removal restores the same step.
        Step again = review;
        again.id = added.value();
        auto restored = addStep(*lib, QStringLiteral("release"), again, 1);
        QVERIFY2(restored.ok(), qPrintable(restored.message()));
        QCOMPARE(restored.value(), added.value());
        QCOMPARE(lastEvent(*lib).action, QStringLiteral("step.restore"));
        QCOMPARE(loadDraft(*lib, QStringLiteral("release"))->steps.at(1).id, added.value());
        QCOMPARE(rowCount(*lib, QStringLiteral("step")), 5);
    }

    void aNewStepComesWithItsChecks()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        const qint64 events = rowCount(*lib, QStringLiteral("audit_event"));
        Step notes = makeStep(
            "notes", "Release notes",
            {makeCheck("published", "Notes published"), makeCheck("support", "Support briefed first")});
        auto added = addStep(*lib, QStringLiteral("release"), notes);
        QVERIFY2(added.ok(), qPrintable(added.message()));
        const Step stored = loadDraft(*lib, QStringLiteral("release"))->steps.last();
        QCOMPARE(stored.id, added.value());
        QCOMPARE(keysOf(stored), names({"published", "support"}));
        QCOMPARE(lastEvents(*lib, 3),
                 names({"step.add step", "check.add quality_check", "check.add quality_check"}));
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events + 3);

        const Counts before = counts(*lib);
        Step twice = makeStep("faq", "FAQ", {makeCheck("a", "A"), makeCheck("a", "B")});
        QCOMPARE(addStep(*lib, QStringLiteral("release"), twice).message(),
                 QStringLiteral("The check key ‘a’ appears twice in the step ‘FAQ’."));
        QVERIFY(counts(*lib) == before);
    }

    void updateStepWritesOnlyWhatChanged()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        Step deploy = loadDraft(*lib, QStringLiteral("release"))->steps.at(1);
        const Counts before = counts(*lib);
        QVERIFY(updateStep(*lib, deploy).ok());
        QVERIFY2(counts(*lib) == before, "an update that changes nothing writes nothing");

        deploy.name = QStringLiteral("Deploy to production");
        deploy.plannedHours = 2.5;
        deploy.outputs = {Port{{}, QStringLiteral("Production release"), QStringLiteral("Users")}};
        QVERIFY(updateStep(*lib, deploy).ok());
        const AuditEvent event = lastEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("step.update"));
        QCOMPARE(event.entityId, deploy.id);
        QCOMPARE(parsed(event.before).value(QStringLiteral("name")).toString(), QStringLiteral("Deploy"));
        QCOMPARE(parsed(event.after).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Deploy to production"));
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), before.events + 1);
        const Step stored = loadDraft(*lib, QStringLiteral("release"))->steps.at(1);
        QCOMPARE(stored.name, QStringLiteral("Deploy to production"));
        QCOMPARE(stored.plannedHours, 2.5);
        QCOMPARE(stored.outputs.size(), 1);
        QCOMPARE(stored.inputs.at(0).id, deploy.inputs.at(0).id);
    }

    void moveStepReorders()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        const ValueStream draft = loadDraft(*lib, QStringLiteral("release")).value();
        QVERIFY(moveStep(*lib, draft.steps.at(2).id, 0).ok());
        QCOMPARE(stepKeys(loadDraft(*lib, QStringLiteral("release")).value()),
                 names({"verify", "build", "deploy"}));
        QCOMPARE(lastEvent(*lib).action, QStringLiteral("step.move"));
        QVERIFY(moveStep(*lib, draft.steps.at(2).id, 99).ok());
        QCOMPARE(stepKeys(loadDraft(*lib, QStringLiteral("release")).value()),
                 names({"build", "deploy", "verify"}));
        const qint64 events = rowCount(*lib, QStringLiteral("audit_event"));
        QVERIFY(moveStep(*lib, draft.steps.at(2).id, 2).ok());
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events);
    }

    void stepEditsAreRefused()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        const ValueStream draft = loadDraft(*lib, QStringLiteral("release")).value();
        const Counts before = counts(*lib);

        auto taken = addStep(*lib, QStringLiteral("release"), makeStep("deploy", "Deploy again", {}));
        QVERIFY(!taken.ok());
        QCOMPARE(taken.message(),
                 QStringLiteral("‘Software Release’ already has a step with the key ‘deploy’ (‘Deploy’)."));
        auto unnamed = addStep(*lib, QStringLiteral("release"), makeStep("notes", "", {}));
        QCOMPARE(unnamed.message(), QStringLiteral("The step ‘notes’ needs a name."));
        auto noStream = addStep(*lib, QStringLiteral("onboarding"), makeStep("notes", "Notes", {}));
        QCOMPARE(noStream.message(), QStringLiteral("No value stream ‘onboarding’."));
        QCOMPARE(noStream.kind(), ErrorKind::NotFound);
        Step badHours = makeStep("notes", "Notes", {});
        badHours.plannedHours = -2;
        QCOMPARE(addStep(*lib, QStringLiteral("release"), badHours).message(),
                 QStringLiteral("Planned hours of ‘Notes’ must be from 0 to 10000 (got -2)."));
        Step portless = makeStep("notes", "Notes", {});
        portless.inputs = {Port{{}, QStringLiteral(" "), QStringLiteral("x")}};
        QCOMPARE(addStep(*lib, QStringLiteral("release"), portless).message(),
                 QStringLiteral("An input of ‘Notes’ has no name."));
        Step existing = makeStep("notes", "Notes", {});
        existing.id = draft.steps.at(0).id;
        QCOMPARE(addStep(*lib, QStringLiteral("release"), existing).message(),
                 QStringLiteral("The step with id ‘%1’ is already in use.").arg(existing.id));

        Step renamed = draft.steps.at(0);
        renamed.key = QStringLiteral("verify");
        QCOMPARE(updateStep(*lib, renamed).message(),
                 QStringLiteral("‘Software Release’ already has a step with the key ‘verify’ (‘Verify’)."));
        Step ghost = draft.steps.at(0);
        ghost.id = QStringLiteral("4a1c2e3f-0000-4000-8000-000000000000");
        QCOMPARE(updateStep(*lib, ghost).message(),
                 QStringLiteral("No step with id ‘4a1c2e3f-0000-4000-8000-000000000000’."));
        QVERIFY(counts(*lib) == before);

        QVERIFY(removeStep(*lib, draft.steps.at(0).id).ok());
        const Counts afterRemoval = counts(*lib);
        QCOMPARE(updateStep(*lib, draft.steps.at(0)).message(),
                 QStringLiteral("The step ‘Build’ was removed from the draft."));
        QCOMPARE(moveStep(*lib, draft.steps.at(0).id, 0).message(),
                 QStringLiteral("The step ‘Build’ was removed from the draft."));
        QCOMPARE(addCheck(*lib, draft.steps.at(0).id, makeCheck("x", "X")).message(),
                 QStringLiteral("The step ‘Build’ was removed from the draft."));
        QVERIFY(counts(*lib) == afterRemoval);
    }

    void checkEdits()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        const Step deploy = loadDraft(*lib, QStringLiteral("release"))->steps.at(1);

        QualityCheck rollback = makeCheck("rollback", "Rollback script tested", Stage::Entry);
        rollback.critical = true;
        rollback.severity = 9;
        auto added = addCheck(*lib, deploy.id, rollback, 0);
        QVERIFY2(added.ok(), qPrintable(added.message()));
        QCOMPARE(keysOf(loadDraft(*lib, QStringLiteral("release"))->steps.at(1)),
                 names({"rollback", "backup", "go"}));
        AuditEvent event = lastEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("check.add"));
        QCOMPARE(event.entity, QStringLiteral("quality_check"));
        QCOMPARE(parsed(event.after).value(QStringLiteral("critical")).toBool(), true);
        QCOMPARE(parsed(event.after).value(QStringLiteral("severity")).toInt(), 9);

        QualityCheck stored = loadDraft(*lib, QStringLiteral("release"))->steps.at(1).checks.at(0);
        QCOMPARE(stored.id, added.value());
        const qint64 events = rowCount(*lib, QStringLiteral("audit_event"));
        QVERIFY(updateCheck(*lib, stored).ok());
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events);
        stored.statement = QStringLiteral("Rollback script tested on staging");
        stored.detection = 2;
        QVERIFY(updateCheck(*lib, stored).ok());
        event = lastEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("check.update"));
        QCOMPARE(parsed(event.before).value(QStringLiteral("statement")).toString(),
                 QStringLiteral("Rollback script tested"));
        QCOMPARE(parsed(event.after).value(QStringLiteral("detection")).toInt(), 2);
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events + 1);

        QVERIFY(moveCheck(*lib, stored.id, 2).ok());
        QCOMPARE(keysOf(loadDraft(*lib, QStringLiteral("release"))->steps.at(1)),
                 names({"backup", "go", "rollback"}));
        QCOMPARE(lastEvent(*lib).action, QStringLiteral("check.move"));

        const QString backup = deploy.checks.at(0).id;
        QVERIFY(removeCheck(*lib, backup).ok());
        QCOMPARE(keysOf(loadDraft(*lib, QStringLiteral("release"))->steps.at(1)), names({"go", "rollback"}));
        QCOMPARE(lastEvent(*lib).action, QStringLiteral("check.remove"));
        auto positions =
            execSql(lib->db(),
                    QStringLiteral("SELECT key, position, removed FROM quality_check WHERE step_id = ? "
                                   "ORDER BY removed, position"),
                    {deploy.id});
        QStringList rows;
        while (positions.ok() && positions->next())
            rows.append(QStringLiteral("%1:%2:%3")
                            .arg(positions->value(0).toString())
                            .arg(positions->value(1).toInt())
                            .arg(positions->value(2).toInt()));
        QCOMPARE(rows, names({"go:0:0", "rollback:1:0", "backup:0:1"}));

        // The removed check's key is free again, for a new check with a new id.
        auto reused = addCheck(*lib, deploy.id, makeCheck("backup", "Backup verified by restore"));
        QVERIFY2(reused.ok(), qPrintable(reused.message()));
        QVERIFY(reused.value() != backup);
    }

    void checkEditsAreRefused()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        const Step deploy = loadDraft(*lib, QStringLiteral("release"))->steps.at(1);
        const Counts before = counts(*lib);
        QCOMPARE(addCheck(*lib, deploy.id, makeCheck("go", "Again")).message(),
                 QStringLiteral("The step ‘Deploy’ already has a check with the key ‘go’."));
        QCOMPARE(addCheck(*lib, deploy.id, makeCheck("new", "  ")).message(),
                 QStringLiteral("The check ‘new’ needs a statement."));
        QualityCheck rated = makeCheck("new", "Rated");
        rated.occurrence = 12;
        QCOMPARE(addCheck(*lib, deploy.id, rated).message(),
                 QStringLiteral("Occurrence of the check ‘new’ must be from 1 to 10 (got 12)."));
        QCOMPARE(addCheck(*lib, deploy.id, makeCheck("no way", "Spaces")).message(),
                 QStringLiteral(
                     "‘no way’ is not a valid check key: use letters, digits, ‘-’, ‘_’ and ‘.’ (at most 64, "
                     "starting with a letter or digit)."));
        QualityCheck renamed = deploy.checks.at(1);
        renamed.key = QStringLiteral("backup");
        QCOMPARE(updateCheck(*lib, renamed).message(),
                 QStringLiteral("The step ‘Deploy’ already has a check with the key ‘backup’."));
        QualityCheck traced = deploy.checks.at(1);
        traced.originIncidentId = QStringLiteral("4a1c2e3f-0000-4000-8000-000000000000");
        QCOMPARE(updateCheck(*lib, traced).message(),
                 QStringLiteral("No incident with id ‘4a1c2e3f-0000-4000-8000-000000000000’."));
        QCOMPARE(removeCheck(*lib, QStringLiteral("nope")).message(),
                 QStringLiteral("No check with id ‘nope’."));
        QVERIFY(counts(*lib) == before);
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
        QCOMPARE(longKey, QStringLiteral("all-stored-procedures-confirmed-to-have"));
        QVERIFY(longKey.size() <= 40);
        QVERIFY(isValidKey(longKey));
        QVERIFY(isValidKey(makeKey(QString(200, QLatin1Char('x')), {})));
    }
};

QTEST_GUILESS_MAIN(TestProcess)
#include "tst_process.moc"
