// importProcess: a process definition becomes the draft of its value stream, matched by key so that
// steps and checks keep their ids (and checks their identity across revisions).
#include "clock.h"
#include "draftstore.h"
#include "ids.h"
#include "library.h"
#include "process.h"
#include "processimport.h"
#include "sql.h"

#include <QSet>
#include <optional>

namespace stable {

namespace {

using draft::CheckRecord;
using draft::StepRecord;

const QString defaultWhy = QStringLiteral("Imported from a process definition.");

template <typename Record> struct Planned
{
    Record record;
    std::optional<Record> before; // none: a new record

    bool changed(QJsonObject (*view)(const Record&)) const
    {
        return !before || view(*before) != view(record);
    }
    QString verb() const
    {
        if (!before)
            return QStringLiteral("add");
        if (before->removed && !record.removed)
            return QStringLiteral("restore");
        if (record.removed)
            return QStringLiteral("remove");
        return QStringLiteral("update");
    }
};

Status validate(const ValueStream& stream)
{
    STABLE_TRY(draft::validateStreamFields(stream));
    QSet<QString> stepKeys;
    for (const Step& step : stream.steps) {
        STABLE_TRY(draft::validateStep(step));
        if (stepKeys.contains(step.key))
            return invalid(
                QStringLiteral("The step key ‘%1’ appears twice in ‘%2’.").arg(step.key, stream.key));
        stepKeys.insert(step.key);
        QSet<QString> checkKeys;
        for (const QualityCheck& check : step.checks) {
            STABLE_TRY(draft::validateCheck(check));
            if (checkKeys.contains(check.key))
                return invalid(QStringLiteral("The check key ‘%1’ appears twice in the step ‘%2’.")
                                   .arg(check.key, step.name));
            checkKeys.insert(check.key);
        }
    }
    return success();
}

// A live record with the key, else the most recently made removed one (reviving it keeps its id).
template <typename Record, typename KeyOf>
std::optional<Record> matchByKey(const QList<Record>& existing, const QString& key, KeyOf keyOf)
{
    std::optional<Record> removed;
    for (const Record& record : existing) {
        if (keyOf(record) != key)
            continue;
        if (!record.removed)
            return record;
        removed = record;
    }
    return removed;
}

// The id of a new record: the one it carries when free and not used twice in this import.
Result<QString> idFor(const QSqlDatabase& db, const QString& table, const QString& wanted,
                      QSet<QString>& used)
{
    auto id = draft::freshId(db, table, used.contains(wanted) ? QString() : wanted);
    STABLE_TRY(id);
    used.insert(id.value());
    return id;
}

struct Plan
{
    QList<Planned<StepRecord>> steps;
    QList<Planned<CheckRecord>> checks;
};

Status planChecks(const QSqlDatabase& db, const Step& incoming, const StepRecord& step, bool stepExisted,
                  Plan& plan, QSet<QString>& usedIds)
{
    QList<CheckRecord> existing;
    if (stepExisted) {
        auto loaded = draft::loadChecks(db, step.step.id);
        STABLE_TRY(loaded);
        existing = loaded.value();
    }
    QSet<QString> matched;
    for (int i = 0; i < incoming.checks.size(); ++i) {
        const QualityCheck& check = incoming.checks.at(i);
        Planned<CheckRecord> planned;
        planned.before = matchByKey(existing, check.key, [](const CheckRecord& r) { return r.check.key; });
        planned.record.check = check;
        planned.record.stepId = step.step.id;
        planned.record.position = i;
        if (planned.before) {
            planned.record.check.id = planned.before->check.id;
            if (check.originIncidentId.isEmpty())
                planned.record.check.originIncidentId = planned.before->check.originIncidentId;
            matched.insert(planned.record.check.id);
        } else {
            auto id = idFor(db, QStringLiteral("quality_check"), check.id, usedIds);
            STABLE_TRY(id);
            planned.record.check.id = id.value();
        }
        if (!planned.record.check.originIncidentId.isEmpty() &&
            (!planned.before ||
             planned.before->check.originIncidentId != planned.record.check.originIncidentId))
            STABLE_TRY(draft::checkIncidentExists(db, planned.record.check.originIncidentId));
        plan.checks.append(planned);
    }
    for (const CheckRecord& old : std::as_const(existing)) {
        if (old.removed || matched.contains(old.check.id))
            continue;
        Planned<CheckRecord> planned{old, old};
        planned.record.removed = true;
        plan.checks.append(planned);
    }
    return success();
}

Result<Plan> planSteps(const QSqlDatabase& db, const ValueStream& incoming, const QString& streamId,
                       bool streamExisted)
{
    QList<StepRecord> existing;
    if (streamExisted) {
        auto loaded = draft::loadSteps(db, streamId);
        STABLE_TRY(loaded);
        existing = loaded.value();
    }
    Plan plan;
    QSet<QString> usedIds;
    QSet<QString> matched;
    for (int i = 0; i < incoming.steps.size(); ++i) {
        const Step& step = incoming.steps.at(i);
        Planned<StepRecord> planned;
        planned.before = matchByKey(existing, step.key, [](const StepRecord& r) { return r.step.key; });
        planned.record.step = step;
        planned.record.step.checks.clear();
        planned.record.streamId = streamId;
        planned.record.position = i;
        if (planned.before) {
            planned.record.step.id = planned.before->step.id;
            matched.insert(planned.record.step.id);
        } else {
            auto id = idFor(db, QStringLiteral("step"), step.id, usedIds);
            STABLE_TRY(id);
            planned.record.step.id = id.value();
        }
        draft::inheritPortIds(planned.record.step.inputs,
                              planned.before ? planned.before->step.inputs : QList<Port>());
        draft::inheritPortIds(planned.record.step.outputs,
                              planned.before ? planned.before->step.outputs : QList<Port>());
        STABLE_TRY(planChecks(db, step, planned.record, planned.before.has_value(), plan, usedIds));
        plan.steps.append(planned);
    }
    // The checks of a step removed here stay as they are: restoring the step brings them back.
    for (const StepRecord& old : std::as_const(existing)) {
        if (old.removed || matched.contains(old.step.id))
            continue;
        Planned<StepRecord> planned{old, old};
        planned.record.removed = true;
        plan.steps.append(planned);
    }
    return plan;
}

} // namespace

Result<ImportSummary> importProcessWithin(WriteTransaction& transaction, const ValueStream& stream,
                                          const QString& why, bool* changedAnything)
{
    STABLE_TRY(validate(stream));
    const QString importWhy = why.isEmpty() ? defaultWhy : why;
    Library& library = transaction.library();
    const QSqlDatabase db = transaction.db();

    ImportSummary summary;
    auto existing = execSql(db, QStringLiteral("SELECT id, removed FROM stream WHERE key = ?"), {stream.key});
    STABLE_TRY(existing);
    auto found = queryRow(existing.value());
    STABLE_TRY(found);
    std::optional<ValueStream> before;
    bool wasRemoved = false;
    if (found.value()) {
        wasRemoved = existing->value(1).toBool();
        auto row = draft::loadStreamRow(db, existing->value(0).toString());
        STABLE_TRY(row);
        before = row.value();
        summary.streamId = before->id;
    } else {
        QSet<QString> none;
        auto id = idFor(db, QStringLiteral("stream"), stream.id, none);
        STABLE_TRY(id);
        summary.streamId = id.value();
        summary.created = true;
    }
    existing->finish();

    ValueStream fields = stream;
    fields.id = summary.streamId;
    fields.steps.clear();
    auto plan = planSteps(db, stream, summary.streamId, before.has_value());
    STABLE_TRY(plan);

    bool changed = false;
    const QString now = isoUtc(library.clock().now());
    if (!before) {
        STABLE_TRY(execSql(
            db,
            QStringLiteral("INSERT INTO stream (id, key, name, purpose, owner, created_at, draft_changed_at) "
                           "VALUES (?,?,?,?,?,?,?)"),
            {fields.id, fields.key, fields.name, fields.purpose, fields.owner, now, now}));
        STABLE_TRY(draft::audit(transaction, QStringLiteral("stream.create"), QStringLiteral("stream"),
                                fields.id, {}, draft::streamJson(fields), importWhy));
        changed = true;
    } else if (wasRemoved || draft::streamJson(*before) != draft::streamJson(fields)) {
        STABLE_TRY(execSql(
            db,
            QStringLiteral("UPDATE stream SET name = ?, purpose = ?, owner = ?, removed = 0 WHERE id = ?"),
            {fields.name, fields.purpose, fields.owner, fields.id}));
        STABLE_TRY(draft::audit(transaction, QStringLiteral("stream.update"), QStringLiteral("stream"),
                                fields.id, draft::streamJson(*before), draft::streamJson(fields), importWhy));
        changed = true;
    }
    for (const Planned<StepRecord>& step : std::as_const(plan->steps)) {
        if (!step.changed(draft::stepJson))
            continue;
        if (step.before)
            STABLE_TRY(draft::writeStep(transaction, step.record, *step.before));
        else
            STABLE_TRY(draft::insertStep(transaction, step.record));
        STABLE_TRY(draft::audit(transaction, QStringLiteral("step.") + step.verb(), QStringLiteral("step"),
                                step.record.step.id,
                                step.before ? draft::stepJson(*step.before) : QJsonObject(),
                                draft::stepJson(step.record), importWhy));
        changed = true;
    }
    for (const Planned<CheckRecord>& check : std::as_const(plan->checks)) {
        if (!check.changed(draft::checkJson))
            continue;
        if (check.before)
            STABLE_TRY(draft::writeCheck(transaction, check.record));
        else
            STABLE_TRY(draft::insertCheck(transaction, check.record));
        STABLE_TRY(draft::audit(transaction, QStringLiteral("check.") + check.verb(),
                                QStringLiteral("quality_check"), check.record.check.id,
                                check.before ? draft::checkJson(*check.before) : QJsonObject(),
                                draft::checkJson(check.record), importWhy));
        changed = true;
    }

    summary.steps = static_cast<int>(stream.steps.size());
    for (const Step& step : stream.steps)
        summary.checks += static_cast<int>(step.checks.size());
    if (changed)
        STABLE_TRY(draft::touchDraft(transaction, summary.streamId));
    if (changedAnything)
        *changedAnything = changed;
    return summary;
}

Result<ImportSummary> importProcess(Library& library, const ValueStream& stream)
{
    STABLE_TRY(validate(stream));

    // Planned under the write lock, so that what is compared is what gets changed.
    WriteTransaction transaction(library, Changes(Change::Streams) | Change::Drafts);
    STABLE_TRY(transaction.begin());
    bool changed = false;
    auto summary = importProcessWithin(transaction, stream, {}, &changed);
    STABLE_TRY(summary);
    if (!changed) {
        transaction.rollback(); // nothing to write: no event, no change signal
        return summary;
    }
    STABLE_TRY(transaction.commit());
    return summary;
}

} // namespace stable
