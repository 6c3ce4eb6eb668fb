#pragma once

namespace stable {

class MainWindow;

// The map view, the Process menu's publishing, history and template commands, and the issues panel.
void installMapAndProcess(MainWindow& window);

} // namespace stable
