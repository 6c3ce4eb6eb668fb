#include "runs/rundialogs.h"

#include "document.h"
#include "plaintext.h"
#include "process.h"
#include "runs/runwording.h"
#include "runs/signaturewidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stable {

FailureDialog::FailureDialog(const RunItem& item, QWidget* parent)
    : QDialog(parent), m_hours(new QDoubleSpinBox(this)), m_note(new QLineEdit(this))
{
    setWindowTitle(tr("Item Failed"));
    m_hours->setObjectName(QStringLiteral("hours"));
    m_note->setObjectName(QStringLiteral("note"));
    auto* text = new QLabel(tr("‘%1’ failed. How many hours of rework does putting it right take? "
                               "The item can be signed again after the rework (the next attempt).")
                                .arg(item.statement),
                            this);
    plainLabel(text);
    text->setWordWrap(true);
    m_hours->setRange(0.25, 24);
    m_hours->setSingleStep(0.25);
    m_hours->setDecimals(2);
    m_hours->setValue(1);
    m_hours->setSuffix(tr(" h"));
    m_note->setPlaceholderText(tr("What the rework was (optional)"));
    auto* form = new QFormLayout;
    form->addRow(tr("Rework &hours:"), m_hours);
    form->addRow(tr("&Note:"), m_note);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* record = buttons->addButton(tr("&Record Rework"), QDialogButtonBox::AcceptRole);
    record->setObjectName(QStringLiteral("record"));
    QPushButton* raise = buttons->addButton(tr("Record and Raise &Incident…"), QDialogButtonBox::AcceptRole);
    raise->setObjectName(QStringLiteral("raiseIncident"));
    QPushButton* skip = buttons->addButton(tr("&Skip"), QDialogButtonBox::RejectRole);
    skip->setObjectName(QStringLiteral("skip"));
    connect(record, &QPushButton::clicked, this, [this] {
        m_choice = Record;
        accept();
    });
    connect(raise, &QPushButton::clicked, this, [this] {
        m_choice = RecordAndRaise;
        accept();
    });
    connect(skip, &QPushButton::clicked, this, &QDialog::reject);
    record->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

double FailureDialog::hours() const
{
    return m_hours->value();
}

QString FailureDialog::note() const
{
    return m_note->text().trimmed();
}

RaiseIncidentDialog::RaiseIncidentDialog(Document& document, const Run& run, const RunItem& item,
                                         const QString& signerNote, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_runId(run.id)
    , m_streamId(run.streamId)
    , m_detectedStepId(item.stepId)
    , m_title(new QLineEdit(this))
    , m_whatHappened(new QPlainTextEdit(this))
    , m_injected(new QComboBox(this))
    , m_severity(new QSpinBox(this))
    , m_category(new QComboBox(this))
    , m_message(makeRefusalLabel(this))
{
    setWindowTitle(tr("Raise Incident"));
    m_title->setObjectName(QStringLiteral("title"));
    m_whatHappened->setObjectName(QStringLiteral("whatHappened"));
    m_injected->setObjectName(QStringLiteral("injected"));
    m_severity->setObjectName(QStringLiteral("severity"));
    m_category->setObjectName(QStringLiteral("category"));

    m_title->setText(tr("%1: %2 failed").arg(run.title, item.ref()));
    QString whatHappened = tr("‘%1’ failed in run ‘%2’.").arg(item.statement, run.title);
    if (!signerNote.trimmed().isEmpty())
        whatHappened += QStringLiteral("\n\n") + tr("The signer’s note: %1").arg(signerNote.trimmed());
    m_whatHappened->setPlainText(whatHappened);
    m_whatHappened->setTabChangesFocus(true);
    m_whatHappened->setMaximumHeight(90);
    auto draft = loadDraft(document.library(), run.streamId);
    if (draft.ok())
        for (const Step& step : draft->steps)
            m_injected->addItem(tr("%1 (%2)").arg(step.name, step.key), step.id);
    m_injected->setCurrentIndex(std::max(0, m_injected->findData(item.stepId)));
    m_severity->setRange(1, 10);
    m_severity->setValue(5);
    m_category->setEditable(true);
    QStringList categories;
    auto incidents = listIncidents(document.library(), IncidentFilter{run.streamId, std::nullopt});
    if (incidents.ok())
        for (const Incident& incident : incidents.value())
            if (!incident.category.isEmpty() && !categories.contains(incident.category))
                categories << incident.category;
    categories.sort(Qt::CaseInsensitive);
    m_category->addItems(categories);
    m_category->setCurrentText(QString());

    auto* form = new QFormLayout;
    form->addRow(tr("Run:"), plainLabel(new QLabel(run.title, this)));
    form->addRow(tr("Value stream:"), plainLabel(new QLabel(run.streamName, this)));
    form->addRow(tr("Detected at:"),
                 plainLabel(new QLabel(tr("%1 (%2)").arg(item.stepName, item.stepKey), this)));
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&What happened:"), m_whatHappened);
    form->addRow(tr("&Injected at:"), m_injected);
    form->addRow(tr("&Severity (1–10):"), m_severity);
    form->addRow(tr("&Category:"), m_category);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* raise = buttons->addButton(tr("&Raise Incident"), QDialogButtonBox::AcceptRole);
    raise->setObjectName(QStringLiteral("raiseButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RaiseIncidentDialog::raiseNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(600, sizeHint().height());
}

void RaiseIncidentDialog::raiseNow()
{
    NewIncident request;
    request.title = m_title->text();
    request.whatHappened = m_whatHappened->toPlainText();
    request.stream = m_streamId;
    request.detectedStep = m_detectedStepId;
    request.injectedStep = m_injected->currentData().toString();
    request.run = m_runId;
    request.severity = m_severity->value();
    request.category = m_category->currentText().trimmed();
    auto incident = addIncident(m_document.library(), request);
    if (!incident.ok()) {
        showRefusal(m_message, incident.message());
        return;
    }
    m_raised = incident.value();
    accept();
}

CloseRunDialog::CloseRunDialog(Document& document, const Run& run, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_runId(run.id)
    , m_lessons(new QPlainTextEdit(this))
    , m_rolledBack(new QCheckBox(tr("&Rolled back: close the run as rolled back, items left as they are"), this))
    , m_message(makeRefusalLabel(this))
{
    setWindowTitle(tr("Close Run"));
    m_lessons->setObjectName(QStringLiteral("lessons"));
    m_rolledBack->setObjectName(QStringLiteral("rolledBack"));
    const int open = run.itemCount - run.finalCount;
    auto* summary = new QLabel(
        open == 0
            ? tr("Every item of ‘%1’ is passed or n/a: the run can complete.").arg(run.title)
            : (open == 1
                   ? tr("‘%1’ has 1 of %2 items not passed or n/a yet; it can only close as rolled back.")
                         .arg(run.title)
                         .arg(run.itemCount)
                   : tr("‘%1’ has %2 of %3 items not passed or n/a yet; it can only close as rolled back.")
                         .arg(run.title)
                         .arg(open)
                         .arg(run.itemCount)),
        this);
    summary->setObjectName(QStringLiteral("summary"));
    plainLabel(summary);
    summary->setWordWrap(true);
    m_lessons->setPlaceholderText(tr("What went well, what to change in the process next time"));
    m_lessons->setTabChangesFocus(true);
    m_rolledBack->setChecked(run.rollbackPoint.isEmpty() ? false : open > 0);
    auto* lessonsLabel = new QLabel(tr("&Lessons learned:"), this);
    lessonsLabel->setBuddy(m_lessons);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* close = buttons->addButton(tr("&Close Run"), QDialogButtonBox::AcceptRole);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CloseRunDialog::closeNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(lessonsLabel);
    layout->addWidget(m_lessons, 1);
    layout->addWidget(m_rolledBack);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(560, 380);
}

void CloseRunDialog::closeNow()
{
    auto closed = closeRun(m_document.library(), CloseRun{m_runId, m_rolledBack->isChecked(), m_lessons->toPlainText()});
    if (!closed.ok()) {
        showRefusal(m_message, closed.message());
        return;
    }
    accept();
}

} // namespace stable
