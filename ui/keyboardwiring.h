#pragma once

namespace stable {

class MainWindow;

// The keyboard's way through the window, in one place once every view is installed: the shortcuts of
// the Process commands (and their tooltips), context menus on the navigator's steps and the incident
// list, and Help → Keyboard Shortcuts.
void installKeyboardAccess(MainWindow& window);

} // namespace stable
