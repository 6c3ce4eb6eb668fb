// The summaries kept current by triggers must hold exactly what the records say: the first-pass yields
// (derived_run_step, derived_step_month; 005_performance.sql) after signing, failing, voiding, closing and
// importing a whole library, and the console's (derived_run_month, derived_step_total, derived_rework_*;
// 006_console_summaries.sql) after that and after rework is logged, corrected or removed and an
// incident's injected step moves, the items per run (derived_run_items; 007_run_item_counts.sql), and each
// answered incident with its first answer (derived_incident_answer; 008_incident_answers.sql).
#include "incidentdetails.h"
#include "incidents.h"
#include "libraryjson.h"
#include "metrics.h"
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
const QString recomputedMonths =
    QStringLiteral("SELECT step_id, month, stream_id, count(*), count(*) - sum(failed) FROM ("
                   "  SELECT ri.step_id, substr(r.closed_at, 1, 7) AS month, r.stream_id, ri.run_id, "
                   "         max(CASE WHEN a.id IS NOT NULL AND v.id IS NULL THEN 1 ELSE 0 END) AS failed "
                   "  FROM run r JOIN run_item ri ON ri.run_id = r.id "
                   "  LEFT JOIN attestation a ON a.item_id = ri.id AND a.outcome = 'fail' "
                   "  LEFT JOIN attestation_void v ON v.attestation_id = a.id "
                   "  WHERE r.status IN ('completed', 'rolled back') GROUP BY ri.step_id, ri.run_id) "
                   "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
const QString storedMonths =
    QStringLiteral("SELECT step_id, month, stream_id, closed_runs, first_pass FROM derived_step_month "
                   "WHERE closed_runs > 0 ORDER BY 1, 2, 3");
const QString recomputedRunMonths =
    QStringLiteral("SELECT stream_id, substr(closed_at, 1, 7), count(*) FROM run "
                   "WHERE status IN ('completed', 'rolled back') GROUP BY 1, 2 ORDER BY 1, 2");
const QString storedRunMonths = QStringLiteral(
    "SELECT stream_id, month, closed_runs FROM derived_run_month WHERE closed_runs > 0 ORDER BY 1, 2");
const QString recomputedStepTotals = QStringLiteral(
    "SELECT step_id, stream_id, sum(closed_runs), sum(first_pass) FROM derived_step_month GROUP BY 1, 2 "
    "HAVING sum(closed_runs) > 0 ORDER BY 1, 2");
const QString storedStepTotals = QStringLiteral("SELECT step_id, stream_id, closed_runs, first_pass FROM "
                                                "derived_step_total WHERE closed_runs > 0 ORDER BY 1, 2");
// Hours printed to the hundredth: sums kept by adding and subtracting may differ from a fresh sum in the
// last bits of a double.
const QString recomputedReworkMonths =
    QStringLiteral("SELECT * FROM ("
                   "  SELECT coalesce(stream_id, '') AS s, substr(date, 1, 7) AS m, kind AS k, "
                   "printf('%.2f', sum(hours)), count(*) "
                   "  FROM rework GROUP BY 1, 2, 3 "
                   "  UNION ALL SELECT '*', substr(date, 1, 7), kind, printf('%.2f', sum(hours)), count(*) "
                   "FROM rework GROUP BY 2, 3) "
                   "ORDER BY s, m, k");
const QString storedReworkMonths = QStringLiteral("SELECT stream_id, month, kind, printf('%.2f', hours), "
                                                  "entries FROM derived_rework_month ORDER BY 1, 2, 3");
const QString recomputedReworkSteps = QStringLiteral(
    "SELECT coalesce(r.step_id, i.injected_step_id, ''), coalesce(r.stream_id, ''), printf('%.2f', "
    "sum(r.hours)), "
    "count(*) FROM rework r LEFT JOIN incident i ON i.id = r.incident_id GROUP BY 1, 2 ORDER BY 1, 2");
const QString recomputedRunItems =
    QStringLiteral("SELECT run_id, count(*) FROM run_item GROUP BY run_id ORDER BY 1");
const QString storedRunItems = QStringLiteral("SELECT run_id, items FROM derived_run_items ORDER BY 1");
const QString storedReworkSteps = QStringLiteral(
    "SELECT step_id, stream_id, printf('%.2f', hours), entries FROM derived_rework_step ORDER BY 1, 2");
// The measures' lead-time query as it was before the summary, with the incident's columns it selects on.
const QString recomputedAnswers = QStringLiteral(
    "SELECT i.id, i.number, i.stream_id, i.occurred_at, i.created_at, min(v.published_at), "
    "quote((unixepoch(min(v.published_at)) - unixepoch(i.created_at)) / 86400.0) FROM incident i "
    "JOIN revision_answer ra ON ra.incident_id = i.id JOIN revision v ON v.id = ra.revision_id "
    "GROUP BY i.id ORDER BY 1");
const QString storedAnswers = QStringLiteral(
    "SELECT incident_id, number, stream_id, occurred_at, created_at, published_at, quote(days) "
    "FROM derived_incident_answer ORDER BY 1");

// Imports `from`'s library JSON into `into`: the import writes every record in bulk.
bool importCopy(Library& from, Library& into)
{
    auto exported = exportLibrary(from);
    const Status imported = exported.ok() ? importLibrary(into, QJsonDocument(exported.value()).toJson(),
                                                          QStringLiteral("copy.json"))
                                          : Status(exported.error());
    if (!imported.ok())
        qWarning("%s", qPrintable(imported.message()));
    return imported.ok();
}

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
        QVERIFY2(rows(library, storedAnswers) == rows(library, recomputedAnswers), when);
    }

    // "INC-n days" of each lead time the measures list, in their order.
    static QStringList leadTimes(Library& library, const QString& stream = {})
    {
        MeasureFilter filter;
        filter.stream = stream;
        auto measures = computeMeasures(library, filter);
        if (!measures.ok())
            return {measures.message()};
        QStringList out;
        for (const LeadTime& lead : std::as_const(measures->leadTimes))
            out << lead.incidentKey + QLatin1Char(' ') + QString::number(lead.days, 'f', 4);
        return out;
    }

private slots:
    void summariesFollowEveryWrite()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        const Signer bob = lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BO"));
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        QVERIFY(publish(*lib, alice, PublishRequest{QStringLiteral("release"), QStringLiteral("First"), {}})
                    .ok());
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
        QCOMPARE(
            rows(*lib, QStringLiteral("SELECT sum(closed_runs), sum(first_pass) FROM derived_step_month")),
            QStringList{QStringLiteral("6|4")});

        // A whole library imported from JSON writes runs, items, attestations and voids in bulk.
        TempLibrary copy;
        QVERIFY(importCopy(*lib, *copy));
        expectCurrent(*copy, "after importing the library");
        QCOMPARE(rows(*copy, storedMonths), rows(*lib, storedMonths));
    }

    void reworkSummariesFollowEveryWrite()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, releaseProcess()).ok());
        QVERIFY(publish(*lib, alice, PublishRequest{QStringLiteral("release"), QStringLiteral("First"), {}})
                    .ok());
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
        details.injectedStepId =
            rows(*lib, QStringLiteral("SELECT id FROM step WHERE key = 'deploy'")).value(0);
        auto updated = updateIncident(*lib, details);
        QVERIFY2(updated.ok(), qPrintable(updated.message()));
        expectCurrent(*lib, "after the injected step moved");
        QCOMPARE(
            rows(*lib, QStringLiteral("SELECT printf('%.2f', d.hours), d.entries FROM derived_rework_step d "
                                      "JOIN step s ON s.id = d.step_id WHERE s.key = 'deploy'")),
            QStringList{QStringLiteral("10.75|4")});

        // Whatever else writes the table (a script, a future correction): the triggers follow it.
        QVERIFY(rawExec(lib.path(),
                        QStringLiteral("UPDATE rework SET date = '2026-03-01', hours = 6 WHERE hours = 4")));
        QVERIFY(rawExec(lib.path(), QStringLiteral("DELETE FROM rework WHERE id = '%1'").arg(loose)));
        expectCurrent(*lib, "after rework was corrected and removed behind the product's back");
        QCOMPARE(rows(*lib, QStringLiteral("SELECT count(*) FROM derived_rework_month WHERE kind = 'other'")),
                 QStringList{QStringLiteral("0")});
    }

    void incidentAnswersFollowEveryWrite()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        ValueStream patching = releaseProcess();
        patching.key = QStringLiteral("patching");
        patching.name = QStringLiteral("Patching");
        for (const ValueStream& stream : {releaseProcess(), patching}) {
            QVERIFY(importProcess(*lib, stream).ok());
            QVERIFY(publish(*lib, alice, PublishRequest{stream.key, QStringLiteral("First"), {}}).ok());
        }
        auto record = [&](const char* title, std::optional<QDateTime> occurred) {
            NewIncident incident;
            incident.title = QString::fromLatin1(title);
            incident.stream = QStringLiteral("release");
            incident.injectedStep = QStringLiteral("build");
            incident.occurred = std::move(occurred);
            auto added = addIncident(*lib, incident);
            return added.ok() ? added->key() : added.message();
        };
        auto answer = [&](const QString& key, const char* check) {
            const auto improved =
                improveProcess(*lib, Improvement{key, QString::fromLatin1(check), Stage::Exit, false, {}});
            if (!improved.ok())
                return improved.message();
            auto published =
                publish(*lib, alice, PublishRequest{QStringLiteral("release"), QStringLiteral("Fix"), {key}});
            return published.ok() ? QString() : published.message();
        };

        lib.clock().advance(86400);
        const QString outage = record("Deploy broke checkout", std::nullopt);
        const QString slow = record("Slow rollout", testEpoch().addDays(-30));
        const QString unanswered = record("Flaky smoke test", std::nullopt);
        QCOMPARE((QStringList{outage, slow, unanswered}),
                 (QStringList{QStringLiteral("INC-1"), QStringLiteral("INC-2"), QStringLiteral("INC-3")}));
        expectCurrent(*lib, "after recording incidents");
        QCOMPARE(rowCount(*lib, QStringLiteral("derived_incident_answer")), 0);

        lib.clock().advance(3 * 86400 + 6 * 3600);
        QCOMPARE(answer(outage, "Checkout smoke test"), QString());
        expectCurrent(*lib, "after a revision answered an incident");
        QCOMPARE(leadTimes(*lib), QStringList{QStringLiteral("INC-1 3.2500")});

        // A later revision answers the second, and the first again: the first answer stands.
        lib.clock().advance(86400);
        const auto second =
            improveProcess(*lib, Improvement{slow, QStringLiteral("Rollout canary"), Stage::Exit, false, {}});
        QVERIFY2(second.ok(), qPrintable(second.message()));
        QVERIFY(publish(*lib, alice,
                        PublishRequest{QStringLiteral("release"), QStringLiteral("Canary"), {slow, outage}})
                    .ok());
        expectCurrent(*lib, "after a later revision answered another incident and the first again");
        QCOMPARE(leadTimes(*lib),
                 (QStringList{QStringLiteral("INC-1 3.2500"), QStringLiteral("INC-2 4.2500")}));

        // A whole library imported from JSON writes incidents, revisions and answers in bulk.
        TempLibrary copy;
        QVERIFY(importCopy(*lib, *copy));
        expectCurrent(*copy, "after importing the library");
        QCOMPARE(rows(*copy, storedAnswers), rows(*lib, storedAnswers));

        // Whatever else writes the records (a script, a future correction): the triggers follow it.
        QVERIFY(
            rawExec(lib.path(), QStringLiteral("UPDATE incident SET occurred_at = '2025-06-01T00:00:00Z', "
                                               "stream_id = (SELECT id FROM stream WHERE key = 'patching') "
                                               "WHERE number = 2")));
        expectCurrent(*lib, "after an incident moved to another stream and month behind the product's back");
        QCOMPARE(leadTimes(*lib, QStringLiteral("patching")), QStringList{QStringLiteral("INC-2 4.2500")});
        QCOMPARE(leadTimes(*lib, QStringLiteral("release")), QStringList{QStringLiteral("INC-1 3.2500")});
        QVERIFY(rawExec(lib.path(), QStringLiteral("UPDATE incident SET created_at = 'yesterday', number = 7 "
                                                   "WHERE number = 1")));
        expectCurrent(*lib, "after an incident's number and creation were changed to something unreadable");
        QCOMPARE(leadTimes(*lib),
                 (QStringList{QStringLiteral("INC-2 4.2500"), QStringLiteral("INC-7 0.0000")}));
        QVERIFY(rawExec(lib.path(), QStringLiteral("DELETE FROM revision_answer WHERE revision_id = "
                                                   "(SELECT id FROM revision WHERE number = 3)")));
        expectCurrent(*lib, "after answers were removed behind the product's back");
        QVERIFY(rawExec(lib.path(), QStringLiteral("INSERT INTO revision_answer (revision_id, incident_id) "
                                                   "SELECT v.id, i.id FROM revision v, incident i "
                                                   "WHERE v.number = 3 AND i.number = 3")));
        expectCurrent(*lib, "after an answer was added behind the product's back");
        QCOMPARE(leadTimes(*lib),
                 (QStringList{QStringLiteral("INC-3 4.2500"), QStringLiteral("INC-7 0.0000")}));
        QVERIFY(rawExec(lib.path(), QStringLiteral("DROP TRIGGER revision_immutable_u")));
        QVERIFY(
            rawExec(lib.path(), QStringLiteral("UPDATE revision SET published_at = '2026-03-04T10:00:00Z' "
                                               "WHERE number = 3")));
        expectCurrent(*lib, "after a revision's moment was changed behind the product's back");
        QVERIFY(rawExec(lib.path(), QStringLiteral("DROP TRIGGER revision_immutable_d")));
        QVERIFY(rawExec(lib.path(), QStringLiteral("DELETE FROM revision WHERE number = 2 AND stream_id = "
                                                   "(SELECT id FROM stream WHERE key = 'release')")));
        QVERIFY(rawExec(lib.path(), QStringLiteral("DELETE FROM incident WHERE number = 3")));
        expectCurrent(*lib, "after a revision and an incident were removed behind the product's back");
        QCOMPARE(rowCount(*lib, QStringLiteral("derived_incident_answer")), 0);
    }
};

QTEST_GUILESS_MAIN(TestDerived)
#include "tst_derived.moc"
