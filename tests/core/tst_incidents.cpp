// Incidents: recording, the five whys, the improvement that adds a check where the defect was injected,
// and the verification that the check held. Every refusal asserted with nothing written.
#include "fixtures.h"
#include "incidents.h"
#include "process.h"
#include "revisions.h"
#include "rework.h"
#include "runs.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

RowCounts counts(Library& library)
{
    return rowCounts(library, {QStringLiteral("incident"), QStringLiteral("incident_why"),
                               QStringLiteral("quality_check"), QStringLiteral("audit_event")});
}

NewIncident incidentAt(const QString& title, const QString& detected, const QString& injected)
{
    NewIncident incident;
    incident.title = title;
    incident.stream = QStringLiteral("release");
    incident.detectedStep = detected;
    incident.injectedStep = injected;
    return incident;
}

// A library with Alice and Bob and the sample "release" stream (build → deploy) published at revision 1.
struct Scene
{
    TempLibrary lib;
    Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
    Signer bob = lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BO"));
    QString streamId = publishSample(*lib, alice);

    Incident add(const NewIncident& request)
    {
        auto added = addIncident(*lib, request);
        if (!added.ok())
            qFatal("%s", qPrintable(added.message()));
        return added.value();
    }

    QString startRunNow(const QString& title)
    {
        auto run = startRun(*lib, StartRun{QStringLiteral("release"), title, RunKind::Release, 0,
                                           std::nullopt, std::nullopt});
        if (!run.ok())
            qFatal("%s", qPrintable(run.message()));
        return run->id;
    }

    void signItem(const QString& runId, const QString& ref, Outcome outcome, const Signer& by)
    {
        SignRequest request;
        request.run = runId;
        request.item = ref;
        request.outcome = outcome;
        auto signedItem = sign(*lib, by, request);
        if (!signedItem.ok())
            qFatal("%s: %s", qPrintable(ref), qPrintable(signedItem.message()));
    }

    // Passes every open item (critical ones by two people) and completes the run.
    void completeRun(const QString& runId)
    {
        const Run run = loadRun(*lib, runId).value();
        for (const RunItem& item : run.items) {
            if (item.state == ItemState::Passed)
                continue;
            signItem(runId, item.ref(), Outcome::Pass, alice);
            if (item.critical)
                signItem(runId, item.ref(), Outcome::Pass, bob);
        }
        auto closed = closeRun(*lib, CloseRun{runId, false, {}});
        if (!closed.ok())
            qFatal("%s", qPrintable(closed.message()));
    }
};

} // namespace

class TestIncidents : public QObject
{
    Q_OBJECT
private slots:
    void incidentsAreNumberedAndRecorded()
    {
        Scene scene;
        NewIncident request = incidentAt(QStringLiteral("  Procedure deployed   without GO "),
                                         QStringLiteral("deploy"), QStringLiteral("build"));
        request.whatHappened = QStringLiteral("The nightly job failed on a missing procedure.");
        request.severity = 8;
        request.category = QStringLiteral("Process gap");
        request.occurred = testEpoch().addDays(-2);
        const Incident first = scene.add(request);
        QCOMPARE(first.number, 1);
        QCOMPARE(first.key(), QStringLiteral("INC-1"));
        QCOMPARE(first.title, QStringLiteral("Procedure deployed without GO"));
        QCOMPARE(first.streamId, scene.streamId);
        QCOMPARE(first.streamKey, QStringLiteral("release"));
        QCOMPARE(first.detectedStepKey, QStringLiteral("deploy"));
        QCOMPARE(first.injectedStepKey, QStringLiteral("build"));
        QCOMPARE(first.injectedStepId,
                 resolveStep(*scene.lib, scene.streamId, QStringLiteral("build")).value());
        QCOMPARE(first.severity, 8);
        QCOMPARE(first.category, QStringLiteral("Process gap"));
        QCOMPARE(first.occurredAt, QStringLiteral("2026-02-27T10:00:00Z"));
        QCOMPARE(first.createdAt, QStringLiteral("2026-03-01T10:00:00Z"));
        QCOMPARE(first.status, IncidentStatus::Open);
        QVERIFY(first.whys.isEmpty());

        const QList<RecordedEvent> events = auditEventsOf(*scene.lib, first.id);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].action, QStringLiteral("incident.add"));
        QVERIFY(events[0].before.isEmpty());
        QCOMPARE(events[0].after.value(QStringLiteral("number")).toInt(), 1);
        QCOMPARE(events[0].after.value(QStringLiteral("severity")).toInt(), 8);

        // Optional steps, occurred defaults to now, the next number is max + 1.
        NewIncident bare;
        bare.title = QStringLiteral("Login slow after release");
        bare.stream = scene.streamId;
        const Incident second = scene.add(bare);
        QCOMPARE(second.key(), QStringLiteral("INC-2"));
        QCOMPARE(second.occurredAt, QStringLiteral("2026-03-01T10:00:00Z"));
        QVERIFY(second.detectedStepId.isEmpty());
        QVERIFY(second.injectedStepId.isEmpty());
        QCOMPARE(second.severity, 5);

        // A recurrence, and a run of the stream.
        const QString runId = scene.startRunNow(QStringLiteral("Release 4.2.0"));
        NewIncident again =
            incidentAt(QStringLiteral("GO missing again"), QStringLiteral("deploy"), QStringLiteral("build"));
        again.recurrenceOf = QStringLiteral("inc-1");
        again.run = runId.toUpper();
        const Incident third = scene.add(again);
        QCOMPARE(third.key(), QStringLiteral("INC-3"));
        QCOMPARE(third.recurrenceOfId, first.id);
        QCOMPARE(third.recurrenceOfKey, QStringLiteral("INC-1"));
        QCOMPARE(third.runId, runId);
    }

    void addRefusals()
    {
        Scene scene;
        QVERIFY(importProcess(*scene.lib, opsProcess()).ok());
        NewIncident opsIncident;
        opsIncident.title = QStringLiteral("VPN down after patch");
        opsIncident.stream = QStringLiteral("ops");
        scene.add(opsIncident);
        QVERIFY(publish(*scene.lib, scene.alice,
                        PublishRequest{QStringLiteral("ops"), QStringLiteral("First"), {}})
                    .ok());
        auto opsRun = startRun(*scene.lib, StartRun{QStringLiteral("ops"), QStringLiteral("Patch Tuesday"),
                                                    RunKind::Routine, 0, std::nullopt, std::nullopt});
        QVERIFY(opsRun.ok());
        const RowCounts before = counts(*scene.lib);

        auto untitled = incidentAt(QStringLiteral("   "), {}, {});
        expectRefused(*scene.lib, addIncident(*scene.lib, untitled),
                      QStringLiteral("An incident needs a title"), before);

        auto tooSevere = incidentAt(QStringLiteral("Outage"), {}, {});
        tooSevere.severity = 11;
        expectRefused(*scene.lib, addIncident(*scene.lib, tooSevere),
                      QStringLiteral("Severity must be from 1 to 10 (got 11)."), before);
        tooSevere.severity = 0;
        expectRefused(*scene.lib, addIncident(*scene.lib, tooSevere), QStringLiteral("(got 0)"), before);

        auto future = incidentAt(QStringLiteral("Outage"), {}, {});
        future.occurred = testEpoch().addSecs(60);
        expectRefused(*scene.lib, addIncident(*scene.lib, future),
                      QStringLiteral("cannot have occurred in the future (2026-03-01T10:01:00Z; it is now "
                                     "2026-03-01T10:00:00Z)"),
                      before);

        auto noStream = incidentAt(QStringLiteral("Outage"), {}, {});
        noStream.stream = QStringLiteral("payroll");
        expectRefused(*scene.lib, addIncident(*scene.lib, noStream),
                      QStringLiteral("No value stream ‘payroll’."), before);

        expectRefused(
            *scene.lib,
            addIncident(*scene.lib, incidentAt(QStringLiteral("Outage"), QStringLiteral("test"), {})),
            QStringLiteral("No step ‘test’ in ‘release’."), before);
        expectRefused(
            *scene.lib,
            addIncident(*scene.lib, incidentAt(QStringLiteral("Outage"), {}, QStringLiteral("patch"))),
            QStringLiteral("No step ‘patch’ in ‘release’."), before);

        auto unknownRun = incidentAt(QStringLiteral("Outage"), {}, {});
        unknownRun.run = QStringLiteral("8d7f0e0a-1111-4222-8333-444455556666");
        expectRefused(*scene.lib, addIncident(*scene.lib, unknownRun),
                      QStringLiteral("No run with id ‘8d7f0e0a-1111-4222-8333-444455556666’."), before);

        auto foreignRun = incidentAt(QStringLiteral("Outage"), {}, {});
        foreignRun.run = opsRun->id;
        expectRefused(*scene.lib, addIncident(*scene.lib, foreignRun),
                      QStringLiteral("Run ‘Patch Tuesday’ is a run of ‘ops’, not of ‘release’."), before);

        auto unknownEarlier = incidentAt(QStringLiteral("Outage"), {}, {});
        unknownEarlier.recurrenceOf = QStringLiteral("INC-9");
        expectRefused(*scene.lib, addIncident(*scene.lib, unknownEarlier),
                      QStringLiteral("No incident ‘INC-9’."), before);

        auto foreignEarlier = incidentAt(QStringLiteral("Outage"), {}, {});
        foreignEarlier.recurrenceOf = QStringLiteral("INC-1");
        expectRefused(
            *scene.lib, addIncident(*scene.lib, foreignEarlier),
            QStringLiteral("INC-1 happened in ‘ops’; a recurrence must be in the same value stream, not "
                           "‘release’."),
            before);
    }

    void resolvingByKeyOrId()
    {
        Scene scene;
        const Incident incident = scene.add(incidentAt(QStringLiteral("Outage"), {}, {}));
        QCOMPARE(resolveIncident(*scene.lib, QStringLiteral("INC-1")).value(), incident.id);
        QCOMPARE(resolveIncident(*scene.lib, QStringLiteral(" inc-1 ")).value(), incident.id);
        QCOMPARE(resolveIncident(*scene.lib, incident.id.toUpper()).value(), incident.id);
        QCOMPARE(loadIncident(*scene.lib, QStringLiteral("Inc-1"))->title, QStringLiteral("Outage"));
        auto missing = resolveIncident(*scene.lib, QStringLiteral("INC-2"));
        QCOMPARE(missing.kind(), ErrorKind::NotFound);
        QCOMPARE(missing.message(), QStringLiteral("No incident ‘INC-2’."));
        auto nonsense = resolveIncident(*scene.lib, QStringLiteral("outage"));
        QCOMPARE(nonsense.kind(), ErrorKind::NotFound);
        QVERIFY2(nonsense.message().contains(QStringLiteral("like INC-7")), qPrintable(nonsense.message()));
        QCOMPARE(resolveIncident(*scene.lib, QStringLiteral(" ")).kind(), ErrorKind::Invalid);
    }

    void analysisRecordsTheWhysAndRootCause()
    {
        Scene scene;
        const Incident incident = scene.add(
            incidentAt(QStringLiteral("GO missing"), QStringLiteral("deploy"), QStringLiteral("build")));
        scene.lib.clock().advance(3600);
        auto analysed =
            analyseIncident(*scene.lib, QStringLiteral("INC-1"),
                            {QStringLiteral("The procedure failed to deploy"), QStringLiteral("  "),
                             QStringLiteral("The script had no GO at the end ")},
                            QStringLiteral(" No check for GO in the build step "));
        QVERIFY2(analysed.ok(), qPrintable(analysed.message()));
        QCOMPARE(analysed->status, IncidentStatus::Analysed);
        QCOMPARE(analysed->whys, (QStringList{QStringLiteral("The procedure failed to deploy"),
                                              QStringLiteral("The script had no GO at the end")}));
        QCOMPARE(analysed->rootCause, QStringLiteral("No check for GO in the build step"));
        QCOMPARE(analysed->analysedAt, QStringLiteral("2026-03-01T11:00:00Z"));
        const Incident loaded = loadIncident(*scene.lib, incident.id).value();
        QCOMPARE(loaded.whys, analysed->whys);
        QCOMPARE(loaded.status, IncidentStatus::Analysed);

        QList<RecordedEvent> events = auditEventsOf(*scene.lib, incident.id);
        QCOMPARE(events.last().action, QStringLiteral("incident.analyse"));
        QCOMPARE(events.last().before.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(events.last().after.value(QStringLiteral("status")).toString(), QStringLiteral("analysed"));
        QCOMPARE(events.last().after.value(QStringLiteral("whys")).toArray().size(), 2);

        // Re-analysing an analysed incident replaces the whys and the root cause.
        auto again = analyseIncident(*scene.lib, incident.id,
                                     {QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three"),
                                      QStringLiteral("Four"), QStringLiteral("Five")},
                                     QStringLiteral("Template lacks GO"));
        QVERIFY2(again.ok(), qPrintable(again.message()));
        QCOMPARE(loadIncident(*scene.lib, incident.id)->whys.size(), 5);
        QCOMPARE(rowCount(*scene.lib, QStringLiteral("incident_why")), 5);
        QCOMPARE(loadIncident(*scene.lib, incident.id)->rootCause, QStringLiteral("Template lacks GO"));
        events = auditEventsOf(*scene.lib, incident.id);
        QCOMPARE(events.last().before.value(QStringLiteral("root_cause")).toString(),
                 QStringLiteral("No check for GO in the build step"));
    }

    void analysisRefusals()
    {
        Scene scene;
        scene.add(
            incidentAt(QStringLiteral("GO missing"), QStringLiteral("deploy"), QStringLiteral("deploy")));
        const RowCounts before = counts(*scene.lib);
        expectRefused(*scene.lib,
                      analyseIncident(*scene.lib, QStringLiteral("INC-1"), {}, QStringLiteral("Cause")),
                      QStringLiteral("Analysing INC-1 needs at least one why."), before);
        expectRefused(*scene.lib,
                      analyseIncident(*scene.lib, QStringLiteral("INC-1"), {QStringLiteral(" ")},
                                      QStringLiteral("Cause")),
                      QStringLiteral("needs at least one why"), before);
        const QStringList six{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                              QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6")};
        expectRefused(*scene.lib,
                      analyseIncident(*scene.lib, QStringLiteral("INC-1"), six, QStringLiteral("Cause")),
                      QStringLiteral("Five whys at most: INC-1 was given 6."), before);
        expectRefused(*scene.lib,
                      analyseIncident(*scene.lib, QStringLiteral("INC-1"), {QStringLiteral("Why")},
                                      QStringLiteral("  ")),
                      QStringLiteral("Analysing INC-1 needs its root cause."), before);
        expectRefused(*scene.lib,
                      analyseIncident(*scene.lib, QStringLiteral("INC-4"), {QStringLiteral("Why")},
                                      QStringLiteral("C")),
                      QStringLiteral("No incident ‘INC-4’."), before);

        // Once a published revision answered it, the analysis is part of the record.
        QVERIFY(
            analyseIncident(*scene.lib, QStringLiteral("INC-1"), {QStringLiteral("Why")}, QStringLiteral("C"))
                .ok());
        QVERIFY(
            improveProcess(
                *scene.lib,
                Improvement{QStringLiteral("INC-1"), QStringLiteral("GO present"), Stage::Exit, false, {}})
                .ok());
        QVERIFY(publish(*scene.lib, scene.alice,
                        PublishRequest{QStringLiteral("release"),
                                       QStringLiteral("Answer INC-1"),
                                       {QStringLiteral("INC-1")}})
                    .ok());
        QCOMPARE(loadIncident(*scene.lib, QStringLiteral("INC-1"))->status, IncidentStatus::Prevented);
        const RowCounts published = counts(*scene.lib);
        expectRefused(*scene.lib,
                      analyseIncident(*scene.lib, QStringLiteral("INC-1"), {QStringLiteral("Why")},
                                      QStringLiteral("D")),
                      QStringLiteral("INC-1 is already prevented: its analysis is part of the record"),
                      published);
    }

    void improvementAddsACheckWhereTheDefectWasInjected()
    {
        Scene scene;
        NewIncident request = incidentAt(QStringLiteral("Procedure deployed without GO"),
                                         QStringLiteral("deploy"), QStringLiteral("build"));
        request.severity = 8;
        const Incident incident = scene.add(request);
        auto check = improveProcess(*scene.lib, Improvement{QStringLiteral("INC-1"),
                                                            QStringLiteral("  Every script ends with GO  "),
                                                            Stage::Exit,
                                                            true,
                                                            {}});
        QVERIFY2(check.ok(), qPrintable(check.message()));
        QCOMPARE(check->key, QStringLiteral("every-script-ends-with-go"));
        QCOMPARE(check->statement, QStringLiteral("Every script ends with GO"));
        QCOMPARE(check->guardsAgainst, QStringLiteral("Procedure deployed without GO"));
        QCOMPARE(check->severity, 8);
        QVERIFY(check->critical);
        QCOMPARE(check->originIncidentId, incident.id);

        // It is in the draft of the injected step (build), not where the defect was detected.
        const ValueStream draft = loadDraft(*scene.lib, QStringLiteral("release")).value();
        QCOMPARE(draft.steps[0].key, QStringLiteral("build"));
        const QualityCheck& added = draft.steps[0].checks.last();
        QCOMPARE(added.id, check->id);
        QCOMPARE(added.originIncidentId, incident.id);
        QCOMPARE(added.stage, Stage::Exit);
        QCOMPARE(draft.steps[1].checks.size(), 2);

        // An explicit key; the incident itself does not change until a revision answers it.
        auto keyed = improveProcess(*scene.lib, Improvement{incident.id, QStringLiteral("Lint the scripts"),
                                                            Stage::InProcess, false, QStringLiteral("lint")});
        QVERIFY2(keyed.ok(), qPrintable(keyed.message()));
        QCOMPARE(keyed->key, QStringLiteral("lint"));
        QCOMPARE(loadIncident(*scene.lib, incident.id)->status, IncidentStatus::Open);
    }

    void improvementRefusals()
    {
        Scene scene;
        scene.add(incidentAt(QStringLiteral("Slow login"), QStringLiteral("deploy"), {}));
        scene.add(
            incidentAt(QStringLiteral("GO missing"), QStringLiteral("deploy"), QStringLiteral("deploy")));
        const RowCounts before = counts(*scene.lib);
        expectRefused(
            *scene.lib,
            improveProcess(
                *scene.lib,
                Improvement{QStringLiteral("INC-1"), QStringLiteral("Check"), Stage::Exit, false, {}}),
            QStringLiteral("INC-1 does not say at which step the defect was injected"), before);
        expectRefused(
            *scene.lib,
            improveProcess(*scene.lib,
                           Improvement{QStringLiteral("INC-2"), QStringLiteral(" "), Stage::Exit, false, {}}),
            QStringLiteral("The check that prevents INC-2 needs a statement."), before);
        expectRefused(
            *scene.lib,
            improveProcess(*scene.lib, Improvement{QStringLiteral("INC-2"), QStringLiteral("GO present"),
                                                   Stage::Exit, false, QStringLiteral("go")}),
            QStringLiteral("Step ‘deploy’ already has a check ‘go’."), before);
        expectRefused(
            *scene.lib,
            improveProcess(*scene.lib, Improvement{QStringLiteral("INC-2"), QStringLiteral("GO present"),
                                                   Stage::Exit, false, QStringLiteral("go/now")}),
            QStringLiteral("‘go/now’ is not a valid check key"), before);
        expectRefused(
            *scene.lib,
            improveProcess(
                *scene.lib,
                Improvement{QStringLiteral("INC-3"), QStringLiteral("GO present"), Stage::Exit, false, {}}),
            QStringLiteral("No incident ‘INC-3’."), before);
    }

    void listingFiltersByStreamAndStatus()
    {
        Scene scene;
        scene.add(incidentAt(QStringLiteral("One"), {}, {}));
        scene.add(incidentAt(QStringLiteral("Two"), {}, QStringLiteral("build")));
        QVERIFY(analyseIncident(*scene.lib, QStringLiteral("INC-2"), {QStringLiteral("Why")},
                                QStringLiteral("Cause"))
                    .ok());
        auto all = listIncidents(*scene.lib);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).key(), QStringLiteral("INC-1"));
        QCOMPARE(all->at(1).injectedStepKey, QStringLiteral("build"));
        QCOMPARE(all->at(1).whys, QStringList{QStringLiteral("Why")});
        auto analysed =
            listIncidents(*scene.lib, IncidentFilter{QStringLiteral("release"), IncidentStatus::Analysed});
        QCOMPARE(analysed->size(), 1);
        QCOMPARE(analysed->at(0).title, QStringLiteral("Two"));
        QCOMPARE(listIncidents(*scene.lib, IncidentFilter{QStringLiteral("nope"), std::nullopt}).kind(),
                 ErrorKind::NotFound);
    }

    // Prevented → verified once the checks born from the incident passed first time in 3 closed runs
    // (the default of verify-after-runs) started after the prevention.
    void preventionIsVerifiedByRunsThatPassFirstTime()
    {
        Scene scene;
        const Incident incident = scene.add(
            incidentAt(QStringLiteral("GO missing"), QStringLiteral("deploy"), QStringLiteral("deploy")));
        QVERIFY(
            analyseIncident(*scene.lib, QStringLiteral("INC-1"), {QStringLiteral("Why")}, QStringLiteral("C"))
                .ok());
        QVERIFY(improveProcess(*scene.lib,
                               Improvement{QStringLiteral("INC-1"), QStringLiteral("Every script ends in GO"),
                                           Stage::Entry, false, QStringLiteral("go-at-end")})
                    .ok());
        scene.lib.clock().advance(3600);
        QVERIFY(publish(*scene.lib, scene.alice,
                        PublishRequest{QStringLiteral("release"),
                                       QStringLiteral("Answer INC-1"),
                                       {QStringLiteral("INC-1")}})
                    .ok());
        QCOMPARE(loadIncident(*scene.lib, QStringLiteral("INC-1"))->preventedAt,
                 QStringLiteral("2026-03-01T11:00:00Z"));
        const QString check = QStringLiteral("deploy/go-at-end");

        // 1: passed first time.
        scene.lib.clock().advance(3600);
        const QString first = scene.startRunNow(QStringLiteral("R1"));
        scene.completeRun(first);
        QCOMPARE(loadIncident(*scene.lib, QStringLiteral("INC-1"))->status, IncidentStatus::Prevented);

        // A fail of the new check: this run does not count.
        const QString failed = scene.startRunNow(QStringLiteral("R2"));
        scene.signItem(failed, check, Outcome::Fail, scene.alice);
        scene.completeRun(failed);

        // A fail signed by mistake and voided does not count against the check.
        const QString voided = scene.startRunNow(QStringLiteral("R3"));
        scene.signItem(voided, check, Outcome::Fail, scene.alice);
        const Run afterFail = loadRun(*scene.lib, voided).value();
        QString failId;
        for (const RunItem& item : afterFail.items)
            if (item.ref() == check)
                failId = item.attestations.first().id;
        QVERIFY(
            voidAttestation(*scene.lib, scene.bob, voided, failId, QStringLiteral("Signed the wrong item"))
                .ok());
        scene.completeRun(voided);
        QCOMPARE(loadIncident(*scene.lib, QStringLiteral("INC-1"))->status,
                 IncidentStatus::Prevented); // 2 of 3

        // An open run does not count either, however it went.
        const QString open = scene.startRunNow(QStringLiteral("R4 open"));
        scene.signItem(open, check, Outcome::Pass, scene.alice);

        // A rolled-back run is closed: the check had no fail in it, so it counts — the third.
        scene.lib.clock().advance(60);
        const QString rolledBack = scene.startRunNow(QStringLiteral("R5"));
        scene.signItem(rolledBack, check, Outcome::Pass, scene.alice);
        const qint64 eventsBefore = rowCount(*scene.lib, QStringLiteral("audit_event"));
        QVERIFY(closeRun(*scene.lib, CloseRun{rolledBack, true, QStringLiteral("Window closed")}).ok());
        const Incident verified = loadIncident(*scene.lib, QStringLiteral("INC-1")).value();
        QCOMPARE(verified.status, IncidentStatus::Verified);
        QCOMPARE(verified.verifiedAt, QStringLiteral("2026-03-01T12:01:00Z"));
        QCOMPARE(rowCount(*scene.lib, QStringLiteral("audit_event")),
                 eventsBefore + 2); // run.close, incident.verify
        const QList<RecordedEvent> events = auditEventsOf(*scene.lib, incident.id);
        QCOMPARE(events.last().action, QStringLiteral("incident.verify"));
        QCOMPARE(events.last().before.value(QStringLiteral("status")).toString(),
                 QStringLiteral("prevented"));
        QCOMPARE(events.last().after.value(QStringLiteral("status")).toString(), QStringLiteral("verified"));
        QVERIFY2(events.last().why.contains(QStringLiteral("passed first time in 3 closed runs")),
                 qPrintable(events.last().why));

        // Verified stays verified; later closes write nothing more about it.
        scene.completeRun(open);
        QCOMPARE(auditEventsOf(*scene.lib, incident.id).size(), events.size());
    }

    void verificationFollowsTheSetting()
    {
        Scene scene;
        scene.add(
            incidentAt(QStringLiteral("GO missing"), QStringLiteral("deploy"), QStringLiteral("deploy")));
        QVERIFY(setSetting(*scene.lib, QStringLiteral("verify-after-runs"), QStringLiteral("1")).ok());
        // A run with the new check that started before the prevention does not count, even when it closes
        // after it: revision 2 carries the check without answering INC-1; revision 3 answers it.
        QVERIFY(improveProcess(
                    *scene.lib,
                    Improvement{
                        QStringLiteral("INC-1"), QStringLiteral("GO at the end"), Stage::Entry, false, {}})
                    .ok());
        QVERIFY(publish(*scene.lib, scene.alice,
                        PublishRequest{QStringLiteral("release"), QStringLiteral("Check"), {}})
                    .ok());
        const QString before = scene.startRunNow(QStringLiteral("Before"));
        QVERIFY(improveProcess(
                    *scene.lib,
                    Improvement{QStringLiteral("INC-1"), QStringLiteral("GO linted"), Stage::Exit, false, {}})
                    .ok());
        scene.lib.clock().advance(60);
        QVERIFY(publish(*scene.lib, scene.alice,
                        PublishRequest{
                            QStringLiteral("release"), QStringLiteral("Answer"), {QStringLiteral("INC-1")}})
                    .ok());
        scene.completeRun(before);
        QCOMPARE(loadIncident(*scene.lib, QStringLiteral("INC-1"))->status, IncidentStatus::Prevented);

        const QString after = scene.startRunNow(QStringLiteral("After"));
        scene.completeRun(after);
        QCOMPARE(loadIncident(*scene.lib, QStringLiteral("INC-1"))->status, IncidentStatus::Verified);
    }

    // An incident answered without a check of its own (the revision sharpened an existing check) is
    // proven by the step where it was injected: verified once that step passed first time in
    // verify-after-runs closed runs started since the prevention.
    void preventionWithoutItsOwnCheckIsVerifiedByItsInjectedStep()
    {
        Scene scene;
        const Incident incident = scene.add(incidentAt(QStringLiteral("Flaky test shipped"),
                                                       QStringLiteral("deploy"), QStringLiteral("build")));
        scene.add(incidentAt(QStringLiteral("Users confused by the new menu"), QStringLiteral("deploy"), {}));
        QVERIFY(setSetting(*scene.lib, QStringLiteral("verify-after-runs"), QStringLiteral("2")).ok());
        const QString stale = scene.startRunNow(QStringLiteral("Started before the answer"));

        QualityCheck tests = loadDraft(*scene.lib, QStringLiteral("release"))->steps[0].checks[0];
        tests.statement = QStringLiteral("All tests pass twice in a row on the tagged commit");
        QVERIFY(updateCheck(*scene.lib, tests).ok());
        scene.lib.clock().advance(60);
        QVERIFY(publish(*scene.lib, scene.alice,
                        PublishRequest{QStringLiteral("release"),
                                       QStringLiteral("Run the tests twice"),
                                       {QStringLiteral("INC-1"), QStringLiteral("INC-2")}})
                    .ok());
        QCOMPARE(rowCount(*scene.lib, QStringLiteral("quality_check")), 4); // no check born from either

        // Started before the prevention: does not count, however clean.
        scene.completeRun(stale);
        // A fail at the injected step: does not count.
        const QString failedAtBuild = scene.startRunNow(QStringLiteral("R1"));
        scene.signItem(failedAtBuild, QStringLiteral("build/artifact"), Outcome::Fail, scene.alice);
        scene.completeRun(failedAtBuild);
        // A fail at another step: the injected step still passed first time, so it counts.
        const QString failedAtDeploy = scene.startRunNow(QStringLiteral("R2"));
        scene.signItem(failedAtDeploy, QStringLiteral("deploy/smoke"), Outcome::Fail, scene.alice);
        scene.completeRun(failedAtDeploy);
        QCOMPARE(loadIncident(*scene.lib, QStringLiteral("INC-1"))->status, IncidentStatus::Prevented);

        const QString clean = scene.startRunNow(QStringLiteral("R3"));
        scene.completeRun(clean);
        const Incident verified = loadIncident(*scene.lib, QStringLiteral("INC-1")).value();
        QCOMPARE(verified.status, IncidentStatus::Verified);
        QCOMPARE(verified.verifiedAt, QStringLiteral("2026-03-01T10:01:00Z"));
        const QList<RecordedEvent> events = auditEventsOf(*scene.lib, incident.id);
        QCOMPARE(events.last().action, QStringLiteral("incident.verify"));
        QCOMPARE(events.last().why,
                 QStringLiteral("Step ‘build’, where INC-1 was injected, passed first time "
                                "in 2 closed runs since it was prevented."));

        // Without an injected step nothing can prove the prevention: it stays prevented.
        QCOMPARE(loadIncident(*scene.lib, QStringLiteral("INC-2"))->status, IncidentStatus::Prevented);
    }
};

QTEST_GUILESS_MAIN(TestIncidents)
#include "tst_incidents.moc"
