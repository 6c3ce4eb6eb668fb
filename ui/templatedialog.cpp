#include "templatedialog.h"

#include "document.h"
#include "edits.h"
#include "process.h"
#include "refusal.h"
#include "templates.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace stable {

TemplateDialog::TemplateDialog(Document& document, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_template(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("New Value Stream"));
    m_template->setObjectName(QStringLiteral("template"));
    m_name->setObjectName(QStringLiteral("name"));
    m_key->setObjectName(QStringLiteral("key"));
    m_message->setObjectName(QStringLiteral("message"));
    m_key->setToolTip(
        tr("Letters, digits, ‘-’, ‘_’ and ‘.’; used on the command line and in item references"));
    styleAsRefusal(m_message);

    m_template->addItem(tr("Blank value stream"), QString());
    for (const QString& name : templateNames())
        m_template->addItem(templateTitle(name), name);
    if (auto streams = listStreamNames(document.library()); streams.ok())
        for (const StreamSummary& stream : streams.value())
            m_takenKeys.append(stream.key);

    auto* form = new QFormLayout;
    form->addRow(tr("&Template:"), m_template);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Key:"), m_key);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &TemplateDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_template, &QComboBox::currentIndexChanged, this, &TemplateDialog::templateChosen);
    templateChosen();
    resize(520, sizeHint().height());
}

void TemplateDialog::templateChosen()
{
    const QString title =
        m_template->currentData().toString().isEmpty() ? tr("New value stream") : m_template->currentText();
    m_name->setText(title);
    m_key->setText(makeKey(title, m_takenKeys));
}

void TemplateDialog::create()
{
    const QString key = m_key->text().trimmed();
    const QString name = m_name->text().trimmed();
    auto refuse = [this](const QString& message) {
        m_message->setText(message);
        m_message->show();
    };
    if (name.isEmpty())
        return refuse(tr("Give the value stream a name."));
    if (!isValidKey(key))
        return refuse(tr("‘%1’ cannot be a key: use letters, digits, ‘-’, ‘_’ and ‘.’.").arg(key));
    // Importing under a taken key would replace that stream's draft; a template only ever makes a new one.
    if (m_takenKeys.contains(key))
        return refuse(tr("A value stream with the key ‘%1’ exists already; choose another key.").arg(key));
    ValueStream stream;
    if (const QString chosen = m_template->currentData().toString(); !chosen.isEmpty()) {
        auto loaded = loadTemplate(chosen);
        if (!loaded.ok())
            return refuse(loaded.message());
        stream = loaded.value();
    }
    stream.key = key;
    stream.name = name;
    auto created = edits::addStream(m_document, stream);
    if (!created.ok())
        return refuse(created.message());
    m_created = created.value();
    accept();
}

} // namespace stable
