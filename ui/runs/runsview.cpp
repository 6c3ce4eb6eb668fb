#include "runs/runsview.h"

#include "document.h"
#include "incidents.h"
#include "linkopener.h"
#include "plaintext.h"
#include "process.h"
#include "rework.h"
#include "runs/checklistmodel.h"
#include "runs/itemdetails.h"
#include "runs/rundialogs.h"
#include "runs/runlistmodel.h"
#include "runs/runwording.h"
#include "runs/signdialog.h"
#include "runs/startrundialog.h"
#include "tints.h"
#include "wording.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <optional>

namespace stable {

namespace {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

RunsView::RunsView(QWidget* parent)
    : QWidget(parent)
    , m_runs(new RunListModel(this))
    , m_checklist(new ChecklistModel(this))
    , m_list(new QTableView(this))
    , m_header(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_flag(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_details(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("runsView"));
    // The header is composed here with every user text escaped; the other lines are plain text.
    m_header->setTextFormat(Qt::RichText);
    plainLabel(m_countdown);
    plainLabel(m_flag);
    auto* toolbar = new QToolBar(tr("Runs"), this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_startAction = toolbar->addAction(tr("S&tart Run…"), this, &RunsView::startRun);
    m_startAction->setObjectName(QStringLiteral("startRunAction"));
    m_signAction = toolbar->addAction(tr("&Sign…"), this, &RunsView::signItem);
    m_signAction->setObjectName(QStringLiteral("signAction"));
    m_voidAction = toolbar->addAction(tr("&Void…"), this, &RunsView::voidSignature);
    m_voidAction->setObjectName(QStringLiteral("voidAction"));
    toolbar->addSeparator();
    m_closeAction = toolbar->addAction(tr("&Close Run…"), this, &RunsView::closeRun);
    m_closeAction->setObjectName(QStringLiteral("closeRunAction"));
    // The item's context menu: the outcome chosen up front, the signing dialog asks who and their PIN.
    m_passAction = new QAction(tr("&Pass…"), this);
    m_passAction->setObjectName(QStringLiteral("passAction"));
    connect(m_passAction, &QAction::triggered, this, [this] { signAs(Outcome::Pass); });
    m_failAction = new QAction(tr("&Fail…"), this);
    m_failAction->setObjectName(QStringLiteral("failAction"));
    connect(m_failAction, &QAction::triggered, this, [this] { signAs(Outcome::Fail); });
    m_notApplicableAction = new QAction(tr("&N/A…"), this);
    m_notApplicableAction->setObjectName(QStringLiteral("notApplicableAction"));
    m_notApplicableAction->setToolTip(tr("Not applicable in this run; the signer gives the reason"));
    connect(m_notApplicableAction, &QAction::triggered, this, [this] { signAs(Outcome::NotApplicable); });

    auto* left = new QWidget(this);
    buildFilters(left);
    m_list->setObjectName(QStringLiteral("runList"));
    m_list->setAccessibleName(tr("Runs"));
    m_list->setModel(m_runs);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(false);
    // Titles tell runs apart, so they get the room; the stream name gives way (full text in tooltips).
    for (int column = 0; column < RunListModel::ColumnCount; ++column)
        m_list->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(RunListModel::Title, QHeaderView::Stretch);
    // Widths from the rows on screen and around them, a page's worth (Qt's default of 1,000 rows would
    // read five pages of runs to open the list).
    m_list->horizontalHeader()->setResizeContentsPrecision(RunListModel::pageSize);
    m_list->horizontalHeader()->setSectionResizeMode(RunListModel::Stream, QHeaderView::Interactive);
    m_list->horizontalHeader()->resizeSection(RunListModel::Stream, m_list->fontMetrics().horizontalAdvance(QStringLiteral("Software Release")) + 12);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->setWordWrap(false);
    auto* leftLayout = qobject_cast<QVBoxLayout*>(left->layout());
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_count);

    auto* right = new QWidget(this);
    m_header->setObjectName(QStringLiteral("runHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countdown->setObjectName(QStringLiteral("countdown"));
    m_flag->setObjectName(QStringLiteral("rollbackFlag"));
    m_flag->setWordWrap(true);
    m_flag->setAutoFillBackground(true);
    m_flag->setMargin(6);
    QPalette warning = m_flag->palette();
    warning.setColor(QPalette::Window, tint(palette(), QColor(230, 150, 20), isDark(palette()) ? 0.4 : 0.3));
    warning.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_flag->setPalette(warning);
    m_flag->hide();
    m_tree->setObjectName(QStringLiteral("checklist"));
    m_tree->setAccessibleName(tr("Checklist"));
    m_tree->setModel(m_checklist);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ChecklistModel::Check, QHeaderView::Stretch);
    for (int column = ChecklistModel::State; column < ChecklistModel::ColumnCount; ++column)
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_details->setObjectName(QStringLiteral("itemDetails"));
    m_details->setAccessibleName(tr("The selected item, its signatures and the step's past incidents"));
    m_details->setOpenLinks(false);
    // At word boundaries only: breaking anywhere lets the signatures table shrink its columns below a word
    // ("Performe d", "Meanin g"); links in it carry their own break points.
    m_details->setWordWrapMode(QTextOption::WordWrap);
    connect(m_details, &QTextBrowser::anchorClicked, this, &RunsView::openLink);
    auto* itemSplit = new QSplitter(Qt::Vertical, right);
    itemSplit->addWidget(m_tree);
    itemSplit->addWidget(m_details);
    itemSplit->setStretchFactor(0, 3);
    itemSplit->setStretchFactor(1, 2);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_header);
    rightLayout->addWidget(m_countdown);
    rightLayout->addWidget(m_flag);
    rightLayout->addWidget(itemSplit, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({740, 660});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->addWidget(toolbar);
    layout->addWidget(split, 1);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showRun(m_runs->runId(current.row())); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showItem();
        updateActions();
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &RunsView::showItemMenu);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (m_checklist->itemAt(index))
            signItem();
    });
    connect(m_runs, &QAbstractItemModel::modelReset, this, [this] {
        m_count->setText(counted(m_runs->rowCount(), tr("%1 run shown"), tr("%1 runs shown")));
    });
    connect(&m_ticker, &QTimer::timeout, this, &RunsView::tick);
    m_ticker.setInterval(1000);
    updateActions();
}

RunsView::~RunsView() = default;

void RunsView::buildFilters(QWidget* pane)
{
    m_streamFilter = new QComboBox(pane);
    m_streamFilter->setObjectName(QStringLiteral("streamFilter"));
    m_streamFilter->setAccessibleName(tr("Value stream filter"));
    m_statusFilter = new QComboBox(pane);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("Any status"), -1);
    for (RunStatus status : {RunStatus::Open, RunStatus::Completed, RunStatus::RolledBack})
        m_statusFilter->addItem(runStatusText(status), static_cast<int>(status));
    m_dateFilter = new QCheckBox(tr("Started f&rom"), pane);
    m_dateFilter->setObjectName(QStringLiteral("dateFilter"));
    m_from = new QDateEdit(pane);
    m_from->setObjectName(QStringLiteral("startedFrom"));
    m_from->setAccessibleName(tr("Started from"));
    m_to = new QDateEdit(pane);
    m_to->setObjectName(QStringLiteral("startedTo"));
    m_to->setAccessibleName(tr("Started to"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
    }
    m_from->setDate(QDate::currentDate().addMonths(-1));
    m_to->setDate(QDate::currentDate());
    m_count = plainLabel(new QLabel(pane));
    m_count->setObjectName(QStringLiteral("runCount"));

    auto* filters = new QHBoxLayout;
    auto* streamLabel = new QLabel(tr("S&tream:"), pane);
    streamLabel->setBuddy(m_streamFilter);
    filters->addWidget(streamLabel);
    filters->addWidget(m_streamFilter, 1);
    filters->addWidget(m_statusFilter);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_dateFilter);
    dates->addWidget(m_from);
    auto* toLabel = new QLabel(tr("t&o"), pane);
    toLabel->setBuddy(m_to);
    dates->addWidget(toLabel);
    dates->addWidget(m_to);
    dates->addStretch(1);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(dates);

    connect(m_streamFilter, &QComboBox::currentIndexChanged, this, &RunsView::applyFilter);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &RunsView::applyFilter);
    connect(m_dateFilter, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        applyFilter();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &RunsView::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &RunsView::applyFilter);
}

void RunsView::applyFilter()
{
    if (!m_document)
        return;
    RunPageFilter filter;
    filter.streamId = m_streamFilter->currentData().toString();
    if (const int status = m_statusFilter->currentData().toInt(); status >= 0)
        filter.status = static_cast<RunStatus>(status);
    if (m_dateFilter->isChecked()) {
        filter.startedFrom = m_from->date();
        filter.startedTo = m_to->date();
    }
    const QString keep = m_run.id;
    m_runs->setFilter(filter);
    const int row = m_runs->rowOf(keep);
    m_list->setCurrentIndex(m_runs->index(row >= 0 ? row : 0, 0));
    if (m_runs->rowCount() == 0)
        showRun({});
}

void RunsView::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_run = Run{};
    m_checklist->clear();
    {
        const QSignalBlocker blocker(m_streamFilter);
        m_streamFilter->clear();
        m_streamFilter->addItem(tr("All value streams"), QString());
        if (document) {
            auto streams = listStreamNames(document->library());
            if (streams.ok())
                for (const StreamSummary& stream : streams.value())
                    m_streamFilter->addItem(stream.name, stream.id);
        }
    }
    m_runs->setDocument(document);
    if (document) {
        connect(document, &Document::changed, this, &RunsView::onDocumentChanged);
        // The most recent run (row 0) is where the work is.
        if (m_runs->rowCount() > 0)
            m_list->setCurrentIndex(m_runs->index(0, 0));
        m_ticker.start();
    } else {
        m_ticker.stop();
    }
    showHeader();
    showItem();
    updateActions();
}

bool RunsView::selectRecord(const QString& entity, const QString& id)
{
    if (m_document && entity == QLatin1String("stream")) {
        const int index = m_streamFilter->findData(id);
        if (index >= 0)
            m_streamFilter->setCurrentIndex(index);
        return index >= 0;
    }
    if (!m_document || entity != QLatin1String("run"))
        return false;
    int row = m_runs->rowOf(id);
    if (row < 0 && !m_streamFilter->currentData().toString().isEmpty()) {
        // The stream filter hides it: show every stream's runs, as a search is cleared to show a record.
        m_streamFilter->setCurrentIndex(m_streamFilter->findData(QString()));
        row = m_runs->rowOf(id);
    }
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_runs->index(row, 0));
    m_list->scrollTo(m_runs->index(row, 0));
    return true;
}

QString RunsView::currentStreamId() const
{
    return m_streamFilter->currentData().toString();
}

QString RunsView::currentItemId() const
{
    const RunItem* item = m_checklist->itemAt(m_tree->currentIndex());
    return item ? item->id : QString();
}

bool RunsView::selectItem(const QString& itemId)
{
    const QModelIndex index = m_checklist->indexOfItem(itemId);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void RunsView::onDocumentChanged(Changes what)
{
    if (what & Change::Streams) {
        const QString keep = m_streamFilter->currentData().toString();
        const QSignalBlocker blocker(m_streamFilter);
        m_streamFilter->clear();
        m_streamFilter->addItem(tr("All value streams"), QString());
        auto streams = listStreamNames(m_document->library());
        if (streams.ok())
            for (const StreamSummary& stream : streams.value())
                m_streamFilter->addItem(stream.name, stream.id);
        m_streamFilter->setCurrentIndex(std::max(0, m_streamFilter->findData(keep)));
    }
    if (what & (Change::Runs | Change::Attestations | Change::External)) {
        const QString keep = m_run.id;
        const int scroll = m_list->verticalScrollBar()->value();
        m_runs->refresh();
        const int row = m_runs->rowOf(keep);
        if (row >= 0 && m_list->currentIndex().row() != row) {
            const QSignalBlocker blocker(m_list->selectionModel());
            m_list->setCurrentIndex(m_runs->index(row, 0));
        }
        m_list->verticalScrollBar()->setValue(scroll);
        if (row < 0 && m_runs->rowCount() > 0 && keep.isEmpty())
            m_list->setCurrentIndex(m_runs->index(0, 0));
        else
            reloadRun();
    } else if (what & Change::Incidents) {
        showItem();
    }
}

void RunsView::showRun(const QString& runId)
{
    if (runId == m_run.id && !runId.isEmpty()) {
        reloadRun();
        return;
    }
    m_run = Run{};
    m_run.id = runId;
    reloadRun();
    m_tree->expandAll();
    // Start where the work is: the first item that is not final (else the first item).
    for (const RunItem& item : std::as_const(m_run.items))
        if (item.state == ItemState::Open || item.state == ItemState::Failed) {
            selectItem(item.id);
            break;
        }
    if (currentItemId().isEmpty() && !m_run.items.isEmpty())
        selectItem(m_run.items.first().id);
}

void RunsView::reloadRun()
{
    if (!m_document || m_run.id.isEmpty()) {
        m_run = Run{};
        m_checklist->clear();
    } else {
        auto loaded = loadRun(m_document->library(), m_run.id);
        if (loaded.ok()) {
            const QString keepItem = currentItemId();
            const int scroll = m_tree->verticalScrollBar()->value();
            const bool sameRun = m_checklist->run().id == loaded->id;
            m_run = loaded.value();
            m_checklist->setRun(m_run);
            if (!sameRun || m_tree->model()->rowCount() > 0) {
                m_tree->expandAll();
                if (!keepItem.isEmpty() && currentItemId() != keepItem)
                    selectItem(keepItem);
                m_tree->verticalScrollBar()->setValue(scroll);
            }
        } else {
            emit statusMessage(loaded.message());
        }
    }
    showHeader();
    showItem();
    updateActions();
}

void RunsView::updateActions()
{
    const bool open = !m_run.id.isEmpty() && m_run.status == RunStatus::Open;
    const RunItem* item = m_checklist->itemAt(m_tree->currentIndex());
    m_startAction->setEnabled(m_document != nullptr);
    const bool signable =
        open && item && item->state != ItemState::Passed && item->state != ItemState::NotApplicable;
    for (QAction* action : {m_signAction, m_passAction, m_failAction, m_notApplicableAction})
        action->setEnabled(signable);
    bool standing = false;
    if (item)
        for (const Attestation& a : item->attestations)
            standing = standing || !a.voided;
    m_voidAction->setEnabled(open && standing);
    m_closeAction->setEnabled(open);
}

void RunsView::showHeader()
{
    if (m_run.id.isEmpty()) {
        m_header->setText(m_document && m_runs->rowCount() == 0
                              ? tr("No runs yet. Start one with “Start Run…” once a value stream is published.")
                              : QString());
        m_countdown->clear();
        m_countdown->hide();
        m_flag->hide();
        return;
    }
    QString html = tr("<b>%1</b> — %2, revision %3 · %4 · <b>%5</b> · started %6 · %7 of %8 items done")
                       .arg(escaped(m_run.title), escaped(m_run.streamName))
                       .arg(m_run.revisionNumber)
                       .arg(runKindText(m_run.kind), runStatusText(m_run.status), escaped(runTimeText(m_run.startedAt)))
                       .arg(m_run.finalCount)
                       .arg(m_run.itemCount);
    QStringList schedule;
    if (!m_run.plannedStart.isEmpty())
        schedule << tr("Planned start: %1").arg(escaped(runTimeText(m_run.plannedStart)));
    if (!m_run.rollbackPoint.isEmpty())
        schedule << tr("Rollback point: %1").arg(escaped(runTimeText(m_run.rollbackPoint)));
    if (!schedule.isEmpty())
        html += QStringLiteral("<br>") + schedule.join(QStringLiteral(" · "));
    if (m_run.status != RunStatus::Open)
        html += QStringLiteral("<br>") + tr("Closed %1.").arg(escaped(runTimeText(m_run.closedAt)));
    if (!m_run.lessons.isEmpty())
        html += QStringLiteral("<br>") + tr("Lessons learned: %1").arg(escaped(m_run.lessons));
    m_header->setText(html);
    tick();
}

void RunsView::tick()
{
    const auto rollback = parseIsoMoment(m_run.rollbackPoint);
    if (!m_document || m_run.id.isEmpty() || !rollback || m_run.status != RunStatus::Open) {
        m_countdown->hide();
        m_flag->hide();
        return;
    }
    const qint64 left = m_document->library().clock().now().secsTo(*rollback);
    m_countdown->setText(left >= 0 ? tr("Rollback point in %1").arg(spanText(left))
                                   : tr("Rollback point passed %1 ago").arg(spanText(left)));
    m_countdown->show();
    const int notDone = m_run.itemCount - m_run.finalCount;
    if (left < 0 && notDone > 0) {
        m_flag->setText(tr("⚠ Past the rollback point with %1 of %2 items not done: decide now whether to roll "
                           "back (Close Run… ▸ Rolled back).")
                            .arg(notDone)
                            .arg(m_run.itemCount));
        m_flag->show();
    } else {
        m_flag->hide();
    }
}

void RunsView::showItem()
{
    const RunItem* item = m_checklist->itemAt(m_tree->currentIndex());
    if (!item) {
        m_details->setHtml(m_run.id.isEmpty() ? QString()
                                              : tr("<p>Select an item to see its statement, its signatures and "
                                                   "the past incidents of its step.</p>"));
        return;
    }
    m_details->setHtml(runItemHtml(*item) + pastIncidentsHtml(m_document->library(), m_run, *item));
}

void RunsView::openLink(const QUrl& url)
{
    if (url.scheme() == QLatin1String("incident")) {
        emit incidentActivated(url.path());
        return;
    }
    stable::openLink(this, url);
}

void RunsView::startRun()
{
    if (!m_document)
        return;
    StartRunDialog dialog(*m_document, m_run.streamId.isEmpty() ? m_streamFilter->currentData().toString() : m_run.streamId,
                          this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // A new run is the newest: clear filters that would hide it.
    if (m_statusFilter->currentIndex() > 0 || m_dateFilter->isChecked()) {
        m_statusFilter->setCurrentIndex(0);
        m_dateFilter->setChecked(false);
    }
    m_runs->refresh();
    selectRecord(QStringLiteral("run"), dialog.startedRunId());
    emit statusMessage(tr("Started the run ‘%1’.").arg(m_run.title));
}

void RunsView::showItemMenu(const QPoint& position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (!m_checklist->itemAt(index))
        return;
    m_tree->setCurrentIndex(index);
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("itemMenu"));
    menu.addActions({m_passAction, m_failAction, m_notApplicableAction});
    menu.addSeparator();
    menu.addActions({m_signAction, m_voidAction});
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void RunsView::signItem()
{
    signAs(std::nullopt);
}

void RunsView::signAs(std::optional<Outcome> outcome)
{
    const RunItem* selected = m_checklist->itemAt(m_tree->currentIndex());
    if (!m_document || !selected || m_run.status != RunStatus::Open)
        return;
    const RunItem item = *selected;
    SignDialog dialog(*m_document, m_run, item, this);
    if (outcome)
        dialog.setOutcome(*outcome);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reloadRun();
    emit statusMessage(tr("Signed %1 as %2.").arg(item.ref(), outcomeText(dialog.signedAttestation().outcome).toLower()));
    if (dialog.signedAttestation().outcome == Outcome::Fail)
        afterFailure(item, dialog.signedAttestation().note);
    else
        selectNextOpenItem(item.id);
}

// On to the work that is left once an item is done: the next item not passed or n/a below it in the
// checklist as shown (steps, then stages), wrapping round. A critical item waiting for its second signer
// stays selected, so that person signs it next.
void RunsView::selectNextOpenItem(const QString& doneItemId)
{
    const QModelIndex done = m_checklist->indexOfItem(doneItemId);
    const RunItem* item = m_checklist->itemAt(done);
    if (!item || (item->state != ItemState::Passed && item->state != ItemState::NotApplicable))
        return;
    const auto openAt = [this](const QModelIndex& index) {
        const RunItem* candidate = m_checklist->itemAt(index);
        return candidate && (candidate->state == ItemState::Open || candidate->state == ItemState::Failed)
                   ? candidate->id
                   : QString();
    };
    QModelIndex next = m_tree->indexBelow(done);
    for (bool wrapped = false; next != done; next = m_tree->indexBelow(next)) {
        if (!next.isValid()) {
            if (wrapped)
                return;
            wrapped = true;
            next = m_checklist->index(0, 0);
        }
        if (const QString id = openAt(next); !id.isEmpty()) {
            selectItem(id);
            return;
        }
    }
}

void RunsView::afterFailure(const RunItem& item, const QString& signerNote)
{
    FailureDialog failure(item, this);
    if (failure.exec() != QDialog::Accepted)
        return;
    NewRework rework;
    rework.date = m_document->library().clock().now().toUTC().date();
    rework.hours = failure.hours();
    rework.kind = ReworkKind::Rework;
    rework.stream = m_run.streamId;
    rework.step = item.stepId;
    rework.run = m_run.id;
    rework.note = failure.note().isEmpty() ? tr("Rework after %1 failed in ‘%2’").arg(item.ref(), m_run.title) : failure.note();
    // The incident comes first, so that the rework is charged to it (and through it to the step that
    // injected the defect); cancelling the incident still records the rework the person entered.
    std::optional<Incident> raised;
    if (failure.choice() == FailureDialog::RecordAndRaise) {
        RaiseIncidentDialog raise(*m_document, m_run, item, signerNote, this);
        if (raise.exec() == QDialog::Accepted) {
            raised = raise.raised();
            rework.incident = raised->id;
            rework.step
                .clear(); // charged to the step the incident names as injected, as its analysis moves it
        }
    }
    auto added = addRework(m_document->library(), rework);
    if (!added.ok())
        emit statusMessage(added.message());
    if (raised)
        emit incidentRaised(raised->id, raised->key());
}

void RunsView::voidSignature()
{
    const RunItem* selected = m_checklist->itemAt(m_tree->currentIndex());
    if (!m_document || !selected)
        return;
    const RunItem item = *selected;
    VoidDialog dialog(*m_document, m_run, item, this);
    if (dialog.exec() == QDialog::Accepted) {
        reloadRun();
        emit statusMessage(tr("Voided a signature of %1.").arg(item.ref()));
    }
}

void RunsView::closeRun()
{
    if (!m_document || m_run.id.isEmpty())
        return;
    CloseRunDialog dialog(*m_document, m_run, this);
    if (dialog.exec() == QDialog::Accepted) {
        reloadRun();
        emit statusMessage(tr("Closed the run ‘%1’ as %2.").arg(m_run.title, runStatusText(m_run.status).toLower()));
    }
}

} // namespace stable
