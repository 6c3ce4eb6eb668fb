#pragma once

// What the BPMN reader keeps of a model: just enough to order activities into steps. Internal to core
// (bpmn.cpp reads it, bpmnorder.cpp turns it into value streams).

#include "bpmn.h"
#include "process.h"

#include <QHash>
#include <QList>
#include <QString>

namespace stable::bpmn {

enum class NodeKind {
    Activity,   // any task type or call activity: a step
    SubProcess, // flattened into its activities, or a step when it has none
    Start,      // where the order begins
    Choice,     // an exclusive or event-based gateway: a run takes one of its outgoing flows
    Other,      // other gateways and events: passed through
};

struct FlowNode
{
    QString id;
    QString name;
    QString documentation;
    NodeKind kind = NodeKind::Other;
    QString attachedTo; // a boundary event: the activity it sits on (its flows continue from there)
};

// A process or a sub-process: its flow nodes in document order and the sequence flows between them.
struct Container
{
    QList<int> nodes; // indexes into Process::nodes
    QList<QPair<QString, QString>> flows; // source id → target id
    QList<QString> flowNames;             // each flow's name ("yes", "express"), aligned with flows
};

struct Process
{
    QString id;
    QString name;
    QString documentation;
    QList<FlowNode> nodes;             // every flow node of the process, sub-processes' included
    QHash<QString, int> nodeIndex;     // id → index into nodes
    QHash<QString, Container> containers; // the process (under its id) and each sub-process
    struct LaneRef
    {
        QString lane;
        int depth = 0;
    };
    QHash<QString, LaneRef> laneOf;    // flow node id → innermost named lane
};

struct OrderedSteps
{
    QList<Step> steps;
    QList<BpmnChoice> choices; // in the order of their gateways' first branch step
};

// The steps of a process in flow order (see parseBpmn). Step keys made from names, unique in the stream.
// With them, the model's exclusive choices whose branches hold steps (see BpmnChoice).
OrderedSteps orderedSteps(const Process& process);
bool hasActivities(const Process& process);

} // namespace stable::bpmn
