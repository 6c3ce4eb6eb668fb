// Measuring first and painting second is what makes hand pagination possible: a page break is decided from
// heights alone, and the text laid out for measuring is the text painted.
#include "bodylayout.h"

#include "pagedprint.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QRegularExpression>
#include <QTextLayout>
#include <QTextOption>

namespace stable {

namespace {

// Sizes and spacing in points, as a typographer would state them.
constexpr qreal cellPadding = 3.0; // left and right
constexpr qreal ruledPadding = 2.0; // above and below the text of a ruled cell
constexpr qreal plainPadding = 1.0; // ... of a cell in a table without lines
constexpr qreal rulePoints = 0.5;
constexpr qreal smallScale = 0.83; // 7.5 pt beside 9 pt body text

struct BlockStyle
{
    qreal points;
    bool bold;
    qreal before;
    qreal after;
};

BlockStyle styleOf(Block::Kind kind)
{
    switch (kind) {
    case Block::Kind::Title:
        return {15.0, true, 0.0, 4.0};
    case Block::Kind::Section:
        return {11.5, true, 12.0, 4.0};
    case Block::Kind::Subsection:
        return {9.5, true, 7.0, 3.0};
    case Block::Kind::Paragraph:
        return {9.0, false, 2.0, 3.0};
    case Block::Kind::Table:
        return {9.0, false, 3.0, 7.0};
    }
    return {9.0, false, 0.0, 0.0};
}

QFont monoFont(qreal points)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Liberation Mono"),
                      QStringLiteral("Courier New")});
    font.setStyleHint(QFont::Monospace);
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setPointSizeF(points);
    return font;
}

// Greys rather than colours: a signed document is often printed or copied in black and white, and a dark
// grey stays legible where a pale tint or a red would fade.
QColor mutedInk()
{
    return QColor(0x50, 0x50, 0x50);
}

QColor headShade()
{
    return QColor(0xec, 0xec, 0xec);
}

} // namespace

BodyLayout::BodyLayout(const PrintBody& body, QPaintDevice& device, qreal width, qreal pageHeight)
    : m_width(width), m_pageHeight(pageHeight)
{
    const qreal perPoint = device.logicalDpiY() / 72.0;
    m_padding = cellPadding * perPoint;
    m_rule = rulePoints * perPoint;
    measure(body, device);
    paginate();
}

BodyLayout::~BodyLayout() = default;

QTextCharFormat BodyLayout::formatOf(unsigned face, const QFont& base)
{
    const quint64 key = (quint64{face} << 32) | static_cast<quint64>(base.pointSizeF() * 100) |
                        (base.bold() ? quint64{1} << 31 : 0);
    const auto known = m_formats.constFind(key);
    if (known != m_formats.cend())
        return known.value();
    const qreal points = base.pointSizeF() * ((face & (Small | Mono)) != 0 ? smallScale : 1.0);
    QFont font = (face & Mono) != 0 ? monoFont(points) : base;
    font.setPointSizeF(points);
    font.setBold(base.bold() || (face & Bold) != 0);
    font.setItalic((face & Italic) != 0);
    font.setStrikeOut((face & Struck) != 0);
    QTextCharFormat format;
    format.setFont(font, QTextCharFormat::FontPropertiesAll);
    if ((face & Muted) != 0)
        format.setForeground(mutedInk());
    m_formats.insert(key, format);
    return format;
}

std::pair<int, qreal> BodyLayout::layoutText(const Text& text, const QFont& base, qreal width, QPaintDevice& device)
{
    QString all;
    QList<QTextLayout::FormatRange> formats;
    for (const Span& span : text.spans()) {
        if (span.face != Plain)
            formats.append({static_cast<int>(all.size()), static_cast<int>(span.text.size()), formatOf(span.face, base)});
        all += span.text;
    }
    auto layout = std::make_unique<QTextLayout>(all, base, &device);
    layout->setFormats(formats);
    QTextOption option;
    // Hashes and URLs have no spaces: they break anywhere rather than run out of their cell.
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->setCacheEnabled(true);
    qreal height = 0;
    layout->beginLayout();
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout->endLayout();
    m_texts.push_back(std::move(layout));
    return {static_cast<int>(m_texts.size()) - 1, height};
}

void BodyLayout::measure(const PrintBody& body, QPaintDevice& device)
{
    const qreal perPoint = device.logicalDpiY() / 72.0;
    qreal pendingAfter = 0; // the previous block's space below, merged with the next one's space above
    for (const Block& block : body.blocks) {
        const BlockStyle style = styleOf(block.kind);
        QFont base = printFont(style.points);
        base.setBold(style.bold);
        const qreal before = std::max(pendingAfter, style.before * perPoint);
        pendingAfter = style.after * perPoint;

        if (block.kind != Block::Kind::Table) {
            const auto [text, height] = layoutText(block.text, base, m_width, device);
            Unit unit;
            unit.before = before;
            unit.height = height;
            unit.glue = block.withNext ? 2 : 0;
            unit.pieces.append(Piece{text, QRectF(0, 0, m_width, height), QPointF(0, 0)});
            m_units.push_back(std::move(unit));
            continue;
        }

        const QList<qreal> edges = columnEdges(block, base, device);
        const qreal padding = (block.ruled ? ruledPadding : plainPadding) * perPoint;
        const qreal inset = block.ruled ? m_padding : 0; // text without lines lines up with the paragraphs
        const int headerStart = static_cast<int>(m_units.size());
        for (int r = 0; r < block.rows.size(); ++r) {
            const Row& row = block.rows.at(r);
            Unit unit;
            unit.before = r == 0 ? before : 0;
            unit.row = true;
            unit.ruled = block.ruled;
            unit.shaded = row.head;
            const bool last = r == block.rows.size() - 1;
            if (r < block.repeatedRows || row.withNext)
                unit.glue = 2;
            else if (last)
                unit.glue = block.withNext ? 2 : 0;
            else
                unit.glue = block.whole ? 1 : 0;
            if (r >= block.repeatedRows && block.repeatedRows > 0) {
                unit.firstHeader = headerStart;
                unit.headerCount = block.repeatedRows;
            }
            int column = 0;
            qreal rowHeight = 0;
            for (const Cell& cell : row.cells) {
                const int from = std::min(column, static_cast<int>(block.columns.size()) - 1);
                const int to = std::min(column + cell.columns, static_cast<int>(block.columns.size()));
                column += cell.columns;
                const qreal left = edges.at(from);
                const qreal cellWidth = edges.at(to) - left;
                const auto [text, height] = layoutText(cell.text, base, cellWidth - 2 * m_padding, device);
                rowHeight = std::max(rowHeight, height + 2 * padding + cell.room * perPoint);
                unit.pieces.append(Piece{text, QRectF(left, 0, cellWidth, 0), QPointF(left + inset, padding)});
            }
            for (Piece& piece : unit.pieces)
                piece.box.setHeight(rowHeight);
            unit.height = rowHeight;
            m_units.push_back(std::move(unit));
        }
    }
}

// The widest word of a text that may not be broken: hashes and URLs (Mono) break anywhere instead.
qreal BodyLayout::longestWord(const Text& text, const QFont& base, QPaintDevice& device)
{
    qreal longest = 0;
    for (const Span& span : text.spans()) {
        if ((span.face & Mono) != 0)
            continue;
        const QFontMetricsF metrics(formatOf(span.face, base).font(), &device);
        for (const QString& word :
             span.text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
            longest = std::max(longest, metrics.horizontalAdvance(word));
    }
    return longest;
}

// The left edge of each column and the right edge of the last. The fractions give the widths, except that
// a column is never narrower than its longest word ("Performed" must not print as "Performe d"): what it
// lacks comes from the columns with room to spare, in proportion to that room.
QList<qreal> BodyLayout::columnEdges(const Block& block, const QFont& base, QPaintDevice& device)
{
    const int count = static_cast<int>(block.columns.size());
    QList<qreal> widths;
    for (const qreal fraction : block.columns)
        widths.append(fraction * m_width);
    QList<qreal> least(count, 0.0);
    for (const Row& row : block.rows) {
        int column = 0;
        for (const Cell& cell : row.cells) {
            if (cell.columns == 1 && column < count)
                least[column] =
                    std::max(least.at(column), longestWord(cell.text, base, device) + 2 * m_padding + 1);
            column += cell.columns;
        }
    }
    qreal lacking = 0;
    qreal spare = 0;
    for (int c = 0; c < count; ++c) {
        lacking += std::max(0.0, least.at(c) - widths.at(c));
        spare += std::max(0.0, widths.at(c) - least.at(c));
    }
    if (lacking > 0 && spare >= lacking) {
        for (int c = 0; c < count; ++c) {
            if (widths.at(c) < least.at(c))
                widths[c] = least.at(c);
            else
                widths[c] -= (widths.at(c) - least.at(c)) * lacking / spare;
        }
    }
    QList<qreal> edges{0};
    for (const qreal width : std::as_const(widths))
        edges.append(edges.last() + width);
    return edges;
}

qreal BodyLayout::heightOf(int first, int last, bool atTop) const
{
    qreal height = 0;
    for (int i = first; i <= last; ++i) {
        const Unit& unit = m_units.at(static_cast<size_t>(i));
        height += unit.height + (i == first && atTop ? 0 : unit.before);
    }
    return height;
}

qreal BodyLayout::headerHeight(int index) const
{
    const Unit& unit = m_units.at(static_cast<size_t>(index));
    return unit.firstHeader < 0 ? 0 : heightOf(unit.firstHeader, unit.firstHeader + unit.headerCount - 1, true);
}

void BodyLayout::startPage(int firstUnit)
{
    m_pages.emplace_back();
    m_y = 0;
    // A table that goes on to a new page carries its column headings with it.
    const Unit& unit = m_units.at(static_cast<size_t>(firstUnit));
    for (int header = 0; header < unit.headerCount; ++header)
        place(unit.firstHeader + header);
}

void BodyLayout::place(int index)
{
    const Unit& unit = m_units.at(static_cast<size_t>(index));
    if (!m_pages.back().empty())
        m_y += unit.before;
    m_pages.back().push_back(Placement{index, m_y});
    m_y += unit.height;
}

// Units bound together by glue stronger than `level` go on one page: the whole range if it fits on the
// rest of this page or else on a new one; a range taller than a page is cut at its weakest glue and each
// part placed the same way, down to single units.
void BodyLayout::placeRange(int first, int last, int level)
{
    const bool atTop = m_pages.back().empty();
    if (m_y + heightOf(first, last, atTop) <= m_pageHeight) {
        for (int i = first; i <= last; ++i)
            place(i);
        return;
    }
    if (!atTop && headerHeight(first) + heightOf(first, last, true) <= m_pageHeight) {
        startPage(first);
        for (int i = first; i <= last; ++i)
            place(i);
        return;
    }
    if (level > 2) {
        for (int i = first; i <= last; ++i) {
            if (!m_pages.back().empty() && m_y + heightOf(i, i, false) > m_pageHeight)
                startPage(i);
            place(i);
        }
        return;
    }
    int start = first;
    for (int i = first; i <= last; ++i) {
        if (i == last || m_units.at(static_cast<size_t>(i)).glue <= level) {
            placeRange(start, i, level + 1);
            start = i + 1;
        }
    }
}

void BodyLayout::paginate()
{
    m_pages.emplace_back();
    const int count = static_cast<int>(m_units.size());
    int start = 0;
    for (int i = 0; i < count; ++i) {
        if (i == count - 1 || m_units.at(static_cast<size_t>(i)).glue == 0) {
            placeRange(start, i, 1);
            start = i + 1;
        }
    }
}

void BodyLayout::paintPage(QPainter& painter, int page) const
{
    const QPen rule(Qt::black, m_rule);
    for (const Placement& placement : m_pages.at(static_cast<size_t>(page))) {
        const Unit& unit = m_units.at(static_cast<size_t>(placement.unit));
        const QPointF origin(0, placement.y);
        for (const Piece& piece : unit.pieces) {
            const QRectF box = piece.box.translated(origin);
            if (unit.shaded)
                painter.fillRect(box, headShade());
            if (unit.ruled) {
                painter.setPen(rule);
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(box);
            }
            painter.setPen(Qt::black);
            m_texts.at(static_cast<size_t>(piece.text))->draw(&painter, piece.at + origin);
        }
    }
}

} // namespace stable
