#include "revisions.h"

#include "audit.h"
#include "clock.h"
#include "domain.h"
#include "fieldbounds.h"
#include "ids.h"
#include "library.h"
#include "processjson.h"
#include "sql.h"

#include <QJsonArray>
#include <algorithm>

namespace stable {

namespace {

const QString revisionColumns = QStringLiteral(
    "r.id, r.stream_id, r.number, r.published_at, r.published_by, coalesce(p.name, ''), r.reason, "
    "r.snapshot, r.snapshot_hash, s.key FROM revision r JOIN stream s ON s.id = r.stream_id "
    "LEFT JOIN person p ON p.id = r.published_by");

struct AnsweredIncident
{
    QString id;
    int number = 0;
    QString status;
    QString preventedAt;

    QJsonObject json() const
    {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("number"), number},
                           {QStringLiteral("status"), status},
                           {QStringLiteral("prevented_at"), preventedAt}};
    }
};

// An incident named by key ("INC-7") or id, which must be about the stream being published.
Result<AnsweredIncident> findAnsweredIncident(const QSqlDatabase& db, const QString& named,
                                              const ValueStream& stream)
{
    const QString wanted = named.trimmed();
    const auto number = parseIncidentKey(wanted);
    const QString select =
        QStringLiteral("SELECT i.id, i.number, i.status, coalesce(i.prevented_at, ''), i.stream_id, "
                       "s.name FROM incident i JOIN stream s ON s.id = i.stream_id WHERE ");
    const QString missing = QStringLiteral("No incident ‘%1’.").arg(wanted);
    auto query = number ? selectRecord(db, select + QStringLiteral("i.number = ?"), {*number}, missing)
                        : selectRecord(db, select + QStringLiteral("i.id = ?"), {wanted.toLower()}, missing);
    STABLE_TRY(query);
    AnsweredIncident incident{query->value(0).toString(), query->value(1).toInt(), query->value(2).toString(),
                              query->value(3).toString()};
    if (query->value(4).toString() != stream.id)
        return refused(
            QStringLiteral(
                "%1 is about ‘%2’, not ‘%3’: a revision answers incidents of its own value stream.")
                .arg(incidentKey(incident.number), query->value(5).toString(), stream.name));
    return incident;
}

Status checkPublishable(const ValueStream& draft)
{
    if (draft.steps.isEmpty())
        return refused(
            QStringLiteral("‘%1’ has no steps; add at least one before publishing.").arg(draft.name));
    for (const Step& step : draft.steps)
        if (step.checks.isEmpty())
            return refused(
                QStringLiteral("The step ‘%1’ has no checks; every step of ‘%2’ needs at least one before "
                               "publishing.")
                    .arg(step.name, draft.name));
    return success();
}

Result<QStringList> answerKeys(const QSqlDatabase& db, const QString& revisionId)
{
    auto query = execSql(
        db,
        QStringLiteral("SELECT i.number FROM revision_answer a JOIN incident i ON i.id = a.incident_id "
                       "WHERE a.revision_id = ? ORDER BY i.number"),
        {revisionId});
    STABLE_TRY(query);
    QStringList keys;
    while (query->next())
        keys.append(incidentKey(query->value(0).toInt()));
    return keys;
}

// Reads the revision the query is positioned on, with its answers and its snapshot parsed back.
Result<Revision> revisionFrom(const QSqlDatabase& db, const QSqlQuery& query)
{
    Revision revision;
    revision.id = query.value(0).toString();
    revision.streamId = query.value(1).toString();
    revision.number = query.value(2).toInt();
    revision.publishedAt = query.value(3).toString();
    revision.publishedBy = query.value(4).toString();
    revision.publisherName = query.value(5).toString();
    revision.reason = query.value(6).toString();
    const QString snapshot = query.value(7).toString();
    revision.snapshotHash = query.value(8).toString();
    const QString place =
        QStringLiteral("revision %1 of ‘%2’").arg(revision.number).arg(query.value(9).toString());
    if (sha256Hex(snapshot.toUtf8()) != revision.snapshotHash)
        return storageError(
            QStringLiteral("The snapshot of %1 does not match its hash: the library was changed outside "
                           "Stable. Run ‘stablectl verify’.")
                .arg(place));
    auto parsed = parseProcessJson(snapshot.toUtf8(), place);
    if (!parsed.ok())
        return storageError(QStringLiteral("A stored snapshot is damaged: %1").arg(parsed.message()));
    revision.snapshot = parsed.value();
    auto answers = answerKeys(db, revision.id);
    STABLE_TRY(answers);
    revision.answers = answers.value();
    return revision;
}

} // namespace

QString canonicalSnapshot(const ValueStream& draft)
{
    return canonicalJson(processToJson(draft, true));
}

Result<Revision> publish(Library& library, const Signer& by, const PublishRequest& request)
{
    const QString reason = request.reason.trimmed();
    if (reason.isEmpty())
        return invalid(QStringLiteral("A revision needs a reason: say what changed and why."));
    STABLE_TRY(checkText(QStringLiteral("The reason of a revision"), reason, bounds::note, Lines::Many));

    // Everything is read under the write lock: the number and the "nothing changed" test must hold at commit.
    WriteTransaction transaction(library, Changes(Change::Revisions) | Change::Streams);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = transaction.db();
    auto draft = loadDraft(library, request.stream);
    STABLE_TRY(draft);
    STABLE_TRY(checkPublishable(draft.value()));
    const QString snapshot = canonicalSnapshot(draft.value());

    auto latest = execSql(db,
                          QStringLiteral("SELECT number, snapshot FROM revision WHERE stream_id = ? "
                                         "ORDER BY number DESC LIMIT 1"),
                          {draft->id});
    STABLE_TRY(latest);
    auto hasLatest = queryRow(latest.value());
    STABLE_TRY(hasLatest);
    const int latestNumber = hasLatest.value() ? latest->value(0).toInt() : 0;
    if (hasLatest.value() && latest->value(1).toString() == snapshot)
        return refused(QStringLiteral("Nothing changed since revision %1.").arg(latestNumber));
    latest->finish();

    QList<AnsweredIncident> answered;
    QStringList answeredIds;
    for (const QString& named : request.answers) {
        auto incident = findAnsweredIncident(db, named, draft.value());
        STABLE_TRY(incident);
        if (answeredIds.contains(incident->id))
            continue;
        answeredIds.append(incident->id);
        answered.append(incident.value());
    }
    std::sort(answered.begin(), answered.end(),
              [](const AnsweredIncident& a, const AnsweredIncident& b) { return a.number < b.number; });
    answeredIds.clear();
    for (const AnsweredIncident& incident : std::as_const(answered))
        answeredIds.append(incident.id);

    Revision revision;
    revision.id = newId();
    revision.streamId = draft->id;
    revision.number = latestNumber + 1;
    revision.publishedAt = isoUtc(library.clock().now());
    revision.publishedBy = by.personId();
    revision.publisherName = by.name();
    revision.reason = reason;
    revision.snapshot = draft.value();
    revision.snapshotHash = sha256Hex(snapshot.toUtf8());

    STABLE_TRY(execSql(
        db,
        QStringLiteral("INSERT INTO revision (id, stream_id, number, published_at, published_by, reason, "
                       "snapshot, snapshot_hash) VALUES (?,?,?,?,?,?,?,?)"),
        {revision.id, revision.streamId, revision.number, revision.publishedAt, revision.publishedBy,
         revision.reason, snapshot, revision.snapshotHash}));
    for (const Step& step : std::as_const(revision.snapshot.steps))
        for (const QualityCheck& check : step.checks)
            STABLE_TRY(execSql(
                db,
                QStringLiteral("INSERT INTO revision_check (revision_id, check_id, step_id) VALUES (?,?,?)"),
                {revision.id, check.id, step.id}));
    for (const AnsweredIncident& incident : std::as_const(answered))
        STABLE_TRY(
            execSql(db, QStringLiteral("INSERT INTO revision_answer (revision_id, incident_id) VALUES (?,?)"),
                    {revision.id, incident.id}));

    const QJsonObject after{{QStringLiteral("id"), revision.id},
                            {QStringLiteral("stream_id"), revision.streamId},
                            {QStringLiteral("number"), revision.number},
                            {QStringLiteral("published_at"), revision.publishedAt},
                            {QStringLiteral("published_by"), revision.publishedBy},
                            {QStringLiteral("reason"), revision.reason},
                            {QStringLiteral("snapshot_hash"), revision.snapshotHash},
                            {QStringLiteral("answers"), QJsonArray::fromStringList(answeredIds)}};
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("revision.publish"),
                                                   QStringLiteral("revision"),
                                                   revision.id,
                                                   {},
                                                   after,
                                                   reason,
                                                   personActor(by.personId())}));

    // An incident already prevented (or verified) keeps its status: this revision answers it again.
    for (const AnsweredIncident& incident : std::as_const(answered)) {
        revision.answers.append(incidentKey(incident.number));
        if (incident.status != QLatin1String("open") && incident.status != QLatin1String("analysed"))
            continue;
        AnsweredIncident prevented = incident;
        prevented.status = toText(IncidentStatus::Prevented);
        prevented.preventedAt = revision.publishedAt;
        STABLE_TRY(execSql(db,
                           QStringLiteral("UPDATE incident SET status = ?, prevented_at = ? WHERE id = ?"),
                           {prevented.status, prevented.preventedAt, incident.id}));
        STABLE_TRY(appendAudit(transaction,
                               AuditEntry{QStringLiteral("incident.prevent"), QStringLiteral("incident"),
                                          incident.id, incident.json(), prevented.json(),
                                          QStringLiteral("Answered by revision %1 of ‘%2’.")
                                              .arg(revision.number)
                                              .arg(revision.snapshot.key),
                                          personActor(by.personId())}));
        transaction.touch(Change::Incidents);
    }
    STABLE_TRY(transaction.commit());
    return revision;
}

Result<Revision> loadRevision(Library& library, const QString& stream, int number)
{
    if (number < 0)
        return invalid(QStringLiteral("There is no revision %1; revisions are numbered from 1.").arg(number));
    auto streamId = resolveStream(library, stream);
    STABLE_TRY(streamId);
    const QSqlDatabase db = library.db();
    auto query = number == 0
                     ? execSql(db,
                               QStringLiteral("SELECT ") + revisionColumns +
                                   QStringLiteral(" WHERE r.stream_id = ? ORDER BY r.number DESC LIMIT 1"),
                               {streamId.value()})
                     : execSql(db,
                               QStringLiteral("SELECT ") + revisionColumns +
                                   QStringLiteral(" WHERE r.stream_id = ? AND r.number = ?"),
                               {streamId.value(), number});
    STABLE_TRY(query);
    auto found = queryRow(query.value());
    STABLE_TRY(found);
    if (found.value())
        return revisionFrom(db, query.value());
    if (number == 0)
        return notFound(QStringLiteral("‘%1’ has no published revision yet.").arg(stream.trimmed()));
    auto latest =
        execSql(db, QStringLiteral("SELECT coalesce(max(number), 0) FROM revision WHERE stream_id = ?"),
                {streamId.value()});
    STABLE_TRY(latest);
    STABLE_TRY(queryRow(latest.value()));
    const int latestNumber = latest->value(0).toInt();
    if (latestNumber == 0)
        return notFound(QStringLiteral("‘%1’ has no published revision yet.").arg(stream.trimmed()));
    return notFound(QStringLiteral("‘%1’ has no revision %2 (the latest is %3).")
                        .arg(stream.trimmed())
                        .arg(number)
                        .arg(latestNumber));
}

Result<QList<Revision>> listRevisions(Library& library, const QString& stream)
{
    auto streamId = resolveStream(library, stream);
    STABLE_TRY(streamId);
    const QSqlDatabase db = library.db();
    auto query = execSql(db,
                         QStringLiteral("SELECT ") + revisionColumns +
                             QStringLiteral(" WHERE r.stream_id = ? ORDER BY r.number"),
                         {streamId.value()});
    STABLE_TRY(query);
    QList<Revision> revisions;
    while (query->next()) {
        auto revision = revisionFrom(db, query.value());
        STABLE_TRY(revision);
        revisions.append(revision.value());
    }
    return revisions;
}

} // namespace stable
