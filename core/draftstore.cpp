#include "draftstore.h"

#include "audit.h"
#include "clock.h"
#include "fieldbounds.h"
#include "ids.h"
#include "library.h"
#include "sql.h"

#include <QHash>
#include <cmath>

namespace stable::draft {

namespace {

const QString stepColumns =
    QStringLiteral("id, stream_id, key, name, position, throughput, owner_role, planned_hours, removed");
const QString checkColumns =
    QStringLiteral("id, step_id, key, position, statement, stage, critical, guards_against, "
                   "severity, occurrence, detection, origin_incident_id, removed");

StepRecord stepFrom(const QSqlQuery& query)
{
    StepRecord record;
    record.step.id = query.value(0).toString();
    record.streamId = query.value(1).toString();
    record.step.key = query.value(2).toString();
    record.step.name = query.value(3).toString();
    record.position = query.value(4).toInt();
    record.step.throughput = query.value(5).toString();
    record.step.ownerRole = query.value(6).toString();
    record.step.plannedHours = query.value(7).toDouble();
    record.removed = query.value(8).toBool();
    return record;
}

CheckRecord checkFrom(const QSqlQuery& query)
{
    CheckRecord record;
    record.check.id = query.value(0).toString();
    record.stepId = query.value(1).toString();
    record.check.key = query.value(2).toString();
    record.position = query.value(3).toInt();
    record.check.statement = query.value(4).toString();
    record.check.stage = parseStage(query.value(5).toString()).value_or(Stage::Exit);
    record.check.critical = query.value(6).toBool();
    record.check.guardsAgainst = query.value(7).toString();
    record.check.severity = query.value(8).toInt();
    record.check.occurrence = query.value(9).toInt();
    record.check.detection = query.value(10).toInt();
    record.check.originIncidentId = query.value(11).toString();
    record.removed = query.value(12).toBool();
    return record;
}

QJsonArray portsJson(const QList<Port>& ports, const QString& partyField)
{
    QJsonArray array;
    for (const Port& port : ports)
        array.append(QJsonObject{
            {QStringLiteral("id"), port.id}, {QStringLiteral("name"), port.name}, {partyField, port.party}});
    return array;
}

// Fills the inputs and outputs of the steps whose ids the query for `where` selects.
Status loadPorts(const QSqlDatabase& db, QList<StepRecord>& records, const QString& where,
                 const QVariant& bind)
{
    auto query =
        execSql(db,
                QStringLiteral("SELECT step_id, id, direction, name, party FROM step_io WHERE step_id IN "
                               "(SELECT id FROM step WHERE ") +
                    where + QStringLiteral(") ORDER BY step_id, direction, position"),
                {bind});
    STABLE_TRY(query);
    QHash<QString, int> index;
    for (int i = 0; i < records.size(); ++i)
        index.insert(records.at(i).step.id, i);
    while (query->next()) {
        const int at = index.value(query->value(0).toString(), -1);
        if (at < 0)
            continue;
        const Port port{query->value(1).toString(), query->value(3).toString(), query->value(4).toString()};
        Step& step = records[at].step;
        (query->value(2).toString() == QLatin1String("input") ? step.inputs : step.outputs).append(port);
    }
    return success();
}

Status insertPort(WriteTransaction& transaction, const QString& stepId, const QString& direction,
                  int position, const Port& port)
{
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("INSERT INTO step_io (id, step_id, direction, position, name, party) "
                                      "VALUES (?,?,?,?,?,?)"),
                       {port.id, stepId, direction, position, port.name, port.party}));
    return success();
}

Status writePorts(WriteTransaction& transaction, const QString& stepId, const QString& direction,
                  const QList<Port>& ports, const QList<Port>& before)
{
    for (int i = 0; i < ports.size(); ++i) {
        const Port& port = ports.at(i);
        if (i >= before.size()) {
            STABLE_TRY(insertPort(transaction, stepId, direction, i, port));
            continue;
        }
        const Port& old = before.at(i);
        if (old.id == port.id && old.name == port.name && old.party == port.party)
            continue;
        STABLE_TRY(execSql(transaction.db(),
                           QStringLiteral("UPDATE step_io SET name = ?, party = ? WHERE id = ?"),
                           {port.name, port.party, old.id}));
    }
    for (int i = static_cast<int>(ports.size()); i < before.size(); ++i)
        STABLE_TRY(
            execSql(transaction.db(), QStringLiteral("DELETE FROM step_io WHERE id = ?"), {before.at(i).id}));
    return success();
}

QString keyRule()
{
    return QStringLiteral(
        "use letters, digits, ‘-’, ‘_’ and ‘.’ (at most 64, starting with a letter or digit)");
}

Status checkRating(const char* what, int value, const QualityCheck& check)
{
    if (value < 1 || value > 10)
        return invalid(QStringLiteral("%1 of the check ‘%2’ must be from 1 to 10 (got %3).")
                           .arg(QLatin1String(what), check.key)
                           .arg(value));
    return success();
}

} // namespace

QJsonObject streamJson(const ValueStream& stream)
{
    return QJsonObject{{QStringLiteral("id"), stream.id},
                       {QStringLiteral("key"), stream.key},
                       {QStringLiteral("name"), stream.name},
                       {QStringLiteral("purpose"), stream.purpose},
                       {QStringLiteral("owner"), stream.owner}};
}

QJsonObject stepJson(const StepRecord& record)
{
    const Step& step = record.step;
    return QJsonObject{{QStringLiteral("id"), step.id},
                       {QStringLiteral("stream_id"), record.streamId},
                       {QStringLiteral("key"), step.key},
                       {QStringLiteral("name"), step.name},
                       {QStringLiteral("position"), record.position},
                       {QStringLiteral("throughput"), step.throughput},
                       {QStringLiteral("owner_role"), step.ownerRole},
                       {QStringLiteral("planned_hours"), step.plannedHours},
                       {QStringLiteral("inputs"), portsJson(step.inputs, QStringLiteral("supplier"))},
                       {QStringLiteral("outputs"), portsJson(step.outputs, QStringLiteral("customer"))},
                       {QStringLiteral("removed"), record.removed}};
}

QJsonObject checkJson(const CheckRecord& record)
{
    const QualityCheck& check = record.check;
    return QJsonObject{{QStringLiteral("id"), check.id},
                       {QStringLiteral("step_id"), record.stepId},
                       {QStringLiteral("key"), check.key},
                       {QStringLiteral("position"), record.position},
                       {QStringLiteral("statement"), check.statement},
                       {QStringLiteral("stage"), toText(check.stage)},
                       {QStringLiteral("critical"), check.critical},
                       {QStringLiteral("guards_against"), check.guardsAgainst},
                       {QStringLiteral("severity"), check.severity},
                       {QStringLiteral("occurrence"), check.occurrence},
                       {QStringLiteral("detection"), check.detection},
                       {QStringLiteral("origin_incident_id"), check.originIncidentId},
                       {QStringLiteral("removed"), record.removed}};
}

Result<ValueStream> loadStreamRow(const QSqlDatabase& db, const QString& streamId)
{
    auto query =
        selectRecord(db, QStringLiteral("SELECT id, key, name, purpose, owner FROM stream WHERE id = ?"),
                     {streamId}, QStringLiteral("No value stream with id ‘%1’.").arg(streamId));
    STABLE_TRY(query);
    ValueStream stream;
    stream.id = query->value(0).toString();
    stream.key = query->value(1).toString();
    stream.name = query->value(2).toString();
    stream.purpose = query->value(3).toString();
    stream.owner = query->value(4).toString();
    return stream;
}

Result<StepRecord> loadStep(const QSqlDatabase& db, const QString& stepId)
{
    auto query =
        selectRecord(db, QStringLiteral("SELECT ") + stepColumns + QStringLiteral(" FROM step WHERE id = ?"),
                     {stepId}, QStringLiteral("No step with id ‘%1’.").arg(stepId));
    STABLE_TRY(query);
    QList<StepRecord> records{stepFrom(query.value())};
    STABLE_TRY(loadPorts(db, records, QStringLiteral("id = ?"), stepId));
    return records.first();
}

Result<CheckRecord> loadCheck(const QSqlDatabase& db, const QString& checkId)
{
    auto query = selectRecord(
        db, QStringLiteral("SELECT ") + checkColumns + QStringLiteral(" FROM quality_check WHERE id = ?"),
        {checkId}, QStringLiteral("No check with id ‘%1’.").arg(checkId));
    STABLE_TRY(query);
    return checkFrom(query.value());
}

Result<QList<StepRecord>> loadSteps(const QSqlDatabase& db, const QString& streamId)
{
    auto query = execSql(db,
                         QStringLiteral("SELECT ") + stepColumns +
                             QStringLiteral(" FROM step WHERE stream_id = ? ORDER BY rowid"),
                         {streamId});
    STABLE_TRY(query);
    QList<StepRecord> records;
    while (query->next())
        records.append(stepFrom(query.value()));
    STABLE_TRY(loadPorts(db, records, QStringLiteral("stream_id = ?"), streamId));
    return records;
}

Result<QList<CheckRecord>> loadChecks(const QSqlDatabase& db, const QString& stepId)
{
    auto query = execSql(db,
                         QStringLiteral("SELECT ") + checkColumns +
                             QStringLiteral(" FROM quality_check WHERE step_id = ? ORDER BY rowid"),
                         {stepId});
    STABLE_TRY(query);
    QList<CheckRecord> records;
    while (query->next())
        records.append(checkFrom(query.value()));
    return records;
}

Result<QHash<QString, QList<CheckRecord>>> loadStreamChecks(const QSqlDatabase& db, const QString& streamId)
{
    auto query = execSql(db,
                         QStringLiteral("SELECT ") + checkColumns +
                             QStringLiteral(" FROM quality_check WHERE step_id IN (SELECT id FROM step WHERE stream_id = ?) "
                                            "ORDER BY rowid"),
                         {streamId});
    STABLE_TRY(query);
    QHash<QString, QList<CheckRecord>> byStep;
    while (query->next()) {
        CheckRecord record = checkFrom(query.value());
        byStep[record.stepId].append(record);
    }
    return byStep;
}

void inheritPortIds(QList<Port>& ports, const QList<Port>& previous)
{
    for (int i = 0; i < ports.size(); ++i)
        ports[i].id = i < previous.size() ? previous.at(i).id : newId();
}

Status validateStep(const Step& step)
{
    if (!isValidKey(step.key))
        return invalid(QStringLiteral("‘%1’ is not a valid step key: %2.").arg(step.key, keyRule()));
    if (step.name.trimmed().isEmpty())
        return invalid(QStringLiteral("The step ‘%1’ needs a name.").arg(step.key));
    if (!std::isfinite(step.plannedHours) || step.plannedHours < 0 || step.plannedHours > 10000)
        return invalid(QStringLiteral("Planned hours of ‘%1’ must be from 0 to 10000 (got %2).")
                           .arg(step.name)
                           .arg(step.plannedHours));
    STABLE_TRY(checkName(QStringLiteral("The name of the step ‘%1’").arg(step.key), step.name));
    STABLE_TRY(checkText(QStringLiteral("The throughput of ‘%1’").arg(step.key), step.throughput,
                         bounds::document, Lines::Many));
    STABLE_TRY(checkName(QStringLiteral("The owner role of ‘%1’").arg(step.key), step.ownerRole));
    for (const Port& port : step.inputs) {
        if (port.name.trimmed().isEmpty())
            return invalid(QStringLiteral("An input of ‘%1’ has no name.").arg(step.name));
        STABLE_TRY(checkName(QStringLiteral("An input of ‘%1’").arg(step.key), port.name));
        STABLE_TRY(checkName(QStringLiteral("The supplier of an input of ‘%1’").arg(step.key), port.party));
    }
    for (const Port& port : step.outputs) {
        if (port.name.trimmed().isEmpty())
            return invalid(QStringLiteral("An output of ‘%1’ has no name.").arg(step.name));
        STABLE_TRY(checkName(QStringLiteral("An output of ‘%1’").arg(step.key), port.name));
        STABLE_TRY(checkName(QStringLiteral("The customer of an output of ‘%1’").arg(step.key), port.party));
    }
    return success();
}

Status validateCheck(const QualityCheck& check)
{
    if (!isValidKey(check.key))
        return invalid(QStringLiteral("‘%1’ is not a valid check key: %2.").arg(check.key, keyRule()));
    if (check.statement.trimmed().isEmpty())
        return invalid(QStringLiteral("The check ‘%1’ needs a statement.").arg(check.key));
    STABLE_TRY(checkText(QStringLiteral("The statement of the check ‘%1’").arg(check.key), check.statement,
                         bounds::statement, Lines::Many));
    STABLE_TRY(checkText(QStringLiteral("The failure mode of the check ‘%1’").arg(check.key), check.guardsAgainst,
                         bounds::statement, Lines::Many));
    STABLE_TRY(checkRating("Severity", check.severity, check));
    STABLE_TRY(checkRating("Occurrence", check.occurrence, check));
    STABLE_TRY(checkRating("Detection", check.detection, check));
    return success();
}

Status validateStreamFields(const ValueStream& stream)
{
    if (!isValidKey(stream.key))
        return invalid(
            QStringLiteral("‘%1’ is not a valid value stream key: %2.").arg(stream.key, keyRule()));
    if (stream.name.trimmed().isEmpty())
        return invalid(QStringLiteral("The value stream ‘%1’ needs a name.").arg(stream.key));
    STABLE_TRY(checkName(QStringLiteral("The name of the value stream ‘%1’").arg(stream.key), stream.name));
    STABLE_TRY(checkName(QStringLiteral("The owner of the value stream ‘%1’").arg(stream.key), stream.owner));
    STABLE_TRY(checkText(QStringLiteral("The purpose of the value stream ‘%1’").arg(stream.key), stream.purpose,
                         bounds::document, Lines::Many));
    return success();
}

Status checkIncidentExists(const QSqlDatabase& db, const QString& incidentId)
{
    auto query = selectRecord(db, QStringLiteral("SELECT 1 FROM incident WHERE id = ?"), {incidentId},
                              QStringLiteral("No incident with id ‘%1’.").arg(incidentId));
    STABLE_TRY(query);
    return success();
}

Result<QString> freshId(const QSqlDatabase& db, const QString& table, const QString& wanted)
{
    if (!looksLikeId(wanted))
        return newId();
    auto query =
        execSql(db, QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE id = ?"), {wanted});
    STABLE_TRY(query);
    auto taken = queryRow(query.value());
    STABLE_TRY(taken);
    return taken.value() ? newId() : wanted;
}

Status insertStep(WriteTransaction& transaction, const StepRecord& record)
{
    const Step& step = record.step;
    STABLE_TRY(execSql(
        transaction.db(),
        QStringLiteral("INSERT INTO step (id, stream_id, key, name, position, throughput, owner_role, "
                       "planned_hours, removed) VALUES (?,?,?,?,?,?,?,?,?)"),
        {step.id, record.streamId, step.key, step.name, record.position, step.throughput, step.ownerRole,
         step.plannedHours, record.removed ? 1 : 0}));
    for (int i = 0; i < step.inputs.size(); ++i)
        STABLE_TRY(insertPort(transaction, step.id, QStringLiteral("input"), i, step.inputs.at(i)));
    for (int i = 0; i < step.outputs.size(); ++i)
        STABLE_TRY(insertPort(transaction, step.id, QStringLiteral("output"), i, step.outputs.at(i)));
    return success();
}

Status writeStep(WriteTransaction& transaction, const StepRecord& record, const StepRecord& before)
{
    const Step& step = record.step;
    STABLE_TRY(execSql(
        transaction.db(),
        QStringLiteral("UPDATE step SET key = ?, name = ?, position = ?, throughput = ?, owner_role = ?, "
                       "planned_hours = ?, removed = ? WHERE id = ?"),
        {step.key, step.name, record.position, step.throughput, step.ownerRole, step.plannedHours,
         record.removed ? 1 : 0, step.id}));
    STABLE_TRY(writePorts(transaction, step.id, QStringLiteral("input"), step.inputs, before.step.inputs));
    STABLE_TRY(writePorts(transaction, step.id, QStringLiteral("output"), step.outputs, before.step.outputs));
    return success();
}

Status insertCheck(WriteTransaction& transaction, const CheckRecord& record)
{
    const QualityCheck& check = record.check;
    STABLE_TRY(execSql(
        transaction.db(),
        QStringLiteral("INSERT INTO quality_check (id, step_id, key, position, statement, stage, critical, "
                       "guards_against, severity, occurrence, detection, origin_incident_id, removed) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {check.id, record.stepId, check.key, record.position, check.statement, toText(check.stage),
         check.critical ? 1 : 0, check.guardsAgainst, check.severity, check.occurrence, check.detection,
         nullIfEmpty(check.originIncidentId), record.removed ? 1 : 0}));
    return success();
}

Status writeCheck(WriteTransaction& transaction, const CheckRecord& record)
{
    const QualityCheck& check = record.check;
    STABLE_TRY(
        execSql(transaction.db(),
                QStringLiteral("UPDATE quality_check SET step_id = ?, key = ?, position = ?, statement = ?, "
                               "stage = ?, critical = ?, guards_against = ?, severity = ?, occurrence = ?, "
                               "detection = ?, origin_incident_id = ?, removed = ? WHERE id = ?"),
                {record.stepId, check.key, record.position, check.statement, toText(check.stage),
                 check.critical ? 1 : 0, check.guardsAgainst, check.severity, check.occurrence,
                 check.detection, nullIfEmpty(check.originIncidentId), record.removed ? 1 : 0, check.id}));
    return success();
}

Status touchDraft(WriteTransaction& transaction, const QString& streamId)
{
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("UPDATE stream SET draft_changed_at = ? WHERE id = ?"),
                       {isoUtc(transaction.library().clock().now()), streamId}));
    return success();
}

Status audit(WriteTransaction& transaction, const QString& action, const QString& entity, const QString& id,
             const QJsonObject& before, const QJsonObject& after, const QString& why)
{
    STABLE_TRY(appendAudit(transaction, AuditEntry{action, entity, id, before, after, why, {}}));
    return success();
}

} // namespace stable::draft
