#include "incidents/newincidentdialog.h"

#include "document.h"
#include "incidents.h"
#include "incidents/incidentpickers.h"
#include "incidents/incidentstatus.h"
#include "process.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stable {

NewIncidentDialog::NewIncidentDialog(Document& document, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_title(new QLineEdit(this))
    , m_whatHappened(new QPlainTextEdit(this))
    , m_stream(new QComboBox(this))
    , m_detected(new QComboBox(this))
    , m_injected(new QComboBox(this))
    , m_run(new QComboBox(this))
    , m_severity(new QSpinBox(this))
    , m_category(new QComboBox(this))
    , m_recurrenceOf(new QComboBox(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("New Incident"));
    m_title->setObjectName(QStringLiteral("title"));
    m_whatHappened->setObjectName(QStringLiteral("whatHappened"));
    m_stream->setObjectName(QStringLiteral("stream"));
    m_detected->setObjectName(QStringLiteral("detectedStep"));
    m_injected->setObjectName(QStringLiteral("injectedStep"));
    m_run->setObjectName(QStringLiteral("run"));
    m_severity->setObjectName(QStringLiteral("severity"));
    m_category->setObjectName(QStringLiteral("category"));
    m_recurrenceOf->setObjectName(QStringLiteral("recurrenceOf"));
    m_message->setObjectName(QStringLiteral("message"));

    m_title->setPlaceholderText(tr("What went wrong, in a line"));
    m_whatHappened->setPlaceholderText(tr("What happened, who noticed, what it cost"));
    m_whatHappened->setTabChangesFocus(true);
    m_whatHappened->setFixedHeight(m_whatHappened->fontMetrics().lineSpacing() * 6 + 12);
    m_severity->setRange(1, 10);
    m_severity->setValue(5);
    m_severity->setToolTip(tr("1: a nuisance … 10: harm to customers or data"));
    m_detected->setToolTip(tr("The step where the defect was found"));
    m_injected->setToolTip(tr("The step where the defect was put in: the new check will go there"));
    styleAsRefusal(m_message);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&What happened:"), m_whatHappened);
    form->addRow(tr("Value &stream:"), m_stream);
    form->addRow(tr("&Detected at step:"), m_detected);
    form->addRow(tr("&Injected at step:"), m_injected);
    form->addRow(tr("R&un:"), m_run);
    form->addRow(tr("Se&verity:"), m_severity);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("Recurrence &of:"), m_recurrenceOf);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* create = buttons->addButton(tr("&Record Incident"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createButton"));
    create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewIncidentDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    Library& library = document.library();
    auto streams = listStreamNames(library);
    if (streams.ok())
        for (const StreamSummary& stream : streams.value())
            m_stream->addItem(stream.name, stream.id);
    fillCategoryPicker(m_category, library, QString());
    connect(m_stream, &QComboBox::currentIndexChanged, this, &NewIncidentDialog::loadStream);
    loadStream();
    resize(620, sizeHint().height());
}

void NewIncidentDialog::prefill(const QString& streamId, const QString& runId, const QString& detectedStepId)
{
    if (!streamId.isEmpty())
        pickData(m_stream, streamId);
    loadStream();
    if (!runId.isEmpty())
        fillRunPicker(m_run, m_document.library(), m_stream->currentData().toString(), runId);
    if (!detectedStepId.isEmpty()) {
        fillStepPicker(m_detected, m_document.library(), m_stream->currentData().toString(), detectedStepId);
        // Until the analysis says otherwise, the defect was put in where it was found.
        fillStepPicker(m_injected, m_document.library(), m_stream->currentData().toString(), detectedStepId);
    }
}

void NewIncidentDialog::loadStream()
{
    Library& library = m_document.library();
    const QString streamId = m_stream->currentData().toString();
    fillStepPicker(m_detected, library, streamId, m_detected->currentData().toString());
    fillStepPicker(m_injected, library, streamId, m_injected->currentData().toString());
    fillRunPicker(m_run, library, streamId, QString());
    fillRecurrencePicker(m_recurrenceOf, library, streamId, 0, QString());
}

void NewIncidentDialog::create()
{
    NewIncident incident;
    incident.title = m_title->text();
    incident.whatHappened = m_whatHappened->toPlainText();
    incident.stream = m_stream->currentData().toString();
    incident.detectedStep = m_detected->currentData().toString();
    incident.injectedStep = m_injected->currentData().toString();
    incident.run = m_run->currentData().toString();
    incident.severity = m_severity->value();
    incident.category = m_category->currentText();
    incident.recurrenceOf = pickedRecurrence(m_recurrenceOf);
    if (incident.stream.isEmpty()) {
        m_message->setText(tr("An incident happens in a value stream; make one first."));
        m_message->show();
        return;
    }
    auto added = addIncident(m_document.library(), incident);
    if (!added.ok()) {
        m_message->setText(added.message());
        m_message->show();
        return;
    }
    m_created = added->id;
    accept();
}

} // namespace stable
