// The console's time series against a small library made through the real APIs; every expected number
// is worked out by hand from the story told above the fixture.
#include "consoleseries.h"
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

QDateTime moment(const char* iso)
{
    return parseIsoMoment(QString::fromLatin1(iso)).value();
}

QualityCheck check(const char* key, const char* statement)
{
    QualityCheck c;
    c.key = QString::fromLatin1(key);
    c.statement = QString::fromLatin1(statement);
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

#define COMPARE_NUMBER(actual, expected)                                                                     \
    QVERIFY2(qAbs((actual) - (expected)) < 1e-9,                                                              \
             qPrintable(QStringLiteral("%1 is %2, expected %3").arg(QStringLiteral(#actual)).arg(actual).arg(expected)))

// The story (the clock is set to each moment before the thing is done):
//   2025-12-15  release (build: compile, unit · deploy: go) imported, revision 1 published.
//   Run A  closed 2026-01-05  all pass first time.
//   Run B  closed 2026-01-08  build/unit fails, then passes.
//   INC-1  2026-01-15  detected deploy, injected build; analysed; improvement adds build/migrations.
//   rev 2  2026-01-25  answers INC-1.
//   Run C  closed 2026-02-03  deploy/go fails, then passes.
//   INC-2  2026-02-10  detected build, injected build, recurrence of INC-1 (after the answer: a repeat).
//   INC-3  2026-02-12  detected deploy, injected not known.
//   ops (patch: backup) imported 2026-02-20.
//   Rework: 2026-01-10 8 h rework on release/build · 2026-01-20 4 h fire-fighting on INC-1 (injected at
//           build) · 2026-02-05 6 h re-release on run C (no step) · 2026-02-25 3 h rework on ops/patch.
//   Team hours: 2025-12 150, 2026-01 160, 2026-02 120. Hourly rate 85.
struct Fixture
{
    TempLibrary lib;
    Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));

    void at(const char* iso) { lib.clock().set(moment(iso)); }

    template <typename T> T must(Result<T> result, const char* what)
    {
        if (!result.ok())
            qFatal("%s: %s", what, qPrintable(result.message()));
        return std::move(result).value();
    }
    void must(const Status& status, const char* what)
    {
        if (!status.ok())
            qFatal("%s: %s", what, qPrintable(status.message()));
    }

    QString runWith(const char* title, const char* failFirst)
    {
        const QString run =
            must(startRun(*lib, StartRun{QStringLiteral("release"), QString::fromLatin1(title), RunKind::Release, 0,
                                         std::nullopt, std::nullopt}),
                 "start")
                .id;
        if (*failFirst)
            sign(run, QString::fromLatin1(failFirst), Outcome::Fail);
        for (const RunItem& item : must(loadRun(*lib, run), "load").items)
            if (item.state != ItemState::Passed)
                sign(run, item.ref(), Outcome::Pass);
        must(closeRun(*lib, CloseRun{run, false, {}}), "close");
        return run;
    }

    void sign(const QString& run, const QString& item, Outcome outcome)
    {
        SignRequest request;
        request.run = run;
        request.item = item;
        request.outcome = outcome;
        must(stable::sign(*lib, alice, request), "sign");
    }

    void incident(const char* title, const char* detected, const char* injected, const char* recurrenceOf = "")
    {
        NewIncident request;
        request.title = QString::fromLatin1(title);
        request.stream = QStringLiteral("release");
        request.detectedStep = QString::fromLatin1(detected);
        request.injectedStep = QString::fromLatin1(injected);
        request.recurrenceOf = QString::fromLatin1(recurrenceOf);
        must(addIncident(*lib, request), title);
    }

    void rework(int month, int day, double hours, ReworkKind kind, NewRework entry)
    {
        entry.date = QDate(2026, month, day);
        entry.hours = hours;
        entry.kind = kind;
        must(addRework(*lib, entry), "rework");
    }

    Fixture()
    {
        at("2025-12-15T09:00:00Z");
        ValueStream release;
        release.key = QStringLiteral("release");
        release.name = QStringLiteral("Software Release");
        release.steps = {step("build", "Build", {check("compile", "Compiles"), check("unit", "Unit tests pass")}),
                         step("deploy", "Deploy", {check("go", "Every procedure ends with GO")})};
        must(importProcess(*lib, release), "import");
        must(publish(*lib, alice, PublishRequest{QStringLiteral("release"), QStringLiteral("First"), {}}), "publish");

        at("2026-01-05T09:00:00Z");
        runA = runWith("Release 1", "");
        at("2026-01-08T09:00:00Z");
        runB = runWith("Release 2", "build/unit");
        at("2026-01-15T10:00:00Z");
        incident("Migration missing", "deploy", "build");
        must(analyseIncident(*lib, QStringLiteral("INC-1"), {QStringLiteral("Migrations skipped")},
                             QStringLiteral("No packaging check")),
             "analyse");
        must(improveProcess(*lib, Improvement{QStringLiteral("INC-1"), QStringLiteral("Migrations applied in a dry run"),
                                              Stage::Exit, false, QStringLiteral("migrations")}),
             "improve");
        at("2026-01-25T16:00:00Z");
        must(publish(*lib, alice,
                     PublishRequest{QStringLiteral("release"), QStringLiteral("Answer INC-1"), {QStringLiteral("INC-1")}}),
             "publish 2");
        at("2026-02-03T09:00:00Z");
        runC = runWith("Release 3", "deploy/go");
        at("2026-02-10T10:00:00Z");
        incident("Migration missing again", "build", "build", "INC-1");
        at("2026-02-12T10:00:00Z");
        incident("Certificate expired", "deploy", "");
        at("2026-02-20T09:00:00Z");
        ValueStream ops;
        ops.key = QStringLiteral("ops");
        ops.name = QStringLiteral("Operations");
        ops.steps = {step("patch", "Patch", {check("backup", "Backup taken")})};
        must(importProcess(*lib, ops), "import ops");

        at("2026-03-01T10:00:00Z");
        NewRework onBuild;
        onBuild.stream = QStringLiteral("release");
        onBuild.step = QStringLiteral("build");
        rework(1, 10, 8, ReworkKind::Rework, onBuild);
        NewRework onIncident;
        onIncident.incident = QStringLiteral("INC-1");
        rework(1, 20, 4, ReworkKind::FireFighting, onIncident);
        NewRework onRun;
        onRun.run = runC;
        rework(2, 5, 6, ReworkKind::ReRelease, onRun);
        NewRework onPatch;
        onPatch.stream = QStringLiteral("ops");
        onPatch.step = QStringLiteral("patch");
        rework(2, 25, 3, ReworkKind::Rework, onPatch);
        must(setTeamHours(*lib, QStringLiteral("2025-12"), 150), "team");
        must(setTeamHours(*lib, QStringLiteral("2026-01"), 160), "team");
        must(setTeamHours(*lib, QStringLiteral("2026-02"), 120), "team");
        must(setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("85")), "rate");
    }

    QString runA, runB, runC;
};

const StreamMonthlyYield* monthlyOf(const ConsoleSeries& series, const QString& key)
{
    for (const StreamMonthlyYield& stream : series.monthlyYields)
        if (stream.key == key)
            return &stream;
    return nullptr;
}

} // namespace

class TestConsoleSeries : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { fixture = std::make_unique<Fixture>(); }
    void cleanupTestCase() { fixture.reset(); }

    void monthsSpanTheDataWithoutGaps()
    {
        const ConsoleSeries series = computeConsoleSeries(*fixture->lib).value();
        // Team hours start in December; rework, runs and incidents end in February.
        QCOMPARE(series.months, (QStringList{QStringLiteral("2025-12"), QStringLiteral("2026-01"), QStringLiteral("2026-02")}));
        QCOMPARE(series.factory.size(), 3);
        QCOMPARE(series.copq.size(), 3);
        QCOMPARE(series.incidents.size(), 3);
    }

    void hiddenFactoryAndCostByMonth()
    {
        const ConsoleSeries series = computeConsoleSeries(*fixture->lib).value();
        // December: 0 h of 150 → 0 %. January: 8 + 4 = 12 h of 160 → 7.5 %. February: 6 + 3 = 9 h of 120 → 7.5 %.
        COMPARE_NUMBER(*series.factory[0].percent, 0.0);
        COMPARE_NUMBER(series.factory[1].reworkHours, 12.0);
        COMPARE_NUMBER(series.factory[1].hoursByKind.value(ReworkKind::Rework), 8.0);
        COMPARE_NUMBER(series.factory[1].hoursByKind.value(ReworkKind::FireFighting), 4.0);
        COMPARE_NUMBER(*series.factory[1].percent, 7.5);
        COMPARE_NUMBER(series.factory[2].hoursByKind.value(ReworkKind::ReRelease), 6.0);
        COMPARE_NUMBER(series.factory[2].teamHours, 120.0);
        COMPARE_NUMBER(*series.factory[2].percent, 7.5);
        // COPQ = hours × 85: 0, 1020, 765.
        COMPARE_NUMBER(series.hourlyRate, 85.0);
        COMPARE_NUMBER(series.copq[0], 0.0);
        COMPARE_NUMBER(series.copq[1], 1020.0);
        COMPARE_NUMBER(series.copq[2], 765.0);
    }

    void paretoChargesIncidentHoursToTheInjectedStep()
    {
        const ConsoleSeries series = computeConsoleSeries(*fixture->lib).value();
        // build 8 + 4 (INC-1 was injected at build) = 12; run C's 6 h name no step; patch 3. Total 21.
        QCOMPARE(series.pareto.size(), 3);
        QCOMPARE(series.pareto[0].stepKey, QStringLiteral("build"));
        QCOMPARE(series.pareto[0].streamKey, QStringLiteral("release"));
        COMPARE_NUMBER(series.pareto[0].hours, 12.0);
        COMPARE_NUMBER(series.pareto[0].cumulativeShare, 12.0 / 21.0);
        QVERIFY(series.pareto[1].stepId.isEmpty());
        QCOMPARE(series.pareto[1].stepName, QStringLiteral("Step not recorded"));
        COMPARE_NUMBER(series.pareto[1].cumulativeShare, 18.0 / 21.0);
        QCOMPARE(series.pareto[2].stepKey, QStringLiteral("patch"));
        QCOMPARE(series.pareto[2].streamKey, QStringLiteral("ops"));
        COMPARE_NUMBER(series.pareto[2].cumulativeShare, 1.0);
    }

    void foldingKeepsTheTotal()
    {
        const ConsoleSeries series = computeConsoleSeries(*fixture->lib).value();
        const QList<ParetoBar> folded = foldPareto(series.pareto, 2);
        QCOMPARE(folded.size(), 2);
        QCOMPARE(folded[0].stepKey, QStringLiteral("build"));
        QCOMPARE(folded[1].steps, 2);
        QCOMPARE(folded[1].stepName, QStringLiteral("2 other steps"));
        COMPARE_NUMBER(folded[1].hours, 9.0);
        COMPARE_NUMBER(folded[1].cumulativeShare, 1.0);
        QCOMPARE(foldPareto(series.pareto, 3).size(), 3); // nothing to fold
    }

    void yieldsPerStepAndRolledThroughputYieldByMonth()
    {
        const ConsoleSeries series = computeConsoleSeries(*fixture->lib).value();
        // Whole period: build passed first time in A and C of A, B, C → 2/3; deploy in A and B → 2/3;
        // RTY = 4/9.
        const StreamYield& release = series.yields[1];
        QCOMPARE(release.key, QStringLiteral("release"));
        COMPARE_NUMBER(*release.steps[0].fpy, 2.0 / 3.0);
        COMPARE_NUMBER(*release.steps[1].fpy, 2.0 / 3.0);
        COMPARE_NUMBER(*release.rty, 4.0 / 9.0);
        // January (A, B): build 1/2 × deploy 2/2 = 0.5. February (C): build 1/1 × deploy 0/1 = 0.
        const StreamMonthlyYield* monthly = monthlyOf(series, QStringLiteral("release"));
        QVERIFY(monthly);
        QCOMPARE(monthly->closedRuns, (QList<int>{0, 2, 1}));
        QVERIFY(!monthly->rty[0]);
        COMPARE_NUMBER(*monthly->rty[1], 0.5);
        COMPARE_NUMBER(*monthly->rty[2], 0.0);
        // Three months rolling: January alone (A, B) → 0.5; February over December–February (A, B, C):
        // build 2/3 × deploy 2/3 = 4/9.
        QVERIFY(!monthly->rollingRty[0]);
        COMPARE_NUMBER(*monthly->rollingRty[1], 0.5);
        COMPARE_NUMBER(*monthly->rollingRty[2], 4.0 / 9.0);
        const StreamMonthlyYield* ops = monthlyOf(series, QStringLiteral("ops"));
        QVERIFY(ops);
        QCOMPARE(ops->closedRuns, (QList<int>{0, 0, 0}));
    }

    void shiftLeftAndRepeatDefectsByMonth()
    {
        const ConsoleSeries series = computeConsoleSeries(*fixture->lib).value();
        // December: none. January: INC-1 detected at deploy, injected at build → 0 of 1.
        QVERIFY(!series.incidents[0].shiftLeftIndex);
        QCOMPARE(series.incidents[1].incidents, 1);
        COMPARE_NUMBER(*series.incidents[1].shiftLeftIndex, 0.0);
        QCOMPARE(series.incidents[1].repeatDefects, 0);
        // February: INC-2 (build = build) and INC-3 (injected not known) → 1 of 1; INC-2 recurs after
        // revision 2 answered INC-1 → one repeat defect.
        QCOMPARE(series.incidents[2].incidents, 2);
        QCOMPARE(series.incidents[2].bothStepsKnown, 1);
        COMPARE_NUMBER(*series.incidents[2].shiftLeftIndex, 1.0);
        QCOMPARE(series.incidents[2].repeatDefects, 1);
        // The months add up to the period's totals that `stablectl metrics` prints.
        QCOMPARE(series.measures.repeatDefects, 1);
        COMPARE_NUMBER(*series.measures.shiftLeftIndex, 0.5);
    }

    void filterByStreamAndPeriod()
    {
        const ConsoleSeries series =
            computeConsoleSeries(*fixture->lib, MeasureFilter{QStringLiteral("release"), QStringLiteral("2026-01"),
                                                              QStringLiteral("2026-03")})
                .value();
        // The period is shown as asked, March included though nothing happened in it.
        QCOMPARE(series.months, (QStringList{QStringLiteral("2026-01"), QStringLiteral("2026-02"), QStringLiteral("2026-03")}));
        // release only: February 6 h of 120 → 5 %; ops' patch drops out of the Pareto.
        COMPARE_NUMBER(*series.factory[1].percent, 5.0);
        COMPARE_NUMBER(series.copq[1], 510.0);
        QVERIFY(!series.factory[2].percent);
        QCOMPARE(series.pareto.size(), 2);
        QCOMPARE(series.monthlyYields.size(), 1);
        QCOMPARE(series.monthlyYields[0].closedRuns, (QList<int>{2, 1, 0}));

        const ConsoleSeries february =
            computeConsoleSeries(*fixture->lib, MeasureFilter{{}, QStringLiteral("2026-02"), QStringLiteral("2026-02")})
                .value();
        QCOMPARE(february.months, QStringList{QStringLiteral("2026-02")});
        // February alone: build passed first time in C → 1.0.
        COMPARE_NUMBER(*february.yields[1].steps[0].fpy, 1.0);
        COMPARE_NUMBER(february.pareto[0].hours, 6.0); // run C's re-release leads
    }

    void refusesWhatItCannotRead()
    {
        auto unknown = computeConsoleSeries(*fixture->lib, MeasureFilter{QStringLiteral("nope"), {}, {}});
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.message().contains(QStringLiteral("nope")), qPrintable(unknown.message()));
        auto backwards = computeConsoleSeries(*fixture->lib, MeasureFilter{{}, QStringLiteral("2026-02"), QStringLiteral("2026-01")});
        QVERIFY(!backwards.ok());
        QVERIFY2(backwards.message().contains(QStringLiteral("before")), qPrintable(backwards.message()));
    }

    void emptyLibraryHasNoMonths()
    {
        TempLibrary empty;
        const ConsoleSeries series = computeConsoleSeries(*empty).value();
        QVERIFY(series.months.isEmpty());
        QVERIFY(series.pareto.isEmpty());
    }

    void monthRangeCrossesTheYear()
    {
        QCOMPARE(monthRange(QStringLiteral("2025-11"), QStringLiteral("2026-02")).size(), 4);
        QCOMPARE(monthRange(QStringLiteral("2026-02"), QStringLiteral("2026-02")), QStringList{QStringLiteral("2026-02")});
        QVERIFY(monthRange(QStringLiteral("2026-13"), QStringLiteral("2027-01")).isEmpty());
    }

private:
    std::unique_ptr<Fixture> fixture;
};

QTEST_GUILESS_MAIN(TestConsoleSeries)
#include "tst_consoleseries.moc"
