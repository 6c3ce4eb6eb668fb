#pragma once

#include "pagedprint.h"
#include "result.h"

#include <QString>

class QIODevice;
class QPagedPaintDevice;

namespace stable {

class Library;
struct Receipt;

// A document ready to go to paper or PDF: its body and what frames every page. The command line and the
// desktop app print the same documents through these functions.
struct PrintedDocument
{
    PrintBody body;
    PageFrame frame;
};

// The blank checklist of a stream's revision (0: the latest published). Refuses a stream never published
// or an unknown revision, with the core's message.
Result<PrintedDocument> checklistDocument(Library& library, const QString& stream, int revision = 0);
PrintedDocument receiptDocument(const Receipt& receipt);

// Each returns the number of pages.
int paintDocument(const PrintedDocument& document, QPagedPaintDevice& device);
Result<int> renderPdf(const PrintedDocument& document, QIODevice& out, PaperSize paper);
// Written to a temporary file and renamed into place: nothing half-written on failure.
Result<int> writePdf(const PrintedDocument& document, const QString& path, PaperSize paper);

} // namespace stable
