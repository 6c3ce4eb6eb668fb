// The hidden factory log, team hours and settings: what is stored, what is audited, what is refused.
#include "fixtures.h"
#include "incidents.h"
#include "rework.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonObject>
#include <QTest>
#include <limits>

using namespace stable;
using namespace stable::test;

namespace {

// Everything a refused call must leave as it was.
RowCounts counts(Library& library)
{
    return rowCounts(library, {QStringLiteral("rework"), QStringLiteral("team_hours"),
                               QStringLiteral("setting"), QStringLiteral("audit_event")});
}

NewRework hoursOn(const QDate& date, double hours)
{
    NewRework entry;
    entry.date = date;
    entry.hours = hours;
    return entry;
}

} // namespace

class TestRework : public QObject
{
    Q_OBJECT
private slots:
    void reworkIsStoredWithItsStepAndAudited()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        const QString streamId = publishSample(*lib, alice);
        NewRework request = hoursOn(QDate(2026, 2, 27), 3.5);
        request.kind = ReworkKind::ReRelease;
        request.stream = QStringLiteral("release");
        request.step = QStringLiteral("deploy");
        request.note = QStringLiteral("  Re-ran the deployment after the missing GO  ");
        auto added = addRework(*lib, request);
        QVERIFY2(added.ok(), qPrintable(added.message()));
        QCOMPARE(added->streamId, streamId);
        QCOMPARE(added->stepId, resolveStep(*lib, streamId, QStringLiteral("deploy")).value());
        QCOMPARE(added->note, QStringLiteral("Re-ran the deployment after the missing GO"));
        QCOMPARE(added->createdAt, QStringLiteral("2026-03-01T10:00:00Z"));

        auto row = execSql(lib->db(),
                           QStringLiteral("SELECT date, hours, kind, stream_id, step_id, incident_id, run_id "
                                          "FROM rework WHERE id = ?"),
                           {added->id});
        QVERIFY(row.ok() && row->next());
        QCOMPARE(row->value(0).toString(), QStringLiteral("2026-02-27"));
        QCOMPARE(row->value(1).toDouble(), 3.5);
        QCOMPARE(row->value(2).toString(), QStringLiteral("re-release"));
        QCOMPARE(row->value(3).toString(), streamId);
        QCOMPARE(row->value(4).toString(), added->stepId);
        QVERIFY(row->value(5).isNull());
        QVERIFY(row->value(6).isNull());

        const RecordedEvent event = lastAuditEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("rework.add"));
        QCOMPARE(event.entity, QStringLiteral("rework"));
        QCOMPARE(event.entityId, added->id);
        QVERIFY(event.before.isEmpty());
        QCOMPARE(event.after.value(QStringLiteral("hours")).toDouble(), 3.5);
        QCOMPARE(event.after.value(QStringLiteral("kind")).toString(), QStringLiteral("re-release"));
    }

    void reworkAgainstAnIncidentCountsForItsStream()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        const QString streamId = publishSample(*lib, alice);
        NewIncident incident;
        incident.title = QStringLiteral("Release shipped without GO");
        incident.stream = QStringLiteral("release");
        QVERIFY(addIncident(*lib, incident).ok());

        NewRework request = hoursOn(QDate(2026, 3, 1), 4);
        request.kind = ReworkKind::FireFighting;
        request.incident = QStringLiteral("inc-1");
        auto added = addRework(*lib, request);
        QVERIFY2(added.ok(), qPrintable(added.message()));
        QCOMPARE(added->incidentId, resolveIncident(*lib, QStringLiteral("INC-1")).value());
        QCOMPARE(added->streamId, streamId); // taken from the incident, so stream filters see the hours
        QCOMPARE(added->kind, ReworkKind::FireFighting);
    }

    void reworkRefusals()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        publishSample(*lib, alice);
        QVERIFY(importProcess(*lib, opsProcess()).ok());
        NewIncident incident;
        incident.title = QStringLiteral("Patch broke the VPN");
        incident.stream = QStringLiteral("ops");
        QVERIFY(addIncident(*lib, incident).ok());
        const RowCounts before = counts(*lib);

        expectRefused(*lib, addRework(*lib, hoursOn(QDate(2026, 3, 1), 0)),
                      QStringLiteral("more than 0 and at most 24 per entry (got 0)"), before);
        expectRefused(*lib, addRework(*lib, hoursOn(QDate(2026, 3, 1), -2)), QStringLiteral("(got -2)"),
                      before);
        expectRefused(*lib, addRework(*lib, hoursOn(QDate(2026, 3, 1), 24.5)),
                      QStringLiteral("at most 24 per entry (got 24.5)"), before);
        expectRefused(*lib,
                      addRework(*lib, hoursOn(QDate(2026, 3, 1), std::numeric_limits<double>::quiet_NaN())),
                      QStringLiteral("Rework hours must be"), before);
        // Tomorrow is another time zone's today; the day after is the future.
        expectRefused(*lib, addRework(*lib, hoursOn(QDate(2026, 3, 3), 1)),
                      QStringLiteral("cannot be logged for a future date (2026-03-03; today is 2026-03-01)"),
                      before);
        expectRefused(*lib, addRework(*lib, hoursOn(QDate(), 1)), QStringLiteral("needs the date"), before);

        NewRework stepAlone = hoursOn(QDate(2026, 3, 1), 1);
        stepAlone.step = QStringLiteral("deploy");
        expectRefused(*lib, addRework(*lib, stepAlone),
                      QStringLiteral("Rework at step ‘deploy’ needs its value stream too."), before);

        NewRework unknownStream = hoursOn(QDate(2026, 3, 1), 1);
        unknownStream.stream = QStringLiteral("payroll");
        expectRefused(*lib, addRework(*lib, unknownStream), QStringLiteral("No value stream ‘payroll’."),
                      before);

        NewRework unknownStep = hoursOn(QDate(2026, 3, 1), 1);
        unknownStep.stream = QStringLiteral("release");
        unknownStep.step = QStringLiteral("test");
        expectRefused(*lib, addRework(*lib, unknownStep), QStringLiteral("No step ‘test’ in ‘release’."),
                      before);

        NewRework unknownIncident = hoursOn(QDate(2026, 3, 1), 1);
        unknownIncident.incident = QStringLiteral("INC-42");
        expectRefused(*lib, addRework(*lib, unknownIncident), QStringLiteral("No incident ‘INC-42’."),
                      before);

        NewRework unknownRun = hoursOn(QDate(2026, 3, 1), 1);
        unknownRun.run = QStringLiteral("8d7f0e0a-1111-4222-8333-444455556666");
        expectRefused(*lib, addRework(*lib, unknownRun),
                      QStringLiteral("No run with id ‘8d7f0e0a-1111-4222-8333-444455556666’."), before);

        NewRework otherStream = hoursOn(QDate(2026, 3, 1), 1);
        otherStream.stream = QStringLiteral("release");
        otherStream.incident = QStringLiteral("INC-1");
        expectRefused(*lib, addRework(*lib, otherStream),
                      QStringLiteral("INC-1 belongs to ‘ops’, not to ‘release’."), before);
    }

    void teamHoursAreSetThenChangedWithBeforeAndAfter()
    {
        TempLibrary lib;
        QVERIFY(setTeamHours(*lib, QStringLiteral("2026-01"), 160).ok());
        RecordedEvent event = lastAuditEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("team_hours.set"));
        QCOMPARE(event.entity, QStringLiteral("team_hours"));
        QCOMPARE(event.entityId, QStringLiteral("2026-01"));
        QVERIFY(event.before.isEmpty());
        QCOMPARE(event.after.value(QStringLiteral("hours")).toDouble(), 160.0);

        QVERIFY(setTeamHours(*lib, QStringLiteral("2026-01"), 172.5).ok());
        event = lastAuditEvent(*lib);
        QCOMPARE(event.before.value(QStringLiteral("hours")).toDouble(), 160.0);
        QCOMPARE(event.after.value(QStringLiteral("hours")).toDouble(), 172.5);
        QCOMPARE(rowCount(*lib, QStringLiteral("team_hours")), 1);
        auto stored =
            execSql(lib->db(), QStringLiteral("SELECT hours FROM team_hours WHERE month = '2026-01'"));
        QVERIFY(stored.ok() && stored->next());
        QCOMPARE(stored->value(0).toDouble(), 172.5);

        // The same value again changes nothing, so nothing is recorded.
        const RowCounts before = counts(*lib);
        QVERIFY(setTeamHours(*lib, QStringLiteral("2026-01"), 172.5).ok());
        QVERIFY(counts(*lib) == before);
    }

    void teamHoursRefusals()
    {
        TempLibrary lib;
        QVERIFY(setTeamHours(*lib, QStringLiteral("2026-01"), 160).ok());
        const RowCounts before = counts(*lib);
        expectRefused(*lib, setTeamHours(*lib, QStringLiteral("2026-1"), 160),
                      QStringLiteral("A month is written YYYY-MM (got ‘2026-1’)."), before);
        expectRefused(*lib, setTeamHours(*lib, QStringLiteral("2026-13"), 160),
                      QStringLiteral("(got ‘2026-13’)"), before);
        expectRefused(*lib, setTeamHours(*lib, QStringLiteral("2026-01"), 0),
                      QStringLiteral("Team hours of 2026-01 must be more than 0 and at most 1000000 (got 0)."), before);
        expectRefused(*lib, setTeamHours(*lib, QStringLiteral("2026-02"), -8),
                      QStringLiteral("at most 1000000 (got -8)"), before);
    }

    void settingsHaveDefaults()
    {
        TempLibrary lib;
        QCOMPARE(settingNames(),
                 (QStringList{QStringLiteral("hourly-rate"), QStringLiteral("fpy-alert-threshold"),
                              QStringLiteral("verify-after-runs"), QStringLiteral("unanalysed-alert-days"),
                              QStringLiteral("stale-draft-days"), QStringLiteral("currency")}));
        QCOMPARE(setting(*lib, QStringLiteral("hourly-rate")).value(), QStringLiteral("0"));
        QCOMPARE(setting(*lib, QStringLiteral("fpy-alert-threshold")).value(), QStringLiteral("0.9"));
        QCOMPARE(setting(*lib, QStringLiteral("verify-after-runs")).value(), QStringLiteral("3"));
        QCOMPARE(setting(*lib, QStringLiteral("unanalysed-alert-days")).value(), QStringLiteral("14"));
        QCOMPARE(setting(*lib, QStringLiteral("stale-draft-days")).value(), QStringLiteral("30"));
        QCOMPARE(numericSetting(*lib, QStringLiteral("fpy-alert-threshold")).value(), 0.9);
        QCOMPARE(settingDefault(QStringLiteral("verify-after-runs")), QStringLiteral("3"));
        QCOMPARE(rowCount(*lib, QStringLiteral("setting")), 0);
        auto unknown = setting(*lib, QStringLiteral("colour"));
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.message().contains(
                     QStringLiteral("There is no setting ‘colour’; known settings: hourly-rate,")),
                 qPrintable(unknown.message()));
    }

    void settingIsStoredAndAudited()
    {
        TempLibrary lib;
        QVERIFY(setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral(" 85 ")).ok());
        QCOMPARE(setting(*lib, QStringLiteral("hourly-rate")).value(), QStringLiteral("85"));
        QCOMPARE(numericSetting(*lib, QStringLiteral("hourly-rate")).value(), 85.0);
        RecordedEvent event = lastAuditEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("setting.set"));
        QCOMPARE(event.entity, QStringLiteral("setting"));
        QCOMPARE(event.entityId, QStringLiteral("hourly-rate"));
        QVERIFY(event.before.isEmpty());
        QCOMPARE(event.after.value(QStringLiteral("value")).toString(), QStringLiteral("85"));

        QVERIFY(setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("92.5")).ok());
        event = lastAuditEvent(*lib);
        QCOMPARE(event.before.value(QStringLiteral("value")).toString(), QStringLiteral("85"));
        QCOMPARE(event.after.value(QStringLiteral("value")).toString(), QStringLiteral("92.5"));

        QVERIFY(setSetting(*lib, QStringLiteral("fpy-alert-threshold"), QStringLiteral("0.8")).ok());
        QVERIFY(setSetting(*lib, QStringLiteral("verify-after-runs"), QStringLiteral("5")).ok());
        QCOMPARE(numericSetting(*lib, QStringLiteral("verify-after-runs")).value(), 5.0);
        QCOMPARE(rowCount(*lib, QStringLiteral("setting")), 3);

        const RowCounts before = counts(*lib);
        QVERIFY(setSetting(*lib, QStringLiteral("verify-after-runs"), QStringLiteral("5")).ok());
        QVERIFY(counts(*lib) == before); // unchanged: not recorded
    }

    void settingRefusals()
    {
        TempLibrary lib;
        QVERIFY(setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("85")).ok());
        const RowCounts before = counts(*lib);
        expectRefused(*lib, setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("abc")),
                      QStringLiteral("hourly-rate must be a number from 0 to 100000 (got ‘abc’)"), before);
        expectRefused(*lib, setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("-1")),
                      QStringLiteral("hourly-rate must be a number from 0 to 100000 (got ‘-1’)"), before);
        expectRefused(*lib, setSetting(*lib, QStringLiteral("fpy-alert-threshold"), QStringLiteral("90")),
                      QStringLiteral("fpy-alert-threshold must be a number from 0 to 1 (got ‘90’)"), before);
        expectRefused(*lib, setSetting(*lib, QStringLiteral("verify-after-runs"), QStringLiteral("2.5")),
                      QStringLiteral("verify-after-runs must be a whole number ≥ 1 (got ‘2.5’)"), before);
        expectRefused(*lib, setSetting(*lib, QStringLiteral("unanalysed-alert-days"), QStringLiteral("0")),
                      QStringLiteral("unanalysed-alert-days must be a whole number ≥ 1 (got ‘0’)"), before);
        expectRefused(*lib, setSetting(*lib, QStringLiteral("stale-draft-days"), QString()),
                      QStringLiteral("stale-draft-days must be a whole number ≥ 1 (got ‘’)"), before);
        expectRefused(*lib, setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("inf")),
                      QStringLiteral("(got ‘inf’)"), before);
        expectRefused(*lib, setSetting(*lib, QStringLiteral("colour"), QStringLiteral("blue")),
                      QStringLiteral("There is no setting ‘colour’"), before);
        QCOMPARE(setting(*lib, QStringLiteral("hourly-rate")).value(), QStringLiteral("85"));
    }
};

QTEST_GUILESS_MAIN(TestRework)
#include "tst_rework.moc"
