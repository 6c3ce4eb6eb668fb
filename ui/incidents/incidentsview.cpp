#include "incidents/incidentsview.h"

#include "document.h"
#include "incidents.h"
#include "incidents/incidenteditor.h"
#include "incidents/incidentlistmodel.h"
#include "incidents/incidentpickers.h"
#include "incidents/incidentstatus.h"
#include "incidents/newincidentdialog.h"
#include "plaintext.h"
#include "process.h"
#include "wording.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace stable {

IncidentsView::IncidentsView(QWidget* parent)
    : QWidget(parent), m_model(new IncidentListModel(this)), m_editor(new IncidentEditor(this))
{
    setObjectName(QStringLiteral("incidentsView"));
    auto* listPane = new QWidget(this);
    m_status = new QComboBox(listPane);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Show incidents with status"));
    m_status->addItem(tr("Any status"), QString());
    for (IncidentStatus status : {IncidentStatus::Open, IncidentStatus::Analysed, IncidentStatus::Prevented,
                                  IncidentStatus::Verified})
        m_status->addItem(statusText(status), toText(status));
    m_stream = new QComboBox(listPane);
    m_stream->setObjectName(QStringLiteral("streamFilter"));
    m_stream->setAccessibleName(tr("Show incidents of value stream"));
    m_search = new QLineEdit(listPane);
    m_search->setObjectName(QStringLiteral("incidentSearch"));
    m_search->setPlaceholderText(tr("Search titles, stories, causes, INC-7…"));
    m_search->setAccessibleName(tr("Search incidents"));
    m_search->setClearButtonEnabled(true);
    auto* create = new QPushButton(tr("&New Incident…"), listPane);
    create->setObjectName(QStringLiteral("newIncident"));

    m_list = new QTableView(listPane);
    m_list->setObjectName(QStringLiteral("incidentList"));
    m_list->setAccessibleName(tr("Incidents, newest first"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    QHeaderView* header = m_list->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(IncidentListModel::Title, QHeaderView::Stretch);
    for (int column : {IncidentListModel::Key, IncidentListModel::Severity, IncidentListModel::Status})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setMinimumSectionSize(40);
    header->resizeSection(IncidentListModel::Stream, 120);
    header->resizeSection(IncidentListModel::Detected, 110);
    header->resizeSection(IncidentListModel::Injected, 110);
    header->setSectionResizeMode(IncidentListModel::Created, QHeaderView::ResizeToContents);
    // Widths from the rows on screen and around them, a page's worth (not Qt's default 1,000 rows).
    header->setResizeContentsPrecision(IncidentListModel::pageSize);
    m_count = plainLabel(new QLabel(listPane));
    m_count->setObjectName(QStringLiteral("incidentCount"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_status);
    filters->addWidget(m_stream, 1);
    filters->addWidget(create);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(6, 6, 0, 6);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_search);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_count);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(listPane);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({800, 600});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_status, &QComboBox::currentIndexChanged, this, &IncidentsView::applyFilters);
    connect(m_stream, &QComboBox::currentIndexChanged, this, &IncidentsView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &IncidentsView::applyFilters);
    connect(create, &QPushButton::clicked, this, [this] { newIncident(m_stream->currentData().toString()); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const QString id = m_model->idAt(current.row());
                if (id == m_editor->incidentId())
                    return;
                if (!m_editor->confirmLeave()) {
                    // Cancel: the list goes back to the incident still being edited, once this change is
                    // over.
                    QTimer::singleShot(0, this, [this, kept = m_editor->incidentId()] { selectId(kept); });
                    return;
                }
                m_editor->showIncident(id);
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &IncidentsView::updateCount);
    connect(m_editor, &IncidentEditor::status, this, &IncidentsView::status);
}

void IncidentsView::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_editor->setDocument(document);
    loadStreams();
    m_model->setLibrary(document ? &document->library() : nullptr);
    updateCount();
    if (document) {
        connect(document, &Document::changed, this, &IncidentsView::documentChanged);
        selectLatestAnalysed();
    }
}

void IncidentsView::loadStreams()
{
    const QSignalBlocker quiet(m_stream);
    const QString chosen = m_stream->currentData().toString();
    m_stream->clear();
    m_stream->addItem(tr("All value streams"), QString());
    if (m_document) {
        auto streams = listStreamNames(m_document->library());
        if (streams.ok())
            for (const StreamSummary& stream : streams.value())
                m_stream->addItem(stream.name, stream.id);
    }
    pickData(m_stream, chosen);
}

void IncidentsView::applyFilters()
{
    const QString keep = m_editor->incidentId();
    m_model->setStatusFilter(parseIncidentStatus(m_status->currentData().toString()));
    m_model->setStreamFilter(m_stream->currentData().toString());
    m_model->setSearchText(m_search->text());
    updateCount();
    selectId(keep);
}

void IncidentsView::documentChanged(Changes what)
{
    if (what & (Change::Streams | Change::External))
        loadStreams();
    const Changes shown = Change::Incidents | Change::Streams | Change::Drafts | Change::Revisions | Change::Runs |
                          Change::Rework | Change::External;
    if (!(what & shown))
        return;
    const QString keep = m_editor->incidentId();
    if (what & (Change::Incidents | Change::Streams | Change::Drafts | Change::External)) {
        m_model->reload();
        updateCount();
        selectId(keep);
    }
    m_editor->refresh(what);
}

void IncidentsView::selectId(const QString& id)
{
    const int row = id.isEmpty() ? -1 : m_model->rowOfId(id);
    if (m_editor->incidentId() != id && !m_editor->confirmLeave())
        return;
    if (row < 0) {
        m_list->clearSelection();
        m_list->setCurrentIndex(QModelIndex());
        if (m_editor->incidentId() != id || id.isEmpty())
            m_editor->showIncident(QString());
        return;
    }
    const QModelIndex index = m_model->index(row, IncidentListModel::Key);
    m_list->setCurrentIndex(index);
    m_list->selectRow(row);
    m_list->scrollTo(index);
    if (m_editor->incidentId() != id)
        m_editor->showIncident(id);
}

void IncidentsView::selectLatestAnalysed()
{
    // Opens on the newest incident that has been worked through, so the first look shows what the five
    // whys found and what answered it; a library without one opens on the newest.
    // Among the newest page only: the rest of a long history is not read to open the view.
    int row = 0;
    for (int candidate = 0; candidate < std::min(m_model->rowCount(), IncidentListModel::pageSize); ++candidate)
        if (m_model->index(candidate, 0).data(IncidentListModel::StatusRole).toString() != toText(IncidentStatus::Open)) {
            row = candidate;
            break;
        }
    if (m_model->rowCount() > 0)
        selectId(m_model->idAt(row));
}

bool IncidentsView::selectRecord(const QString& entity, const QString& id)
{
    if (m_document && entity == QLatin1String("stream")) {
        const int index = m_stream->findData(id);
        if (index >= 0)
            m_stream->setCurrentIndex(index);
        return index >= 0;
    }
    if (!m_document || entity != QLatin1String("incident"))
        return false;
    auto resolved = resolveIncident(m_document->library(), id);
    if (!resolved.ok())
        return false;
    if (m_model->rowOfId(resolved.value()) < 0) {
        // The filters hide it: show everything again.
        const QSignalBlocker quietStatus(m_status);
        const QSignalBlocker quietStream(m_stream);
        const QSignalBlocker quietSearch(m_search);
        m_status->setCurrentIndex(0);
        m_stream->setCurrentIndex(0);
        m_search->clear();
        applyFilters();
    }
    selectId(resolved.value());
    return m_editor->incidentId() == resolved.value();
}

QString IncidentsView::currentStreamId() const
{
    return m_stream->currentData().toString();
}

QString IncidentsView::currentIncidentId() const
{
    return m_model->idAt(m_list->currentIndex().row());
}

void IncidentsView::updateCount()
{
    const int matching = m_model->matchingCount();
    m_count->setText(counted(matching, tr("%1 incident"), tr("%1 incidents")));
}

void IncidentsView::newIncident(const QString& streamId, const QString& runId, const QString& detectedStepId)
{
    if (!m_document)
        return;
    NewIncidentDialog dialog(*m_document, this);
    dialog.prefill(streamId, runId, detectedStepId);
    if (m_editor->runDialog(dialog) != QDialog::Accepted)
        return;
    selectRecord(QStringLiteral("incident"), dialog.createdIncidentId());
    emit status(tr("Recorded %1.").arg(m_editor->incident().key()));
}

} // namespace stable
