#pragma once

namespace stable {

class MainWindow;

// File → Import BPMN…: choose a model, preview what it becomes, import it into the open library.
void installBpmnImport(MainWindow& window);

} // namespace stable
