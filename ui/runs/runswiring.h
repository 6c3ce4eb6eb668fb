#pragma once

namespace stable {

class MainWindow;

// The Runs view (proof: checklists being signed) and its "Start Run…" command in the Process menu.
void installRunsView(MainWindow& window);

} // namespace stable
