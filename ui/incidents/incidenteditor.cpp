#include "incidents/incidenteditor.h"

#include "clock.h"
#include "document.h"
#include "incidentdetails.h"
#include "incidents/incidentdialogs.h"
#include "incidents/incidentpickers.h"
#include "incidents/incidentstatus.h"
#include "incidents/whychain.h"
#include "plaintext.h"
#include "publishdialog.h"
#include "rework.h"
#include "sql.h"
#include "wording.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stable {

namespace {

QString moment(const QString& iso)
{
    if (const auto at = parseIsoMoment(iso))
        return QLocale().toString(at->toLocalTime(), QLocale::ShortFormat);
    return iso;
}

QString leadTime(qint64 seconds)
{
    const double days = static_cast<double>(seconds) / 86400.0;
    if (days >= 1.0)
        return IncidentEditor::tr("%1 days").arg(QLocale().toString(days, 'f', 1));
    return IncidentEditor::tr("%1 hours").arg(QLocale().toString(static_cast<double>(seconds) / 3600.0, 'f', 1));
}

QString reworkKindText(ReworkKind kind)
{
    switch (kind) {
    case ReworkKind::Rework:
        return IncidentEditor::tr("Rework");
    case ReworkKind::FireFighting:
        return IncidentEditor::tr("Fire-fighting");
    case ReworkKind::ReRelease:
        return IncidentEditor::tr("Re-release");
    case ReworkKind::FailedProject:
        return IncidentEditor::tr("Failed project");
    case ReworkKind::Other:
        return IncidentEditor::tr("Other");
    }
    return {};
}

} // namespace

IncidentEditor::IncidentEditor(QWidget* parent)
    : QWidget(parent), m_runDialog([](QDialog& dialog) { return dialog.exec(); })
{
    setObjectName(QStringLiteral("incidentEditor"));
    m_empty = new QLabel(tr("Choose an incident in the list, or record a new one."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    m_content = new QWidget;
    m_heading = plainLabel(new QLabel(m_content));
    m_heading->setObjectName(QStringLiteral("incidentHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_badge = new StatusBadge(m_content);
    m_badge->setObjectName(QStringLiteral("statusBadge"));
    m_timeline = plainLabel(new QLabel(m_content));
    m_timeline->setWordWrap(true);
    m_timeline->setForegroundRole(QPalette::PlaceholderText);
    m_message = new QLabel(m_content);
    m_message->setObjectName(QStringLiteral("message"));
    styleAsRefusal(m_message);

    auto* head = new QHBoxLayout;
    head->addWidget(m_heading, 1);
    head->addWidget(m_badge, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(m_content);
    layout->addLayout(head);
    layout->addWidget(m_timeline);
    layout->addWidget(m_message);
    layout->addWidget(makeAnalysis());
    layout->addWidget(makeImprovement());
    layout->addWidget(makeDetails());
    layout->addWidget(makeRework());
    layout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_empty);
    outer->addWidget(scroll);
    scroll->hide();
    m_scroll = scroll;
}

QWidget* IncidentEditor::makeDetails()
{
    auto* box = new QGroupBox(tr("What happened"), m_content);
    m_title = new QLineEdit(box);
    m_title->setObjectName(QStringLiteral("title"));
    m_whatHappened = new QPlainTextEdit(box);
    m_whatHappened->setObjectName(QStringLiteral("whatHappened"));
    m_whatHappened->setTabChangesFocus(true);
    m_whatHappened->setFixedHeight(m_whatHappened->fontMetrics().lineSpacing() * 4 + 12);
    m_stream = plainLabel(new QLabel(box));
    m_detected = new QComboBox(box);
    m_detected->setObjectName(QStringLiteral("detectedStep"));
    m_injected = new QComboBox(box);
    m_injected->setObjectName(QStringLiteral("injectedStep"));
    m_run = new QComboBox(box);
    m_run->setObjectName(QStringLiteral("run"));
    m_severity = new QSpinBox(box);
    m_severity->setObjectName(QStringLiteral("severity"));
    m_severity->setRange(1, 10);
    m_category = new QComboBox(box);
    m_category->setObjectName(QStringLiteral("category"));
    m_recurrenceOf = new QComboBox(box);
    m_recurrenceOf->setObjectName(QStringLiteral("recurrenceOf"));
    m_saveDetails = new QPushButton(tr("Save &Details"), box);
    m_saveDetails->setObjectName(QStringLiteral("saveDetails"));

    auto* form = new QFormLayout(box);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("What h&appened:"), m_whatHappened);
    form->addRow(tr("Value stream:"), m_stream);
    form->addRow(tr("Dete&cted at step:"), m_detected);
    form->addRow(tr("&Injected at step:"), m_injected);
    form->addRow(tr("R&un:"), m_run);
    form->addRow(tr("Severit&y:"), m_severity);
    form->addRow(tr("Cate&gory:"), m_category);
    form->addRow(tr("Recurrence &of:"), m_recurrenceOf);
    form->addRow(QString(), m_saveDetails);

    const auto dirty = [this] {
        m_detailsDirty = true;
        m_saveDetails->setEnabled(true);
    };
    connect(m_title, &QLineEdit::textEdited, this, dirty);
    connect(m_whatHappened, &QPlainTextEdit::textChanged, this, [this, dirty] {
        if (m_whatHappened->hasFocus())
            dirty();
    });
    for (QComboBox* picker : {m_detected, m_injected, m_run, m_category, m_recurrenceOf})
        connect(picker, &QComboBox::activated, this, dirty);
    for (QComboBox* picker : {m_category, m_recurrenceOf})
        connect(picker, &QComboBox::editTextChanged, this, [picker, dirty] {
            if (picker->hasFocus())
                dirty();
        });
    connect(m_severity, &QSpinBox::valueChanged, this, [this, dirty] {
        if (m_severity->hasFocus())
            dirty();
    });
    connect(m_saveDetails, &QPushButton::clicked, this, &IncidentEditor::saveDetails);
    return box;
}

QWidget* IncidentEditor::makeAnalysis()
{
    auto* box = new QGroupBox(tr("Five whys"), m_content);
    m_whys = new WhyChain(box);
    m_rootCause = new QPlainTextEdit(box);
    m_rootCause->setObjectName(QStringLiteral("rootCause"));
    m_rootCause->setTabChangesFocus(true);
    m_rootCause->setPlaceholderText(tr("The cause that, removed, stops this from happening again"));
    m_rootCause->setFixedHeight(m_rootCause->fontMetrics().lineSpacing() * 3 + 12);
    m_saveAnalysis = new QPushButton(tr("&Save Analysis"), box);
    m_saveAnalysis->setObjectName(QStringLiteral("saveAnalysis"));
    auto* rootLabel = new QLabel(tr("&Root cause:"), box);
    rootLabel->setBuddy(m_rootCause);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_whys);
    layout->addWidget(rootLabel);
    layout->addWidget(m_rootCause);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_saveAnalysis);
    layout->addLayout(buttons);
    connect(m_whys, &WhyChain::edited, this, [this] { m_analysisDirty = true; });
    connect(m_rootCause, &QPlainTextEdit::textChanged, this, [this] {
        if (m_rootCause->hasFocus())
            m_analysisDirty = true;
    });
    connect(m_saveAnalysis, &QPushButton::clicked, this, &IncidentEditor::saveAnalysis);
    return box;
}

QWidget* IncidentEditor::makeImprovement()
{
    auto* box = new QGroupBox(tr("Improvement"), m_content);
    m_answer = plainLabel(new QLabel(box));
    m_answer->setObjectName(QStringLiteral("answer"));
    m_answer->setWordWrap(true);
    m_checks = new QLabel(box);
    m_checks->setWordWrap(true);
    m_checks->setTextFormat(Qt::PlainText);
    m_improve = new QPushButton(tr("I&mprove the Process…"), box);
    m_improve->setObjectName(QStringLiteral("improveProcess"));
    m_improve->setToolTip(tr("Add a check where the defect was injected, then publish a revision that answers it"));
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_answer);
    layout->addWidget(m_checks);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_improve);
    layout->addLayout(buttons);
    connect(m_improve, &QPushButton::clicked, this, &IncidentEditor::improveProcess);
    return box;
}

QWidget* IncidentEditor::makeRework()
{
    auto* box = new QGroupBox(tr("Rework logged against it"), m_content);
    m_rework = new QTableWidget(0, 4, box);
    m_rework->setObjectName(QStringLiteral("reworkTable"));
    m_rework->setAccessibleName(tr("Rework entries"));
    m_rework->setHorizontalHeaderLabels({tr("Date"), tr("Hours"), tr("Kind"), tr("Note")});
    m_rework->horizontalHeader()->setStretchLastSection(true);
    m_rework->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_rework->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_rework->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_rework->verticalHeader()->hide();
    m_rework->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rework->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rework->setMinimumHeight(m_rework->fontMetrics().lineSpacing() * 6);
    m_reworkTotal = plainLabel(new QLabel(box));
    m_reworkTotal->setObjectName(QStringLiteral("reworkTotal"));
    auto* log = new QPushButton(tr("Log Rewor&k…"), box);
    log->setObjectName(QStringLiteral("logRework"));
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_rework);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_reworkTotal, 1);
    buttons->addWidget(log);
    layout->addLayout(buttons);
    connect(log, &QPushButton::clicked, this, &IncidentEditor::logRework);
    return box;
}

void IncidentEditor::setDocument(Document* document)
{
    m_document = document;
    showIncident(QString());
}

void IncidentEditor::showIncident(const QString& id)
{
    m_detailsDirty = false;
    m_analysisDirty = false;
    m_message->hide();
    m_incident = Incident{};
    if (m_document && !id.isEmpty()) {
        auto loaded = loadIncident(m_document->library(), id);
        if (loaded.ok())
            m_incident = loaded.value();
    }
    const bool shown = !m_incident.id.isEmpty();
    m_empty->setVisible(!shown);
    m_scroll->setVisible(shown);
    if (!shown)
        return;
    loadDetails();
    loadAnalysis();
    loadRecord();
}

void IncidentEditor::refresh(Changes what)
{
    if (!m_document || m_incident.id.isEmpty())
        return;
    Q_UNUSED(what)
    auto loaded = loadIncident(m_document->library(), m_incident.id);
    if (!loaded.ok()) {
        showIncident(QString());
        return;
    }
    m_incident = loaded.value();
    if (!m_detailsDirty)
        loadDetails();
    if (!m_analysisDirty)
        loadAnalysis();
    loadRecord();
}

void IncidentEditor::loadDetails()
{
    Library& library = m_document->library();
    m_title->setText(m_incident.title);
    m_title->setCursorPosition(0);
    const QSignalBlocker quiet(m_whatHappened);
    m_whatHappened->setPlainText(m_incident.whatHappened);
    m_stream->setText(m_incident.streamKey);
    fillStepPicker(m_detected, library, m_incident.streamId, m_incident.detectedStepId);
    fillStepPicker(m_injected, library, m_incident.streamId, m_incident.injectedStepId);
    fillRunPicker(m_run, library, m_incident.streamId, m_incident.runId);
    {
        const QSignalBlocker quietSeverity(m_severity);
        m_severity->setValue(m_incident.severity);
    }
    fillCategoryPicker(m_category, library, m_incident.category);
    fillRecurrencePicker(m_recurrenceOf, library, m_incident.streamId, m_incident.number, m_incident.recurrenceOfKey);
    m_detailsDirty = false;
    m_saveDetails->setEnabled(false);
}

void IncidentEditor::loadAnalysis()
{
    const bool settled = m_incident.status == IncidentStatus::Prevented || m_incident.status == IncidentStatus::Verified;
    m_whys->setSubject(m_incident.title);
    m_whys->setWhys(m_incident.whys.isEmpty() && !settled ? QStringList{QString()} : m_incident.whys);
    m_whys->setReadOnly(settled);
    const QSignalBlocker quiet(m_rootCause);
    m_rootCause->setPlainText(m_incident.rootCause);
    m_rootCause->setReadOnly(settled);
    m_saveAnalysis->setVisible(!settled); // the analysis of a prevented incident is part of the record
    m_analysisDirty = false;
}

void IncidentEditor::loadRecord()
{
    Library& library = m_document->library();
    m_heading->setText(tr("%1 — %2").arg(m_incident.key(), m_incident.title));
    m_badge->setStatus(m_incident.status);
    QStringList times{tr("Occurred %1").arg(moment(m_incident.occurredAt)),
                      tr("recorded %1").arg(moment(m_incident.createdAt))};
    if (!m_incident.analysedAt.isEmpty())
        times << tr("analysed %1").arg(moment(m_incident.analysedAt));
    if (!m_incident.preventedAt.isEmpty())
        times << tr("prevented %1").arg(moment(m_incident.preventedAt));
    if (!m_incident.verifiedAt.isEmpty())
        times << tr("verified %1").arg(moment(m_incident.verifiedAt));
    m_timeline->setText(times.join(tr(" · ")));

    auto answer = answerOfIncident(library, m_incident.id);
    if (answer.ok() && answer->has_value()) {
        const IncidentAnswer& by = **answer;
        QString text = tr("Answered by revision %1 of ‘%2’, published %3. Improvement lead time: %4.")
                           .arg(by.revisionNumber)
                           .arg(by.streamKey, moment(by.publishedAt), leadTime(by.leadTimeSeconds));
        if (m_incident.status == IncidentStatus::Prevented) {
            auto setting = numericSetting(library, QStringLiteral("verify-after-runs"));
            const int runs = setting.ok() ? static_cast<int>(setting.value()) : 3;
            text += QLatin1Char(' ') +
                    counted(runs, tr("It is verified once its check passes first time in %1 closed run."),
                            tr("It is verified once its check passes first time in %1 closed runs."));
        }
        m_answer->setText(text);
    } else {
        m_answer->setText(m_incident.status == IncidentStatus::Open
                              ? tr("Not answered yet: find the root cause with the five whys, then improve the process.")
                              : tr("Not answered yet: add a check where it was injected and publish a revision."));
    }
    QStringList born;
    auto checks = execSql(library.db(),
                          QStringLiteral("SELECT s.key, q.key, q.statement, q.removed FROM quality_check q "
                                         "JOIN step s ON s.id = q.step_id WHERE q.origin_incident_id = ? "
                                         "ORDER BY s.position, q.position"),
                          {m_incident.id});
    if (checks.ok())
        while (checks->next())
            born << (checks->value(3).toBool()
                         ? tr("%1/%2 (removed): %3")
                         : tr("%1/%2: %3"))
                        .arg(checks->value(0).toString(), checks->value(1).toString(), checks->value(2).toString());
    m_checks->setText(born.isEmpty() ? tr("No check was born from it yet.")
                                     : tr("Checks born from it:") + QLatin1Char('\n') + born.join(QLatin1Char('\n')));
    m_improve->setEnabled(!m_incident.injectedStepId.isEmpty() && m_incident.status != IncidentStatus::Verified);
    m_improve->setToolTip(m_incident.injectedStepId.isEmpty()
                              ? tr("Say at which step the defect was injected first: the check goes there")
                              : tr("Add a check where the defect was injected, then publish a revision that answers it"));

    auto rework = reworkOfIncident(library, m_incident.id);
    m_rework->setRowCount(0);
    double total = 0;
    if (rework.ok()) {
        m_rework->setRowCount(static_cast<int>(rework->size()));
        for (int row = 0; row < rework->size(); ++row) {
            const ReworkEntry& entry = rework->at(row);
            total += entry.hours;
            auto* hours = new QTableWidgetItem(QLocale().toString(entry.hours, 'f', 1));
            hours->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_rework->setItem(row, 0, new QTableWidgetItem(entry.date.toString(Qt::ISODate)));
            m_rework->setItem(row, 1, hours);
            m_rework->setItem(row, 2, new QTableWidgetItem(reworkKindText(entry.kind)));
            m_rework->setItem(row, 3, new QTableWidgetItem(entry.note));
        }
    }
    m_reworkTotal->setText(
        rework.ok() && !rework->isEmpty()
            ? (rework->size() == 1
                   ? tr("%1 hours in 1 entry").arg(QLocale().toString(total, 'f', 1))
                   : tr("%1 hours in %2 entries").arg(QLocale().toString(total, 'f', 1)).arg(rework->size()))
            : tr("No rework logged."));
}

void IncidentEditor::showRefusal(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void IncidentEditor::saveDetails()
{
    if (!m_document || m_incident.id.isEmpty())
        return;
    IncidentDetails details{m_incident.id,
                            m_title->text(),
                            m_whatHappened->toPlainText(),
                            m_detected->currentData().toString(),
                            m_injected->currentData().toString(),
                            m_run->currentData().toString(),
                            m_severity->value(),
                            m_category->currentText(),
                            pickedRecurrence(m_recurrenceOf)};
    auto updated = updateIncident(m_document->library(), details);
    if (!updated.ok()) {
        showRefusal(updated.message());
        return;
    }
    showRefusal(QString());
    m_detailsDirty = false;
    refresh(Change::Incidents);
    emit status(tr("Saved the details of %1.").arg(m_incident.key()));
}

void IncidentEditor::saveAnalysis()
{
    if (!m_document || m_incident.id.isEmpty())
        return;
    auto analysed = analyseIncident(m_document->library(), m_incident.id, m_whys->whys(), m_rootCause->toPlainText());
    if (!analysed.ok()) {
        showRefusal(analysed.message());
        return;
    }
    showRefusal(QString());
    m_analysisDirty = false;
    refresh(Change::Incidents);
    emit status(tr("Saved the analysis of %1.").arg(m_incident.key()));
}

bool IncidentEditor::confirmLeave()
{
    if (!hasUnsavedEdits())
        return true;
    QStringList parts;
    if (m_detailsDirty)
        parts << tr("its details");
    if (m_analysisDirty)
        parts << tr("its analysis");
    QMessageBox ask(QMessageBox::Question, tr("Unsaved Edits"),
                    tr("%1 has unsaved edits (%2). Save them before leaving it?")
                        .arg(m_incident.key(), parts.join(tr(" and "))),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    ask.setObjectName(QStringLiteral("unsavedEdits"));
    ask.setTextFormat(Qt::PlainText);
    ask.setDefaultButton(QMessageBox::Save);
    ask.button(QMessageBox::Save)->setText(tr("&Save"));
    ask.button(QMessageBox::Discard)->setText(tr("&Discard"));
    switch (m_runDialog(ask)) {
    case QMessageBox::Save:
        if (m_detailsDirty)
            saveDetails();
        if (m_analysisDirty)
            saveAnalysis();
        return !m_detailsDirty && !m_analysisDirty; // a refusal keeps the incident, its message shown
    case QMessageBox::Discard:
        m_detailsDirty = false;
        m_analysisDirty = false;
        return true;
    default:
        return false;
    }
}

void IncidentEditor::logRework()
{
    if (!m_document || m_incident.id.isEmpty())
        return;
    ReworkDialog dialog(*m_document, m_incident, this);
    if (m_runDialog(dialog) == QDialog::Accepted)
        emit status(tr("Logged rework against %1.").arg(m_incident.key()));
}

void IncidentEditor::improveProcess()
{
    if (!m_document || m_incident.id.isEmpty())
        return;
    const Incident incident = m_incident;
    ImproveDialog improve(*m_document, incident, this);
    if (m_runDialog(improve) != QDialog::Accepted)
        return;
    emit status(tr("Added check ‘%1’ to the draft of step ‘%2’.").arg(improve.addedCheckKey(), incident.injectedStepKey));
    if (!improve.publishNext())
        return;
    PublishDialog publish(*m_document, incident.streamId, this);
    publish.tickAnswers({incident.key()});
    if (m_runDialog(publish) == QDialog::Accepted)
        emit status(tr("Published revision %1, answering %2.").arg(publish.publishedRevision()).arg(incident.key()));
}

} // namespace stable
