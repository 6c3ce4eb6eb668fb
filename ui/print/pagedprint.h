#pragma once

#include "printbody.h"
#include "result.h"

#include <QString>

#include <optional>

class QFont;
class QIODevice;
class QPagedPaintDevice;

namespace stable {

enum class PaperSize { A4, Letter };
// "a4" | "letter"; the default follows the locale (Letter in the US system of measurement).
std::optional<PaperSize> parsePaperSize(const QString& text);
PaperSize defaultPaperSize();

// What every page of a printed document carries around its body.
struct PageFrame
{
    QString title;      // "Receipt — Release 4.2.0", bold at the top left
    QString subtitle;   // "Software Release (software-release) · Revision 3"
    QString library;    // top right
    QString footerNote; // bottom left, e.g. the audit chain head; "Page 2 of 5" is at the bottom right
};

// Lays `body` out on the device's pages (its page layout gives size and margins) and paints it page by
// page with the frame's header and footer. The device is a QPdfWriter or, in the desktop app, a QPrinter.
// Returns the number of pages.
int paintPages(const PrintBody& body, const PageFrame& frame, QPagedPaintDevice& device);

// A PDF of the document on `out` (already open for writing), with title and creator set; its page count.
Result<int> renderPdf(const PrintBody& body, const PageFrame& frame, QIODevice& out, PaperSize paper);

// The PDF at `path`, written to a temporary file beside it and renamed into place only when complete:
// a failure leaves nothing half-written.
Result<int> writePdfFile(const PrintBody& body, const PageFrame& frame, const QString& path, PaperSize paper);

// The font every printed document uses, in the page frame and the body alike.
QFont printFont(qreal pointSize);

} // namespace stable
