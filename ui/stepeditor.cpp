#include "stepeditor.h"

#include "checktablemodel.h"
#include "document.h"
#include "draftlookup.h"
#include "incidents.h"
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

QToolButton* textButton(const QString& text, const QString& toolTip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

QTableView* plainTable(QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::AnyKeyPressed);
    view->verticalHeader()->hide();
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

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

QWidget* StepEditor::createStepPage()
{
    auto* page = new QWidget(this);
    m_title = new QLabel(page);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_message = new QLabel(page);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::Highlight);
    m_message->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(createFieldsBox(), 1);
    top->addWidget(createPortsBox(), 2);

    auto* split = new QSplitter(Qt::Vertical, page);
    split->setChildrenCollapsible(false);
    split->addWidget(createChecksBox());
    split->addWidget(createDetailTabs());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    return page;
}

QWidget* StepEditor::createFieldsBox()
{
    auto* box = new QGroupBox(tr("Step"), this);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("stepName"));
    m_key = new QLineEdit(box);
    m_key->setToolTip(tr("Letters, digits, ‘-’, ‘_’ and ‘.’: how files and the command line name this step"));
    m_ownerRole = new QLineEdit(box);
    m_ownerRole->setPlaceholderText(tr("Who does this step, e.g. DBA"));
    m_hours = new QDoubleSpinBox(box);
    m_hours->setRange(0, 10000);
    m_hours->setDecimals(2);
    m_hours->setSingleStep(0.5);
    m_hours->setSuffix(tr(" h"));

    const auto follow = [this](QLineEdit* edit, edits::StepField field) {
        connect(edit, &QLineEdit::textEdited, this, [this, field] { fieldEdited(field); });
        connect(edit, &QLineEdit::editingFinished, this, [this, field] { commitField(field, true); });
    };
    follow(m_name, edits::StepField::Name);
    follow(m_key, edits::StepField::Key);
    follow(m_ownerRole, edits::StepField::OwnerRole);
    connect(m_hours, &QDoubleSpinBox::valueChanged, this, [this] { fieldEdited(edits::StepField::PlannedHours); });
    connect(m_hours, &QDoubleSpinBox::editingFinished, this,
            [this] { commitField(edits::StepField::PlannedHours, true); });

    auto* form = new QFormLayout(box);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("&Owner role:"), m_ownerRole);
    form->addRow(tr("Planned &hours:"), m_hours);
    return box;
}

QWidget* StepEditor::createPortTable(PortTableModel* model, const QString& what, QTableView*& view)
{
    auto* box = new QGroupBox(model == m_inputs ? tr("Inputs") : tr("Outputs"), this);
    view = plainTable(box);
    view->setModel(model);
    view->setAccessibleName(model == m_inputs ? tr("Inputs") : tr("Outputs"));
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    // Room for the header and four ports: most steps have one to three.
    const int rowHeight = view->verticalHeader()->defaultSectionSize();
    view->setMinimumHeight(rowHeight * 3);
    view->setMaximumHeight(rowHeight * 5 + 2 * view->frameWidth() + 4);
    auto* add = textButton(tr("Add"), tr("Add an %1").arg(what), box);
    auto* remove = textButton(tr("Remove"), tr("Remove the selected %1").arg(what), box);
    QTableView* table = view;
    connect(add, &QToolButton::clicked, this, [this, model] { addPort(model); });
    connect(remove, &QToolButton::clicked, this, [this, model, table] { removePort(model, table); });
    connect(model, &PortTableModel::portsEdited, this, [this, model](const QList<Port>& ports) {
        if (model == m_inputs)
            setPorts(ports, m_outputs->ports());
        else
            setPorts(m_inputs->ports(), ports);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(view, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget* StepEditor::createPortsBox()
{
    auto* box = new QWidget(this);
    m_inputs = new PortTableModel(PortTableModel::Direction::Inputs, this);
    m_outputs = new PortTableModel(PortTableModel::Direction::Outputs, this);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createPortTable(m_inputs, tr("input"), m_inputView));
    layout->addWidget(createPortTable(m_outputs, tr("output"), m_outputView));
    return box;
}

QWidget* StepEditor::createChecksBox()
{
    auto* box = new QGroupBox(tr("Checks, in the order they are signed"), this);
    m_checks = new CheckTableModel(this);
    m_sortedChecks = new QSortFilterProxyModel(this);
    m_sortedChecks->setSourceModel(m_checks);
    m_sortedChecks->setSortRole(CheckTableModel::SortRole);
    m_checkView = plainTable(box);
    m_checkView->setObjectName(QStringLiteral("checkTable"));
    m_checkView->setAccessibleName(tr("Checks"));
    m_checkView->setModel(m_sortedChecks);
    m_checkView->setItemDelegate(new CheckDelegate(m_checkView));
    m_checkView->setSortingEnabled(true);
    m_checkView->sortByColumn(CheckTableModel::PositionColumn, Qt::AscendingOrder);
    QHeaderView* header = m_checkView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CheckTableModel::StatementColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CheckTableModel::GuardsAgainstColumn, QHeaderView::Interactive);
    header->resizeSection(CheckTableModel::GuardsAgainstColumn, 200);
    m_checkView->verticalHeader()->setDefaultSectionSize(m_checkView->fontMetrics().height() + 10);
    connect(m_checks, &CheckTableModel::editRefused, this, &StepEditor::showMessage);
    connect(m_checkView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateCheckButtons();
        emit checkSelected(currentCheckId());
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this, &StepEditor::updateCheckButtons);
    connect(m_checks, &QAbstractItemModel::modelReset, this, &StepEditor::updateCheckButtons);

    auto* add = textButton(tr("Add Check"), tr("Add a check to this step"), box);
    m_removeCheck = textButton(tr("Remove"), tr("Remove the selected check"), box);
    m_moveUp = textButton(tr("Move Up"), tr("Move the selected check up"), box);
    m_moveDown = textButton(tr("Move Down"), tr("Move the selected check down"), box);
    connect(add, &QToolButton::clicked, this, &StepEditor::addCheck);
    connect(m_removeCheck, &QToolButton::clicked, this, &StepEditor::removeCheck);
    connect(m_moveUp, &QToolButton::clicked, this, [this] { moveCheck(-1); });
    connect(m_moveDown, &QToolButton::clicked, this, [this] { moveCheck(1); });
    auto* buttons = new QHBoxLayout;
    for (QToolButton* button : {add, m_removeCheck, m_moveUp, m_moveDown})
        buttons->addWidget(button);
    buttons->addStretch();
    auto* hint = new QLabel(tr("Sort by RPN to see the riskiest first; sort by # to reorder."), box);
    hint->setForegroundRole(QPalette::PlaceholderText);
    buttons->addWidget(hint);

    auto* layout = new QVBoxLayout(box);
    layout->addLayout(buttons);
    layout->addWidget(m_checkView, 1);
    updateCheckButtons();
    return box;
}

QWidget* StepEditor::createDetailTabs()
{
    m_tabs = new QTabWidget(this);
    auto* procedure = new QSplitter(Qt::Horizontal, m_tabs);
    m_procedure = new QPlainTextEdit(procedure);
    m_procedure->setObjectName(QStringLiteral("procedureSource"));
    m_procedure->setAccessibleName(tr("Procedure (markdown)"));
    m_procedure->setPlaceholderText(tr("How the step is done, in markdown: numbered steps, commands, links…"));
    m_preview = new QTextBrowser(procedure);
    m_preview->setAccessibleName(tr("Procedure preview"));
    m_preview->setOpenExternalLinks(true);
    procedure->addWidget(m_procedure);
    procedure->addWidget(m_preview);
    connect(m_procedure, &QPlainTextEdit::textChanged, this, [this] {
        m_preview->setMarkdown(m_procedure->toPlainText());
        if (!m_procedure->signalsBlocked())
            fieldEdited(edits::StepField::Throughput);
    });
    m_tabs->addTab(procedure, tr("&Procedure"));

    m_incidents = new QTreeWidget(m_tabs);
    m_incidents->setRootIsDecorated(false);
    m_incidents->setAccessibleName(tr("Past incidents of this step"));
    m_incidents->setHeaderLabels({tr("Incident"), tr("Title"), tr("Status"), tr("Here it was")});
    m_incidents->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_incidents->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_incidents->header()->setStretchLastSection(false);
    m_tabs->addTab(m_incidents, tr("Past &incidents"));
    return m_tabs;
}

void StepEditor::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_pending.clear();
    m_commitTimer->stop();
    m_document = document;
    m_checks->setDocument(document);
    if (m_document) {
        // An undo or redo that no longer applies: say so where the person is looking (the window's
        // status bar says it too).
        connect(m_document, &Document::editFailed, this, [this](const QString& message) {
            m_message->setText(message);
            m_message->show();
        });
    }
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
        m_preview->setMarkdown(step.throughput);
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
            item->setToolTip(1, incident.rootCause.isEmpty() ? incident.whatHappened
                                                             : tr("Root cause: %1").arg(incident.rootCause));
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
