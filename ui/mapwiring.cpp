#include "mapwiring.h"

#include "currentstream.h"
#include "document.h"
#include "mainwindow.h"
#include "mapview.h"
#include "publishdialog.h"
#include "revisionhistory.h"
#include "templatedialog.h"
#include "validationpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>

namespace stable {

namespace {

// Jump-to goes to the step editor (Library view); the map is the fallback for steps and streams.
void jumpTo(MainWindow& window, const QString& entity, const QString& id)
{
    if (window.selectRecord(View::Library, entity, id))
        return;
    if (window.selectRecord(View::Map, entity, id))
        return;
    window.showStatus(MainWindow::tr("Cannot show that record: it may have been removed meanwhile."));
}

void installProcessActions(MainWindow& window)
{
    QMenu* menu = window.processMenu();
    QAction* fromTemplate = menu->addAction(MainWindow::tr("&New Value Stream…"));
    fromTemplate->setObjectName(QStringLiteral("newStreamAction"));
    menu->addSeparator();
    QAction* publish = menu->addAction(MainWindow::tr("&Publish Revision…"));
    publish->setObjectName(QStringLiteral("publishRevisionAction"));
    QAction* history = menu->addAction(MainWindow::tr("Revision &History…"));
    history->setObjectName(QStringLiteral("revisionHistoryAction"));

    // They act on the window's current stream, whichever view picked it.
    CurrentStream* current = window.currentStream();
    auto updateEnabled = [&window, current, publish, history] {
        const bool chosen = window.document() && !current->id().isEmpty();
        publish->setEnabled(chosen);
        history->setEnabled(chosen);
    };
    QObject::connect(current, &CurrentStream::currentStreamChanged, publish, updateEnabled);
    QObject::connect(&window, &MainWindow::documentChanged, publish, updateEnabled);
    updateEnabled();

    QObject::connect(fromTemplate, &QAction::triggered, &window, [&window, current] {
        if (!window.document())
            return;
        TemplateDialog dialog(*window.document(), &window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        current->set(dialog.createdStreamId());
        window.showView(View::Map);
        window.showStatus(
            MainWindow::tr("Made a new value stream; publish it when it is ready."));
    });
    QObject::connect(publish, &QAction::triggered, &window, [&window, current] {
        if (!window.document() || current->id().isEmpty())
            return;
        PublishDialog dialog(*window.document(), current->id(), &window);
        if (dialog.exec() == QDialog::Accepted)
            window.showStatus(MainWindow::tr("Published revision %1.").arg(dialog.publishedRevision()));
    });
    QObject::connect(history, &QAction::triggered, &window, [&window, current] {
        if (!window.document() || current->id().isEmpty())
            return;
        RevisionHistoryDialog dialog(*window.document(), current->id(), &window);
        dialog.exec();
    });
}

void installValidationPanel(MainWindow& window)
{
    auto* dock = new QDockWidget(MainWindow::tr("Issues"), &window);
    dock->setObjectName(QStringLiteral("issuesPanel"));
    auto* panel = new ValidationPanel(dock);
    dock->setWidget(panel);
    window.addPanel(dock, Qt::BottomDockWidgetArea);
    // A few lines of issues, leaving the room to the view (a saved window state overrides this).
    window.resizeDocks({dock}, {90}, Qt::Vertical);
    panel->setDocument(window.document());
    QObject::connect(&window, &MainWindow::documentChanged, panel, &ValidationPanel::setDocument);
    QObject::connect(panel, &ValidationPanel::issueActivated, &window,
                     [&window](const QString& entity, const QString& id) { jumpTo(window, entity, id); });
}

} // namespace

void installMapAndProcess(MainWindow& window)
{
    auto* map = new MapView(&window);
    window.addView(View::Map, MainWindow::tr("&Map"), map, map);
    QObject::connect(map, &MapView::stepActivated, &window, [&window](const QString& stepId) {
        if (!window.selectRecord(View::Library, QStringLiteral("step"), stepId))
            window.showStatus(MainWindow::tr("The step editor is not available in this build."));
    });
    QObject::connect(map, &MapView::currentStreamChanged, &window,
                     [&window] { window.takeStreamFrom(View::Map); });
    installProcessActions(window);
    installValidationPanel(window);
}

} // namespace stable
