// The navigator's tree and search, and the step editor's check table, on a real library under
// QAbstractItemModelTester: rows follow edits, undo and other instances' commits in place.
#include "checktablemodel.h"
#include "edits.h"
#include "incidents.h"
#include "librarytestsupport.h"
#include "navigatormodel.h"
#include "trywait.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QPersistentModelIndex>
#include <QTest>

using namespace stable;
using namespace stable::test;

class TestNavigatorModel : public QObject
{
    Q_OBJECT
private slots:
    void showsStreamsStepsAndChecks();
    void followsEditsKeepingPersistentIndexes();
    void followsOtherInstances();
    void searchesNamesProceduresChecksAndIncidents();
    void checkTableEditsAndSorts();
    void dragReordersStepsAndChecksUndoably();
    void dragRefusesAnotherParent();
    void stepsNumberedByTheirOwnNamesAreNotNumberedTwice();
};

namespace {

QStringList childNames(const QAbstractItemModel& model, const QModelIndex& parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names.append(model.index(row, 0, parent).data().toString());
    return names;
}

} // namespace

void TestNavigatorModel::showsStreamsStepsAndChecks()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    NavigatorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());

    QCOMPARE(model.rowCount(), 1);
    const QModelIndex stream = model.index(0, 0);
    QCOMPARE(stream.data().toString(), QStringLiteral("Software Release"));
    QCOMPARE(model.index(0, NavigatorModel::DetailColumn).data().toString(), QStringLiteral("2 steps · 4 checks · r1"));
    QCOMPARE(stream.data(NavigatorModel::KindRole).toString(), QStringLiteral("stream"));
    QCOMPARE(childNames(model, stream), QStringList({QStringLiteral("1. Build"), QStringLiteral("2. Deploy")}));
    const QModelIndex deploy = model.index(1, 0, stream);
    QCOMPARE(model.index(1, NavigatorModel::DetailColumn, stream).data().toString(), QStringLiteral("2 checks"));
    QCOMPARE(childNames(model, deploy),
             QStringList({QStringLiteral("All stored procedures confirmed to have 'Go' at the end"),
                          QStringLiteral("Smoke test of the login and checkout pages passes")}));
    QCOMPARE(model.index(0, NavigatorModel::DetailColumn, deploy).data().toString(), QStringLiteral("entry · critical"));
    QCOMPARE(model.indexOf(stepIdOf(document->library(), QStringLiteral("deploy"))), deploy);
}

void TestNavigatorModel::followsEditsKeepingPersistentIndexes()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    NavigatorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    const QModelIndex stream = model.index(0, 0);
    const QPersistentModelIndex deploy = model.index(1, 0, stream);
    const QString deployId = stepIdOf(library, QStringLiteral("deploy"));

    QVERIFY(edits::setStepField(*document, deployId, edits::StepField::Name, QStringLiteral("Ship")).ok());
    QVERIFY(deploy.isValid());
    QCOMPARE(deploy.data().toString(), QStringLiteral("2. Ship"));
    QCOMPARE(model.index(0, NavigatorModel::DetailColumn).data().toString(),
             QStringLiteral("2 steps · 4 checks · r1 · draft changed"));

    QVERIFY(edits::moveStep(*document, deployId, 0).ok());
    QVERIFY(deploy.isValid());
    QCOMPARE(deploy.row(), 0);
    QCOMPARE(deploy.data().toString(), QStringLiteral("1. Ship"));

    QVERIFY(edits::removeStep(*document, stepIdOf(library, QStringLiteral("build"))).ok());
    QCOMPARE(childNames(model, stream), QStringList({QStringLiteral("1. Ship")}));
    document->undoStack().undo();
    QCOMPARE(childNames(model, stream), QStringList({QStringLiteral("1. Ship"), QStringLiteral("2. Build")}));
    document->undoStack().undo();
    document->undoStack().undo();
    QCOMPARE(childNames(model, stream), QStringList({QStringLiteral("1. Build"), QStringLiteral("2. Deploy")}));
    QCOMPARE(deploy.row(), 1);
    QCOMPARE(model.index(0, NavigatorModel::DetailColumn).data().toString(), QStringLiteral("2 steps · 4 checks · r1"));
}

void TestNavigatorModel::followsOtherInstances()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    NavigatorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    const QPersistentModelIndex deploy = model.index(1, 0, model.index(0, 0));

    auto other = Library::open(lib.path());
    QVERIFY(other.ok());
    Step verify;
    verify.key = QStringLiteral("verify");
    verify.name = QStringLiteral("Verify");
    QVERIFY(addStep(*other.value(), QStringLiteral("release"), verify, 0).ok());
    document->checkForChanges();

    QCOMPARE(childNames(model, model.index(0, 0)),
             QStringList({QStringLiteral("1. Verify"), QStringLiteral("2. Build"), QStringLiteral("3. Deploy")}));
    QCOMPARE(deploy.row(), 2);
    QCOMPARE(deploy.data().toString(), QStringLiteral("3. Deploy"));
}

void TestNavigatorModel::searchesNamesProceduresChecksAndIncidents()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    NewIncident incident;
    incident.title = QStringLiteral("Checkout returned 500 after release");
    incident.stream = QStringLiteral("release");
    incident.detectedStep = QStringLiteral("deploy");
    QVERIFY(addIncident(document->library(), incident).ok());

    NavigatorModel model;
    NavigatorFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    const auto stepsShown = [&filter] { return childNames(filter, filter.index(0, 0)); };

    filter.setSearchText(QStringLiteral("pipeline")); // Build's procedure
    QCOMPARE(stepsShown(), QStringList({QStringLiteral("1. Build")}));
    filter.setSearchText(QStringLiteral("500 release")); // the incident detected at Deploy
    QCOMPARE(stepsShown(), QStringList({QStringLiteral("2. Deploy")}));
    filter.setSearchText(QStringLiteral("checksum")); // a check statement: its step shows as the way to it
    QCOMPARE(stepsShown(), QStringList({QStringLiteral("1. Build")}));
    QCOMPARE(childNames(filter, filter.index(0, 0, filter.index(0, 0))),
             QStringList({QStringLiteral("Package checksum recorded in the release ticket")}));
    filter.setSearchText(QStringLiteral("DEPLOY")); // a step name, any case: its checks come along
    QCOMPARE(stepsShown(), QStringList({QStringLiteral("2. Deploy")}));
    QCOMPARE(filter.rowCount(filter.index(0, 0, filter.index(0, 0))), 2);
    filter.setSearchText(QStringLiteral("nothing like this"));
    QCOMPARE(filter.rowCount(), 0);
    filter.setSearchText(QString());
    QCOMPARE(stepsShown().size(), 2);
}

void TestNavigatorModel::checkTableEditsAndSorts()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    CheckTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    model.setStep(stepIdOf(library, QStringLiteral("deploy")));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, CheckTableModel::RiskPriorityColumn).data().toInt(), 84);
    QCOMPARE(model.index(0, CheckTableModel::CriticalColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Checked);
    const QStringList original = checkRows(library);

    QVERIFY(model.setData(model.index(1, CheckTableModel::SeverityColumn), 10));
    QCOMPARE(model.index(1, CheckTableModel::RiskPriorityColumn).data().toInt(), 250);
    QVERIFY(model.setData(model.index(1, CheckTableModel::CriticalColumn), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(1, CheckTableModel::StageColumn), QStringLiteral("in-process")));
    QCOMPARE(model.index(1, CheckTableModel::StageColumn).data().toString(), QStringLiteral("In-process"));
    QCOMPARE(document->undoStack().count(), 3);
    QVERIFY(!model.setData(model.index(1, CheckTableModel::KeyColumn), QStringLiteral("go")));

    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(CheckTableModel::SortRole);
    sorted.sort(CheckTableModel::RiskPriorityColumn, Qt::DescendingOrder);
    QCOMPARE(sorted.index(0, CheckTableModel::KeyColumn).data().toString(), QStringLiteral("smoke"));

    while (document->undoStack().canUndo())
        document->undoStack().undo();
    QCOMPARE(checkRows(library), original);
    QCOMPARE(model.index(1, CheckTableModel::RiskPriorityColumn).data().toInt(), 125);
}

// Drags as a view performs them: mimeData of the dragged row, dropped at a row under a parent.
void TestNavigatorModel::dragReordersStepsAndChecksUndoably()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    NavigatorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    const QModelIndex stream = model.index(0, 0);
    const QPersistentModelIndex build = model.index(0, 0, stream);

    // "Build" dropped below "Deploy" (insertion row 2, the end of the stream's steps).
    std::unique_ptr<QMimeData> dragged(model.mimeData({build}));
    QVERIFY(dragged);
    QVERIFY(model.canDropMimeData(dragged.get(), Qt::MoveAction, 2, 0, stream));
    QVERIFY(model.dropMimeData(dragged.get(), Qt::MoveAction, 2, 0, stream));
    STABLE_TRY_COMPARE(childNames(model, stream),
                       QStringList({QStringLiteral("1. Deploy"), QStringLiteral("2. Build")}));
    QCOMPARE(build.row(), 1); // the same row moved, so the selection follows it
    QCOMPARE(selectRows(document->library(), QStringLiteral("SELECT key FROM step WHERE removed = 0 ORDER BY position")),
             QStringList({QStringLiteral("deploy"), QStringLiteral("build")}));
    QCOMPARE(document->undoStack().undoText(), QStringLiteral("Move step ‘Build’"));
    document->undoStack().undo();
    QCOMPARE(childNames(model, stream), QStringList({QStringLiteral("1. Build"), QStringLiteral("2. Deploy")}));

    // The second check of "Deploy" dropped on the first one takes its place.
    const QModelIndex deploy = model.index(1, 0, stream);
    const QString smoke = model.index(1, 0, deploy).data().toString();
    std::unique_ptr<QMimeData> check(model.mimeData({model.index(1, 0, deploy)}));
    QVERIFY(model.dropMimeData(check.get(), Qt::MoveAction, -1, 0, model.index(0, 0, deploy)));
    STABLE_TRY_COMPARE(model.index(0, 0, deploy).data().toString(), smoke);
    QCOMPARE(document->undoStack().undoText(), QStringLiteral("Move check ‘smoke’"));
}

void TestNavigatorModel::dragRefusesAnotherParent()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    NavigatorModel model;
    model.setDocument(document.get());
    const QModelIndex stream = model.index(0, 0);
    const QModelIndex build = model.index(0, 0, stream);
    const QModelIndex deploy = model.index(1, 0, stream);
    const QStringList checks = checkRows(document->library());

    // A check of "Build" cannot land among the checks of "Deploy"; a step cannot land inside a step.
    std::unique_ptr<QMimeData> check(model.mimeData({model.index(0, 0, build)}));
    QVERIFY(!model.canDropMimeData(check.get(), Qt::MoveAction, 0, 0, deploy));
    QVERIFY(!model.dropMimeData(check.get(), Qt::MoveAction, 0, 0, deploy));
    std::unique_ptr<QMimeData> step(model.mimeData({deploy}));
    QVERIFY(!model.canDropMimeData(step.get(), Qt::MoveAction, 0, 0, model.index(0, 0, build)));
    // Copying is not offered: a step is in one place.
    QVERIFY(!model.canDropMimeData(step.get(), Qt::CopyAction, 0, 0, stream));
    QCoreApplication::processEvents();
    QCOMPARE(checkRows(document->library()), checks);
    QCOMPARE(document->undoStack().count(), 0);
    QVERIFY(model.flags(build) & Qt::ItemIsDragEnabled);
    QVERIFY(!(model.flags(stream) & Qt::ItemIsDragEnabled));
}

void TestNavigatorModel::stepsNumberedByTheirOwnNamesAreNotNumberedTwice()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    NavigatorModel model;
    model.setDocument(document.get());
    const QString build = stepIdOf(document->library(), QStringLiteral("build"));
    QVERIFY(edits::setStepField(*document, build, edits::StepField::Name, QStringLiteral("I. Build")).ok());
    const QModelIndex stream = model.index(0, 0);
    QCOMPARE(childNames(model, stream), QStringList({QStringLiteral("I. Build"), QStringLiteral("2. Deploy")}));
}

QTEST_MAIN(TestNavigatorModel)
#include "tst_navigatormodel.moc"
