#pragma once

namespace stable {

class MainWindow;

// While a library is open in the window: rotating automatic backups (settings backup/intervalHours,
// default 24, and backup/keep, default 7), and on open the per-machine witness check, whose warning
// names the figures and lets the user accept a file deliberately restored from a backup.
void installAutoBackup(MainWindow& window);

} // namespace stable
