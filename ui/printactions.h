#pragma once

#include <QString>

class QWidget;

namespace stable {

class Library;
class MainWindow;
struct PrintedDocument;

// File → Print Checklist… / Print Receipt… (a preview, then paper) and File → Export → Checklist as PDF… /
// Receipt as PDF…: the same documents stablectl prints, for the selected stream and run.
void installPrinting(MainWindow& window);

// The dialog-facing parts, usable on their own: a print preview of `document`, and a PDF saved where the
// user chooses. Both report a failure in a message box; false when nothing was printed or saved.
bool previewAndPrint(QWidget* parent, const PrintedDocument& document);
bool exportPdfWithDialog(QWidget* parent, const PrintedDocument& document, const QString& suggestedName);

} // namespace stable
