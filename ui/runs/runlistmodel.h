#pragma once

#include "pagedrows.h"
#include "runpages.h"

#include <QAbstractTableModel>

namespace stable {

class Document;

// The runs of the open library, newest first. Every run the filter matches has a row from the start
// (an index-only count), but only the pages a view shows are read, by keyset from a neighbouring page
// or by a seek through an index, and at most `maxCachedPages` are kept: opening, scrolling and dragging
// the scrollbar to the end cost the same on ten years of runs as on ten runs.
class RunListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Stream, Revision, Kind, Status, Started, Progress, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, FinalCountRole, ItemCountRole };
    static constexpr int pageSize = 200;
    static constexpr int maxCachedPages = 8;

    explicit RunListModel(QObject* parent = nullptr);

    void setDocument(Document* document);
    void setFilter(const RunPageFilter& filter);
    const RunPageFilter& filter() const { return m_filter; }
    // Reads the runs again (another instance signed, a run started…): when as many runs match as
    // before, rows stay in place (dataChanged), so selection and scroll stay; otherwise a reset.
    void refresh();

    QString runId(int row) const;
    // The row of a run, read from the library when its page is not cached; -1 when the filter hides it.
    int rowOf(const QString& runId) const;
    // Valid until the next call that reads a page.
    const Run* run(int row) const;
    QString lastError() const { return m_error; }
    int cachedPages() const { return m_rows.cachedPages(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    int countMatching() const;
    const RunPageRow* rowAt(int row) const;
    Document* m_document = nullptr;
    RunPageFilter m_filter;
    // Pages are read when data() asks for a row: caching them does not change what the model shows.
    mutable PagedRows<RunPageRow, RunCursor> m_rows{pageSize, maxCachedPages};
    mutable QString m_error;
};

} // namespace stable
