#include "stepeditor.h"

#include "checktablemodel.h"
#include "document.h"
#include "draftlookup.h"
#include "incidents.h"
#include "plaintext.h"
#include "porttablemodel.h"
#include "streamsummary.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stable {

namespace {

// Long enough to type a word, short enough that nothing typed is lost to a crash.
constexpr int commitPauseMs = 600;

void setText(QLineEdit* edit, const QString& text)
{
    if (edit->text() == text)
        return;
    const QSignalBlocker blocker(edit);
    edit->setText(text);
}

} // namespace

StepEditor::StepEditor(QWidget* parent) : QWidget(parent), m_commitTimer(new QTimer(this))
{
    m_commitTimer->setSingleShot(true);
    m_commitTimer->setInterval(commitPauseMs);
    connect(m_commitTimer, &QTimer::timeout, this, &StepEditor::commitPendingEdits);

    m_pages = new QStackedWidget(this);
    m_emptyPage = new QLabel(tr("Select a value stream or one of its steps in the navigator."), m_pages);
    m_emptyPage->setAlignment(Qt::AlignCenter);
    m_emptyPage->setWordWrap(true);
    m_streamPage = new QTextBrowser(m_pages);
    m_streamPage->setObjectName(QStringLiteral("streamSummary"));
    m_streamPage->setOpenLinks(false);
    m_stepPage = createStepPage();
    m_pages->addWidget(m_emptyPage);
    m_pages->addWidget(m_streamPage);
    m_pages->addWidget(m_stepPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
}


void StepEditor::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_pending.clear();
    m_commitTimer->stop();
    m_document = document;
    m_checks->setDocument(document);
    if (m_document)
        connect(m_document, &Document::changed, this, [this](Changes what) {
            if (what & (Changes(Change::Drafts) | Change::Streams | Change::Revisions | Change::Incidents |
                         Change::External))
                reload();
        });
    showNothing();
}

void StepEditor::showNothing()
{
    commitPendingEdits();
    m_stepId.clear();
    m_streamId.clear();
    m_checks->setStep(QString());
    m_pages->setCurrentWidget(m_emptyPage);
}

void StepEditor::showStream(const QString& streamId)
{
    commitPendingEdits();
    m_stepId.clear();
    m_streamId = streamId;
    m_checks->setStep(QString());
    reload();
}

void StepEditor::showStep(const QString& stepId)
{
    if (stepId == m_stepId && m_pages->currentWidget() == m_stepPage)
        return;
    commitPendingEdits();
    m_stepId = stepId;
    m_message->hide();
    m_checks->setStep(stepId);
    reload();
}

void StepEditor::reload()
{
    if (!m_document)
        return;
    if (!m_stepId.isEmpty())
        loadStep();
    else if (!m_streamId.isEmpty())
        loadStream();
    else
        m_pages->setCurrentWidget(m_emptyPage);
}

void StepEditor::loadStream()
{
    auto html = streamSummaryHtml(m_document->library(), m_streamId);
    if (!html.ok()) {
        m_streamId.clear();
        m_pages->setCurrentWidget(m_emptyPage);
        return;
    }
    m_streamPage->setHtml(html.value());
    m_pages->setCurrentWidget(m_streamPage);
}

void StepEditor::loadStep()
{
    auto state = findDraftStep(m_document->library(), m_stepId);
    if (!state.ok() || state->removed) {
        // Removed (here by undo, or by someone else): fall back to its stream.
        m_pending.clear();
        m_stepId.clear();
        m_checks->setStep(QString());
        m_streamId = state.ok() ? state->streamId : QString();
        reload();
        return;
    }
    m_streamId = state->streamId;
    const Step& step = state->step;
    auto stream = loadDraft(m_document->library(), m_streamId);
    const QString streamName = stream.ok() ? stream->name : QString();
    const int stepCount = stream.ok() ? static_cast<int>(stream->steps.size()) : 0;
    m_title->setText(QStringLiteral("<h2>%1</h2>%2")
                         .arg(step.name.toHtmlEscaped(),
                              tr("Step %1 of %2 in <b>%3</b>")
                                  .arg(state->position + 1)
                                  .arg(stepCount)
                                  .arg(streamName.toHtmlEscaped())));

    // A field being typed into keeps what is typed until it is sent.
    const auto pending = [this](edits::StepField field) { return m_pending.contains(static_cast<int>(field)); };
    if (!pending(edits::StepField::Name))
        setText(m_name, step.name);
    if (!pending(edits::StepField::Key))
        setText(m_key, step.key);
    if (!pending(edits::StepField::OwnerRole))
        setText(m_ownerRole, step.ownerRole);
    if (!pending(edits::StepField::PlannedHours) && !qFuzzyCompare(m_hours->value() + 1, step.plannedHours + 1)) {
        const QSignalBlocker blocker(m_hours);
        m_hours->setValue(step.plannedHours);
    }
    if (!pending(edits::StepField::Throughput) && m_procedure->toPlainText() != step.throughput) {
        const QSignalBlocker blocker(m_procedure);
        m_procedure->setPlainText(step.throughput);
        m_preview->showMarkdown(step.throughput);
    }
    m_inputs->setPorts(step.inputs);
    m_outputs->setPorts(step.outputs);
    loadIncidents(m_streamId);
    m_pages->setCurrentWidget(m_stepPage);
}

void StepEditor::loadIncidents(const QString& streamId)
{
    m_incidents->clear();
    IncidentFilter filter;
    filter.stream = streamId;
    auto incidents = listIncidents(m_document->library(), filter);
    int count = 0;
    if (incidents.ok()) {
        for (const Incident& incident : incidents.value()) {
            const bool detected = incident.detectedStepId == m_stepId;
            const bool injected = incident.injectedStepId == m_stepId;
            if (!detected && !injected)
                continue;
            const QString where = detected && injected ? tr("caused and found")
                                  : injected           ? tr("caused")
                                                       : tr("found");
            auto* item = new QTreeWidgetItem(m_incidents, {incident.key(), incident.title, toText(incident.status), where});
            item->setToolTip(1, plainToolTip(incident.rootCause.isEmpty()
                                                 ? incident.whatHappened
                                                 : tr("Root cause: %1").arg(incident.rootCause)));
            item->setData(0, Qt::UserRole, incident.id);
            ++count;
        }
    }
    m_tabs->setTabText(1, count == 0 ? tr("Past &incidents") : tr("Past &incidents (%1)").arg(count));
}

void StepEditor::fieldEdited(edits::StepField field)
{
    if (m_stepId.isEmpty())
        return;
    m_pending.insert(static_cast<int>(field));
    m_commitTimer->start();
}

void StepEditor::commitPendingEdits()
{
    m_commitTimer->stop();
    const QSet<int> pending = m_pending;
    for (int field : pending)
        commitField(static_cast<edits::StepField>(field), false);
}

void StepEditor::commitField(edits::StepField field, bool leaving)
{
    if (!m_document || m_stepId.isEmpty() || !m_pending.remove(static_cast<int>(field)))
        return;
    QVariant value;
    switch (field) {
    case edits::StepField::Name:
        value = m_name->text();
        break;
    case edits::StepField::Key:
        value = m_key->text();
        break;
    case edits::StepField::OwnerRole:
        value = m_ownerRole->text();
        break;
    case edits::StepField::PlannedHours:
        value = m_hours->value();
        break;
    case edits::StepField::Throughput:
        value = m_procedure->toPlainText();
        break;
    }
    const Status done = edits::setStepField(*m_document, m_stepId, field, value);
    if (done.ok()) {
        m_message->hide();
        return;
    }
    showMessage(done.message());
    if (leaving)
        reload(); // show what the library holds again
    else
        m_pending.insert(static_cast<int>(field)); // still being typed: let the person finish
}

void StepEditor::setPorts(const QList<Port>& inputs, const QList<Port>& outputs)
{
    if (!m_document || m_stepId.isEmpty())
        return;
    const Status done = edits::setStepPorts(*m_document, m_stepId, inputs, outputs);
    if (!done.ok()) {
        showMessage(done.message());
        reload();
    }
}

void StepEditor::addPort(PortTableModel* model)
{
    QList<Port> ports = model->ports();
    ports.append(Port{{}, model == m_inputs ? tr("New input") : tr("New output"), QString()});
    if (model == m_inputs)
        setPorts(ports, m_outputs->ports());
    else
        setPorts(m_inputs->ports(), ports);
    QTableView* view = model == m_inputs ? m_inputView : m_outputView;
    const QModelIndex added = model->index(model->rowCount() - 1, PortTableModel::NameColumn);
    view->setCurrentIndex(added);
    view->edit(added);
}

void StepEditor::removePort(PortTableModel* model, QTableView* view)
{
    const int row = view->currentIndex().row();
    if (row < 0)
        return;
    QList<Port> ports = model->ports();
    ports.removeAt(row);
    if (model == m_inputs)
        setPorts(ports, m_outputs->ports());
    else
        setPorts(m_inputs->ports(), ports);
}

QString StepEditor::currentCheckId() const
{
    return m_checkView->currentIndex().data(CheckTableModel::IdRole).toString();
}

bool StepEditor::selectCheck(const QString& checkId)
{
    const int row = m_checks->rowOf(checkId);
    if (row < 0)
        return false;
    const QModelIndex index = m_sortedChecks->mapFromSource(m_checks->index(row, CheckTableModel::StatementColumn));
    m_checkView->setCurrentIndex(index);
    m_checkView->scrollTo(index);
    return true;
}

void StepEditor::addCheck()
{
    if (!m_document || m_stepId.isEmpty())
        return;
    QualityCheck check;
    check.statement = tr("New check: what must be true");
    check.key = makeKey(tr("check"), m_checks->keys());
    check.stage = Stage::Exit;
    auto added = edits::addCheck(*m_document, m_stepId, check);
    if (!added.ok()) {
        showMessage(added.message());
        return;
    }
    if (selectCheck(added.value()))
        m_checkView->edit(m_checkView->currentIndex());
}

void StepEditor::removeCheck()
{
    const QString checkId = currentCheckId();
    if (!m_document || checkId.isEmpty())
        return;
    const int row = m_checkView->currentIndex().row();
    const Status done = edits::removeCheck(*m_document, checkId);
    if (!done.ok()) {
        showMessage(done.message());
        return;
    }
    const int next = std::min(row, m_sortedChecks->rowCount() - 1);
    if (next >= 0)
        m_checkView->setCurrentIndex(m_sortedChecks->index(next, CheckTableModel::StatementColumn));
}

void StepEditor::moveCheck(int delta)
{
    const QString checkId = currentCheckId();
    if (!m_document || checkId.isEmpty())
        return;
    const int row = m_checks->rowOf(checkId);
    const Status done = edits::moveCheck(*m_document, checkId, std::max(0, row + delta));
    if (!done.ok())
        showMessage(done.message());
    selectCheck(checkId);
}

void StepEditor::updateCheckButtons()
{
    const bool selected = m_checkView->currentIndex().isValid();
    // Moving follows the signing order, which only shows when the table is sorted by it.
    const QHeaderView* header = m_checkView->horizontalHeader();
    const bool inOrder = header->sortIndicatorSection() == CheckTableModel::PositionColumn &&
                         header->sortIndicatorOrder() == Qt::AscendingOrder;
    const int row = m_checks->rowOf(currentCheckId());
    m_removeCheck->setEnabled(selected);
    m_moveUp->setEnabled(selected && inOrder && row > 0);
    m_moveDown->setEnabled(selected && inOrder && row >= 0 && row < m_checks->rowCount() - 1);
}

void StepEditor::showMessage(const QString& message)
{
    m_message->setText(message);
    m_message->show();
    emit editRefused(message);
}

} // namespace stable
