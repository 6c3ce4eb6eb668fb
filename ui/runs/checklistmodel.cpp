#include "runs/checklistmodel.h"

#include "plaintext.h"
#include "runs/runwording.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <functional>

namespace stable {

namespace {

bool sameItems(const Run& a, const Run& b)
{
    if (a.id != b.id || a.items.size() != b.items.size())
        return false;
    for (int i = 0; i < a.items.size(); ++i)
        if (a.items.at(i).id != b.items.at(i).id)
            return false;
    return true;
}

} // namespace

ChecklistModel::ChecklistModel(QObject* parent) : QAbstractItemModel(parent) {}

void ChecklistModel::setRun(const Run& run)
{
    if (sameItems(m_run, run)) {
        m_run = run;
        const int last = static_cast<int>(m_top.size()) - 1;
        if (last < 0)
            return;
        // Step and stage rows summarise their items, so every row may have changed.
        const std::function<void(const QModelIndex&)> touch = [this, &touch](const QModelIndex& parent) {
            const int rows = rowCount(parent);
            if (rows == 0)
                return;
            emit dataChanged(index(0, 0, parent), index(rows - 1, ColumnCount - 1, parent));
            for (int r = 0; r < rows; ++r)
                touch(index(r, 0, parent));
        };
        touch({});
        return;
    }
    beginResetModel();
    m_run = run;
    build();
    endResetModel();
}

void ChecklistModel::clear()
{
    beginResetModel();
    m_run = Run{};
    m_nodes.clear();
    m_top.clear();
    endResetModel();
}

void ChecklistModel::build()
{
    m_nodes.clear();
    m_top.clear();
    // Steps in run order; within a step, stages in the order they are worked (entry, in-process, exit),
    // items in run order within their stage.
    QList<QList<int>> steps;
    for (int i = 0; i < m_run.items.size(); ++i) {
        if (steps.isEmpty() || m_run.items.at(steps.last().first()).stepId != m_run.items.at(i).stepId)
            steps.append(QList<int>());
        steps.last().append(i);
    }
    for (const QList<int>& stepItems : std::as_const(steps)) {
        Node step;
        step.kind = Kind::Step;
        step.row = static_cast<int>(m_top.size());
        step.item = stepItems.first();
        const int stepNode = static_cast<int>(m_nodes.size());
        m_nodes.append(step);
        m_top.append(stepNode);
        for (Stage stage : {Stage::Entry, Stage::InProcess, Stage::Exit}) {
            int stageNode = -1;
            for (int i : stepItems) {
                if (m_run.items.at(i).stage != stage)
                    continue;
                if (stageNode < 0) {
                    Node group;
                    group.kind = Kind::Stage;
                    group.parent = stepNode;
                    group.stage = stage;
                    group.item = i;
                    group.row = static_cast<int>(m_nodes.at(stepNode).children.size());
                    stageNode = static_cast<int>(m_nodes.size());
                    m_nodes.append(group);
                    m_nodes[stepNode].children.append(stageNode);
                }
                Node leaf;
                leaf.kind = Kind::Item;
                leaf.parent = stageNode;
                leaf.item = i;
                leaf.stage = stage;
                leaf.row = static_cast<int>(m_nodes.at(stageNode).children.size());
                const int leafNode = static_cast<int>(m_nodes.size());
                m_nodes.append(leaf);
                m_nodes[stageNode].children.append(leafNode);
            }
        }
    }
}

const RunItem* ChecklistModel::itemAt(const QModelIndex& index) const
{
    if (!index.isValid())
        return nullptr;
    const Node& node = m_nodes.at(static_cast<int>(index.internalId()));
    return node.kind == Kind::Item ? &m_run.items.at(node.item) : nullptr;
}

QModelIndex ChecklistModel::indexOfItem(const QString& itemId, int column) const
{
    for (int n = 0; n < m_nodes.size(); ++n) {
        const Node& node = m_nodes.at(n);
        if (node.kind == Kind::Item && m_run.items.at(node.item).id == itemId)
            return createIndex(node.row, column, static_cast<quintptr>(n));
    }
    return {};
}

QList<int> ChecklistModel::nodesOf(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return m_top;
    if (parent.column() != 0)
        return {};
    return m_nodes.at(static_cast<int>(parent.internalId())).children;
}

QModelIndex ChecklistModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, static_cast<quintptr>(nodesOf(parent).at(row)));
}

QModelIndex ChecklistModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_nodes.at(static_cast<int>(child.internalId())).parent;
    if (parentNode < 0)
        return {};
    return createIndex(m_nodes.at(parentNode).row, 0, static_cast<quintptr>(parentNode));
}

int ChecklistModel::rowCount(const QModelIndex& parent) const
{
    return static_cast<int>(nodesOf(parent).size());
}

int ChecklistModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString ChecklistModel::signatureSlots(const RunItem& item) const
{
    // The current attempt's standing signatures fill the slots; a critical item has two.
    QStringList filled;
    for (const Attestation& a : item.attestations)
        if (!a.voided && a.attempt == item.attempt)
            filled << tr("%1 (%2)").arg(a.signerInitials, outcomeText(a.outcome).toLower());
    const int wanted = item.critical ? 2 : 1;
    while (filled.size() < wanted)
        filled << tr("—");
    return filled.join(tr(" · "));
}

QString ChecklistModel::stepProgress(const Node& node) const
{
    int total = 0;
    int done = 0;
    const std::function<void(const Node&)> count = [&](const Node& n) {
        if (n.kind == Kind::Item) {
            ++total;
            const ItemState state = m_run.items.at(n.item).state;
            done += state == ItemState::Passed || state == ItemState::NotApplicable ? 1 : 0;
        }
        for (int child : n.children)
            count(m_nodes.at(child));
    };
    count(node);
    return tr("%1/%2").arg(done).arg(total);
}

QVariant ChecklistModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& node = m_nodes.at(static_cast<int>(index.internalId()));
    const RunItem& item = m_run.items.at(node.item);
    if (role == ItemIdRole)
        return node.kind == Kind::Item ? item.id : QVariant();
    if (role == StepIdRole)
        return item.stepId;
    if (node.kind != Kind::Item) {
        if (role == Qt::DisplayRole && index.column() == Check)
            return node.kind == Kind::Step ? tr("%1 (%2)").arg(item.stepName, item.stepKey) : stageText(node.stage);
        if (role == Qt::DisplayRole && index.column() == State)
            return stepProgress(node);
        if (role == Qt::FontRole && node.kind == Kind::Step) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Check:
            return item.critical ? tr("%1 [critical]").arg(item.statement) : item.statement;
        case State:
            return itemStateText(item.state);
        case Signatures:
            return signatureSlots(item);
        case Attempt:
            return item.attempt > 1 ? tr("attempt %1").arg(item.attempt) : QVariant();
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == State)
            return itemStateIcon(item.state, QApplication::palette());
        return {};
    case Qt::FontRole:
        if (item.critical && index.column() == Check) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        return plainToolTip(
            tr("%1 — %2%3")
                .arg(item.ref(), item.statement,
                     item.critical ? tr(" (critical: two different people sign)") : QString()));
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(item.statement, itemStateText(item.state));
    default:
        return {};
    }
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Check:
        return tr("Check");
    case State:
        return tr("State");
    case Signatures:
        return tr("Signatures");
    case Attempt:
        return tr("Attempt");
    default:
        return {};
    }
}

} // namespace stable
