#include "console/seriestablemodel.h"

#include <QLocale>

namespace stable {

SeriesTableModel::SeriesTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SeriesTableModel::setTable(SeriesTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

QString SeriesTableModel::text(int row, int column) const
{
    if (row < 0 || row >= m_table.rows.size() || column < 0 || column >= m_table.rows.at(row).size())
        return QString();
    const QVariant& value = m_table.rows.at(row).at(column);
    if (!value.isValid())
        return QStringLiteral("–");
    if (value.typeId() == QMetaType::Double) {
        const int decimals = column < m_table.decimals.size() ? m_table.decimals.at(column) : 1;
        return QLocale().toString(value.toDouble(), 'f', decimals);
    }
    if (value.typeId() == QMetaType::Int)
        return QLocale().toString(value.toInt());
    return value.toString();
}

int SeriesTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int SeriesTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.columns.size());
}

QVariant SeriesTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant& value = m_table.rows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return text(index.row(), index.column());
    case Qt::EditRole:
        return value;
    case Qt::TextAlignmentRole:
        return value.typeId() == QMetaType::QString ? (Qt::AlignLeft | Qt::AlignVCenter).toInt()
                                                    : (Qt::AlignRight | Qt::AlignVCenter).toInt();
    default:
        return {};
    }
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 || section >= m_table.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_table.columns.at(section);
}

} // namespace stable
