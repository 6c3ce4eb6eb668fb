#include "streampropertiesdialog.h"

#include "document.h"
#include "edits.h"
#include "fieldbounds.h"
#include "process.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace stable {

StreamPropertiesDialog::StreamPropertiesDialog(Document& document, const QString& streamId, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_streamId(streamId)
{
    setObjectName(QStringLiteral("streamPropertiesDialog"));
    const auto stream = loadDraft(document.library(), streamId);
    const ValueStream shown = stream.ok() ? stream.value() : ValueStream{};
    setWindowTitle(tr("Stream Properties — %1").arg(shown.name));

    m_name = new QLineEdit(shown.name, this);
    m_name->setObjectName(QStringLiteral("streamName"));
    m_name->setMaxLength(static_cast<int>(bounds::name));
    m_purpose = new QPlainTextEdit(this);
    m_purpose->setObjectName(QStringLiteral("streamPurpose"));
    m_purpose->setPlainText(shown.purpose);
    m_purpose->setTabChangesFocus(true);
    m_purpose->setPlaceholderText(tr("What the stream delivers, and to whom"));
    m_owner = new QLineEdit(shown.owner, this);
    m_owner->setObjectName(QStringLiteral("streamOwner"));
    m_owner->setMaxLength(static_cast<int>(bounds::name));
    m_owner->setPlaceholderText(tr("The person answerable for the process"));
    auto* key = new QLabel(shown.key, this);
    key->setTextFormat(Qt::PlainText);
    key->setTextInteractionFlags(Qt::TextSelectableByMouse);
    key->setToolTip(tr("The key stays: revisions and runs are filed under it."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Purpose:"), m_purpose);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("Key:"), key);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("streamPropertiesMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Why the properties were not saved"));
    m_message->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &StreamPropertiesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A message about what was typed goes once the person types again.
    for (QLineEdit* edit : {m_name, m_owner})
        connect(edit, &QLineEdit::textEdited, m_message, &QWidget::hide);
    connect(m_purpose, &QPlainTextEdit::textChanged, m_message, &QWidget::hide);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
    if (!stream.ok()) {
        buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        refuse(stream.message(), nullptr);
    }
}

void StreamPropertiesDialog::refuse(const QString& message, QWidget* field)
{
    m_message->setText(message);
    m_message->show();
    if (field)
        field->setFocus();
}

void StreamPropertiesDialog::accept()
{
    ValueStream stream;
    stream.id = m_streamId;
    stream.name = m_name->text().trimmed();
    stream.purpose = m_purpose->toPlainText().trimmed();
    stream.owner = m_owner->text().trimmed();
    if (stream.name.isEmpty()) {
        refuse(tr("A value stream needs a name."), m_name);
        return;
    }
    const Status saved = edits::setStreamProperties(m_document, stream);
    if (!saved.ok()) {
        refuse(saved.message(), nullptr);
        return;
    }
    QDialog::accept();
}

} // namespace stable
