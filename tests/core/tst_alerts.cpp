// The alerts the console raises from the measures (DESIGN.md §3), on the hand-worked library of
// metricsfixture.h and on small libraries of their own.
#include "metricsfixture.h"

class TestAlerts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { fixture = std::make_unique<Fixture>(); }
    void cleanupTestCase() { fixture.reset(); }

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

    // The console's stream filter reaches the alerts: each stream's own, all of them without one.
    void alertsFollowTheStreamChosen()
    {
        Fixture local;
        QVERIFY(setSetting(*local.lib, QStringLiteral("unanalysed-alert-days"), QStringLiteral("3")).ok());
        const QList<Alert> all = computeAlerts(*local.lib).value();
        const QList<Alert> release = computeAlerts(*local.lib, QStringLiteral("release")).value();
        const auto ops = computeAlerts(*local.lib, QStringLiteral("ops"));
        QVERIFY2(ops.ok(), qPrintable(ops.message()));
        QCOMPARE(ops->size(), 1); // INC-5, 4 days open, the one incident of ops
        QCOMPARE(ops->at(0).kind, Alert::Kind::UnanalysedIncident);
        QVERIFY2(ops->at(0).message.startsWith(QStringLiteral("INC-5 ‘VPN down after patch’")),
                 qPrintable(ops->at(0).message));
        QCOMPARE(release.size(), all.size() - 1);
        for (const Alert& alert : release)
            QVERIFY2(!alert.message.contains(QStringLiteral("INC-5")), qPrintable(alert.message));
        const QString opsId = resolveStream(*local.lib, QStringLiteral("ops")).value();
        QCOMPARE(computeAlerts(*local.lib, opsId).value().size(), 1); // by id as well as by key
        QVERIFY(!computeAlerts(*local.lib, QStringLiteral("nonesuch")).ok());
    }

private:
    std::unique_ptr<Fixture> fixture;
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
