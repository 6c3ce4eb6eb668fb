// Correcting a recorded incident (one audited write, refusals change nothing) and the record around it
// that the incident editor shows: its rework and the revision that answered it, with the lead time.
#include "fixtures.h"
#include "incidentdetails.h"
#include "incidents.h"
#include "process.h"
#include "revisions.h"
#include "rework.h"
#include "runs.h"
#include "testlibrary.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

struct Scene
{
    TempLibrary lib;
    Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
    QString streamId = publishSample(*lib, alice);

    Incident add(const QString& title, const QString& recurrenceOf = {})
    {
        NewIncident request;
        request.title = title;
        request.stream = QStringLiteral("release");
        request.detectedStep = QStringLiteral("deploy");
        request.injectedStep = QStringLiteral("build");
        request.recurrenceOf = recurrenceOf;
        auto added = addIncident(*lib, request);
        if (!added.ok())
            qFatal("%s", qPrintable(added.message()));
        return added.value();
    }

    QString stepId(const QString& key) { return resolveStep(*lib, streamId, key).value(); }

    static IncidentDetails detailsOf(const Incident& incident)
    {
        return IncidentDetails{incident.key(),          incident.title,     incident.whatHappened,
                               incident.detectedStepId, incident.injectedStepId, incident.runId,
                               incident.severity,       incident.category,  incident.recurrenceOfKey};
    }
};

RowCounts counts(Library& library)
{
    return rowCounts(library, {QStringLiteral("incident"), QStringLiteral("audit_event")});
}

} // namespace

class TestIncidentDetails : public QObject
{
    Q_OBJECT
private slots:
    void updateChangesTheFieldsInOneAuditedWrite()
    {
        Scene scene;
        const Incident first = scene.add(QStringLiteral("Unsigned package deployed"));
        const Incident second = scene.add(QStringLiteral("Unsigned again"));
        IncidentDetails details = Scene::detailsOf(second);
        details.title = QStringLiteral("  Unsigned package deployed   again ");
        details.whatHappened = QStringLiteral("The release went out without a signature.");
        details.severity = 8;
        details.category = QStringLiteral("Configuration");
        details.detectedStepId = scene.stepId(QStringLiteral("build"));
        details.injectedStepId = scene.stepId(QStringLiteral("deploy"));
        details.recurrenceOf = first.key();
        const qint64 events = rowCount(*scene.lib, QStringLiteral("audit_event"));
        auto updated = updateIncident(*scene.lib, details);
        QVERIFY2(updated.ok(), qPrintable(updated.message()));
        QCOMPARE(updated->title, QStringLiteral("Unsigned package deployed again"));
        QCOMPARE(updated->severity, 8);
        QCOMPARE(updated->category, QStringLiteral("Configuration"));
        QCOMPARE(updated->detectedStepKey, QStringLiteral("build"));
        QCOMPARE(updated->injectedStepKey, QStringLiteral("deploy"));
        QCOMPARE(updated->recurrenceOfKey, QStringLiteral("INC-1"));
        QCOMPARE(rowCount(*scene.lib, QStringLiteral("audit_event")), events + 1);
        const RecordedEvent event = lastAuditEvent(*scene.lib);
        QCOMPARE(event.action, QStringLiteral("incident.update"));
        QCOMPARE(event.entityId, second.id);
        QCOMPARE(event.before.value(QStringLiteral("severity")).toInt(), 5);
        QCOMPARE(event.after.value(QStringLiteral("severity")).toInt(), 8);

        // The same details again record nothing.
        QVERIFY(updateIncident(*scene.lib, Scene::detailsOf(updated.value())).ok());
        QCOMPARE(rowCount(*scene.lib, QStringLiteral("audit_event")), events + 1);
    }

    void refusalsChangeNothing()
    {
        Scene scene;
        const Incident first = scene.add(QStringLiteral("Unsigned package deployed"));
        const Incident second = scene.add(QStringLiteral("Smoke test skipped"));
        const RowCounts before = counts(*scene.lib);

        IncidentDetails details = Scene::detailsOf(second);
        details.title = QStringLiteral("   ");
        expectRefused(*scene.lib, updateIncident(*scene.lib, details),
                      QStringLiteral("INC-2 needs a title that says what went wrong."), before);
        details = Scene::detailsOf(second);
        details.severity = 11;
        expectRefused(*scene.lib, updateIncident(*scene.lib, details),
                      QStringLiteral("Severity must be from 1 to 10 (got 11)."), before);
        details = Scene::detailsOf(first);
        details.recurrenceOf = second.key();
        expectRefused(*scene.lib, updateIncident(*scene.lib, details),
                      QStringLiteral("INC-1 can only recur an earlier incident, not INC-2."), before);

        QVERIFY(importProcess(*scene.lib, opsProcess()).ok());
        const RowCounts withOps = counts(*scene.lib);
        details = Scene::detailsOf(second);
        details.detectedStepId = resolveStep(*scene.lib, QStringLiteral("ops"), QStringLiteral("patch")).value();
        expectRefused(*scene.lib, updateIncident(*scene.lib, details),
                      QStringLiteral("That step is not a step of ‘release’, where INC-2 happened."), withOps);

        // Once a check was born from it, the step where it was injected is part of the record.
        QVERIFY(improveProcess(*scene.lib, Improvement{second.key(), QStringLiteral("Smoke test run"), Stage::Exit,
                                                      false, {}})
                    .ok());
        const RowCounts improved = counts(*scene.lib);
        details = Scene::detailsOf(second);
        details.injectedStepId = scene.stepId(QStringLiteral("deploy"));
        expectRefused(*scene.lib, updateIncident(*scene.lib, details),
                      QStringLiteral("INC-2 was answered at step ‘build’ already"), improved);
        QCOMPARE(loadIncident(*scene.lib, second.key())->injectedStepKey, QStringLiteral("build"));
        QCOMPARE(loadIncident(*scene.lib, second.key())->title, QStringLiteral("Smoke test skipped"));
    }

    void reworkAndAnswerAreShownWithTheLeadTime()
    {
        Scene scene;
        const Incident incident = scene.add(QStringLiteral("Unsigned package deployed"));
        QVERIFY(reworkOfIncident(*scene.lib, incident.key())->isEmpty());
        QVERIFY(!answerOfIncident(*scene.lib, incident.key())->has_value());

        NewRework entry;
        entry.date = QDate(2026, 2, 27);
        entry.hours = 3.5;
        entry.kind = ReworkKind::FireFighting;
        entry.incident = incident.key();
        entry.note = QStringLiteral("Re-signed and redeployed");
        QVERIFY(addRework(*scene.lib, entry).ok());
        auto rework = reworkOfIncident(*scene.lib, incident.key());
        QCOMPARE(rework->size(), 1);
        QCOMPARE(rework->first().hours, 3.5);
        QCOMPARE(rework->first().kind, ReworkKind::FireFighting);
        QCOMPARE(rework->first().note, QStringLiteral("Re-signed and redeployed"));

        QVERIFY(improveProcess(*scene.lib, Improvement{incident.key(), QStringLiteral("Package signature verified"),
                                                      Stage::Exit, false, {}})
                    .ok());
        scene.lib.clock().advance(3 * 24 * 3600);
        QVERIFY(publish(*scene.lib, scene.alice,
                        PublishRequest{QStringLiteral("release"), QStringLiteral("Verify signatures"),
                                       {incident.key()}})
                    .ok());
        auto answer = answerOfIncident(*scene.lib, incident.key());
        QVERIFY(answer->has_value());
        QCOMPARE((*answer)->revisionNumber, 2);
        QCOMPARE((*answer)->leadTimeSeconds, qint64(3 * 24 * 3600));

        expectRefused(*scene.lib, reworkOfIncident(*scene.lib, QStringLiteral("INC-99")),
                      QStringLiteral("No incident ‘INC-99’."), counts(*scene.lib));
    }
};

QTEST_GUILESS_MAIN(TestIncidentDetails)
#include "tst_incidentdetails.moc"
