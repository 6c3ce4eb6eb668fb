#include "porttablemodel.h"

#include "plaintext.h"

namespace stable {

PortTableModel::PortTableModel(Direction direction, QObject* parent) : QAbstractTableModel(parent), m_direction(direction)
{}

void PortTableModel::setPorts(const QList<Port>& ports)
{
    if (ports.size() != m_ports.size()) {
        beginResetModel();
        m_ports = ports;
        endResetModel();
        return;
    }
    m_ports = ports;
    if (!m_ports.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int PortTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ports.size());
}

int PortTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return QVariant();
    const Port& port = m_ports.at(index.row());
    const QString text = index.column() == NameColumn ? port.name : port.party;
    return role == Qt::ToolTipRole ? QVariant(plainToolTip(text)) : QVariant(text);
}

QVariant PortTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    const bool inputs = m_direction == Direction::Inputs;
    if (section == NameColumn)
        return inputs ? tr("Input") : tr("Output");
    return inputs ? tr("Supplier") : tr("Customer");
}

Qt::ItemFlags PortTableModel::flags(const QModelIndex& index) const
{
    const Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    return index.isValid() ? flags | Qt::ItemIsEditable : flags;
}

bool PortTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    QList<Port> ports = m_ports;
    Port& port = ports[index.row()];
    (index.column() == NameColumn ? port.name : port.party) = value.toString().trimmed();
    if (ports.at(index.row()).name == m_ports.at(index.row()).name &&
        ports.at(index.row()).party == m_ports.at(index.row()).party)
        return true;
    emit portsEdited(ports);
    return true;
}

} // namespace stable
