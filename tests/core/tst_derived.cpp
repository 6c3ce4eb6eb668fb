// The summaries kept current by triggers must hold exactly what the records say: the first-pass yields
// (derived_run_step, derived_step_month; 005_performance.sql) after signing, failing, voiding, closing and
// importing a whole library, and the console's (derived_run_month, derived_step_total, derived_rework_*;
// 006_console_summaries.sql) after that and after rework is logged, corrected or removed and an
// incident's injected step moves, and the items per run (derived_run_items; 007_run_item_counts.sql).
#include "incidentdetails.h"
#include "incidents.h"
#include "libraryjson.h"
#include "process.h"
#include "revisions.h"
#include "rework.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonDocument>
#include <QSqlRecord>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QualityCheck check(const char* key, bool critical = false)
{
    QualityCheck c;
    c.key = QString::fromLatin1(key);
    c.statement = QStringLiteral("Check ") + c.key;
    c.critical = critical;
    return c;
}

ValueStream releaseProcess()
{
    ValueStream stream;
    stream.key = QStringLiteral("release");
    stream.name = QStringLiteral("Release");
    Step build;
    build.key = QStringLiteral("build");
    build.name = QStringLiteral("Build");
    build.checks = {check("compile"), check("unit")};
    Step deploy;
    deploy.key = QStringLiteral("deploy");
    deploy.name = QStringLiteral("Deploy");
    deploy.checks = {check("go", true), check("smoke")};
    stream.steps = {build, deploy};
    return stream;
}

// Rows of a query as text, for comparing two queries' answers.
QStringList rows(Library& library, const QString& sql)
{
    QStringList out;
    auto query = execSql(library.db(), sql);
    if (!query.ok())
        return {query.message()};
    while (query->next()) {
        QStringList fields;
        for (int i = 0; i < query->record().count(); ++i)
            fields << query->value(i).toString();
        out << fields.join(QLatin1Char('|'));
    }
    return out;
}

const QString recomputedSteps = QStringLiteral(
    "SELECT ri.run_id, ri.step_id, max(CASE WHEN a.id IS NOT NULL AND v.id IS NULL THEN 1 ELSE 0 END) "
    "FROM run_item ri LEFT JOIN attestation a ON a.item_id = ri.id AND a.outcome = 'fail' "
    "LEFT JOIN attestation_void v ON v.attestation_id = a.id GROUP BY 1, 2 ORDER BY 1, 2");
const QString storedSteps =
    QStringLiteral("SELECT run_id, step_id, failed FROM derived_run_step ORDER BY 1, 2");
const QString recomputedMonths = QStringLiteral(
    "SELECT step_id, month, stream_id, count(*), count(*) - sum(failed) FROM ("
    "  SELECT ri.step_id, substr(r.closed_at, 1, 7) AS month, r.stream_id, ri.run_id, "
    "         max(CASE WHEN a.id IS NOT NULL AND v.id IS NULL THEN 1 ELSE 0 END) AS failed "
    "  FROM run r JOIN run_item ri ON ri.run_id = r.id "
    "  LEFT JOIN attestation a ON a.item_id = ri.id AND a.outcome = 'fail' "
    "  LEFT JOIN attestation_void v ON v.attestation_id = a.id "
    "  WHERE r.status IN ('completed', 'rolled back') GROUP BY ri.step_id, ri.run_id) "
    "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
const QString storedMonths = QStringLiteral(
    "SELECT step_id, month, stream_id, closed_runs, first_pass FROM derived_step_month "
    "WHERE closed_runs > 0 ORDER BY 1, 2, 3");
const QString recomputedRunMonths = QStringLiteral(
    "SELECT stream_id, substr(closed_at, 1, 7), count(*) FROM run "
    "WHERE status IN ('completed', 'rolled back') GROUP BY 1, 2 ORDER BY 1, 2");
const QString storedRunMonths =
    QStringLiteral("SELECT stream_id, month, closed_runs FROM derived_run_month WHERE closed_runs > 0 ORDER BY 1, 2");
const QString recomputedStepTotals = QStringLiteral(
    "SELECT step_id, stream_id, sum(closed_runs), sum(first_pass) FROM derived_step_month GROUP BY 1, 2 "
    "HAVING sum(closed_runs) > 0 ORDER BY 1, 2");
const QString storedStepTotals = QStringLiteral(
    "SELECT step_id, stream_id, closed_runs, first_pass FROM derived_step_total WHERE closed_runs > 0 ORDER BY 1, 2");
// Hours printed to the hundredth: sums kept by adding and subtracting may differ from a fresh sum in the
// last bits of a double.
const QString recomputedReworkMonths = QStringLiteral(
    "SELECT * FROM ("
    "  SELECT coalesce(stream_id, '') AS s, substr(date, 1, 7) AS m, kind AS k, printf('%.2f', sum(hours)), count(*) "
    "  FROM rework GROUP BY 1, 2, 3 "
    "  UNION ALL SELECT '*', substr(date, 1, 7), kind, printf('%.2f', sum(hours)), count(*) FROM rework GROUP BY 2, 3) "
    "ORDER BY s, m, k");
const QString storedReworkMonths = QStringLiteral(
    "SELECT stream_id, month, kind, printf('%.2f', hours), entries FROM derived_rework_month ORDER BY 1, 2, 3");
const QString recomputedReworkSteps = QStringLiteral(
    "SELECT coalesce(r.step_id, i.injected_step_id, ''), coalesce(r.stream_id, ''), printf('%.2f', sum(r.hours)), "
    "count(*) FROM rework r LEFT JOIN incident i ON i.id = r.incident_id GROUP BY 1, 2 ORDER BY 1, 2");
const QString recomputedRunItems =
    QStringLiteral("SELECT run_id, count(*) FROM run_item GROUP BY run_id ORDER BY 1");
const QString storedRunItems = QStringLiteral("SELECT run_id, items FROM derived_run_items ORDER BY 1");
const QString storedReworkSteps = QStringLiteral(
    "SELECT step_id, stream_id, printf('%.2f', hours), entries FROM derived_rework_step ORDER BY 1, 2");

} // namespace

class TestDerived : public QObject
{
    Q_OBJECT

    void expectCurrent(Library& library, const char* when)
    {
        const QStringList steps = rows(library, storedSteps);
        QVERIFY2(steps == rows(library, recomputedSteps), when);
        const QStringList months = rows(library, storedMonths);
        QVERIFY2(months == rows(library, recomputedMonths), when);
        QVERIFY2(rows(library, storedRunMonths) == rows(library, recomputedRunMonths), when);
        QVERIFY2(rows(library, storedStepTotals) == rows(library, recomputedStepTotals), when);
        QVERIFY2(rows(library, storedReworkMonths) == rows(library, recomputedReworkMonths), when);
        QVERIFY2(rows(library, storedReworkSteps) == rows(library, recomputedReworkSteps), when);
        QVERIFY2(rows(library, storedRunItems) == rows(library, recomputedRunItems), when);
    }

private slots:
    void summariesFollowEveryWrite()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        const Signer bob = lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BO"));
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        QVERIFY(publish(*lib, alice, PublishRequest{QStringLiteral("release"), QStringLiteral("First"), {}}).ok());
        auto start = [&](const char* title) {
            auto run = startRun(*lib, StartRun{QStringLiteral("release"), QString::fromLatin1(title),
                                               RunKind::Release, 0, std::nullopt, std::nullopt});
            return run.ok() ? run->id : QString();
        };
        auto signItem = [&](const QString& run, const char* item, Outcome outcome, const Signer& by) {
            SignRequest request;
            request.run = run;
            request.item = QString::fromLatin1(item);
            request.outcome = outcome;
            auto signedItem = sign(*lib, by, request);
            return signedItem.ok() ? signedItem->id : QString();
        };

        const QString first = start("First");
        const QString second = start("Second");
        const QString third = start("Third");
        QVERIFY(!first.isEmpty() && !second.isEmpty() && !third.isEmpty());
        expectCurrent(*lib, "after starting runs");

        // First: build fails once, then passes; closed: build did not pass first time, deploy did.
        QVERIFY(!signItem(first, "build/compile", Outcome::Fail, alice).isEmpty());
        QVERIFY(!signItem(first, "build/compile", Outcome::Pass, alice).isEmpty());
        expectCurrent(*lib, "after a fail in an open run");
        QVERIFY(closeRun(*lib, CloseRun{first, true, {}}).ok());
        expectCurrent(*lib, "after closing a run with a fail");

        // Second: a fail signed by mistake and voided, then closed: first pass everywhere.
        const QString mistake = signItem(second, "deploy/smoke", Outcome::Fail, bob);
        QVERIFY(!mistake.isEmpty());
        QVERIFY(voidAttestation(*lib, alice, second, mistake, QStringLiteral("Wrong build")).ok());
        expectCurrent(*lib, "after voiding a fail");
        QVERIFY(closeRun(*lib, CloseRun{second, true, {}}).ok());
        expectCurrent(*lib, "after closing a run whose fail was voided");

        // Third: a critical fail while open, then closed.
        QVERIFY(!signItem(third, "deploy/go", Outcome::Fail, alice).isEmpty());
        QVERIFY(closeRun(*lib, CloseRun{third, true, {}}).ok());
        expectCurrent(*lib, "after closing a run with a critical fail");
        QCOMPARE(rows(*lib, QStringLiteral("SELECT sum(closed_runs), sum(first_pass) FROM derived_step_month")),
                 QStringList{QStringLiteral("6|4")});

        // A whole library imported from JSON writes runs, items, attestations and voids in bulk.
        auto exported = exportLibrary(*lib);
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        TempLibrary copy;
        const Status imported =
            importLibrary(*copy, QJsonDocument(exported.value()).toJson(), QStringLiteral("copy.json"));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        expectCurrent(*copy, "after importing the library");
        QCOMPARE(rows(*copy, storedMonths), rows(*lib, storedMonths));
    }

    void reworkSummariesFollowEveryWrite()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        QVERIFY(publish(*lib, alice, PublishRequest{QStringLiteral("release"), QStringLiteral("First"), {}}).ok());
        NewIncident outage;
        outage.title = QStringLiteral("Deploy broke checkout");
        outage.stream = QStringLiteral("release");
        outage.injectedStep = QStringLiteral("build");
        auto incident = addIncident(*lib, outage);
        QVERIFY2(incident.ok(), qPrintable(incident.message()));

        auto log = [&](const char* date, double hours, ReworkKind kind, const char* stream, const char* step,
                       const QString& incidentId) {
            NewRework entry;
            entry.date = QDate::fromString(QString::fromLatin1(date), Qt::ISODate);
            entry.hours = hours;
            entry.kind = kind;
            entry.stream = QString::fromLatin1(stream);
            entry.step = QString::fromLatin1(step);
            entry.incident = incidentId;
            auto added = addRework(*lib, entry);
            return added.ok() ? added->id : added.message();
        };
        log("2026-01-10", 2.5, ReworkKind::Rework, "release", "deploy", {});
        log("2026-01-20", 1.25, ReworkKind::Rework, "release", "deploy", {});
        log("2026-02-03", 4, ReworkKind::FireFighting, "release", "", incident->id); // charged to "build"
        log("2026-02-04", 3, ReworkKind::FireFighting, "release", "", incident->id);
        const QString loose = log("2026-02-05", 0.5, ReworkKind::Other, "", "", {}); // no stream, no step
        expectCurrent(*lib, "after logging rework");
        QCOMPARE(rows(*lib, QStringLiteral("SELECT month, printf('%.2f', hours) FROM derived_rework_month "
                                           "WHERE stream_id = '*' AND kind = 'fire-fighting'")),
                 QStringList{QStringLiteral("2026-02|7.00")});

        // The incident was injected at deploy, not build: its rework without a step of its own moves.
        IncidentDetails details;
        details.incident = incident->id;
        details.title = incident->title;
        details.injectedStepId = rows(*lib, QStringLiteral("SELECT id FROM step WHERE key = 'deploy'")).value(0);
        auto updated = updateIncident(*lib, details);
        QVERIFY2(updated.ok(), qPrintable(updated.message()));
        expectCurrent(*lib, "after the injected step moved");
        QCOMPARE(rows(*lib, QStringLiteral("SELECT printf('%.2f', d.hours), d.entries FROM derived_rework_step d "
                                           "JOIN step s ON s.id = d.step_id WHERE s.key = 'deploy'")),
                 QStringList{QStringLiteral("10.75|4")});

        // Whatever else writes the table (a script, a future correction): the triggers follow it.
        QVERIFY(rawExec(lib.path(), QStringLiteral("UPDATE rework SET date = '2026-03-01', hours = 6 WHERE hours = 4")));
        QVERIFY(rawExec(lib.path(), QStringLiteral("DELETE FROM rework WHERE id = '%1'").arg(loose)));
        expectCurrent(*lib, "after rework was corrected and removed behind the product's back");
        QCOMPARE(rows(*lib, QStringLiteral("SELECT count(*) FROM derived_rework_month WHERE kind = 'other'")),
                 QStringList{QStringLiteral("0")});
    }
};

QTEST_GUILESS_MAIN(TestDerived)
#include "tst_derived.moc"
