#pragma once

#include "document.h"
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

class StepFieldCommand final : public EditCommand
{
public:
    StepFieldCommand(Document& document, QString stepId, QString stepName, StepField field, QVariant before,
                     QVariant after);
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

protected:
    Status apply() override { return write(m_after); }
    Status revert() override { return write(m_before); }

private:
    Status write(const QVariant& value);
    QString m_stepId;
    StepField m_field;
    QVariant m_before;
    QVariant m_after;
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

// Adding and removing are one command read both ways: the step (with its id) is there or it is not.
class StepPresenceCommand final : public EditCommand
{
public:
    StepPresenceCommand(Document& document, bool adds, QString streamId, Step step, int position);

protected:
    Status apply() override { return m_adds ? add() : remove(); }
    Status revert() override { return m_adds ? remove() : add(); }

private:
    Status add();
    Status remove();
    bool m_adds;
    QString m_streamId;
    Step m_step;
    int m_position;
};

class StepMoveCommand final : public EditCommand
{
public:
    StepMoveCommand(Document& document, QString stepId, QString stepName, int from, int to);

protected:
    Status apply() override;
    Status revert() override;

private:
    QString m_stepId;
    int m_from;
    int m_to;
};

class CheckFieldCommand final : public EditCommand
{
public:
    CheckFieldCommand(Document& document, QString checkId, QString checkKey, CheckField field, QVariant before,
                      QVariant after);
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

protected:
    Status apply() override { return write(m_after); }
    Status revert() override { return write(m_before); }

private:
    Status write(const QVariant& value);
    QString m_checkId;
    CheckField m_field;
    QVariant m_before;
    QVariant m_after;
};

class CheckPresenceCommand final : public EditCommand
{
public:
    CheckPresenceCommand(Document& document, bool adds, QString stepId, QualityCheck check, int position);

protected:
    Status apply() override { return m_adds ? add() : remove(); }
    Status revert() override { return m_adds ? remove() : add(); }

private:
    Status add();
    Status remove();
    bool m_adds;
    QString m_stepId;
    QualityCheck m_check;
    int m_position;
};

class CheckMoveCommand final : public EditCommand
{
public:
    CheckMoveCommand(Document& document, QString checkId, QString checkKey, int from, int to);

protected:
    Status apply() override;
    Status revert() override;

private:
    QString m_checkId;
    int m_from;
    int m_to;
};

} // namespace stable::edits
