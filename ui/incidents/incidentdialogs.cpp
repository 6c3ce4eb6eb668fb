#include "incidents/incidentdialogs.h"

#include "document.h"
#include "incidents/incidentstatus.h"
#include "plaintext.h"
#include "process.h"
#include "rework.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

namespace stable {

ReworkDialog::ReworkDialog(Document& document, const Incident& incident, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_incident(incident)
    , m_date(new QDateEdit(this))
    , m_hours(new QDoubleSpinBox(this))
    , m_kind(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Log Rework for %1").arg(incident.key()));
    m_date->setObjectName(QStringLiteral("date"));
    m_hours->setObjectName(QStringLiteral("hours"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_note->setObjectName(QStringLiteral("note"));
    m_message->setObjectName(QStringLiteral("message"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setDate(document.library().clock().now().toUTC().date());
    m_hours->setRange(0, 24);
    m_hours->setDecimals(2);
    m_hours->setSingleStep(0.5);
    m_hours->setSuffix(tr(" h"));
    m_hours->setValue(1);
    m_kind->addItem(tr("Rework"), toText(ReworkKind::Rework));
    m_kind->addItem(tr("Fire-fighting"), toText(ReworkKind::FireFighting));
    m_kind->addItem(tr("Re-release"), toText(ReworkKind::ReRelease));
    m_kind->addItem(tr("Failed project"), toText(ReworkKind::FailedProject));
    m_kind->addItem(tr("Other"), toText(ReworkKind::Other));
    m_note->setPlaceholderText(tr("What was done twice"));
    styleAsRefusal(m_message);

    auto* form = new QFormLayout;
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Hours:"), m_hours);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Note:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* log = buttons->addButton(tr("&Log Rework"), QDialogButtonBox::AcceptRole);
    log->setObjectName(QStringLiteral("logButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ReworkDialog::logNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

void ReworkDialog::logNow()
{
    NewRework entry;
    entry.date = m_date->date();
    entry.hours = m_hours->value();
    entry.kind = parseReworkKind(m_kind->currentData().toString()).value_or(ReworkKind::Rework);
    entry.incident = m_incident.id;
    entry.run = m_incident.runId;
    // Rework lands where the defect was put in: that is the step it is charged to in the Pareto.
    if (!m_incident.injectedStepId.isEmpty()) {
        entry.stream = m_incident.streamId;
        entry.step = m_incident.injectedStepKey;
    }
    entry.note = m_note->text();
    auto added = addRework(m_document.library(), entry);
    if (!added.ok()) {
        m_message->setText(added.message());
        m_message->show();
        return;
    }
    accept();
}

ImproveDialog::ImproveDialog(Document& document, const Incident& incident, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_incident(incident)
    , m_statement(new QPlainTextEdit(this))
    , m_stage(new QComboBox(this))
    , m_critical(new QCheckBox(tr("C&ritical: two people sign it"), this))
    , m_key(new QLineEdit(this))
    , m_publish(new QCheckBox(tr("&Publish a revision that answers %1 next").arg(incident.key()), this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Improve the Process after %1").arg(incident.key()));
    m_statement->setObjectName(QStringLiteral("statement"));
    m_stage->setObjectName(QStringLiteral("stage"));
    m_critical->setObjectName(QStringLiteral("critical"));
    m_key->setObjectName(QStringLiteral("key"));
    m_publish->setObjectName(QStringLiteral("publishNext"));
    m_message->setObjectName(QStringLiteral("message"));

    auto* where = new QLabel(
        incident.injectedStepKey.isEmpty()
            ? tr("%1 does not say where the defect was injected yet.").arg(incident.key())
            : tr("The new check goes into the draft of step ‘%1’ of ‘%2’, where %3 was injected.")
                  .arg(incident.injectedStepKey, incident.streamKey, incident.key()),
        this);
    plainLabel(where);
    where->setWordWrap(true);
    // The root cause says what went wrong; the check says what is so when it does not: the root cause is
    // quoted for reference, and the check starts as "Check that …" for the person to finish.
    auto* cause = plainLabel(new QLabel(this));
    cause->setObjectName(QStringLiteral("rootCause"));
    cause->setWordWrap(true);
    cause->setText(incident.rootCause.trimmed().isEmpty()
                       ? tr("%1 has no root cause written yet.").arg(incident.key())
                       : tr("Root cause of %1: “%2”").arg(incident.key(), incident.rootCause.trimmed()));
    m_statement->setPlainText(checkLeadIn());
    m_statement->moveCursor(QTextCursor::End);
    m_statement->setPlaceholderText(
        tr("What is checked, e.g. “Check that every stored procedure ends with GO”"));
    m_statement->setTabChangesFocus(true);
    m_statement->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_statement->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_statement->setFixedHeight(m_statement->fontMetrics().lineSpacing() * 4 + 12);
    m_stage->addItem(tr("Entry: inspect what arrives"), toText(Stage::Entry));
    m_stage->addItem(tr("In process"), toText(Stage::InProcess));
    m_stage->addItem(tr("Exit: before handing on"), toText(Stage::Exit));
    m_stage->setCurrentIndex(2);
    m_critical->setChecked(incident.severity >= 8);
    // The key a blank field gives, as the check is written.
    const auto showKey = [this] {
        const QString statement = m_statement->toPlainText().simplified();
        m_key->setPlaceholderText(statement.isEmpty() || statement == checkLeadIn().trimmed()
                                      ? tr("Made from the check")
                                      : checkKeyFrom(statement, {}));
    };
    connect(m_statement, &QPlainTextEdit::textChanged, this, showKey);
    showKey();
    m_publish->setChecked(true);
    styleAsRefusal(m_message);

    auto* form = new QFormLayout;
    form->addRow(where);
    form->addRow(cause);
    form->addRow(tr("&Check:"), m_statement);
    form->addRow(tr("&Stage:"), m_stage);
    form->addRow(QString(), m_critical);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(QString(), m_publish);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* add = buttons->addButton(tr("&Add Check"), QDialogButtonBox::AcceptRole);
    add->setObjectName(QStringLiteral("addCheckButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ImproveDialog::improveNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

bool ImproveDialog::publishNext() const
{
    return m_publish->isChecked();
}

QString ImproveDialog::checkLeadIn()
{
    return tr("Check that ");
}

void ImproveDialog::improveNow()
{
    if (m_statement->toPlainText().simplified() == checkLeadIn().trimmed()) {
        m_message->setText(tr("Finish the check: what is so when the defect cannot happen again?"));
        m_message->show();
        m_statement->setFocus();
        return;
    }
    Improvement improvement;
    improvement.incident = m_incident.id;
    improvement.statement = m_statement->toPlainText();
    improvement.stage = parseStage(m_stage->currentData().toString()).value_or(Stage::Exit);
    improvement.critical = m_critical->isChecked();
    improvement.key = m_key->text();
    auto check = improveProcess(m_document.library(), improvement);
    if (!check.ok()) {
        m_message->setText(check.message());
        m_message->show();
        return;
    }
    m_addedKey = check->key;
    accept();
}

} // namespace stable
