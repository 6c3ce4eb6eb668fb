#include "draftlookup.h"

#include "draftstore.h"
#include "library.h"

#include <algorithm>

namespace stable {

Result<DraftStepState> findDraftStep(Library& library, const QString& stepId)
{
    const QSqlDatabase db = library.db();
    auto record = draft::loadStep(db, stepId);
    STABLE_TRY(record);
    auto checks = draft::loadChecks(db, stepId);
    STABLE_TRY(checks);
    QList<draft::CheckRecord> live;
    std::copy_if(checks->cbegin(), checks->cend(), std::back_inserter(live),
                 [](const draft::CheckRecord& r) { return !r.removed; });
    std::stable_sort(live.begin(), live.end(), [](const draft::CheckRecord& a, const draft::CheckRecord& b) {
        return a.position < b.position;
    });
    DraftStepState state;
    state.step = record->step;
    state.step.checks.clear();
    for (const draft::CheckRecord& check : std::as_const(live))
        state.step.checks.append(check.check);
    state.streamId = record->streamId;
    state.position = record->position;
    state.removed = record->removed;
    return state;
}

Result<DraftCheckState> findDraftCheck(Library& library, const QString& checkId)
{
    const QSqlDatabase db = library.db();
    auto record = draft::loadCheck(db, checkId);
    STABLE_TRY(record);
    auto step = draft::loadStep(db, record->stepId);
    STABLE_TRY(step);
    DraftCheckState state;
    state.check = record->check;
    state.stepId = record->stepId;
    state.streamId = step->streamId;
    state.position = record->position;
    state.removed = record->removed;
    return state;
}

} // namespace stable
