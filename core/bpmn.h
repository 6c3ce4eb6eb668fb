#pragma once

#include "process.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace stable {

class Library;

// BPMN 2.0 process models (Visio, Signavio, Camunda, Bizagi …) as value streams (DESIGN.md §5).
inline constexpr const char* bpmnModelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";

// An exclusive choice of the model: an exclusive or event-based gateway whose outgoing flows lead to
// different activities. A run takes one branch, yet the steps come in one after another like any others,
// so the import says so and lets the person keep the branches as alternatives or keep only one.
struct BpmnChoice
{
    struct Branch
    {
        QString label;        // the sequence flow's name ("yes", "express"), else empty
        QStringList stepKeys; // the steps only this branch reaches, in step order; empty: it skips ahead
    };
    QString gateway;        // the gateway's name, else its id
    QList<Branch> branches; // in the order of the gateway's outgoing flows' targets in the document
};

// A parsed model: its streams and, for each (same index), its choices.
struct BpmnModel
{
    QList<ValueStream> streams;
    QList<QList<BpmnChoice>> choices;
};

// A branch as a person reads it: the flow's name, else its steps' names, else "skip ahead".
QString bpmnBranchLabel(const ValueStream& stream, const BpmnChoice::Branch& branch);

// Keeps every branch of `choice`: each branch step's throughput gets a paragraph saying it is one of the
// alternatives at the gateway, so that a run marks the items of the branch it did not take n/a.
void keepBpmnBranchesAsAlternatives(ValueStream& stream, const BpmnChoice& choice);
// Keeps only branch `kept` of `choice`: the steps of its other branches are left out of the stream.
void keepOnlyBpmnBranch(ValueStream& stream, const BpmnChoice& choice, int kept);

// Reads a model with Qt's streaming XML reader: each `process` with activities becomes one stream, its
// activities steps in the order of the sequence flows (loops' back edges ignored, gateways and events
// passed through, ties in document order, unreachable activities after the reachable ones), sub-processes
// with activities flattened, the innermost lane the owner role, `documentation` the throughput (of a
// process: the purpose). Stream names: the process's, else its participant's, else the file's.
// Keys: `key` for the first stream and key-2, key-3 … for the others; without `key`, made from the names.
// A file that is empty, not well-formed, cut short, not BPMN 2.0 or without a process with activities is
// refused with a message naming `sourceName` and the line.
Result<QList<ValueStream>> parseBpmn(const QByteArray& xml, const QString& sourceName, const QString& key = {});
// The same for a file on disk.
Result<QList<ValueStream>> readBpmnFile(const QString& path, const QString& key = {});
// Both, with each stream's exclusive choices.
Result<BpmnModel> parseBpmnModel(const QByteArray& xml, const QString& sourceName, const QString& key = {});
Result<BpmnModel> readBpmnModelFile(const QString& path, const QString& key = {});

// Stream keys as `--key K` gives them: K, K-2, K-3 …
QString bpmnStreamKey(const QString& key, int index);

// Writes every stream through importProcess in ONE transaction: all of them or, on any refusal, none.
// A stream whose key exists already gets its draft updated, as `stablectl import` does. Summaries in the
// order of `streams`.
Result<QList<ImportSummary>> importBpmnStreams(Library& library, const QList<ValueStream>& streams,
                                               const QString& sourceName);

} // namespace stable
