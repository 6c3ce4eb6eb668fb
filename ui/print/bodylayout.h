#pragma once

#include "printbody.h"

#include <QHash>
#include <QList>
#include <QTextCharFormat>
#include <QRectF>

#include <memory>
#include <utility>
#include <vector>

class QPainter;
class QPaintDevice;
class QFont;
class QTextLayout;

namespace stable {

// A PrintBody measured for one paint device and cut into pages. Every paragraph and table cell is laid out
// once with QTextLayout; pagination then only adds up heights, so a 200-item receipt takes milliseconds.
class BodyLayout
{
public:
    // `width` and `pageHeight` are the body's area on a page, in device pixels.
    BodyLayout(const PrintBody& body, QPaintDevice& device, qreal width, qreal pageHeight);
    ~BodyLayout();
    BodyLayout(const BodyLayout&) = delete;
    BodyLayout& operator=(const BodyLayout&) = delete;

    int pageCount() const { return static_cast<int>(m_pages.size()); }
    // Paints one page's share of the body with its top left corner at the painter's origin.
    void paintPage(QPainter& painter, int page) const;

private:
    qreal longestWord(const Text& text, const QFont& base, QPaintDevice& device);
    QList<qreal> columnEdges(const Block& block, const QFont& base, QPaintDevice& device);

    struct Piece
    {
        int text = -1; // index into m_texts
        QRectF box;    // relative to the unit's top left: a table cell, or the paragraph's own area
        QPointF at;    // where the text starts, relative to the unit's top left
    };
    // A heading, a paragraph or a table row: what a page break can come before.
    struct Unit
    {
        qreal before = 0; // space above, dropped at the top of a page
        qreal height = 0;
        int glue = 0;     // to the next unit: 0 none, 1 same whole table, 2 never apart
        bool row = false;
        bool ruled = false;
        bool shaded = false;
        int firstHeader = -1; // a table row after the header rows: the header units to repeat on a new page
        int headerCount = 0;
        QList<Piece> pieces;
    };
    struct Placement
    {
        int unit = 0;
        qreal y = 0;
    };

    void measure(const PrintBody& body, QPaintDevice& device);
    // Lays the text out at `width`; its index in m_texts and its height.
    std::pair<int, qreal> layoutText(const Text& text, const QFont& base, qreal width, QPaintDevice& device);
    qreal heightOf(int first, int last, bool atTop) const;
    qreal headerHeight(int unit) const;
    void startPage(int firstUnit);
    void place(int unit);
    void placeRange(int first, int last, int level);
    void paginate();

    QTextCharFormat formatOf(unsigned face, const QFont& base);

    qreal m_width;
    qreal m_pageHeight;
    qreal m_padding = 0;
    qreal m_rule = 0;
    QHash<quint64, QTextCharFormat> m_formats; // by face and size
    std::vector<std::unique_ptr<QTextLayout>> m_texts;
    std::vector<Unit> m_units;
    std::vector<std::vector<Placement>> m_pages;
    qreal m_y = 0; // where the next unit goes on the last page
};

} // namespace stable
