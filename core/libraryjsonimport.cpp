// Import of a stable-library/1 document into a new, empty library. The whole document is read and
// checked first (shapes, words, ranges, references between records, the audit chain), then written in
// one transaction exactly as it stands: the ids, times, hashes and audit events of the exporting library.
// Nothing is added to the audit log: the imported chain must verify as it was.
#include "libraryjson.h"

#include "audit.h"
#include "fieldbounds.h"
#include "jsonstrict.h"
#include "library.h"
#include "libraryimportplan.h"
#include "libraryrecords.h"
#include "rework.h"
#include "sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcLibraryImport, "stable.sql")

namespace stable {

namespace {

using namespace records;

QString at(const QString& where, const QString& key, int index)
{
    const QString path = where.isEmpty() ? key : where + QLatin1Char('.') + key;
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

// The objects of the array `key` of `object`; `optional` arrays may be absent.
Result<QList<QJsonObject>> objectsAt(const QJsonObject& object, const QString& key, const QString& where,
                                     bool optional = false)
{
    const QString path = where.isEmpty() ? key : where + QLatin1Char('.') + key;
    const auto found = object.constFind(key);
    if (found == object.constEnd()) {
        if (optional)
            return QList<QJsonObject>();
        return invalid(QStringLiteral("%1: ‘%2’ is missing.").arg(where.isEmpty() ? QStringLiteral("the document") : where, key));
    }
    if (!found.value().isArray())
        return invalid(QStringLiteral("%1 should be a list.").arg(path));
    QList<QJsonObject> objects;
    const QJsonArray array = found.value().toArray();
    for (int i = 0; i < static_cast<int>(array.size()); ++i) {
        if (!array.at(i).isObject())
            return invalid(QStringLiteral("%1 should be an object.").arg(at(where, key, i)));
        objects.append(array.at(i).toObject());
    }
    return objects;
}

Status readPorts(ImportPlan& plan, const QJsonObject& step, const QString& where, const QString& stepId, bool input)
{
    const QString key = input ? QStringLiteral("inputs") : QStringLiteral("outputs");
    const Column party{input ? QStringLiteral("supplier") : QStringLiteral("customer"), Kind::Text, 0, 0, {}};
    auto ports = objectsAt(step, key, where);
    if (!ports.ok())
        return ports.error();
    for (int i = 0; i < static_cast<int>(ports->size()); ++i) {
        const QString here = at(where, key, i);
        auto partyValue = readValue(ports->at(i), party, here);
        if (!partyValue.ok())
            return partyValue.error();
        STABLE_TRY(plan.add(portShape(), ports->at(i), here,
                            {{QStringLiteral("step_id"), stepId},
                             {QStringLiteral("direction"), input ? QStringLiteral("input") : QStringLiteral("output")},
                             {QStringLiteral("party"), partyValue.value()}}));
    }
    return success();
}

Status readChecks(ImportPlan& plan, const QJsonObject& step, const QString& key, const QString& where,
                  const QString& stepId, bool optional)
{
    auto checks = objectsAt(step, key, where, optional);
    if (!checks.ok())
        return checks.error();
    for (int i = 0; i < static_cast<int>(checks->size()); ++i) {
        const QString here = at(where, key, i);
        STABLE_TRY(plan.add(checkShape(), checks->at(i), here, {{QStringLiteral("step_id"), stepId}}));
        if (plan.last(QStringLiteral("removed")).toInt() == 0)
            STABLE_TRY(plan.unique(QStringLiteral("check key"), plan.last(QStringLiteral("key")).toString(), here, stepId));
        plan.referFromLast(QStringLiteral("origin incident"), QStringLiteral("origin_incident_id"), QStringLiteral("incident"));
    }
    return success();
}

Status readSteps(ImportPlan& plan, const QJsonObject& stream, const QString& key, const QString& where,
                 const QString& streamId)
{
    auto steps = objectsAt(stream, key, where);
    if (!steps.ok())
        return steps.error();
    for (int i = 0; i < static_cast<int>(steps->size()); ++i) {
        const QJsonObject& step = steps->at(i);
        const QString here = at(where, key, i);
        STABLE_TRY(plan.add(stepShape(), step, here, {{QStringLiteral("stream_id"), streamId}}));
        const QString stepId = plan.last(QStringLiteral("id")).toString();
        if (plan.last(QStringLiteral("removed")).toInt() == 0)
            STABLE_TRY(plan.unique(QStringLiteral("step key"), plan.last(QStringLiteral("key")).toString(), here, streamId));
        STABLE_TRY(readPorts(plan, step, here, stepId, true));
        STABLE_TRY(readPorts(plan, step, here, stepId, false));
        STABLE_TRY(readChecks(plan, step, QStringLiteral("checks"), here, stepId, false));
        STABLE_TRY(readChecks(plan, step, QStringLiteral("removed_checks"), here, stepId, true));
    }
    return success();
}

Status readRevisions(ImportPlan& plan, const QJsonObject& stream, const QString& where, const QString& streamId)
{
    auto revisions = objectsAt(stream, QStringLiteral("revisions"), where);
    if (!revisions.ok())
        return revisions.error();
    for (int i = 0; i < static_cast<int>(revisions->size()); ++i) {
        const QJsonObject& revision = revisions->at(i);
        const QString here = at(where, QStringLiteral("revisions"), i);
        // The snapshot's hash is over its text: an object is written back in the canonical compact form it
        // was exported from; a text snapshot travels verbatim.
        const QJsonValue snapshot = revision.value(QStringLiteral("snapshot"));
        QString snapshotText;
        if (snapshot.isObject())
            snapshotText = QString::fromUtf8(QJsonDocument(snapshot.toObject()).toJson(QJsonDocument::Compact));
        else if (snapshot.isString())
            snapshotText = snapshot.toString();
        else
            return invalid(QStringLiteral("%1: ‘snapshot’ should be an object.").arg(here));
        STABLE_TRY(plan.add(revisionShape(), revision, here,
                            {{QStringLiteral("stream_id"), streamId}, {QStringLiteral("snapshot"), snapshotText}}));
        const QString revisionId = plan.last(QStringLiteral("id")).toString();
        STABLE_TRY(plan.unique(QStringLiteral("revision number"), plan.last(QStringLiteral("number")).toString(), here,
                               streamId));
        plan.referFromLast(QStringLiteral("publisher"), QStringLiteral("published_by"), QStringLiteral("person"));
        plan.revisionOf(revisionId, streamId);

        const QJsonValue answers = revision.value(QStringLiteral("answers"));
        if (!answers.isArray())
            return invalid(QStringLiteral("%1: ‘answers’ should be a list of incident ids.").arg(here));
        const QJsonArray answerList = answers.toArray();
        for (int a = 0; a < static_cast<int>(answerList.size()); ++a) {
            const QString answerWhere = at(here, QStringLiteral("answers"), a);
            if (!answerList.at(a).isString())
                return invalid(QStringLiteral("%1 should be an incident id.").arg(answerWhere));
            const QString incidentId = answerList.at(a).toString();
            STABLE_TRY(plan.unique(QStringLiteral("answered incident"), incidentId, answerWhere, revisionId));
            plan.rows.append(PendingRow{QStringLiteral("revision_answer"),
                                        {QStringLiteral("revision_id"), QStringLiteral("incident_id")},
                                        {revisionId, incidentId},
                                        answerWhere});
            plan.refer(answerWhere, QStringLiteral("answered incident"), incidentId, QStringLiteral("incident"));
        }

        auto checks = objectsAt(revision, QStringLiteral("checks"), here);
        if (!checks.ok())
            return checks.error();
        const Column checkColumn{QStringLiteral("check_id"), Kind::Text, 0, 0, {}};
        const Column stepColumn{QStringLiteral("step_id"), Kind::Text, 0, 0, {}};
        for (int c = 0; c < static_cast<int>(checks->size()); ++c) {
            const QString checkWhere = at(here, QStringLiteral("checks"), c);
            auto checkId = readValue(checks->at(c), checkColumn, checkWhere);
            if (!checkId.ok())
                return checkId.error();
            auto stepId = readValue(checks->at(c), stepColumn, checkWhere);
            if (!stepId.ok())
                return stepId.error();
            STABLE_TRY(plan.unique(QStringLiteral("check"), checkId->toString(), checkWhere, revisionId));
            plan.rows.append(PendingRow{QStringLiteral("revision_check"),
                                        {QStringLiteral("revision_id"), QStringLiteral("check_id"), QStringLiteral("step_id")},
                                        {revisionId, checkId.value(), stepId.value()},
                                        checkWhere});
            plan.refer(checkWhere, QStringLiteral("check"), checkId.value(), QStringLiteral("quality_check"));
            plan.refer(checkWhere, QStringLiteral("step"), stepId.value(), QStringLiteral("step"));
        }
    }
    return success();
}

Status readStreams(ImportPlan& plan, const QJsonObject& document)
{
    auto streams = objectsAt(document, QStringLiteral("streams"), {});
    if (!streams.ok())
        return streams.error();
    for (int i = 0; i < static_cast<int>(streams->size()); ++i) {
        const QJsonObject& stream = streams->at(i);
        const QString here = at({}, QStringLiteral("streams"), i);
        STABLE_TRY(plan.add(streamShape(), stream, here));
        const QString streamId = plan.last(QStringLiteral("id")).toString();
        STABLE_TRY(plan.unique(QStringLiteral("stream key"), plan.last(QStringLiteral("key")).toString(), here));
        STABLE_TRY(readSteps(plan, stream, QStringLiteral("steps"), here, streamId));
        STABLE_TRY(readSteps(plan, stream, QStringLiteral("removed_steps"), here, streamId));
        STABLE_TRY(readRevisions(plan, stream, here, streamId));
    }
    return success();
}

Status readRuns(ImportPlan& plan, const QJsonObject& document)
{
    auto runs = objectsAt(document, QStringLiteral("runs"), {});
    if (!runs.ok())
        return runs.error();
    for (int r = 0; r < static_cast<int>(runs->size()); ++r) {
        const QString runWhere = at({}, QStringLiteral("runs"), r);
        STABLE_TRY(plan.add(runShape(), runs->at(r), runWhere));
        const QString runId = plan.last(QStringLiteral("id")).toString();
        plan.referFromLast(QStringLiteral("stream"), QStringLiteral("stream_id"), QStringLiteral("stream"));
        plan.runOnRevision(runWhere, plan.last(QStringLiteral("revision_id")).toString(),
                           plan.last(QStringLiteral("stream_id")).toString());

        auto items = objectsAt(runs->at(r), QStringLiteral("items"), runWhere);
        if (!items.ok())
            return items.error();
        for (int i = 0; i < static_cast<int>(items->size()); ++i) {
            const QString itemWhere = at(runWhere, QStringLiteral("items"), i);
            STABLE_TRY(plan.add(runItemShape(), items->at(i), itemWhere, {{QStringLiteral("run_id"), runId}}));
            const QString itemId = plan.last(QStringLiteral("id")).toString();
            STABLE_TRY(plan.unique(QStringLiteral("item"),
                                   plan.last(QStringLiteral("step_key")).toString() + QLatin1Char('/') +
                                       plan.last(QStringLiteral("check_key")).toString(),
                                   itemWhere, runId));
            plan.referFromLast(QStringLiteral("step"), QStringLiteral("step_id"), QStringLiteral("step"));
            plan.referFromLast(QStringLiteral("check"), QStringLiteral("check_id"), QStringLiteral("quality_check"));

            auto attestations = objectsAt(items->at(i), QStringLiteral("attestations"), itemWhere);
            if (!attestations.ok())
                return attestations.error();
            for (int a = 0; a < static_cast<int>(attestations->size()); ++a) {
                const QJsonObject& attestation = attestations->at(a);
                const QString where = at(itemWhere, QStringLiteral("attestations"), a);
                STABLE_TRY(plan.add(attestationShape(), attestation, where,
                                    {{QStringLiteral("run_id"), runId}, {QStringLiteral("item_id"), itemId}}));
                const QString attestationId = plan.last(QStringLiteral("id")).toString();
                plan.referFromLast(QStringLiteral("signer"), QStringLiteral("signer_id"), QStringLiteral("person"));
                if (!attestation.contains(QStringLiteral("void")))
                    continue;
                const QString voidWhere = where + QStringLiteral(".void");
                if (!attestation.value(QStringLiteral("void")).isObject())
                    return invalid(QStringLiteral("%1 should be an object.").arg(voidWhere));
                STABLE_TRY(plan.add(voidShape(), attestation.value(QStringLiteral("void")).toObject(), voidWhere,
                                    {{QStringLiteral("attestation_id"), attestationId}}));
                plan.referFromLast(QStringLiteral("voided by"), QStringLiteral("voided_by"), QStringLiteral("person"));
            }
        }
    }
    return success();
}

Status readIncidents(ImportPlan& plan, const QJsonObject& document)
{
    auto incidents = objectsAt(document, QStringLiteral("incidents"), {});
    if (!incidents.ok())
        return incidents.error();
    for (int i = 0; i < static_cast<int>(incidents->size()); ++i) {
        const QString where = at({}, QStringLiteral("incidents"), i);
        STABLE_TRY(plan.add(incidentShape(), incidents->at(i), where));
        const QString incidentId = plan.last(QStringLiteral("id")).toString();
        STABLE_TRY(plan.unique(QStringLiteral("incident number"), plan.last(QStringLiteral("number")).toString(), where));
        plan.referFromLast(QStringLiteral("stream"), QStringLiteral("stream_id"), QStringLiteral("stream"));
        plan.referFromLast(QStringLiteral("detected step"), QStringLiteral("detected_step_id"), QStringLiteral("step"));
        plan.referFromLast(QStringLiteral("injected step"), QStringLiteral("injected_step_id"), QStringLiteral("step"));
        plan.referFromLast(QStringLiteral("run"), QStringLiteral("run_id"), QStringLiteral("run"));
        plan.referFromLast(QStringLiteral("recurrence of"), QStringLiteral("recurrence_of_id"), QStringLiteral("incident"));

        auto whys = objectsAt(incidents->at(i), QStringLiteral("whys"), where);
        if (!whys.ok())
            return whys.error();
        for (int w = 0; w < static_cast<int>(whys->size()); ++w) {
            const QString whyWhere = at(where, QStringLiteral("whys"), w);
            STABLE_TRY(plan.add(whyShape(), whys->at(w), whyWhere, {{QStringLiteral("incident_id"), incidentId}}));
            STABLE_TRY(plan.unique(QStringLiteral("why position"), plan.last(QStringLiteral("position")).toString(),
                                   whyWhere, incidentId));
        }
    }
    return success();
}

Status readRecordsOf(ImportPlan& plan, const QJsonObject& document)
{
    auto people = objectsAt(document, QStringLiteral("people"), {});
    if (!people.ok())
        return people.error();
    for (int i = 0; i < static_cast<int>(people->size()); ++i) {
        const QString where = at({}, QStringLiteral("people"), i);
        STABLE_TRY(plan.add(personShape(), people->at(i), where));
        STABLE_TRY(plan.unique(QStringLiteral("initials"), plan.last(QStringLiteral("initials")).toString().toLower(), where));
    }
    STABLE_TRY(readStreams(plan, document));
    STABLE_TRY(readRuns(plan, document));
    STABLE_TRY(readIncidents(plan, document));

    auto rework = objectsAt(document, QStringLiteral("rework"), {});
    if (!rework.ok())
        return rework.error();
    for (int i = 0; i < static_cast<int>(rework->size()); ++i) {
        STABLE_TRY(plan.add(reworkShape(), rework->at(i), at({}, QStringLiteral("rework"), i)));
        plan.referFromLast(QStringLiteral("stream"), QStringLiteral("stream_id"), QStringLiteral("stream"));
        plan.referFromLast(QStringLiteral("step"), QStringLiteral("step_id"), QStringLiteral("step"));
        plan.referFromLast(QStringLiteral("incident"), QStringLiteral("incident_id"), QStringLiteral("incident"));
        plan.referFromLast(QStringLiteral("run"), QStringLiteral("run_id"), QStringLiteral("run"));
    }

    auto teamHours = objectsAt(document, QStringLiteral("team_hours"), {});
    if (!teamHours.ok())
        return teamHours.error();
    for (int i = 0; i < static_cast<int>(teamHours->size()); ++i) {
        const QString where = at({}, QStringLiteral("team_hours"), i);
        STABLE_TRY(plan.add(teamHoursShape(), teamHours->at(i), where));
        STABLE_TRY(plan.unique(QStringLiteral("month"), plan.last(QStringLiteral("month")).toString(), where));
    }

    const QJsonValue settings = document.value(QStringLiteral("settings"));
    if (!settings.isObject())
        return invalid(QStringLiteral("settings should be an object of names and values."));
    const QJsonObject settingObject = settings.toObject();
    for (auto it = settingObject.constBegin(); it != settingObject.constEnd(); ++it) {
        if (!it.value().isString())
            return invalid(QStringLiteral("settings.%1 should be text.").arg(it.key()));
        plan.rows.append(PendingRow{QStringLiteral("setting"),
                                    {QStringLiteral("key"), QStringLiteral("value")},
                                    {it.key(), it.value().toString()},
                                    QStringLiteral("settings.") + it.key()});
    }
    return success();
}

// The audit log must be a whole chain as exported: importing a changed one would only move the damage.
Status readAudit(ImportPlan& plan, const QJsonObject& document)
{
    auto events = objectsAt(document, QStringLiteral("audit"), {});
    if (!events.ok())
        return events.error();
    QString previousHash;
    for (int i = 0; i < static_cast<int>(events->size()); ++i) {
        const QString where = at({}, QStringLiteral("audit"), i);
        STABLE_TRY(plan.add(auditShape(), events->at(i), where));
        const PendingRow& row = plan.rows.constLast();
        AuditEvent event;
        event.seq = row.values.at(0).toLongLong();
        event.at = row.values.at(1).toString();
        event.actor = row.values.at(2).toString();
        event.action = row.values.at(3).toString();
        event.entity = row.values.at(4).toString();
        event.entityId = row.values.at(5).toString();
        event.before = row.values.at(6).toString();
        event.after = row.values.at(7).toString();
        event.why = row.values.at(8).toString();
        event.prevHash = row.values.at(9).toString();
        event.hash = row.values.at(10).toString();
        if (event.seq != i + 1)
            return invalid(QStringLiteral("%1: the audit log should be numbered 1, 2, 3 … without gaps (found %2 "
                                          "where %3 belongs).")
                               .arg(where)
                               .arg(event.seq)
                               .arg(i + 1));
        if (event.prevHash != previousHash || auditHash(event) != event.hash)
            return invalid(QStringLiteral("%1: audit event %2 (%3) does not match its hash: the document was changed "
                                          "after it was exported.")
                               .arg(where)
                               .arg(event.seq)
                               .arg(event.action));
        previousHash = event.hash;
    }
    return success();
}

const QStringList& libraryTables()
{
    static const QStringList tables{
        QStringLiteral("person"),       QStringLiteral("stream"),          QStringLiteral("step"),
        QStringLiteral("step_io"),      QStringLiteral("quality_check"),   QStringLiteral("incident"),
        QStringLiteral("incident_why"), QStringLiteral("revision"),        QStringLiteral("revision_answer"),
        QStringLiteral("revision_check"), QStringLiteral("run"),           QStringLiteral("run_item"),
        QStringLiteral("attestation"),  QStringLiteral("attestation_void"), QStringLiteral("rework"),
        QStringLiteral("team_hours"),   QStringLiteral("setting"),         QStringLiteral("audit_event")};
    return tables;
}

Status refuseUnlessEmpty(Library& library)
{
    for (const QString& table : libraryTables()) {
        auto query = execSql(library.db(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(table));
        if (!query.ok())
            return query.error();
        if (query->next() && query->value(0).toBool())
            return refused(QStringLiteral("‘%1’ is not empty: a library document is imported only into a new, "
                                          "empty library.")
                               .arg(library.displayName()));
    }
    return success();
}

// What the database said, in words; the driver's own text goes to the log.
QString refusalInWords(const QSqlError& error)
{
    const QString text = error.databaseText();
    qCWarning(lcLibraryImport).noquote() << "insert refused:" << text << "code" << error.nativeErrorCode();
    if (text.contains(QLatin1String("UNIQUE")))
        return QStringLiteral("a value that must be unique is repeated");
    if (text.contains(QLatin1String("FOREIGN KEY")))
        return QStringLiteral("it points at a record that does not exist");
    if (text.contains(QLatin1String("NOT NULL")))
        return QStringLiteral("a required value is missing");
    if (text.contains(QLatin1String("CHECK")))
        return QStringLiteral("a value breaks one of the library's rules");
    return QStringLiteral("the file could not take it");
}

// One prepared statement per table and column list: a large library inserts hundreds of thousands of rows.
// Every field within the bounds the domain's own writes keep (README "Field bounds"), named by its place.
Status checkBounds(const QList<PendingRow>& rows, const QDate& today)
{
    const QStringList settings = settingNames();
    for (const PendingRow& row : rows) {
        const auto placed = [&row](Error error) {
            error.message = QStringLiteral("%1: %2").arg(row.where, error.message);
            return error;
        };
        for (qsizetype i = 0; i < row.columns.size() && i < row.values.size(); ++i) {
            const Status checked = checkColumn(row.table, row.columns.at(i), row.values.at(i), today);
            if (!checked.ok())
                return placed(checked.error());
        }
        if (row.table == QLatin1String("setting") && row.values.size() == 2 &&
            settings.contains(row.values.at(0).toString())) {
            const Status checked = checkSetting(row.values.at(0).toString(), row.values.at(1).toString());
            if (!checked.ok())
                return placed(checked.error());
        }
    }
    return success();
}

Status insertAll(WriteTransaction& transaction, const QList<PendingRow>& rows, const QString& prefix)
{
    QHash<QString, QSqlQuery> statements;
    for (const PendingRow& row : rows) {
        const QString signature = row.table + QLatin1Char('(') + row.columns.join(QLatin1Char(',')) + QLatin1Char(')');
        auto statement = statements.find(signature);
        if (statement == statements.end()) {
            QSqlQuery query(transaction.db());
            QStringList marks;
            for (qsizetype i = 0; i < row.columns.size(); ++i)
                marks.append(QStringLiteral("?"));
            if (!query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(row.table, row.columns.join(QStringLiteral(", ")), marks.join(QLatin1Char(',')))))
                return storageError(QStringLiteral("%1%2: the library cannot take it (%3).")
                                        .arg(prefix, row.where, query.lastError().databaseText()));
            statement = statements.insert(signature, query);
        }
        for (int i = 0; i < static_cast<int>(row.values.size()); ++i)
            statement->bindValue(i, row.values.at(i));
        if (!statement->exec())
            return storageError(QStringLiteral("%1%2: the library refused it (%3).")
                                    .arg(prefix, row.where, refusalInWords(statement->lastError())));
    }
    return success();
}

} // namespace

Status importLibrary(Library& emptyLibrary, const QByteArray& json, const QString& sourceName)
{
    const QString prefix = sourceName.isEmpty() ? QString() : QStringLiteral("%1: ").arg(sourceName);
    const auto withPrefix = [&prefix](Error error) {
        error.message.prepend(prefix);
        return error;
    };

    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("%1not valid JSON at byte %2 (%3).")
                           .arg(prefix)
                           .arg(parseError.offset)
                           .arg(parseError.errorString()));
    if (const auto duplicate = findDuplicateKey(json))
        return invalid(QStringLiteral("%1%2.").arg(prefix, describeDuplicateKey(*duplicate)));
    if (!parsed.isObject())
        return invalid(QStringLiteral("%1not a Stable library document (expected an object with \"format\": \"%2\").")
                           .arg(prefix, QLatin1String(libraryFormat)));
    const QJsonObject document = parsed.object();
    const QString format = document.value(QStringLiteral("format")).toString();
    if (format != QLatin1String(libraryFormat)) {
        QString message = QStringLiteral("%1not a Stable library document (format ‘%2’; expected ‘%3’).")
                              .arg(prefix, format, QLatin1String(libraryFormat));
        if (format.startsWith(QLatin1String("stable-process/")))
            message += QStringLiteral(" A process definition is imported into a library with ‘import’.");
        return invalid(message);
    }

    ImportPlan plan;
    Status read = readRecordsOf(plan, document);
    if (read.ok())
        read = readAudit(plan, document);
    if (read.ok())
        read = plan.checkReferences();
    if (read.ok())
        read = checkBounds(plan.rows, emptyLibrary.clock().now().toUTC().date());
    if (!read.ok())
        return withPrefix(read.error());

    STABLE_TRY(refuseUnlessEmpty(emptyLibrary));

    WriteTransaction transaction(emptyLibrary, Change::People | Change::Streams | Change::Drafts | Change::Revisions |
                                                   Change::Runs | Change::Attestations | Change::Incidents |
                                                   Change::Rework | Change::TeamHours | Change::Settings);
    STABLE_TRY(transaction.begin());
    // Records point at each other in circles (a check at the incident it came from, the incident at the
    // step): the foreign keys are checked once, at the commit.
    STABLE_TRY(execSql(transaction.db(), QStringLiteral("PRAGMA defer_foreign_keys = ON")));
    STABLE_TRY(insertAll(transaction, plan.rows, prefix));
    // The new file has an identity of its own, not the exporting library's: the log says so.
    STABLE_TRY(recordIdentity(transaction, QStringLiteral("imported from %1").arg(sourceName)));
    auto committed = transaction.commit();
    if (!committed.ok())
        return withPrefix(committed.error());
    return success();
}

} // namespace stable
