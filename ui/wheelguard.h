#pragma once

// No scroll ever edits a value: a wheel turned over a spin box, a date field, a combo box or a slider
// scrolls the panel around it instead (an incident's "Detected at step" used to change under the
// pointer while the person scrolled past it). Scroll bars, lists and open combo box popups scroll as
// always.

class QApplication;

namespace stable {

// Installs the guard on the application once; calling it again does nothing.
void installWheelGuard(QApplication& application);

} // namespace stable
