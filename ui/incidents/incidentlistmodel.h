#pragma once

#include "domain.h"
#include "pagedrows.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <optional>

namespace stable {

class Library;

// The incidents of a library, newest first, filtered by status, value stream and words in the title,
// story, category or root cause. A library may hold tens of thousands: every match has a row from the
// start (one count), but only the pages a view shows are read (keyset on the number, or a seek for a
// jump) and at most `maxCachedPages` are kept.
class IncidentListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Key, Title, Stream, Detected, Injected, Severity, Status, Created, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole };
    static constexpr int pageSize = 200;
    static constexpr int maxCachedPages = 8;

    explicit IncidentListModel(QObject* parent = nullptr);

    void setLibrary(Library* library);
    void setStatusFilter(std::optional<IncidentStatus> status);
    void setStreamFilter(const QString& streamId);
    void setSearchText(const QString& text);
    // Reads the rows again (after a change): when as many incidents match as before, rows stay in
    // place (dataChanged); otherwise a reset.
    void reload();

    // Every incident the filters let through.
    int matchingCount() const { return m_rows.count(); }
    // The row of an incident, read from the library when its page is not cached; -1 when the filters
    // hide it.
    int rowOfId(const QString& id) const;
    QString idAt(int row) const;
    int cachedPages() const { return m_rows.cachedPages(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString id;
        int number = 0;
        QString title;
        QString stream;
        QString detected;
        QString injected;
        int severity = 0;
        IncidentStatus status = IncidentStatus::Open;
        QString createdAt;
    };
    void resetRows();
    QString whereClause(QVariantList& binds) const;
    // Up to `limit` rows past `number`: older ones (nullopt: from the newest), or with `newer` the
    // newer ones next to it; newest first either way.
    Result<QList<Row>> readPage(std::optional<int> number, bool newer, int limit) const;
    Result<int> numberAt(int position) const;
    int countMatching() const;
    const Row* rowAt(int row) const;

    Library* m_library = nullptr;
    std::optional<IncidentStatus> m_status;
    QString m_streamId;
    QString m_search;
    // Pages are read when data() asks for a row: caching them does not change what the model shows.
    mutable PagedRows<Row, int> m_rows{pageSize, maxCachedPages};
};

} // namespace stable
