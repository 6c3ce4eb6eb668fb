#pragma once

#include "arguments.h"

#include <QList>

namespace stable::cli {

// The commands of DESIGN.md §6, one group per file; main() dispatches over all of them.
QList<CommandSpec> libraryCommands();  // init, demo, export, import-library, verify, check, backup
QList<CommandSpec> peopleCommands();   // person add | list | unlock | retire
QList<CommandSpec> processCommands();  // import, publish
QList<CommandSpec> runCommands();      // run start | sign | void | close | show | list
QList<CommandSpec> incidentCommands(); // incident add | analyse | improve (| show | list)
QList<CommandSpec> measureCommands();  // rework add, team-hours set, settings set, metrics
QList<CommandSpec> csvCommands();      // export-csv
QList<CommandSpec> printCommands();    // checklist, receipt (PDF; the receipt also as JSON)
QList<CommandSpec> bpmnCommands();     // import-bpmn

// The printing commands lay text out with fonts: main() gives them a QGuiApplication.
bool commandPrints(const QString& word);

} // namespace stable::cli
