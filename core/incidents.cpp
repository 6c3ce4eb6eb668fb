// Incidents: a defect that escaped, traced to the step where it was injected, analysed with the five
// whys, and answered by a check at that step (prevention over inspection).
#include "incidents.h"

#include "audit.h"
#include "fieldbounds.h"
#include "ids.h"
#include "library.h"
#include "rework.h"
#include "runs.h"
#include "sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace stable {

namespace {

constexpr int maxWhys = 5;

const QString incidentSelect = QStringLiteral(
    "SELECT i.id, i.number, i.title, i.what_happened, i.stream_id, s.key, i.detected_step_id, ds.key, "
    "i.injected_step_id, js.key, i.run_id, i.severity, i.category, i.occurred_at, i.created_at, "
    "i.recurrence_of_id, ro.number, i.root_cause, i.status, i.analysed_at, i.prevented_at, i.verified_at "
    "FROM incident i JOIN stream s ON s.id = i.stream_id "
    "LEFT JOIN step ds ON ds.id = i.detected_step_id LEFT JOIN step js ON js.id = i.injected_step_id "
    "LEFT JOIN incident ro ON ro.id = i.recurrence_of_id");

Incident incidentFrom(const QSqlQuery& q)
{
    Incident incident;
    incident.id = q.value(0).toString();
    incident.number = q.value(1).toInt();
    incident.title = q.value(2).toString();
    incident.whatHappened = q.value(3).toString();
    incident.streamId = q.value(4).toString();
    incident.streamKey = q.value(5).toString();
    incident.detectedStepId = q.value(6).toString();
    incident.detectedStepKey = q.value(7).toString();
    incident.injectedStepId = q.value(8).toString();
    incident.injectedStepKey = q.value(9).toString();
    incident.runId = q.value(10).toString();
    incident.severity = q.value(11).toInt();
    incident.category = q.value(12).toString();
    incident.occurredAt = q.value(13).toString();
    incident.createdAt = q.value(14).toString();
    incident.recurrenceOfId = q.value(15).toString();
    if (!q.value(16).isNull())
        incident.recurrenceOfKey = incidentKey(q.value(16).toInt());
    incident.rootCause = q.value(17).toString();
    incident.status = parseIncidentStatus(q.value(18).toString()).value_or(IncidentStatus::Open);
    incident.analysedAt = q.value(19).toString();
    incident.preventedAt = q.value(20).toString();
    incident.verifiedAt = q.value(21).toString();
    return incident;
}

// The audit view: the row with its whys, which belong to it.
QJsonObject incidentJson(const Incident& incident)
{
    return QJsonObject{{QStringLiteral("id"), incident.id},
                       {QStringLiteral("number"), incident.number},
                       {QStringLiteral("title"), incident.title},
                       {QStringLiteral("what_happened"), incident.whatHappened},
                       {QStringLiteral("stream_id"), incident.streamId},
                       {QStringLiteral("detected_step_id"), incident.detectedStepId},
                       {QStringLiteral("injected_step_id"), incident.injectedStepId},
                       {QStringLiteral("run_id"), incident.runId},
                       {QStringLiteral("severity"), incident.severity},
                       {QStringLiteral("category"), incident.category},
                       {QStringLiteral("occurred_at"), incident.occurredAt},
                       {QStringLiteral("created_at"), incident.createdAt},
                       {QStringLiteral("recurrence_of_id"), incident.recurrenceOfId},
                       {QStringLiteral("whys"), QJsonArray::fromStringList(incident.whys)},
                       {QStringLiteral("root_cause"), incident.rootCause},
                       {QStringLiteral("status"), toText(incident.status)},
                       {QStringLiteral("analysed_at"), incident.analysedAt},
                       {QStringLiteral("prevented_at"), incident.preventedAt},
                       {QStringLiteral("verified_at"), incident.verifiedAt}};
}

// Whys of the incidents a WHERE clause over `i` selects, by incident id, in order.
Result<QHash<QString, QStringList>> whysWhere(Library& library, const QString& where,
                                              const QVariantList& binds)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT w.incident_id, w.text FROM incident_why w "
                                        "JOIN incident i ON i.id = w.incident_id ") +
                             where + QStringLiteral(" ORDER BY w.incident_id, w.position"),
                         binds);
    if (!query.ok())
        return query.error();
    QHash<QString, QStringList> whys;
    while (query->next())
        whys[query->value(0).toString()].append(query->value(1).toString());
    return whys;
}

Result<Incident> loadById(Library& library, const QString& id)
{
    auto query = selectRecord(library.db(), incidentSelect + QStringLiteral(" WHERE i.id = ?"), {id},
                              QStringLiteral("No incident with id ‘%1’.").arg(id));
    if (!query.ok())
        return query.error();
    Incident incident = incidentFrom(query.value());
    query->finish();
    auto whys = whysWhere(library, QStringLiteral("WHERE i.id = ?"), {id});
    if (!whys.ok())
        return whys.error();
    incident.whys = whys->value(id);
    return incident;
}

Result<QString> streamKeyOf(Library& library, const QString& streamId)
{
    auto query = selectRecord(library.db(), QStringLiteral("SELECT key FROM stream WHERE id = ?"), {streamId},
                              QStringLiteral("No value stream with id ‘%1’.").arg(streamId));
    if (!query.ok())
        return query.error();
    return query->value(0).toString();
}

// A run named by an incident must exist and be a run of the incident's stream.
Status checkRunOfStream(Library& library, const QString& runId, const QString& streamId,
                        const QString& streamKey)
{
    auto run = findRun(library, runId);
    if (!run.ok())
        return run.error();
    if (run->streamId != streamId)
        return invalid(QStringLiteral("Run ‘%1’ is a run of ‘%2’, not of ‘%3’.")
                           .arg(run->title, run->streamKey, streamKey));
    return success();
}

} // namespace

Status checkIncidentText(const Incident& incident)
{
    STABLE_TRY(checkName(QStringLiteral("The title of an incident"), incident.title));
    STABLE_TRY(checkText(QStringLiteral("What happened"), incident.whatHappened, bounds::document, Lines::Many));
    return checkName(QStringLiteral("The category of an incident"), incident.category);
}

Result<Incident> addIncident(Library& library, const NewIncident& request)
{
    Incident incident;
    incident.title = request.title.simplified();
    if (incident.title.isEmpty())
        return invalid(QStringLiteral("An incident needs a title that says what went wrong."));
    if (request.severity < 1 || request.severity > 10)
        return invalid(QStringLiteral("Severity must be from 1 to 10 (got %1).").arg(request.severity));
    const QDateTime now = library.clock().now();
    const QDateTime occurred = request.occurred.value_or(now);
    if (!occurred.isValid())
        return invalid(QStringLiteral("The moment the incident occurred is not a valid time."));
    if (occurred > now)
        return invalid(QStringLiteral("An incident cannot have occurred in the future (%1; it is now %2).")
                           .arg(isoUtc(occurred), isoUtc(now)));
    incident.whatHappened = request.whatHappened.trimmed();
    incident.severity = request.severity;
    incident.category = request.category.simplified();
    incident.occurredAt = isoUtc(occurred);
    incident.createdAt = isoUtc(now);
    STABLE_TRY(checkIncidentText(incident));

    auto streamId = resolveStream(library, request.stream.trimmed());
    if (!streamId.ok())
        return streamId.error();
    incident.streamId = streamId.value();
    auto streamKey = streamKeyOf(library, incident.streamId);
    if (!streamKey.ok())
        return streamKey.error();
    if (!request.detectedStep.trimmed().isEmpty()) {
        auto step = resolveStep(library, request.stream.trimmed(), request.detectedStep.trimmed());
        if (!step.ok())
            return step.error();
        incident.detectedStepId = step.value();
    }
    if (!request.injectedStep.trimmed().isEmpty()) {
        auto step = resolveStep(library, request.stream.trimmed(), request.injectedStep.trimmed());
        if (!step.ok())
            return step.error();
        incident.injectedStepId = step.value();
    }
    if (!request.run.trimmed().isEmpty()) {
        incident.runId = request.run.trimmed().toLower();
        STABLE_TRY(checkRunOfStream(library, incident.runId, incident.streamId, streamKey.value()));
    }
    if (!request.recurrenceOf.trimmed().isEmpty()) {
        auto earlier = loadIncident(library, request.recurrenceOf);
        if (!earlier.ok())
            return earlier.error();
        if (earlier->streamId != incident.streamId)
            return invalid(
                QStringLiteral(
                    "%1 happened in ‘%2’; a recurrence must be in the same value stream, not ‘%3’.")
                    .arg(earlier->key(), earlier->streamKey, streamKey.value()));
        incident.recurrenceOfId = earlier->id;
    }

    incident.id = newId();
    WriteTransaction transaction(library, Change::Incidents);
    STABLE_TRY(transaction.begin());
    // Numbered inside the write lock, so that two people recording at once get different keys.
    auto next =
        execSql(transaction.db(), QStringLiteral("SELECT coalesce(max(number), 0) + 1 FROM incident"));
    if (!next.ok())
        return next.error();
    if (!next->next())
        return storageError(QStringLiteral("The next incident number could not be read."));
    incident.number = next->value(0).toInt();
    next->finish();
    STABLE_TRY(execSql(
        transaction.db(),
        QStringLiteral("INSERT INTO incident (id, number, title, what_happened, stream_id, detected_step_id, "
                       "injected_step_id, run_id, severity, category, occurred_at, created_at, "
                       "recurrence_of_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {incident.id, incident.number, incident.title, incident.whatHappened, incident.streamId,
         nullIfEmpty(incident.detectedStepId), nullIfEmpty(incident.injectedStepId),
         nullIfEmpty(incident.runId), incident.severity, incident.category, incident.occurredAt,
         incident.createdAt, nullIfEmpty(incident.recurrenceOfId)}));
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("incident.add"),
                                                   QStringLiteral("incident"),
                                                   incident.id,
                                                   {},
                                                   incidentJson(incident),
                                                   {},
                                                   {}}));
    STABLE_TRY(transaction.commit());
    return loadById(library, incident.id);
}

Result<Incident> analyseIncident(Library& library, const QString& incidentRef, const QStringList& whys,
                                 const QString& rootCause)
{
    auto loaded = loadIncident(library, incidentRef);
    if (!loaded.ok())
        return loaded.error();
    Incident incident = loaded.value();
    if (incident.status == IncidentStatus::Prevented || incident.status == IncidentStatus::Verified)
        return refused(
            QStringLiteral("%1 is already %2: its analysis is part of the record and cannot change.")
                .arg(incident.key(), toText(incident.status)));
    QStringList answers;
    for (const QString& why : whys)
        if (!why.trimmed().isEmpty())
            answers << why.trimmed();
    if (answers.isEmpty())
        return invalid(QStringLiteral("Analysing %1 needs at least one why.").arg(incident.key()));
    if (answers.size() > maxWhys)
        return invalid(
            QStringLiteral("Five whys at most: %1 was given %2.").arg(incident.key()).arg(answers.size()));
    for (qsizetype i = 0; i < answers.size(); ++i)
        STABLE_TRY(checkText(QStringLiteral("Why %1 of %2").arg(i + 1).arg(incident.key()), answers.at(i),
                             bounds::statement, Lines::Many));
    const QString cause = rootCause.trimmed();
    if (cause.isEmpty())
        return invalid(QStringLiteral("Analysing %1 needs its root cause.").arg(incident.key()));
    STABLE_TRY(checkText(QStringLiteral("The root cause of %1").arg(incident.key()), cause, bounds::statement,
                         Lines::Many));
    if (incident.status == IncidentStatus::Analysed && incident.whys == answers &&
        incident.rootCause == cause)
        return incident; // nothing changes, so nothing is recorded

    const QJsonObject before = incidentJson(incident);
    incident.whys = answers;
    incident.rootCause = cause;
    incident.status = IncidentStatus::Analysed;
    incident.analysedAt = isoUtc(library.clock().now());

    WriteTransaction transaction(library, Change::Incidents);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(execSql(
        transaction.db(),
        QStringLiteral("UPDATE incident SET root_cause = ?, status = ?, analysed_at = ? WHERE id = ?"),
        {incident.rootCause, toText(incident.status), incident.analysedAt, incident.id}));
    STABLE_TRY(execSql(transaction.db(), QStringLiteral("DELETE FROM incident_why WHERE incident_id = ?"),
                       {incident.id}));
    for (int position = 0; position < answers.size(); ++position)
        STABLE_TRY(
            execSql(transaction.db(),
                    QStringLiteral("INSERT INTO incident_why (incident_id, position, text) VALUES (?,?,?)"),
                    {incident.id, position + 1, answers[position]}));
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("incident.analyse"),
                                                   QStringLiteral("incident"),
                                                   incident.id,
                                                   before,
                                                   incidentJson(incident),
                                                   {},
                                                   {}}));
    STABLE_TRY(transaction.commit());
    return incident;
}

Result<QualityCheck> improveProcess(Library& library, const Improvement& improvement)
{
    auto loaded = loadIncident(library, improvement.incident);
    if (!loaded.ok())
        return loaded.error();
    const Incident incident = loaded.value();
    if (incident.injectedStepId.isEmpty())
        return refused(
            QStringLiteral("%1 does not say at which step the defect was injected; the new check belongs "
                           "there, so record the injected step first.")
                .arg(incident.key()));
    const QString statement = improvement.statement.simplified();
    if (statement.isEmpty())
        return invalid(QStringLiteral("The check that prevents %1 needs a statement.").arg(incident.key()));

    auto step = execSql(library.db(), QStringLiteral("SELECT removed FROM step WHERE id = ?"),
                        {incident.injectedStepId});
    if (!step.ok())
        return step.error();
    auto found = queryRow(step.value());
    if (!found.ok())
        return found.error();
    if (!found.value() || step->value(0).toBool())
        return refused(QStringLiteral("Step ‘%1’, where %2 was injected, is no longer in the draft of ‘%3’.")
                           .arg(incident.injectedStepKey, incident.key(), incident.streamKey));
    step->finish();

    auto keys = execSql(library.db(),
                        QStringLiteral("SELECT key FROM quality_check WHERE step_id = ? AND removed = 0"),
                        {incident.injectedStepId});
    if (!keys.ok())
        return keys.error();
    QStringList taken;
    while (keys->next())
        taken << keys->value(0).toString();
    keys->finish();

    QualityCheck check;
    check.key = improvement.key.trimmed();
    if (check.key.isEmpty()) {
        check.key = checkKeyFrom(statement, taken);
    } else {
        if (!isValidKey(check.key))
            return invalid(
                QStringLiteral("‘%1’ is not a valid check key (letters, digits, ‘-’, ‘_’ and ‘.’).")
                    .arg(check.key));
        if (taken.contains(check.key))
            return refused(QStringLiteral("Step ‘%1’ already has a check ‘%2’.")
                               .arg(incident.injectedStepKey, check.key));
    }
    check.statement = statement;
    check.stage = improvement.stage;
    check.critical = improvement.critical;
    check.guardsAgainst = incident.title;
    check.severity = incident.severity;
    check.originIncidentId = incident.id;
    auto checkId = addCheck(library, incident.injectedStepId, check);
    if (!checkId.ok())
        return checkId.error();
    check.id = checkId.value();
    return check;
}

Result<QString> resolveIncident(Library& library, const QString& keyOrId)
{
    const QString wanted = keyOrId.trimmed();
    if (wanted.isEmpty())
        return invalid(QStringLiteral("No incident was named."));
    QString shown = wanted;
    QString column;
    QVariant value;
    if (const auto number = parseIncidentKey(wanted)) {
        shown = incidentKey(*number);
        column = QStringLiteral("number");
        value = *number;
    } else if (looksLikeId(wanted.toLower())) {
        column = QStringLiteral("id");
        value = wanted.toLower();
    } else {
        return notFound(
            QStringLiteral("No incident ‘%1’ (name one by its key, like INC-7, or its id).").arg(wanted));
    }
    auto query =
        selectRecord(library.db(), QStringLiteral("SELECT id FROM incident WHERE %1 = ?").arg(column),
                     {value}, QStringLiteral("No incident ‘%1’.").arg(shown));
    if (!query.ok())
        return query.error();
    return query->value(0).toString();
}

Result<Incident> loadIncident(Library& library, const QString& keyOrId)
{
    auto id = resolveIncident(library, keyOrId);
    if (!id.ok())
        return id.error();
    return loadById(library, id.value());
}

Result<QList<Incident>> listIncidents(Library& library, const IncidentFilter& filter)
{
    QString where = QStringLiteral("WHERE 1 = 1");
    QVariantList binds;
    if (!filter.stream.trimmed().isEmpty()) {
        auto streamId = resolveStream(library, filter.stream.trimmed());
        if (!streamId.ok())
            return streamId.error();
        where += QStringLiteral(" AND i.stream_id = ?");
        binds << streamId.value();
    }
    if (filter.status) {
        where += QStringLiteral(" AND i.status = ?");
        binds << toText(*filter.status);
    }
    auto query =
        execSql(library.db(),
                incidentSelect + QLatin1Char(' ') + where + QStringLiteral(" ORDER BY i.number"), binds);
    if (!query.ok())
        return query.error();
    QList<Incident> incidents;
    while (query->next())
        incidents.append(incidentFrom(query.value()));
    query->finish();
    auto whys = whysWhere(library, where, binds);
    if (!whys.ok())
        return whys.error();
    for (Incident& incident : incidents)
        incident.whys = whys->value(incident.id);
    return incidents;
}

Status updateIncidentVerification(WriteTransaction& transaction)
{
    Library& library = transaction.library();
    auto setting = numericSetting(library, QStringLiteral("verify-after-runs"));
    if (!setting.ok())
        return setting.error();
    const int runsNeeded = std::max(1, static_cast<int>(setting.value()));

    // One row per prevented incident and closed run started since the prevention: whether a fail stands
    // (not voided) on the items the join %2 selects. Times have second resolution: a run started in the
    // second of the publication ran the published revision, so it counts.
    const QString perRun =
        QStringLiteral("SELECT i.id AS incident_id, %1 AS by_own_checks, ri.run_id, "
                       "       max(CASE WHEN a.id IS NOT NULL AND v.id IS NULL THEN 1 ELSE 0 END) AS failed "
                       "FROM incident i %2 "
                       "JOIN run r ON r.id = ri.run_id "
                       "LEFT JOIN attestation a ON a.item_id = ri.id AND a.outcome = 'fail' "
                       "LEFT JOIN attestation_void v ON v.attestation_id = a.id "
                       "WHERE i.status = 'prevented' AND r.status IN ('completed', 'rolled back') "
                       "  AND r.started_at >= i.prevented_at %3 "
                       "GROUP BY i.id, ri.run_id");
    // What proves a prevention: the items of the checks born from the incident; for an incident answered
    // without a check of its own (the revision rewrote the procedure or sharpened an existing check), every
    // item of the step where it was injected.
    const QString byOwnChecks =
        perRun.arg(QStringLiteral("1"),
                   QStringLiteral("JOIN quality_check q ON q.origin_incident_id = i.id "
                                  "JOIN run_item ri ON ri.check_id = q.id"),
                   QString());
    const QString byInjectedStep =
        perRun.arg(QStringLiteral("0"), QStringLiteral("JOIN run_item ri ON ri.step_id = i.injected_step_id"),
                   QStringLiteral("AND NOT EXISTS (SELECT 1 FROM quality_check q "
                                  "WHERE q.origin_incident_id = i.id)"));
    auto query = execSql(transaction.db(),
                         QStringLiteral("SELECT incident_id, by_own_checks, count(*) - sum(failed) FROM (") +
                             byOwnChecks + QStringLiteral(" UNION ALL ") + byInjectedStep +
                             QStringLiteral(") GROUP BY incident_id, by_own_checks "
                                            "HAVING count(*) - sum(failed) >= ?"),
                         {runsNeeded});
    if (!query.ok())
        return query.error();
    struct Proof
    {
        QString incidentId;
        bool byOwnChecks;
        int passedRuns;
    };
    QList<Proof> proven;
    while (query->next())
        proven.append({query->value(0).toString(), query->value(1).toBool(), query->value(2).toInt()});
    query->finish();

    const QString now = isoUtc(library.clock().now());
    for (const Proof& proof : std::as_const(proven)) {
        auto loaded = loadById(library, proof.incidentId);
        if (!loaded.ok())
            return loaded.error();
        Incident incident = loaded.value();
        const QJsonObject before = incidentJson(incident);
        incident.status = IncidentStatus::Verified;
        incident.verifiedAt = now;
        STABLE_TRY(
            execSql(transaction.db(),
                    QStringLiteral("UPDATE incident SET status = 'verified', verified_at = ? WHERE id = ?"),
                    {now, incident.id}));
        STABLE_TRY(appendAudit(
            transaction,
            AuditEntry{
                QStringLiteral("incident.verify"),
                QStringLiteral("incident"),
                incident.id,
                before,
                incidentJson(incident),
                (proof.byOwnChecks
                     ? QStringLiteral("The checks born from %1 passed first time in %2 closed runs since it "
                                      "was prevented.")
                           .arg(incident.key())
                     : QStringLiteral("Step ‘%1’, where %2 was injected, passed first time in %3 closed runs "
                                      "since it was prevented.")
                           .arg(incident.injectedStepKey, incident.key()))
                    .arg(proof.passedRuns),
                {}}));
    }
    if (!proven.isEmpty())
        transaction.touch(Change::Incidents);
    return success();
}

} // namespace stable
