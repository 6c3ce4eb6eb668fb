// The order of a BPMN process's activities as steps: along the sequence flows from the start events.
#include "bpmnmodel.h"

#include <QSet>

#include <algorithm>
#include <set>

namespace stable::bpmn {

namespace {

// One container's flow graph over positions 0..n-1 (document order), edges sorted by target position.
struct Graph
{
    QList<QList<int>> next;
    QList<int> incoming;
    QList<bool> isStart;
};

Graph buildGraph(const Process& process, const Container& container)
{
    Graph graph;
    const int count = static_cast<int>(container.nodes.size());
    graph.next.resize(count);
    graph.incoming.fill(0, count);
    graph.isStart.fill(false, count);
    QHash<QString, int> position;
    for (int i = 0; i < count; ++i) {
        const FlowNode& node = process.nodes.at(container.nodes.at(i));
        position.insert(node.id, i);
        graph.isStart[i] = node.kind == NodeKind::Start;
    }
    const auto link = [&](const QString& from, const QString& to) {
        const auto source = position.constFind(from);
        const auto target = position.constFind(to);
        if (source == position.constEnd() || target == position.constEnd() || *source == *target)
            return;
        graph.next[*source].append(*target);
        ++graph.incoming[*target];
    };
    for (const auto& flow : container.flows)
        link(flow.first, flow.second);
    // A boundary event's path (an error, a timeout) continues from the activity it is attached to.
    for (int i = 0; i < count; ++i) {
        const FlowNode& node = process.nodes.at(container.nodes.at(i));
        if (!node.attachedTo.isEmpty())
            link(node.attachedTo, node.id);
    }
    for (QList<int>& targets : graph.next)
        std::sort(targets.begin(), targets.end());
    return graph;
}

// Visits what the roots reach among the unplaced nodes (depth first, so that an edge back to a node still
// on the path is known as a loop), then places the reached nodes in topological order without those back
// edges, the earliest in the document first among those that are ready. Iterative: long models are deep.
void placeFrom(const Graph& graph, const QList<int>& roots, QList<bool>& placed, QList<int>& order)
{
    const int count = static_cast<int>(graph.next.size());
    enum Colour : char { White, Grey, Black };
    QList<Colour> colour(count, White);
    QSet<QPair<int, int>> backEdges;
    QList<int> reached;
    for (int root : roots) {
        if (colour.at(root) != White || placed.at(root))
            continue;
        QList<QPair<int, int>> stack{{root, 0}}; // node, index of the next edge to follow
        colour[root] = Grey;
        reached.append(root);
        while (!stack.isEmpty()) {
            auto& [node, edge] = stack.last();
            if (edge >= graph.next.at(node).size()) {
                colour[node] = Black;
                stack.removeLast();
                continue;
            }
            const int target = graph.next.at(node).at(edge++);
            if (placed.at(target))
                continue;
            if (colour.at(target) == Grey) {
                backEdges.insert({node, target});
            } else if (colour.at(target) == White) {
                colour[target] = Grey;
                reached.append(target);
                stack.append({target, 0});
            }
        }
    }
    QList<int> waiting(count, 0);
    for (int node : std::as_const(reached))
        for (int target : graph.next.at(node))
            if (colour.at(target) != White && !placed.at(target) && !backEdges.contains({node, target}))
                ++waiting[target];
    std::set<int> ready;
    for (int node : std::as_const(reached))
        if (waiting.at(node) == 0)
            ready.insert(node);
    while (!ready.empty()) {
        const int node = *ready.begin();
        ready.erase(ready.begin());
        placed[node] = true;
        order.append(node);
        for (int target : graph.next.at(node)) {
            if (colour.at(target) == White || placed.at(target) || backEdges.contains({node, target}))
                continue;
            if (--waiting[target] == 0)
                ready.insert(target);
        }
    }
}

// Positions in flow order: from the start events (or, without any, from the nodes nothing leads to), then
// whatever they do not reach, in rounds from its own first nodes, so unconnected activities keep document
// order and connected ones their flow order.
QList<int> flowOrder(const Graph& graph)
{
    const int count = static_cast<int>(graph.next.size());
    QList<bool> placed(count, false);
    QList<int> order;
    QList<int> starts;
    for (int i = 0; i < count; ++i)
        if (graph.isStart.at(i))
            starts.append(i);
    placeFrom(graph, starts, placed, order);
    while (order.size() < count) {
        QList<int> sourcesLeft(count, 0);
        for (int node = 0; node < count; ++node)
            if (!placed.at(node))
                for (int target : graph.next.at(node))
                    ++sourcesLeft[target];
        QList<int> roots;
        for (int node = 0; node < count; ++node)
            if (!placed.at(node) && sourcesLeft.at(node) == 0)
                roots.append(node);
        if (roots.isEmpty()) // only loops are left: enter at the first in the document
            for (int node = 0; node < count && roots.isEmpty(); ++node)
                if (!placed.at(node))
                    roots.append(node);
        placeFrom(graph, roots, placed, order);
    }
    return order;
}

bool containsActivities(const Process& process, const QString& containerId)
{
    const Container container = process.containers.value(containerId);
    for (int index : container.nodes) {
        const NodeKind kind = process.nodes.at(index).kind;
        if (kind == NodeKind::Activity || kind == NodeKind::SubProcess)
            return true;
    }
    return false;
}

// How many nodes the branch walks of one model may visit in all. Each walk can cross the rest of the
// model, so a hostile file of many chained gateways would otherwise cost gateways × nodes; past the
// budget the remaining gateways are not examined (their steps stay consecutive, as without choices).
// A real model (2,000 steps, 50 choices) visits some 200,000.
constexpr qint64 branchWalkBudget = 2'000'000;

// What each branch of a choice at `gateway` reaches without going back through it: the nodes only that
// branch reaches are its own; those every branch reaches (the merge and on) belong to none. Empty when
// `budget` (nodes left to visit) runs out.
QList<QList<int>> branchesOf(const Graph& graph, int gateway, qint64& budget)
{
    QList<int> targets = graph.next.at(gateway);
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end()); // sorted in buildGraph
    // Only the nodes visited are kept, so that a walk costs what it visits, not the size of the model.
    QHash<int, int> reachedBy; // how many branches reach each node
    QList<QList<int>> reached;
    for (int target : std::as_const(targets)) {
        QSet<int> seen{target};
        QList<int> stack{target};
        QList<int> order;
        while (!stack.isEmpty()) {
            if (--budget < 0)
                return {};
            const int node = stack.takeLast();
            order.append(node);
            ++reachedBy[node];
            for (int next : graph.next.at(node))
                if (next != gateway && !seen.contains(next)) {
                    seen.insert(next);
                    stack.append(next);
                }
        }
        reached.append(order);
    }
    QList<QList<int>> branches;
    for (QList<int>& order : reached) {
        order.erase(
            std::remove_if(order.begin(), order.end(), [&](int node) { return reachedBy.value(node) != 1; }),
            order.end());
        std::sort(order.begin(), order.end());
        branches.append(order);
    }
    return branches;
}

// The names the model gives its flows, by source and target (the first, when two flows join the same).
QHash<QPair<QString, QString>, QString> flowNamesOf(const Container& container)
{
    QHash<QPair<QString, QString>, QString> names;
    for (int i = 0; i < container.flows.size(); ++i)
        if (!names.contains(container.flows.at(i)))
            names.insert(container.flows.at(i), container.flowNames.value(i));
    return names;
}

struct StepWriter
{
    const Process& process;
    QList<Step> steps;
    QSet<QString> keys;
    QList<BpmnChoice> choices;
    qint64 budget = branchWalkBudget;

    void add(const FlowNode& node, const QString& role)
    {
        Step step;
        step.name = node.name.isEmpty() ? node.id : node.name;
        if (step.name.isEmpty())
            step.name = QStringLiteral("Unnamed activity");
        const QString base = makeKey(step.name, {});
        step.key = base;
        for (int n = 2; keys.contains(step.key); ++n)
            step.key = base + QLatin1Char('-') + QString::number(n);
        keys.insert(step.key);
        step.ownerRole = role;
        step.throughput = node.documentation;
        steps.append(step);
    }

    void addContainer(const QString& containerId, const QString& inheritedRole)
    {
        const Container container = process.containers.value(containerId);
        const Graph graph = buildGraph(process, container);
        const QList<int> order = flowOrder(graph);
        // Each position's steps: [first, end) in `steps` (a flattened sub-process has many, an event none).
        QList<QPair<int, int>> stepsAt(order.size(), {0, 0});
        for (int position : order) {
            const FlowNode& node = process.nodes.at(container.nodes.at(position));
            const int first = static_cast<int>(steps.size());
            if (node.kind == NodeKind::Activity || node.kind == NodeKind::SubProcess) {
                const auto lane = process.laneOf.constFind(node.id);
                const QString role = lane != process.laneOf.constEnd() ? lane->lane : inheritedRole;
                if (node.kind == NodeKind::SubProcess && containsActivities(process, node.id))
                    addContainer(node.id, role);
                else
                    add(node, role);
            }
            stepsAt[position] = {first, static_cast<int>(steps.size())};
        }
        const QHash<QPair<QString, QString>, QString> flowNames = flowNamesOf(container);
        for (int position : order)
            if (process.nodes.at(container.nodes.at(position)).kind == NodeKind::Choice)
                addChoice(container, graph, position, stepsAt, flowNames);
    }

    void addChoice(const Container& container, const Graph& graph, int gateway,
                   const QList<QPair<int, int>>& stepsAt,
                   const QHash<QPair<QString, QString>, QString>& flowNames)
    {
        if (graph.next.at(gateway).size() < 2)
            return; // a merge, not a choice
        const QList<QList<int>> branches = branchesOf(graph, gateway, budget);
        if (branches.isEmpty())
            return; // past the budget
        const FlowNode& node = process.nodes.at(container.nodes.at(gateway));
        BpmnChoice choice;
        choice.gateway = node.name.isEmpty() ? node.id : node.name;
        QList<int> targets = graph.next.at(gateway);
        targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
        int withSteps = 0;
        for (int b = 0; b < branches.size(); ++b) {
            QList<int> indexes;
            for (int position : branches.at(b))
                for (int i = stepsAt.at(position).first; i < stepsAt.at(position).second; ++i)
                    indexes.append(i);
            std::sort(indexes.begin(), indexes.end());
            BpmnChoice::Branch branch;
            const FlowNode& target = process.nodes.at(container.nodes.at(targets.at(b)));
            branch.label = flowNames.value({node.id, target.id});
            for (int i : std::as_const(indexes))
                branch.stepKeys.append(steps.at(i).key);
            withSteps += branch.stepKeys.isEmpty() ? 0 : 1;
            choice.branches.append(branch);
        }
        if (withSteps > 0)
            choices.append(choice);
    }
};

} // namespace

bool hasActivities(const Process& process)
{
    for (const FlowNode& node : process.nodes)
        if (node.kind == NodeKind::Activity || node.kind == NodeKind::SubProcess)
            return true;
    return false;
}

OrderedSteps orderedSteps(const Process& process)
{
    StepWriter writer{process, {}, {}, {}, branchWalkBudget};
    writer.addContainer(process.id, QString());
    // In the order a person meets them in the steps.
    QHash<QString, qsizetype> indexOf;
    for (qsizetype i = 0; i < writer.steps.size(); ++i)
        indexOf.insert(writer.steps.at(i).key, i);
    const auto firstStep = [&](const BpmnChoice& choice) {
        qsizetype first = writer.steps.size();
        for (const BpmnChoice::Branch& branch : choice.branches)
            for (const QString& key : branch.stepKeys)
                first = std::min(first, indexOf.value(key));
        return first;
    };
    std::stable_sort(writer.choices.begin(), writer.choices.end(),
                     [&](const BpmnChoice& a, const BpmnChoice& b) { return firstStep(a) < firstStep(b); });
    return {writer.steps, writer.choices};
}

} // namespace stable::bpmn
