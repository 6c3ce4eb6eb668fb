#include "runs/runswiring.h"

#include "document.h"
#include "mainwindow.h"
#include "runs/runsview.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>

namespace stable {

namespace {

// The view's toolbar button says what the menu command says, shortcut included.
void mirrorToolTip(QAction* command, QAction* button)
{
    button->setToolTip(command->toolTip());
    QObject::connect(command, &QAction::changed, button,
                     [command, button] { button->setToolTip(command->toolTip()); });
}

// A command on the Runs view's selection in the Process menu: it shows the view and acts on what is
// selected there, enabled when the view's own button is.
void addRunCommand(MainWindow& window, RunsView& view, const QString& text, const QString& name,
                   const QString& toolTip, QAction* button)
{
    QAction* command = window.processMenu()->addAction(text);
    command->setObjectName(name);
    command->setToolTip(toolTip);
    QObject::connect(command, &QAction::triggered, &view, [&window, button] {
        window.showView(View::Runs);
        if (button->isEnabled())
            button->trigger();
    });
    const auto follow = [command, button] { command->setEnabled(button->isEnabled()); };
    QObject::connect(button, &QAction::changed, command, follow);
    follow();
    mirrorToolTip(command, button);
}

} // namespace

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
    mirrorToolTip(start, view->startRunAction());
    addRunCommand(window, *view, RunsView::tr("Si&gn…"), QStringLiteral("signItemMenuAction"),
                  RunsView::tr("Sign the selected checklist item"), view->signAction());
    addRunCommand(window, *view, RunsView::tr("V&oid Signature…"), QStringLiteral("voidSignatureMenuAction"),
                  RunsView::tr("Void a signature of the selected item, with a reason"), view->voidAction());
    addRunCommand(window, *view, RunsView::tr("C&lose Run…"), QStringLiteral("closeRunMenuAction"),
                  RunsView::tr("Close the selected run, or roll it back"), view->closeRunAction());
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
