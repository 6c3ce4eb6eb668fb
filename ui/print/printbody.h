#pragma once

#include <QList>
#include <QString>

namespace stable {

// What a printed document is made of: headings, paragraphs and ruled tables of styled text. Deliberately
// small, so that it can be measured and paginated by hand in a few milliseconds (QTextDocument's table
// layout took seconds for a 200-item receipt) and so that the rules of a signed document — a check never
// split from its signature lines, a heading never alone at the foot of a page — are stated where they apply.

// How a run of text looks; combinable.
enum Face : unsigned {
    Plain = 0,
    Bold = 1u << 0,
    Italic = 1u << 1,
    Mono = 1u << 2,   // hashes, ids, keys
    Small = 1u << 3,  // notes and details, 7.5 pt
    Muted = 1u << 4,  // captions and guides: dark grey, still legible on any printer
    Struck = 1u << 5, // a voided signature
};

// A caption above a value or a space to write in.
constexpr unsigned Caption = Small | Muted;
// A box to tick on paper.
inline const QString tickBox = QStringLiteral("\u2610");

struct Span
{
    QString text;
    unsigned face = Plain;
};

// A paragraph of styled runs; break() starts a new line within it.
class Text
{
public:
    Text() = default;
    Text(const QString& text, unsigned face = Plain) { add(text, face); }
    Text& add(const QString& text, unsigned face = Plain);
    Text& lineBreak();
    // Every run gains `face` (e.g. Struck for a voided signature).
    Text& withFace(unsigned face);
    const QList<Span>& spans() const { return m_spans; }
    bool isEmpty() const { return m_spans.isEmpty(); }

private:
    QList<Span> m_spans;
};

struct Cell
{
    Text text;
    int columns = 1;   // how many of the table's columns it spans
    qreal room = 0;    // blank space below the text, in points: where a person writes
};

struct Row
{
    QList<Cell> cells;
    bool head = false;     // a shaded heading row
    bool withNext = false; // never split from the next row (an attestation and its note and void)
};

struct Block
{
    enum class Kind { Title, Section, Subsection, Paragraph, Table };
    Kind kind = Kind::Paragraph;
    Text text;              // headings and paragraphs
    QList<qreal> columns;   // tables: the width of each column as a fraction of the page
    QList<Row> rows;
    bool ruled = true;      // tables: lines around every cell
    bool whole = true;      // tables: on one page whenever it fits on one
    int repeatedRows = 0;   // tables: header rows printed again at the top of each page the table goes on to
    bool withNext = false;  // never at the foot of a page without the start of the next block
};

struct PrintBody
{
    QList<Block> blocks;

    // Each appends a block and returns it, to be filled in before the next one is added.
    Block& heading(Block::Kind kind, const Text& text);
    Block& paragraph(const Text& text);
    Block& table(const QList<qreal>& columns);
};

} // namespace stable
