// Stream Properties…: a value stream's name, purpose and owner edited from the Process menu or the
// navigator's context menu, refused in place when the name is empty or breaks a bound, and saved as one
// undoable edit that Ctrl+Z takes back. Driven through the widgets of a real main window.
#include "currentstream.h"
#include "document.h"
#include "fieldbounds.h"
#include "librarytestsupport.h"
#include "libraryview.h"
#include "mainwindow.h"
#include "mapview.h"
#include "navigatormodel.h"
#include "startup.h"
#include "streampropertiesdialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <functional>

using namespace stable;
using namespace stable::test;

namespace {

QStringList streamRows(Library& library)
{
    return selectRows(
        library, QStringLiteral("SELECT id, key, name, purpose, owner, removed FROM stream ORDER BY id"));
}

void clickSave(StreamPropertiesDialog& dialog)
{
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
}

} // namespace

class TestStreamPropertiesDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_lib = std::make_unique<TempLibrary>();
        m_streamId = publishSample(**m_lib, m_lib->signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        m_lib->close();
        m_window = std::make_unique<MainWindow>();
        installViews(*m_window);
        QVERIFY(m_window->openLibrary(m_lib->path(), View::Library).ok());
        m_window->document()->setPollInterval(0);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_view = qobject_cast<LibraryView*>(m_window->viewWidget(View::Library));
        m_action = m_window->findChild<QAction*>(QStringLiteral("streamPropertiesAction"));
        QVERIFY(m_action);
    }

    void cleanup()
    {
        m_window.reset();
        m_lib.reset();
    }

    void theProcessMenuOffersItWithAMnemonic()
    {
        QVERIFY(m_window->processMenu()->actions().contains(m_action));
        QCOMPARE(m_action->text(), QStringLiteral("Str&eam Properties…"));
        QVERIFY(m_action->isEnabled());
        m_window->closeLibrary();
        QVERIFY(!m_action->isEnabled());
    }

    void editedThenUndoneAndRedone()
    {
        Library& library = m_window->document()->library();
        const QStringList original = streamRows(library);
        inDialog([](StreamPropertiesDialog& dialog) {
            QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("Software Release"));
            dialog.nameEdit()->selectAll();
            QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Production Release"));
            dialog.purposeEdit()->selectAll();
            QTest::keyClicks(dialog.purposeEdit(), QStringLiteral("Ship a tested build."));
            dialog.ownerEdit()->selectAll();
            QTest::keyClicks(dialog.ownerEdit(), QStringLiteral("Ann Lee"));
            clickSave(dialog);
        });
        const QStringList edited = streamRows(library);
        QCOMPARE(edited.size(), 1);
        QVERIFY2(edited.first().contains(
                     QStringLiteral("|release|Production Release|Ship a tested build.|Ann Lee|0")),
                 qPrintable(edited.first()));
        // The navigator and the map say the new name.
        const QModelIndex stream = m_view->model()->indexOf(m_streamId);
        QCOMPARE(stream.data().toString(), QStringLiteral("Production Release"));
        auto* map = qobject_cast<MapView*>(m_window->viewWidget(View::Map));
        QVERIFY(m_window->showView(View::Map));
        QCOMPARE(map->findChild<QComboBox*>()->currentText(), QStringLiteral("Production Release"));
        QVERIFY(m_window->showView(View::Library));

        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keySequence(m_view->navigator(), QKeySequence(QKeySequence::Undo)); // Ctrl+Z
        QCOMPARE(streamRows(library), original);
        QCOMPARE(m_view->model()->indexOf(m_streamId).data().toString(), QStringLiteral("Software Release"));
        QTest::keySequence(m_view->navigator(), QKeySequence(QKeySequence::Redo));
        QCOMPARE(streamRows(library), edited);
    }

    void anEmptyNameIsRefusedInPlace()
    {
        Library& library = m_window->document()->library();
        const QStringList original = streamRows(library);
        const int undoSteps = m_window->document()->undoStack().count();
        inDialog([](StreamPropertiesDialog& dialog) {
            dialog.nameEdit()->selectAll();
            QTest::keyClick(dialog.nameEdit(), Qt::Key_Delete);
            QTest::keyClicks(dialog.nameEdit(), QStringLiteral("   "));
            clickSave(dialog);
            QVERIFY(dialog.isVisible());
            QVERIFY(dialog.messageLabel()->isVisible());
            QCOMPARE(dialog.messageLabel()->text(), QStringLiteral("A value stream needs a name."));
            QCOMPARE(dialog.focusWidget(), dialog.nameEdit());
            // Typing again takes the message away.
            QTest::keyClicks(dialog.nameEdit(), QStringLiteral("R"));
            QVERIFY(!dialog.messageLabel()->isVisible());
            dialog.reject();
        });
        QCOMPARE(streamRows(library), original);
        QCOMPARE(m_window->document()->undoStack().count(), undoSteps);
    }

    // A name stops at the bound every name has; what core refuses (a control character) is said in
    // the dialog, as core words it, and nothing is saved.
    void theBoundsOfEveryName()
    {
        Library& library = m_window->document()->library();
        const QStringList original = streamRows(library);
        inDialog([](StreamPropertiesDialog& dialog) {
            dialog.nameEdit()->selectAll();
            QTest::keyClicks(dialog.nameEdit(), QString(bounds::name + 20, QLatin1Char('n')));
            QCOMPARE(dialog.nameEdit()->text().size(), bounds::name);
            dialog.ownerEdit()->setText(QStringLiteral("Ann\x1b[31m Lee"));
            clickSave(dialog);
            QVERIFY(dialog.isVisible());
            QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("The owner of the value stream")),
                     qPrintable(dialog.messageLabel()->text()));
            QCOMPARE(dialog.messageLabel()->textFormat(), Qt::PlainText);
            dialog.reject();
        });
        QCOMPARE(streamRows(library), original);
    }

    // The navigator's context menu on any item of a stream offers it for that stream.
    void theNavigatorsContextMenuOffersIt()
    {
        QTreeView* tree = m_view->navigator();
        const auto* filter = qobject_cast<const QSortFilterProxyModel*>(tree->model());
        const QModelIndex stream = filter->mapFromSource(m_view->model()->indexOf(m_streamId));
        const QPoint at = tree->visualRect(stream).center();
        QList<QAction*> offered;
        QTimer::singleShot(0, this, [&offered] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QVERIFY(menu);
            offered = menu->actions();
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, tree->viewport()->mapToGlobal(at));
        QApplication::sendEvent(tree->viewport(), &event);
        QVERIFY(offered.contains(m_action));
        QCOMPARE(tree->currentIndex(), stream);
        QCOMPARE(m_window->currentStream()->id(), m_streamId);
    }

private:
    // Opens Process → Stream Properties… and runs `steps` in the dialog while it is open.
    void inDialog(const std::function<void(StreamPropertiesDialog&)>& steps)
    {
        bool ran = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<StreamPropertiesDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            ran = true;
            steps(*dialog);
            if (dialog->isVisible())
                dialog->reject();
        });
        m_action->trigger();
        QVERIFY(ran);
    }

    std::unique_ptr<TempLibrary> m_lib;
    std::unique_ptr<MainWindow> m_window;
    LibraryView* m_view = nullptr;
    QAction* m_action = nullptr;
    QString m_streamId;
};

QTEST_MAIN(TestStreamPropertiesDialog)
#include "tst_streampropertiesdialog.moc"
