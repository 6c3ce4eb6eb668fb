#pragma once

#include "result.h"

#include <QString>

class QWidget;

namespace stable {

class MainWindow;

// Where the app keeps the demo library: the user's data folder.
QString demoLibraryPath();

// The library `stable` opens without an argument: the last one opened if it still exists, else the
// demo library, made on first start so that the first look is full.
Result<QString> libraryToOpenAtStart();

// Adds every view the app has to the window.
void installViews(MainWindow& window);

// Renders `widget` as it is on screen to a PNG file.
Status saveScreenshot(QWidget& widget, const QString& path);

} // namespace stable
