// CSV export: what a spreadsheet or pandas reads back is exactly what the library holds — quotes,
// commas, line breaks and non-ASCII text included — with the documented headers and the measures'
// own hidden-factory numbers.
#include "csvexport.h"
#include "fixtures.h"
#include "incidents.h"
#include "metrics.h"
#include "rework.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

using Record = QStringList;

// A strict RFC 4180 reader: every record ends in CRLF, a quoted field doubles its quotes and may hold
// commas and line breaks; anything else is a failure (returned as an empty list with `error` set).
QList<Record> readCsv(const QByteArray& bytes, QString* error)
{
    const QString text = QString::fromUtf8(bytes);
    QList<Record> records;
    Record record;
    QString field;
    int i = 0;
    const auto fail = [&](const QString& why) {
        *error = QStringLiteral("at %1: %2").arg(i).arg(why);
        return QList<Record>();
    };
    while (i < text.size()) {
        if (text.at(i) == QLatin1Char('"')) {
            ++i;
            for (;;) {
                if (i >= text.size())
                    return fail(QStringLiteral("unterminated quoted field"));
                if (text.at(i) == QLatin1Char('"')) {
                    if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
        } else {
            while (i < text.size() && text.at(i) != QLatin1Char(',') && text.at(i) != QLatin1Char('\r')) {
                if (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\n'))
                    return fail(QStringLiteral("quote or bare LF in an unquoted field"));
                field += text.at(i++);
            }
        }
        if (i < text.size() && text.at(i) == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            ++i;
        } else if (text.mid(i, 2) == QLatin1String("\r\n")) {
            record.append(field);
            field.clear();
            records.append(record);
            record.clear();
            i += 2;
        } else {
            return fail(QStringLiteral("a record that does not end in CRLF"));
        }
    }
    if (!record.isEmpty() || !field.isEmpty())
        return fail(QStringLiteral("a last record without CRLF"));
    return records;
}

// One file read back: its header and its rows, each row as column → value.
struct Table
{
    QStringList header;
    QList<QHash<QString, QString>> rows;
    QHash<QString, QString> byId(const QString& column, const QString& id) const
    {
        for (const auto& row : rows)
            if (row.value(column) == id)
                return row;
        return {};
    }
};

Table readTable(const QString& path)
{
    QString error;
    const QList<Record> records = readCsv(fileBytes(path), &error);
    Table table;
    if (records.isEmpty()) {
        qWarning() << path << error;
        return table;
    }
    table.header = records.constFirst();
    for (int r = 1; r < records.size(); ++r) {
        if (records.at(r).size() != table.header.size()) {
            qWarning() << path << "record" << r << "has" << records.at(r).size() << "fields";
            return Table{};
        }
        QHash<QString, QString> row;
        for (int c = 0; c < table.header.size(); ++c)
            row.insert(table.header.at(c), records.at(r).at(c));
        table.rows.append(row);
    }
    return table;
}

const QString awkwardNote = QStringLiteral("Checked \"twice\", then once more\nZoë's café — ✓ 日本");

struct Story
{
    QString runId;
    QString openRunId;
    QString voidedId;
    QString incidentId;
};

// A release run with a fail and a retry, a critical item signed by two people, a voided signature,
// an open run, two incidents (one a recurrence), rework and team hours.
Story tellStory(TempLibrary& lib)
{
    Story story;
    const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
    const Signer zoe = lib.signer(QStringLiteral("Zoë Ünal"), QStringLiteral("ZÜ"));
    publishSample(*lib, alice);

    StartRun start;
    start.stream = QStringLiteral("release");
    start.title = QStringLiteral("Release \"4.2\", final");
    auto run = startRun(*lib, start);
    if (!run.ok())
        qFatal("%s", qPrintable(run.message()));
    story.runId = run->id;
    const auto signAs = [&](const Signer& who, const char* ref, Outcome outcome, const QString& note) {
        lib.clock().advance(60);
        SignRequest request;
        request.run = story.runId;
        request.item = QLatin1String(ref);
        request.outcome = outcome;
        request.note = note;
        auto signedOne = sign(*lib, who, request);
        if (!signedOne.ok())
            qFatal("%s", qPrintable(signedOne.message()));
        return signedOne->id;
    };
    signAs(alice, "build/tests", Outcome::Pass, awkwardNote);
    signAs(alice, "build/artifact", Outcome::Fail, QStringLiteral("checksum, missing"));
    signAs(zoe, "build/artifact", Outcome::Pass, {});
    signAs(alice, "deploy/go", Outcome::Pass, {});
    signAs(zoe, "deploy/go", Outcome::Pass, {});
    story.voidedId = signAs(alice, "deploy/smoke", Outcome::Pass, {});
    auto voided =
        voidAttestation(*lib, alice, story.runId, story.voidedId, QStringLiteral("Wrong page, \"login\""));
    if (!voided.ok())
        qFatal("%s", qPrintable(voided.message()));
    signAs(zoe, "deploy/smoke", Outcome::Pass, {});
    CloseRun close;
    close.run = story.runId;
    close.lessons = QStringLiteral("Keep the checksum step,\nalways.");
    if (!closeRun(*lib, close).ok())
        qFatal("close");

    start.title = QStringLiteral("Release 4.3");
    lib.clock().advance(3600);
    story.openRunId = startRun(*lib, start)->id;

    NewIncident incident;
    incident.title = QStringLiteral("Smoke test \"missed\", again");
    incident.whatHappened = awkwardNote;
    incident.stream = QStringLiteral("release");
    incident.detectedStep = QStringLiteral("deploy");
    incident.injectedStep = QStringLiteral("build");
    incident.run = story.runId;
    auto first = addIncident(*lib, incident);
    if (!first.ok())
        qFatal("%s", qPrintable(first.message()));
    story.incidentId = first->id;
    if (!analyseIncident(*lib, QStringLiteral("INC-1"),
                         {QStringLiteral("Why, one"), QStringLiteral("Why two")},
                         QStringLiteral("Ünclear ownership"))
             .ok())
        qFatal("analyse");
    incident.title = QStringLiteral("Again");
    incident.whatHappened.clear();
    incident.run.clear();
    incident.recurrenceOf = QStringLiteral("INC-1");
    if (!addIncident(*lib, incident).ok())
        qFatal("second incident");

    NewRework rework;
    rework.date = QDate(2026, 1, 15);
    rework.hours = 3.5;
    rework.stream = QStringLiteral("release");
    rework.step = QStringLiteral("deploy");
    rework.incident = QStringLiteral("INC-1");
    rework.run = story.runId;
    rework.note = QStringLiteral("Re-ran, \"twice\"");
    if (!addRework(*lib, rework).ok())
        qFatal("rework");
    NewRework fire;
    fire.date = QDate(2026, 2, 3);
    fire.hours = 2.25;
    fire.kind = ReworkKind::FireFighting;
    if (!addRework(*lib, fire).ok())
        qFatal("fire-fighting");
    if (!setTeamHours(*lib, QStringLiteral("2026-01"), 160).ok())
        qFatal("team hours");
    return story;
}

Result<CsvExport> exportInto(TempLibrary& lib, const QString& folder)
{
    return exportCsv(*lib, folder);
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT
private slots:
    void writesEveryFileWithItsExactHeader()
    {
        TempLibrary lib;
        tellStory(lib);
        const QString folder = lib.file(QStringLiteral("csv"));
        auto exported = exportInto(lib, folder);
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        QCOMPARE(csvFileNames(),
                 QStringList({QStringLiteral("runs.csv"), QStringLiteral("items.csv"),
                              QStringLiteral("attestations.csv"), QStringLiteral("incidents.csv"),
                              QStringLiteral("rework.csv"), QStringLiteral("hidden_factory.csv")}));
        QStringList names;
        for (const CsvFileWritten& file : exported->files)
            names.append(file.name);
        QCOMPARE(names, csvFileNames());
        // Only the six files: no temporary file left behind.
        QStringList onDisk = QDir(folder).entryList(QDir::Files, QDir::Name);
        QStringList expected = csvFileNames();
        expected.sort();
        QCOMPARE(onDisk, expected);

        const QMap<QString, QByteArray> headers = {
            {QStringLiteral("runs.csv"),
             "run_id,stream_id,stream_key,stream_name,revision_id,revision,title,kind,status,planned_start,"
             "rollback_point,started_at,closed_at,items,lessons\r\n"},
            {QStringLiteral("items.csv"),
             "item_id,run_id,run_title,stream_key,revision,position,ref,step_id,step_key,step_name,check_id,"
             "check_key,statement,stage,critical,state,passed_first_time,attestations,voided\r\n"},
            {QStringLiteral("attestations.csv"),
             "attestation_id,run_id,run_title,stream_key,item_id,ref,step_key,check_key,attempt,outcome,"
             "meaning,"
             "signer_id,signer_initials,signer_name,signed_at,recorded_at,note,evidence,voided,void_reason,"
             "voided_by_id,voided_by_initials,voided_by_name,voided_at,hash\r\n"},
            {QStringLiteral("incidents.csv"),
             "incident_id,incident_key,title,status,severity,category,stream_id,stream_key,detected_step_id,"
             "detected_step_key,injected_step_id,injected_step_key,run_id,run_title,recurrence_of_id,"
             "recurrence_of_key,occurred_at,created_at,analysed_at,prevented_at,verified_at,what_happened,"
             "whys,"
             "root_cause\r\n"},
            {QStringLiteral("rework.csv"), "rework_id,date,hours,kind,stream_id,stream_key,step_id,step_key,"
                                           "incident_id,incident_key,run_id,"
                                           "run_title,note,created_at\r\n"},
            {QStringLiteral("hidden_factory.csv"), "month,rework_hours,team_hours,percent\r\n"},
        };
        for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
            const QByteArray bytes = fileBytes(QDir(folder).filePath(it.key()));
            QVERIFY2(bytes.startsWith(it.value()), qPrintable(it.key())); // no byte-order mark either
            QVERIFY2(bytes.endsWith("\r\n"), qPrintable(it.key()));
        }
    }

    void rowsReadBackAsTheLibraryHoldsThem()
    {
        TempLibrary lib;
        const Story story = tellStory(lib);
        const QString folder = lib.file(QStringLiteral("csv"));
        auto exported = exportInto(lib, folder);
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        const auto table = [&folder](const char* name) {
            return readTable(QDir(folder).filePath(QLatin1String(name)));
        };

        // Row counts: as reported, and as the tables hold.
        const QMap<QString, QString> tableOf = {
            {QStringLiteral("runs.csv"), QStringLiteral("run")},
            {QStringLiteral("items.csv"), QStringLiteral("run_item")},
            {QStringLiteral("attestations.csv"), QStringLiteral("attestation")},
            {QStringLiteral("incidents.csv"), QStringLiteral("incident")},
            {QStringLiteral("rework.csv"), QStringLiteral("rework")},
        };
        for (const CsvFileWritten& file : exported->files) {
            const Table read = readTable(QDir(folder).filePath(file.name));
            QVERIFY2(!read.header.isEmpty(), qPrintable(file.name));
            QCOMPARE(read.rows.size(), file.rows);
            if (tableOf.contains(file.name))
                QCOMPARE(file.rows, rowCount(*lib, tableOf.value(file.name)));
        }

        // Every attestation field as stored, the awkward note byte for byte.
        const Table attestations = table("attestations.csv");
        auto stored = execSql(lib->db(),
                              QStringLiteral("SELECT a.id, a.note, a.outcome, a.attempt, p.initials, p.name, "
                                             "a.signed_at, a.hash, ri.step_key || '/' || ri.check_key "
                                             "FROM attestation a JOIN person p ON p.id = a.signer_id "
                                             "JOIN run_item ri ON ri.id = a.item_id"));
        QVERIFY(stored.ok());
        int seen = 0;
        while (stored->next()) {
            const auto row = attestations.byId(QStringLiteral("attestation_id"), stored->value(0).toString());
            QCOMPARE(row.value(QStringLiteral("note")), stored->value(1).toString());
            QCOMPARE(row.value(QStringLiteral("outcome")), stored->value(2).toString());
            QCOMPARE(row.value(QStringLiteral("attempt")), stored->value(3).toString());
            QCOMPARE(row.value(QStringLiteral("signer_initials")), stored->value(4).toString());
            QCOMPARE(row.value(QStringLiteral("signer_name")), stored->value(5).toString());
            QCOMPARE(row.value(QStringLiteral("signed_at")), stored->value(6).toString());
            QCOMPARE(row.value(QStringLiteral("hash")), stored->value(7).toString());
            QCOMPARE(row.value(QStringLiteral("ref")), stored->value(8).toString());
            QCOMPARE(row.value(QStringLiteral("run_title")), QStringLiteral("Release \"4.2\", final"));
            ++seen;
        }
        QCOMPARE(seen, 7);
        const auto tests = attestations.byId(QStringLiteral("ref"), QStringLiteral("build/tests"));
        QCOMPARE(tests.value(QStringLiteral("note")), awkwardNote);
        QVERIFY(tests.value(QStringLiteral("signed_at")).endsWith(QLatin1Char('Z')));
        const auto voided = attestations.byId(QStringLiteral("attestation_id"), story.voidedId);
        QCOMPARE(voided.value(QStringLiteral("voided")), QStringLiteral("true"));
        QCOMPARE(voided.value(QStringLiteral("void_reason")), QStringLiteral("Wrong page, \"login\""));
        QCOMPARE(voided.value(QStringLiteral("voided_by_initials")), QStringLiteral("AL"));
        QCOMPARE(voided.value(QStringLiteral("voided_by_name")), QStringLiteral("Alice Example"));
        QCOMPARE(attestations.byId(QStringLiteral("signer_initials"), QStringLiteral("ZÜ"))
                     .value(QStringLiteral("signer_name")),
                 QStringLiteral("Zoë Ünal"));

        // Items: the state the run shows, and whether each passed first time.
        const Table items = table("items.csv");
        QCOMPARE(items.rows.size(), 8);
        auto loaded = loadRun(*lib, story.runId);
        QVERIFY(loaded.ok());
        for (const RunItem& item : loaded->items) {
            const auto row = items.byId(QStringLiteral("item_id"), item.id);
            QCOMPARE(row.value(QStringLiteral("ref")), item.ref());
            QCOMPARE(row.value(QStringLiteral("state")), toText(item.state));
            QCOMPARE(row.value(QStringLiteral("statement")), item.statement);
            QCOMPARE(row.value(QStringLiteral("attestations")), QString::number(item.attestations.size()));
        }
        QCOMPARE(items.rows.at(0).value(QStringLiteral("ref")),
                 QStringLiteral("build/tests")); // checklist order
        const QString artifactId = loaded->items.at(1).id;
        QCOMPARE(items.byId(QStringLiteral("item_id"), artifactId).value(QStringLiteral("passed_first_time")),
                 QStringLiteral("false"));
        const auto smoke = items.byId(QStringLiteral("ref"), QStringLiteral("deploy/smoke"));
        QCOMPARE(smoke.value(QStringLiteral("passed_first_time")), QStringLiteral("true"));
        QCOMPARE(smoke.value(QStringLiteral("voided")), QStringLiteral("1"));
        QCOMPARE(
            items.byId(QStringLiteral("ref"), QStringLiteral("deploy/go")).value(QStringLiteral("critical")),
            QStringLiteral("true"));
        QCOMPARE(items.rows.at(4).value(QStringLiteral("state")), QStringLiteral("open")); // the open run

        // Runs in the order they started, with their lessons' line break kept.
        const Table runs = table("runs.csv");
        QCOMPARE(runs.rows.at(0).value(QStringLiteral("run_id")), story.runId);
        QCOMPARE(runs.rows.at(0).value(QStringLiteral("status")), QStringLiteral("completed"));
        QCOMPARE(runs.rows.at(0).value(QStringLiteral("lessons")),
                 QStringLiteral("Keep the checksum step,\nalways."));
        QCOMPARE(runs.rows.at(0).value(QStringLiteral("items")), QStringLiteral("4"));
        QCOMPARE(runs.rows.at(0).value(QStringLiteral("stream_key")), QStringLiteral("release"));
        QCOMPARE(runs.rows.at(1).value(QStringLiteral("run_id")), story.openRunId);
        QCOMPARE(runs.rows.at(1).value(QStringLiteral("closed_at")), QString());

        // Incidents with their keys, steps by key, the whys one per line, the recurrence by key.
        const Table incidents = table("incidents.csv");
        const auto first = incidents.rows.at(0);
        QCOMPARE(first.value(QStringLiteral("incident_id")), story.incidentId);
        QCOMPARE(first.value(QStringLiteral("incident_key")), QStringLiteral("INC-1"));
        QCOMPARE(first.value(QStringLiteral("title")), QStringLiteral("Smoke test \"missed\", again"));
        QCOMPARE(first.value(QStringLiteral("what_happened")), awkwardNote);
        QCOMPARE(first.value(QStringLiteral("detected_step_key")), QStringLiteral("deploy"));
        QCOMPARE(first.value(QStringLiteral("injected_step_key")), QStringLiteral("build"));
        QCOMPARE(first.value(QStringLiteral("run_title")), QStringLiteral("Release \"4.2\", final"));
        QCOMPARE(first.value(QStringLiteral("whys")), QStringLiteral("Why, one\nWhy two"));
        QCOMPARE(first.value(QStringLiteral("root_cause")), QStringLiteral("Ünclear ownership"));
        QCOMPARE(first.value(QStringLiteral("status")), QStringLiteral("analysed"));
        QCOMPARE(incidents.rows.at(1).value(QStringLiteral("recurrence_of_key")), QStringLiteral("INC-1"));
        QCOMPARE(incidents.rows.at(1).value(QStringLiteral("run_id")), QString());

        // Rework by date, with the keys of what it was logged against.
        const Table rework = table("rework.csv");
        QCOMPARE(rework.rows.at(0).value(QStringLiteral("hours")), QStringLiteral("3.5"));
        QCOMPARE(rework.rows.at(0).value(QStringLiteral("step_key")), QStringLiteral("deploy"));
        QCOMPARE(rework.rows.at(0).value(QStringLiteral("incident_key")), QStringLiteral("INC-1"));
        QCOMPARE(rework.rows.at(0).value(QStringLiteral("note")), QStringLiteral("Re-ran, \"twice\""));
        QCOMPARE(rework.rows.at(1).value(QStringLiteral("kind")), QStringLiteral("fire-fighting"));
        QCOMPARE(rework.rows.at(1).value(QStringLiteral("stream_key")), QString());
    }

    void hiddenFactoryIsTheMeasure()
    {
        TempLibrary lib;
        tellStory(lib);
        const QString folder = lib.file(QStringLiteral("csv"));
        QVERIFY(exportInto(lib, folder).ok());
        const Table factory = readTable(QDir(folder).filePath(QStringLiteral("hidden_factory.csv")));
        auto measures = computeMeasures(*lib);
        QVERIFY(measures.ok());
        QCOMPARE(factory.rows.size(), measures->hiddenFactory.size());
        QCOMPARE(factory.rows.size(), 2);
        for (int i = 0; i < factory.rows.size(); ++i) {
            const MonthFactory& month = measures->hiddenFactory.at(i);
            const auto& row = factory.rows.at(i);
            QCOMPARE(row.value(QStringLiteral("month")), month.month);
            QCOMPARE(row.value(QStringLiteral("rework_hours")).toDouble(), month.reworkHours);
            QCOMPARE(row.value(QStringLiteral("team_hours")).toDouble(), month.teamHours);
            QCOMPARE(row.value(QStringLiteral("percent")).isEmpty(), !month.percent.has_value());
            if (month.percent)
                QCOMPARE(row.value(QStringLiteral("percent")).toDouble(), *month.percent);
        }
        // January: 3.5 of 160 hours; February has no team hours, so no percentage (not 0).
        QCOMPARE(factory.rows.at(0).value(QStringLiteral("percent")), QStringLiteral("2.1875"));
        QCOMPARE(factory.rows.at(1).value(QStringLiteral("team_hours")), QString());
        QCOMPARE(factory.rows.at(1).value(QStringLiteral("percent")), QString());
    }

    void anEmptyLibraryGivesHeadersAlone()
    {
        TempLibrary lib;
        const QString folder = lib.file(QStringLiteral("deeper/still/csv")); // made when missing
        auto exported = exportInto(lib, folder);
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        for (const CsvFileWritten& file : exported->files) {
            QCOMPARE(file.rows, 0);
            const QByteArray bytes = fileBytes(QDir(folder).filePath(file.name));
            QCOMPARE(bytes.count("\r\n"), 1);
        }
    }

    void aSecondExportReplacesTheFiles()
    {
        TempLibrary lib;
        const QString folder = lib.file(QStringLiteral("csv"));
        QVERIFY(exportInto(lib, folder).ok());
        tellStory(lib);
        // Replacing the files of an earlier export is asked for (--force; the app's question).
        QVERIFY(!exportInto(lib, folder).ok());
        OutputRules replace;
        replace.replace = true;
        auto again = exportCsv(*lib, folder, replace);
        QVERIFY2(again.ok(), qPrintable(again.message()));
        QCOMPARE(readTable(QDir(folder).filePath(QStringLiteral("attestations.csv"))).rows.size(), 7);
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 6);
    }

    void refusesAFolderThatIsAFile()
    {
        TempLibrary lib;
        tellStory(lib);
        const QString file = lib.file(QStringLiteral("notes.txt"));
        {
            QFile notes(file);
            QVERIFY(notes.open(QIODevice::WriteOnly));
            notes.write("keep me");
        }
        const qint64 events = rowCount(*lib, QStringLiteral("audit_event"));
        auto refused = exportInto(lib, file);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.message(),
                 QStringLiteral("‘%1’ is a file, not a folder: the CSV files need a folder.")
                     .arg(QDir::toNativeSeparators(file)));
        QCOMPARE(fileBytes(file), QByteArray("keep me"));

        auto under = exportInto(lib, file + QStringLiteral("/csv"));
        QVERIFY(!under.ok());
        QVERIFY2(under.message().startsWith(QStringLiteral("Cannot create the folder")),
                 qPrintable(under.message()));
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events); // reading changes nothing

        auto empty = exportInto(lib, QString());
        QCOMPARE(empty.message(), QStringLiteral("No folder was given for the CSV files."));
    }

    void quotesOnlyWhatNeedsIt()
    {
        QCOMPARE(csvRecord({QStringLiteral("plain"), QString(), QStringLiteral("a,b"),
                            QStringLiteral("say \"hi\""), QStringLiteral("two\nlines"),
                            QStringLiteral("cr\r"), QStringLiteral(" spaced ")}),
                 QByteArray("plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\", spaced \r\n"));
        QCOMPARE(csvRecord({QStringLiteral("Zoë")}), QByteArray("Zo\xc3\xab\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
