// Which views the main window has, in menu order. Each view is a widget that is also a DocumentView.
#include "autobackup.h"
#include "bpmn/bpmnimportwiring.h"
#include "console/consolewiring.h"
#include "csvexportaction.h"
#include "incidents/incidentswiring.h"
#include "keyboardwiring.h"
#include "librarymenu.h"
#include "librarywiring.h"
#include "mainwindow.h"
#include "mapwiring.h"
#include "preferencesdialog.h"
#include "printactions.h"
#include "runs/runswiring.h"
#include "startup.h"
#include "userguide.h"

namespace stable {

void installViews(MainWindow& window)
{
    installLibraryView(window);
    installMapAndProcess(window);
    installRunsView(window);
    installIncidentsView(window);
    installConsoleView(window);
    installCsvExport(window);
    installBpmnImport(window);
    installPrinting(window);
    installAutoBackup(window);
    installLibraryMenu(window);
    installPreferences(window);
    installUserGuide(window);
    installKeyboardAccess(window); // last: it gives every command above its keys
}

} // namespace stable
