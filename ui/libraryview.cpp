#include "libraryview.h"

#include "document.h"
#include "edits.h"
#include "navigatormodel.h"
#include "process.h"
#include "startpage.h"
#include "stepeditor.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace stable {

namespace {

QString kindOf(const QModelIndex& index)
{
    return index.data(NavigatorModel::KindRole).toString();
}

QString idOf(const QModelIndex& index)
{
    return index.data(NavigatorModel::IdRole).toString();
}

} // namespace

LibraryView::LibraryView(QWidget* parent)
    : QWidget(parent), m_model(new NavigatorModel(this)), m_filter(new NavigatorFilter(this))
{
    setObjectName(QStringLiteral("libraryView"));
    m_filter->setSourceModel(m_model);

    auto* navigatorPane = new QWidget(this);
    m_search = new QLineEdit(navigatorPane);
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_search->setPlaceholderText(tr("Search steps, procedures, checks, incidents…"));
    m_search->setAccessibleName(tr("Search the library"));
    m_search->setClearButtonEnabled(true);
    m_tree = new QTreeView(navigatorPane);
    m_tree->setObjectName(QStringLiteral("libraryNavigator"));
    m_tree->setAccessibleName(tr("Value streams, steps and checks"));
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NavigatorModel::NameColumn, QHeaderView::Stretch);
    // The details (counts, revision, "draft changed") give way to the names: see fitDetailColumn.
    m_tree->header()->setSectionResizeMode(NavigatorModel::DetailColumn, QHeaderView::Interactive);
    m_tree->viewport()->installEventFilter(this);
    m_tree->header()->hide();
    // Drag a step among its stream's steps, a check among its step's checks.
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    connect(m_model, &NavigatorModel::moveRefused, this, &LibraryView::editRefused);
    auto* navigatorLayout = new QVBoxLayout(navigatorPane);
    navigatorLayout->setContentsMargins(6, 6, 0, 6);
    navigatorLayout->addWidget(m_search);
    navigatorLayout->addWidget(m_tree, 1);

    m_editor = new StepEditor(this);
    connect(m_editor, &StepEditor::editRefused, this, &LibraryView::editRefused);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(navigatorPane);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({440, 960});
    m_library = split;
    m_startPage = new StartPage(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(split);
    m_pages->addWidget(m_startPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    // The start page while there is no stream; the streams as soon as one comes (made, imported, undone).
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LibraryView::showStartPageWhenEmpty);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LibraryView::showStartPageWhenEmpty);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LibraryView::showStartPageWhenEmpty);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setSearchText(text);
        if (!text.trimmed().isEmpty())
            m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { showCurrent(current); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &LibraryView::fitDetailColumn);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &LibraryView::fitDetailColumn);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LibraryView::fitDetailColumn);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LibraryView::fitDetailColumn);
    connect(m_tree, &QTreeView::expanded, this, &LibraryView::fitDetailColumn);
    // A new value stream shows its steps at once.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& under, int first, int last) {
        if (under.isValid())
            return;
        for (int row = first; row <= last; ++row)
            m_tree->expand(m_filter->index(row, 0));
    });
}

bool LibraryView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        fitDetailColumn();
    return QWidget::eventFilter(watched, event);
}

// As wide as its longest text, but at most two fifths of the navigator: one long detail (a stream's
// "r3 · draft changed") once cut every step name to "…".
void LibraryView::fitDetailColumn()
{
    const QAbstractItemView* view = m_tree; // QTreeView's override is protected; the base's is public
    const int wanted = view->sizeHintForColumn(NavigatorModel::DetailColumn);
    m_tree->setColumnWidth(NavigatorModel::DetailColumn,
                           std::min(wanted, m_tree->viewport()->width() * 2 / 5));
}

void LibraryView::setDocument(Document* document)
{
    m_document = document;
    m_editor->setDocument(document);
    m_model->setDocument(document);
    m_startPage->setDocument(document);
    showStartPageWhenEmpty();
    m_tree->expandToDepth(0);
    if (m_document)
        selectFirstStep();
    emit currentRecordChanged();
}

void LibraryView::showStartPageWhenEmpty()
{
    const bool empty = m_document && m_model->rowCount() == 0;
    m_pages->setCurrentWidget(empty ? static_cast<QWidget*>(m_startPage) : m_library);
}

void LibraryView::selectFirstStep()
{
    const QModelIndex stream = m_filter->index(0, 0);
    if (!stream.isValid())
        return;
    const QModelIndex step = m_filter->index(0, 0, stream);
    const QModelIndex target = step.isValid() ? step : stream;
    m_tree->setCurrentIndex(target);
    m_tree->scrollTo(target);
}

bool LibraryView::selectRecord(const QString& entity, const QString& id)
{
    if (entity != QLatin1String("stream") && entity != QLatin1String("step") && entity != QLatin1String("check"))
        return false;
    const QModelIndex source = m_model->indexOf(id);
    if (!source.isValid() || kindOf(source) != entity)
        return false;
    QModelIndex shown = m_filter->mapFromSource(source);
    if (!shown.isValid()) {
        m_search->clear(); // the search hides it: show everything again
        shown = m_filter->mapFromSource(source);
    }
    m_tree->setCurrentIndex(shown);
    m_tree->scrollTo(shown);
    return true;
}

void LibraryView::showCurrent(const QModelIndex& current)
{
    const QString kind = kindOf(current);
    if (kind == QLatin1String("stream")) {
        m_editor->showStream(idOf(current));
    } else if (kind == QLatin1String("step")) {
        m_editor->showStep(idOf(current));
    } else if (kind == QLatin1String("check")) {
        m_editor->showStep(idOf(current.parent()));
        m_editor->selectCheck(idOf(current));
    } else {
        m_editor->showNothing();
    }
    emit currentRecordChanged();
}

QModelIndex LibraryView::currentSourceIndex() const
{
    return m_filter->mapToSource(m_tree->currentIndex());
}

QString LibraryView::currentStreamId() const
{
    QModelIndex index = currentSourceIndex();
    while (index.isValid() && kindOf(index) != QLatin1String("stream"))
        index = index.parent();
    return idOf(index);
}

QString LibraryView::currentStepId() const
{
    QModelIndex index = currentSourceIndex();
    while (index.isValid() && kindOf(index) != QLatin1String("step"))
        index = index.parent();
    return idOf(index);
}

void LibraryView::addStep()
{
    const QString streamId = currentStreamId();
    if (!m_document || streamId.isEmpty())
        return;
    m_editor->commitPendingEdits();
    auto stream = loadDraft(m_document->library(), streamId);
    if (!stream.ok())
        return;
    QStringList keys;
    int position = -1;
    for (int i = 0; i < stream->steps.size(); ++i) {
        keys.append(stream->steps.at(i).key);
        if (stream->steps.at(i).id == currentStepId())
            position = i + 1;
    }
    Step step;
    step.name = tr("New step");
    step.key = makeKey(tr("step"), keys);
    auto added = edits::addStep(*m_document, streamId, step, position);
    if (!added.ok()) {
        emit editRefused(added.message());
        return;
    }
    selectRecord(QStringLiteral("step"), added.value());
    m_editor->nameEdit()->setFocus();
    m_editor->nameEdit()->selectAll();
}

void LibraryView::removeStep()
{
    const QString stepId = currentStepId();
    if (!m_document || stepId.isEmpty())
        return;
    m_editor->commitPendingEdits();
    const Status done = edits::removeStep(*m_document, stepId);
    if (!done.ok())
        emit editRefused(done.message());
}

void LibraryView::removeStream()
{
    const QString streamId = currentStreamId();
    if (!m_document || streamId.isEmpty())
        return;
    m_editor->commitPendingEdits();
    const Status done = edits::removeStream(*m_document, streamId);
    if (!done.ok())
        emit editRefused(done.message());
}

void LibraryView::addCheck()
{
    if (currentStepId().isEmpty())
        return;
    m_editor->showStep(currentStepId());
    m_editor->addCheck();
}

} // namespace stable
