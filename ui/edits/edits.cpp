#include "edits.h"

#include "editcommands.h"

namespace stable::edits {

namespace {

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

// Every facade function takes copies of its ids: the caller's may be refreshed away by this very edit.

template <typename Kind>
Status setField(Document& document, const QString id, typename Kind::Field field, const QVariant& value)
{
    auto state = liveRecord<Kind>(document.library(), id);
    STABLE_TRY(state);
    const typename Kind::Record& before = Kind::record(state.value());
    typename Kind::Record record = before;
    STABLE_TRY(Kind::assign(record, field, value));
    const QVariant oldValue = Kind::value(before, field);
    const QVariant newValue = Kind::value(record, field);
    if (oldValue == newValue)
        return success();
    STABLE_TRY(Kind::update(document.library(), record));
    document.undoStack().push(new FieldCommand<Kind>(document, id, before, field, oldValue, newValue));
    return success();
}

template <typename Kind>
Result<QString> add(Document& document, const QString parentId, const typename Kind::Record& record, int position)
{
    auto id = Kind::add(document.library(), parentId, record, position);
    STABLE_TRY(id);
    auto added = Kind::find(document.library(), id.value());
    STABLE_TRY(added);
    document.undoStack().push(new PresenceCommand<Kind>(document, true, Kind::parentId(added.value()),
                                                        Kind::record(added.value()), added->position));
    return id;
}

template <typename Kind>
Status remove(Document& document, const QString id)
{
    auto state = liveRecord<Kind>(document.library(), id);
    STABLE_TRY(state);
    STABLE_TRY(Kind::remove(document.library(), id));
    document.undoStack().push(new PresenceCommand<Kind>(document, false, Kind::parentId(state.value()),
                                                        Kind::record(state.value()), state->position));
    return success();
}

template <typename Kind>
Status move(Document& document, const QString id, int newPosition)
{
    auto before = liveRecord<Kind>(document.library(), id);
    STABLE_TRY(before);
    STABLE_TRY(Kind::move(document.library(), id, newPosition));
    auto after = Kind::find(document.library(), id);
    STABLE_TRY(after);
    if (after->position == before->position)
        return success();
    document.undoStack().push(
        new MoveCommand<Kind>(document, Kind::record(before.value()), before->position, after->position));
    return success();
}

} // namespace

Status setStepField(Document& document, const QString& stepId, StepField field, const QVariant& value)
{
    return setField<StepKind>(document, stepId, field, value);
}

Status setStepPorts(Document& document, const QString& stepIdArgument, const QList<Port>& inputsArgument,
                    const QList<Port>& outputsArgument)
{
    const QString stepId = stepIdArgument;
    const QList<Port> inputs = inputsArgument;
    const QList<Port> outputs = outputsArgument;
    auto state = liveRecord<StepKind>(document.library(), stepId);
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

Result<QString> addStep(Document& document, const QString& streamId, const Step& step, int position)
{
    return add<StepKind>(document, streamId, step, position);
}

Status removeStep(Document& document, const QString& stepId)
{
    return remove<StepKind>(document, stepId);
}

Status moveStep(Document& document, const QString& stepId, int newPosition)
{
    return move<StepKind>(document, stepId, newPosition);
}

Status setCheckField(Document& document, const QString& checkId, CheckField field, const QVariant& value)
{
    return setField<CheckKind>(document, checkId, field, value);
}

Result<QString> addCheck(Document& document, const QString& stepId, const QualityCheck& check, int position)
{
    return add<CheckKind>(document, stepId, check, position);
}

Status removeCheck(Document& document, const QString& checkId)
{
    return remove<CheckKind>(document, checkId);
}

Status moveCheck(Document& document, const QString& checkId, int newPosition)
{
    return move<CheckKind>(document, checkId, newPosition);
}

Result<QString> addStream(Document& document, const ValueStream& streamArgument)
{
    const ValueStream stream = streamArgument;
    auto taken = resolveStream(document.library(), stream.key);
    if (taken.ok())
        return refused(EditCommand::tr("A value stream with the key ‘%1’ is already in the library.").arg(stream.key));
    auto imported = importProcess(document.library(), stream);
    STABLE_TRY(imported);
    document.undoStack().push(new StreamPresenceCommand(document, true, imported->streamId, stream.name));
    return imported->streamId;
}

Status removeStream(Document& document, const QString& streamIdArgument)
{
    const QString streamId = streamIdArgument;
    auto stream = loadDraft(document.library(), streamId);
    STABLE_TRY(stream);
    STABLE_TRY(stable::removeStream(document.library(), streamId));
    document.undoStack().push(new StreamPresenceCommand(document, false, streamId, stream->name));
    return success();
}

Status setStreamProperties(Document& document, const ValueStream& stream)
{
    auto draft = loadDraft(document.library(), stream.id);
    STABLE_TRY(draft);
    ValueStream before = draft.value();
    before.steps.clear();
    ValueStream after = before;
    after.name = stream.name;
    after.purpose = stream.purpose;
    after.owner = stream.owner;
    if (after.name == before.name && after.purpose == before.purpose && after.owner == before.owner)
        return success();
    STABLE_TRY(updateStream(document.library(), after));
    document.undoStack().push(new StreamPropertiesCommand(document, std::move(before), std::move(after)));
    return success();
}

} // namespace stable::edits
