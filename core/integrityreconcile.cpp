// verify: every row of the tables the audit log describes, against what the log last recorded for it.
//
// Each write path records the row it wrote as JSON (before/after); the row must hold what the events of
// its id recorded, field by field, the later event winning (some events record only the fields they
// change). Tables the log does not describe row by row are read from the event that wrote them: the whys
// from their incident's events, a step's inputs and outputs from the step's, a revision's answered
// incidents from its publication and its checks from its snapshot (whose hash scanRevisions checks).
//
// What the log does not describe is not a failure but "not covered": a field no event of the row ever
// recorded (libraries made before a write path recorded it: a person's PIN hash and creation time before
// this build), and the identity of a library whose log predates the identity event.
// Excluded by design: stream.draft_changed_at (a cache of when the draft last changed, written beside
// every audited draft edit) and local_lease (the writer's heartbeat, state of the file, not of the
// library). Run items, attestations, voids and revisions are scanRecords' and scanVoidsAndRevisions'.
#include "audit.h"
#include "integrityscan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace stable::verify {

namespace {

enum class Value {
    Text,         // TEXT as recorded
    OptionalText, // NULL is recorded as ""
    Integer,
    Boolean,      // 0/1, recorded as false/true
    Real,
    Loose,        // a setting's value: recorded as text or as a number
    Sha256,       // recorded as the SHA-256 of the stored text (a PIN hash)
};

struct Field
{
    const char* key;    // in the recorded JSON
    const char* column; // in the table
    Value kind;
};

enum class Children { None, Whys, Ports, Answers };

struct Table
{
    const char* table;
    const char* idColumn;
    std::vector<Field> fields;
    Children children = Children::None;
    bool fast = false; // many rows: compared with the last event's text in SQL first
};

const std::vector<Table>& tables()
{
    static const std::vector<Table> all{
        {"person",
         "id",
         {{"id", "id", Value::Text},
          {"name", "name", Value::Text},
          {"initials", "initials", Value::Text},
          {"role", "role", Value::Text},
          {"failed_attempts", "failed_attempts", Value::Integer},
          {"locked", "locked", Value::Boolean},
          {"active", "active", Value::Boolean},
          {"created_at", "created_at", Value::Text},
          {"pin_hash_sha256", "pin_hash", Value::Sha256}}},
        {"stream",
         "id",
         {{"id", "id", Value::Text},
          {"key", "key", Value::Text},
          {"name", "name", Value::Text},
          {"purpose", "purpose", Value::Text},
          {"owner", "owner", Value::Text},
          {"removed", "removed", Value::Boolean}}},
        {"step",
         "id",
         {{"id", "id", Value::Text},
          {"stream_id", "stream_id", Value::Text},
          {"key", "key", Value::Text},
          {"name", "name", Value::Text},
          // position is not reconciled: adding, removing or moving a step renumbers its siblings without
          // an event of theirs (the stream's order is recorded by the moved step's own event).
          {"throughput", "throughput", Value::Text},
          {"owner_role", "owner_role", Value::Text},
          {"planned_hours", "planned_hours", Value::Real},
          {"removed", "removed", Value::Boolean}},
         Children::Ports},
        {"quality_check",
         "id",
         {{"id", "id", Value::Text},
          {"step_id", "step_id", Value::Text},
          {"key", "key", Value::Text},
          // position: as for steps, siblings are renumbered without an event of theirs.
          {"statement", "statement", Value::Text},
          {"stage", "stage", Value::Text},
          {"critical", "critical", Value::Boolean},
          {"guards_against", "guards_against", Value::Text},
          {"severity", "severity", Value::Integer},
          {"occurrence", "occurrence", Value::Integer},
          {"detection", "detection", Value::Integer},
          {"origin_incident_id", "origin_incident_id", Value::OptionalText},
          {"removed", "removed", Value::Boolean}}},
        {"incident",
         "id",
         {{"id", "id", Value::Text},
          {"number", "number", Value::Integer},
          {"title", "title", Value::Text},
          {"what_happened", "what_happened", Value::Text},
          {"stream_id", "stream_id", Value::Text},
          {"detected_step_id", "detected_step_id", Value::OptionalText},
          {"injected_step_id", "injected_step_id", Value::OptionalText},
          {"run_id", "run_id", Value::OptionalText},
          {"severity", "severity", Value::Integer},
          {"category", "category", Value::Text},
          {"occurred_at", "occurred_at", Value::Text},
          {"created_at", "created_at", Value::Text},
          {"recurrence_of_id", "recurrence_of_id", Value::OptionalText},
          {"root_cause", "root_cause", Value::Text},
          {"status", "status", Value::Text},
          {"analysed_at", "analysed_at", Value::OptionalText},
          {"prevented_at", "prevented_at", Value::OptionalText},
          {"verified_at", "verified_at", Value::OptionalText}},
         Children::Whys,
         true},
        {"run",
         "id",
         {{"id", "id", Value::Text},
          {"stream_id", "stream_id", Value::Text},
          {"revision_id", "revision_id", Value::Text},
          {"title", "title", Value::Text},
          {"kind", "kind", Value::Text},
          {"planned_start", "planned_start", Value::OptionalText},
          {"rollback_point", "rollback_point", Value::OptionalText},
          {"status", "status", Value::Text},
          {"started_at", "started_at", Value::Text},
          {"closed_at", "closed_at", Value::OptionalText},
          {"lessons", "lessons", Value::Text}},
         Children::None,
         true},
        {"rework",
         "id",
         {{"id", "id", Value::Text},
          {"date", "date", Value::Text},
          {"hours", "hours", Value::Real},
          {"kind", "kind", Value::Text},
          {"stream_id", "stream_id", Value::OptionalText},
          {"step_id", "step_id", Value::OptionalText},
          {"incident_id", "incident_id", Value::OptionalText},
          {"run_id", "run_id", Value::OptionalText},
          {"note", "note", Value::Text},
          {"created_at", "created_at", Value::Text}},
         Children::None,
         true},
        {"team_hours", "month", {{"month", "month", Value::Text}, {"hours", "hours", Value::Real}}},
        {"setting", "key", {{"key", "key", Value::Text}, {"value", "value", Value::Loose}}},
        // The other fields of a revision are scanRevisions'; here, which incidents it answered.
        {"revision", "id", {}, Children::Answers},
    };
    return all;
}

QString shown(const QJsonValue& value)
{
    if (value.isString())
        return QStringLiteral("‘%1’").arg(value.toString());
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("nothing");
    return QString::number(value.toDouble(), 'g', 17);
}

// The stored value as the write paths record it.
QJsonValue recordedForm(const QVariant& stored, Value kind)
{
    switch (kind) {
    case Value::Text:
        return stored.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(stored.toString());
    case Value::OptionalText:
        return QJsonValue(stored.toString());
    case Value::Integer:
        return stored.typeId() == QMetaType::QString ? QJsonValue(stored.toString())
                                                     : QJsonValue(stored.toLongLong());
    case Value::Boolean:
        if (stored.typeId() == QMetaType::QString || (stored.toLongLong() != 0 && stored.toLongLong() != 1))
            return QJsonValue(stored.toString());
        return QJsonValue(stored.toLongLong() != 0);
    case Value::Real:
        return stored.typeId() == QMetaType::QString ? QJsonValue(stored.toString())
                                                     : QJsonValue(stored.toDouble());
    case Value::Loose:
        return QJsonValue(stored.toString());
    case Value::Sha256:
        return QJsonValue(sha256Hex(stored.toString().toUtf8()));
    }
    return {};
}

bool same(const QJsonValue& stored, const QJsonValue& recorded, Value kind)
{
    if (kind == Value::Loose && recorded.isDouble())
        return stored.toString() == QString::number(recorded.toDouble(), 'g', 17) ||
               stored.toString().toDouble() == recorded.toDouble();
    if (stored.isDouble() && recorded.isDouble())
        return stored.toDouble() == recorded.toDouble();
    return stored == recorded;
}

QString sqlQuoted(const char* text)
{
    return QStringLiteral("'%1'").arg(QLatin1String(text));
}

// The last event's text as the write paths make it from the row (QJsonDocument's compact form: keys
// sorted), for the first pass; NULL or a difference only means "read this row the exact way".
QString expectedJsonSql(const Table& table)
{
    struct Member
    {
        QString key;
        QString expression;
    };
    std::vector<Member> members;
    for (const Field& field : table.fields) {
        // A BLOB (written behind Stable's back) is not JSON: NULL here, so the exact path words it.
        const QString column =
            QStringLiteral("(CASE WHEN typeof(t.%1) = 'blob' THEN NULL ELSE t.%1 END)").arg(QLatin1String(field.column));
        QString expression;
        switch (field.kind) {
        case Value::Text:
        case Value::Integer:
        case Value::Loose:
        case Value::Sha256:
            expression = QStringLiteral("json_quote(%1)").arg(column);
            break;
        case Value::OptionalText:
            expression = QStringLiteral("json_quote(coalesce(%1, ''))").arg(column);
            break;
        case Value::Boolean:
            expression = QStringLiteral("CASE %1 WHEN 1 THEN 'true' WHEN 0 THEN 'false' END").arg(column);
            break;
        case Value::Real:
            expression = QStringLiteral("CASE WHEN typeof(%1) = 'real' AND %1 = CAST(%1 AS INTEGER) "
                                        "AND abs(%1) < 1e15 THEN CAST(CAST(%1 AS INTEGER) AS TEXT) "
                                        "ELSE json_quote(%1) END")
                             .arg(column);
            break;
        }
        members.push_back({QLatin1String(field.key), expression});
    }
    if (table.children == Children::Whys)
        members.push_back({QStringLiteral("whys"),
                           QStringLiteral("(SELECT json_group_array(CASE WHEN typeof(w.text) = 'blob' THEN NULL ELSE w.text END) FROM (SELECT text FROM incident_why "
                                          "WHERE incident_id = t.id ORDER BY position) w)")});
    std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.key < b.key; });
    QStringList parts;
    for (const Member& member : members)
        parts.append(QStringLiteral("'\"%1\":' || %2").arg(member.key, member.expression));
    return QStringLiteral("'{' || ") + parts.join(QStringLiteral(" || ',' || ")) + QStringLiteral(" || '}'");
}

class Reconciler
{
public:
    Reconciler(RawConnection& connection, bool fastPaths, ReconcileResult& result)
        : m_connection(connection)
        , m_fastPaths(fastPaths)
        , m_result(result)
    {
    }

    Status table(const Table& table)
    {
        const QByteArray columns = columnList(table);
        STABLE_TRY(m_row.prepare(m_connection, QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?1")
                                                   .arg(QString::fromLatin1(columns), QLatin1String(table.table),
                                                        QLatin1String(table.idColumn))
                                                   .toUtf8()
                                                   .constData()));
        STABLE_TRY(m_events.prepare(m_connection, "SELECT seq, after FROM audit_event WHERE entity = ?1 AND "
                                                  "entity_id = ?2 ORDER BY seq"));
        // Every row whose text differs from its last event's (or all, for the small tables), in id order.
        const QString lastAfter = QStringLiteral("(SELECT e.after FROM audit_event e WHERE e.entity = %1 AND "
                                                 "e.entity_id = t.%2 ORDER BY e.seq DESC LIMIT 1)")
                                      .arg(sqlQuoted(table.table), QLatin1String(table.idColumn));
        const QString candidates =
            table.fast && m_fastPaths ? QStringLiteral("SELECT t.%1 FROM %2 t WHERE (%3) IS NOT %4 ORDER BY t.%1")
                                            .arg(QLatin1String(table.idColumn), QLatin1String(table.table),
                                                 expectedJsonSql(table), lastAfter)
                                      : QStringLiteral("SELECT t.%1 FROM %2 t ORDER BY t.%1")
                                            .arg(QLatin1String(table.idColumn), QLatin1String(table.table));
        RawQuery rows;
        STABLE_TRY(rows.prepare(m_connection, candidates.toUtf8().constData()));
        qint64 candidatesSeen = 0, candidatesLogged = 0;
        while (true) {
            auto row = rows.next();
            STABLE_TRY(row);
            if (!row.value())
                break;
            ++candidatesSeen;
            auto logged = exact(table, rows.value(0).toString());
            STABLE_TRY(logged);
            candidatesLogged += logged.value() ? 1 : 0;
        }
        return missingRows(table, candidatesSeen, candidatesLogged);
    }

private:
    static QByteArray columnList(const Table& table)
    {
        QByteArray list = table.idColumn;
        for (const Field& field : table.fields)
            list += QByteArray(", ") + field.column;
        return list;
    }

    // One row the exact way; false when the log has no event for it.
    Result<bool> exact(const Table& table, const QString& id)
    {
        m_row.reset();
        m_row.bind(1, id);
        auto found = m_row.next();
        STABLE_TRY(found);
        if (!found.value())
            return true; // deleted meanwhile: not in this read transaction, cannot happen
        QJsonObject recorded;
        QHash<QString, qint64> recordedAt;
        qint64 events = 0;
        m_events.reset();
        m_events.bind(1, QString::fromLatin1(table.table));
        m_events.bind(2, id);
        while (true) {
            auto event = m_events.next();
            STABLE_TRY(event);
            if (!event.value())
                break;
            ++events;
            const qint64 seq = m_events.number(0);
            const QJsonObject after = QJsonDocument::fromJson(m_events.value(1).toByteArray()).object();
            for (auto it = after.begin(); it != after.end(); ++it) {
                recorded.insert(it.key(), it.value());
                recordedAt.insert(it.key(), seq);
            }
        }
        const QString name = QStringLiteral("%1 %2").arg(QLatin1String(table.table), id);
        if (events == 0) {
            m_result.recordFindings.add(
                QStringLiteral("Record %1 has no audit record: it was inserted (or its %2 changed) behind "
                               "Stable's back.")
                    .arg(name, QLatin1String(table.idColumn)));
            return false;
        }
        QStringList differences;
        const auto differs = [&](const QString& key, const QJsonValue& stored) {
            differences.append(QStringLiteral("%1: stored %2, recorded %3 (audit event %4)")
                                   .arg(key, shown(stored), shown(recorded.value(key)))
                                   .arg(recordedAt.value(key)));
        };
        int column = 1;
        for (const Field& field : table.fields) {
            const QString key = QLatin1String(field.key);
            const QJsonValue stored = recordedForm(m_row.value(column++), field.kind);
            if (recorded.contains(key) && !same(stored, recorded.value(key), field.kind))
                differs(key, stored);
        }
        STABLE_TRY(children(table, id, recorded, differs));
        if (!differences.isEmpty())
            m_result.recordFindings.add(QStringLiteral("Record %1 was changed behind Stable's back: %2.")
                                            .arg(name, differences.join(QStringLiteral("; "))));
        return true;
    }

    template<typename Differs>
    Status children(const Table& table, const QString& id, const QJsonObject& recorded, const Differs& differs)
    {
        switch (table.children) {
        case Children::None:
            return success();
        case Children::Whys: {
            if (!recorded.contains(QStringLiteral("whys")))
                return success();
            QJsonArray stored;
            STABLE_TRY(eachRow("SELECT text FROM incident_why WHERE incident_id = ?1 ORDER BY position", id,
                               [&](const RawQuery& row) { stored.append(row.value(0).toString()); }));
            if (stored != recorded.value(QStringLiteral("whys")).toArray())
                differs(QStringLiteral("whys"), stored);
            return success();
        }
        case Children::Ports: {
            QJsonArray inputs, outputs;
            STABLE_TRY(eachRow("SELECT direction, id, name, party FROM step_io WHERE step_id = ?1 "
                               "ORDER BY direction, position",
                               id, [&](const RawQuery& row) {
                                   const bool input = row.value(0).toString() == QLatin1String("input");
                                   QJsonObject port{{QStringLiteral("id"), row.value(1).toString()},
                                                    {QStringLiteral("name"), row.value(2).toString()},
                                                    {input ? QStringLiteral("supplier") : QStringLiteral("customer"),
                                                     row.value(3).toString()}};
                                   (input ? inputs : outputs).append(port);
                               }));
            if (recorded.contains(QStringLiteral("inputs")) && inputs != recorded.value(QStringLiteral("inputs")).toArray())
                differs(QStringLiteral("inputs"), inputs);
            if (recorded.contains(QStringLiteral("outputs")) &&
                outputs != recorded.value(QStringLiteral("outputs")).toArray())
                differs(QStringLiteral("outputs"), outputs);
            return success();
        }
        case Children::Answers: {
            if (!recorded.contains(QStringLiteral("answers")))
                return success();
            QStringList stored;
            STABLE_TRY(eachRow("SELECT incident_id FROM revision_answer WHERE revision_id = ?1", id,
                               [&](const RawQuery& row) { stored.append(row.value(0).toString()); }));
            QStringList wanted;
            for (const QJsonValue& answer : recorded.value(QStringLiteral("answers")).toArray())
                wanted.append(answer.toString());
            stored.sort();
            wanted.sort();
            if (stored != wanted)
                differs(QStringLiteral("answers (revision_answer)"), QJsonArray::fromStringList(stored));
            return success();
        }
        }
        return success();
    }

    template<typename Each>
    Status eachRow(const char* sql, const QString& id, const Each& each)
    {
        RawQuery query;
        STABLE_TRY(query.prepare(m_connection, sql));
        query.bind(1, id);
        while (true) {
            auto row = query.next();
            STABLE_TRY(row);
            if (!row.value())
                return success();
            each(query);
        }
    }

    // Ids the log describes as present whose row is gone. Every row not among the candidates has events, so
    // when the ids in the log are as many as the rows with events, none is missing.
    Status missingRows(const Table& table, qint64 candidatesSeen, qint64 candidatesLogged)
    {
        RawQuery counts;
        STABLE_TRY(counts.prepare(
            m_connection, QStringLiteral("SELECT (SELECT count(*) FROM %1), (SELECT count(*) FROM (SELECT DISTINCT "
                                         "entity_id FROM audit_event WHERE entity = %2))")
                              .arg(QLatin1String(table.table), sqlQuoted(table.table))
                              .toUtf8()
                              .constData()));
        STABLE_TRY(counts.next());
        const qint64 logged = counts.number(0) - candidatesSeen + candidatesLogged;
        if (counts.number(1) <= logged)
            return success();
        RawQuery missing;
        STABLE_TRY(missing.prepare(
            m_connection,
            QStringLiteral("SELECT e.entity_id, max(e.seq), e.action, e.after FROM audit_event e WHERE e.entity = %1 "
                           "AND NOT EXISTS (SELECT 1 FROM %2 t WHERE t.%3 = e.entity_id) GROUP BY e.entity_id "
                           "ORDER BY 2")
                .arg(sqlQuoted(table.table), QLatin1String(table.table), QLatin1String(table.idColumn))
                .toUtf8()
                .constData()));
        while (true) {
            auto row = missing.next();
            STABLE_TRY(row);
            if (!row.value())
                return success();
            if (missing.value(3).toString().isEmpty())
                continue; // removed, as the log says
            m_result.recordFindings.add(
                QStringLiteral("Record %1 %2 is missing: audit event %3 (%4) recorded it, and it was deleted "
                               "behind Stable's back.")
                    .arg(QLatin1String(table.table), missing.value(0).toString())
                    .arg(missing.number(1))
                    .arg(missing.value(2).toString()));
        }
    }

    RawConnection& m_connection;
    bool m_fastPaths;
    ReconcileResult& m_result;
    RawQuery m_row;
    RawQuery m_events;
};

// Rows of the child tables that belong to no record: the log cannot describe them.
Status orphans(RawConnection& connection, ReconcileResult& result)
{
    static const char* const queries[][2] = {
        {"SELECT incident_id || ', position ' || position FROM incident_why WHERE incident_id NOT IN "
         "(SELECT id FROM incident) LIMIT 20",
         "incident_why"},
        {"SELECT id FROM step_io WHERE step_id NOT IN (SELECT id FROM step) LIMIT 20", "step_io"},
        {"SELECT revision_id || ', incident ' || incident_id FROM revision_answer WHERE revision_id NOT IN "
         "(SELECT id FROM revision) LIMIT 20",
         "revision_answer"},
    };
    for (const auto& [sql, table] : queries) {
        RawQuery query;
        STABLE_TRY(query.prepare(connection, sql));
        while (true) {
            auto row = query.next();
            STABLE_TRY(row);
            if (!row.value())
                break;
            result.recordFindings.add(
                QStringLiteral("Record %1 %2 belongs to no record the audit log describes: it was inserted "
                               "behind Stable's back.")
                    .arg(QLatin1String(table), query.value(0).toString()));
        }
    }
    return success();
}

// Which checks each revision holds, from its snapshot (the published text; its hash is checked apart).
Status revisionChecks(RawConnection& connection, ReconcileResult& result)
{
    RawQuery revisions;
    STABLE_TRY(revisions.prepare(connection, "SELECT id, snapshot FROM revision ORDER BY rowid"));
    RawQuery stored;
    STABLE_TRY(stored.prepare(connection, "SELECT check_id, step_id FROM revision_check WHERE revision_id = ?1"));
    qint64 snapshotPairs = 0;
    while (true) {
        auto row = revisions.next();
        STABLE_TRY(row);
        if (!row.value())
            break;
        const QString id = revisions.value(0).toString();
        QSet<QString> wanted;
        const QJsonObject snapshot = QJsonDocument::fromJson(revisions.value(1).toString().toUtf8()).object();
        for (const QJsonValue& step : snapshot.value(QStringLiteral("steps")).toArray())
            for (const QJsonValue& check : step.toObject().value(QStringLiteral("checks")).toArray())
                wanted.insert(check.toObject().value(QStringLiteral("id")).toString() + QLatin1Char('/') +
                              step.toObject().value(QStringLiteral("id")).toString());
        snapshotPairs += wanted.size();
        QSet<QString> have;
        stored.reset();
        stored.bind(1, id);
        while (true) {
            auto pair = stored.next();
            STABLE_TRY(pair);
            if (!pair.value())
                break;
            have.insert(stored.value(0).toString() + QLatin1Char('/') + stored.value(1).toString());
        }
        for (const QString& pair : have - wanted)
            result.recordFindings.add(QStringLiteral("Record revision_check %1, check/step %2 is not in the "
                                                     "revision's published snapshot: it was inserted behind "
                                                     "Stable's back.")
                                          .arg(id, pair));
        for (const QString& pair : wanted - have)
            result.recordFindings.add(QStringLiteral("Record revision_check %1, check/step %2 of the revision's "
                                                     "published snapshot is missing: it was deleted behind "
                                                     "Stable's back.")
                                          .arg(id, pair));
    }
    RawQuery total;
    STABLE_TRY(total.prepare(connection, "SELECT count(*) FROM revision_check"));
    STABLE_TRY(total.next());
    if (total.number(0) > snapshotPairs)
        result.recordFindings.add(QStringLiteral("revision_check holds rows of no revision: they were inserted "
                                                 "behind Stable's back."));
    return success();
}

// The library's identity is bound into the chain: local_library must be the one row that the last event of
// entity local_library gave the file, and only an identity event ('library.identity': the first change, an
// import) or a fork ('library.fork': a copy's own identity, core/libraryfork.cpp) gives one. Both record the
// id as entity_id and as after's id, with after's created_at. A log older than the identity events does not
// describe it yet (the next write records it): "not covered by the log", not a failure.
Status identity(RawConnection& connection, ReconcileResult& result)
{
    RawQuery query;
    STABLE_TRY(query.prepare(
        connection, "SELECT (SELECT group_concat(id, ', ') FROM local_library), (SELECT count(*) FROM "
                    "local_library), (SELECT group_concat(created_at, ', ') FROM local_library), e.seq, "
                    "e.entity_id, json_extract(e.after, '$.id'), json_extract(e.after, '$.created_at'), "
                    "e.action FROM (SELECT 1) LEFT JOIN (SELECT seq, entity_id, after, action FROM "
                    "audit_event WHERE entity = 'local_library' ORDER BY seq DESC LIMIT 1) e"));
    STABLE_TRY(query.next());
    const QString stored = query.value(0).toString();
    if (query.value(3).isNull()) {
        result.notCovered.append(
            QStringLiteral("The library's identity (local_library %1) is not in the audit log yet: the log "
                           "predates identity events; the next change records it.")
                .arg(stored));
        return success();
    }
    const QString seq = QString::number(query.number(3));
    const QString recorded = query.value(4).toString();
    const QString action = query.value(7).toString();
    if (action != QLatin1String("library.identity") && action != QLatin1String("library.fork")) {
        result.recordFindings.add(
            QStringLiteral("Record local_library: audit event %1 (%2) is no identity "
                           "event; only library.identity and library.fork give the file "
                           "its id.")
                .arg(seq, action));
        return success();
    }
    if (query.number(1) != 1 || stored != recorded || query.value(5).toString() != recorded) {
        result.recordFindings.add(
            QStringLiteral("Record local_library was changed behind Stable's back: id: "
                           "stored ‘%1’, recorded ‘%2’ (audit event %3, %4). The library's "
                           "identity keys its witness; a changed id hides the witness.")
                .arg(stored, recorded, seq, action));
        return success();
    }
    const QString storedCreated = query.value(2).toString();
    if (!query.value(6).isNull() && query.value(6).toString() != storedCreated)
        result.recordFindings.add(
            QStringLiteral("Record local_library %1 was changed behind Stable's back: "
                           "created_at: stored ‘%2’, recorded ‘%3’ (audit event %4, %5).")
                .arg(stored, storedCreated, query.value(6).toString(), seq, action));
    return success();
}

} // namespace

Status scanReconcile(RawConnection& connection, bool fastPaths, ReconcileResult& result)
{
    Reconciler reconciler(connection, fastPaths, result);
    for (const Table& table : tables())
        STABLE_TRY(reconciler.table(table));
    STABLE_TRY(orphans(connection, result));
    STABLE_TRY(revisionChecks(connection, result));
    STABLE_TRY(identity(connection, result));
    STABLE_TRY(scanGuards(connection, result));
    return scanDerived(connection, result);
}

} // namespace stable::verify
