#include "incidents/whychain.h"

#include "plaintext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace stable {

WhyChain::WhyChain(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("whyChain"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setSpacing(4);
    layout->addLayout(m_rowsLayout);
    m_add = new QPushButton(tr("&Why?"), this);
    m_add->setObjectName(QStringLiteral("addWhy"));
    m_add->setToolTip(tr("Ask why once more: add the next answer to the chain"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &WhyChain::addWhy);
}

void WhyChain::setSubject(const QString& title)
{
    m_subject = title;
    updateQuestions();
}

void WhyChain::setWhys(const QStringList& whys)
{
    rebuild(whys);
}

QStringList WhyChain::whys() const
{
    if (m_readOnly)
        return m_recorded;
    QStringList answers;
    for (const Row& row : m_rows)
        answers.append(row.answer->text());
    return answers;
}

QLineEdit* WhyChain::answer(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).answer : nullptr;
}

void WhyChain::setReadOnly(bool readOnly)
{
    const QStringList answers = whys();
    m_readOnly = readOnly;
    rebuild(answers);
}

void WhyChain::addWhy()
{
    if (m_readOnly || count() >= maxWhys)
        return;
    QStringList answers = whys();
    answers.append(QString());
    rebuild(answers, static_cast<int>(answers.size()) - 1);
    emit edited();
}

void WhyChain::removeWhy(int index)
{
    if (m_readOnly || index < 0 || index >= count())
        return;
    QStringList answers = whys();
    answers.removeAt(index);
    rebuild(answers, std::min(index, static_cast<int>(answers.size()) - 1));
    emit edited();
}

void WhyChain::moveWhy(int index, int by)
{
    const int to = index + by;
    if (m_readOnly || index < 0 || index >= count() || to < 0 || to >= count())
        return;
    QStringList answers = whys();
    answers.move(index, to);
    rebuild(answers, to);
    emit edited();
}

QString WhyChain::questionFor(int index, const QStringList& whys) const
{
    const QString previous = index == 0 ? m_subject : whys.value(index - 1).trimmed();
    if (previous.isEmpty())
        return tr("Why did it happen?");
    return tr("Why did “%1” happen?").arg(previous);
}

void WhyChain::updateQuestions()
{
    const QStringList answers = whys();
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!m_rows.at(i).answer)
            continue;
        const QString question = questionFor(i, answers);
        m_rows.at(i).answer->setPlaceholderText(question);
        m_rows.at(i).answer->setToolTip(plainToolTip(question));
        m_rows.at(i).answer->setAccessibleName(tr("Why %1 of %2").arg(i + 1).arg(m_rows.size()));
    }
    m_add->setVisible(!m_readOnly);
    m_add->setEnabled(count() < maxWhys);
    m_add->setToolTip(
        plainToolTip(count() < maxWhys ? questionFor(count(), answers) : tr("Five whys at most")));
}

void WhyChain::rebuild(const QStringList& whys, int focus)
{
    // Later: the button or field that asked for the rebuild may be the one going away.
    for (const Row& row : std::as_const(m_rows)) {
        m_rowsLayout->removeWidget(row.box);
        row.box->hide();
        row.box->deleteLater();
    }
    m_rows.clear();
    m_recorded = whys;
    for (int i = 0; i < whys.size(); ++i) {
        Row row;
        row.box = new QWidget(this);
        auto* line = new QHBoxLayout(row.box);
        line->setContentsMargins(0, 0, 0, 0);
        auto* number = new QLabel(tr("%1.").arg(i + 1), row.box);
        number->setMinimumWidth(number->fontMetrics().horizontalAdvance(QStringLiteral("5.")) + 4);
        number->setAlignment(Qt::AlignRight | Qt::AlignTop);
        if (m_readOnly) {
            // Part of the record: read in full, wrapped, not scrolled in a field.
            auto* text = plainLabel(new QLabel(whys.at(i), row.box));
            text->setObjectName(QStringLiteral("why%1").arg(i + 1));
            text->setWordWrap(true);
            text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
            line->addWidget(number, 0, Qt::AlignTop);
            line->addWidget(text, 1);
            m_rowsLayout->addWidget(row.box);
            row.box->show();
            m_rows.append(row);
            continue;
        }
        row.answer = new QLineEdit(whys.at(i), row.box);
        row.answer->setObjectName(QStringLiteral("why%1").arg(i + 1));
        row.answer->setCursorPosition(0);
        number->setBuddy(row.answer);
        row.up = new QToolButton(row.box);
        row.up->setArrowType(Qt::UpArrow);
        row.up->setAccessibleName(tr("Move why %1 up").arg(i + 1));
        row.up->setToolTip(tr("Move up the chain"));
        row.up->setEnabled(i > 0);
        row.down = new QToolButton(row.box);
        row.down->setArrowType(Qt::DownArrow);
        row.down->setAccessibleName(tr("Move why %1 down").arg(i + 1));
        row.down->setToolTip(tr("Move down the chain"));
        row.down->setEnabled(i + 1 < whys.size());
        row.remove = new QToolButton(row.box);
        row.remove->setText(tr("Remove"));
        row.remove->setAccessibleName(tr("Remove why %1").arg(i + 1));
        line->addWidget(number);
        line->addWidget(row.answer, 1);
        line->addWidget(row.up);
        line->addWidget(row.down);
        line->addWidget(row.remove);
        m_rowsLayout->addWidget(row.box);
        row.box->show(); // at once, not when the layout gets round to it: focus moves to it next
        connect(row.answer, &QLineEdit::textEdited, this, [this] {
            updateQuestions();
            emit edited();
        });
        // Enter on an answer asks the next why.
        connect(row.answer, &QLineEdit::returnPressed, this, [this, i] {
            if (i + 1 < count())
                m_rows.at(i + 1).answer->setFocus();
            else
                addWhy();
        });
        connect(row.up, &QToolButton::clicked, this, [this, i] { moveWhy(i, -1); });
        connect(row.down, &QToolButton::clicked, this, [this, i] { moveWhy(i, 1); });
        connect(row.remove, &QToolButton::clicked, this, [this, i] { removeWhy(i); });
        m_rows.append(row);
    }
    updateQuestions();
    if (focus >= 0 && focus < m_rows.size())
        m_rows.at(focus).answer->setFocus();
}

} // namespace stable
