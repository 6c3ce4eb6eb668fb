// The runs and incidents lists read as random-access pages: every row a view asks for is the one
// listRuns (or the incident table) has in that place, newest first, however the view gets there —
// the thumb dragged to the end, back to the middle, to the start, row by row either way — under the
// model tester, with filters, keeping the current run across a live refresh, and never holding more
// than a few pages.
#include "incidents/incidentlistmodel.h"
#include "runpages.h"
#include "runs/runlistmodel.h"
#include "runs/runsview.h"
#include "runstestsupport.h"

#include <QAbstractItemModelTester>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace stable;
using namespace stable::test;

namespace {

constexpr int bulkRuns = 3000;

// `count` runs straight into the table (a list test needs many, not their proof), three to a minute
// so that equal start times are told apart by their rowid; most completed (an open run's progress
// is read from its items), some open, some rolled back; all in the release stream (the ops stream,
// never published, has none).
void addBulkRuns(Library& library, int count)
{
    if (!importProcess(library, opsProcess()).ok())
        qFatal("cannot import ops");
    if (!execSql(library.db(),
                 QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                                "INSERT INTO run (id, stream_id, revision_id, title, kind, status, started_at) "
                                "SELECT printf('bulk-%05d', i), (SELECT stream_id FROM revision LIMIT 1), "
                                "(SELECT id FROM revision LIMIT 1), 'Bulk ' || i, 'routine', "
                                "CASE i % 10 WHEN 0 THEN 'open' WHEN 5 THEN 'rolled back' ELSE 'completed' END, "
                                "strftime('%Y-%m-%dT%H:%M:%SZ', '2026-03-01T09:00:00', '-' || (i / 3) || "
                                "' minutes') FROM n")
                     .arg(count))
             .ok())
        qFatal("cannot add runs");
}

// What the runs list must show: listRuns' order (oldest first) reversed.
QStringList newestFirst(Library& library, const RunFilter& filter = {})
{
    auto runs = listRuns(library, filter);
    if (!runs.ok())
        qFatal("cannot list runs: %s", qPrintable(runs.message()));
    QStringList ids;
    for (const Run& run : runs.value())
        ids.prepend(run.id);
    return ids;
}

// The rows a shown view paints from its top to its bottom edge.
QPair<int, int> paintedRows(QTableView& view)
{
    view.viewport()->repaint();
    return {view.rowAt(1), view.rowAt(view.viewport()->height() - 2)};
}

} // namespace

class TestListModels : public QObject
{
    Q_OBJECT
private slots:
    void runsAreServedInListRunsOrderWhereverTheViewGoes()
    {
        RunsFixture fixture([](Library& library) { addBulkRuns(library, bulkRuns); });
        const QStringList expected = newestFirst(fixture.library());
        QCOMPARE(expected.size(), bulkRuns);
        RunListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(fixture.document.get());
        QCOMPARE(model.rowCount(), bulkRuns);   // every run has a row from the start…
        QVERIFY(model.cachedPages() <= 1);      // …and no page is read but the one the tester looked at

        QTableView view;
        view.resize(800, 500);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto [top, bottom] = paintedRows(view);
        QCOMPARE(top, 0);
        QCOMPARE(model.runId(0), expected.first());
        // Bulk 1 and 2 started in the same minute: the later row is the newer.
        QCOMPARE(model.index(0, RunListModel::Title).data().toString(), QStringLiteral("Bulk 2"));
        QCOMPARE(model.index(1, RunListModel::Title).data().toString(), QStringLiteral("Bulk 1"));

        // The thumb dragged to the bottom reads the last page, not the ones above it.
        view.scrollToBottom();
        std::tie(top, bottom) = paintedRows(view);
        QCOMPARE(bottom, bulkRuns - 1);
        QCOMPARE(model.cachedPages(), 2); // the first and the last
        for (int row = top; row <= bottom; ++row)
            QCOMPARE(model.runId(row), expected.at(row));
        QCOMPARE(model.index(bottom, RunListModel::Title).data().toString(), QStringLiteral("Bulk %1").arg(bulkRuns));

        view.scrollTo(model.index(bulkRuns / 2, 0), QAbstractItemView::PositionAtCenter);
        std::tie(top, bottom) = paintedRows(view);
        QVERIFY(top <= bulkRuns / 2 && bulkRuns / 2 <= bottom);
        for (int row = top; row <= bottom; ++row)
            QCOMPARE(model.runId(row), expected.at(row));
        view.scrollToTop();
        QCOMPARE(paintedRows(view).first, 0);
        QCOMPARE(model.runId(0), expected.first());

        // Row by row to the end (each page by keyset from the one before), back to the start (from
        // the one after), and jumps between: the same runs in the same places, a few pages held.
        QStringList down;
        for (int row = 0; row < bulkRuns; ++row) {
            down << model.runId(row);
            QVERIFY(model.cachedPages() <= RunListModel::maxCachedPages);
        }
        QCOMPARE(down, expected);
        for (int row = bulkRuns - 1; row >= 0; --row) {
            QCOMPARE(model.runId(row), expected.at(row));
            QVERIFY(model.cachedPages() <= RunListModel::maxCachedPages);
        }
        for (int row : {bulkRuns - 1, 1799, 17, 2401, 200, 199, 2999, 0, 1400})
            QCOMPARE(model.runId(row), expected.at(row));
        QCOMPARE(model.runId(bulkRuns), QString());

        // A run's row is found whether or not its page is held.
        QCOMPARE(model.rowOf(expected.at(2222)), 2222);
        QCOMPARE(model.rowOf(expected.at(5)), 5);
        QCOMPARE(model.rowOf(QStringLiteral("no-such-run")), -1);

        // An open run's progress comes from its items; a completed one is complete.
        const int open = static_cast<int>(expected.indexOf(QStringLiteral("bulk-00010")));
        QCOMPARE(model.index(open, RunListModel::Status).data().toString(), QStringLiteral("Open"));
        QCOMPARE(model.index(open, RunListModel::Progress).data().toString(), QStringLiteral("0/0"));
        QVERIFY(model.lastError().isEmpty());
    }

    void filtersServeTheirRunsInOrder()
    {
        RunsFixture fixture([](Library& library) { addBulkRuns(library, bulkRuns); });
        RunListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(fixture.document.get());

        RunPageFilter completed;
        completed.status = RunStatus::Completed;
        model.setFilter(completed);
        RunFilter byStatus;
        byStatus.status = RunStatus::Completed;
        const QStringList expected = newestFirst(fixture.library(), byStatus);
        QCOMPARE(model.rowCount(), static_cast<int>(expected.size()));
        QCOMPARE(model.runId(model.rowCount() - 1), expected.last()); // a jump within the filter
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown << model.runId(row);
        QCOMPARE(shown, expected);
        QCOMPARE(model.rowOf(QStringLiteral("bulk-00010")), -1); // open: the filter hides it

        // One day, 09:00 back to midnight: the runs started that day, and no other.
        RunPageFilter day;
        day.startedFrom = QDate(2026, 3, 1);
        day.startedTo = QDate(2026, 3, 1);
        model.setFilter(day);
        QStringList sameDay;
        auto all = listRuns(fixture.library());
        QVERIFY(all.ok());
        for (const Run& run : all.value())
            if (run.startedAt.startsWith(QLatin1String("2026-03-01")))
                sameDay.prepend(run.id);
        QCOMPARE(model.rowCount(), static_cast<int>(sameDay.size()));
        QCOMPARE(model.runId(model.rowCount() - 1), sameDay.last());
        QCOMPARE(model.runId(0), sameDay.first());

        // The ops stream (never published) has no runs.
        auto query = execSql(fixture.library().db(), QStringLiteral("SELECT id FROM stream WHERE key = 'ops'"));
        QVERIFY(query.ok() && query->next());
        RunPageFilter ops;
        ops.streamId = query->value(0).toString();
        model.setFilter(ops);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.runId(0), QString());
    }

    void liveRefreshKeepsTheCurrentRun()
    {
        RunsFixture fixture([](Library& library) { addBulkRuns(library, bulkRuns); });
        RunsView view;
        view.resize(1200, 700);
        view.show();
        view.setDocument(fixture.document.get());
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.runList()->cachedPages(), 1); // column widths from one page, not five
        const QStringList before = newestFirst(fixture.library());
        const QString kept = before.at(2500);
        QVERIFY(view.selectRecord(QStringLiteral("run"), kept));
        auto* list = view.findChild<QTableView*>(QStringLiteral("runList"));
        QVERIFY(list);
        QCOMPARE(list->currentIndex().row(), 2500);
        QCOMPARE(view.currentRunId(), kept);

        // Another instance starts a run: it is the newest, every other run moves down a row.
        {
            auto other = Library::open(fixture.lib.path());
            QVERIFY(other.ok());
            StartRun request;
            request.stream = QStringLiteral("release");
            request.title = QStringLiteral("From the other desk");
            QVERIFY(startRun(*other.value(), request).ok());
        }
        fixture.document->checkForChanges();
        QCOMPARE(view.runList()->rowCount(), bulkRuns + 1);
        QCOMPARE(view.runList()->index(0, RunListModel::Title).data().toString(), QStringLiteral("From the other desk"));
        QCOMPARE(view.currentRunId(), kept);
        QCOMPARE(list->currentIndex().row(), 2501);
        QCOMPARE(view.runList()->runId(2501), kept);
        QVERIFY(view.runList()->cachedPages() <= RunListModel::maxCachedPages);
    }

    void incidentsAreServedNewestFirstWhereverTheViewGoes()
    {
        TempLibrary lib;
        publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        const int total = 1000;
        QVERIFY(execSql(lib->db(),
                        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                                       "INSERT INTO incident (id, number, title, stream_id, occurred_at, created_at, "
                                       "status) SELECT printf('inc-%05d', i), i, 'Defect ' || i, "
                                       "(SELECT id FROM stream WHERE key = 'release'), '2026-02-01T00:00:00Z', "
                                       "'2026-02-01T00:00:00Z', CASE i % 4 WHEN 0 THEN 'open' ELSE 'analysed' END "
                                       "FROM n")
                            .arg(total))
                    .ok());
        IncidentListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLibrary(&*lib);
        QCOMPARE(model.rowCount(), total);
        QCOMPARE(model.matchingCount(), total);

        QTableView view;
        view.resize(800, 500);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(paintedRows(view).first, 0);
        QCOMPARE(model.index(0, IncidentListModel::Key).data().toString(), QStringLiteral("INC-%1").arg(total));
        view.scrollToBottom();
        QCOMPARE(paintedRows(view).second, total - 1);
        QCOMPARE(model.index(total - 1, IncidentListModel::Key).data().toString(), QStringLiteral("INC-1"));
        QCOMPARE(model.cachedPages(), 2);
        view.scrollTo(model.index(total / 2, 0), QAbstractItemView::PositionAtCenter);
        const auto [top, bottom] = paintedRows(view);
        for (int row = top; row <= bottom; ++row)
            QCOMPARE(model.index(row, IncidentListModel::Key).data().toString(), QStringLiteral("INC-%1").arg(total - row));

        for (int row = total - 1; row >= 0; --row) {
            QCOMPARE(model.idAt(row), QStringLiteral("inc-%1").arg(total - row, 5, 10, QLatin1Char('0')));
            QVERIFY(model.cachedPages() <= IncidentListModel::maxCachedPages);
        }
        QCOMPARE(model.rowOfId(QStringLiteral("inc-00002")), total - 2);
        QCOMPARE(model.rowOfId(QStringLiteral("inc-00999")), 1);

        model.setStatusFilter(IncidentStatus::Open);
        QCOMPARE(model.rowCount(), total / 4);
        QCOMPARE(model.idAt(0), QStringLiteral("inc-01000"));
        QCOMPARE(model.idAt(total / 4 - 1), QStringLiteral("inc-00004"));
        QCOMPARE(model.rowOfId(QStringLiteral("inc-00008")), total / 4 - 2);
        QCOMPARE(model.rowOfId(QStringLiteral("inc-00007")), -1); // analysed: hidden
        model.setStatusFilter(std::nullopt);
        model.setSearchText(QStringLiteral("Defect 99"));
        QStringList keys;
        for (int row = 0; row < model.rowCount(); ++row)
            keys << model.index(row, IncidentListModel::Key).data().toString();
        QCOMPARE(keys, (QStringList{QStringLiteral("INC-999"), QStringLiteral("INC-998"), QStringLiteral("INC-997"),
                                    QStringLiteral("INC-996"), QStringLiteral("INC-995"), QStringLiteral("INC-994"),
                                    QStringLiteral("INC-993"), QStringLiteral("INC-992"), QStringLiteral("INC-991"),
                                    QStringLiteral("INC-990"), QStringLiteral("INC-99")}));
    }
};

QTEST_MAIN(TestListModels)
#include "tst_listmodels.moc"
