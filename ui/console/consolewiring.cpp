#include "console/consolewiring.h"

#include "console/consoleview.h"
#include "mainwindow.h"

#include <QComboBox>

namespace stable {

namespace {

// Where each kind of alert's record is shown: runs and their items in the Runs view, incidents in the
// Incidents view, steps in the step editor (the map as fallback).
QList<View> viewsFor(const QString& entity)
{
    if (entity == QStringLiteral("run") || entity == QStringLiteral("run_item"))
        return {View::Runs};
    if (entity == QStringLiteral("incident"))
        return {View::Incidents};
    if (entity == QStringLiteral("step"))
        return {View::Library, View::Map};
    return {};
}

} // namespace

void installConsoleView(MainWindow& window)
{
    auto* console = new ConsoleView(&window);
    window.addView(View::Console, MainWindow::tr("&Console"), console, console);
    QObject::connect(console->streamFilter(), &QComboBox::currentIndexChanged, &window,
                     [&window] { window.takeStreamFrom(View::Console); });
    QObject::connect(console, &ConsoleView::alertActivated, &window,
                     [&window](const QString& entity, const QString& id) {
                         for (View view : viewsFor(entity))
                             if (window.selectRecord(view, entity, id))
                                 return;
                         window.showStatus(MainWindow::tr("Cannot show that record here: its view is not in "
                                                          "this build, or the record was removed meanwhile."));
                     });
}

} // namespace stable
