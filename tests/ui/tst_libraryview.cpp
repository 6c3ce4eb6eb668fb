// The Library view through its widgets in a real main window: select a step in the navigator, type into
// the editor, and undo / redo from the Edit menu, comparing what the file holds each time.
#include "checktablemodel.h"
#include "document.h"
#include "edits.h"
#include "libraryview.h"
#include "librarytestsupport.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "navigatormodel.h"
#include "startup.h"
#include "stepeditor.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QLineEdit>
#include <QMenu>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <QUndoStack>

using namespace stable;
using namespace stable::test;

class TestLibraryView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensOnTheFirstStep();
    void editNameThroughWidgetsThenUndoRedo();
    void jumpsToACheck();
    void processMenuAddsAndRemovesSteps();
    void streamShowsItsSummary();
    void failedUndoShowsABannerThatStaysOutOfTheWay();
    void removeStreamAsksThenUndoBringsItBack();
    void aLibraryLeasedByAnotherMachineSaysSoInTheBanner();

private:
    QAction* editAction(QKeySequence::StandardKey key) const;
    QAction* processAction(const QString& text) const;
    void clickInNavigator(const QString& id);

    std::unique_ptr<TempLibrary> m_lib;
    std::unique_ptr<MainWindow> m_window;
    LibraryView* m_view = nullptr;
};

void TestLibraryView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // recent files and geometry go to a test folder
}

void TestLibraryView::init()
{
    m_lib = std::make_unique<TempLibrary>();
    publishSample(**m_lib, m_lib->signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
    m_lib->close();
    m_window = std::make_unique<MainWindow>();
    installViews(*m_window);
    const Status opened = m_window->openLibrary(m_lib->path());
    QVERIFY2(opened.ok(), qPrintable(opened.message()));
    m_window->document()->setPollInterval(0);
    QVERIFY(m_window->showView(View::Library));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_view = qobject_cast<LibraryView*>(m_window->viewWidget(View::Library));
    QVERIFY(m_view);
}

void TestLibraryView::cleanup()
{
    m_window.reset();
    m_lib.reset();
}

QAction* TestLibraryView::editAction(QKeySequence::StandardKey key) const
{
    const QList<QAction*> actions = m_window->editMenu()->actions();
    for (QAction* action : actions)
        if (action->shortcut() == QKeySequence(key))
            return action;
    return nullptr;
}

QAction* TestLibraryView::processAction(const QString& text) const
{
    const QList<QAction*> actions = m_window->processMenu()->actions();
    for (QAction* action : actions)
        if (action->text() == text)
            return action;
    return nullptr;
}

void TestLibraryView::clickInNavigator(const QString& id)
{
    QTreeView* tree = m_view->navigator();
    const auto* filter = qobject_cast<const QSortFilterProxyModel*>(tree->model());
    const QModelIndex index = filter->mapFromSource(m_view->model()->indexOf(id));
    QVERIFY(index.isValid());
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QCOMPARE(tree->currentIndex(), index);
}

void TestLibraryView::opensOnTheFirstStep()
{
    QCOMPARE(m_view->editor()->nameEdit()->text(), QStringLiteral("Build"));
    QCOMPARE(m_view->currentStepId(), stepIdOf(m_window->document()->library(), QStringLiteral("build")));
    QVERIFY(m_view->editor()->nameEdit()->isVisible());
}

void TestLibraryView::editNameThroughWidgetsThenUndoRedo()
{
    Library& library = m_window->document()->library();
    const QStringList original = stepRows(library);
    clickInNavigator(stepIdOf(library, QStringLiteral("deploy")));
    QLineEdit* name = m_view->editor()->nameEdit();
    QCOMPARE(name->text(), QStringLiteral("Deploy"));

    name->setFocus();
    QTest::keyClick(name, Qt::Key_End);
    QTest::keyClicks(name, QStringLiteral(" to production"));
    QTest::keyClick(name, Qt::Key_Return);
    const QStringList renamed = stepRows(library);
    QVERIFY(renamed.join(QLatin1Char('\n')).contains(QStringLiteral("|deploy|Deploy to production|1|")));
    QCOMPARE(m_window->document()->undoStack().count(), 1); // the typing is one undo step
    const QModelIndex deployRow = m_view->navigator()->currentIndex();
    QCOMPARE(deployRow.data().toString(), QStringLiteral("2. Deploy to production"));

    QAction* undo = editAction(QKeySequence::Undo);
    QAction* redo = editAction(QKeySequence::Redo);
    QVERIFY(undo && redo);
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Rename step ‘Deploy’"));
    undo->trigger();
    QCOMPARE(stepRows(library), original);
    QCOMPARE(name->text(), QStringLiteral("Deploy"));
    QCOMPARE(m_view->navigator()->currentIndex().data().toString(), QStringLiteral("2. Deploy"));

    QVERIFY(redo->isEnabled());
    redo->trigger();
    QCOMPARE(stepRows(library), renamed);
    QCOMPARE(name->text(), QStringLiteral("Deploy to production"));
}

void TestLibraryView::jumpsToACheck()
{
    Library& library = m_window->document()->library();
    const QString go = checkIdOf(library, QStringLiteral("go"));
    QVERIFY(m_window->selectRecord(View::Library, QStringLiteral("check"), go));
    QCOMPARE(m_view->currentStepId(), stepIdOf(library, QStringLiteral("deploy")));
    QCOMPARE(m_view->editor()->currentCheckId(), go);
    QCOMPARE(m_view->editor()->nameEdit()->text(), QStringLiteral("Deploy"));
    QVERIFY(!m_window->selectRecord(View::Library, QStringLiteral("step"), go)); // not a step
}

void TestLibraryView::processMenuAddsAndRemovesSteps()
{
    Library& library = m_window->document()->library();
    const QString order = QStringLiteral("SELECT name FROM step WHERE removed = 0 ORDER BY position");
    QAction* addStep = processAction(QStringLiteral("Add &Step"));
    QAction* removeStep = processAction(QStringLiteral("&Remove Step"));
    QVERIFY(addStep && removeStep);

    addStep->trigger(); // after the selected first step
    QCOMPARE(selectRows(library, order),
             QStringList({QStringLiteral("Build"), QStringLiteral("New step"), QStringLiteral("Deploy")}));
    QCOMPARE(m_view->editor()->nameEdit()->text(), QStringLiteral("New step"));
    QTest::keyClicks(m_view->editor()->nameEdit(), QStringLiteral("Approve"));
    QTest::keyClick(m_view->editor()->nameEdit(), Qt::Key_Tab);
    QCOMPARE(selectRows(library, order),
             QStringList({QStringLiteral("Build"), QStringLiteral("Approve"), QStringLiteral("Deploy")}));

    removeStep->trigger();
    QCOMPARE(selectRows(library, order), QStringList({QStringLiteral("Build"), QStringLiteral("Deploy")}));
    editAction(QKeySequence::Undo)->trigger();
    QCOMPARE(selectRows(library, order),
             QStringList({QStringLiteral("Build"), QStringLiteral("Approve"), QStringLiteral("Deploy")}));
    QCOMPARE(m_window->document()->undoStack().count(), 3);
}

void TestLibraryView::streamShowsItsSummary()
{
    Library& library = m_window->document()->library();
    auto streamId = resolveStream(library, QStringLiteral("release"));
    QVERIFY(streamId.ok());
    clickInNavigator(streamId.value());
    auto* summary = m_view->editor()->findChild<QTextBrowser*>(QStringLiteral("streamSummary"));
    QVERIFY(summary && summary->isVisible());
    const QString text = summary->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Ship a tested build to production")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("r1, published 2026-03-01 by Ann Lee")));
    QVERIFY(!m_view->editor()->nameEdit()->isVisible());
}

void TestLibraryView::failedUndoShowsABannerThatStaysOutOfTheWay()
{
    Library& library = m_window->document()->library();
    const QString deploy = stepIdOf(library, QStringLiteral("deploy"));
    QVERIFY(edits::setStepField(*m_window->document(), deploy, edits::StepField::Name, QStringLiteral("Deploy it")).ok());
    {
        auto other = Library::open(m_lib->path());
        QVERIFY(other.ok());
        QVERIFY(removeStep(*other.value(), deploy).ok());
    }
    MessageBanner* banner = m_window->banner();
    QVERIFY(!banner->isVisible());
    editAction(QKeySequence::Undo)->trigger();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(),
             QStringLiteral("Cannot undo “Rename step ‘Deploy’”: The step ‘Deploy it’ was removed from the draft."));
    // Not modal: the person goes on working, and dismisses it when they have read it.
    QVERIFY(!QApplication::activeModalWidget());
    banner->findChild<QToolButton*>()->click();
    QVERIFY(!banner->isVisible());
}

void TestLibraryView::removeStreamAsksThenUndoBringsItBack()
{
    Library& library = m_window->document()->library();
    const QString live = QStringLiteral("SELECT key FROM stream WHERE removed = 0");
    QAction* remove = processAction(QStringLiteral("Remove &Value Stream…"));
    QVERIFY(remove && remove->isEnabled());
    QString asked;
    QTimer::singleShot(0, this, [&asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        asked = box->text();
        box->button(QMessageBox::Yes)->click();
    });
    remove->trigger();
    QVERIFY2(asked.contains(QStringLiteral("‘Software Release’")), qPrintable(asked));
    QVERIFY(selectRows(library, live).isEmpty());
    QCOMPARE(m_view->model()->rowCount(), 0);
    editAction(QKeySequence::Undo)->trigger();
    QCOMPARE(selectRows(library, live), QStringList{QStringLiteral("release")});
    QCOMPARE(m_view->model()->rowCount(), 1);
}

// A library in a network folder that another machine is writing opens read-only, and says who holds it.
void TestLibraryView::aLibraryLeasedByAnotherMachineSaysSoInTheBanner()
{
    m_window.reset();
    qputenv("STABLE_FAKE_FS", "nfs");
    qputenv("STABLE_FAKE_HOST", "alpha");
    const QString path = m_lib->file(QStringLiteral("shared.stable"));
    auto alpha = Library::create(path);
    QVERIFY2(alpha.ok(), qPrintable(alpha.message()));

    qputenv("STABLE_FAKE_HOST", "beta");
    MainWindow beta;
    installViews(beta);
    const Status opened = beta.openLibrary(path);
    qunsetenv("STABLE_FAKE_FS");
    qunsetenv("STABLE_FAKE_HOST");
    QVERIFY2(opened.ok(), qPrintable(opened.message()));
    QVERIFY(beta.document()->library().isReadOnly());
    QVERIFY(!beta.banner()->isHidden());
    QVERIFY2(beta.banner()->text().contains(QStringLiteral("‘alpha’")), qPrintable(beta.banner()->text()));
}

QTEST_MAIN(TestLibraryView)
#include "tst_libraryview.moc"
