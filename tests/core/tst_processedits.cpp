// The granular draft edits the desktop app makes: steps and checks added (at a position, a step with its
// checks), updated, moved and removed, one audit event per changed record, and every refused edit leaving
// the file as it was.
#include "process.h"
#include "processfixture.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QJsonObject parsed(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestProcessEdits : public QObject
{
    Q_OBJECT
private slots:
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
};

QTEST_GUILESS_MAIN(TestProcessEdits)
#include "tst_processedits.moc"
