#pragma once

// The small library the measures and alerts tests share, built through the real APIs; every number the
// tests expect is worked out by hand from the story below.
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

// Each test program includes this once.
namespace metricsfixture {

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

} // namespace metricsfixture

using namespace metricsfixture;

