#pragma once

#include "process.h"
#include "result.h"

#include <QList>
#include <QString>

namespace stable {

class Library;

// What weakens a written process: gaps a process owner should close before the next run finds them.
struct ValidationIssue
{
    enum class Kind {
        StepWithoutChecks,
        StepWithoutInputs,
        StepWithoutOutputs,
        CriticalCheckUnguarded,
        StaleDraft
    };
    Kind kind = Kind::StepWithoutChecks;
    QString message; // "Step ‘Deploy’ of ‘release’ has no checks."
    QString entity;  // "step", "check" or "stream": what to jump to
    QString entityId;
    QString streamKey;
};

// The issues of one draft, in step order (no stale-draft issue: that needs the library).
QList<ValidationIssue> validateStream(const ValueStream& draft);

// Every stream's issues, streams by name, plus a stale-draft issue for each draft that differs from
// its latest revision (or was never published) and was last changed more than `stale-draft-days` ago.
Result<QList<ValidationIssue>> validateLibrary(Library& library);

} // namespace stable
