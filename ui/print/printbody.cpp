#include "printbody.h"

namespace stable {

Text& Text::add(const QString& text, unsigned face)
{
    if (!text.isEmpty())
        m_spans.append(Span{text, face});
    return *this;
}

Text& Text::lineBreak()
{
    // The Unicode line separator: QTextLayout breaks the line there and draws nothing.
    m_spans.append(Span{QString(QChar::LineSeparator), Plain});
    return *this;
}

Text& Text::withFace(unsigned face)
{
    for (Span& span : m_spans)
        span.face |= face;
    return *this;
}

Block& PrintBody::heading(Block::Kind kind, const Text& text)
{
    Block block;
    block.kind = kind;
    block.text = text;
    // A heading at the foot of a page, its content overleaf, reads as a section with nothing in it.
    block.withNext = kind != Block::Kind::Title;
    blocks.append(block);
    return blocks.last();
}

Block& PrintBody::paragraph(const Text& text)
{
    Block block;
    block.text = text;
    blocks.append(block);
    return blocks.last();
}

Block& PrintBody::table(const QList<qreal>& columns)
{
    Block block;
    block.kind = Block::Kind::Table;
    block.columns = columns;
    blocks.append(block);
    return blocks.last();
}

} // namespace stable
