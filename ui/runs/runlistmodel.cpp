#include "runs/runlistmodel.h"

#include "document.h"
#include "runs/runwording.h"

#include <QScopedValueRollback>

namespace stable {

RunListModel::RunListModel(QObject* parent) : QAbstractTableModel(parent) {}

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

void RunListModel::reload()
{
    {
        // Listeners of the reset (the model tester) may ask for more before the reset is complete.
        const QScopedValueRollback<bool> resetting(m_fetching, true);
        beginResetModel();
        m_rows.clear();
        m_error.clear();
        m_exhausted = m_document == nullptr;
        endResetModel();
    }
    if (canFetchMore())
        fetchMore();
}

void RunListModel::refresh()
{
    if (!m_document)
        return;
    const int wanted = std::max(static_cast<int>(m_rows.size()), pageSize);
    auto page = listRunPage(m_document->library(), m_filter, std::nullopt, wanted);
    if (!page.ok()) {
        m_error = page.message();
        return;
    }
    bool sameRuns = page->size() == m_rows.size();
    for (int i = 0; sameRuns && i < m_rows.size(); ++i)
        sameRuns = page->at(i).run.id == m_rows.at(i).run.id;
    if (sameRuns) {
        m_rows = page.value();
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    // Runs came or went: the view puts the selection back by run id.
    const QScopedValueRollback<bool> resetting(m_fetching, true);
    beginResetModel();
    m_rows = page.value();
    m_exhausted = page->size() < wanted;
    endResetModel();
}

QString RunListModel::runId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).run.id : QString();
}

int RunListModel::rowOf(const QString& runId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).run.id == runId)
            return i;
    return -1;
}

const Run* RunListModel::run(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).run : nullptr;
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Run& run = m_rows.at(index.row()).run;
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
            return index.column() == Title ? run.title : run.streamName;
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

bool RunListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void RunListModel::fetchMore(const QModelIndex& parent)
{
    // Views (and the model tester) may ask again while a page is being inserted.
    if (parent.isValid() || m_exhausted || !m_document || m_fetching)
        return;
    const QScopedValueRollback<bool> fetching(m_fetching, true);
    std::optional<RunCursor> after;
    if (!m_rows.isEmpty())
        after = m_rows.last().cursor;
    auto page = listRunPage(m_document->library(), m_filter, after, pageSize);
    if (!page.ok()) {
        m_error = page.message();
        m_exhausted = true;
        return;
    }
    m_exhausted = page->size() < pageSize;
    if (page->isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows.append(page.value());
    endInsertRows();
}

} // namespace stable
