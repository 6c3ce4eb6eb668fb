#include "runs/runlistmodel.h"

#include "document.h"
#include "plaintext.h"
#include "runs/runwording.h"

namespace stable {

RunListModel::RunListModel(QObject* parent) : QAbstractTableModel(parent)
{
    using Page = Result<QList<RunPageRow>>;
    m_rows.setSource({
        [this](const std::optional<RunCursor>& after, int limit) -> Page {
            return listRunPage(m_document->library(), m_filter, after, limit);
        },
        [this](const RunCursor& before, int limit) -> Page {
            return listRunPageBefore(m_document->library(), m_filter, before, limit);
        },
        [this](int position) { return runCursorAt(m_document->library(), m_filter, position); },
        [](const RunPageRow& row) { return row.cursor; },
    });
}

void RunListModel::setDocument(Document* document)
{
    m_document = document;
    reload();
}

void RunListModel::setFilter(const RunPageFilter& filter)
{
    m_filter = filter;
    reload();
}

int RunListModel::countMatching() const
{
    if (!m_document)
        return 0;
    auto count = countRuns(m_document->library(), m_filter);
    if (!count.ok())
        m_error = count.message();
    return count.ok() ? count.value() : 0;
}

void RunListModel::reload()
{
    beginResetModel();
    m_error.clear();
    m_rows.reset(countMatching());
    endResetModel();
}

void RunListModel::refresh()
{
    if (!m_document)
        return;
    m_error.clear();
    const int count = countMatching();
    if (!m_error.isEmpty())
        return;
    if (count != m_rows.count()) {
        // Runs came or went: the view puts the selection back by run id.
        beginResetModel();
        m_rows.reset(count);
        endResetModel();
        return;
    }
    // The same number of runs: the pages are read again as the view asks for its rows.
    m_rows.reset(count);
    if (count > 0)
        emit dataChanged(index(0, 0), index(count - 1, ColumnCount - 1));
}

const RunPageRow* RunListModel::rowAt(int row) const
{
    if (!m_document)
        return nullptr;
    const RunPageRow* found = m_rows.at(row);
    if (!found && !m_rows.error().isEmpty())
        m_error = m_rows.error();
    return found;
}

QString RunListModel::runId(int row) const
{
    const RunPageRow* found = rowAt(row);
    return found ? found->run.id : QString();
}

int RunListModel::rowOf(const QString& runId) const
{
    if (!m_document || runId.isEmpty())
        return -1;
    const int cached = m_rows.findCached([&runId](const RunPageRow& row) { return row.run.id == runId; });
    if (cached >= 0)
        return cached;
    auto position = runPosition(m_document->library(), m_filter, runId);
    if (!position.ok()) {
        m_error = position.message();
        return -1;
    }
    return position.value() < m_rows.count() ? position.value() : -1;
}

const Run* RunListModel::run(int row) const
{
    const RunPageRow* found = rowAt(row);
    return found ? &found->run : nullptr;
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.count();
}

int RunListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunPageRow* row = rowAt(index.row());
    if (!row)
        return {};
    const Run& run = row->run;
    switch (role) {
    case RunIdRole:
        return run.id;
    case FinalCountRole:
        return run.finalCount;
    case ItemCountRole:
        return run.itemCount;
    case Qt::ToolTipRole:
        if (index.column() == Progress)
            return tr("%1 of %2 items passed or n/a, %3 failed").arg(run.finalCount).arg(run.itemCount).arg(run.failedCount);
        if (index.column() == Started)
            return runTimeText(run.startedAt);
        if (index.column() == Title || index.column() == Stream)
            return plainToolTip(index.column() == Title ? run.title : run.streamName);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return run.title;
        case Stream:
            return run.streamName;
        case Revision:
            return run.revisionNumber;
        case Kind:
            return runKindText(run.kind);
        case Status:
            return runStatusText(run.status);
        case Started:
            return localTimeText(run.startedAt);
        case Progress:
            return tr("%1/%2").arg(run.finalCount).arg(run.itemCount);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Revision || index.column() == Progress)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Title");
    case Stream:
        return tr("Value stream");
    case Revision:
        return tr("Rev.");
    case Kind:
        return tr("Kind");
    case Status:
        return tr("Status");
    case Started:
        return tr("Started");
    case Progress:
        return tr("Progress");
    default:
        return {};
    }
}

} // namespace stable
