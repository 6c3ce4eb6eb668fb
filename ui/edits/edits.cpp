#include "edits.h"

#include "draftlookup.h"
#include "editcommands.h"

namespace stable::edits {

namespace {

Result<DraftStepState> liveStep(Document& document, const QString& stepId)
{
    auto state = findDraftStep(document.library(), stepId);
    STABLE_TRY(state);
    if (state->removed)
        return refused(EditCommand::tr("The step ‘%1’ was removed from the draft.").arg(state->step.name));
    return state;
}

Result<DraftCheckState> liveCheck(Document& document, const QString& checkId)
{
    auto state = findDraftCheck(document.library(), checkId);
    STABLE_TRY(state);
    if (state->removed)
        return refused(EditCommand::tr("The check ‘%1’ was removed from the draft.").arg(state->check.key));
    return state;
}

// Ports are compared by what a person sees; their ids follow their places.
bool samePorts(const QList<Port>& a, const QList<Port>& b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a.at(i).name != b.at(i).name || a.at(i).party != b.at(i).party)
            return false;
    return true;
}

} // namespace

Status setStepField(Document& document, const QString& stepIdArgument, StepField field, const QVariant& value)
{
    const QString stepId = stepIdArgument; // a copy: the caller's may be refreshed away by this very edit
    auto state = liveStep(document, stepId);
    STABLE_TRY(state);
    Step step = state->step;
    STABLE_TRY(assignStepField(step, field, value));
    const QVariant before = stepFieldValue(state->step, field);
    const QVariant after = stepFieldValue(step, field);
    if (before == after)
        return success();
    STABLE_TRY(updateStep(document.library(), step));
    document.undoStack().push(new StepFieldCommand(document, stepId, state->step.name, field, before, after));
    return success();
}

Status setStepPorts(Document& document, const QString& stepIdArgument, const QList<Port>& inputsArgument,
                    const QList<Port>& outputsArgument)
{
    const QString stepId = stepIdArgument; // copies: the caller's may be refreshed away by this very edit
    const QList<Port> inputs = inputsArgument;
    const QList<Port> outputs = outputsArgument;
    auto state = liveStep(document, stepId);
    STABLE_TRY(state);
    if (samePorts(state->step.inputs, inputs) && samePorts(state->step.outputs, outputs))
        return success();
    Step step = state->step;
    step.inputs = inputs;
    step.outputs = outputs;
    STABLE_TRY(updateStep(document.library(), step));
    document.undoStack().push(new StepPortsCommand(document, stepId, step.name,
                                                   {state->step.inputs, state->step.outputs}, {inputs, outputs}));
    return success();
}

Result<QString> addStep(Document& document, const QString& streamIdArgument, const Step& step, int position)
{
    const QString streamId = streamIdArgument; // a copy: the caller's may be refreshed away by this very edit
    auto id = stable::addStep(document.library(), streamId, step, position);
    STABLE_TRY(id);
    auto added = findDraftStep(document.library(), id.value());
    STABLE_TRY(added);
    document.undoStack().push(
        new StepPresenceCommand(document, true, added->streamId, added->step, added->position));
    return id;
}

Status removeStep(Document& document, const QString& stepIdArgument)
{
    const QString stepId = stepIdArgument; // a copy: the caller's may be refreshed away by this very edit
    auto state = liveStep(document, stepId);
    STABLE_TRY(state);
    STABLE_TRY(stable::removeStep(document.library(), stepId));
    document.undoStack().push(
        new StepPresenceCommand(document, false, state->streamId, state->step, state->position));
    return success();
}

Status moveStep(Document& document, const QString& stepIdArgument, int newPosition)
{
    const QString stepId = stepIdArgument; // a copy: the caller's may be refreshed away by this very edit
    auto before = liveStep(document, stepId);
    STABLE_TRY(before);
    STABLE_TRY(stable::moveStep(document.library(), stepId, newPosition));
    auto after = findDraftStep(document.library(), stepId);
    STABLE_TRY(after);
    if (after->position == before->position)
        return success();
    document.undoStack().push(
        new StepMoveCommand(document, stepId, before->step.name, before->position, after->position));
    return success();
}

Status setCheckField(Document& document, const QString& checkIdArgument, CheckField field, const QVariant& value)
{
    const QString checkId = checkIdArgument; // a copy: the caller's may be refreshed away by this very edit
    auto state = liveCheck(document, checkId);
    STABLE_TRY(state);
    QualityCheck check = state->check;
    STABLE_TRY(assignCheckField(check, field, value));
    const QVariant before = checkFieldValue(state->check, field);
    const QVariant after = checkFieldValue(check, field);
    if (before == after)
        return success();
    STABLE_TRY(updateCheck(document.library(), check));
    document.undoStack().push(new CheckFieldCommand(document, checkId, state->check.key, field, before, after));
    return success();
}

Result<QString> addCheck(Document& document, const QString& stepIdArgument, const QualityCheck& check, int position)
{
    const QString stepId = stepIdArgument; // a copy: the caller's may be refreshed away by this very edit
    auto id = stable::addCheck(document.library(), stepId, check, position);
    STABLE_TRY(id);
    auto added = findDraftCheck(document.library(), id.value());
    STABLE_TRY(added);
    document.undoStack().push(new CheckPresenceCommand(document, true, stepId, added->check, added->position));
    return id;
}

Status removeCheck(Document& document, const QString& checkIdArgument)
{
    const QString checkId = checkIdArgument; // a copy: the caller's may be refreshed away by this very edit
    auto state = liveCheck(document, checkId);
    STABLE_TRY(state);
    STABLE_TRY(stable::removeCheck(document.library(), checkId));
    document.undoStack().push(
        new CheckPresenceCommand(document, false, state->stepId, state->check, state->position));
    return success();
}

Status moveCheck(Document& document, const QString& checkIdArgument, int newPosition)
{
    const QString checkId = checkIdArgument; // a copy: the caller's may be refreshed away by this very edit
    auto before = liveCheck(document, checkId);
    STABLE_TRY(before);
    STABLE_TRY(stable::moveCheck(document.library(), checkId, newPosition));
    auto after = findDraftCheck(document.library(), checkId);
    STABLE_TRY(after);
    if (after->position == before->position)
        return success();
    document.undoStack().push(
        new CheckMoveCommand(document, checkId, before->check.key, before->position, after->position));
    return success();
}

} // namespace stable::edits
