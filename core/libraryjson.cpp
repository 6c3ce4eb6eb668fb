// Export of a whole library as one stable-library/1 document. Every row of every table goes somewhere in
// the document, in an order given by stable keys, so that the same library always gives the same bytes
// and an import followed by an export gives them again.
#include "libraryjson.h"

#include "library.h"
#include "libraryrecords.h"
#include "processjson.h"
#include "sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace stable {

namespace {

using namespace records;

// One consistent view of the file while the document is read, even if another instance writes meanwhile.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Library& library) : m_db(library.db())
    {
        QSqlQuery begin(m_db);
        m_active = begin.exec(QStringLiteral("BEGIN")); // false inside a caller's transaction: share it
    }
    ~ReadSnapshot()
    {
        if (m_active) {
            QSqlQuery end(m_db);
            end.exec(QStringLiteral("COMMIT"));
        }
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

void merge(QJsonObject& into, const QJsonObject& from)
{
    for (auto it = from.constBegin(); it != from.constEnd(); ++it)
        into.insert(it.key(), it.value());
}

// Rows grouped by the id of their parent, each group in query order.
using Groups = QHash<QString, QList<QJsonObject>>;

Result<Groups> grouped(Library& library, const Shape& shape, const QString& from, const QString& parentColumn,
                       const QString& orderBy, const QVariantList& binds = {})
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT %1, %2 FROM %3 ORDER BY %4")
                             .arg(parentColumn, shape.selectList(QStringLiteral("t")), from, orderBy),
                         binds);
    if (!query.ok())
        return query.error();
    Groups groups;
    while (query->next())
        groups[query->value(0).toString()].append(recordObject(shape, query.value(), 1));
    return groups;
}

Result<QJsonArray> rows(Library& library, const Shape& shape, const QString& orderBy)
{
    auto query = execSql(library.db(), QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                                           .arg(shape.selectList(), shape.table, orderBy));
    if (!query.ok())
        return query.error();
    QJsonArray array;
    while (query->next())
        array.append(recordObject(shape, query.value()));
    return array;
}

// The rows of one stream's steps, checks and inputs/outputs, whether in the draft or removed.
struct StreamRows
{
    QList<QJsonObject> steps;
    Groups checks;
    Groups inputs;
    Groups outputs;
};

Result<StreamRows> streamRows(Library& library, const QString& streamId)
{
    StreamRows result;
    auto steps = execSql(library.db(),
                         QStringLiteral("SELECT %1 FROM step WHERE stream_id = ? ORDER BY position, rowid")
                             .arg(stepShape().selectList()),
                         {streamId});
    if (!steps.ok())
        return steps.error();
    while (steps->next())
        result.steps.append(recordObject(stepShape(), steps.value()));

    auto checks = grouped(library, checkShape(),
                     QStringLiteral("quality_check t JOIN step s ON s.id = t.step_id WHERE s.stream_id = ?"),
                     QStringLiteral("t.step_id"), QStringLiteral("t.position, t.rowid"), {streamId});
    if (!checks.ok())
        return checks.error();
    result.checks = checks.value();

    auto ports = execSql(library.db(),
                         QStringLiteral("SELECT t.step_id, t.direction, t.party, %1 FROM step_io t JOIN step s ON "
                                        "s.id = t.step_id WHERE s.stream_id = ? ORDER BY t.position, t.rowid")
                             .arg(portShape().selectList(QStringLiteral("t"))),
                         {streamId});
    if (!ports.ok())
        return ports.error();
    while (ports->next()) {
        QJsonObject port = recordObject(portShape(), ports.value(), 3);
        const bool input = ports->value(1).toString() == QLatin1String("input");
        port.insert(input ? QStringLiteral("supplier") : QStringLiteral("customer"), ports->value(2).toString());
        (input ? result.inputs : result.outputs)[ports->value(0).toString()].append(port);
    }
    return result;
}

QJsonArray toArray(const QList<QJsonObject>& objects)
{
    QJsonArray array;
    for (const QJsonObject& object : objects)
        array.append(object);
    return array;
}

// A port list of the draft with every stored column of its rows; the draft and the rows list the same
// ports in the same order (by position).
Status mergePorts(QJsonObject& step, const QString& key, const QList<QJsonObject>& stored, const QString& where)
{
    QJsonArray ports = step.value(key).toArray();
    if (ports.size() != stored.size())
        return storageError(QStringLiteral("%1: the %2 of the draft do not match the stored ones; run ‘check’ on "
                                           "the library.")
                                .arg(where, key));
    for (int i = 0; i < static_cast<int>(ports.size()); ++i) {
        QJsonObject port = ports.at(i).toObject();
        merge(port, stored.at(i));
        ports.replace(i, port);
    }
    step.insert(key, ports);
    return success();
}

// A step outside the draft (removed), with everything it had.
QJsonObject storedStep(const QJsonObject& row, const StreamRows& stored)
{
    QJsonObject step = row;
    const QString id = row.value(QStringLiteral("id")).toString();
    step.insert(QStringLiteral("inputs"), toArray(stored.inputs.value(id)));
    step.insert(QStringLiteral("outputs"), toArray(stored.outputs.value(id)));
    step.insert(QStringLiteral("checks"), toArray(stored.checks.value(id)));
    return step;
}

Result<QJsonArray> revisions(Library& library, const QString& streamId)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT %1, snapshot FROM revision WHERE stream_id = ? ORDER BY number")
                             .arg(revisionShape().selectList()),
                         {streamId});
    if (!query.ok())
        return query.error();
    const int snapshotColumn = static_cast<int>(revisionShape().columns.size());
    QList<QJsonObject> list;
    while (query->next()) {
        QJsonObject revision = recordObject(revisionShape(), query.value());
        // The snapshot's hash is over its stored text: it travels as an object only when writing that
        // object back gives exactly the same text.
        const QString snapshot = query->value(snapshotColumn).toString();
        const QJsonDocument parsed = QJsonDocument::fromJson(snapshot.toUtf8());
        if (parsed.isObject() && QString::fromUtf8(parsed.toJson(QJsonDocument::Compact)) == snapshot)
            revision.insert(QStringLiteral("snapshot"), parsed.object());
        else
            revision.insert(QStringLiteral("snapshot"), snapshot);
        list.append(revision);
    }
    query->finish();
    for (QJsonObject& revision : list) {
        const QString id = revision.value(QStringLiteral("id")).toString();
        auto answers = execSql(library.db(),
                               QStringLiteral("SELECT a.incident_id FROM revision_answer a LEFT JOIN incident i ON "
                                              "i.id = a.incident_id WHERE a.revision_id = ? ORDER BY i.number, "
                                              "a.incident_id"),
                               {id});
        if (!answers.ok())
            return answers.error();
        QJsonArray answered;
        while (answers->next())
            answered.append(answers->value(0).toString());
        revision.insert(QStringLiteral("answers"), answered);

        auto checks = execSql(library.db(),
                              // In process order: the ids are random, and the order must not depend on them.
                              QStringLiteral("SELECT c.check_id, c.step_id FROM revision_check c "
                                             "LEFT JOIN step s ON s.id = c.step_id "
                                             "LEFT JOIN quality_check q ON q.id = c.check_id WHERE c.revision_id = ? "
                                             "ORDER BY s.position, s.key, q.position, q.key, c.check_id"),
                              {id});
        if (!checks.ok())
            return checks.error();
        QJsonArray contained;
        while (checks->next())
            contained.append(QJsonObject{{QStringLiteral("check_id"), checks->value(0).toString()},
                                         {QStringLiteral("step_id"), checks->value(1).toString()}});
        revision.insert(QStringLiteral("checks"), contained);
    }
    return toArray(list);
}

// One stream: the stable-process/1 object of its draft with ids, every stored column added to each
// record, the steps and checks outside the draft, and the revisions.
Result<QJsonObject> streamObject(Library& library, const QJsonObject& row)
{
    const QString id = row.value(QStringLiteral("id")).toString();
    const QString name = QStringLiteral("‘%1’").arg(row.value(QStringLiteral("key")).toString());
    // A removed stream has no draft to speak of: all its steps travel as they are stored.
    ValueStream removedStream;
    removedStream.id = id;
    removedStream.key = row.value(QStringLiteral("key")).toString();
    removedStream.name = row.value(QStringLiteral("name")).toString();
    removedStream.purpose = row.value(QStringLiteral("purpose")).toString();
    removedStream.owner = row.value(QStringLiteral("owner")).toString();
    auto draft = row.value(QStringLiteral("removed")).toBool() ? Result<ValueStream>(removedStream)
                                                               : loadDraft(library, id);
    if (!draft.ok())
        return draft.error();
    auto stored = streamRows(library, id);
    if (!stored.ok())
        return stored.error();

    QJsonObject stream = processToJson(draft.value(), true);
    merge(stream, row);

    QSet<QString> placedSteps;
    QJsonArray steps = stream.value(QStringLiteral("steps")).toArray();
    if (steps.size() != draft->steps.size())
        return storageError(QStringLiteral("%1: the draft could not be written completely.").arg(name));
    for (int i = 0; i < static_cast<int>(draft->steps.size()); ++i) {
        const Step& step = draft->steps.at(i);
        const QString where = QStringLiteral("%1, step ‘%2’").arg(name, step.key);
        const auto rowOf = [&step](const QJsonObject& candidate) {
            return candidate.value(QStringLiteral("id")).toString() == step.id;
        };
        const auto found = std::find_if(stored->steps.cbegin(), stored->steps.cend(), rowOf);
        if (found == stored->steps.cend())
            return storageError(QStringLiteral("%1 is in the draft but not stored; run ‘check’ on the library.").arg(where));
        placedSteps.insert(step.id);

        QJsonObject object = steps.at(i).toObject();
        merge(object, *found);
        STABLE_TRY(mergePorts(object, QStringLiteral("inputs"), stored->inputs.value(step.id), where));
        STABLE_TRY(mergePorts(object, QStringLiteral("outputs"), stored->outputs.value(step.id), where));

        QList<QJsonObject> checkRows = stored->checks.value(step.id);
        QJsonArray checks = object.value(QStringLiteral("checks")).toArray();
        if (checks.size() != step.checks.size())
            return storageError(QStringLiteral("%1: the checks could not be written completely.").arg(where));
        for (int c = 0; c < static_cast<int>(step.checks.size()); ++c) {
            const QString checkId = step.checks.at(c).id;
            const auto match = std::find_if(checkRows.begin(), checkRows.end(), [&checkId](const QJsonObject& r) {
                return r.value(QStringLiteral("id")).toString() == checkId;
            });
            if (match == checkRows.end())
                return storageError(QStringLiteral("%1: check ‘%2’ is in the draft but not stored.")
                                        .arg(where, step.checks.at(c).key));
            QJsonObject check = checks.at(c).toObject();
            merge(check, *match);
            checks.replace(c, check);
            checkRows.erase(match);
        }
        object.insert(QStringLiteral("checks"), checks);
        object.insert(QStringLiteral("removed_checks"), toArray(checkRows));
        steps.replace(i, object);
    }
    stream.insert(QStringLiteral("steps"), steps);

    QJsonArray removedSteps;
    for (const QJsonObject& stepRow : std::as_const(stored->steps))
        if (!placedSteps.contains(stepRow.value(QStringLiteral("id")).toString()))
            removedSteps.append(storedStep(stepRow, stored.value()));
    stream.insert(QStringLiteral("removed_steps"), removedSteps);

    auto published = revisions(library, id);
    if (!published.ok())
        return published.error();
    stream.insert(QStringLiteral("revisions"), published.value());
    return stream;
}

Result<QJsonArray> streams(Library& library)
{
    auto list = rows(library, streamShape(), QStringLiteral("created_at, rowid"));
    if (!list.ok())
        return list.error();
    QJsonArray array;
    for (const QJsonValue& row : std::as_const(list.value())) {
        auto stream = streamObject(library, row.toObject());
        if (!stream.ok())
            return stream.error();
        array.append(stream.value());
    }
    return array;
}

Result<QJsonArray> runs(Library& library)
{
    auto voids = execSql(library.db(), QStringLiteral("SELECT attestation_id, %1 FROM attestation_void ORDER BY rowid")
                                           .arg(voidShape().selectList()));
    if (!voids.ok())
        return voids.error();
    QHash<QString, QJsonObject> voidOf;
    while (voids->next())
        voidOf.insert(voids->value(0).toString(), recordObject(voidShape(), voids.value(), 1));
    voids->finish();

    auto attestations = grouped(library, attestationShape(), QStringLiteral("attestation t"),
                                QStringLiteral("t.item_id"), QStringLiteral("t.rowid"));
    if (!attestations.ok())
        return attestations.error();
    auto items = grouped(library, runItemShape(), QStringLiteral("run_item t"), QStringLiteral("t.run_id"),
                         QStringLiteral("t.position, t.rowid"));
    if (!items.ok())
        return items.error();
    auto list = rows(library, runShape(), QStringLiteral("started_at, rowid"));
    if (!list.ok())
        return list.error();

    QJsonArray array;
    for (const QJsonValue& value : std::as_const(list.value())) {
        QJsonObject run = value.toObject();
        QJsonArray runItems;
        for (QJsonObject item : items->value(run.value(QStringLiteral("id")).toString())) {
            QJsonArray signatures;
            for (QJsonObject attestation : attestations->value(item.value(QStringLiteral("id")).toString())) {
                const auto voided = voidOf.constFind(attestation.value(QStringLiteral("id")).toString());
                if (voided != voidOf.constEnd())
                    attestation.insert(QStringLiteral("void"), voided.value());
                signatures.append(attestation);
            }
            item.insert(QStringLiteral("attestations"), signatures);
            runItems.append(item);
        }
        run.insert(QStringLiteral("items"), runItems);
        array.append(run);
    }
    return array;
}

Result<QJsonArray> incidents(Library& library)
{
    auto whys = grouped(library, whyShape(), QStringLiteral("incident_why t"), QStringLiteral("t.incident_id"),
                        QStringLiteral("t.incident_id, t.position"));
    if (!whys.ok())
        return whys.error();
    auto list = rows(library, incidentShape(), QStringLiteral("number"));
    if (!list.ok())
        return list.error();
    QJsonArray array;
    for (const QJsonValue& value : std::as_const(list.value())) {
        QJsonObject incident = value.toObject();
        incident.insert(QStringLiteral("whys"), toArray(whys->value(incident.value(QStringLiteral("id")).toString())));
        array.append(incident);
    }
    return array;
}

Result<QJsonObject> settings(Library& library)
{
    auto query = execSql(library.db(), QStringLiteral("SELECT key, value FROM setting ORDER BY key"));
    if (!query.ok())
        return query.error();
    QJsonObject object;
    while (query->next())
        object.insert(query->value(0).toString(), query->value(1).toString());
    return object;
}

} // namespace

Result<QJsonObject> exportLibrary(Library& library)
{
    ReadSnapshot snapshot(library);
    QJsonObject document{{QStringLiteral("format"), QLatin1String(libraryFormat)}};

    auto people = rows(library, personShape(), QStringLiteral("created_at, rowid"));
    if (!people.ok())
        return people.error();
    document.insert(QStringLiteral("people"), people.value());

    auto streamList = streams(library);
    if (!streamList.ok())
        return streamList.error();
    document.insert(QStringLiteral("streams"), streamList.value());

    auto runList = runs(library);
    if (!runList.ok())
        return runList.error();
    document.insert(QStringLiteral("runs"), runList.value());

    auto incidentList = incidents(library);
    if (!incidentList.ok())
        return incidentList.error();
    document.insert(QStringLiteral("incidents"), incidentList.value());

    auto rework = rows(library, reworkShape(), QStringLiteral("date, rowid"));
    if (!rework.ok())
        return rework.error();
    document.insert(QStringLiteral("rework"), rework.value());

    auto teamHours = rows(library, teamHoursShape(), QStringLiteral("month"));
    if (!teamHours.ok())
        return teamHours.error();
    document.insert(QStringLiteral("team_hours"), teamHours.value());

    auto settingList = settings(library);
    if (!settingList.ok())
        return settingList.error();
    document.insert(QStringLiteral("settings"), settingList.value());

    auto audit = rows(library, auditShape(), QStringLiteral("seq"));
    if (!audit.ok())
        return audit.error();
    // The events that end the log and only give this file its identity (library.identity, library.fork:
    // entity local_library) describe the file, not the library's history: a document carries no identity,
    // and import-library records the new file's own the same way. Only the end of the log is left out, so
    // the document's chain stays whole, and export → import → export gives the same bytes.
    QJsonArray history = audit.value();
    while (!history.isEmpty() && history.last().toObject().value(QStringLiteral("entity")).toString() ==
                                     QLatin1String("local_library"))
        history.removeLast();
    document.insert(QStringLiteral("audit"), history);
    return document;
}

QByteArray libraryDocumentBytes(const QJsonObject& document)
{
    QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    if (!bytes.endsWith('\n'))
        bytes.append('\n');
    return bytes;
}

} // namespace stable
