#include "incidents/incidentlistmodel.h"

#include "clock.h"
#include "incidents/incidentstatus.h"
#include "library.h"
#include "plaintext.h"
#include "sql.h"

#include <QGuiApplication>
#include <QLocale>
#include <algorithm>

namespace stable {

namespace {

// LIKE matches its pattern literally when the search has '%' or '_' in it.
QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

IncidentListModel::IncidentListModel(QObject* parent) : QAbstractTableModel(parent)
{
    m_rows.setSource({
        [this](const std::optional<int>& after, int limit) { return readPage(after, false, limit); },
        [this](int before, int limit) { return readPage(before, true, limit); },
        [this](int position) { return numberAt(position); },
        [](const Row& row) { return row.number; },
    });
}

void IncidentListModel::setLibrary(Library* library)
{
    m_library = library;
    m_streamId.clear();
    resetRows();
}

void IncidentListModel::setStatusFilter(std::optional<IncidentStatus> status)
{
    if (m_status == status)
        return;
    m_status = status;
    resetRows();
}

void IncidentListModel::setStreamFilter(const QString& streamId)
{
    if (m_streamId == streamId)
        return;
    m_streamId = streamId;
    resetRows();
}

void IncidentListModel::setSearchText(const QString& text)
{
    const QString wanted = text.trimmed();
    if (m_search == wanted)
        return;
    m_search = wanted;
    resetRows();
}

void IncidentListModel::resetRows()
{
    beginResetModel();
    m_rows.reset(countMatching());
    endResetModel();
}

void IncidentListModel::reload()
{
    const int count = countMatching();
    if (count != m_rows.count()) {
        beginResetModel();
        m_rows.reset(count);
        endResetModel();
        return;
    }
    // The pages are read again as the view asks for its rows.
    m_rows.reset(count);
    if (count > 0)
        emit dataChanged(index(0, 0), index(count - 1, ColumnCount - 1));
}

QString IncidentListModel::whereClause(QVariantList& binds) const
{
    QString where = QStringLiteral("WHERE 1 = 1");
    if (m_status) {
        where += QStringLiteral(" AND i.status = ?");
        binds << toText(*m_status);
    }
    if (!m_streamId.isEmpty()) {
        where += QStringLiteral(" AND i.stream_id = ?");
        binds << m_streamId;
    }
    if (!m_search.isEmpty()) {
        const QString pattern = likePattern(m_search);
        where += QStringLiteral(" AND (i.title LIKE ? ESCAPE '\\' OR i.what_happened LIKE ? ESCAPE '\\' "
                                "OR i.category LIKE ? ESCAPE '\\' OR i.root_cause LIKE ? ESCAPE '\\'");
        binds << pattern << pattern << pattern << pattern;
        if (const auto number = parseIncidentKey(m_search.toUpper())) {
            where += QStringLiteral(" OR i.number = ?");
            binds << *number;
        }
        where += QLatin1Char(')');
    }
    return where;
}

Result<QList<IncidentListModel::Row>> IncidentListModel::readPage(std::optional<int> number, bool newer,
                                                                  int limit) const
{
    QList<Row> rows;
    if (!m_library)
        return rows;
    QVariantList binds;
    QString where = whereClause(binds);
    if (number) {
        where += newer ? QStringLiteral(" AND i.number > ?") : QStringLiteral(" AND i.number < ?");
        binds << *number;
    }
    binds << limit;
    // Keyset paging on the number: each page costs the same however deep the user scrolls.
    auto query = execSql(m_library->db(),
                         QStringLiteral("SELECT i.id, i.number, i.title, s.name, ds.name, js.name, i.severity, "
                                        "i.status, i.created_at FROM incident i JOIN stream s ON s.id = i.stream_id "
                                        "LEFT JOIN step ds ON ds.id = i.detected_step_id "
                                        "LEFT JOIN step js ON js.id = i.injected_step_id ") +
                             where +
                             (newer ? QStringLiteral(" ORDER BY i.number ASC LIMIT ?")
                                    : QStringLiteral(" ORDER BY i.number DESC LIMIT ?")),
                         binds);
    if (!query.ok())
        return query.error();
    while (query->next()) {
        Row row;
        row.id = query->value(0).toString();
        row.number = query->value(1).toInt();
        row.title = query->value(2).toString();
        row.stream = query->value(3).toString();
        row.detected = query->value(4).toString();
        row.injected = query->value(5).toString();
        row.severity = query->value(6).toInt();
        row.status = parseIncidentStatus(query->value(7).toString()).value_or(IncidentStatus::Open);
        row.createdAt = query->value(8).toString();
        rows.append(row);
    }
    if (newer)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

Result<int> IncidentListModel::numberAt(int position) const
{
    if (!m_library)
        return notFound(QStringLiteral("No library is open."));
    QVariantList binds;
    const QString where = whereClause(binds);
    binds << position;
    // OFFSET skips entries of the number's index inside SQLite, without a row reaching Qt.
    auto query = execSql(m_library->db(),
                         QStringLiteral("SELECT i.number FROM incident i ") + where +
                             QStringLiteral(" ORDER BY i.number DESC LIMIT 1 OFFSET ?"),
                         binds);
    if (!query.ok())
        return query.error();
    if (!query->next())
        return notFound(QStringLiteral("No incident at position %1 of the list.").arg(position + 1));
    return query->value(0).toInt();
}

int IncidentListModel::countMatching() const
{
    if (!m_library)
        return 0;
    QVariantList binds;
    const QString where = whereClause(binds);
    auto query = execSql(m_library->db(), QStringLiteral("SELECT count(*) FROM incident i ") + where, binds);
    return query.ok() && query->next() ? query->value(0).toInt() : 0;
}

const IncidentListModel::Row* IncidentListModel::rowAt(int row) const
{
    return m_library ? m_rows.at(row) : nullptr;
}

int IncidentListModel::rowOfId(const QString& id) const
{
    if (!m_library || id.isEmpty())
        return -1;
    const int cached = m_rows.findCached([&id](const Row& row) { return row.id == id; });
    if (cached >= 0)
        return cached;
    QVariantList binds;
    const QString where = whereClause(binds);
    auto found = execSql(m_library->db(), QStringLiteral("SELECT i.number FROM incident i ") + where +
                                              QStringLiteral(" AND i.id = ?"),
                         QVariantList(binds) << id);
    if (!found.ok() || !found->next())
        return -1;
    // Newest first is by number: the incident's row is how many matching ones are newer.
    binds << found->value(0).toInt();
    found->finish();
    auto newer = execSql(m_library->db(),
                         QStringLiteral("SELECT count(*) FROM incident i ") + where + QStringLiteral(" AND i.number > ?"),
                         binds);
    return newer.ok() && newer->next() ? newer->value(0).toInt() : -1;
}

QString IncidentListModel::idAt(int row) const
{
    const Row* found = rowAt(row);
    return found ? found->id : QString();
}

int IncidentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.count();
}

int IncidentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row* found = rowAt(index.row());
    if (!found)
        return {};
    const Row& row = *found;
    if (role == IdRole)
        return row.id;
    if (role == StatusRole)
        return toText(row.status);
    if (role == Qt::BackgroundRole && index.column() == Status)
        return statusTint(QGuiApplication::palette(), row.status);
    if (role == Qt::TextAlignmentRole && index.column() == Severity)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Title)
        return plainToolTip(row.title);
    if (role == Qt::ToolTipRole && index.column() == Created)
        return row.createdAt;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Key:
        return incidentKey(row.number);
    case Title:
        return row.title;
    case Stream:
        return row.stream;
    case Detected:
        return row.detected;
    case Injected:
        return row.injected;
    case Severity:
        return row.severity;
    case Status:
        return statusText(row.status);
    case Created:
        if (const auto moment = parseIsoMoment(row.createdAt))
            return QLocale().toString(moment->toLocalTime().date(), QLocale::ShortFormat);
        return row.createdAt;
    default:
        return {};
    }
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Key:
        return tr("Key");
    case Title:
        return tr("Title");
    case Stream:
        return tr("Value stream");
    case Detected:
        return tr("Detected at");
    case Injected:
        return tr("Injected at");
    case Severity:
        return tr("Severity");
    case Status:
        return tr("Status");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace stable
