#pragma once

#include "document.h"
#include "draftlookup.h"
#include "edits.h"
#include "process.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QVariant>

// The undo commands behind the edits facade. Each holds ids and before/after values, never pointers to
// domain objects, and is pushed after its edit was applied, so its first redo() does nothing.
namespace stable::edits {

// Field values as the facade takes them: text for names, keys, roles, statements and the stage
// ("entry", "in-process", "exit"); a number for hours and S/O/D; a bool for critical.
QVariant stepFieldValue(const Step& step, StepField field);
Status assignStepField(Step& step, StepField field, const QVariant& value);
QVariant checkFieldValue(const QualityCheck& check, CheckField field);
Status assignCheckField(QualityCheck& check, CheckField field, const QVariant& value);

class EditCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditCommand)
public:
    void redo() final;
    void undo() final;

protected:
    EditCommand(Document& document, const QString& text);
    virtual Status apply() = 0;
    virtual Status revert() = 0;
    Library& library() { return m_document.library(); }

private:
    // Someone else changed the draft so that this edit no longer applies: say so and drop the command.
    void settle(const Status& status, bool undoing);

    Document& m_document;
    bool m_alreadyApplied = true;
};

// Steps and checks are edited the same way — a field, presence, a place among their siblings — so one
// set of commands serves both, told apart by a kind that knows the core calls and the wording.
struct StepKind
{
    using Record = Step;
    using State = DraftStepState;
    using Field = StepField;
    static constexpr int mergeId = 100;
    static Result<State> find(Library& library, const QString& id) { return findDraftStep(library, id); }
    static const Record& record(const State& state) { return state.step; }
    static const QString& parentId(const State& state) { return state.streamId; }
    static QString label(const Record& step) { return step.name; }
    static QVariant value(const Record& step, Field field) { return stepFieldValue(step, field); }
    static Status assign(Record& step, Field field, const QVariant& value) { return assignStepField(step, field, value); }
    static Status update(Library& library, const Record& step) { return updateStep(library, step); }
    static Result<QString> add(Library& library, const QString& streamId, const Record& step, int position)
    {
        return stable::addStep(library, streamId, step, position);
    }
    static Status remove(Library& library, const QString& id) { return stable::removeStep(library, id); }
    static Status move(Library& library, const QString& id, int position) { return stable::moveStep(library, id, position); }
    static QString removedMessage(const Record& step);
    static QString fieldText(Field field, const Record& step);
    static QString presenceText(bool adds, const Record& step);
    static QString moveText(const Record& step);
};

struct CheckKind
{
    using Record = QualityCheck;
    using State = DraftCheckState;
    using Field = CheckField;
    static constexpr int mergeId = 200;
    static Result<State> find(Library& library, const QString& id) { return findDraftCheck(library, id); }
    static const Record& record(const State& state) { return state.check; }
    static const QString& parentId(const State& state) { return state.stepId; }
    static QString label(const Record& check) { return check.key; }
    static QVariant value(const Record& check, Field field) { return checkFieldValue(check, field); }
    static Status assign(Record& check, Field field, const QVariant& value) { return assignCheckField(check, field, value); }
    static Status update(Library& library, const Record& check) { return updateCheck(library, check); }
    static Result<QString> add(Library& library, const QString& stepId, const Record& check, int position)
    {
        return stable::addCheck(library, stepId, check, position);
    }
    static Status remove(Library& library, const QString& id) { return stable::removeCheck(library, id); }
    static Status move(Library& library, const QString& id, int position) { return stable::moveCheck(library, id, position); }
    static QString removedMessage(const Record& check);
    static QString fieldText(Field field, const Record& check);
    static QString presenceText(bool adds, const Record& check);
    static QString moveText(const Record& check);
};

// The record as it stands in the draft, refused when someone removed it meanwhile.
template <typename Kind>
Result<typename Kind::State> liveRecord(Library& library, const QString& id)
{
    auto state = Kind::find(library, id);
    STABLE_TRY(state);
    if (state->removed)
        return refused(Kind::removedMessage(Kind::record(state.value())));
    return state;
}

// Typing into one field of one record merges into one undo step.
template <typename Kind>
class FieldCommand final : public EditCommand
{
public:
    using Field = typename Kind::Field;
    FieldCommand(Document& document, QString id, const typename Kind::Record& record, Field field, QVariant before,
                 QVariant after);
    int id() const override { return Kind::mergeId + static_cast<int>(m_field); }
    bool mergeWith(const QUndoCommand* other) override;

protected:
    Status apply() override { return write(m_after); }
    Status revert() override { return write(m_before); }

private:
    Status write(const QVariant& value);
    QString m_id;
    Field m_field;
    QVariant m_before;
    QVariant m_after;
};

// Adding and removing are one command read both ways: the record (with its id) is there or it is not.
// Adding with the id of a removed record restores it (a step with the checks it had).
template <typename Kind>
class PresenceCommand final : public EditCommand
{
public:
    PresenceCommand(Document& document, bool adds, QString parentId, typename Kind::Record record, int position);

protected:
    Status apply() override { return m_adds ? add() : remove(); }
    Status revert() override { return m_adds ? remove() : add(); }

private:
    Status add();
    Status remove() { return Kind::remove(library(), m_record.id); }
    bool m_adds;
    QString m_parentId;
    typename Kind::Record m_record;
    int m_position;
};

template <typename Kind>
class MoveCommand final : public EditCommand
{
public:
    MoveCommand(Document& document, const typename Kind::Record& record, int from, int to);

protected:
    Status apply() override { return Kind::move(library(), m_id, m_to); }
    Status revert() override { return Kind::move(library(), m_id, m_from); }

private:
    QString m_id;
    int m_from;
    int m_to;
};

class StepPortsCommand final : public EditCommand
{
public:
    struct Ports
    {
        QList<Port> inputs;
        QList<Port> outputs;
    };
    StepPortsCommand(Document& document, QString stepId, QString stepName, Ports before, Ports after);

protected:
    Status apply() override { return write(m_after); }
    Status revert() override { return write(m_before); }

private:
    Status write(const Ports& ports);
    QString m_stepId;
    Ports m_before;
    Ports m_after;
};

// A whole value stream added (undo removes it) or removed (undo brings it back as it was).
class StreamPresenceCommand final : public EditCommand
{
public:
    StreamPresenceCommand(Document& document, bool adds, QString streamId, const QString& streamName);

protected:
    Status apply() override { return m_adds ? restoreStream(library(), m_streamId) : removeStream(library(), m_streamId); }
    Status revert() override { return m_adds ? removeStream(library(), m_streamId) : restoreStream(library(), m_streamId); }

private:
    bool m_adds;
    QString m_streamId;
};

// A stream's name, purpose and owner, edited together in its properties dialog.
class StreamPropertiesCommand final : public EditCommand
{
public:
    StreamPropertiesCommand(Document& document, ValueStream before, ValueStream after);

protected:
    Status apply() override { return updateStream(library(), m_after); }
    Status revert() override { return updateStream(library(), m_before); }

private:
    ValueStream m_before; // id, name, purpose and owner; no steps
    ValueStream m_after;
};

extern template class FieldCommand<StepKind>;
extern template class FieldCommand<CheckKind>;
extern template class PresenceCommand<StepKind>;
extern template class PresenceCommand<CheckKind>;
extern template class MoveCommand<StepKind>;
extern template class MoveCommand<CheckKind>;

} // namespace stable::edits
