#include "printchoicedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace stable {

PrintChoiceDialog::PrintChoiceDialog(const QString& title, const QString& question,
                                     const QList<QPair<QString, QString>>& choices, const QString& currentId,
                                     QWidget* parent)
    : QDialog(parent)
    , m_choice(new QComboBox(this))
{
    setWindowTitle(title);
    m_choice->setObjectName(QStringLiteral("choice"));
    // Names are shown as typed: a combo box item is plain text.
    for (const auto& [text, id] : choices)
        m_choice->addItem(text, id);
    m_choice->setCurrentIndex(std::max(0, m_choice->findData(currentId)));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(60);

    auto* form = new QFormLayout;
    form->addRow(question, m_choice);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_choice->setFocus();
}

QString PrintChoiceDialog::chosenId() const
{
    return m_choice->currentData().toString();
}

} // namespace stable
