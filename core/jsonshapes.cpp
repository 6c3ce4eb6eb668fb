// The JSON shapes of DESIGN.md §6. Scripts rely on them: keys may be added, never renamed or dropped.
#include "jsonshapes.h"

namespace stable {

namespace {

// Optional moments and references are null rather than "" so that a script can test for them.
QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject personToJson(const Person& person)
{
    return QJsonObject{{QStringLiteral("id"), person.id},
                       {QStringLiteral("name"), person.name},
                       {QStringLiteral("initials"), person.initials},
                       {QStringLiteral("role"), person.role},
                       {QStringLiteral("locked"), person.locked},
                       {QStringLiteral("active"), person.active}};
}

QJsonObject runSummaryToJson(const Run& run)
{
    return QJsonObject{{QStringLiteral("id"), run.id},
                       {QStringLiteral("title"), run.title},
                       {QStringLiteral("stream"), run.streamKey},
                       {QStringLiteral("revision"), run.revisionNumber},
                       {QStringLiteral("status"), toText(run.status)},
                       {QStringLiteral("kind"), toText(run.kind)},
                       {QStringLiteral("started_at"), run.startedAt},
                       {QStringLiteral("closed_at"), textOrNull(run.closedAt)},
                       {QStringLiteral("planned_start"), textOrNull(run.plannedStart)},
                       {QStringLiteral("rollback_point"), textOrNull(run.rollbackPoint)}};
}

QJsonObject attestationToJson(const Attestation& attestation)
{
    QJsonObject object{{QStringLiteral("id"), attestation.id},
                       {QStringLiteral("outcome"), toText(attestation.outcome)},
                       {QStringLiteral("signer"), attestation.signerInitials},
                       {QStringLiteral("signer_name"), attestation.signerName},
                       {QStringLiteral("meaning"), toText(attestation.meaning)},
                       {QStringLiteral("at"), attestation.signedAt},
                       {QStringLiteral("note"), attestation.note},
                       {QStringLiteral("evidence"), attestation.evidence},
                       {QStringLiteral("voided"), attestation.voided},
                       {QStringLiteral("hash"), attestation.hash},
                       {QStringLiteral("attempt"), attestation.attempt},
                       {QStringLiteral("recorded_at"), attestation.recordedAt}};
    if (attestation.voided) {
        object.insert(QStringLiteral("void_id"), attestation.voidId);
        object.insert(QStringLiteral("void_reason"), attestation.voidReason);
        object.insert(QStringLiteral("voided_by"), attestation.voidedBy);
        object.insert(QStringLiteral("voided_by_name"), attestation.voidedByName);
        object.insert(QStringLiteral("voided_at"), attestation.voidedAt);
    }
    return object;
}

QJsonObject runToJson(const Run& run)
{
    QJsonObject object = runSummaryToJson(run);
    object.insert(QStringLiteral("lessons"), run.lessons);
    QJsonArray items;
    for (const RunItem& item : run.items) {
        QJsonArray attestations;
        for (const Attestation& attestation : item.attestations)
            attestations.append(attestationToJson(attestation));
        items.append(QJsonObject{{QStringLiteral("ref"), item.ref()},
                                 {QStringLiteral("statement"), item.statement},
                                 {QStringLiteral("stage"), toText(item.stage)},
                                 {QStringLiteral("critical"), item.critical},
                                 {QStringLiteral("state"), toText(item.state)},
                                 {QStringLiteral("attestations"), attestations},
                                 {QStringLiteral("id"), item.id},
                                 {QStringLiteral("step_name"), item.stepName},
                                 {QStringLiteral("attempt"), item.attempt}});
    }
    object.insert(QStringLiteral("items"), items);
    return object;
}

QJsonObject incidentToJson(const Incident& incident)
{
    return QJsonObject{{QStringLiteral("id"), incident.id},
                       {QStringLiteral("key"), incident.key()},
                       {QStringLiteral("title"), incident.title},
                       {QStringLiteral("what_happened"), incident.whatHappened},
                       {QStringLiteral("stream"), incident.streamKey},
                       {QStringLiteral("detected"), textOrNull(incident.detectedStepKey)},
                       {QStringLiteral("injected"), textOrNull(incident.injectedStepKey)},
                       {QStringLiteral("run"), textOrNull(incident.runId)},
                       {QStringLiteral("severity"), incident.severity},
                       {QStringLiteral("category"), incident.category},
                       {QStringLiteral("occurred_at"), incident.occurredAt},
                       {QStringLiteral("created_at"), incident.createdAt},
                       {QStringLiteral("recurrence_of"), textOrNull(incident.recurrenceOfKey)},
                       {QStringLiteral("whys"), QJsonArray::fromStringList(incident.whys)},
                       {QStringLiteral("root_cause"), incident.rootCause},
                       {QStringLiteral("status"), toText(incident.status)},
                       {QStringLiteral("analysed_at"), textOrNull(incident.analysedAt)},
                       {QStringLiteral("prevented_at"), textOrNull(incident.preventedAt)},
                       {QStringLiteral("verified_at"), textOrNull(incident.verifiedAt)}};
}

} // namespace stable
