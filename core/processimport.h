#pragma once

// importProcess inside a transaction the caller owns, so that several streams (the processes of one
// BPMN model) are written together or not at all. Internal to core.

#include "process.h"
#include "result.h"

#include <QString>

namespace stable {

class WriteTransaction;

// Validates, then writes `stream` as importProcess does, without beginning or committing. `why` goes into
// the audit events (empty: "Imported from a process definition."). `changedAnything` (optional) tells
// whether a record was written; when nothing was, the caller may roll back instead of committing.
Result<ImportSummary> importProcessWithin(WriteTransaction& transaction, const ValueStream& stream,
                                          const QString& why, bool* changedAnything);

} // namespace stable
