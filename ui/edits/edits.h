#pragma once

#include "document.h"
#include "process.h"
#include "result.h"

#include <QString>

// The one way the desktop app changes a draft. Each function applies the edit through core at once;
// when core accepts it, an undo command holding ids and values (never pointers) goes onto the
// document's undo stack. A refusal comes back as the Status and nothing is pushed. Records (publishing,
// signing) are not edits and never go through here.
namespace stable::edits {

// Fields of a step or check that a person types into: consecutive edits of one field of one record
// merge into one undo step.
enum class StepField { Name, Key, OwnerRole, PlannedHours, Throughput };
enum class CheckField { Statement, Key, Stage, Critical, GuardsAgainst, Severity, Occurrence, Detection };

Status setStepField(Document& document, const QString& stepId, StepField field, const QVariant& value);
Status setStepPorts(Document& document, const QString& stepId, const QList<Port>& inputs, const QList<Port>& outputs);
Result<QString> addStep(Document& document, const QString& streamId, const Step& step, int position = -1);
Status removeStep(Document& document, const QString& stepId);
Status moveStep(Document& document, const QString& stepId, int newPosition);

Status setCheckField(Document& document, const QString& checkId, CheckField field, const QVariant& value);
Result<QString> addCheck(Document& document, const QString& stepId, const QualityCheck& check, int position = -1);
Status removeCheck(Document& document, const QString& checkId);
Status moveCheck(Document& document, const QString& checkId, int newPosition);

// A new value stream (blank, or a template's draft with its steps and checks) under a key no live stream
// has; undo takes it out of the library's list, redo brings it back. Removing a stream keeps its history.
Result<QString> addStream(Document& document, const ValueStream& stream);
Status removeStream(Document& document, const QString& streamId);
// A stream's name, purpose and owner from `stream` (its id says which; key and steps are not read).
Status setStreamProperties(Document& document, const ValueStream& stream);

} // namespace stable::edits
