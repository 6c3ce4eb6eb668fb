#include "process.h"

#include "draftstore.h"
#include "ids.h"
#include "library.h"
#include "revisions.h"
#include "sql.h"

#include <QRegularExpression>
#include <algorithm>
#include <limits>

namespace stable {

namespace {

using draft::CheckRecord;
using draft::StepRecord;

const Changes draftChange = Changes(Change::Drafts) | Change::Streams;

// The live (not removed) records that share a parent and are ordered by `position` 0..n-1.
struct Siblings
{
    QString table;
    QString parentColumn;
    QString parentId;
};

Siblings stepsOf(const QString& streamId)
{
    return {QStringLiteral("step"), QStringLiteral("stream_id"), streamId};
}

Siblings checksOf(const QString& stepId)
{
    return {QStringLiteral("quality_check"), QStringLiteral("step_id"), stepId};
}

Result<int> liveCount(const QSqlDatabase& db, const Siblings& siblings)
{
    auto query =
        execSql(db,
                QStringLiteral("SELECT count(*) FROM ") + siblings.table + QStringLiteral(" WHERE ") +
                    siblings.parentColumn + QStringLiteral(" = ? AND removed = 0"),
                {siblings.parentId});
    STABLE_TRY(query);
    STABLE_TRY(queryRow(query.value()));
    return query->value(0).toInt();
}

// Moves the live siblings with positions first..last by `delta`, to make room or close a gap.
Status shiftPositions(WriteTransaction& transaction, const Siblings& siblings, int first, int last, int delta)
{
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("UPDATE ") + siblings.table +
                           QStringLiteral(" SET position = position + ? WHERE ") + siblings.parentColumn +
                           QStringLiteral(" = ? AND removed = 0 AND position >= ? AND position <= ?"),
                       {delta, siblings.parentId, first, last}));
    return success();
}

// Where a record lands: -1 (or anything past the end) appends.
int insertionPoint(int requested, int count)
{
    return requested < 0 || requested > count ? count : requested;
}

// Where a moved record lands among `count` siblings (itself included): -1 (or past the end) is the last
// place.
int movePoint(int requested, int count)
{
    return std::clamp(requested < 0 ? count : requested, 0, count - 1);
}

// Closes the gap a record leaves at `from` and opens one at `to`.
Status shiftForMove(WriteTransaction& transaction, const Siblings& siblings, int from, int to)
{
    if (to < from)
        return shiftPositions(transaction, siblings, to, from - 1, 1);
    return shiftPositions(transaction, siblings, from + 1, to, -1);
}

Status refuseTakenStepKey(const QSqlDatabase& db, const QString& streamId, const Step& step)
{
    auto query = execSql(
        db,
        QStringLiteral("SELECT step.name, stream.name FROM step JOIN stream ON stream.id = step.stream_id "
                       "WHERE step.stream_id = ? AND step.removed = 0 AND step.key = ? AND step.id <> ?"),
        {streamId, step.key, step.id});
    STABLE_TRY(query);
    auto found = queryRow(query.value());
    STABLE_TRY(found);
    if (found.value())
        return refused(QStringLiteral("‘%1’ already has a step with the key ‘%2’ (‘%3’).")
                           .arg(query->value(1).toString(), step.key, query->value(0).toString()));
    return success();
}

Status refuseTakenCheckKey(const QSqlDatabase& db, const StepRecord& step, const QualityCheck& check)
{
    auto query =
        execSql(db,
                QStringLiteral("SELECT 1 FROM quality_check WHERE step_id = ? AND removed = 0 AND key = ? "
                               "AND id <> ?"),
                {step.step.id, check.key, check.id});
    STABLE_TRY(query);
    auto found = queryRow(query.value());
    STABLE_TRY(found);
    if (found.value())
        return refused(QStringLiteral("The step ‘%1’ already has a check with the key ‘%2’.")
                           .arg(step.step.name, check.key));
    return success();
}

Status refuseRemovedStep(const StepRecord& step)
{
    if (step.removed)
        return refused(QStringLiteral("The step ‘%1’ was removed from the draft.").arg(step.step.name));
    return success();
}

Result<StepRecord> liveStep(const QSqlDatabase& db, const QString& stepId)
{
    auto step = draft::loadStep(db, stepId);
    STABLE_TRY(step);
    STABLE_TRY(refuseRemovedStep(step.value()));
    return step;
}

const QString& parentOf(const StepRecord& record)
{
    return record.streamId;
}

const QString& parentOf(const CheckRecord& record)
{
    return record.stepId;
}

// The record a new step or check is written over: a removed one of the same parent with the given id
// (restore), or none. Refuses an id already in use elsewhere.
template <typename Record, typename Loader>
Result<std::optional<Record>> restorable(const QSqlDatabase& db, const QString& id, const QString& parentId,
                                         Loader load, const QString& what)
{
    if (id.isEmpty())
        return std::optional<Record>();
    if (!looksLikeId(id))
        return invalid(QStringLiteral("‘%1’ is not an id.").arg(id));
    auto existing = load(db, id);
    if (!existing.ok()) {
        if (existing.kind() == ErrorKind::NotFound)
            return std::optional<Record>();
        return existing.error();
    }
    if (!existing->removed || parentId != parentOf(existing.value()))
        return refused(QStringLiteral("The %1 with id ‘%2’ is already in use.").arg(what, id));
    return std::optional<Record>(existing.value());
}

// The checks that come with a new step, validated as a whole before anything is written.
Result<QList<CheckRecord>> newChecks(const QSqlDatabase& db, const Step& step)
{
    QList<CheckRecord> records;
    QStringList keys;
    for (const QualityCheck& check : step.checks) {
        STABLE_TRY(draft::validateCheck(check));
        if (keys.contains(check.key))
            return invalid(QStringLiteral("The check key ‘%1’ appears twice in the step ‘%2’.")
                               .arg(check.key, step.name));
        keys.append(check.key);
        if (!check.originIncidentId.isEmpty())
            STABLE_TRY(draft::checkIncidentExists(db, check.originIncidentId));
        CheckRecord record;
        record.check = check;
        const bool idTwice = std::any_of(records.cbegin(), records.cend(),
                                         [&check](const CheckRecord& r) { return r.check.id == check.id; });
        auto id = draft::freshId(db, QStringLiteral("quality_check"), idTwice ? QString() : check.id);
        STABLE_TRY(id);
        record.check.id = id.value();
        record.position = static_cast<int>(records.size());
        records.append(record);
    }
    return records;
}

} // namespace

Result<QList<StreamSummary>> listStreams(Library& library)
{
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT s.id, s.key, s.name, "
                       "(SELECT count(*) FROM step WHERE stream_id = s.id AND removed = 0), "
                       "(SELECT count(*) FROM quality_check c JOIN step t ON t.id = c.step_id "
                       " WHERE t.stream_id = s.id AND t.removed = 0 AND c.removed = 0), "
                       "(SELECT max(number) FROM revision WHERE stream_id = s.id), "
                       "(SELECT snapshot FROM revision WHERE stream_id = s.id ORDER BY number DESC LIMIT 1) "
                       "FROM stream s WHERE s.removed = 0 ORDER BY s.name, s.key"));
    STABLE_TRY(query);
    QList<StreamSummary> streams;
    QStringList snapshots;
    while (query->next()) {
        StreamSummary summary;
        summary.id = query->value(0).toString();
        summary.key = query->value(1).toString();
        summary.name = query->value(2).toString();
        summary.stepCount = query->value(3).toInt();
        summary.checkCount = query->value(4).toInt();
        summary.latestRevision = query->value(5).toInt();
        streams.append(summary);
        snapshots.append(query->value(6).toString());
    }
    for (int i = 0; i < streams.size(); ++i) {
        if (streams.at(i).latestRevision == 0)
            continue;
        auto current = loadDraft(library, streams.at(i).id);
        STABLE_TRY(current);
        streams[i].draftDiffers = canonicalSnapshot(current.value()) != snapshots.at(i);
    }
    return streams;
}

Result<QList<StreamSummary>> listStreamNames(Library& library)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT s.id, s.key, s.name, (SELECT max(number) FROM revision WHERE stream_id = s.id) "
                                        "FROM stream s WHERE s.removed = 0 ORDER BY s.name, s.key"));
    STABLE_TRY(query);
    QList<StreamSummary> streams;
    while (query->next()) {
        StreamSummary summary;
        summary.id = query->value(0).toString();
        summary.key = query->value(1).toString();
        summary.name = query->value(2).toString();
        summary.latestRevision = query->value(3).toInt();
        streams.append(summary);
    }
    return streams;
}

Result<QString> resolveStream(Library& library, const QString& keyOrId)
{
    const QString wanted = keyOrId.trimmed();
    if (wanted.isEmpty())
        return invalid(QStringLiteral("No value stream was named."));
    auto query = selectRecord(
        library.db(), QStringLiteral("SELECT id FROM stream WHERE removed = 0 AND (id = ? OR key = ?)"),
        {wanted, wanted}, QStringLiteral("No value stream ‘%1’.").arg(wanted));
    STABLE_TRY(query);
    return query->value(0).toString();
}

Result<ValueStream> loadDraft(Library& library, const QString& keyOrId)
{
    auto streamId = resolveStream(library, keyOrId);
    STABLE_TRY(streamId);
    const QSqlDatabase db = library.db();
    auto stream = draft::loadStreamRow(db, streamId.value());
    STABLE_TRY(stream);
    auto steps = draft::loadSteps(db, streamId.value());
    STABLE_TRY(steps);
    QList<StepRecord> live;
    std::copy_if(steps->cbegin(), steps->cend(), std::back_inserter(live),
                 [](const StepRecord& r) { return !r.removed; });
    std::stable_sort(live.begin(), live.end(),
                     [](const StepRecord& a, const StepRecord& b) { return a.position < b.position; });
    auto checks = draft::loadStreamChecks(db, streamId.value());
    STABLE_TRY(checks);
    for (StepRecord& record : live) {
        const QList<CheckRecord> stepChecks = checks->value(record.step.id);
        QList<CheckRecord> liveChecks;
        std::copy_if(stepChecks.cbegin(), stepChecks.cend(), std::back_inserter(liveChecks),
                     [](const CheckRecord& r) { return !r.removed; });
        std::stable_sort(liveChecks.begin(), liveChecks.end(),
                         [](const CheckRecord& a, const CheckRecord& b) { return a.position < b.position; });
        for (const CheckRecord& check : std::as_const(liveChecks))
            record.step.checks.append(check.check);
        stream->steps.append(record.step);
    }
    return stream;
}

Result<QString> resolveStep(Library& library, const QString& streamId, const QString& stepKeyOrId)
{
    auto stream = resolveStream(library, streamId);
    STABLE_TRY(stream);
    const QString wanted = stepKeyOrId.trimmed();
    auto query = selectRecord(
        library.db(),
        QStringLiteral("SELECT id FROM step WHERE stream_id = ? AND removed = 0 AND (id = ? OR key = ?)"),
        {stream.value(), wanted, wanted},
        QStringLiteral("No step ‘%1’ in ‘%2’.").arg(wanted, streamId.trimmed()));
    STABLE_TRY(query);
    return query->value(0).toString();
}

// Each edit reads under the write lock it writes with, so the positions and keys it checks are the ones it
// writes over. A refusal rolls back, leaving nothing written.
Result<QString> addStep(Library& library, const QString& streamId, const Step& step, int position)
{
    STABLE_TRY(draft::validateStep(step));
    WriteTransaction transaction(library, draftChange);
    STABLE_TRY(transaction.begin());
    auto stream = resolveStream(library, streamId);
    STABLE_TRY(stream);
    const QSqlDatabase db = library.db();
    auto previous =
        restorable<StepRecord>(db, step.id, stream.value(), draft::loadStep, QStringLiteral("step"));
    STABLE_TRY(previous);
    StepRecord record;
    record.step = step;
    record.step.checks.clear();
    record.step.id = step.id.isEmpty() ? newId() : step.id;
    record.streamId = stream.value();
    STABLE_TRY(refuseTakenStepKey(db, record.streamId, record.step));
    auto count = liveCount(db, stepsOf(record.streamId));
    STABLE_TRY(count);
    record.position = insertionPoint(position, count.value());
    draft::inheritPortIds(record.step.inputs,
                          previous.value() ? previous.value()->step.inputs : QList<Port>());
    draft::inheritPortIds(record.step.outputs,
                          previous.value() ? previous.value()->step.outputs : QList<Port>());
    auto checks = previous.value() ? QList<CheckRecord>() : newChecks(db, step);
    STABLE_TRY(checks);
    STABLE_TRY(shiftPositions(transaction, stepsOf(record.streamId), record.position,
                              std::numeric_limits<int>::max(), 1));
    if (const auto& before = previous.value()) {
        STABLE_TRY(draft::writeStep(transaction, record, *before));
        STABLE_TRY(draft::audit(transaction, QStringLiteral("step.restore"), QStringLiteral("step"),
                                record.step.id, draft::stepJson(*before), draft::stepJson(record)));
    } else {
        STABLE_TRY(draft::insertStep(transaction, record));
        STABLE_TRY(draft::audit(transaction, QStringLiteral("step.add"), QStringLiteral("step"),
                                record.step.id, {}, draft::stepJson(record)));
    }
    for (CheckRecord& check : checks.value()) {
        check.stepId = record.step.id;
        STABLE_TRY(draft::insertCheck(transaction, check));
        STABLE_TRY(draft::audit(transaction, QStringLiteral("check.add"), QStringLiteral("quality_check"),
                                check.check.id, {}, draft::checkJson(check)));
    }
    STABLE_TRY(draft::touchDraft(transaction, record.streamId));
    STABLE_TRY(transaction.commit());
    return record.step.id;
}

Status updateStep(Library& library, const Step& step)
{
    STABLE_TRY(draft::validateStep(step));
    WriteTransaction transaction(library, draftChange);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = library.db();
    auto before = liveStep(db, step.id);
    STABLE_TRY(before);
    STABLE_TRY(refuseTakenStepKey(db, before->streamId, step));
    StepRecord record = before.value();
    record.step.key = step.key;
    record.step.name = step.name;
    record.step.throughput = step.throughput;
    record.step.ownerRole = step.ownerRole;
    record.step.plannedHours = step.plannedHours;
    record.step.inputs = step.inputs;
    record.step.outputs = step.outputs;
    draft::inheritPortIds(record.step.inputs, before->step.inputs);
    draft::inheritPortIds(record.step.outputs, before->step.outputs);
    if (draft::stepJson(record) == draft::stepJson(before.value()))
        return success();
    STABLE_TRY(draft::writeStep(transaction, record, before.value()));
    STABLE_TRY(draft::audit(transaction, QStringLiteral("step.update"), QStringLiteral("step"),
                            record.step.id, draft::stepJson(before.value()), draft::stepJson(record)));
    STABLE_TRY(draft::touchDraft(transaction, record.streamId));
    STABLE_TRY(transaction.commit());
    return success();
}

Status removeStep(Library& library, const QString& stepId)
{
    WriteTransaction transaction(library, draftChange);
    STABLE_TRY(transaction.begin());
    auto before = draft::loadStep(library.db(), stepId);
    STABLE_TRY(before);
    if (before->removed)
        return success();
    StepRecord record = before.value();
    record.removed = true;

    // Only the removed step gets an event: the others keep their order, so their new positions follow.
    STABLE_TRY(draft::writeStep(transaction, record, before.value()));
    STABLE_TRY(shiftPositions(transaction, stepsOf(record.streamId), record.position + 1,
                              std::numeric_limits<int>::max(), -1));
    STABLE_TRY(draft::audit(transaction, QStringLiteral("step.remove"), QStringLiteral("step"),
                            record.step.id, draft::stepJson(before.value()), draft::stepJson(record)));
    STABLE_TRY(draft::touchDraft(transaction, record.streamId));
    STABLE_TRY(transaction.commit());
    return success();
}

Status moveStep(Library& library, const QString& stepId, int newPosition)
{
    WriteTransaction transaction(library, draftChange);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = library.db();
    auto before = liveStep(db, stepId);
    STABLE_TRY(before);
    auto count = liveCount(db, stepsOf(before->streamId));
    STABLE_TRY(count);
    StepRecord record = before.value();
    record.position = movePoint(newPosition, count.value());
    if (record.position == before->position)
        return success();
    STABLE_TRY(shiftForMove(transaction, stepsOf(record.streamId), before->position, record.position));
    STABLE_TRY(draft::writeStep(transaction, record, before.value()));
    STABLE_TRY(draft::audit(transaction, QStringLiteral("step.move"), QStringLiteral("step"), record.step.id,
                            draft::stepJson(before.value()), draft::stepJson(record)));
    STABLE_TRY(draft::touchDraft(transaction, record.streamId));
    STABLE_TRY(transaction.commit());
    return success();
}

Result<QString> addCheck(Library& library, const QString& stepId, const QualityCheck& check, int position)
{
    STABLE_TRY(draft::validateCheck(check));
    WriteTransaction transaction(library, draftChange);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = library.db();
    auto step = liveStep(db, stepId);
    STABLE_TRY(step);
    auto previous = restorable<CheckRecord>(db, check.id, stepId, draft::loadCheck, QStringLiteral("check"));
    STABLE_TRY(previous);
    CheckRecord record;
    record.check = check;
    record.check.id = check.id.isEmpty() ? newId() : check.id;
    record.stepId = step->step.id;
    if (record.check.originIncidentId.isEmpty() && previous.value())
        record.check.originIncidentId = previous.value()->check.originIncidentId;
    if (!record.check.originIncidentId.isEmpty())
        STABLE_TRY(draft::checkIncidentExists(db, record.check.originIncidentId));
    STABLE_TRY(refuseTakenCheckKey(db, step.value(), record.check));
    auto count = liveCount(db, checksOf(record.stepId));
    STABLE_TRY(count);
    record.position = insertionPoint(position, count.value());
    STABLE_TRY(shiftPositions(transaction, checksOf(record.stepId), record.position,
                              std::numeric_limits<int>::max(), 1));
    if (const auto& before = previous.value()) {
        STABLE_TRY(draft::writeCheck(transaction, record));
        STABLE_TRY(draft::audit(transaction, QStringLiteral("check.restore"), QStringLiteral("quality_check"),
                                record.check.id, draft::checkJson(*before), draft::checkJson(record)));
    } else {
        STABLE_TRY(draft::insertCheck(transaction, record));
        STABLE_TRY(draft::audit(transaction, QStringLiteral("check.add"), QStringLiteral("quality_check"),
                                record.check.id, {}, draft::checkJson(record)));
    }
    STABLE_TRY(draft::touchDraft(transaction, step->streamId));
    STABLE_TRY(transaction.commit());
    return record.check.id;
}

Status updateCheck(Library& library, const QualityCheck& check)
{
    STABLE_TRY(draft::validateCheck(check));
    WriteTransaction transaction(library, draftChange);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = library.db();
    auto before = draft::loadCheck(db, check.id);
    STABLE_TRY(before);
    if (before->removed)
        return refused(QStringLiteral("The check ‘%1’ was removed from the draft.").arg(before->check.key));
    auto step = liveStep(db, before->stepId);
    STABLE_TRY(step);
    STABLE_TRY(refuseTakenCheckKey(db, step.value(), check));
    CheckRecord record = before.value();
    record.check = check;
    if (check.originIncidentId.isEmpty())
        record.check.originIncidentId = before->check.originIncidentId;
    else if (check.originIncidentId != before->check.originIncidentId)
        STABLE_TRY(draft::checkIncidentExists(db, check.originIncidentId));
    if (draft::checkJson(record) == draft::checkJson(before.value()))
        return success();
    STABLE_TRY(draft::writeCheck(transaction, record));
    STABLE_TRY(draft::audit(transaction, QStringLiteral("check.update"), QStringLiteral("quality_check"),
                            record.check.id, draft::checkJson(before.value()), draft::checkJson(record)));
    STABLE_TRY(draft::touchDraft(transaction, step->streamId));
    STABLE_TRY(transaction.commit());
    return success();
}

Status removeCheck(Library& library, const QString& checkId)
{
    WriteTransaction transaction(library, draftChange);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = library.db();
    auto before = draft::loadCheck(db, checkId);
    STABLE_TRY(before);
    if (before->removed)
        return success();
    auto step = draft::loadStep(db, before->stepId);
    STABLE_TRY(step);
    CheckRecord record = before.value();
    record.removed = true;
    STABLE_TRY(draft::writeCheck(transaction, record));
    STABLE_TRY(shiftPositions(transaction, checksOf(record.stepId), record.position + 1,
                              std::numeric_limits<int>::max(), -1));
    STABLE_TRY(draft::audit(transaction, QStringLiteral("check.remove"), QStringLiteral("quality_check"),
                            record.check.id, draft::checkJson(before.value()), draft::checkJson(record)));
    STABLE_TRY(draft::touchDraft(transaction, step->streamId));
    STABLE_TRY(transaction.commit());
    return success();
}

Status moveCheck(Library& library, const QString& checkId, int newPosition)
{
    WriteTransaction transaction(library, draftChange);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = library.db();
    auto before = draft::loadCheck(db, checkId);
    STABLE_TRY(before);
    if (before->removed)
        return refused(QStringLiteral("The check ‘%1’ was removed from the draft.").arg(before->check.key));
    auto step = liveStep(db, before->stepId);
    STABLE_TRY(step);
    auto count = liveCount(db, checksOf(before->stepId));
    STABLE_TRY(count);
    CheckRecord record = before.value();
    record.position = movePoint(newPosition, count.value());
    if (record.position == before->position)
        return success();
    STABLE_TRY(shiftForMove(transaction, checksOf(record.stepId), before->position, record.position));
    STABLE_TRY(draft::writeCheck(transaction, record));
    STABLE_TRY(draft::audit(transaction, QStringLiteral("check.move"), QStringLiteral("quality_check"),
                            record.check.id, draft::checkJson(before.value()), draft::checkJson(record)));
    STABLE_TRY(draft::touchDraft(transaction, step->streamId));
    STABLE_TRY(transaction.commit());
    return success();
}

QString makeKey(const QString& text, const QStringList& taken)
{
    constexpr int longest = 40;
    // Decomposed, so that "Déploiement" keeps its letters as "deploiement".
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toLower();
    QString key;
    bool gap = false;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        const char16_t u = c.unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')) {
            if (gap && !key.isEmpty())
                key += QLatin1Char('-');
            gap = false;
            key += c;
        } else {
            gap = true;
        }
    }
    if (key.size() > longest) {
        // Cut at a word boundary (mid-word only in one word longer than a key), and not after a word that
        // leads into the rest of the phrase ("…-confirmed-to-have" reads as cut off).
        const bool wordCut = key.at(longest) != QLatin1Char('-');
        key.truncate(longest);
        const qsizetype dash = key.lastIndexOf(QLatin1Char('-'));
        if (wordCut && dash > 0)
            key.truncate(dash);
        while (key.endsWith(QLatin1Char('-')))
            key.chop(1);
        static const QStringList leading{
            QStringLiteral("a"),      QStringLiteral("an"),   QStringLiteral("the"), QStringLiteral("of"),
            QStringLiteral("to"),     QStringLiteral("at"),   QStringLiteral("in"),  QStringLiteral("on"),
            QStringLiteral("for"),    QStringLiteral("with"), QStringLiteral("by"),  QStringLiteral("from"),
            QStringLiteral("and"),    QStringLiteral("or"),   QStringLiteral("is"),  QStringLiteral("are"),
            QStringLiteral("was"),    QStringLiteral("were"), QStringLiteral("be"),  QStringLiteral("been"),
            QStringLiteral("has"),    QStringLiteral("have"), QStringLiteral("had"), QStringLiteral("that"),
            QStringLiteral("not"),    QStringLiteral("no"),   QStringLiteral("its"), QStringLiteral("their"),
            QStringLiteral("before"), QStringLiteral("after")};
        for (qsizetype last = key.lastIndexOf(QLatin1Char('-'));
             last > 0 && leading.contains(key.mid(last + 1)); last = key.lastIndexOf(QLatin1Char('-')))
            key.truncate(last);
    }
    if (key.isEmpty())
        key = QStringLiteral("item");
    QString candidate = key;
    for (int n = 2; taken.contains(candidate, Qt::CaseInsensitive); ++n)
        candidate = key + QLatin1Char('-') + QString::number(n);
    return candidate;
}

QString checkKeyFrom(const QString& statement, const QStringList& taken)
{
    // "Check that every script ends with GO" → "every-script-ends-with-go": the lead-in says nothing.
    static const QRegularExpression leadIn(
        QStringLiteral("^\\s*(check|verify|ensure|confirm)(\\s+that)?\\b[\\s:,]*"),
        QRegularExpression::CaseInsensitiveOption);
    QString rest = statement;
    rest.remove(leadIn);
    return makeKey(rest.trimmed().isEmpty() ? statement : rest, taken);
}

} // namespace stable
