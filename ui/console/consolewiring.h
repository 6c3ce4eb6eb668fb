#pragma once

namespace stable {

class MainWindow;

// The performance console view, with its alerts jumping to the runs, incidents and library views.
void installConsoleView(MainWindow& window);

} // namespace stable
