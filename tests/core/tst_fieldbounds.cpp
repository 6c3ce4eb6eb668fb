// Every field has a documented bound (README "Field bounds"), refused in core with a message on every
// write path — the domain's functions the app and stablectl call, process, BPMN and library imports —
// and stored text refuses control characters (tab and line feed only in multi-line fields).
#include "bpmn.h"
#include "fieldbounds.h"
#include "fixtures.h"
#include "incidentdetails.h"
#include "incidents.h"
#include "libraryjson.h"
#include "libraryjsonfixture.h"
#include "process.h"
#include "processjson.h"
#include "revisions.h"
#include "rework.h"
#include "runs.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

const QStringList tables = {QStringLiteral("person"),   QStringLiteral("stream"),   QStringLiteral("step"),
                            QStringLiteral("run"),      QStringLiteral("incident"), QStringLiteral("rework"),
                            QStringLiteral("team_hours"), QStringLiteral("attestation"),
                            QStringLiteral("attestation_void"), QStringLiteral("audit_event")};

QString longText(qsizetype size)
{
    return QString(size, QLatin1Char('x'));
}

const QString escape = QStringLiteral("Release \x1b]0;pwned\x07");

// A published release stream, an open run and an incident: what the bounds below are tried on.
struct World
{
    Signer alice;
    QString run;
};

World makeWorld(TempLibrary& lib)
{
    World world{lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL")), {}};
    publishSample(*lib, world.alice);
    StartRun start;
    start.stream = QStringLiteral("release");
    start.title = QStringLiteral("Release 1");
    world.run = startRun(*lib, start)->id;
    NewIncident incident;
    incident.stream = QStringLiteral("release");
    incident.title = QStringLiteral("Smoke test missed");
    if (!addIncident(*lib, incident).ok())
        qFatal("incident");
    return world;
}

} // namespace

class TestFieldBounds : public QObject
{
    Q_OBJECT
private slots:
    void checkTextKeepsTheRules()
    {
        QVERIFY(checkText(QStringLiteral("A title"), longText(200), 200, Lines::One).ok());
        const Status tooLong = checkText(QStringLiteral("A title"), longText(201), 200, Lines::One);
        QCOMPARE(tooLong.message(), QStringLiteral("A title is 201 characters long; it may have at most 200."));
        const Status control = checkText(QStringLiteral("A title"), escape, 200, Lines::One);
        QCOMPARE(control.message(), QStringLiteral("A title holds a control character (U+001B at character 9); "
                                                   "it is one line of plain text."));
        QVERIFY(!checkText(QStringLiteral("A title"), QStringLiteral("a\tb"), 200, Lines::One).ok());
        QVERIFY(!checkText(QStringLiteral("A title"), QStringLiteral("a\nb"), 200, Lines::One).ok());
        QVERIFY(checkText(QStringLiteral("A note"), QStringLiteral("a\tb\nc"), 200, Lines::Many).ok());
        QVERIFY(!checkText(QStringLiteral("A note"), QStringLiteral("a\rb"), 200, Lines::Many).ok());
        QVERIFY(!checkText(QStringLiteral("A note"), QStringLiteral("a\x7f"), 200, Lines::Many).ok());
        QVERIFY(!checkText(QStringLiteral("A note"), QStringLiteral("a\u009b2J"), 200, Lines::Many).ok());
        QVERIFY(checkText(QStringLiteral("A note"), QStringLiteral("Zoë ✓ 日本"), 200, Lines::Many).ok());
    }

    void visibleTextShowsControlsInert()
    {
        QCOMPARE(visibleText(escape), QStringLiteral("Release \\e]0;pwned\\x07"));
        QCOMPARE(visibleText(QStringLiteral("a\tb\nc\u009b")), QStringLiteral("a\\tb\\nc\\x9b"));
        QCOMPARE(visibleText(QStringLiteral("a\tb\nc"), Lines::Many), QStringLiteral("a\tb\nc"));
    }

    void namesAndTitlesAreBounded()
    {
        TempLibrary lib;
        const World world = makeWorld(lib);
        const RowCounts before = rowCounts(*lib, tables);

        NewPerson person{longText(201), QStringLiteral("BO"), {}, QStringLiteral("1234")};
        expectRefused(*lib, addPerson(*lib, person), QStringLiteral("A person's name is 201 characters long"), before);
        person.name = QStringLiteral("Bob\x1b[8m");
        expectRefused(*lib, addPerson(*lib, person), QStringLiteral("A person's name holds a control character"), before);
        person.name = QStringLiteral("Bob");
        person.role = longText(201);
        expectRefused(*lib, addPerson(*lib, person), QStringLiteral("A person's role is 201 characters"), before);

        StartRun start;
        start.stream = QStringLiteral("release");
        start.title = longText(131000);
        expectRefused(*lib, startRun(*lib, start), QStringLiteral("The run title is 131000 characters long; it may "
                                                                  "have at most 200."),
                      before);
        start.title = escape;
        expectRefused(*lib, startRun(*lib, start), QStringLiteral("The run title holds a control character"), before);
        start.title = longText(200);
        QVERIFY(startRun(*lib, start).ok());
    }

    void signaturesAndRunsAreBounded()
    {
        TempLibrary lib;
        const World world = makeWorld(lib);
        const RowCounts before = rowCounts(*lib, tables);
        SignRequest request;
        request.run = world.run;
        request.item = QStringLiteral("build/tests");
        request.note = longText(10001);
        expectRefused(*lib, sign(*lib, world.alice, request), QStringLiteral("The note is 10001 characters"), before);
        request.note = QStringLiteral("line one\n\tline two \x1b[2J");
        expectRefused(*lib, sign(*lib, world.alice, request), QStringLiteral("The note holds a control character (U+001B"),
                      before);
        request.note = QStringLiteral("line one\n\tline two");
        request.evidence = QStringLiteral("https://ci.example.com/1\nhttps://evil.example.com");
        expectRefused(*lib, sign(*lib, world.alice, request),
                      QStringLiteral("The evidence location holds a control character (U+000A"), before);
        request.evidence = QStringLiteral("https://ci.example.com/") + longText(2000);
        expectRefused(*lib, sign(*lib, world.alice, request), QStringLiteral("The evidence location is 2023 characters"),
                      before);
        request.evidence = QStringLiteral("https://ci.example.com/1");
        auto signedOne = sign(*lib, world.alice, request);
        QVERIFY2(signedOne.ok(), qPrintable(signedOne.message()));

        const RowCounts signedCounts = rowCounts(*lib, tables);
        expectRefused(*lib, voidAttestation(*lib, world.alice, world.run, signedOne->id, longText(10001)),
                      QStringLiteral("The reason of a void is 10001 characters"), signedCounts);
        CloseRun close;
        close.run = world.run;
        close.rolledBack = true;
        close.lessons = longText(100001);
        expectRefused(*lib, closeRun(*lib, close), QStringLiteral("The lessons learned is 100001 characters"),
                      signedCounts);
        close.lessons = QStringLiteral("Keep the checksum step,\n\talways.");
        QVERIFY(closeRun(*lib, close).ok());
    }

    void incidentsAreBounded()
    {
        TempLibrary lib;
        makeWorld(lib);
        const RowCounts before = rowCounts(*lib, tables);
        NewIncident incident;
        incident.stream = QStringLiteral("release");
        incident.title = QStringLiteral("<h1>") + longText(200);
        expectRefused(*lib, addIncident(*lib, incident), QStringLiteral("The title of an incident is 204 characters"),
                      before);
        incident.title = QStringLiteral("Fine");
        incident.whatHappened = longText(100001);
        expectRefused(*lib, addIncident(*lib, incident), QStringLiteral("What happened is 100001 characters"), before);
        incident.whatHappened.clear();
        incident.category = QStringLiteral("cat\x07");
        expectRefused(*lib, addIncident(*lib, incident),
                      QStringLiteral("The category of an incident holds a control character (U+0007"), before);

        IncidentDetails details;
        details.incident = QStringLiteral("INC-1");
        details.title = escape;
        expectRefused(*lib, updateIncident(*lib, details), QStringLiteral("The title of an incident holds a control"),
                      before);

        expectRefused(*lib, analyseIncident(*lib, QStringLiteral("INC-1"), {longText(2001)}, QStringLiteral("Cause")),
                      QStringLiteral("Why 1 of INC-1 is 2001 characters"), before);
        expectRefused(*lib, analyseIncident(*lib, QStringLiteral("INC-1"), {QStringLiteral("Why")}, longText(2001)),
                      QStringLiteral("The root cause of INC-1 is 2001 characters"), before);
        QVERIFY(analyseIncident(*lib, QStringLiteral("INC-1"), {QStringLiteral("Why\n\tone")}, QStringLiteral("Cause"))
                    .ok());
    }

    void numbersAndDatesAreBounded()
    {
        TempLibrary lib; // today is 2026-03-01
        const RowCounts before = rowCounts(*lib, tables);
        NewRework rework;
        rework.date = QDate(2026, 2, 1);
        rework.hours = 1e308;
        expectRefused(*lib, addRework(*lib, rework), QStringLiteral("Rework hours must be more than 0 and at most 24"),
                      before);
        rework.hours = std::numeric_limits<double>::quiet_NaN();
        expectRefused(*lib, addRework(*lib, rework), QStringLiteral("Rework hours must be more than 0"), before);
        rework.hours = 2;
        rework.date = QDate(1900, 1, 1);
        expectRefused(*lib, addRework(*lib, rework),
                      QStringLiteral("Rework cannot be dated before 2000-01-01 (got 1900-01-01)."), before);
        rework.date = QDate(2026, 3, 3);
        expectRefused(*lib, addRework(*lib, rework), QStringLiteral("Rework cannot be logged for a future date"),
                      before);
        rework.date = QDate(2026, 3, 2); // a day ahead: another time zone's today
        rework.note = QStringLiteral("\x1b[31mred");
        expectRefused(*lib, addRework(*lib, rework), QStringLiteral("The rework note holds a control character"), before);
        rework.note = longText(10001);
        expectRefused(*lib, addRework(*lib, rework), QStringLiteral("The rework note is 10001 characters"), before);
        rework.note = QStringLiteral("Re-ran\n\ttwice");
        QVERIFY(addRework(*lib, rework).ok());
        rework.date = QDate(2000, 1, 1);
        QVERIFY(addRework(*lib, rework).ok());

        const RowCounts logged = rowCounts(*lib, tables);
        expectRefused(*lib, setTeamHours(*lib, QStringLiteral("2026-01"), 1e308),
                      QStringLiteral("Team hours of 2026-01 must be more than 0 and at most 1000000 (got 1e+308)."),
                      logged);
        expectRefused(*lib, setTeamHours(*lib, QStringLiteral("2026-01"), 0), QStringLiteral("must be more than 0"),
                      logged);
        expectRefused(*lib, setTeamHours(*lib, QStringLiteral("1999-12"), 160),
                      QStringLiteral("Team hours cannot be given for a month before 2000-01"), logged);
        QVERIFY(setTeamHours(*lib, QStringLiteral("2026-01"), 1000000).ok());

        const Status rate = setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("1e308"));
        QCOMPARE(rate.message(), QStringLiteral("hourly-rate must be a number from 0 to 100000 (got ‘1e308’)."));
        QVERIFY(!setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("inf")).ok());
        QVERIFY(setSetting(*lib, QStringLiteral("hourly-rate"), QStringLiteral("100000")).ok());
    }

    void processEditsAndImportsAreBounded()
    {
        TempLibrary lib;
        ValueStream stream = sampleProcess();
        stream.name = longText(201);
        QVERIFY2(!importProcess(*lib, stream).ok(), "a long stream name");
        QVERIFY(importProcess(*lib, stream).message().contains(QStringLiteral("is 201 characters long")));
        stream = sampleProcess();
        stream.steps[0].name = QString(5 * 1024 * 1024, QLatin1Char('n'));
        QVERIFY(importProcess(*lib, stream).message().contains(QStringLiteral("The name of the step ‘build’ is 5242880")));
        stream = sampleProcess();
        stream.steps[0].throughput = QStringLiteral("1. Compile\n\t2. Test \x1b[2J");
        QVERIFY(importProcess(*lib, stream).message().contains(
            QStringLiteral("The throughput of ‘build’ holds a control character (U+001B")));
        stream = sampleProcess();
        stream.steps[0].checks[0].statement = longText(2001);
        QVERIFY(importProcess(*lib, stream).message().contains(
            QStringLiteral("The statement of the check ‘tests’ is 2001 characters")));
        stream = sampleProcess();
        stream.steps[0].inputs.append(Port{{}, QStringLiteral("Source\x1b"), {}});
        QVERIFY(importProcess(*lib, stream).message().contains(QStringLiteral("An input of ‘build’ holds a control")));
        QCOMPARE(rowCount(*lib, QStringLiteral("stream")), 0);

        // Through the process file (JSON escapes become the control characters).
        auto parsed = parseProcessJson(QByteArrayLiteral("{\"format\": \"stable-process/1\", \"key\": \"k\", "
                                                         "\"name\": \"Evil \\u001b]0;x\\u0007\", \"steps\": []}"),
                                       QStringLiteral("evil.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.message()));
        QVERIFY(importProcess(*lib, parsed.value()).message().contains(
            QStringLiteral("The name of the value stream ‘k’ holds a control character")));

        // Through a BPMN model: a task name of 5 MB.
        const QByteArray bpmn =
            QByteArrayLiteral("<?xml version=\"1.0\"?><bpmn:definitions "
                              "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"P\" "
                              "name=\"Big\"><bpmn:task id=\"T\" name=\"") +
            QByteArray(5 * 1024 * 1024, 'n') + QByteArrayLiteral("\"/></bpmn:process></bpmn:definitions>");
        auto model = parseBpmn(bpmn, QStringLiteral("big.bpmn"));
        QVERIFY2(model.ok(), qPrintable(model.message()));
        auto imported = importBpmnStreams(*lib, model.value(), QStringLiteral("big.bpmn"));
        QVERIFY(!imported.ok());
        QVERIFY2(imported.message().contains(QStringLiteral("characters long; it may have at most 200")),
                 qPrintable(imported.message()));
        QCOMPARE(rowCount(*lib, QStringLiteral("stream")), 0);

        // An edit of the draft.
        QVERIFY(importProcess(*lib, sampleProcess()).ok());
        auto draft = loadDraft(*lib, QStringLiteral("release"));
        QVERIFY(draft.ok());
        Step step = draft->steps.at(0);
        step.ownerRole = QStringLiteral("DBA\x1b[0m");
        QVERIFY(updateStep(*lib, step).message().contains(QStringLiteral("The owner role of ‘build’ holds a control")));
        QualityCheck check = step.checks.at(0);
        check.guardsAgainst = longText(2001);
        QVERIFY(updateCheck(*lib, check).message().contains(QStringLiteral("The failure mode of the check ‘tests’")));
    }

    void aLibraryDocumentIsBoundedLikeTheDomain_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expected");
        QTest::newRow("run title") << QStringLiteral("run title") << QStringLiteral("runs[0]: A run's title is 300");
        QTest::newRow("rework hours") << QStringLiteral("rework hours")
                                      << QStringLiteral("rework[0]: Rework hours must be more than 0");
        QTest::newRow("rework date") << QStringLiteral("rework date")
                                     << QStringLiteral("rework[0]: Rework cannot be dated before 2000-01-01");
        QTest::newRow("person name") << QStringLiteral("person name")
                                     << QStringLiteral("people[0]: A person's name holds a control character");
        QTest::newRow("hourly rate") << QStringLiteral("hourly rate")
                                     << QStringLiteral("settings.hourly-rate: hourly-rate must be a number");
        QTest::newRow("team hours") << QStringLiteral("team hours")
                                    << QStringLiteral("team_hours[0]: Team hours of a month must be more than 0");
    }
    void aLibraryDocumentIsBoundedLikeTheDomain()
    {
        QFETCH(QString, change);
        QFETCH(QString, expected);
        TempLibrary source;
        buildFixture(source);
        QJsonObject document = parsed(exportBytes(*source));
        const auto changeFirst = [&document](const QString& list, const QString& key, const QJsonValue& value) {
            QJsonArray array = document.value(list).toArray();
            QJsonObject first = array.at(0).toObject();
            first.insert(key, value);
            array.replace(0, first);
            document.insert(list, array);
        };
        if (change == QLatin1String("run title"))
            changeFirst(QStringLiteral("runs"), QStringLiteral("title"), longText(300));
        else if (change == QLatin1String("rework hours"))
            changeFirst(QStringLiteral("rework"), QStringLiteral("hours"), 1e308);
        else if (change == QLatin1String("rework date"))
            changeFirst(QStringLiteral("rework"), QStringLiteral("date"), QStringLiteral("1900-01-01"));
        else if (change == QLatin1String("person name"))
            changeFirst(QStringLiteral("people"), QStringLiteral("name"), escape);
        else if (change == QLatin1String("team hours"))
            changeFirst(QStringLiteral("team_hours"), QStringLiteral("hours"), 1e308);
        else if (change == QLatin1String("hourly rate")) {
            QJsonObject settings = document.value(QStringLiteral("settings")).toObject();
            settings.insert(QStringLiteral("hourly-rate"), QStringLiteral("1e308"));
            document.insert(QStringLiteral("settings"), settings);
        }
        TempLibrary target;
        const Status imported = importLibrary(*target, QJsonDocument(document).toJson(), QStringLiteral("team.json"));
        QVERIFY(!imported.ok());
        QVERIFY2(imported.message().contains(expected), qPrintable(imported.message()));
        QCOMPARE(totalRows(*target), 0);
    }
};

QTEST_GUILESS_MAIN(TestFieldBounds)
#include "tst_fieldbounds.moc"
