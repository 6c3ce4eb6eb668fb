#include "runs/runswiring.h"

#include "document.h"
#include "mainwindow.h"
#include "runs/runsview.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>

namespace stable {

void installRunsView(MainWindow& window)
{
    auto* view = new RunsView(&window);
    window.addView(View::Runs, RunsView::tr("&Runs"), view, view);
    QObject::connect(view->streamFilter(), &QComboBox::currentIndexChanged, &window,
                     [&window] { window.takeStreamFrom(View::Runs); });
    QMenu* menu = window.processMenu();
    menu->addSeparator();
    QAction* start = menu->addAction(RunsView::tr("S&tart Run…"));
    start->setObjectName(QStringLiteral("startRunMenuAction"));
    QObject::connect(start, &QAction::triggered, view, [&window, view] {
        window.showView(View::Runs);
        view->startRun();
    });
    const auto follow = [start](Document* document) { start->setEnabled(document != nullptr); };
    QObject::connect(&window, &MainWindow::documentChanged, start, follow);
    follow(window.document());
    QObject::connect(view, &RunsView::statusMessage, &window, [&window](const QString& message) { window.showStatus(message); });
    const auto jumpToIncident = [&window](const QString& id, const QString& key) {
        if (!window.selectRecord(View::Incidents, QStringLiteral("incident"), id))
            window.showStatus(key.isEmpty() ? RunsView::tr("The Incidents view is not in this build yet.")
                                            : RunsView::tr("Raised %1.").arg(key));
    };
    QObject::connect(view, &RunsView::incidentRaised, &window, jumpToIncident);
    QObject::connect(view, &RunsView::incidentActivated, &window,
                     [jumpToIncident](const QString& id) { jumpToIncident(id, QString()); });
}

} // namespace stable
