// One current stream for the whole window: the stream picked in the Library view is the one the Map,
// Runs, Incidents and Console show and the one Publish Revision… and Revision History… act on; a stream
// picked in any view comes back to the others. Driven through the widgets of a real main window.
#include "console/consoleview.h"
#include "currentstream.h"
#include "document.h"
#include "fixtures.h"
#include "incidents/incidentsview.h"
#include "libraryview.h"
#include "mainwindow.h"
#include "mapview.h"
#include "navigatormodel.h"
#include "publishdialog.h"
#include "revisionhistory.h"
#include "runs/runsview.h"
#include "startup.h"
#include "testlibrary.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace stable;
using namespace stable::test;

class TestCurrentStream : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_lib = std::make_unique<TempLibrary>();
        m_release = publishSample(**m_lib, m_lib->signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        const auto ops = importProcess(**m_lib, opsProcess());
        QVERIFY(ops.ok());
        m_ops = ops->streamId;
        m_releaseDeploy = resolveStep(**m_lib, m_release, QStringLiteral("deploy")).value();
        m_lib->close();
        m_window = std::make_unique<MainWindow>();
        installViews(*m_window);
        const Status opened = m_window->openLibrary(m_lib->path(), View::Library);
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        m_window->document()->setPollInterval(0);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_lib.reset();
    }

    // The defect: Publish Revision… followed the Map's stream, which the Library's selection never set.
    void aStreamPickedInTheLibraryIsTheOnePublishedAndMapped()
    {
        // The Library opens on the first stream's first step ("Operations" before "Software Release").
        QCOMPARE(m_window->currentStream()->id(), m_ops);
        clickInNavigator(m_releaseDeploy);
        QCOMPARE(m_window->currentStream()->id(), m_release);

        QAction* publish = action(QStringLiteral("publishRevisionAction"));
        QAction* history = action(QStringLiteral("revisionHistoryAction"));
        QVERIFY(publish->isEnabled());
        QVERIFY(history->isEnabled());
        QString published;
        QTimer::singleShot(0, this, [&published] {
            auto* dialog = qobject_cast<PublishDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            published = dialog->streamId();
            dialog->reject();
        });
        publish->trigger();
        QCOMPARE(published, m_release);

        bool historyShown = false;
        QTimer::singleShot(0, this, [&historyShown] {
            auto* dialog = qobject_cast<RevisionHistoryDialog*>(QApplication::activeModalWidget());
            historyShown = dialog != nullptr;
            if (dialog)
                dialog->reject();
        });
        history->trigger();
        QVERIFY(historyShown);

        viewAction(QStringLiteral("&Map"))->trigger();
        QCOMPARE(m_window->currentView(), std::optional<View>(View::Map));
        auto* map = qobject_cast<MapView*>(m_window->viewWidget(View::Map));
        QCOMPARE(map->currentStreamId(), m_release);
        QCOMPARE(map->findChild<QComboBox*>()->currentText(), QStringLiteral("Software Release"));
    }

    void aStreamPickedOnTheMapIsShownByEveryView()
    {
        viewAction(QStringLiteral("&Map"))->trigger();
        auto* map = qobject_cast<MapView*>(m_window->viewWidget(View::Map));
        auto* streams = map->findChild<QComboBox*>();
        streams->setCurrentIndex(streams->findData(m_release));
        QCOMPARE(m_window->currentStream()->id(), m_release);

        viewAction(QStringLiteral("&Runs"))->trigger();
        auto* runs = qobject_cast<RunsView*>(m_window->viewWidget(View::Runs));
        QCOMPARE(runs->streamFilter()->currentData().toString(), m_release);
        viewAction(QStringLiteral("&Incidents"))->trigger();
        auto* incidents = qobject_cast<IncidentsView*>(m_window->viewWidget(View::Incidents));
        QCOMPARE(incidents->streamFilter()->currentData().toString(), m_release);
        viewAction(QStringLiteral("&Console"))->trigger();
        auto* console = qobject_cast<ConsoleView*>(m_window->viewWidget(View::Console));
        QCOMPARE(console->streamFilter()->currentData().toString(), m_release);
        viewAction(QStringLiteral("&Library"))->trigger();
        auto* library = qobject_cast<LibraryView*>(m_window->viewWidget(View::Library));
        QCOMPARE(library->currentStreamId(), m_release);

        // Picked in the Console, it comes back to the Map.
        viewAction(QStringLiteral("&Console"))->trigger();
        console->streamFilter()->setCurrentIndex(console->streamFilter()->findData(m_ops));
        QCOMPARE(m_window->currentStream()->id(), m_ops);
        viewAction(QStringLiteral("&Map"))->trigger();
        QCOMPARE(map->currentStreamId(), m_ops);
    }

    // "All value streams" in a filter is the person's choice there: it stays until another stream
    // becomes current, and it does not take the stream commands' stream away.
    void allStreamsInAFilterStaysUntilAnotherStreamIsPicked()
    {
        viewAction(QStringLiteral("&Runs"))->trigger();
        auto* runs = qobject_cast<RunsView*>(m_window->viewWidget(View::Runs));
        QCOMPARE(runs->streamFilter()->currentData().toString(), m_ops);
        runs->streamFilter()->setCurrentIndex(0);
        QCOMPARE(runs->streamFilter()->currentData().toString(), QString());
        QCOMPARE(m_window->currentStream()->id(), m_ops);
        QVERIFY(action(QStringLiteral("publishRevisionAction"))->isEnabled());

        viewAction(QStringLiteral("&Map"))->trigger();
        viewAction(QStringLiteral("&Runs"))->trigger();
        QCOMPARE(runs->streamFilter()->currentData().toString(), QString());

        viewAction(QStringLiteral("&Library"))->trigger();
        clickInNavigator(m_releaseDeploy);
        viewAction(QStringLiteral("&Runs"))->trigger();
        QCOMPARE(runs->streamFilter()->currentData().toString(), m_release);
    }

    void closingTheLibraryLeavesNoCurrentStream()
    {
        QVERIFY(action(QStringLiteral("publishRevisionAction"))->isEnabled());
        m_window->closeLibrary();
        QCOMPARE(m_window->currentStream()->id(), QString());
        QVERIFY(!action(QStringLiteral("publishRevisionAction"))->isEnabled());
        QVERIFY(m_window->openLibrary(m_lib->path(), View::Runs).ok());
        // Opened in a view that shows all streams: nothing is current until a stream is picked.
        QCOMPARE(m_window->currentStream()->id(), QString());
        QVERIFY(!action(QStringLiteral("publishRevisionAction"))->isEnabled());
        viewAction(QStringLiteral("&Map"))->trigger();
        QCOMPARE(m_window->currentStream()->id(), m_ops);
        QVERIFY(action(QStringLiteral("publishRevisionAction"))->isEnabled());
    }

private:
    QAction* action(const QString& name) const
    {
        auto* found = m_window->findChild<QAction*>(name);
        if (!found)
            qFatal("no action %s", qPrintable(name));
        return found;
    }

    QAction* viewAction(const QString& text) const
    {
        const QList<QAction*> actions = m_window->viewMenu()->actions();
        for (QAction* candidate : actions)
            if (candidate->text() == text)
                return candidate;
        qFatal("no view %s", qPrintable(text));
    }

    void clickInNavigator(const QString& id)
    {
        auto* view = qobject_cast<LibraryView*>(m_window->viewWidget(View::Library));
        QTreeView* tree = view->navigator();
        const auto* filter = qobject_cast<const QSortFilterProxyModel*>(tree->model());
        const QModelIndex index = filter->mapFromSource(view->model()->indexOf(id));
        QVERIFY(index.isValid());
        tree->scrollTo(index);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
        QCOMPARE(tree->currentIndex(), index);
    }

    std::unique_ptr<TempLibrary> m_lib;
    std::unique_ptr<MainWindow> m_window;
    QString m_release;
    QString m_ops;
    QString m_releaseDeploy;
};

QTEST_MAIN(TestCurrentStream)
#include "tst_currentstream.moc"
