#pragma once

#include "domain.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <optional>

namespace stable {

class Library;

// The incidents of a library, newest first, fetched a page at a time (a library may hold tens of
// thousands): filtered by status, value stream and words in the title, story, category or root cause.
class IncidentListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Key, Title, Stream, Detected, Injected, Severity, Status, Created, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole };
    static constexpr int pageSize = 200;

    explicit IncidentListModel(QObject* parent = nullptr);

    void setLibrary(Library* library);
    void setStatusFilter(std::optional<IncidentStatus> status);
    void setStreamFilter(const QString& streamId);
    void setSearchText(const QString& text);
    // Reads the rows again (after a change), at least as many as were loaded.
    void reload();

    // Every incident the filters let through, loaded or not.
    int matchingCount() const { return m_matching; }
    // The row of an incident, fetching pages until it is loaded; -1 when the filters hide it.
    int rowOfId(const QString& id);
    QString idAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

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
    void reload(int rows);
    QString whereClause(QVariantList& binds) const;
    QList<Row> readPage(int beforeNumber, int limit) const;
    void countMatching();

    Library* m_library = nullptr;
    std::optional<IncidentStatus> m_status;
    QString m_streamId;
    QString m_search;
    QList<Row> m_rows;
    bool m_more = false;
    int m_matching = 0;
};

} // namespace stable
