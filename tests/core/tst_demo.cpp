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

#include <QJsonDocument>
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
