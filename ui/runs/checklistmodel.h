#pragma once

#include "runs.h"

#include <QAbstractItemModel>

namespace stable {

// A run's checklist as a tree: step → stage → item. Columns: the check, its state (icon + text), its
// signature slots (two for a critical item) and the attempt.
class ChecklistModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Check, State, Signatures, Attempt, ColumnCount };
    enum Role { ItemIdRole = Qt::UserRole + 1, StepIdRole };

    explicit ChecklistModel(QObject* parent = nullptr);

    // Shows `run`; when it has the same items as before, rows stay and only their data changes.
    void setRun(const Run& run);
    void clear();
    const Run& run() const { return m_run; }
    // The run item at an index, nullptr for step and stage rows.
    const RunItem* itemAt(const QModelIndex& index) const;
    QModelIndex indexOfItem(const QString& itemId, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    enum class Kind { Step, Stage, Item };
    struct Node
    {
        Kind kind = Kind::Step;
        int parent = -1; // node number, -1 for top level
        int row = 0;
        int item = -1;   // index into m_run.items
        Stage stage = Stage::Exit;
        QList<int> children;
    };
    void build();
    QList<int> nodesOf(const QModelIndex& parent) const;
    QString signatureSlots(const RunItem& item) const;
    QString stepProgress(const Node& node) const;

    Run m_run;
    QList<Node> m_nodes;
    QList<int> m_top;
};

} // namespace stable
