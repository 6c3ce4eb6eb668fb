// The start page of a new, empty library, as a person meets it in the real main window: it says what to do
// first and its buttons do it (add yourself, the team's hours, a value stream from a template), each task
// ticked once done, the Library view showing the stream as soon as there is one; and every hint of the app
// that names a menu path ("Process → New Value Stream…") names one the menus have.
#include "document.h"
#include "fixtures.h"
#include "libraryview.h"
#include "mainwindow.h"
#include "mapview.h"
#include "menupaths.h"
#include "people.h"
#include "persondialogs.h"
#include "rework.h"
#include "startpage.h"
#include "startup.h"
#include "trywait.h"
#include "widgetdriving.h"

#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QDialog>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTreeView>

using namespace stable;
using namespace stable::test;

class TestStartPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = showAppWindow();
        QVERIFY(m_window->isVisible());
        QVERIFY(
            openNewLibrary(*m_window, m_folder.filePath(QStringLiteral("new%1.stable").arg(++m_libraries))));
        m_window->document()->library().setPinCost(PinCost::minimal()); // the test's PINs hash fast
    }

    void cleanup() { m_window.reset(); }

    void anEmptyLibraryOpensOnTheStartPageAndItsButtonsDoTheWork()
    {
        auto* library = qobject_cast<LibraryView*>(m_window->viewWidget(View::Library));
        QVERIFY(library);
        StartPage* start = library->startPage();
        QVERIFY(start->isVisible());
        QVERIFY(!library->navigator()->isVisible());
        QVERIFY2(start->text().contains(QStringLiteral("This library has no value stream yet")),
                 qPrintable(start->text()));
        auto* addButton = child<QPushButton>(start, QStringLiteral("startAddPerson"));
        QCOMPARE(addButton->text(), QStringLiteral("Add &Yourself…"));

        // 1. Add yourself: the same dialog as Library → Add a Person….
        click(start, QStringLiteral("startAddPerson"));
        AddPersonDialog* dialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            dialog = m_window->findChild<AddPersonDialog*>(QStringLiteral("addPersonDialog"));
            return dialog && dialog->isVisible();
        }));
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("name")),
                         QStringLiteral("Rosa <b>Diaz</b>"));
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("initials")), QStringLiteral("RD"));
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("pin")), QStringLiteral("4711"));
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("pinAgain")), QStringLiteral("4711"));
        click(dialog, QStringLiteral("okButton"));
        Library& file = m_window->document()->library();
        STABLE_TRY_COMPARE(listPeople(file)->size(), 1);
        STABLE_TRY_VERIFY(
            start->text().contains(QStringLiteral("Can sign and publish: Rosa <b>Diaz</b> (RD).")));
        QCOMPARE(addButton->text(), QStringLiteral("Add &Another Person…"));
        for (QWidget* window : QApplication::topLevelWidgets())
            if (window != m_window.get() && window->isVisible())
                window->close(); // the People window the dialog came from
        QVERIFY(!start->text().contains(QStringLiteral("h recorded for")));

        // 2. The team's hours: Library Settings…, typed in.
        click(start, QStringLiteral("startSettings"));
        QDialog* settings = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            settings = m_window->findChild<QDialog*>(QStringLiteral("librarySettingsDialog"));
            return settings && settings->isVisible();
        }));
        QTest::keyClicks(child<QLineEdit>(settings, QStringLiteral("teamHours")), QStringLiteral("1600"));
        click(settings, QStringLiteral("saveButton"));
        const QString month = QDate::currentDate().toString(QStringLiteral("yyyy-MM"));
        STABLE_TRY_VERIFY(teamHoursOf(file, month).value() == std::optional<double>(1600));
        STABLE_TRY_VERIFY(start->text().contains(QStringLiteral("1,600 h recorded for")) ||
                          start->text().contains(QStringLiteral("1600 h recorded for")));

        // 3. A value stream from a template: the dialog is modal, answered as a person would.
        bool answered = false;
        QTimer::singleShot(0, this, [&answered] {
            QVERIFY(QTest::qWaitFor([] { return QApplication::activeModalWidget() != nullptr; }));
            QWidget* modal = QApplication::activeModalWidget();
            auto* chosen = modal->findChild<QComboBox*>(QStringLiteral("template"));
            QVERIFY(chosen);
            chosen->setCurrentIndex(chosen->findText(QStringLiteral("Software Release")));
            QVERIFY(chosen->currentIndex() > 0);
            QPushButton* create = nullptr;
            for (QPushButton* button : modal->findChildren<QPushButton*>())
                if (button->text() == QStringLiteral("&Create"))
                    create = button;
            QVERIFY(create);
            QTest::mouseClick(create, Qt::LeftButton);
            answered = true;
        });
        click(start, QStringLiteral("startNewStream"));
        QVERIFY(answered);
        STABLE_TRY_COMPARE(listStreamNames(file)->size(), 1);
        QVERIFY(m_window->showView(View::Library));
        STABLE_TRY_VERIFY(library->navigator()->isVisible());
        QVERIFY(!start->isVisible());
    }

    void theHintsNameMenuPathsTheMenusHave()
    {
        QStringList texts;
        auto* library = qobject_cast<LibraryView*>(m_window->viewWidget(View::Library));
        texts << library->startPage()->text();
        QVERIFY(m_window->showView(View::Map));
        auto* map = m_window->viewWidget(View::Map);
        auto* view = map->findChild<QGraphicsView*>();
        QVERIFY(view && view->scene());
        for (QGraphicsItem* item : view->scene()->items())
            if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                texts << text->text();
        m_window->closeLibrary();
        for (QLabel* label : m_window->findChildren<QLabel*>())
            if (label->isVisible())
                texts << QTextDocumentFragment::fromHtml(label->text()).toPlainText();

        int checked = 0;
        for (const QString& text : std::as_const(texts))
            for (const QStringList& path : menuPaths(text)) {
                ++checked;
                QVERIFY2(menuHas(m_window->menuBar(), path),
                         qPrintable(QStringLiteral("‘%1’ is not a menu path, in: %2")
                                        .arg(path.join(QStringLiteral(" → ")), text)));
            }
        // The start page names five paths, the map one or two, the window without a library two.
        QVERIFY2(checked >= 8, qPrintable(QString::number(checked)));
        // The reader itself: a made-up path is found and refused.
        QCOMPARE(menuPaths(QStringLiteral("Make one with Process → New Value Stream from Template….")).size(),
                 1);
        QVERIFY(!menuHas(
            m_window->menuBar(),
            menuPaths(QStringLiteral("Make one with Process → New Value Stream from Template….")).at(0)));
    }

private:
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_folder;
    int m_libraries = 0;
};

QTEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
