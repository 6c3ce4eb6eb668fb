// The runs list and the run's header through the widgets: pages of the run table under the model tester
// (tst_listmodels goes further), filters, starting a run in the dialog, another instance's signature
// arriving live, and the execution plan's countdown and rollback flag on the test's fixed clock.
#include "runpages.h"
#include "runs/checklistmodel.h"
#include "runs/runlistmodel.h"
#include "runs/runsview.h"
#include "runs/startrundialog.h"
#include "runstestsupport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

// `count` runs straight into the table (a list test needs many, not their proof): one a minute from
// the epoch backwards, every third completed, all in the release stream
// (the ops stream, never published, has none).
void addManyRuns(Library& library, int count)
{
    if (!importProcess(library, opsProcess()).ok())
        qFatal("cannot import ops");
    const auto run = [&library](const QString& sql) {
        if (!execSql(library.db(), sql).ok())
            qFatal("cannot add runs");
    };
    run(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                       "INSERT INTO run (id, stream_id, revision_id, title, kind, status, started_at) "
                       "SELECT printf('bulk-%05d', i), (SELECT stream_id FROM revision LIMIT 1), "
                       "(SELECT id FROM revision LIMIT 1), 'Bulk ' || i, 'routine', "
                       "CASE WHEN i % 3 = 0 THEN 'completed' ELSE 'open' END, "
                       "strftime('%Y-%m-%dT%H:%M:%SZ', '2026-03-01T09:00:00', '-' || i || ' minutes') FROM n")
            .arg(count));
}

} // namespace

class TestRunsView : public QObject
{
    Q_OBJECT
private slots:
    void listPagesWithKeysetQueries()
    {
        RunsFixture fixture([](Library& library) { addManyRuns(library, 450); });
        RunListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(fixture.document.get());
        QCOMPARE(model.rowCount(), 450); // every run has a row; pages are read as rows are asked for
        QCOMPARE(model.data(model.index(0, RunListModel::Title)).toString(), QStringLiteral("Bulk 1")); // newest
        QCOMPARE(model.data(model.index(399, RunListModel::Title)).toString(), QStringLiteral("Bulk 400"));
        QCOMPARE(model.data(model.index(449, RunListModel::Title)).toString(), QStringLiteral("Bulk 450"));
        QCOMPARE(model.data(model.index(2, RunListModel::Status)).toString(), QStringLiteral("Completed"));
        QCOMPARE(model.data(model.index(0, RunListModel::Progress)).toString(), QStringLiteral("0/0"));

        RunPageFilter completed;
        completed.status = RunStatus::Completed;
        model.setFilter(completed);
        QCOMPARE(model.rowCount(), 150);
        QCOMPARE(model.data(model.index(0, RunListModel::Title)).toString(), QStringLiteral("Bulk 3"));

        RunPageFilter day;
        day.startedFrom = QDate(2026, 3, 1);
        day.startedTo = QDate(2026, 3, 1);
        model.setFilter(day);
        QCOMPARE(model.rowCount(), 450);
        QCOMPARE(countRuns(fixture.library(), day).value(), 450); // 450 minutes before 09:00: same day
        day.startedFrom = QDate(2026, 3, 2);
        day.startedTo = QDate(2026, 3, 9);
        model.setFilter(day);
        QCOMPARE(model.rowCount(), 0);

        // A stream filter keeps only its runs: the ops stream has none.
        RunPageFilter ops;
        auto query = execSql(fixture.library().db(), QStringLiteral("SELECT id FROM stream WHERE key = 'ops'"));
        QVERIFY(query.ok() && query->next());
        ops.streamId = query->value(0).toString();
        model.setFilter(ops);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(countRuns(fixture.library(), RunPageFilter{}).value(), 450);
    }

    void viewFiltersByStreamAndStatus()
    {
        RunsFixture fixture;
        fixture.start(QStringLiteral("Release 4.1.0"));
        const Run second = fixture.start(QStringLiteral("Release 4.2.0"));
        RunsView view;
        QAbstractItemModelTester tester(view.checklist(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setDocument(fixture.document.get());
        QCOMPARE(view.runList()->rowCount(), 2);
        QCOMPARE(view.currentRunId(), second.id); // the most recent is shown first
        auto* status = view.findChild<QComboBox*>(QStringLiteral("statusFilter"));
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("runCount"))->text(), QStringLiteral("2 runs shown"));
        status->setCurrentIndex(status->findText(QStringLiteral("Completed")));
        QCOMPARE(view.runList()->rowCount(), 0);
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("runCount"))->text(), QStringLiteral("0 runs shown"));
        status->setCurrentIndex(status->findText(QStringLiteral("Open")));
        QCOMPARE(view.runList()->rowCount(), 2);
        auto* stream = view.findChild<QComboBox*>(QStringLiteral("streamFilter"));
        stream->setCurrentIndex(stream->findText(QStringLiteral("Software Release")));
        QCOMPARE(view.runList()->rowCount(), 2);
        // The checklist groups by step, then stage: build ▸ exit ▸ 2 items; deploy ▸ entry, exit.
        ChecklistModel* checklist = view.checklist();
        QCOMPARE(checklist->rowCount(), 2);
        QCOMPARE(checklist->index(0, 0).data().toString(), QStringLiteral("Build (build)"));
        QCOMPARE(checklist->rowCount(checklist->index(1, 0)), 2);
        const QModelIndex entry = checklist->index(0, 0, checklist->index(1, 0));
        QCOMPARE(entry.data().toString(), QStringLiteral("Entry"));
        const QModelIndex go = checklist->index(0, ChecklistModel::Signatures, entry);
        QCOMPARE(go.data().toString(), QStringLiteral("— · —")); // critical: two slots
        QVERIFY(checklist->index(0, 0, entry).data().toString().contains(QStringLiteral("[critical]")));
    }

    void startRunThroughTheDialog()
    {
        RunsFixture fixture([](Library& library) {
            if (!importProcess(library, opsProcess()).ok())
                qFatal("cannot import ops");
        });
        RunsView view;
        view.setDocument(fixture.document.get());
        QString refusal;
        bool startEnabled = true;
        whenDialog<StartRunDialog>([&](StartRunDialog& dialog) {
            auto* stream = dialog.findChild<QComboBox*>(QStringLiteral("stream"));
            stream->setCurrentIndex(stream->findText(QStringLiteral("Operations (ops)")));
            auto* message = dialog.findChild<QLabel*>(QStringLiteral("message"));
            refusal = message->isHidden() ? QString() : message->text();
            startEnabled = dialog.findChild<QPushButton*>(QStringLiteral("startButton"))->isEnabled();
            stream->setCurrentIndex(stream->findText(QStringLiteral("Software Release (release)")));
            auto* kind = dialog.findChild<QComboBox*>(QStringLiteral("kind"));
            kind->setCurrentIndex(kind->findText(QStringLiteral("Execution plan")));
            dialog.findChild<QLineEdit*>(QStringLiteral("title"))->setText(QStringLiteral("Night change 12"));
            auto* rollback = dialog.findChild<QDateTimeEdit*>(QStringLiteral("rollbackPoint"));
            QVERIFY(rollback->isEnabled());
            QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
        });
        view.startRun();
        QVERIFY2(refusal.contains(QStringLiteral("no published revision")), qPrintable(refusal));
        QVERIFY(!startEnabled);
        QCOMPARE(fixture.count(QStringLiteral("run")), 1);
        QCOMPARE(view.runList()->rowCount(), 1);
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("runCount"))->text(), QStringLiteral("1 run shown"));
        QCOMPARE(view.runList()->index(0, RunListModel::Title).data().toString(), QStringLiteral("Night change 12"));
        QCOMPARE(view.runList()->index(0, RunListModel::Kind).data().toString(), QStringLiteral("Execution plan"));
        QCOMPARE(view.runList()->index(0, RunListModel::Progress).data().toString(), QStringLiteral("0/4"));
        QCOMPARE(view.currentRun().title, QStringLiteral("Night change 12"));
        QVERIFY(!view.currentRun().rollbackPoint.isEmpty());
    }

    void anotherInstanceSigningShowsLive()
    {
        RunsFixture fixture;
        const Run run = fixture.start(QStringLiteral("Release 4.2.0"));
        RunsView view;
        view.setDocument(fixture.document.get());
        const QString smoke = run.items.at(3).id;
        QVERIFY(view.selectItem(smoke));
        {
            auto other = Library::open(fixture.lib.path());
            QVERIFY(other.ok());
            auto signer = authenticate(*other.value(), QStringLiteral("BK"), QStringLiteral("1234"));
            QVERIFY(signer.ok());
            SignRequest request;
            request.run = run.id;
            request.item = QStringLiteral("build/tests");
            QVERIFY(sign(*other.value(), signer.value(), request).ok());
        }
        fixture.document->checkForChanges();
        const QModelIndex tests = view.checklist()->indexOfItem(run.items.at(0).id, ChecklistModel::State);
        QCOMPARE(tests.data().toString(), QStringLiteral("Passed"));
        QCOMPARE(view.currentItemId(), smoke); // the user's place is kept
        QCOMPARE(view.runList()->index(0, RunListModel::Progress).data().toString(), QStringLiteral("1/4"));
    }

    void executionPlanCountsDownToTheRollbackPoint()
    {
        RunsFixture fixture;
        fixture.start(QStringLiteral("Night change 12"), RunKind::Plan);
        RunsView view;
        view.setDocument(fixture.document.get());
        auto* countdown = view.findChild<QLabel*>(QStringLiteral("countdown"));
        auto* flag = view.findChild<QLabel*>(QStringLiteral("rollbackFlag"));
        QCOMPARE(countdown->text(), QStringLiteral("Rollback point in 1 h 00 min 00 s"));
        QVERIFY(flag->isHidden());
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("runHeader"))->text().contains(QStringLiteral("Rollback point:")));
        fixture.clock->advance(3600 + 125);
        view.tick();
        QCOMPARE(countdown->text(), QStringLiteral("Rollback point passed 0 h 02 min 05 s ago"));
        QVERIFY(!flag->isHidden());
        QVERIFY2(flag->text().contains(QStringLiteral("Past the rollback point with 4 of 4 items not done")),
                 qPrintable(flag->text()));
    }
};

QTEST_MAIN(TestRunsView)
#include "tst_runsview.moc"
