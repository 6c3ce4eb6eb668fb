// The window fits a 1024×768 screen: no view (once shown, with a busy demo library) asks for more, the
// window opens at a sensible size with the navigator's step names readable, and it comes back where the
// person left it.
#include "demo.h"
#include "libraryview.h"
#include "mainwindow.h"
#include "navigatormodel.h"
#include "process.h"
#include "startup.h"
#include "testlibrary.h"
#include "trywait.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace stable;
using namespace stable::test;

Q_DECLARE_METATYPE(stable::View)

namespace {

// The widgets that ask for most of the width, for the message when the window is too wide.
QString widest(QWidget& root)
{
    QStringList found;
    const QList<QWidget*> children = root.findChildren<QWidget*>();
    for (QWidget* child : children) {
        if (!child->isVisibleTo(&root))
            continue;
        const QSize wanted = child->minimumSizeHint().expandedTo(child->minimumSize());
        if (wanted.width() > 500 || wanted.height() > 500)
            found.append(QStringLiteral("%1 %2 (%3) %4×%5")
                             .arg(QString::fromLatin1(child->metaObject()->className()), child->objectName(),
                                  child->parentWidget() ? child->parentWidget()->objectName() : QString())
                             .arg(wanted.width())
                             .arg(wanted.height()));
    }
    return found.join(QStringLiteral("; "));
}

} // namespace

class TestWindowFit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        DemoOptions options;
        options.months = 3;
        options.endDate = QDate(2026, 2, 28);
        QVERIFY(generateDemo(*m_lib, options).ok());
        // One stream's draft differs from its revision: its detail in the navigator is the longest.
        auto streams = listStreamNames(*m_lib);
        QVERIFY(streams.ok() && !streams->isEmpty());
        ValueStream changed = loadDraft(*m_lib, streams->first().id).value();
        changed.purpose += QStringLiteral(" Changed since it was published.");
        QVERIFY(updateStream(*m_lib, changed).ok());
        m_lib.close();
    }

    void init()
    {
        QSettings settings;
        settings.remove(QStringLiteral("window"));
    }

    void everyViewWorksAt1024By768_data()
    {
        QTest::addColumn<View>("view");
        for (View view : {View::Library, View::Map, View::Runs, View::Incidents, View::Console})
            QTest::newRow(qPrintable(viewName(view))) << view;
    }

    // Each view is shown first (the Console once made the window 1150 px wide for good), then the window
    // must still go down to 1024×768.
    void everyViewWorksAt1024By768()
    {
        QFETCH(View, view);
        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(m_lib.path(), view).ok());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (View other : {View::Library, View::Map, View::Runs, View::Incidents, View::Console}) {
            QVERIFY(window.showView(other));
            QTest::qWait(20);
        }
        QVERIFY(window.showView(view));
        QWidget* console = window.viewWidget(View::Console);
        STABLE_TRY_VERIFY_WITH_TIMEOUT(!console->property("busy").toBool(), 60000);
        QTest::qWait(50);
        const QSize wanted = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(wanted.width() <= 1024,
                 qPrintable(QStringLiteral("%1 px wide: %2").arg(wanted.width()).arg(widest(window))));
        QVERIFY2(wanted.height() <= 768,
                 qPrintable(QStringLiteral("%1 px high: %2").arg(wanted.height()).arg(widest(window))));
        window.resize(1024, 768);
        QTest::qWait(20);
        QCOMPARE(window.size(), QSize(1024, 768));
    }

    // A first start opens at 1280×800 in the middle of the screen (or the screen's available size when
    // that is smaller).
    void opensAtASensibleSize()
    {
        MainWindow window;
        installViews(window);
        const QRect available = window.screen()->availableGeometry();
        QCOMPARE(available.size(), QSize(1920, 1080));
        QCOMPARE(window.size(), QSize(1280, 800));
        QCOMPARE(window.geometry().center(), available.center());
    }

    // At 1024×768 — the smallest size the window is made for — the names of the demo library's steps
    // are shown whole in the navigator.
    void stepNamesAreShownWhole()
    {
        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(m_lib.path(), View::Library).ok());
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = qobject_cast<LibraryView*>(window.viewWidget(View::Library));
        QTreeView* tree = view->navigator();
        tree->expandToDepth(0);
        QTest::qWait(20);
        const QAbstractItemModel* model = tree->model();
        int steps = 0;
        for (int s = 0; s < model->rowCount(); ++s) {
            const QModelIndex stream = model->index(s, NavigatorModel::NameColumn);
            for (int row = 0; row < model->rowCount(stream); ++row) {
                const QModelIndex step = model->index(row, NavigatorModel::NameColumn, stream);
                const QString name = step.data().toString();
                const QRect shown = tree->visualRect(step);
                // The text starts after the indentation and any decoration; the margin is the style's.
                const int needed = tree->fontMetrics().horizontalAdvance(name) + 2 * 4;
                QVERIFY2(
                    shown.width() >= needed,
                    qPrintable(
                        QStringLiteral("‘%1’ needs %2 px, has %3").arg(name).arg(needed).arg(shown.width())));
                ++steps;
            }
        }
        QVERIFY(steps >= 5);
    }

    // The size and the panels shown come back after the window is closed and made again.
    void geometryAndPanelsComeBackAfterARestart()
    {
        {
            MainWindow window;
            installViews(window);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto* history = window.findChild<QDockWidget*>(QStringLiteral("undoHistoryPanel"));
            QVERIFY(history && history->isHidden()); // on demand
            history->show();
            window.resize(1100, 700);
            QTest::qWait(20);
            QVERIFY(window.close());
        }
        MainWindow again;
        installViews(again);
        QCOMPARE(again.size(), QSize(1100, 700));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1100, 700));
        QVERIFY(again.findChild<QDockWidget*>(QStringLiteral("undoHistoryPanel"))->isVisible());
    }

private:
    TempLibrary m_lib;
};

// A 1920×1080 screen instead of the offscreen platform's 800×600, so that neither the first-start size
// nor a restored one is cut to the screen.
int main(int argc, char** argv)
{
    QTemporaryDir folder;
    const QString config = folder.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(R"({"windowFrameMargins": false, "screens": [{"name": "wide", "x": 0, "y": 0,)"
                   R"( "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96}]})") < 0)
        return 1;
    file.close();
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen") {
        // A QByteArray, not a string builder: Qt 6.8's qputenv takes a QByteArrayView.
        const QByteArray platform = QByteArray("offscreen:configfile=") + config.toLocal8Bit();
        qputenv("QT_QPA_PLATFORM", platform);
    }
    QApplication application(argc, argv);
    TestWindowFit test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowfit.moc"
