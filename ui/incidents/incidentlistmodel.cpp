#include "incidents/incidentlistmodel.h"

#include "clock.h"
#include "incidents/incidentstatus.h"
#include "library.h"
#include "sql.h"

#include <QGuiApplication>
#include <QLocale>

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

IncidentListModel::IncidentListModel(QObject* parent) : QAbstractTableModel(parent) {}

void IncidentListModel::setLibrary(Library* library)
{
    m_library = library;
    m_streamId.clear();
    reload();
}

void IncidentListModel::setStatusFilter(std::optional<IncidentStatus> status)
{
    if (m_status == status)
        return;
    m_status = status;
    reload(pageSize);
}

void IncidentListModel::setStreamFilter(const QString& streamId)
{
    if (m_streamId == streamId)
        return;
    m_streamId = streamId;
    reload(pageSize);
}

void IncidentListModel::setSearchText(const QString& text)
{
    const QString wanted = text.trimmed();
    if (m_search == wanted)
        return;
    m_search = wanted;
    reload(pageSize);
}

void IncidentListModel::reload()
{
    reload(std::max(static_cast<int>(m_rows.size()), pageSize));
}

void IncidentListModel::reload(int rows)
{
    beginResetModel();
    m_rows = m_library ? readPage(0, rows + 1) : QList<Row>();
    const bool more = m_rows.size() > rows;
    if (more)
        m_rows.removeLast();
    // Nothing more to fetch while the reset is announced: whoever reacts to it must not insert rows into
    // a model that is still resetting.
    m_more = false;
    endResetModel();
    m_more = more;
    countMatching();
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

QList<IncidentListModel::Row> IncidentListModel::readPage(int beforeNumber, int limit) const
{
    QList<Row> rows;
    if (!m_library)
        return rows;
    QVariantList binds;
    QString where = whereClause(binds);
    if (beforeNumber > 0) {
        where += QStringLiteral(" AND i.number < ?");
        binds << beforeNumber;
    }
    binds << limit;
    // Keyset paging on the number: each page costs the same however deep the user scrolls.
    auto query = execSql(m_library->db(),
                         QStringLiteral("SELECT i.id, i.number, i.title, s.name, ds.name, js.name, i.severity, "
                                        "i.status, i.created_at FROM incident i JOIN stream s ON s.id = i.stream_id "
                                        "LEFT JOIN step ds ON ds.id = i.detected_step_id "
                                        "LEFT JOIN step js ON js.id = i.injected_step_id ") +
                             where + QStringLiteral(" ORDER BY i.number DESC LIMIT ?"),
                         binds);
    if (!query.ok())
        return rows;
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
    return rows;
}

void IncidentListModel::countMatching()
{
    m_matching = 0;
    if (!m_library)
        return;
    QVariantList binds;
    const QString where = whereClause(binds);
    auto query = execSql(m_library->db(), QStringLiteral("SELECT count(*) FROM incident i ") + where, binds);
    if (query.ok() && query->next())
        m_matching = query->value(0).toInt();
}

int IncidentListModel::rowOfId(const QString& id)
{
    for (;;) {
        for (int row = 0; row < m_rows.size(); ++row)
            if (m_rows.at(row).id == id)
                return row;
        if (!m_more)
            return -1;
        fetchMore({});
    }
}

QString IncidentListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int IncidentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncidentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == IdRole)
        return row.id;
    if (role == StatusRole)
        return toText(row.status);
    if (role == Qt::BackgroundRole && index.column() == Status)
        return statusTint(QGuiApplication::palette(), row.status);
    if (role == Qt::TextAlignmentRole && index.column() == Severity)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Title)
        return row.title;
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

bool IncidentListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more;
}

void IncidentListModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || !m_more)
        return;
    const int before = m_rows.isEmpty() ? 0 : m_rows.constLast().number;
    QList<Row> page = readPage(before, pageSize + 1);
    m_more = page.size() > pageSize;
    if (m_more)
        page.removeLast();
    if (page.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
}

} // namespace stable
