#pragma once

#include "process.h"

#include <QAbstractTableModel>

namespace stable {

// The inputs (with suppliers) or outputs (with customers) of a step as an editable table. It does not
// write: an edited cell comes out as portsEdited with the whole new list, which the step editor sends
// through the edits facade together with the other direction's list.
class PortTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Direction { Inputs, Outputs };
    enum Column { NameColumn, PartyColumn, ColumnCount };

    explicit PortTableModel(Direction direction, QObject* parent = nullptr);
    void setPorts(const QList<Port>& ports);
    const QList<Port>& ports() const { return m_ports; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void portsEdited(const QList<stable::Port>& ports);

private:
    Direction m_direction;
    QList<Port> m_ports;
};

} // namespace stable
