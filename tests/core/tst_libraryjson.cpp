// The whole-library document: export → import → export gives the same bytes, nothing in the schema is
// left behind, the imported audit chain verifies, and the document matches the golden file.
#include "integrity.h"
#include "libraryjson.h"
#include "libraryjsonfixture.h"
#include "sql.h"
#include "testlibrary.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <memory>

using namespace stable;
using namespace stable::test;

namespace {

QStringList columnsOf(Library& library, const QString& table)
{
    QStringList columns;
    auto query =
        execSql(library.db(), QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"), {table});
    while (query.ok() && query->next())
        columns.append(query->value(0).toString());
    return columns;
}

// Every row of a table, every column with its SQL type, in a content order: two libraries holding the
// same records give the same list. With seq > 0 (audit_event only), the events before that one.
QStringList tableContentBefore(Library& library, const QString& table, qint64 seq)
{
    QStringList parts;
    for (const QString& column : columnsOf(library, table))
        parts.append(QStringLiteral("typeof(%1) || ':' || quote(%1)").arg(column));
    QStringList rows;
    auto query =
        execSql(library.db(), QStringLiteral("SELECT %1 FROM %2%3")
                                  .arg(parts.join(QStringLiteral(" || '|' || ")), table,
                                       seq > 0 ? QStringLiteral(" WHERE seq < %1").arg(seq) : QString()));
    while (query.ok() && query->next())
        rows.append(query->value(0).toString());
    rows.sort();
    return rows;
}

QStringList tableContent(Library& library, const QString& table)
{
    return tableContentBefore(library, table, 0);
}

void collectKeys(const QJsonValue& value, QSet<QString>& keys)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            keys.insert(it.key());
            collectKeys(it.value(), keys);
        }
    } else if (value.isArray()) {
        for (const QJsonValue& element : value.toArray())
            collectKeys(element, keys);
    }
}

} // namespace

class TestLibraryJson : public QObject
{
    Q_OBJECT
private:
    // The fixture, built once: the tests only read it.
    std::unique_ptr<TempLibrary> m_source;
    QByteArray m_exported;

private slots:
    void initTestCase()
    {
        m_source = std::make_unique<TempLibrary>();
        buildFixture(*m_source);
        m_exported = exportBytes(**m_source);
    }

    void roundTripGivesTheSameBytes()
    {
        TempLibrary& source = *m_source;
        const QByteArray exported = m_exported;
        QVERIFY(exported.endsWith("}\n"));
        QCOMPARE(exportBytes(*source), exported); // deterministic

        TempLibrary target;
        const Status imported = importLibrary(*target, exported, QStringLiteral("team.json"));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(exportBytes(*target), exported);

        // Every row of every table came across with its values and SQL types (2.0 stays REAL, NULL stays
        // NULL).
        // The new file's log then records its own identity, and only that: one library.identity event at the
        // end, which the export leaves out (a document carries no identity).
        const qint64 sourceEvents = rowCount(*source, QStringLiteral("audit_event"));
        QCOMPARE(rowCount(*target, QStringLiteral("audit_event")), sourceEvents + 1);
        auto identity =
            execSql(target->db(), QStringLiteral("SELECT action, entity, entity_id, seq FROM audit_event "
                                                 "ORDER BY seq DESC LIMIT 1"));
        QVERIFY(identity.ok() && identity->next());
        QCOMPARE(identity->value(0).toString(), QStringLiteral("library.identity"));
        QCOMPARE(identity->value(1).toString(), QStringLiteral("local_library"));
        QCOMPARE(identity->value(2).toString(), target->libraryId());
        QCOMPARE(identity->value(3).toLongLong(), sourceEvents + 1);
        identity->finish();
        QVERIFY(target->libraryId() != source->libraryId());
        for (const QString& table : tableNames(*source)) {
            QVERIFY2(rowCount(*source, table) > 0,
                     qPrintable(QStringLiteral("the fixture leaves ‘%1’ empty").arg(table)));
            const QStringList came = table == QLatin1String("audit_event")
                                         ? tableContentBefore(*target, table, sourceEvents + 1)
                                         : tableContent(*target, table);
            QCOMPARE(came, tableContent(*source, table));
        }

        auto verified = verifyLibrary(*target);
        QVERIFY2(verified.ok(), qPrintable(verified.message()));
        QVERIFY2(verified->ok, qPrintable(verified->firstProblem));
        QVERIFY2(verified->notCovered.isEmpty(), qPrintable(verified->notCovered.join(QLatin1Char('\n'))));
        QCOMPARE(verified->events, sourceEvents + 1);
        QVERIFY(verified->voids >= 1);
        QCOMPARE(verified->revisions, 2);
    }

    void theDocumentCarriesWhatAUserExpects()
    {
        const QJsonObject document = parsed(m_exported);
        QCOMPARE(document.value(QStringLiteral("format")).toString(), QStringLiteral("stable-library/1"));
        const QJsonObject stream = document.value(QStringLiteral("streams")).toArray().at(0).toObject();
        QCOMPARE(stream.value(QStringLiteral("format")).toString(), QStringLiteral("stable-process/1"));
        QCOMPARE(stream.value(QStringLiteral("steps")).toArray().size(), 3);
        QCOMPARE(stream.value(QStringLiteral("removed_steps"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("key"))
                     .toString(),
                 QStringLiteral("notes"));
        const QJsonObject build = stream.value(QStringLiteral("steps")).toArray().at(0).toObject();
        QCOMPARE(build.value(QStringLiteral("removed_checks"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("key"))
                     .toString(),
                 QStringLiteral("tag"));
        QCOMPARE(build.value(QStringLiteral("planned_hours")).toDouble(), 2.0);
        const QJsonArray revisions = stream.value(QStringLiteral("revisions")).toArray();
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions.at(1).toObject().value(QStringLiteral("answers")).toArray().size(), 1);
        QVERIFY(revisions.at(1).toObject().value(QStringLiteral("snapshot")).isObject());
        // PIN hashes travel, PINs never do.
        const QByteArray& bytes = m_exported;
        QVERIFY(bytes.contains("$argon2id$"));
        QVERIFY(!bytes.contains("\"9999\""));
        const QJsonObject carol = document.value(QStringLiteral("people")).toArray().at(2).toObject();
        QCOMPARE(carol.value(QStringLiteral("failed_attempts")).toInt(), 2);
        const QJsonObject firstRun = document.value(QStringLiteral("runs")).toArray().at(0).toObject();
        const QJsonArray tagSignatures = firstRun.value(QStringLiteral("items"))
                                             .toArray()
                                             .at(1)
                                             .toObject()
                                             .value(QStringLiteral("attestations"))
                                             .toArray();
        QCOMPARE(tagSignatures.size(), 2);
        QCOMPARE(tagSignatures.at(0)
                     .toObject()
                     .value(QStringLiteral("void"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("Signed the wrong tag"));
        QVERIFY(!tagSignatures.at(1).toObject().contains(QStringLiteral("void")));
        QVERIFY(firstRun.value(QStringLiteral("closed_at")).isString());
        QVERIFY(document.value(QStringLiteral("runs"))
                    .toArray()
                    .at(2)
                    .toObject()
                    .value(QStringLiteral("closed_at"))
                    .isNull());
        QCOMPARE(document.value(QStringLiteral("incidents"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("whys"))
                     .toArray()
                     .size(),
                 3);
        QCOMPARE(document.value(QStringLiteral("settings"))
                     .toObject()
                     .value(QStringLiteral("hourly-rate"))
                     .toString(),
                 QStringLiteral("85"));
    }

    // Fails when a column is added to the schema and the document does not carry it.
    void everySchemaColumnIsInTheDocument()
    {
        TempLibrary& source = *m_source;
        QSet<QString> keys;
        collectKeys(parsed(m_exported), keys);
        // Columns the document says by where a record sits rather than by a key.
        const QHash<QString, QString> implied{
            {QStringLiteral("step.stream_id"), QStringLiteral("streams[].steps")},
            {QStringLiteral("step_io.step_id"), QStringLiteral("steps[].inputs/outputs")},
            {QStringLiteral("step_io.direction"), QStringLiteral("inputs or outputs")},
            {QStringLiteral("step_io.party"), QStringLiteral("supplier or customer")},
            {QStringLiteral("quality_check.step_id"), QStringLiteral("steps[].checks")},
            {QStringLiteral("incident_why.incident_id"), QStringLiteral("incidents[].whys")},
            {QStringLiteral("revision.stream_id"), QStringLiteral("streams[].revisions")},
            {QStringLiteral("revision_answer.revision_id"), QStringLiteral("revisions[].answers")},
            {QStringLiteral("revision_answer.incident_id"), QStringLiteral("the ids in answers")},
            {QStringLiteral("revision_check.revision_id"), QStringLiteral("revisions[].checks")},
            {QStringLiteral("run_item.run_id"), QStringLiteral("runs[].items")},
            {QStringLiteral("attestation.run_id"), QStringLiteral("runs[].items[].attestations")},
            {QStringLiteral("attestation.item_id"), QStringLiteral("items[].attestations")},
            {QStringLiteral("attestation_void.attestation_id"), QStringLiteral("attestations[].void")},
            {QStringLiteral("setting.key"), QStringLiteral("the names in settings")},
            {QStringLiteral("setting.value"), QStringLiteral("the values in settings")}};
        QSet<QString> schemaColumns;
        for (const QString& table : tableNames(*source)) {
            // Summaries kept current on write (derived_*) and this machine's state (local_*, e.g. the
            // writer lease) are rebuilt or re-taken, never carried.
            if (table.startsWith(QLatin1String("derived_")) || table.startsWith(QLatin1String("local_")))
                continue;
            for (const QString& column : columnsOf(*source, table)) {
                const QString name = table + QLatin1Char('.') + column;
                schemaColumns.insert(name);
                QVERIFY2(implied.contains(name) || keys.contains(column),
                         qPrintable(QStringLiteral("%1 is not carried by the library document").arg(name)));
            }
        }
        for (auto it = implied.constBegin(); it != implied.constEnd(); ++it)
            QVERIFY2(schemaColumns.contains(it.key()),
                     qPrintable(it.key() + QStringLiteral(" is not in the schema")));
        QVERIFY(keys.contains(QStringLiteral("supplier")) && keys.contains(QStringLiteral("customer")));
    }

    // The golden file holds ids and hashes as numbered placeholders, so that it fixes the document's
    // shape and content.
    void matchesTheGoldenFile()
    {
        const QByteArray actual = withPlaceholders(m_exported);
        const QString golden = QStringLiteral(STABLE_TEST_DATA_DIR "/library/small.json");
        if (qEnvironmentVariableIsSet("STABLE_UPDATE_GOLDEN")) {
            QFile file(golden);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(actual);
        }
        const QByteArray expected = fileBytes(golden);
        QVERIFY2(!expected.isEmpty(),
                 "tests/data/library/small.json is missing (STABLE_UPDATE_GOLDEN=1 writes it)");
        if (actual != expected) {
            const QList<QByteArray> a = actual.split('\n');
            const QList<QByteArray> e = expected.split('\n');
            for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i)
                if (a.at(i) != e.at(i))
                    QFAIL(qPrintable(QStringLiteral("line %1: got %2, golden has %3")
                                         .arg(i + 1)
                                         .arg(QString::fromUtf8(a.at(i)), QString::fromUtf8(e.at(i)))));
            QCOMPARE(a.size(), e.size());
        }
    }

    void aRemovedStreamTravelsToo()
    {
        TempLibrary source;
        buildFixture(source);
        QVERIFY(rawExec(source.path(), QStringLiteral("UPDATE stream SET removed = 1")));
        const QByteArray exported = exportBytes(*source);
        const QJsonObject stream =
            parsed(exported).value(QStringLiteral("streams")).toArray().at(0).toObject();
        QCOMPARE(stream.value(QStringLiteral("removed")).toBool(), true);
        QCOMPARE(stream.value(QStringLiteral("steps")).toArray().size(), 0);
        QCOMPARE(stream.value(QStringLiteral("removed_steps")).toArray().size(), 4);
        TempLibrary target;
        const Status imported = importLibrary(*target, exported, QStringLiteral("team.json"));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(exportBytes(*target), exported);
    }

    void anEmptyLibraryRoundTrips()
    {
        TempLibrary source;
        const QByteArray exported = exportBytes(*source);
        QCOMPARE(
            exported,
            QByteArray("{\n    \"audit\": [\n    ],\n    \"format\": \"stable-library/1\",\n"
                       "    \"incidents\": [\n    ],\n    \"people\": [\n    ],\n    \"rework\": [\n    ],\n"
                       "    \"runs\": [\n    ],\n    \"settings\": {\n    },\n    \"streams\": [\n    ],\n"
                       "    \"team_hours\": [\n    ]\n}\n"));
        TempLibrary target;
        const Status imported = importLibrary(*target, exported, QStringLiteral("empty.json"));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(exportBytes(*target), exported);
    }
};

QTEST_GUILESS_MAIN(TestLibraryJson)
#include "tst_libraryjson.moc"