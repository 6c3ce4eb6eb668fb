#pragma once

namespace stable {

class MainWindow;

// The Library view, its Process menu commands (add/remove steps and checks) and the Undo History panel.
void installLibraryView(MainWindow& window);

} // namespace stable
