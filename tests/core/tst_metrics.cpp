// The measures of DESIGN.md §3 against a small library built through the real APIs, with every expected
// number worked out by hand below; and the alerts the console raises from them.
#include "incidents.h"
#include "metrics.h"
#include "process.h"
#include "revisions.h"
#include "rework.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace stable;
using namespace stable::test;

namespace {

QDateTime moment(const char* iso)
{
    return parseIsoMoment(QString::fromLatin1(iso)).value();
}

QualityCheck check(const char* key, const char* statement, bool critical = false)
{
    QualityCheck c;
    c.key = QString::fromLatin1(key);
    c.statement = QString::fromLatin1(statement);
    c.critical = critical;
    return c;
}

Step step(const char* key, const char* name, QList<QualityCheck> checks)
{
    Step s;
    s.key = QString::fromLatin1(key);
    s.name = QString::fromLatin1(name);
    s.checks = std::move(checks);
    return s;
}

ValueStream releaseProcess()
{
    ValueStream stream;
    stream.key = QStringLiteral("release");
    stream.name = QStringLiteral("Software Release");
    stream.steps = {
        step("build", "Build", {check("compile", "Compiles cleanly"), check("unit", "Unit tests pass")}),
        step("deploy", "Deploy",
             {check("go", "Every procedure ends with GO", true), check("smoke", "Smoke test passes")}),
        step("verify", "Verify", {check("monitor", "Dashboards green for an hour")})};
    return stream;
}

bool sameNumber(double actual, double expected)
{
    return qAbs(actual - expected) < 1e-9;
}

#define COMPARE_NUMBER(actual, expected)                                                                     \
    QVERIFY2(                                                                                                \
        sameNumber((actual), (expected)),                                                                    \
        qPrintable(                                                                                          \
            QStringLiteral("%1 is %2, expected %3").arg(QStringLiteral(#actual)).arg(actual).arg(expected)))

const StepYield* stepOf(const StreamYield& stream, const QString& key)
{
    for (const StepYield& s : stream.steps)
        if (s.key == key)
            return &s;
    return nullptr;
}

const StreamYield* streamOf(const Measures& measures, const QString& key)
{
    for (const StreamYield& s : measures.streams)
        if (s.key == key)
            return &s;
    return nullptr;
}

QStringList sortedKeys(const QJsonObject& object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

// The fixture. Times are when each thing was done (the clock is set before each step).
//
//   2025-12-15  release imported (build: compile, unit · deploy: go [critical], smoke · verify: monitor),
//               revision 1 published.
//   Run A  2026-01-05  every item passes first time                               → completed
//   Run B  2026-01-08  build/unit fails, then passes                              → completed
//   INC-1  2026-01-15  detected deploy, injected build; analysed; improvement adds build/migrations
//   INC-2  2026-01-20  detected build, injected build, recurrence of INC-1 (before the answer); analysed
//   rev 2  2026-01-25T16:00  answers INC-1 → prevented
//   Run C  2026-02-03  build/compile fail VOIDED, then pass; all pass              → completed
//   Run D  2026-02-06  build passes, deploy/go passes, deploy/smoke and verify unsigned → rolled back
//   INC-3  2026-02-10  detected verify, injected build, recurrence of INC-1 (after the answer): repeat defect
//   INC-4  2026-02-12  detected deploy, injected unknown
//   Run E  2026-02-14  rollback point 18:00; build/compile fails, deploy/go fails    → left open
//   ops    2026-02-20  imported (patch: backup); INC-5 on 2026-02-25 detected patch, injected patch
//   2026-02-26  release draft: verify removed, notify (announce) added
//   Rework: 2026-01-10 8 h rework (build) · 2026-01-20 4 h fire-fighting (INC-1) · 2026-02-05 6 h re-release
//           (run C) · 2026-03-01 2 h fire-fighting (ops). Team hours: 2025-12 150, 2026-01 160, 2026-02 120.
//   Hourly rate 85. "Now" is 2026-03-01T10:00Z.
struct Fixture
{
    TempLibrary lib;
    Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
    Signer bob = lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BO"));
    QString runA, runB, runC, runD, runE;

    void at(const char* iso) { lib.clock().set(moment(iso)); }

    void must(const Status& status, const char* what)
    {
        if (!status.ok())
            qFatal("%s: %s", what, qPrintable(status.message()));
    }
    template <typename T> T must(Result<T> result, const char* what)
    {
        if (!result.ok())
            qFatal("%s: %s", what, qPrintable(result.message()));
        return std::move(result).value();
    }

    QString start(const char* title, std::optional<QDateTime> rollbackPoint = std::nullopt)
    {
        const QDateTime now = lib.clock().now();
        return must(startRun(*lib,
                             StartRun{QStringLiteral("release"), QString::fromLatin1(title), RunKind::Release,
                                      0, rollbackPoint ? std::optional<QDateTime>(now) : std::nullopt,
                                      rollbackPoint}),
                    "start")
            .id;
    }

    Attestation signAs(const Signer& by, const QString& run, const char* item,
                       Outcome outcome = Outcome::Pass)
    {
        SignRequest request;
        request.run = run;
        request.item = QString::fromLatin1(item);
        request.outcome = outcome;
        return must(sign(*lib, by, request), item);
    }

    // Passes every item not passed yet (the critical one by two people).
    void passRest(const QString& run)
    {
        const Run loaded = must(loadRun(*lib, run), "load");
        for (const RunItem& item : loaded.items) {
            if (item.state == ItemState::Passed)
                continue;
            const QByteArray ref = item.ref().toLatin1();
            signAs(alice, run, ref.constData());
            if (item.critical)
                signAs(bob, run, ref.constData());
        }
    }

    void close(const QString& run, bool rolledBack = false)
    {
        must(closeRun(*lib, CloseRun{run, rolledBack, {}}), "close");
    }

    Incident incident(const char* title, const char* stream, const char* detected, const char* injected,
                      const char* recurrenceOf = "")
    {
        NewIncident request;
        request.title = QString::fromLatin1(title);
        request.stream = QString::fromLatin1(stream);
        request.detectedStep = QString::fromLatin1(detected);
        request.injectedStep = QString::fromLatin1(injected);
        request.recurrenceOf = QString::fromLatin1(recurrenceOf);
        return must(addIncident(*lib, request), title);
    }

    void rework(const QDate& date, double hours, ReworkKind kind, NewRework entry)
    {
        entry.date = date;
        entry.hours = hours;
        entry.kind = kind;
        must(addRework(*lib, entry), "rework");
    }

    Fixture()
    {
        at("2025-12-15T09:00:00Z");
        must(importProcess(*lib, releaseProcess()), "import");
        must(publish(*lib, alice, PublishRequest{QStringLiteral("release"), QStringLiteral("First"), {}}),
             "publish 1");

        at("2026-01-05T09:00:00Z");
        runA = start("Release 1");
        passRest(runA);
        close(runA);

        at("2026-01-08T09:00:00Z");
        runB = start("Release 2");
        signAs(alice, runB, "build/unit", Outcome::Fail);
        passRest(runB);
        close(runB);

        at("2026-01-15T10:00:00Z");
        incident("Migration missing in production", "release", "deploy", "build");
        must(analyseIncident(*lib, QStringLiteral("INC-1"), {QStringLiteral("The build skipped migrations")},
                             QStringLiteral("No check that migrations are packaged")),
             "analyse 1");
        must(improveProcess(*lib, Improvement{QStringLiteral("INC-1"),
                                              QStringLiteral("Migrations applied in a dry run"), Stage::Exit,
                                              false, QStringLiteral("migrations")}),
             "improve");

        at("2026-01-20T10:00:00Z");
        incident("Migration missing again", "release", "build", "build", "INC-1");
        must(analyseIncident(*lib, QStringLiteral("INC-2"), {QStringLiteral("Same cause")},
                             QStringLiteral("Not fixed yet")),
             "analyse 2");

        at("2026-01-25T16:00:00Z");
        must(publish(*lib, alice,
                     PublishRequest{QStringLiteral("release"),
                                    QStringLiteral("Answer INC-1"),
                                    {QStringLiteral("INC-1")}}),
             "publish 2");

        at("2026-02-03T09:00:00Z");
        runC = start("Release 3");
        const Attestation mistake = signAs(alice, runC, "build/compile", Outcome::Fail);
        must(voidAttestation(*lib, bob, runC, mistake.id, QStringLiteral("Signed for the wrong build")),
             "void");
        passRest(runC);
        close(runC);

        at("2026-02-06T09:00:00Z");
        runD = start("Release 4");
        signAs(alice, runD, "build/compile");
        signAs(alice, runD, "build/unit");
        signAs(alice, runD, "build/migrations");
        signAs(alice, runD, "deploy/go");
        signAs(bob, runD, "deploy/go");
        close(runD, true);

        at("2026-02-10T10:00:00Z");
        incident("Migration missing a third time", "release", "verify", "build", "INC-1");
        at("2026-02-12T10:00:00Z");
        incident("Certificate expired", "release", "deploy", "");

        at("2026-02-14T09:00:00Z");
        runE = start("Release 5", moment("2026-02-14T18:00:00Z"));
        signAs(alice, runE, "build/compile", Outcome::Fail);
        signAs(alice, runE, "deploy/go", Outcome::Fail);

        at("2026-02-20T09:00:00Z");
        ValueStream ops;
        ops.key = QStringLiteral("ops");
        ops.name = QStringLiteral("Operations");
        ops.steps = {step("patch", "Patch", {check("backup", "Backup taken before patching")})};
        must(importProcess(*lib, ops), "import ops");
        at("2026-02-25T10:00:00Z");
        incident("VPN down after patch", "ops", "patch", "patch");

        at("2026-02-26T09:00:00Z");
        ValueStream draft = must(loadDraft(*lib, QStringLiteral("release")), "draft");
        draft.steps.removeLast(); // verify
        draft.steps.append(step("notify", "Notify", {check("announce", "Release announced")}));
        must(importProcess(*lib, draft), "reimport");

        at("2026-03-01T10:00:00Z");
        NewRework onBuild;
        onBuild.stream = QStringLiteral("release");
        onBuild.step = QStringLiteral("build");
        rework(QDate(2026, 1, 10), 8, ReworkKind::Rework, onBuild);
        NewRework onIncident;
        onIncident.incident = QStringLiteral("INC-1");
        rework(QDate(2026, 1, 20), 4, ReworkKind::FireFighting, onIncident);
        NewRework onRun;
        onRun.run = runC;
        rework(QDate(2026, 2, 5), 6, ReworkKind::ReRelease, onRun);
        NewRework onOps;
        onOps.stream = QStringLiteral("ops");
        rework(QDate(2026, 3, 1), 2, ReworkKind::FireFighting, onOps);
        must(setTeamHours(*lib, QStringLiteral("2025-12"), 150), "team hours");
        must(setTeamHours(*lib, QStringLiteral("2026-01"), 160), "team hours");
        must(setTeamHours(*lib, QStringLiteral("2026-02"), 120), "team hours");
        must(setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("85")), "rate");
    }
};

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { fixture = std::make_unique<Fixture>(); }
    void cleanupTestCase() { fixture.reset(); }

    void firstPassYieldAndRolledThroughputYield()
    {
        const Measures m = computeMeasures(*fixture->lib).value();
        // Streams by key: ops, release.
        QCOMPARE(m.streams.size(), 2);
        QCOMPARE(m.streams[0].key, QStringLiteral("ops"));
        QCOMPARE(m.streams[0].closedRuns, 0);
        QVERIFY(!m.streams[0].rty);
        QCOMPARE(m.streams[0].steps.size(), 1);
        QVERIFY(!m.streams[0].steps[0].fpy);

        const StreamYield& release = m.streams[1];
        QCOMPARE(release.key, QStringLiteral("release"));
        QCOMPARE(release.name, QStringLiteral("Software Release"));
        // Closed: A, B, C (completed) and D (rolled back); E is open and does not count.
        QCOMPARE(release.closedRuns, 4);
        // Draft order first: build, deploy; then notify (in the draft, no runs) and verify (removed, but in
        // closed runs).
        QCOMPARE(release.steps.size(), 4);
        QCOMPARE(release.steps[0].key, QStringLiteral("build"));
        QCOMPARE(release.steps[1].key, QStringLiteral("deploy"));
        // build: B failed first time; C's fail was voided; D passed → 3 of 4.
        QCOMPARE(release.steps[0].closedRuns, 4);
        QCOMPARE(release.steps[0].firstPass, 3);
        COMPARE_NUMBER(*release.steps[0].fpy, 0.75);
        // deploy: no fail in A–D (D's smoke was never signed: a rolled-back run without a fail passes) → 4
        // of 4.
        COMPARE_NUMBER(*release.steps[1].fpy, 1.0);
        QCOMPARE(release.steps[1].closedRuns, 4);
        const StepYield* verify = stepOf(release, QStringLiteral("verify"));
        QVERIFY(verify);
        QCOMPARE(verify->closedRuns, 4);
        COMPARE_NUMBER(*verify->fpy, 1.0);
        const StepYield* notify = stepOf(release, QStringLiteral("notify"));
        QVERIFY(notify);
        QCOMPARE(notify->closedRuns, 0);
        QVERIFY(!notify->fpy);
        // RTY = 0.75 × 1.0 × 1.0 (notify has no closed run and is left out).
        COMPARE_NUMBER(*release.rty, 0.75);
    }

    void hiddenFactoryCostAndHeroics()
    {
        const Measures m = computeMeasures(*fixture->lib).value();
        // Months with rework or team hours: 2025-12 (team only), 2026-01, 2026-02, 2026-03 (rework only).
        QCOMPARE(m.hiddenFactory.size(), 4);
        QCOMPARE(m.hiddenFactory[0].month, QStringLiteral("2025-12"));
        COMPARE_NUMBER(m.hiddenFactory[0].reworkHours, 0.0);
        COMPARE_NUMBER(*m.hiddenFactory[0].percent, 0.0);
        // January: 8 + 4 = 12 h of 160 → 7.5 %.
        QCOMPARE(m.hiddenFactory[1].month, QStringLiteral("2026-01"));
        COMPARE_NUMBER(m.hiddenFactory[1].reworkHours, 12.0);
        COMPARE_NUMBER(m.hiddenFactory[1].teamHours, 160.0);
        COMPARE_NUMBER(*m.hiddenFactory[1].percent, 7.5);
        COMPARE_NUMBER(m.hiddenFactory[1].hoursByKind.value(ReworkKind::FireFighting), 4.0);
        // February: 6 of 120 → 5 %.
        COMPARE_NUMBER(*m.hiddenFactory[2].percent, 5.0);
        // March: 2 h and no team hours → no percentage.
        QCOMPARE(m.hiddenFactory[3].month, QStringLiteral("2026-03"));
        COMPARE_NUMBER(m.hiddenFactory[3].reworkHours, 2.0);
        QVERIFY(!m.hiddenFactory[3].percent);
        // 20 h × 85 = 1700; fire-fighting 4 + 2 = 6 of 20 → 0.3.
        COMPARE_NUMBER(m.reworkHours, 20.0);
        COMPARE_NUMBER(m.copq, 1700.0);
        COMPARE_NUMBER(*m.heroicsShare, 0.3);
    }

    void incidentMeasures()
    {
        const Measures m = computeMeasures(*fixture->lib).value();
        // Both steps known: INC-1 (deploy≠build), INC-2 (build=build), INC-3 (verify≠build), INC-5
        // (patch=patch); INC-4 has no injected step → 2 of 4.
        COMPARE_NUMBER(*m.shiftLeftIndex, 0.5);
        // INC-3 recurs after revision 2 answered INC-1; INC-2 recurred before the answer and is not one.
        QCOMPARE(m.repeatDefects, 1);
        auto repeats = listRepeatDefects(*fixture->lib).value();
        QCOMPARE(repeats.size(), 1);
        QCOMPARE(repeats[0].incidentKey, QStringLiteral("INC-3"));
        QCOMPARE(repeats[0].earlierKey, QStringLiteral("INC-1"));
        QCOMPARE(repeats[0].revisionNumber, 2);
        // INC-1 prevented (revision 2; 2 closed runs since, fewer than the 3 that verify it), INC-2 analysed,
        // INC-3/4/5 open.
        QCOMPARE(m.incidents.open, 3);
        QCOMPARE(m.incidents.analysed, 1);
        QCOMPARE(m.incidents.prevented, 1);
        QCOMPARE(m.incidents.verified, 0);
        // INC-1 created 2026-01-15T10:00, answered 2026-01-25T16:00 → 10 days 6 hours.
        QCOMPARE(m.leadTimes.size(), 1);
        QCOMPARE(m.leadTimes[0].incidentKey, QStringLiteral("INC-1"));
        COMPARE_NUMBER(m.leadTimes[0].days, 10.25);
        // build/migrations, born from INC-1, first published in revision 2; INC-3 recurred after it.
        QCOMPARE(m.checkEffectiveness.size(), 1);
        QCOMPARE(m.checkEffectiveness[0].checkKey, QStringLiteral("migrations"));
        QCOMPARE(m.checkEffectiveness[0].stepKey, QStringLiteral("build"));
        QCOMPARE(m.checkEffectiveness[0].originIncidentKey, QStringLiteral("INC-1"));
        QCOMPARE(m.checkEffectiveness[0].publishedAt, QStringLiteral("2026-01-25T16:00:00Z"));
        QCOMPARE(m.checkEffectiveness[0].recurrencesAfter, 1);
    }

    // Runs by the month they closed, rework by its date, incidents by when they occurred.
    void filterByStreamAndMonths()
    {
        MeasureFilter february{QStringLiteral("release"), QStringLiteral("2026-02"),
                               QStringLiteral("2026-02")};
        const Measures m = computeMeasures(*fixture->lib, february).value();
        QCOMPARE(m.streams.size(), 1);
        // Closed in February: C and D. build: C (voided fail) and D pass → 1.0.
        QCOMPARE(m.streams[0].closedRuns, 2);
        QCOMPARE(m.streams[0].steps[0].closedRuns, 2);
        COMPARE_NUMBER(*m.streams[0].steps[0].fpy, 1.0);
        COMPARE_NUMBER(*m.streams[0].rty, 1.0);
        // Rework of release in February: 6 h of 120 → 5 %; 6 × 85 = 510; no fire-fighting → 0.
        QCOMPARE(m.hiddenFactory.size(), 1);
        COMPARE_NUMBER(*m.hiddenFactory[0].percent, 5.0);
        COMPARE_NUMBER(m.copq, 510.0);
        COMPARE_NUMBER(*m.heroicsShare, 0.0);
        // Incidents of release that occurred in February: INC-3 (verify≠build) and INC-4 (injected unknown).
        COMPARE_NUMBER(*m.shiftLeftIndex, 0.0);
        QCOMPARE(m.repeatDefects, 1);
        QCOMPARE(m.incidents.open, 2);
        QCOMPARE(m.incidents.prevented, 0);
        QVERIFY(m.leadTimes.isEmpty());

        // January, all streams: A and B → build 1 of 2; 12 h × 85 = 1020; 4 of 12 h fire-fighting;
        // INC-1 and INC-2: shift-left 1 of 2; INC-2 came before the answer → no repeat defect.
        const Measures january =
            computeMeasures(*fixture->lib,
                            MeasureFilter{{}, QStringLiteral("2026-01"), QStringLiteral("2026-01")})
                .value();
        const StreamYield* release = streamOf(january, QStringLiteral("release"));
        QVERIFY(release);
        QCOMPARE(release->closedRuns, 2);
        COMPARE_NUMBER(*release->steps[0].fpy, 0.5);
        COMPARE_NUMBER(*release->rty, 0.5);
        COMPARE_NUMBER(january.copq, 1020.0);
        COMPARE_NUMBER(*january.heroicsShare, 4.0 / 12.0);
        COMPARE_NUMBER(*january.shiftLeftIndex, 0.5);
        QCOMPARE(january.repeatDefects, 0);
        QCOMPARE(january.hiddenFactory.size(), 1);
        COMPARE_NUMBER(*january.hiddenFactory[0].percent, 7.5);

        // From a month onwards only.
        const Measures fromMarch =
            computeMeasures(*fixture->lib, MeasureFilter{{}, QStringLiteral("2026-03"), {}}).value();
        QCOMPARE(fromMarch.hiddenFactory.size(), 1);
        QCOMPARE(streamOf(fromMarch, QStringLiteral("release"))->closedRuns, 0);
        QVERIFY(!streamOf(fromMarch, QStringLiteral("release"))->rty);
    }

    void filterRefusals()
    {
        const qint64 events = rowCount(*fixture->lib, QStringLiteral("audit_event"));
        auto badMonth = computeMeasures(*fixture->lib, MeasureFilter{{}, QStringLiteral("2026-13"), {}});
        QCOMPARE(badMonth.kind(), ErrorKind::Invalid);
        QCOMPARE(badMonth.message(),
                 QStringLiteral("A month is written YYYY-MM (got ‘2026-13’ as the first month)."));
        auto badTo = computeMeasures(*fixture->lib, MeasureFilter{{}, {}, QStringLiteral("March")});
        QCOMPARE(badTo.message(),
                 QStringLiteral("A month is written YYYY-MM (got ‘March’ as the last month)."));
        auto backwards = computeMeasures(
            *fixture->lib, MeasureFilter{{}, QStringLiteral("2026-02"), QStringLiteral("2026-01")});
        QCOMPARE(backwards.message(),
                 QStringLiteral("The last month (2026-01) is before the first (2026-02)."));
        auto unknown = computeMeasures(*fixture->lib, MeasureFilter{QStringLiteral("payroll"), {}, {}});
        QCOMPARE(unknown.kind(), ErrorKind::NotFound);
        QCOMPARE(unknown.message(), QStringLiteral("No value stream ‘payroll’."));
        QCOMPARE(rowCount(*fixture->lib, QStringLiteral("audit_event")), events);
    }

    // The `metrics --json` contract of DESIGN.md §6, key by key.
    void jsonShape()
    {
        const QJsonObject json = measuresToJson(computeMeasures(*fixture->lib).value());
        for (const char* key : {"streams", "hidden_factory", "copq", "shift_left_index", "repeat_defects",
                                "heroics_share", "incidents"})
            QVERIFY2(json.contains(QLatin1String(key)), key);

        const QJsonArray streams = json.value(QStringLiteral("streams")).toArray();
        QCOMPARE(streams.size(), 2);
        const QJsonObject ops = streams[0].toObject();
        QCOMPARE(ops.value(QStringLiteral("key")).toString(), QStringLiteral("ops"));
        QVERIFY(ops.value(QStringLiteral("rty")).isNull());
        QCOMPARE(ops.value(QStringLiteral("closed_runs")).toInt(), 0);
        const QJsonObject release = streams[1].toObject();
        for (const char* key : {"key", "rty", "closed_runs", "steps"})
            QVERIFY2(release.contains(QLatin1String(key)), key);
        QCOMPARE(release.value(QStringLiteral("key")).toString(), QStringLiteral("release"));
        COMPARE_NUMBER(release.value(QStringLiteral("rty")).toDouble(), 0.75);
        QVERIFY(release.value(QStringLiteral("closed_runs")).isDouble());
        QCOMPARE(release.value(QStringLiteral("closed_runs")).toInt(), 4);
        const QJsonArray steps = release.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 4);
        const QJsonObject build = steps[0].toObject();
        for (const char* key : {"key", "fpy", "closed_runs"})
            QVERIFY2(build.contains(QLatin1String(key)), key);
        QCOMPARE(build.value(QStringLiteral("key")).toString(), QStringLiteral("build"));
        COMPARE_NUMBER(build.value(QStringLiteral("fpy")).toDouble(), 0.75);
        QCOMPARE(build.value(QStringLiteral("closed_runs")).toInt(), 4);
        bool sawNull = false;
        for (const QJsonValue& s : steps)
            if (s.toObject().value(QStringLiteral("key")).toString() == QLatin1String("notify")) {
                QVERIFY(s.toObject().value(QStringLiteral("fpy")).isNull());
                QCOMPARE(s.toObject().value(QStringLiteral("closed_runs")).toInt(), 0);
                sawNull = true;
            }
        QVERIFY(sawNull);

        const QJsonArray months = json.value(QStringLiteral("hidden_factory")).toArray();
        QCOMPARE(months.size(), 4);
        const QJsonObject january = months[1].toObject();
        for (const char* key : {"month", "rework_hours", "team_hours", "percent"})
            QVERIFY2(january.contains(QLatin1String(key)), key);
        QCOMPARE(january.value(QStringLiteral("month")).toString(), QStringLiteral("2026-01"));
        COMPARE_NUMBER(january.value(QStringLiteral("rework_hours")).toDouble(), 12.0);
        COMPARE_NUMBER(january.value(QStringLiteral("team_hours")).toDouble(), 160.0);
        COMPARE_NUMBER(january.value(QStringLiteral("percent")).toDouble(), 7.5);
        const QJsonObject march = months[3].toObject();
        QVERIFY(march.value(QStringLiteral("percent")).isNull());
        QVERIFY(march.value(QStringLiteral("team_hours")).isNull());
        COMPARE_NUMBER(march.value(QStringLiteral("rework_hours")).toDouble(), 2.0);

        COMPARE_NUMBER(json.value(QStringLiteral("copq")).toDouble(), 1700.0);
        COMPARE_NUMBER(json.value(QStringLiteral("shift_left_index")).toDouble(), 0.5);
        QCOMPARE(json.value(QStringLiteral("repeat_defects")).toInt(), 1);
        COMPARE_NUMBER(json.value(QStringLiteral("heroics_share")).toDouble(), 0.3);
        const QJsonObject incidents = json.value(QStringLiteral("incidents")).toObject();
        QCOMPARE(sortedKeys(incidents),
                 (QStringList{QStringLiteral("analysed"), QStringLiteral("open"), QStringLiteral("prevented"),
                              QStringLiteral("verified")}));
        QCOMPARE(incidents.value(QStringLiteral("open")).toInt(), 3);
        QCOMPARE(incidents.value(QStringLiteral("analysed")).toInt(), 1);
        QCOMPARE(incidents.value(QStringLiteral("prevented")).toInt(), 1);
        QCOMPARE(incidents.value(QStringLiteral("verified")).toInt(), 0);

        // Extra keys, never in place of the contract's.
        const QJsonArray leadTimes = json.value(QStringLiteral("lead_times")).toArray();
        QCOMPARE(leadTimes.size(), 1);
        COMPARE_NUMBER(leadTimes[0].toObject().value(QStringLiteral("days")).toDouble(), 10.25);
        const QJsonArray effectiveness = json.value(QStringLiteral("check_effectiveness")).toArray();
        QCOMPARE(effectiveness.size(), 1);
        QCOMPARE(effectiveness[0].toObject().value(QStringLiteral("check")).toString(),
                 QStringLiteral("build/migrations"));
        QCOMPARE(effectiveness[0].toObject().value(QStringLiteral("recurrences_after")).toInt(), 1);
    }

    void anEmptyLibraryHasNullsNotZeros()
    {
        TempLibrary lib;
        const QJsonObject json = measuresToJson(computeMeasures(*lib).value());
        QCOMPARE(json.value(QStringLiteral("streams")).toArray().size(), 0);
        QCOMPARE(json.value(QStringLiteral("hidden_factory")).toArray().size(), 0);
        COMPARE_NUMBER(json.value(QStringLiteral("copq")).toDouble(), 0.0);
        QVERIFY(json.value(QStringLiteral("shift_left_index")).isNull());
        QVERIFY(json.value(QStringLiteral("heroics_share")).isNull());
        QCOMPARE(json.value(QStringLiteral("repeat_defects")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("incidents")).toObject().value(QStringLiteral("open")).toInt(), 0);
        QVERIFY(computeAlerts(*lib).value().isEmpty());
    }

    void alertsNameWhatNeedsAttention()
    {
        const QList<Alert> alerts = computeAlerts(*fixture->lib).value();
        QStringList messages;
        for (const Alert& alert : alerts)
            messages << toText(alert.kind) + QStringLiteral(": ") + alert.message;
        const QStringList expected{
            // Run E: its latest attestation of the critical deploy/go is a fail.
            QStringLiteral(
                "failed-critical-check: Critical check ‘deploy/go’ failed in run ‘Release 5’ of ‘release’."),
            // Run E: rollback point 2026-02-14T18:00 has passed; none of its 6 items is done.
            QStringLiteral("past-rollback-point: Run ‘Release 5’ of ‘release’ is past its rollback point "
                           "(2026-02-14T18:00:00Z) with 6 of 6 items not done."),
            QStringLiteral(
                "repeat-defect: Repeat defect: INC-3 ‘Migration missing a third time’ recurs after INC-1, "
                "which revision 2 of ‘release’ answered on 2026-01-25; the prevention did not hold."),
            // build: 75 % over 4 closed runs, under the default 90 %; deploy and verify are at 100 %.
            QStringLiteral(
                "low-first-pass-yield: Step ‘Build’ in ‘release’: first-pass yield 75% (alert below 90%)"),
            // Open for more than 14 days: INC-3 (19 days), INC-4 (17); INC-5 is 4 days old.
            QStringLiteral(
                "unanalysed-incident: INC-3 ‘Migration missing a third time’ has been open 19 days without "
                "analysis (alert after 14)."),
            QStringLiteral(
                "unanalysed-incident: INC-4 ‘Certificate expired’ has been open 17 days without analysis "
                "(alert after 14)."),
        };
        QCOMPARE(messages, expected);
        QCOMPARE(alerts[0].entity, QStringLiteral("run_item"));
        QCOMPARE(alerts[1].entity, QStringLiteral("run"));
        QCOMPARE(alerts[1].entityId, fixture->runE);
        QCOMPARE(alerts[2].entity, QStringLiteral("incident"));
        QCOMPARE(alerts[2].entityId, resolveIncident(*fixture->lib, QStringLiteral("INC-3")).value());
        QCOMPARE(alerts[3].entity, QStringLiteral("step"));
        QCOMPARE(alerts[3].entityId,
                 resolveStep(*fixture->lib, QStringLiteral("release"), QStringLiteral("build")).value());
    }

    // Thresholds come from the settings; a step needs three closed runs before its yield raises an alert.
    void alertThresholdsFollowTheSettings()
    {
        Fixture local;
        QVERIFY(setSetting(*local.lib, QStringLiteral("fpy-alert-threshold"), QStringLiteral("0.7")).ok());
        QVERIFY(setSetting(*local.lib, QStringLiteral("unanalysed-alert-days"), QStringLiteral("18")).ok());
        const QList<Alert> alerts = computeAlerts(*local.lib).value();
        QStringList kinds;
        for (const Alert& alert : alerts)
            kinds << toText(alert.kind);
        QCOMPARE(kinds,
                 (QStringList{QStringLiteral("failed-critical-check"), QStringLiteral("past-rollback-point"),
                              QStringLiteral("repeat-defect"), QStringLiteral("unanalysed-incident")}));
        QVERIFY2(alerts.last().message.startsWith(QStringLiteral("INC-3 ")),
                 qPrintable(alerts.last().message));

        // "Under" the threshold: at 1.0, build (75 %) alerts, deploy and verify (100 %) do not.
        QVERIFY(setSetting(*local.lib, QStringLiteral("fpy-alert-threshold"), QStringLiteral("1")).ok());
        QStringList lowYield;
        const QList<Alert> strict = computeAlerts(*local.lib).value();
        for (const Alert& alert : strict)
            if (alert.kind == Alert::Kind::LowFirstPassYield)
                lowYield << alert.message;
        QCOMPARE(lowYield, QStringList{QStringLiteral(
                               "Step ‘Build’ in ‘release’: first-pass yield 75% (alert below 100%)")});
    }

    // Fewer than three closed runs say more about luck than about the step: no yield alert yet.
    void aYieldAlertNeedsThreeClosedRuns()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        QVERIFY(publish(*lib, alice, PublishRequest{QStringLiteral("release"), QStringLiteral("First"), {}})
                    .ok());
        auto failedRun = [&] {
            auto run = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("R"),
                                               RunKind::Routine, 0, std::nullopt, std::nullopt});
            QVERIFY(run.ok());
            SignRequest request;
            request.run = run->id;
            request.item = QStringLiteral("verify/monitor");
            request.outcome = Outcome::Fail;
            QVERIFY(sign(*lib, alice, request).ok());
            QVERIFY(closeRun(*lib, CloseRun{run->id, true, {}}).ok());
        };
        failedRun();
        failedRun();
        QVERIFY(computeAlerts(*lib).value().isEmpty()); // verify at 0 % over 2 runs
        failedRun();
        const QList<Alert> alerts = computeAlerts(*lib).value();
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].message,
                 QStringLiteral("Step ‘Verify’ in ‘release’: first-pass yield 0% (alert below 90%)"));
    }

private:
    std::unique_ptr<Fixture> fixture;
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
