#include "editcommands.h"


namespace stable::edits {

namespace {

Error wrongType(const QString& what)
{
    return invalid(EditCommand::tr("%1 must be a number.").arg(what));
}

QString stepFieldName(StepField field)
{
    switch (field) {
    case StepField::Name:
        return EditCommand::tr("name");
    case StepField::Key:
        return EditCommand::tr("key");
    case StepField::OwnerRole:
        return EditCommand::tr("owner role");
    case StepField::PlannedHours:
        return EditCommand::tr("planned hours");
    case StepField::Throughput:
        return EditCommand::tr("procedure");
    }
    return QString();
}

QString checkFieldName(CheckField field)
{
    switch (field) {
    case CheckField::Statement:
        return EditCommand::tr("statement");
    case CheckField::Key:
        return EditCommand::tr("key");
    case CheckField::Stage:
        return EditCommand::tr("stage");
    case CheckField::Critical:
        return EditCommand::tr("critical");
    case CheckField::GuardsAgainst:
        return EditCommand::tr("guards-against");
    case CheckField::Severity:
        return EditCommand::tr("severity");
    case CheckField::Occurrence:
        return EditCommand::tr("occurrence");
    case CheckField::Detection:
        return EditCommand::tr("detection");
    }
    return QString();
}

Result<int> rating(const QVariant& value, const QString& what)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok)
        return wrongType(what);
    return number;
}

} // namespace

QVariant stepFieldValue(const Step& step, StepField field)
{
    switch (field) {
    case StepField::Name:
        return step.name;
    case StepField::Key:
        return step.key;
    case StepField::OwnerRole:
        return step.ownerRole;
    case StepField::PlannedHours:
        return step.plannedHours;
    case StepField::Throughput:
        return step.throughput;
    }
    return QVariant();
}

Status assignStepField(Step& step, StepField field, const QVariant& value)
{
    switch (field) {
    case StepField::Name:
        step.name = value.toString();
        break;
    case StepField::Key:
        step.key = value.toString().trimmed();
        break;
    case StepField::OwnerRole:
        step.ownerRole = value.toString();
        break;
    case StepField::PlannedHours: {
        bool ok = false;
        step.plannedHours = value.toDouble(&ok);
        if (!ok)
            return wrongType(EditCommand::tr("Planned hours"));
        break;
    }
    case StepField::Throughput:
        step.throughput = value.toString();
        break;
    }
    return success();
}

QVariant checkFieldValue(const QualityCheck& check, CheckField field)
{
    switch (field) {
    case CheckField::Statement:
        return check.statement;
    case CheckField::Key:
        return check.key;
    case CheckField::Stage:
        return toText(check.stage);
    case CheckField::Critical:
        return check.critical;
    case CheckField::GuardsAgainst:
        return check.guardsAgainst;
    case CheckField::Severity:
        return check.severity;
    case CheckField::Occurrence:
        return check.occurrence;
    case CheckField::Detection:
        return check.detection;
    }
    return QVariant();
}

Status assignCheckField(QualityCheck& check, CheckField field, const QVariant& value)
{
    switch (field) {
    case CheckField::Statement:
        check.statement = value.toString();
        break;
    case CheckField::Key:
        check.key = value.toString().trimmed();
        break;
    case CheckField::Stage: {
        const auto stage = parseStage(value.toString());
        if (!stage)
            return invalid(EditCommand::tr("‘%1’ is not a stage (entry, in-process or exit).").arg(value.toString()));
        check.stage = *stage;
        break;
    }
    case CheckField::Critical:
        check.critical = value.toBool();
        break;
    case CheckField::GuardsAgainst:
        check.guardsAgainst = value.toString();
        break;
    case CheckField::Severity: {
        auto number = rating(value, EditCommand::tr("Severity"));
        STABLE_TRY(number);
        check.severity = number.value();
        break;
    }
    case CheckField::Occurrence: {
        auto number = rating(value, EditCommand::tr("Occurrence"));
        STABLE_TRY(number);
        check.occurrence = number.value();
        break;
    }
    case CheckField::Detection: {
        auto number = rating(value, EditCommand::tr("Detection"));
        STABLE_TRY(number);
        check.detection = number.value();
        break;
    }
    }
    return success();
}

EditCommand::EditCommand(Document& document, const QString& text) : QUndoCommand(text), m_document(document) {}

void EditCommand::redo()
{
    if (m_alreadyApplied) {
        m_alreadyApplied = false;
        return;
    }
    settle(apply(), false);
}

void EditCommand::undo()
{
    settle(revert(), true);
}

void EditCommand::settle(const Status& status, bool undoing)
{
    if (status.ok())
        return;
    setObsolete(true);
    m_document.reportEditFailure((undoing ? tr("Cannot undo “%1”: %2") : tr("Cannot redo “%1”: %2"))
                                     .arg(text(), status.message()));
}

QString StepKind::removedMessage(const Step& step)
{
    return EditCommand::tr("The step ‘%1’ was removed from the draft.").arg(step.name);
}

QString StepKind::fieldText(StepField field, const Step& step)
{
    return field == StepField::Name ? EditCommand::tr("Rename step ‘%1’").arg(step.name)
                                    : EditCommand::tr("Change %1 of ‘%2’").arg(stepFieldName(field), step.name);
}

QString StepKind::presenceText(bool adds, const Step& step)
{
    return adds ? EditCommand::tr("Add step ‘%1’").arg(step.name) : EditCommand::tr("Remove step ‘%1’").arg(step.name);
}

QString StepKind::moveText(const Step& step)
{
    return EditCommand::tr("Move step ‘%1’").arg(step.name);
}

QString CheckKind::removedMessage(const QualityCheck& check)
{
    return EditCommand::tr("The check ‘%1’ was removed from the draft.").arg(check.key);
}

QString CheckKind::fieldText(CheckField field, const QualityCheck& check)
{
    return EditCommand::tr("Change %1 of check ‘%2’").arg(checkFieldName(field), check.key);
}

QString CheckKind::presenceText(bool adds, const QualityCheck& check)
{
    return adds ? EditCommand::tr("Add check ‘%1’").arg(check.key) : EditCommand::tr("Remove check ‘%1’").arg(check.key);
}

QString CheckKind::moveText(const QualityCheck& check)
{
    return EditCommand::tr("Move check ‘%1’").arg(check.key);
}

template <typename Kind>
FieldCommand<Kind>::FieldCommand(Document& document, QString id, const typename Kind::Record& record, Field field,
                                 QVariant before, QVariant after)
    : EditCommand(document, Kind::fieldText(field, record)), m_id(std::move(id)), m_field(field),
      m_before(std::move(before)), m_after(std::move(after))
{}

template <typename Kind>
bool FieldCommand<Kind>::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const FieldCommand*>(other);
    if (next->m_id != m_id || next->m_field != m_field)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

template <typename Kind>
Status FieldCommand<Kind>::write(const QVariant& value)
{
    auto state = liveRecord<Kind>(library(), m_id);
    STABLE_TRY(state);
    typename Kind::Record record = Kind::record(state.value());
    STABLE_TRY(Kind::assign(record, m_field, value));
    return Kind::update(library(), record);
}

template <typename Kind>
PresenceCommand<Kind>::PresenceCommand(Document& document, bool adds, QString parentId, typename Kind::Record record,
                                       int position)
    : EditCommand(document, Kind::presenceText(adds, record)), m_adds(adds), m_parentId(std::move(parentId)),
      m_record(std::move(record)), m_position(position)
{}

template <typename Kind>
Status PresenceCommand<Kind>::add()
{
    // With the removed record's id, so that runs and incidents keep pointing at it.
    auto added = Kind::add(library(), m_parentId, m_record, m_position);
    STABLE_TRY(added);
    return success();
}

template <typename Kind>
MoveCommand<Kind>::MoveCommand(Document& document, const typename Kind::Record& record, int from, int to)
    : EditCommand(document, Kind::moveText(record)), m_id(record.id), m_from(from), m_to(to)
{}

template class FieldCommand<StepKind>;
template class FieldCommand<CheckKind>;
template class PresenceCommand<StepKind>;
template class PresenceCommand<CheckKind>;
template class MoveCommand<StepKind>;
template class MoveCommand<CheckKind>;

StepPortsCommand::StepPortsCommand(Document& document, QString stepId, QString stepName, Ports before, Ports after)
    : EditCommand(document, tr("Change inputs and outputs of ‘%1’").arg(stepName)), m_stepId(std::move(stepId)),
      m_before(std::move(before)), m_after(std::move(after))
{}

Status StepPortsCommand::write(const Ports& ports)
{
    auto state = liveRecord<StepKind>(library(), m_stepId);
    STABLE_TRY(state);
    Step step = state->step;
    step.inputs = ports.inputs;
    step.outputs = ports.outputs;
    return updateStep(library(), step);
}

StreamPresenceCommand::StreamPresenceCommand(Document& document, bool adds, QString streamId, const QString& streamName)
    : EditCommand(document, adds ? tr("Add value stream ‘%1’").arg(streamName)
                                 : tr("Remove value stream ‘%1’").arg(streamName)),
      m_adds(adds), m_streamId(std::move(streamId))
{}

StreamPropertiesCommand::StreamPropertiesCommand(Document& document, ValueStream before, ValueStream after)
    : EditCommand(document, before.name == after.name
                                ? tr("Change properties of value stream ‘%1’").arg(after.name)
                                : tr("Rename value stream ‘%1’ to ‘%2’").arg(before.name, after.name))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

} // namespace stable::edits
