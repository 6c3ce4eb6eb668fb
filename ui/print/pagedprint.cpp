// Page by page with our own frame: a signed document needs "Page 2 of 5" and the run or revision it belongs
// to on every sheet, so that a loose sheet can be put back where it came from.
#include "pagedprint.h"

#include "bodylayout.h"
#include "filesafety.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>

namespace stable {

namespace {

// Space between the header rule and the body, and the body and the footer rule, in points.
constexpr qreal framePadding = 6.0;

qreal pointsToPixels(qreal points, const QPaintDevice& device)
{
    return points * device.logicalDpiY() / 72.0;
}

} // namespace

std::optional<PaperSize> parsePaperSize(const QString& text)
{
    const QString word = text.trimmed().toLower();
    if (word == QLatin1String("a4"))
        return PaperSize::A4;
    if (word == QLatin1String("letter"))
        return PaperSize::Letter;
    return std::nullopt;
}

PaperSize defaultPaperSize()
{
    return QLocale().measurementSystem() == QLocale::ImperialUSSystem ? PaperSize::Letter : PaperSize::A4;
}

QFont printFont(qreal pointSize)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"), QStringLiteral("Arial"),
                      QStringLiteral("Helvetica")});
    font.setStyleHint(QFont::SansSerif);
    // No ligatures: "verified" must stay searchable and copyable as typed (pdftotext, a reader's search),
    // not come out with an "ﬁ" glyph.
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setPointSizeF(pointSize);
    return font;
}

int paintPages(const PrintBody& body, const PageFrame& frame, QPagedPaintDevice& device)
{
    QPainter painter(&device);
    const QRectF page(QPointF(0, 0), QSizeF(device.pageLayout().paintRectPixels(device.logicalDpiX()).size()));

    const QFont titleFont = [] {
        QFont font = printFont(10);
        font.setBold(true);
        return font;
    }();
    const QFont smallFont = printFont(8);
    const QFontMetricsF titleMetrics(titleFont, &device);
    const QFontMetricsF smallMetrics(smallFont, &device);
    const qreal padding = pointsToPixels(framePadding, device);
    const qreal rule = pointsToPixels(0.5, device);
    const qreal headerHeight = titleMetrics.height() + smallMetrics.height() + padding;
    const qreal footerHeight = smallMetrics.height() + padding;

    const qreal bodyHeight = page.height() - headerHeight - footerHeight - padding;
    const BodyLayout layout(body, device, page.width(), bodyHeight);
    const int pages = layout.pageCount();

    for (int index = 0; index < pages; ++index) {
        if (index > 0)
            device.newPage();

        painter.setPen(QPen(Qt::black, rule));
        painter.setFont(titleFont);
        const qreal titleBaseline = titleMetrics.ascent();
        const qreal libraryWidth = smallMetrics.horizontalAdvance(frame.library);
        painter.drawText(QPointF(0, titleBaseline),
                         titleMetrics.elidedText(frame.title, Qt::ElideRight, page.width() - libraryWidth - padding));
        painter.setFont(smallFont);
        painter.drawText(QPointF(page.width() - libraryWidth, titleBaseline), frame.library);
        painter.drawText(QPointF(0, titleMetrics.height() + smallMetrics.ascent()),
                         smallMetrics.elidedText(frame.subtitle, Qt::ElideRight, page.width()));
        const qreal headerRule = headerHeight - padding / 2;
        painter.drawLine(QPointF(0, headerRule), QPointF(page.width(), headerRule));

        const qreal footerRule = page.height() - footerHeight;
        painter.drawLine(QPointF(0, footerRule), QPointF(page.width(), footerRule));
        const QString pageText = QStringLiteral("Page %1 of %2").arg(index + 1).arg(pages);
        const qreal pageWidth = smallMetrics.horizontalAdvance(pageText);
        const qreal footerBaseline = page.height() - smallMetrics.descent();
        painter.drawText(QPointF(page.width() - pageWidth, footerBaseline), pageText);
        painter.drawText(QPointF(0, footerBaseline),
                         smallMetrics.elidedText(frame.footerNote, Qt::ElideMiddle, page.width() - pageWidth - padding));

        painter.save();
        painter.translate(0, headerHeight);
        layout.paintPage(painter, index);
        painter.restore();
    }
    return pages;
}

Result<int> renderPdf(const PrintBody& body, const PageFrame& frame, QIODevice& out, PaperSize paper)
{
    QPdfWriter writer(&out);
    writer.setPageSize(QPageSize(paper == PaperSize::Letter ? QPageSize::Letter : QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 14, 15, 14), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(frame.title);
    writer.setCreator(QStringLiteral("Stable " STABLE_VERSION));
    return paintPages(body, frame, writer);
}

Result<int> writePdfFile(const PrintBody& body, const PageFrame& frame, const QString& path, PaperSize paper)
{
    // Only the app writes here, after its save dialog asked before replacing a file: replacing is allowed,
    // an open library or a symlink never.
    OutputRules rules;
    rules.replace = true;
    OutputFile file(path, rules);
    STABLE_TRY(file.open());
    auto pages = renderPdf(body, frame, file.device(), paper);
    STABLE_TRY(pages);
    STABLE_TRY(file.commit());
    return pages;
}

} // namespace stable
