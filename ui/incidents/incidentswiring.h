#pragma once

namespace stable {

class MainWindow;

// The Incidents view and its Process menu command "New Incident…".
void installIncidentsView(MainWindow& window);

} // namespace stable
