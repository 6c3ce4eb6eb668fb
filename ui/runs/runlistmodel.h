#pragma once

#include "runpages.h"

#include <QAbstractTableModel>

namespace stable {

class Document;

// The runs of the open library, newest first, read a page at a time with keyset queries: opening
// and scrolling cost the same on ten years of runs as on ten runs.
class RunListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Stream, Revision, Kind, Status, Started, Progress, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, FinalCountRole, ItemCountRole };
    static constexpr int pageSize = 200;

    explicit RunListModel(QObject* parent = nullptr);

    void setDocument(Document* document);
    void setFilter(const RunPageFilter& filter);
    const RunPageFilter& filter() const { return m_filter; }
    // Reads the loaded rows again (another instance signed, a run started…); keeps rows in place
    // when the same runs are still there, so selection and scroll stay.
    void refresh();

    QString runId(int row) const;
    int rowOf(const QString& runId) const;
    const Run* run(int row) const;
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent = {}) const override;
    void fetchMore(const QModelIndex& parent = {}) override;

private:
    void reload();
    Document* m_document = nullptr;
    RunPageFilter m_filter;
    QList<RunPageRow> m_rows;
    bool m_exhausted = true;
    bool m_fetching = false;
    QString m_error;
};

} // namespace stable
