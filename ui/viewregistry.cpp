// Which views the main window has, in menu order. Each view is a widget that is also a DocumentView.
#include "mainwindow.h"
#include "startup.h"

namespace stable {

void installViews(MainWindow& window)
{
    Q_UNUSED(window)
}

} // namespace stable
