#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace stable {

// The numbers behind one chart, as a read-only table: a header per column, a row per month or step.
// Numbers are kept as numbers (sorting, copying) and shown formatted by the chart that filled them.
struct SeriesTable
{
    QStringList columns;
    QList<QList<QVariant>> rows; // each row has one value per column; an invalid QVariant shows as "–"
    QList<int> decimals;         // per column, for doubles; missing: 1
};

class SeriesTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit SeriesTableModel(QObject* parent = nullptr);

    void setTable(SeriesTable table);
    const SeriesTable& table() const { return m_table; }
    // The cell as shown, for export and tests.
    QString text(int row, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SeriesTable m_table;
};

} // namespace stable
