// The keyboard's way through the app: every window's Alt+letter reaches one thing, the Process and Runs
// commands have shortcuts that the menus and tooltips show, checklist items, steps and incidents have
// context menus, Help → Keyboard Shortcuts lists what the actions say, and focus is drawn visibly.
#include "aboutdialog.h"
#include "bpmn.h"
#include "bpmn/bpmnimportdialog.h"
#include "demo.h"
#include "fixtures.h"
#include "incidents.h"
#include "incidents/incidentdialogs.h"
#include "incidents/newincidentdialog.h"
#include "keyboardshortcutsdialog.h"
#include "keyboardtestsupport.h"
#include "librarysettingsdialog.h"
#include "librarytestsupport.h"
#include "mainwindow.h"
#include "newlibrarydialog.h"
#include "peoplewindow.h"
#include "persondialogs.h"
#include "preferencesdialog.h"
#include "process.h"
#include "publishdialog.h"
#include "revisionhistory.h"
#include "runs/rundialogs.h"
#include "runs/runsview.h"
#include "runs/signdialog.h"
#include "runs/startrundialog.h"
#include "runstestsupport.h"
#include "startup.h"
#include "templatedialog.h"
#include "theme.h"
#include "trywait.h"

#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <algorithm>
#include <functional>

using namespace stable;
using namespace stable::test;

namespace {

// A key as the person presses it in the main window (the window active again after a dialog).
void press(QWidget& window, Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        qFatal("the window did not become active");
    QTest::keyClick(&window, key, modifiers);
}

void showAndWait(QWidget& window)
{
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("the window was not shown");
    QCoreApplication::processEvents();
}

// The window with every view, on a small demo library.
struct DemoWindow
{
    TempLibrary lib;
    MainWindow window;
    explicit DemoWindow()
    {
        DemoOptions options;
        options.months = 2;
        if (const Status made = generateDemo(*lib, options); !made.ok())
            qFatal("cannot make the demo: %s", qPrintable(made.message()));
        lib.close();
        installViews(window);
        if (const Status opened = window.openLibrary(lib.path(), View::Library); !opened.ok())
            qFatal("cannot open the demo: %s", qPrintable(opened.message()));
        window.document()->setPollInterval(0);
        window.resize(1024, 768);
        showAndWait(window);
    }
};

QString firstStreamId(Library& library)
{
    auto streams = listStreamNames(library);
    if (!streams.ok() || streams->isEmpty())
        qFatal("no value stream");
    return streams->first().id;
}

QStringList rowTexts(QTreeWidget& table)
{
    QStringList rows;
    for (int i = 0; i < table.topLevelItemCount(); ++i)
        rows.append(table.topLevelItem(i)->text(0) + QLatin1Char('|') + table.topLevelItem(i)->text(1));
    return rows;
}

int distance(const QColor& a, const QColor& b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        applyTheme(Theme::Light);
    }

    void everyViewOfTheMainWindowHasUniqueMnemonics()
    {
        DemoWindow demo;
        MainWindow& window = demo.window;
        QStringList clashes = menuBarClashes(window);
        for (View view : {View::Library, View::Map, View::Runs, View::Incidents, View::Console}) {
            QVERIFY(window.showView(view));
            QCoreApplication::processEvents();
            if (view == View::Library) {
                // A step selected: the step editor with its fields is what Alt+letters reach.
                auto* navigator = window.findChild<QTreeView*>(QStringLiteral("libraryNavigator"));
                QVERIFY(navigator);
                const QModelIndex stream = navigator->model()->index(0, 0);
                navigator->expand(stream);
                navigator->setCurrentIndex(navigator->model()->index(0, 0, stream));
                QCoreApplication::processEvents();
            }
            clashes += windowClashes(window, viewName(view));
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    }

    void everyDialogHasUniqueMnemonics()
    {
        DemoWindow demo;
        Document& document = *demo.window.document();
        const QString streamId = firstStreamId(document.library());
        QVERIFY(demo.window.showView(View::Runs));
        auto* runs = qobject_cast<RunsView*>(demo.window.viewWidget(View::Runs));
        QVERIFY(runs && !runs->currentRun().items.isEmpty());
        const Run run = runs->currentRun();
        const RunItem item = run.items.first();
        auto incidents = listIncidents(document.library());
        QVERIFY(incidents.ok() && !incidents->isEmpty());
        const Incident incident = incidents->first();
        auto people = listPeople(document.library(), true);
        QVERIFY(people.ok() && !people->isEmpty());
        const QString personId = people->first().id;
        QWidget* parent = &demo.window;

        const QList<std::pair<QString, std::function<QWidget*()>>> dialogs = {
            {QStringLiteral("New Library from Template"), [parent] { return new NewLibraryDialog(parent); }},
            {QStringLiteral("New Value Stream"), [&] { return new TemplateDialog(document, parent); }},
            {QStringLiteral("Publish Revision"),
             [&] { return new PublishDialog(document, streamId, parent); }},
            {QStringLiteral("Revision History"),
             [&] { return new RevisionHistoryDialog(document, streamId, parent); }},
            {QStringLiteral("Start Run"), [&] { return new StartRunDialog(document, streamId, parent); }},
            {QStringLiteral("Sign"), [&] { return new SignDialog(document, run, item, parent); }},
            {QStringLiteral("Void"), [&] { return new VoidDialog(document, run, item, parent); }},
            {QStringLiteral("Failure"), [&] { return new FailureDialog(item, parent); }},
            {QStringLiteral("Raise Incident"),
             [&] { return new RaiseIncidentDialog(document, run, item, QString(), parent); }},
            {QStringLiteral("Close Run"), [&] { return new CloseRunDialog(document, run, parent); }},
            {QStringLiteral("New Incident"), [&] { return new NewIncidentDialog(document, parent); }},
            {QStringLiteral("Log Rework"), [&] { return new ReworkDialog(document, incident, parent); }},
            {QStringLiteral("Improve the Process"),
             [&] { return new ImproveDialog(document, incident, parent); }},
            {QStringLiteral("People"), [&] { return new PeopleWindow(document, parent); }},
            {QStringLiteral("Add Person"), [&] { return new AddPersonDialog(document, parent); }},
            {QStringLiteral("Unlock"), [&] { return new UnlockPersonDialog(document, personId, parent); }},
            {QStringLiteral("Change PIN"), [&] { return new ChangePinDialog(document, personId, parent); }},
            {QStringLiteral("Library Settings"), [&] { return new LibrarySettingsDialog(document, parent); }},
            {QStringLiteral("Import BPMN"),
             [&] {
                 // A model with a choice: its panel's labels and boxes are checked too.
                 return new BpmnImportDialog(
                     document, QStringLiteral("choices.bpmn"),
                     readBpmnModelFile(QStringLiteral(STABLE_TEST_DATA_DIR "/bpmn/choices.bpmn")).value(), parent);
             }},
            {QStringLiteral("About"), [&] { return new AboutDialog(&document, parent); }},
            {QStringLiteral("Preferences"), [parent] { return new PreferencesDialog(parent); }},
            {QStringLiteral("Keyboard Shortcuts"), [parent] { return new KeyboardShortcutsDialog(parent); }},
        };
        QStringList clashes;
        for (const auto& [name, make] : dialogs) {
            std::unique_ptr<QWidget> dialog(make());
            dialog->setAttribute(Qt::WA_DeleteOnClose, false);
            showAndWait(*dialog);
            clashes += windowClashes(*dialog, name);
            dialog->hide();
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    }

    void processAndRunCommandsHaveShortcutsShownInTooltips()
    {
        DemoWindow demo;
        MainWindow& window = demo.window;
        QStringList missing;
        for (QAction* action : window.processMenu()->actions()) {
            if (action->isSeparator() || action->menu())
                continue;
            const QString keys = action->shortcut().toString(QKeySequence::NativeText);
            if (keys.isEmpty())
                missing.append(action->text() + QStringLiteral(": no shortcut"));
            else if (!action->toolTip().contains(keys))
                missing.append(action->text() + QStringLiteral(": the tooltip does not say ") + keys);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
        QVERIFY(window.processMenu()->toolTipsVisible());

        // No key is given to two commands (Qt would run neither).
        QMap<QString, QString> owners;
        for (QAction* action : window.findChildren<QAction*>())
            for (const QKeySequence& key : action->shortcuts()) {
                const QString text = key.toString(QKeySequence::PortableText);
                QVERIFY2(!owners.contains(text) || owners.value(text) == action->text(),
                         qPrintable(text + QStringLiteral(": ") + owners.value(text) +
                                    QStringLiteral(" and ") + action->text()));
                owners.insert(text, action->text());
            }

        // The Runs view's toolbar buttons name the keys of the same commands.
        QVERIFY(window.showView(View::Runs));
        QStringList buttons;
        for (QToolButton* button : window.viewWidget(View::Runs)->findChildren<QToolButton*>())
            buttons.append(button->toolTip());
        const auto keysOf = [&window](const char* name) {
            return window.findChild<QAction*>(QLatin1String(name))
                ->shortcut()
                .toString(QKeySequence::NativeText);
        };
        for (const char* name :
             {"startRunMenuAction", "signItemMenuAction", "voidSignatureMenuAction", "closeRunMenuAction"}) {
            const QString keys = keysOf(name);
            QVERIFY2(std::any_of(buttons.cbegin(), buttons.cend(),
                                 [&keys](const QString& tip) { return tip.contains(keys); }),
                     qPrintable(keys + QStringLiteral(" not in ") + buttons.join(QStringLiteral(" / "))));
        }
    }

    void runCommandsAnswerTheirKeys()
    {
        RunsFixture fixture;
        fixture.start(QStringLiteral("Release 4.2"));
        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(fixture.lib.path(), View::Runs).ok());
        window.document()->setPollInterval(0);
        showAndWait(window);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* runs = qobject_cast<RunsView*>(window.viewWidget(View::Runs));
        STABLE_TRY_VERIFY(!runs->currentItemId().isEmpty());

        bool signShown = false;
        whenDialog<SignDialog>([&signShown](SignDialog&) { signShown = true; });
        press(window, Qt::Key_Return, Qt::ControlModifier);
        STABLE_TRY_VERIFY(signShown);

        bool closeShown = false;
        whenDialog<CloseRunDialog>([&closeShown](CloseRunDialog&) { closeShown = true; });
        press(window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        STABLE_TRY_VERIFY(closeShown);

        // From another view the key goes to the Runs view and acts on its selection.
        QVERIFY(window.showView(View::Library));
        bool startShown = false;
        whenDialog<StartRunDialog>([&startShown](StartRunDialog&) { startShown = true; });
        press(window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        STABLE_TRY_VERIFY(startShown);
        QCOMPARE(window.currentView(), std::optional<View>(View::Runs));
    }

    void aChecklistItemHasAContextMenu()
    {
        RunsFixture fixture;
        fixture.start(QStringLiteral("Release 4.2"));
        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(fixture.lib.path(), View::Runs).ok());
        window.document()->setPollInterval(0);
        showAndWait(window);
        auto* tree = window.viewWidget(View::Runs)->findChild<QTreeView*>(QStringLiteral("checklist"));
        QVERIFY(tree);
        STABLE_TRY_VERIFY(tree->model()->rowCount() > 0);
        auto* runs = qobject_cast<RunsView*>(window.viewWidget(View::Runs));
        STABLE_TRY_VERIFY(!runs->currentItemId().isEmpty()); // the first open item, selected on showing
        const QModelIndex item = tree->currentIndex();
        const QPoint at = tree->visualRect(item).center();

        QStringList entries;
        std::optional<int> outcome;
        whenDialog<SignDialog>([&outcome](SignDialog& dialog) {
            outcome = dialog.findChild<QComboBox*>(QStringLiteral("outcome"))->currentData().toInt();
        });
        QTimer::singleShot(50, tree, [&entries] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            QAction* fail = nullptr;
            for (QAction* action : menu->actions()) {
                if (action->isSeparator())
                    continue;
                entries.append(action->text() +
                               (action->isEnabled() ? QString() : QStringLiteral(" (disabled)")));
                if (action->text() == RunsView::tr("&Fail…"))
                    fail = action;
            }
            if (!fail) {
                menu->close();
                return;
            }
            menu->setActiveAction(fail);
            QTest::keyClick(menu, Qt::Key_Return);
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, tree->viewport()->mapToGlobal(at));
        QApplication::sendEvent(tree->viewport(), &event);
        STABLE_TRY_VERIFY(outcome.has_value());
        QCOMPARE(entries, QStringList({RunsView::tr("&Pass…"), RunsView::tr("&Fail…"), RunsView::tr("&N/A…"),
                                       RunsView::tr("&Sign…"),
                                       RunsView::tr("&Void…") + QStringLiteral(" (disabled)")}));
        QCOMPARE(*outcome, static_cast<int>(Outcome::Fail));
    }

    void stepsAndIncidentsHaveContextMenus()
    {
        DemoWindow demo;
        MainWindow& window = demo.window;
        auto* navigator = window.findChild<QTreeView*>(QStringLiteral("libraryNavigator"));
        QVERIFY(navigator);
        QCOMPARE(navigator->contextMenuPolicy(), Qt::CustomContextMenu);
        QStringList steps;
        for (QAction* action : navigator->actions())
            if (!action->isSeparator())
                steps.append(action->objectName());
        QCOMPARE(steps, QStringList(
                            {QStringLiteral("streamPropertiesAction"), QStringLiteral("addStepAction"),
                             QStringLiteral("addCheckAction"), QStringLiteral("removeStepAction"),
                             QStringLiteral("publishRevisionAction"), QStringLiteral("revisionHistoryAction"),
                             QStringLiteral("removeStreamAction")}));

        QVERIFY(window.showView(View::Incidents));
        auto* list = window.findChild<QAbstractItemView*>(QStringLiteral("incidentList"));
        QVERIFY(list);
        STABLE_TRY_VERIFY(list->model()->rowCount() > 0);
        const QPoint at = list->visualRect(list->model()->index(0, 0)).center();
        QStringList entries;
        QTimer::singleShot(50, list, [&entries] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction* action : menu->actions())
                if (!action->isSeparator())
                    entries.append(actionWords(action->text()));
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, list->viewport()->mapToGlobal(at));
        QApplication::sendEvent(list->viewport(), &event);
        STABLE_TRY_VERIFY(!entries.isEmpty());
        QCOMPARE(entries.size(), 3);
        QVERIFY2(entries.at(0).startsWith(QStringLiteral("New Incident")),
                 qPrintable(entries.join(QLatin1Char(','))));
        QVERIFY2(entries.at(1).startsWith(QStringLiteral("Log Rework")),
                 qPrintable(entries.join(QLatin1Char(','))));
        QVERIFY2(entries.at(2).startsWith(QStringLiteral("Improve the Process")),
                 qPrintable(entries.join(QLatin1Char(','))));
    }

    void keyboardShortcutsListsWhatTheActionsSay()
    {
        DemoWindow demo;
        MainWindow& window = demo.window;
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // A command added later is listed too: the list is read from the actions.
        QAction* extra = window.processMenu()->addAction(QStringLiteral("Extra Command"));
        extra->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J));

        int withKeys = 0;
        for (QAction* action : window.findChildren<QAction*>())
            withKeys += action->shortcuts().isEmpty() ? 0 : 1;
        QStringList rows;
        whenDialog<KeyboardShortcutsDialog>(
            [&rows](KeyboardShortcutsDialog& dialog) { rows = rowTexts(*dialog.table()); });
        // Help, then Keyboard Shortcuts, by their letters.
        QTest::keyClick(&window, Qt::Key_H, Qt::AltModifier);
        STABLE_TRY_VERIFY(qobject_cast<QMenu*>(QApplication::activePopupWidget()));
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_K);
        STABLE_TRY_VERIFY(!rows.isEmpty());
        QCOMPARE(rows.size(), withKeys);
        const auto keys = [](QKeyCombination key) {
            return QKeySequence(key).toString(QKeySequence::NativeText);
        };
        QVERIFY(rows.contains(QStringLiteral("Extra Command|") + keys(Qt::CTRL | Qt::ALT | Qt::Key_J)));
        QVERIFY(rows.contains(QStringLiteral("Publish Revision…|") + keys(Qt::CTRL | Qt::SHIFT | Qt::Key_P)));
        QVERIFY(rows.contains(QStringLiteral("Void Signature…|") + keys(Qt::CTRL | Qt::SHIFT | Qt::Key_V)));
        QVERIFY(rows.contains(QStringLiteral("Preferences…|") + keys(Qt::CTRL | Qt::Key_Comma)));
    }

    void focusIsDrawnAsAFrame_data()
    {
        QTest::addColumn<Theme>("theme");
        QTest::newRow("light") << Theme::Light;
        QTest::newRow("dark") << Theme::Dark;
    }

    void focusIsDrawnAsAFrame()
    {
        QFETCH(Theme, theme);
        applyTheme(theme);
        QWidget host;
        auto* field = new QLineEdit(&host);
        auto* list = new QTreeView(&host);
        list->setGeometry(10, 40, 200, 120);
        field->setGeometry(10, 5, 200, 28);
        showAndWait(host);
        host.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&host));
        const QColor highlight = list->palette().color(QPalette::Highlight);

        field->setFocus();
        QCoreApplication::processEvents();
        const QImage unfocused = list->grab().toImage();
        list->setFocus();
        QCoreApplication::processEvents();
        QVERIFY(list->hasFocus());
        const QImage focused = list->grab().toImage();
        const int y = list->height() / 2;
        const qreal ratio = focused.devicePixelRatio();
        for (int x : {0, 1}) {
            const QPoint at(static_cast<int>(x * ratio), static_cast<int>(y * ratio));
            QVERIFY2(distance(focused.pixelColor(at), highlight) < 40,
                     qPrintable(QStringLiteral("focused frame at x=%1 is %2, not the highlight %3")
                                    .arg(x)
                                    .arg(focused.pixelColor(at).name(), highlight.name())));
            QVERIFY2(distance(unfocused.pixelColor(at), highlight) > 120,
                     qPrintable(QStringLiteral("the unfocused frame is drawn as focused too")));
        }
        applyTheme(Theme::Light);
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
