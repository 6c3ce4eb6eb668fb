#pragma once

#include "process.h"
#include "result.h"

#include <QString>

namespace stable {

class Library;

// One step or check of a draft by id, removed or not: what an undo command reads before it edits, and
// what tells it that someone else removed the record meanwhile.
struct DraftStepState
{
    Step step; // with its ports and its live checks in order
    QString streamId;
    int position = 0;
    bool removed = false;
};

struct DraftCheckState
{
    QualityCheck check;
    QString stepId;
    QString streamId;
    int position = 0;
    bool removed = false;
};

Result<DraftStepState> findDraftStep(Library& library, const QString& stepId);
Result<DraftCheckState> findDraftCheck(Library& library, const QString& checkId);

} // namespace stable
