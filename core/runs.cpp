// Runs: proof of one execution of a published revision, with items frozen from it.
#include "runs.h"
#include "runrecords.h"

#include "audit.h"
#include "fieldbounds.h"
#include "ids.h"
#include "incidents.h"
#include "library.h"
#include "process.h"
#include "revisions.h"
#include "sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace stable {

namespace {

const QString runColumns = QStringLiteral("r.id, r.stream_id, s.key, s.name, r.revision_id, v.number, "
                                          "r.title, r.kind, r.planned_start, r.rollback_point, "
                                          "r.status, r.started_at, r.closed_at, r.lessons, (SELECT count(*) "
                                          "FROM run_item i WHERE i.run_id = r.id)");
const QString runTables =
    QStringLiteral(" FROM run r JOIN stream s ON s.id = r.stream_id JOIN revision v ON v.id = r.revision_id");

Run runFrom(const QSqlQuery& q)
{
    Run run;
    run.id = q.value(0).toString();
    run.streamId = q.value(1).toString();
    run.streamKey = q.value(2).toString();
    run.streamName = q.value(3).toString();
    run.revisionId = q.value(4).toString();
    run.revisionNumber = q.value(5).toInt();
    run.title = q.value(6).toString();
    run.kind = parseRunKind(q.value(7).toString()).value_or(RunKind::Release);
    run.plannedStart = q.value(8).toString();
    run.rollbackPoint = q.value(9).toString();
    run.status = parseRunStatus(q.value(10).toString()).value_or(RunStatus::Open);
    run.startedAt = q.value(11).toString();
    run.closedAt = q.value(12).toString();
    run.lessons = q.value(13).toString();
    run.itemCount = q.value(14).toInt();
    return run;
}


// The frozen items, hashed into the run's audit event so that an edited item is found by verify.
QJsonArray itemsJson(const QList<RunItem>& items)
{
    QJsonArray array;
    for (const RunItem& item : items)
        array.append(QJsonObject{{QStringLiteral("id"), item.id},
                                 {QStringLiteral("position"), item.position},
                                 {QStringLiteral("step_id"), item.stepId},
                                 {QStringLiteral("step_key"), item.stepKey},
                                 {QStringLiteral("step_name"), item.stepName},
                                 {QStringLiteral("check_id"), item.checkId},
                                 {QStringLiteral("check_key"), item.checkKey},
                                 {QStringLiteral("statement"), item.statement},
                                 {QStringLiteral("stage"), toText(item.stage)},
                                 {QStringLiteral("critical"), item.critical}});
    return array;
}

// Attestations of the given runs with their voids and signers, grouped by item id, in recorded order.
Result<QHash<QString, QList<Attestation>>> attestationsOf(Library& library, const QString& runId)
{
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT a.id, a.run_id, a.item_id, a.attempt, a.outcome, a.signer_id, p.initials, "
                       "p.name, a.meaning, a.signed_at, a.recorded_at, a.note, a.evidence, a.hash, "
                       "v.id, v.reason, v.voided_by, vp.name, v.voided_at "
                       "FROM attestation a JOIN person p ON p.id = a.signer_id "
                       "LEFT JOIN attestation_void v ON v.attestation_id = a.id "
                       "LEFT JOIN person vp ON vp.id = v.voided_by "
                       "WHERE a.run_id = ? ORDER BY a.rowid"),
        {runId});
    if (!query.ok())
        return query.error();
    QHash<QString, QList<Attestation>> byItem;
    while (query->next()) {
        Attestation a;
        a.id = query->value(0).toString();
        a.runId = query->value(1).toString();
        a.itemId = query->value(2).toString();
        a.attempt = query->value(3).toInt();
        a.outcome = parseOutcome(query->value(4).toString()).value_or(Outcome::Fail);
        a.signerId = query->value(5).toString();
        a.signerInitials = query->value(6).toString();
        a.signerName = query->value(7).toString();
        a.meaning = parseMeaning(query->value(8).toString()).value_or(Meaning::Performed);
        a.signedAt = query->value(9).toString();
        a.recordedAt = query->value(10).toString();
        a.note = query->value(11).toString();
        a.evidence = query->value(12).toString();
        a.hash = query->value(13).toString();
        a.voidId = query->value(14).toString();
        a.voided = !a.voidId.isEmpty();
        a.voidReason = query->value(15).toString();
        a.voidedBy = query->value(16).toString();
        a.voidedByName = query->value(17).toString();
        a.voidedAt = query->value(18).toString();
        byItem[a.itemId].append(a);
    }
    return byItem;
}

Result<QList<RunItem>> itemsOf(Library& library, const QString& runId)
{
    auto items = loadFrozenItems(library, runId);
    if (!items.ok())
        return items.error();
    auto attestations = attestationsOf(library, runId);
    if (!attestations.ok())
        return attestations.error();
    for (RunItem& item : items.value()) {
        item.attestations = attestations->value(item.id);
        item.state = deriveItemState(item, &item.attempt);
    }
    return items;
}

void countProgress(Run& run)
{
    run.finalCount = 0;
    run.failedCount = 0;
    for (const RunItem& item : std::as_const(run.items)) {
        if (item.state == ItemState::Passed || item.state == ItemState::NotApplicable)
            ++run.finalCount;
        else if (item.state == ItemState::Failed)
            ++run.failedCount;
    }
}

} // namespace

QJsonObject runJson(const Run& run)
{
    return QJsonObject{{QStringLiteral("id"), run.id},
                       {QStringLiteral("stream_id"), run.streamId},
                       {QStringLiteral("revision_id"), run.revisionId},
                       {QStringLiteral("title"), run.title},
                       {QStringLiteral("kind"), toText(run.kind)},
                       {QStringLiteral("planned_start"), run.plannedStart},
                       {QStringLiteral("rollback_point"), run.rollbackPoint},
                       {QStringLiteral("status"), toText(run.status)},
                       {QStringLiteral("started_at"), run.startedAt},
                       {QStringLiteral("closed_at"), run.closedAt},
                       {QStringLiteral("lessons"), run.lessons}};
}

Result<Run> startRun(Library& library, const StartRun& request)
{
    const QString title = request.title.simplified();
    if (title.isEmpty())
        return invalid(QStringLiteral("A run needs a title (e.g. ‘Release 4.2.0’)."));
    STABLE_TRY(checkName(QStringLiteral("The run title"), title));
    if (request.plannedStart && request.rollbackPoint && *request.rollbackPoint < *request.plannedStart)
        return invalid(QStringLiteral("The rollback point (%1) is before the planned start (%2).")
                           .arg(isoUtc(*request.rollbackPoint), isoUtc(*request.plannedStart)));
    auto streamId = resolveStream(library, request.stream);
    if (!streamId.ok())
        return streamId.error();
    auto revision = loadRevision(library, streamId.value(), request.revision);
    if (!revision.ok()) {
        if (request.revision == 0 && revision.kind() == ErrorKind::NotFound)
            return refused(
                QStringLiteral("‘%1’ has no published revision yet; publish it before starting a run.")
                    .arg(request.stream));
        return revision.error();
    }

    Run run;
    run.id = newId();
    run.streamId = streamId.value();
    run.streamKey = revision->snapshot.key;
    run.streamName = revision->snapshot.name;
    run.revisionId = revision->id;
    run.revisionNumber = revision->number;
    run.title = title;
    run.kind = request.kind;
    run.plannedStart = request.plannedStart ? isoUtc(*request.plannedStart) : QString();
    run.rollbackPoint = request.rollbackPoint ? isoUtc(*request.rollbackPoint) : QString();
    run.status = RunStatus::Open;
    run.startedAt = isoUtc(library.clock().now());
    int position = 0;
    for (const Step& step : revision->snapshot.steps) {
        for (const QualityCheck& check : step.checks) {
            RunItem item;
            item.id = newId();
            item.runId = run.id;
            item.position = position++;
            item.stepId = step.id;
            item.stepKey = step.key;
            item.stepName = step.name;
            item.checkId = check.id;
            item.checkKey = check.key;
            item.statement = check.statement;
            item.stage = check.stage;
            item.critical = check.critical;
            run.items.append(item);
        }
    }
    run.itemCount = static_cast<int>(run.items.size());

    WriteTransaction transaction(library, Change::Runs);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(execSql(
        transaction.db(),
        QStringLiteral("INSERT INTO run (id, stream_id, revision_id, title, kind, planned_start, "
                       "rollback_point, status, started_at) VALUES (?,?,?,?,?,?,?,?,?)"),
        {run.id, run.streamId, run.revisionId, run.title, toText(run.kind), nullIfEmpty(run.plannedStart),
         nullIfEmpty(run.rollbackPoint), toText(run.status), run.startedAt}));
    for (const RunItem& item : std::as_const(run.items)) {
        STABLE_TRY(execSql(
            transaction.db(),
            QStringLiteral("INSERT INTO run_item (id, run_id, position, step_id, step_key, step_name, "
                           "check_id, check_key, statement, stage, critical) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
            {item.id, run.id, item.position, item.stepId, item.stepKey, item.stepName, item.checkId,
             item.checkKey, item.statement, toText(item.stage), item.critical ? 1 : 0}));
    }
    QJsonObject after = runJson(run);
    after.insert(QStringLiteral("items_hash"), runItemsHash(run.items));
    STABLE_TRY(appendAudit(
        transaction,
        AuditEntry{QStringLiteral("run.start"), QStringLiteral("run"), run.id, {}, after, {}, {}}));
    STABLE_TRY(transaction.commit());
    return run;
}

QString runItemsHash(const QList<RunItem>& items)
{
    return sha256Hex(QJsonDocument(itemsJson(items)).toJson(QJsonDocument::Compact));
}

Result<Run> closeRun(Library& library, const CloseRun& request)
{
    auto loaded = loadRun(library, request.run);
    if (!loaded.ok())
        return loaded.error();
    Run run = loaded.value();
    if (run.status != RunStatus::Open)
        return refused(QStringLiteral("Run ‘%1’ is already %2.").arg(run.title, toText(run.status)));
    if (!request.rolledBack) {
        QStringList unfinished;
        for (const RunItem& item : std::as_const(run.items))
            if (item.state != ItemState::Passed && item.state != ItemState::NotApplicable)
                unfinished << QStringLiteral("%1 (%2)").arg(item.ref(), toText(item.state));
        if (!unfinished.isEmpty()) {
            // The first five by name and how many more, so that the sentence ends in a full stop, not
            // in ", …." after a list that was cut.
            const int shown = std::min(static_cast<int>(unfinished.size()), 5);
            const int more = static_cast<int>(unfinished.size()) - shown;
            return refused(
                QStringLiteral("Run ‘%1’ cannot complete: %2 of %3 items %4 not passed or n/a yet: %5%6. "
                               "Sign them, or close the run as rolled back.")
                    .arg(run.title)
                    .arg(unfinished.size())
                    .arg(run.items.size())
                    .arg(unfinished.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"),
                         unfinished.mid(0, shown).join(QStringLiteral(", ")),
                         more > 0 ? QStringLiteral(" and %1 more").arg(more) : QString()));
        }
    }
    const QJsonObject before = runJson(run);
    run.status = request.rolledBack ? RunStatus::RolledBack : RunStatus::Completed;
    run.closedAt = isoUtc(library.clock().now());
    run.lessons = request.lessons.trimmed();
    STABLE_TRY(checkText(QStringLiteral("The lessons learned"), run.lessons, bounds::document, Lines::Many));

    WriteTransaction transaction(library, Change::Runs | Change::Incidents);
    STABLE_TRY(transaction.begin());
    auto updated = execSql(transaction.db(),
                           QStringLiteral("UPDATE run SET status = ?, closed_at = ?, lessons = ? "
                                          "WHERE id = ? AND status = 'open'"),
                           {toText(run.status), run.closedAt, run.lessons, run.id});
    if (!updated.ok())
        return updated.error();
    if (updated->numRowsAffected() != 1)
        return refused(QStringLiteral("Run ‘%1’ was closed meanwhile by someone else.").arg(run.title));
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("run.close"),
                                                   QStringLiteral("run"),
                                                   run.id,
                                                   before,
                                                   runJson(run),
                                                   run.lessons,
                                                   {}}));
    STABLE_TRY(updateIncidentVerification(transaction));
    STABLE_TRY(transaction.commit());
    return run;
}

Result<Run> findRun(Library& library, const QString& runId)
{
    auto query = selectRecord(
        library.db(), QStringLiteral("SELECT ") + runColumns + runTables + QStringLiteral(" WHERE r.id = ?"),
        {runId.trimmed().toLower()}, QStringLiteral("No run with id ‘%1’.").arg(runId.trimmed()));
    if (!query.ok())
        return query.error();
    return runFrom(query.value());
}

Result<Run> loadRun(Library& library, const QString& runId)
{
    auto found = findRun(library, runId);
    if (!found.ok())
        return found.error();
    Run run = found.value();
    auto items = itemsOf(library, run.id);
    if (!items.ok())
        return items.error();
    run.items = items.value();
    countProgress(run);
    return run;
}

const QString frozenItemColumns = QStringLiteral(
    "run_id, id, position, step_id, step_key, step_name, check_id, check_key, statement, stage, critical");

RunItem frozenItemFrom(const QSqlQuery& query)
{
    RunItem item;
    item.runId = query.value(0).toString();
    item.id = query.value(1).toString();
    item.position = query.value(2).toInt();
    item.stepId = query.value(3).toString();
    item.stepKey = query.value(4).toString();
    item.stepName = query.value(5).toString();
    item.checkId = query.value(6).toString();
    item.checkKey = query.value(7).toString();
    item.statement = query.value(8).toString();
    item.stage = parseStage(query.value(9).toString()).value_or(Stage::Exit);
    item.critical = query.value(10).toBool();
    return item;
}

Result<QList<RunItem>> loadFrozenItems(Library& library, const QString& runId)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT ") + frozenItemColumns +
                             QStringLiteral(" FROM run_item WHERE run_id = ? ORDER BY position"),
                         {runId});
    if (!query.ok())
        return query.error();
    QList<RunItem> items;
    while (query->next())
        items.append(frozenItemFrom(query.value()));
    return items;
}

Result<QList<Run>> listRuns(Library& library, const RunFilter& filter)
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!filter.stream.isEmpty()) {
        auto streamId = resolveStream(library, filter.stream);
        if (!streamId.ok())
            return streamId.error();
        where += QStringLiteral(" AND r.stream_id = ?");
        binds << streamId.value();
    }
    if (filter.status) {
        where += QStringLiteral(" AND r.status = ?");
        binds << toText(*filter.status);
    }
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT ") + runColumns + runTables + where +
                             QStringLiteral(" ORDER BY r.started_at, r.rowid"),
                         binds);
    if (!query.ok())
        return query.error();
    QList<Run> runs;
    while (query->next())
        runs.append(runFrom(query.value()));
    query->finish();
    for (Run& run : runs) {
        if (run.status == RunStatus::Completed) {
            run.finalCount = run.itemCount; // completion required every item to be final
            continue;
        }
        auto items = itemsOf(library, run.id);
        if (!items.ok())
            return items.error();
        run.items = items.value();
        countProgress(run);
        run.items.clear();
    }
    return runs;
}

} // namespace stable
