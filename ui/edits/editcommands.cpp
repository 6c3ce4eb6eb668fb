#include "editcommands.h"

#include "draftlookup.h"

namespace stable::edits {

namespace {

Error wrongType(const QString& what)
{
    return invalid(EditCommand::tr("%1 must be a number.").arg(what));
}

Status refuseRemoved(const DraftStepState& state)
{
    if (state.removed)
        return refused(EditCommand::tr("The step ‘%1’ was removed from the draft.").arg(state.step.name));
    return success();
}

Status refuseRemoved(const DraftCheckState& state)
{
    if (state.removed)
        return refused(EditCommand::tr("The check ‘%1’ was removed from the draft.").arg(state.check.key));
    return success();
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

StepFieldCommand::StepFieldCommand(Document& document, QString stepId, QString stepName, StepField field,
                                   QVariant before, QVariant after)
    : EditCommand(document, field == StepField::Name ? tr("Rename step ‘%1’").arg(stepName)
                                                      : tr("Change %1 of ‘%2’").arg(stepFieldName(field), stepName)),
      m_stepId(std::move(stepId)), m_field(field), m_before(std::move(before)), m_after(std::move(after))
{}

int StepFieldCommand::id() const
{
    return 100 + static_cast<int>(m_field);
}

bool StepFieldCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const StepFieldCommand*>(other);
    if (next->m_stepId != m_stepId || next->m_field != m_field)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

Status StepFieldCommand::write(const QVariant& value)
{
    auto state = findDraftStep(library(), m_stepId);
    STABLE_TRY(state);
    STABLE_TRY(refuseRemoved(state.value()));
    Step step = state->step;
    STABLE_TRY(assignStepField(step, m_field, value));
    return updateStep(library(), step);
}

StepPortsCommand::StepPortsCommand(Document& document, QString stepId, QString stepName, Ports before, Ports after)
    : EditCommand(document, tr("Change inputs and outputs of ‘%1’").arg(stepName)), m_stepId(std::move(stepId)),
      m_before(std::move(before)), m_after(std::move(after))
{}

Status StepPortsCommand::write(const Ports& ports)
{
    auto state = findDraftStep(library(), m_stepId);
    STABLE_TRY(state);
    STABLE_TRY(refuseRemoved(state.value()));
    Step step = state->step;
    step.inputs = ports.inputs;
    step.outputs = ports.outputs;
    return updateStep(library(), step);
}

StepPresenceCommand::StepPresenceCommand(Document& document, bool adds, QString streamId, Step step, int position)
    : EditCommand(document, adds ? tr("Add step ‘%1’").arg(step.name) : tr("Remove step ‘%1’").arg(step.name)),
      m_adds(adds), m_streamId(std::move(streamId)), m_step(std::move(step)), m_position(position)
{}

Status StepPresenceCommand::add()
{
    // Adding with the id of the removed step restores it, with the checks it had.
    auto added = stable::addStep(library(), m_streamId, m_step, m_position);
    STABLE_TRY(added);
    return success();
}

Status StepPresenceCommand::remove()
{
    return stable::removeStep(library(), m_step.id);
}

StepMoveCommand::StepMoveCommand(Document& document, QString stepId, QString stepName, int from, int to)
    : EditCommand(document, tr("Move step ‘%1’").arg(stepName)), m_stepId(std::move(stepId)), m_from(from), m_to(to)
{}

Status StepMoveCommand::apply()
{
    return stable::moveStep(library(), m_stepId, m_to);
}

Status StepMoveCommand::revert()
{
    return stable::moveStep(library(), m_stepId, m_from);
}

CheckFieldCommand::CheckFieldCommand(Document& document, QString checkId, QString checkKey, CheckField field,
                                     QVariant before, QVariant after)
    : EditCommand(document, tr("Change %1 of check ‘%2’").arg(checkFieldName(field), checkKey)),
      m_checkId(std::move(checkId)), m_field(field), m_before(std::move(before)), m_after(std::move(after))
{}

int CheckFieldCommand::id() const
{
    return 200 + static_cast<int>(m_field);
}

bool CheckFieldCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const CheckFieldCommand*>(other);
    if (next->m_checkId != m_checkId || next->m_field != m_field)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

Status CheckFieldCommand::write(const QVariant& value)
{
    auto state = findDraftCheck(library(), m_checkId);
    STABLE_TRY(state);
    STABLE_TRY(refuseRemoved(state.value()));
    QualityCheck check = state->check;
    STABLE_TRY(assignCheckField(check, m_field, value));
    return updateCheck(library(), check);
}

CheckPresenceCommand::CheckPresenceCommand(Document& document, bool adds, QString stepId, QualityCheck check,
                                           int position)
    : EditCommand(document, adds ? tr("Add check ‘%1’").arg(check.key) : tr("Remove check ‘%1’").arg(check.key)),
      m_adds(adds), m_stepId(std::move(stepId)), m_check(std::move(check)), m_position(position)
{}

Status CheckPresenceCommand::add()
{
    // Adding with the id of the removed check restores it: runs and incidents keep pointing at it.
    auto added = stable::addCheck(library(), m_stepId, m_check, m_position);
    STABLE_TRY(added);
    return success();
}

Status CheckPresenceCommand::remove()
{
    return stable::removeCheck(library(), m_check.id);
}

CheckMoveCommand::CheckMoveCommand(Document& document, QString checkId, QString checkKey, int from, int to)
    : EditCommand(document, tr("Move check ‘%1’").arg(checkKey)), m_checkId(std::move(checkId)), m_from(from),
      m_to(to)
{}

Status CheckMoveCommand::apply()
{
    return stable::moveCheck(library(), m_checkId, m_to);
}

Status CheckMoveCommand::revert()
{
    return stable::moveCheck(library(), m_checkId, m_from);
}

} // namespace stable::edits
