// The demo library: the same seed gives the same history, and the history tells the story a newcomer
// should see — failures, incidents traced upstream, new revisions, and a hidden factory that shrinks.
#include "audit.h"
#include "demo.h"
#include "incidents.h"
#include "integrity.h"
#include "libraryjson.h"
#include "metrics.h"
#include "people.h"
#include "revisions.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <memory>

using namespace stable;
using namespace stable::test;

namespace {

DemoOptions yearTo(QDate end, quint32 seed)
{
    DemoOptions options;
    options.months = 12;
    options.seed = seed;
    options.endDate = end;
    return options;
}

const QDate endOfHistory(2026, 2, 28);

// The same seed must give the same history but for ids, hashes and salted PIN hashes.
QByteArray withoutRandomParts(Library& library)
{
    auto document = exportLibrary(library);
    if (!document.ok())
        return "export failed: " + document.message().toUtf8();
    return withPlaceholders(libraryDocumentBytes(document.value()));
}

qint64 count(Library& library, const QString& sql)
{
    auto query = execSql(library.db(), sql);
    return query.ok() && query->next() ? query->value(0).toLongLong() : -1;
}

// The indexes, triggers and tables of a library, as its file stores them.
QStringList schemaOf(Library& library)
{
    QStringList objects;
    auto query = execSql(library.db(), QStringLiteral("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"));
    while (query.ok() && query->next())
        objects.append(query->value(0).toString() + QLatin1Char(' ') + query->value(1).toString() + QLatin1Char(' ') +
                       query->value(2).toString());
    return objects;
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TempLibrary> m_demo; // seed 7, shared by the tests that only read it

private slots:
    void initTestCase()
    {
        m_demo = std::make_unique<TempLibrary>();
        const Status made = generateDemo(**m_demo, yearTo(endOfHistory, 7));
        QVERIFY2(made.ok(), qPrintable(made.message()));
    }

    // One month keeps the suite quick; the seed drives every choice from the first day on.
    void theSameSeedGivesTheSameLibrary()
    {
        DemoOptions month = yearTo(endOfHistory, 5);
        month.months = 1;
        TempLibrary first;
        TempLibrary again;
        TempLibrary other;
        QVERIFY(generateDemo(*first, month).ok());
        QVERIFY(generateDemo(*again, month).ok());
        month.seed = 6;
        QVERIFY(generateDemo(*other, month).ok());
        const QByteArray bytes = withoutRandomParts(*first);
        QVERIFY(bytes.size() > 100000);
        QCOMPARE(withoutRandomParts(*again), bytes);
        QVERIFY2(withoutRandomParts(*other) != bytes, "another seed gives another history");
        auto verified = verifyLibrary(*other);
        QVERIFY2(verified.ok() && verified->ok,
                 qPrintable(verified.ok() ? verified->firstProblem : verified.message()));
    }

    void everyRecordIsInTheSimulatedYearAndVerifies()
    {
        Library& library = **m_demo;
        auto verified = verifyLibrary(library);
        QVERIFY2(verified.ok(), qPrintable(verified.message()));
        QVERIFY2(verified->ok, qPrintable(verified->firstProblem));
        QVERIFY(verified->attestations > 1000);
        // The team was set up two weeks before the history starts; nothing is dated after its last day.
        QCOMPARE(count(library, QStringLiteral("SELECT count(*) FROM audit_event WHERE at < '2025-02-15' OR "
                                               "at > '2026-02-28T23:59:59Z'")),
                 0);
        QCOMPARE(count(library, QStringLiteral("SELECT count(*) FROM run WHERE started_at < '2025-03-01'")),
                 0);
        // The caller's clock is back.
        QCOMPARE(library.clock().now(), m_demo->clock().now());
        m_demo->clock().advance(60);
        QCOMPARE(library.clock().now(), m_demo->clock().now());
    }

    void theCastAndTheProcesses()
    {
        Library& library = **m_demo;
        auto people = listPeople(library);
        QVERIFY(people.ok());
        QCOMPARE(people->size(), 5);
        QStringList roles;
        for (const Person& person : people.value())
            roles.append(person.role);
        roles.sort();
        QCOMPARE(roles, (QStringList{QStringLiteral("DBA"), QStringLiteral("Developer"),
                                     QStringLiteral("Release manager"), QStringLiteral("Service owner"),
                                     QStringLiteral("Tester")}));
        // Every demo person signs with the PIN the README gives.
        auto signer = authenticate(library, QStringLiteral("MJ"), QLatin1String(demoPin));
        QVERIFY2(signer.ok(), qPrintable(signer.message()));

        auto streams = listStreams(library);
        QVERIFY(streams.ok());
        QCOMPARE(streams->size(), 3);
        int improved = 0;
        for (const StreamSummary& stream : streams.value())
            improved += stream.latestRevision >= 2 ? 1 : 0;
        QVERIFY2(improved >= 2, "improvements were published as new revisions");

        QVERIFY(count(library, QStringLiteral("SELECT count(*) FROM run WHERE kind = 'release'")) >= 90);
        QVERIFY(count(library, QStringLiteral("SELECT count(*) FROM run WHERE kind = 'routine'")) >= 45);
        QCOMPARE(count(library, QStringLiteral("SELECT count(*) FROM run WHERE kind = 'plan'")), 13);
        QVERIFY(count(library, QStringLiteral("SELECT count(*) FROM run WHERE status = 'rolled back'")) >= 2);
        // Tonight's change is under way: one execution plan, part signed, its rollback point ahead.
        QCOMPARE(count(library, QStringLiteral("SELECT count(*) FROM run WHERE status = 'open'")), 1);
        QCOMPARE(count(library, QStringLiteral("SELECT count(*) FROM run WHERE status = 'open' AND kind = 'plan' "
                                               "AND rollback_point > started_at")), 1);
        QVERIFY(count(library, QStringLiteral("SELECT count(*) FROM attestation a JOIN run r ON r.id = a.run_id "
                                              "WHERE r.status = 'open'")) >= 9);
        QVERIFY(count(library,
                      QStringLiteral("SELECT count(*) FROM run WHERE title LIKE 'Patch cycle 20__-W__'")) >=
                45);
        QVERIFY(
            count(library,
                  QStringLiteral(
                      "SELECT count(*) FROM run WHERE title = 'Upgrade PostgreSQL 13 → 15 on db-prod-2'")) ==
            1);
        QVERIFY(count(library, QStringLiteral("SELECT count(*) FROM attestation_void")) >= 1);
        QVERIFY(count(library, QStringLiteral("SELECT count(*) FROM attestation WHERE outcome = 'na'")) >= 1);
        QCOMPARE(count(library, QStringLiteral("SELECT value FROM setting WHERE key = 'hourly-rate'")), 85);
    }

    void failuresBecomeIncidentsAndImprovements()
    {
        Library& library = **m_demo;
        const qint64 fails =
            count(library, QStringLiteral("SELECT count(*) FROM attestation WHERE outcome = 'fail'"));
        const auto failedShare = [&library](const char* from, const char* to) {
            return count(
                library,
                QStringLiteral("SELECT 100 * count(DISTINCT a.run_id) / (SELECT count(*) FROM run WHERE "
                               "started_at BETWEEN '%1' AND '%2') FROM attestation a JOIN run r ON "
                               "r.id = a.run_id WHERE a.outcome = 'fail' AND r.started_at BETWEEN "
                               "'%1' AND '%2'")
                    .arg(QLatin1String(from), QLatin1String(to)));
        };
        qInfo("runs with a first-attempt failure: %lld%% in the first quarter, %lld%% in the last",
              failedShare("2025-03", "2025-06"), failedShare("2025-12", "2026-03"));
        QVERIFY(failedShare("2025-03", "2025-06") > failedShare("2025-12", "2026-03"));
        QVERIFY2(fails >= 10, qPrintable(QString::number(fails)));

        auto incidents = listIncidents(library);
        QVERIFY(incidents.ok());
        QSet<IncidentStatus> statuses;
        int downstream = 0;
        for (const Incident& incident : incidents.value()) {
            statuses.insert(incident.status);
            if (!incident.injectedStepId.isEmpty() && incident.injectedStepId != incident.detectedStepId)
                ++downstream;
            if (incident.status != IncidentStatus::Open)
                QVERIFY2(incident.whys.size() >= 3 && !incident.rootCause.isEmpty(),
                         qPrintable(incident.title));
        }
        QVERIFY2(statuses.size() >= 3, "incidents in several statuses");
        QVERIFY(statuses.contains(IncidentStatus::Open));
        QVERIFY(downstream >= 1);

        auto measures = computeMeasures(library);
        QVERIFY2(measures.ok(), qPrintable(measures.message()));
        QVERIFY2(measures->repeatDefects >= 1, "a repeat defect shows that prevention can fail");
        QVERIFY(measures->shiftLeftIndex.has_value());
        QVERIFY(measures->copq > 0);
        QVERIFY(count(library,
                      QStringLiteral(
                          "SELECT count(*) FROM quality_check WHERE origin_incident_id IS NOT NULL")) >= 4);
        QVERIFY(count(library, QStringLiteral("SELECT count(*) FROM revision_answer")) >= 4);
    }

    void theHiddenFactoryShrinks()
    {
        auto measures = computeMeasures(**m_demo);
        QVERIFY2(measures.ok(), qPrintable(measures.message()));
        const QList<MonthFactory>& months = measures->hiddenFactory;
        QCOMPARE(months.size(), 12);
        QCOMPARE(months.first().month, QStringLiteral("2025-03"));
        QCOMPARE(months.last().month, QStringLiteral("2026-02"));
        const auto mean = [&months](int from, int to) {
            double sum = 0;
            for (int i = from; i < to; ++i)
                sum += months.at(i).percent.value_or(0);
            return sum / (to - from);
        };
        QStringList shown;
        for (const MonthFactory& month : months)
            shown.append(QStringLiteral("%1 %2%").arg(month.month).arg(month.percent.value_or(0), 0, 'f', 1));
        qInfo("hidden factory: %s", qPrintable(shown.join(QStringLiteral(", "))));
        const double early = mean(0, 3);
        const double late = mean(9, 12);
        QVERIFY2(early > late, qPrintable(QStringLiteral("early %1%, late %2%").arg(early).arg(late)));
        QVERIFY2(early >= 22 && early <= 40, qPrintable(QStringLiteral("early %1%").arg(early)));
        QVERIFY2(late >= 5 && late <= 15, qPrintable(QStringLiteral("late %1%").arg(late)));
        for (const MonthFactory& month : months)
            QVERIFY2(month.teamHours >= 600 && month.teamHours <= 850, qPrintable(month.month));
    }

    void theDemoTravelsWholeInTheLibraryDocument()
    {
        const QByteArray exported = libraryDocumentBytes(exportLibrary(**m_demo).value());
        TempLibrary copy;
        const Status imported = importLibrary(*copy, exported, QStringLiteral("demo.json"));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(libraryDocumentBytes(exportLibrary(*copy).value()), exported);
        auto verified = verifyLibrary(*copy);
        QVERIFY2(verified.ok() && verified->ok,
                 qPrintable(verified.ok() ? verified->firstProblem : verified.message()));
    }

    // The large library's shape, on one month of it (the decade is for the benchmarks): its history
    // is written in bulk, and must still be what signing would have written.
    void aMonthOfTheLargeLibraryVerifies()
    {
        TempLibrary large;
        const QStringList schema = schemaOf(*large);
        DemoOptions options = yearTo(endOfHistory, 1);
        options.scale = DemoOptions::Scale::Large;
        options.months = 1;
        const Status made = generateDemo(*large, options);
        QVERIFY2(made.ok(), qPrintable(made.message()));
        QCOMPARE(rowCount(*large, QStringLiteral("stream")), 50);
        QCOMPARE(rowCount(*large, QStringLiteral("step")), 2000);
        QVERIFY(rowCount(*large, QStringLiteral("quality_check")) >= 9900);
        QVERIFY(rowCount(*large, QStringLiteral("run")) >= 400);
        QVERIFY(rowCount(*large, QStringLiteral("attestation")) > rowCount(*large, QStringLiteral("run_item")) / 2);
        QVERIFY(rowCount(*large, QStringLiteral("incident")) >= 100);
        QVERIFY(rowCount(*large, QStringLiteral("rework")) >= 1000);
        auto verified = verifyLibrary(*large);
        QVERIFY2(verified.ok() && verified->ok,
                 qPrintable(verified.ok() ? verified->firstProblem : verified.message()));
        QVERIFY(verified->attestations > 0);
        auto measures = computeMeasures(*large, {});
        QVERIFY2(measures.ok(), qPrintable(measures.message()));
        QCOMPARE(measures->streams.size(), 50);

        // Written in bulk with indexes, triggers, journal and foreign keys set aside: all of them are back.
        QCOMPARE(schemaOf(*large), schema);
        QCOMPARE(count(*large, QStringLiteral("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'")), 1);
        QCOMPARE(count(*large, QStringLiteral("SELECT foreign_keys FROM pragma_foreign_keys")), 1);
        QCOMPARE(count(*large, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
        // The first-pass summaries count every step of every closed run, as the triggers would have.
        const qint64 closedSteps = count(*large, QStringLiteral(
            "SELECT count(*) FROM (SELECT DISTINCT i.run_id, i.step_id FROM run_item i JOIN run r ON r.id = i.run_id "
            "WHERE r.status IN ('completed', 'rolled back'))"));
        QVERIFY(closedSteps > 1000);
        QCOMPARE(count(*large, QStringLiteral("SELECT sum(closed_runs) FROM derived_step_month")), closedSteps);
        QVERIFY(count(*large, QStringLiteral("SELECT sum(closed_runs - first_pass) FROM derived_step_month")) > 0);
        // derived_run_step, written run by run, is what 005_performance.sql's fill computes.
        const QString fill = QStringLiteral(
            "SELECT ri.run_id, ri.step_id, max(CASE WHEN a.id IS NOT NULL AND v.id IS NULL THEN 1 ELSE 0 END) "
            "FROM run_item ri LEFT JOIN attestation a ON a.item_id = ri.id AND a.outcome = 'fail' "
            "LEFT JOIN attestation_void v ON v.attestation_id = a.id GROUP BY ri.run_id, ri.step_id");
        QCOMPARE(count(*large, QStringLiteral("SELECT count(*) FROM derived_run_step")), closedSteps + count(*large,
            QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT i.run_id, i.step_id FROM run_item i JOIN run r "
                           "ON r.id = i.run_id WHERE r.status = 'open')")));
        QCOMPARE(count(*large, QStringLiteral("SELECT count(*) FROM (%1 EXCEPT SELECT run_id, step_id, failed FROM "
                                              "derived_run_step)").arg(fill)), 0);
        // Each answered incident's first answer, filled by 008_incident_answers.sql's own statement.
        const QString answers = QStringLiteral(
            "SELECT i.id, i.number, i.stream_id, i.occurred_at, i.created_at, min(v.published_at), "
            "(unixepoch(min(v.published_at)) - unixepoch(i.created_at)) / 86400.0 FROM incident i "
            "JOIN revision_answer ra ON ra.incident_id = i.id JOIN revision v ON v.id = ra.revision_id GROUP BY i.id");
        const QString stored = QStringLiteral("SELECT incident_id, number, stream_id, occurred_at, created_at, "
                                              "published_at, days FROM derived_incident_answer");
        QVERIFY(count(*large, QStringLiteral("SELECT count(*) FROM derived_incident_answer")) > 0);
        QCOMPARE(count(*large, QStringLiteral("SELECT count(*) FROM derived_incident_answer")),
                 count(*large, QStringLiteral("SELECT count(*) FROM (%1)").arg(answers)));
        QCOMPARE(count(*large, QStringLiteral("SELECT count(*) FROM (%1 EXCEPT %2)").arg(answers, stored)), 0);
        // Every event's JSON is as canonicalJson writes it.
        auto events = execSql(large->db(), QStringLiteral("SELECT seq, before, after FROM audit_event"));
        QVERIFY(events.ok());
        while (events->next())
            for (int column : {1, 2}) {
                const QString text = events->value(column).toString();
                if (!text.isEmpty())
                    QVERIFY2(canonicalJson(QJsonDocument::fromJson(text.toUtf8()).object()) == text,
                             qPrintable(events->value(0).toString() + QLatin1Char(' ') + text));
            }
    }

    // The decade's story, told by half a year of the large library (a short history compresses it):
    // a few steps cause most of the trouble, their incidents are answered by revisions that add checks
    // and verified by the runs that follow, and the hidden factory shrinks.
    void theLargeLibraryTellsTheStory()
    {
        TempLibrary large;
        DemoOptions options = yearTo(endOfHistory, 2);
        options.scale = DemoOptions::Scale::Large;
        options.months = 6;
        const Status made = generateDemo(*large, options);
        QVERIFY2(made.ok(), qPrintable(made.message()));
        auto verified = verifyLibrary(*large);
        QVERIFY2(verified.ok() && verified->ok,
                 qPrintable(verified.ok() ? verified->firstProblem : verified.message()));
        auto measures = computeMeasures(*large, {});
        QVERIFY2(measures.ok(), qPrintable(measures.message()));

        // The hidden factory: about a third of the team's hours at first, under a tenth at the end, and
        // it costs money; fire-fighting falls faster than planned rework.
        const QList<MonthFactory>& months = measures->hiddenFactory;
        QCOMPARE(months.size(), 7); // the first one a few days
        const MonthFactory& first = months.at(1);
        QVERIFY2(*first.percent > 25 && *months.last().percent < 13,
                 qPrintable(QStringLiteral("%1% → %2%").arg(*first.percent).arg(*months.last().percent)));
        QVERIFY(measures->copq >= 95 * measures->reworkHours - 0.01);
        const auto share = [](const MonthFactory& month, ReworkKind kind) {
            return month.hoursByKind.value(kind) / month.reworkHours;
        };
        QVERIFY(share(first, ReworkKind::FireFighting) > 2 * share(months.last(), ReworkKind::FireFighting));
        QVERIFY(share(first, ReworkKind::Rework) < share(months.last(), ReworkKind::Rework));

        // Pareto: a fifth of the steps carry about four fifths of the rework hours.
        const qint64 steps = rowCount(*large, QStringLiteral("step"));
        const qint64 topFifth = count(*large, QStringLiteral(
            "SELECT CAST(1000 * sum(h) / (SELECT sum(hours) FROM rework) AS INTEGER) FROM (SELECT sum(hours) AS h "
            "FROM rework GROUP BY step_id ORDER BY h DESC LIMIT %1)").arg(steps / 5));
        QVERIFY2(topFifth > 700, qPrintable(QStringLiteral("%1 ‰").arg(topFifth)));

        // Incidents move on: most are answered by a revision, then verified by the runs since (three
        // passes: in half a year, only the daily routines get there); a revision answers them as
        // publishing does (its event lists them), after they were recorded.
        const IncidentCounts& incidents = measures->incidents;
        QVERIFY2(incidents.prevented + incidents.verified > incidents.analysed && incidents.verified > 0 &&
                     incidents.open > 0,
                 qPrintable(QStringLiteral("%1 open, %2 analysed, %3 prevented, %4 verified")
                                .arg(incidents.open).arg(incidents.analysed).arg(incidents.prevented)
                                .arg(incidents.verified)));
        QCOMPARE(count(*large, QStringLiteral("SELECT count(DISTINCT incident_id) FROM revision_answer")),
                 qint64(incidents.prevented + incidents.verified));
        QCOMPARE(count(*large, QStringLiteral("SELECT count(*) FROM revision_answer a JOIN incident i ON i.id = "
                                              "a.incident_id JOIN revision v ON v.id = a.revision_id WHERE "
                                              "v.published_at <= i.created_at OR i.prevented_at <> v.published_at")),
                 0);
        auto published = execSql(large->db(), QStringLiteral("SELECT v.id, e.after FROM revision v JOIN audit_event e "
                                                             "ON e.entity = 'revision' AND e.entity_id = v.id"));
        QVERIFY(published.ok());
        while (published->next()) {
            const QJsonArray listed =
                QJsonDocument::fromJson(published->value(1).toString().toUtf8()).object().value(QStringLiteral("answers")).toArray();
            QCOMPARE(qint64(listed.size()),
                     count(*large, QStringLiteral("SELECT count(*) FROM revision_answer WHERE revision_id = '%1'")
                                       .arg(published->value(0).toString())));
        }
        // Verified exactly when the product would have: its own rule finds nothing left to verify.
        {
            WriteTransaction transaction(*large, Change::Incidents);
            QVERIFY(transaction.begin().ok());
            QVERIFY(updateIncidentVerification(transaction).ok());
            QCOMPARE(count(*large, QStringLiteral("SELECT count(*) FROM incident WHERE status = 'verified'")),
                     qint64(incidents.verified));
            transaction.rollback();
        }
        // A recurrence is rare, and always of an incident a revision had answered: a repeat defect.
        const qint64 recurrences = count(*large, QStringLiteral("SELECT count(*) FROM incident WHERE recurrence_of_id IS NOT NULL"));
        QCOMPARE(qint64(measures->repeatDefects), recurrences);
        QVERIFY(recurrences * 50 < rowCount(*large, QStringLiteral("incident")));

        // The steps that got a check born from their incidents pass first time more often since.
        const QString improvedRuns = QStringLiteral(
            "WITH improved AS (SELECT q.step_id, min(v.published_at) AS at FROM quality_check q JOIN revision_check "
            "c ON c.check_id = q.id JOIN revision v ON v.id = c.revision_id WHERE q.origin_incident_id IS NOT NULL "
            "GROUP BY q.step_id) SELECT CAST(1000000 * avg(d.failed) AS INTEGER) FROM derived_run_step d JOIN run r "
            "ON r.id = d.run_id JOIN improved i ON i.step_id = d.step_id WHERE (r.started_at >= i.at) = %1");
        const qint64 failedBefore = count(*large, improvedRuns.arg(0));
        const qint64 failedSince = count(*large, improvedRuns.arg(1));
        QVERIFY2(failedSince * 10 < failedBefore * 6, qPrintable(QStringLiteral("%1 → %2 ppm").arg(failedBefore).arg(failedSince)));
    }

    void refusals()
    {
        TempLibrary empty;
        DemoOptions none = yearTo(endOfHistory, 1);
        none.months = 0;
        const Status refusedMonths = generateDemo(*empty, none);
        QVERIFY(!refusedMonths.ok());
        QVERIFY2(refusedMonths.message().contains(QStringLiteral("1 to 120 months")),
                 qPrintable(refusedMonths.message()));
        QCOMPARE(rowCount(*empty, QStringLiteral("audit_event")), 0);

        TempLibrary used;
        used.signer(QStringLiteral("Dana Already"), QStringLiteral("DA"));
        const qint64 events = rowCount(*used, QStringLiteral("audit_event"));
        const Status refusedUsed = generateDemo(*used, yearTo(endOfHistory, 1));
        QVERIFY(!refusedUsed.ok());
        QVERIFY2(refusedUsed.message().contains(QStringLiteral("only a new, empty library")),
                 qPrintable(refusedUsed.message()));
        QCOMPARE(rowCount(*used, QStringLiteral("audit_event")), events);
        QCOMPARE(rowCount(*used, QStringLiteral("person")), 1);
    }

    void theHistoryEndsTodayByDefault()
    {
        // The caller's clock says it is 2026-03-01 10:00: nothing may happen after that.
        TempLibrary library;
        DemoOptions options;
        options.months = 1;
        options.seed = 3;
        const Status made = generateDemo(*library, options);
        QVERIFY2(made.ok(), qPrintable(made.message()));
        QCOMPARE(count(*library,
                       QStringLiteral("SELECT count(*) FROM audit_event WHERE at > '2026-03-01T10:00:00Z'")),
                 0);
        QVERIFY(count(*library,
                      QStringLiteral("SELECT count(*) FROM run WHERE started_at >= '2026-02-01'")) >= 8);
        QCOMPARE(count(*library, QStringLiteral("SELECT count(*) FROM team_hours WHERE month = '2026-02'")),
                 1);
    }

    // A clock handed to the library and owned by nobody else survives the demo's own clock and is back.
    void theCallersClockComesBackWhenOnlyTheLibraryHoldsIt()
    {
        TempLibrary library;
        const QDateTime moment = testEpoch().addDays(1);
        auto clock = std::make_shared<FixedClock>(moment);
        const std::weak_ptr<Clock> watched = clock;
        library->setClock(std::move(clock));
        DemoOptions options;
        options.months = 1;
        options.seed = 4;
        const Status made = generateDemo(*library, options);
        QVERIFY2(made.ok(), qPrintable(made.message()));
        QVERIFY2(!watched.expired(), "the caller's clock was destroyed while the demo ran");
        QCOMPARE(library->sharedClock(), watched.lock());
        QCOMPARE(library->clock().now(), moment);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
