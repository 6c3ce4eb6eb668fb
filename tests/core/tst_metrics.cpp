// The measures of DESIGN.md §3 against a small library built through the real APIs, with every expected
// number worked out by hand (metricsfixture.h).
#include "metricsfixture.h"

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

private:
    std::unique_ptr<Fixture> fixture;
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
