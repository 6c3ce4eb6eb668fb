// Which views the main window has, in menu order. Each view is a widget that is also a DocumentView.
#include "librarywiring.h"
#include "mainwindow.h"
#include "mapwiring.h"
#include "startup.h"

namespace stable {

void installViews(MainWindow& window)
{
    installLibraryView(window);
    installMapAndProcess(window);
}

} // namespace stable
