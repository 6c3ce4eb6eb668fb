#pragma once

namespace stable {

class MainWindow;

// While a library is open in the window: rotating automatic backups (settings backup/intervalHours,
// default 24, and backup/keep, default 7), and on open the per-machine witness check, whose warning
// names the figures and lets the user accept a file deliberately restored from a backup.
void installAutoBackup(MainWindow& window);

// Looks now instead of at the next timer tick (a backup is made only when one is due). The backup runs on
// a thread of its own; the outcome shows in the status bar.
void backUpNowIfDue(MainWindow& window);

} // namespace stable
