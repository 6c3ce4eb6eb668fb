// Corrections to a recorded incident, and the record around it (rework, the answering revision) that the
// incident editor shows.
#include "incidentdetails.h"

#include "audit.h"
#include "clock.h"
#include "fieldbounds.h"
#include "library.h"
#include "runs.h"
#include "sql.h"

#include <QJsonObject>
#include <algorithm>

namespace stable {

namespace {

// The columns an update may change, as the audit event records them.
QJsonObject detailsJson(const Incident& incident)
{
    return QJsonObject{{QStringLiteral("title"), incident.title},
                       {QStringLiteral("what_happened"), incident.whatHappened},
                       {QStringLiteral("detected_step_id"), incident.detectedStepId},
                       {QStringLiteral("injected_step_id"), incident.injectedStepId},
                       {QStringLiteral("run_id"), incident.runId},
                       {QStringLiteral("severity"), incident.severity},
                       {QStringLiteral("category"), incident.category},
                       {QStringLiteral("recurrence_of_id"), incident.recurrenceOfId}};
}

// A step named by an incident must be one of its stream's (removed ones included: the incident may
// predate the removal).
Status checkStepOfStream(Library& library, const QString& stepId, const Incident& incident)
{
    if (stepId.isEmpty())
        return success();
    auto query = execSql(library.db(), QStringLiteral("SELECT stream_id FROM step WHERE id = ?"), {stepId});
    if (!query.ok())
        return query.error();
    auto found = queryRow(query.value());
    if (!found.ok())
        return found.error();
    if (!found.value())
        return notFound(QStringLiteral("No step with id ‘%1’.").arg(stepId));
    if (query->value(0).toString() != incident.streamId)
        return invalid(QStringLiteral("That step is not a step of ‘%1’, where %2 happened.")
                           .arg(incident.streamKey, incident.key()));
    return success();
}

Result<bool> hasOwnCheckOrAnswer(Library& library, const QString& incidentId)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT EXISTS (SELECT 1 FROM quality_check WHERE origin_incident_id = ?) "
                                        "OR EXISTS (SELECT 1 FROM revision_answer WHERE incident_id = ?)"),
                         {incidentId, incidentId});
    if (!query.ok())
        return query.error();
    if (!query->next())
        return storageError(QStringLiteral("Could not read what answered the incident."));
    return query->value(0).toBool();
}

} // namespace

Result<Incident> updateIncident(Library& library, const IncidentDetails& details)
{
    auto loaded = loadIncident(library, details.incident);
    if (!loaded.ok())
        return loaded.error();
    const Incident before = loaded.value();
    Incident after = before;
    after.title = details.title.simplified();
    if (after.title.isEmpty())
        return invalid(QStringLiteral("%1 needs a title that says what went wrong.").arg(before.key()));
    if (details.severity < 1 || details.severity > 10)
        return invalid(QStringLiteral("Severity must be from 1 to 10 (got %1).").arg(details.severity));
    after.whatHappened = details.whatHappened.trimmed();
    after.severity = details.severity;
    after.category = details.category.simplified();
    after.detectedStepId = details.detectedStepId.trimmed();
    after.injectedStepId = details.injectedStepId.trimmed();
    after.runId = details.runId.trimmed().toLower();
    STABLE_TRY(checkIncidentText(after));

    if (after.detectedStepId != before.detectedStepId)
        STABLE_TRY(checkStepOfStream(library, after.detectedStepId, before));
    if (after.injectedStepId != before.injectedStepId) {
        auto answered = hasOwnCheckOrAnswer(library, before.id);
        if (!answered.ok())
            return answered.error();
        if (answered.value())
            return refused(QStringLiteral("%1 was answered at step ‘%2’ already: the step where it was injected "
                                          "is part of the record and cannot change.")
                               .arg(before.key(), before.injectedStepKey));
        STABLE_TRY(checkStepOfStream(library, after.injectedStepId, before));
    }
    if (after.runId != before.runId && !after.runId.isEmpty()) {
        auto run = findRun(library, after.runId);
        if (!run.ok())
            return run.error();
        if (run->streamId != before.streamId)
            return invalid(QStringLiteral("Run ‘%1’ is a run of ‘%2’, not of ‘%3’.")
                               .arg(run->title, run->streamKey, before.streamKey));
    }
    after.recurrenceOfId.clear();
    if (!details.recurrenceOf.trimmed().isEmpty()) {
        auto earlier = loadIncident(library, details.recurrenceOf);
        if (!earlier.ok())
            return earlier.error();
        if (earlier->id != before.recurrenceOfId) {
            if (earlier->number >= before.number)
                return invalid(QStringLiteral("%1 can only recur an earlier incident, not %2.")
                                   .arg(before.key(), earlier->key()));
            if (earlier->streamId != before.streamId)
                return invalid(
                    QStringLiteral("%1 happened in ‘%2’; a recurrence must be in the same value stream, not ‘%3’.")
                        .arg(earlier->key(), earlier->streamKey, before.streamKey));
        }
        after.recurrenceOfId = earlier->id;
    }
    const QJsonObject beforeJson = detailsJson(before);
    const QJsonObject afterJson = detailsJson(after);
    if (beforeJson == afterJson)
        return before; // nothing changes, so nothing is recorded

    WriteTransaction transaction(library, Change::Incidents);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("UPDATE incident SET title = ?, what_happened = ?, detected_step_id = ?, "
                                      "injected_step_id = ?, run_id = ?, severity = ?, category = ?, "
                                      "recurrence_of_id = ? WHERE id = ?"),
                       {after.title, after.whatHappened, nullIfEmpty(after.detectedStepId),
                        nullIfEmpty(after.injectedStepId), nullIfEmpty(after.runId), after.severity,
                        after.category, nullIfEmpty(after.recurrenceOfId), after.id}));
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("incident.update"), QStringLiteral("incident"),
                                                   after.id, beforeJson, afterJson, {}, {}}));
    STABLE_TRY(transaction.commit());
    return loadIncident(library, after.id);
}

Result<QList<ReworkEntry>> reworkOfIncident(Library& library, const QString& incident)
{
    auto id = resolveIncident(library, incident);
    if (!id.ok())
        return id.error();
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT id, date, hours, kind, stream_id, step_id, run_id, note, created_at "
                                        "FROM rework WHERE incident_id = ? ORDER BY date, created_at, id"),
                         {id.value()});
    if (!query.ok())
        return query.error();
    QList<ReworkEntry> entries;
    while (query->next()) {
        ReworkEntry entry;
        entry.id = query->value(0).toString();
        entry.date = parseIsoDate(query->value(1).toString()).value_or(QDate());
        entry.hours = query->value(2).toDouble();
        entry.kind = parseReworkKind(query->value(3).toString()).value_or(ReworkKind::Other);
        entry.streamId = query->value(4).toString();
        entry.stepId = query->value(5).toString();
        entry.incidentId = id.value();
        entry.runId = query->value(6).toString();
        entry.note = query->value(7).toString();
        entry.createdAt = query->value(8).toString();
        entries.append(entry);
    }
    return entries;
}

Result<std::optional<IncidentAnswer>> answerOfIncident(Library& library, const QString& incident)
{
    auto loaded = loadIncident(library, incident);
    if (!loaded.ok())
        return loaded.error();
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT r.number, r.published_at, s.key FROM revision_answer a "
                                        "JOIN revision r ON r.id = a.revision_id JOIN stream s ON s.id = r.stream_id "
                                        "WHERE a.incident_id = ? ORDER BY r.published_at, r.number LIMIT 1"),
                         {loaded->id});
    if (!query.ok())
        return query.error();
    if (!query->next())
        return std::optional<IncidentAnswer>();
    IncidentAnswer answer;
    answer.revisionNumber = query->value(0).toInt();
    answer.publishedAt = query->value(1).toString();
    answer.streamKey = query->value(2).toString();
    const auto created = parseIsoMoment(loaded->createdAt);
    const auto published = parseIsoMoment(answer.publishedAt);
    if (created && published)
        answer.leadTimeSeconds = std::max<qint64>(0, created->secsTo(*published));
    return std::optional<IncidentAnswer>(answer);
}

} // namespace stable
