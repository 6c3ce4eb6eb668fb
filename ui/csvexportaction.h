#pragma once

namespace stable {

class MainWindow;

// File → Export → CSV…: the open library's records as CSV files in a folder the user picks.
void installCsvExport(MainWindow& window);

} // namespace stable
