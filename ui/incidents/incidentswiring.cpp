#include "incidents/incidentswiring.h"

#include "document.h"
#include "incidents/incidentsview.h"
#include "mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>

namespace stable {

void installIncidentsView(MainWindow& window)
{
    auto* view = new IncidentsView(&window);
    window.addView(View::Incidents, IncidentsView::tr("&Incidents"), view, view);
    QObject::connect(view, &IncidentsView::status, &window, [&window](const QString& message) { window.showStatus(message); });

    QObject::connect(view->streamFilter(), &QComboBox::currentIndexChanged, &window,
                     [&window] { window.takeStreamFrom(View::Incidents); });
    QMenu* menu = window.processMenu();
    menu->addSeparator();
    QAction* record = menu->addAction(IncidentsView::tr("New &Incident…"));
    record->setObjectName(QStringLiteral("newIncidentAction"));
    record->setToolTip(IncidentsView::tr("Record a defect that escaped, to trace it to the step where it was put in"));
    QObject::connect(record, &QAction::triggered, view, [&window, view] {
        window.showView(View::Incidents);
        view->newIncident();
    });
    const auto update = [&window, record] { record->setEnabled(window.document() != nullptr); };
    QObject::connect(&window, &MainWindow::documentChanged, record, update);
    update();
}

} // namespace stable
