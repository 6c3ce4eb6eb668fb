#pragma once

#include "process.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace stable {

class Library;

// BPMN 2.0 process models (Visio, Signavio, Camunda, Bizagi …) as value streams (DESIGN.md §5).
inline constexpr const char* bpmnModelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";

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

// Stream keys as `--key K` gives them: K, K-2, K-3 …
QString bpmnStreamKey(const QString& key, int index);

// Writes every stream through importProcess in ONE transaction: all of them or, on any refusal, none.
// A stream whose key exists already gets its draft updated, as `stablectl import` does. Summaries in the
// order of `streams`.
Result<QList<ImportSummary>> importBpmnStreams(Library& library, const QList<ValueStream>& streams,
                                               const QString& sourceName);

} // namespace stable
