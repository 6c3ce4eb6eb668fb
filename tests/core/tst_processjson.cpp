// The stable-process/1 format: what it accepts, what it refuses (and where it says the fault is), and
// that writing it back is byte-for-byte deterministic.
#include "ids.h"
#include "processjson.h"
#include "testlibrary.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

// JSON written with ' for " so that the test cases read as the documents they are.
QByteArray json(const char* text)
{
    return QByteArray(text).replace('\'', '"');
}

// A valid document whose second step is `secondStep`.
QByteArray withStep(const char* secondStep)
{
    return json("{'format':'stable-process/1','key':'release','name':'Release','steps':["
                "{'key':'build','name':'Build','checks':[{'key':'tests','statement':'Tests "
                "pass','stage':'exit'}]},") +
           json(secondStep) + "]}";
}

ValueStream sampleWithIds()
{
    ValueStream stream;
    stream.id = newId();
    stream.key = QStringLiteral("release");
    stream.name = QStringLiteral("Software Release");
    stream.purpose = QStringLiteral("Ship it — safely.");
    stream.owner = QStringLiteral("Release manager");
    Step step;
    step.id = newId();
    step.key = QStringLiteral("deploy");
    step.name = QStringLiteral("Deploy");
    step.throughput = QStringLiteral("Install **the package**.");
    step.ownerRole = QStringLiteral("DBA");
    step.plannedHours = 2.5;
    step.inputs = {Port{newId(), QStringLiteral("Install package"), QStringLiteral("build")}};
    step.outputs = {Port{newId(), QStringLiteral("Production release"), QStringLiteral("Users")}};
    QualityCheck check;
    check.id = newId();
    check.key = QStringLiteral("go");
    check.statement = QStringLiteral("All stored procedures confirmed to have 'Go' at the end");
    check.stage = Stage::InProcess;
    check.critical = true;
    check.guardsAgainst = QStringLiteral("Procedure deployed without GO");
    check.severity = 7;
    check.occurrence = 4;
    check.detection = 3;
    check.originIncidentId = newId();
    step.checks = {check};
    stream.steps = {step};
    return stream;
}

} // namespace

class TestProcessJson : public QObject
{
    Q_OBJECT
private slots:
    void roundTripKeepsEverythingWithIds()
    {
        const ValueStream original = sampleWithIds();
        const QJsonObject written = processToJson(original, true);
        auto read = processFromJson(written, QStringLiteral("snapshot"));
        QVERIFY2(read.ok(), qPrintable(read.message()));
        QCOMPARE(processToJson(read.value(), true), written);
        const QualityCheck& check = read->steps.at(0).checks.at(0);
        QCOMPARE(read->id, original.id);
        QCOMPARE(read->steps.at(0).id, original.steps.at(0).id);
        QCOMPARE(read->steps.at(0).inputs.at(0).id, original.steps.at(0).inputs.at(0).id);
        QCOMPARE(read->steps.at(0).plannedHours, 2.5);
        QCOMPARE(check.id, original.steps.at(0).checks.at(0).id);
        QCOMPARE(check.originIncidentId, original.steps.at(0).checks.at(0).originIncidentId);
        QCOMPARE(check.stage, Stage::InProcess);
        QVERIFY(check.critical);
        QCOMPARE(check.riskPriority(), 7 * 4 * 3);
    }

    void sharingLeavesIdsOut()
    {
        const QJsonObject shared = processToJson(sampleWithIds(), false);
        const QByteArray text = QJsonDocument(shared).toJson(QJsonDocument::Compact);
        QVERIFY(!text.contains("\"id\""));
        QVERIFY(!text.contains("origin_incident"));
        QCOMPARE(shared.value(QStringLiteral("format")).toString(), QStringLiteral("stable-process/1"));
        auto read = processFromJson(shared, QStringLiteral("shared.json"));
        QVERIFY2(read.ok(), qPrintable(read.message()));
        QVERIFY(read->id.isEmpty());
        QVERIFY(read->steps.at(0).checks.at(0).id.isEmpty());
    }

    void missingOptionalFieldsTakeDefaults()
    {
        auto read = parseProcessJson(
            json("{'format':'stable-process/1','key':'r','name':'R','steps':[{'key':'s','name':'S','checks':"
                 "[{'key':'c','statement':'Done','stage':'entry'}]}]}"),
            QStringLiteral("min.json"));
        QVERIFY2(read.ok(), qPrintable(read.message()));
        QVERIFY(read->purpose.isEmpty());
        const Step& step = read->steps.at(0);
        QCOMPARE(step.plannedHours, 0.0);
        QVERIFY(step.inputs.isEmpty());
        const QualityCheck& check = step.checks.at(0);
        QCOMPARE(check.stage, Stage::Entry);
        QVERIFY(!check.critical);
        QCOMPARE(check.severity, 5);
        QCOMPARE(check.occurrence, 5);
        QCOMPARE(check.detection, 5);
    }

    void refusesWithThePlaceOfTheFault_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an object")
            << json("[1, 2]")
            << QStringLiteral("release.json: a process file is one JSON object with "
                              "\"format\": \"stable-process/1\"");
        QTest::newRow("no format") << json("{'key':'r','name':'R'}")
                                   << QStringLiteral("release.json: ‘format’ is missing (a process file says "
                                                     "\"format\": \"stable-process/1\")");
        QTest::newRow("other format")
            << json("{'format':'stable-process/2','key':'r','name':'R'}")
            << QStringLiteral("release.json: format ‘stable-process/2’ is not stable-process/1");
        QTest::newRow("format not text") << json("{'format':1,'key':'r','name':'R'}")
                                         << QStringLiteral("release.json: format 1 is not stable-process/1");
        QTest::newRow("a library") << json("{'format':'stable-library/1'}")
                                   << QStringLiteral(
                                          "release.json: this is a whole library (stable-library/1), not "
                                          "a process; import it as a new library");
        QTest::newRow("no key") << json("{'format':'stable-process/1','name':'R'}")
                                << QStringLiteral("release.json: ‘key’ is missing");
        QTest::newRow("bad key") << json("{'format':'stable-process/1','key':'my release','name':'R'}")
                                 << QStringLiteral(
                                        "release.json: key ‘my release’ is not valid: use letters, digits, "
                                        "‘-’, ‘_’ and ‘.’ (at most 64, starting with a letter or digit)");
        QTest::newRow("no name") << json("{'format':'stable-process/1','key':'r'}")
                                 << QStringLiteral("release.json: ‘name’ is missing");
        QTest::newRow("blank name") << json("{'format':'stable-process/1','key':'r','name':'  '}")
                                    << QStringLiteral("release.json: ‘name’ is empty");
        QTest::newRow("name not text") << json("{'format':'stable-process/1','key':'r','name':['R']}")
                                       << QStringLiteral("release.json: ‘name’ must be text (got a list)");
        QTest::newRow("steps not a list")
            << json("{'format':'stable-process/1','key':'r','name':'R','steps':{}}")
            << QStringLiteral("release.json: ‘steps’ must be a list (got an object)");
        QTest::newRow("step not an object")
            << withStep("3") << QStringLiteral("release.json: steps[1]: must be an object (got 3)");
        QTest::newRow("step without name")
            << withStep("{'key':'deploy'}") << QStringLiteral("release.json: steps[1]: ‘name’ is missing");
        QTest::newRow("duplicate step key")
            << withStep("{'key':'build','name':'Build again'}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Build again’: key ‘build’ is already used by steps[0] ‘Build’");
        QTest::newRow("unknown step field")
            << withStep("{'key':'deploy','name':'Deploy','owner':'Ann'}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: unknown field ‘owner’ (a step has id, key, name, "
                   "throughput, owner_role, planned_hours, inputs, outputs, checks)");
        QTest::newRow("negative hours")
            << withStep("{'key':'deploy','name':'Deploy','planned_hours':-1}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: ‘planned_hours’ must be a number of hours from 0 to "
                   "10000 (got -1)");
        QTest::newRow("hours as text")
            << withStep("{'key':'deploy','name':'Deploy','planned_hours':'2'}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: ‘planned_hours’ must be a number of hours from 0 to "
                   "10000 (got text ‘2’)");
        QTest::newRow("input without name")
            << withStep("{'key':'deploy','name':'Deploy','inputs':[{'supplier':'build'}]}")
            << QStringLiteral("release.json: steps[1] ‘Deploy’: inputs[0]: ‘name’ is missing");
        QTest::newRow("output with a supplier")
            << withStep("{'key':'deploy','name':'Deploy','outputs':[{'name':'Release','supplier':'x'}]}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: outputs[0] ‘Release’: unknown field ‘supplier’ (an "
                   "output has id, name, customer)");
        QTest::newRow("stage later")
            << withStep("{'key':'deploy','name':'Deploy','checks':[{'key':'go','statement':'GO at the end',"
                        "'stage':'later'}]}")
            << QStringLiteral("release.json: steps[1] ‘Deploy’: checks[0] ‘go’: stage ‘later’ is not entry, "
                              "in-process or exit");
        QTest::newRow("no stage")
            << withStep(
                   "{'key':'deploy','name':'Deploy','checks':[{'key':'go','statement':'GO at the end'}]}")
            << QStringLiteral("release.json: steps[1] ‘Deploy’: checks[0] ‘go’: ‘stage’ is missing");
        QTest::newRow("no statement")
            << withStep("{'key':'deploy','name':'Deploy','checks':[{'key':'go','stage':'exit'}]}")
            << QStringLiteral("release.json: steps[1] ‘Deploy’: checks[0] ‘go’: ‘statement’ is missing");
        QTest::newRow("duplicate check key")
            << withStep(
                   "{'key':'deploy','name':'Deploy','checks':[{'key':'go','statement':'A','stage':'exit'},"
                   "{'key':'go','statement':'B','stage':'exit'}]}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: checks[1] ‘go’: key ‘go’ is already used by checks[0]");
        QTest::newRow("severity 11")
            << withStep(
                   "{'key':'deploy','name':'Deploy','checks':[{'key':'go','statement':'A','stage':'exit',"
                   "'severity':11}]}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: checks[0] ‘go’: ‘severity’ must be a whole number "
                   "from 1 to 10 (got 11)");
        QTest::newRow("occurrence 2.5")
            << withStep(
                   "{'key':'deploy','name':'Deploy','checks':[{'key':'go','statement':'A','stage':'exit',"
                   "'occurrence':2.5}]}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: checks[0] ‘go’: ‘occurrence’ must be a whole number "
                   "from 1 to 10 (got 2.5)");
        QTest::newRow("detection as text")
            << withStep(
                   "{'key':'deploy','name':'Deploy','checks':[{'key':'go','statement':'A','stage':'exit',"
                   "'detection':'high'}]}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: checks[0] ‘go’: ‘detection’ must be a whole number "
                   "from 1 to 10 (got text ‘high’)");
        QTest::newRow("critical as text")
            << withStep(
                   "{'key':'deploy','name':'Deploy','checks':[{'key':'go','statement':'A','stage':'exit',"
                   "'critical':'yes'}]}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: checks[0] ‘go’: ‘critical’ must be true or false "
                   "(got text ‘yes’)");
        QTest::newRow("misspelt field")
            << withStep(
                   "{'key':'deploy','name':'Deploy','checks':[{'key':'go','statement':'A','stage':'exit',"
                   "'severty':9}]}")
            << QStringLiteral(
                   "release.json: steps[1] ‘Deploy’: checks[0] ‘go’: unknown field ‘severty’ (a check has "
                   "id, key, statement, stage, critical, guards_against, severity, occurrence, detection, "
                   "origin_incident)");
        QTest::newRow("bad id") << withStep("{'id':'42','key':'deploy','name':'Deploy'}")
                                << QStringLiteral(
                                       "release.json: steps[1] ‘Deploy’: ‘id’ is not an id (got text ‘42’)");
    }

    void refusesWithThePlaceOfTheFault()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, message);
        auto read = parseProcessJson(document, QStringLiteral("release.json"));
        QVERIFY(!read.ok());
        QCOMPARE(read.message(), message);
        QCOMPARE(read.kind(), ErrorKind::Invalid);
    }

    void refusesWhatIsNotJsonSayingWhere()
    {
        auto read = parseProcessJson(json("{'format': 'stable-process/1',\n 'key': }"),
                                     QStringLiteral("release.json"));
        QVERIFY(!read.ok());
        QVERIFY2(read.message().startsWith(QStringLiteral("release.json is not valid JSON: ")),
                 qPrintable(read.message()));
        QVERIFY2(read.message().contains(QStringLiteral("at line 2, column 10 (offset 40)")),
                 qPrintable(read.message()));
    }

    void goldenFileRoundTripsByteForByte()
    {
        const QString path = QStringLiteral(STABLE_TEST_DATA_DIR "/process/release.json");
        const QByteArray golden = fileBytes(path);
        QVERIFY(!golden.isEmpty());
        auto read = parseProcessJson(golden, QStringLiteral("release.json"));
        QVERIFY2(read.ok(), qPrintable(read.message()));
        QCOMPARE(read->steps.size(), 3);
        QCOMPARE(read->steps.at(1).checks.at(1).key, QStringLiteral("go"));
        QCOMPARE(read->steps.at(0).plannedHours, 1.5);
        QVERIFY(read->purpose.contains(QStringLiteral("team’s")));
        QCOMPARE(processDocument(read.value(), false), golden);
        // The canonical compact form is what revisions store and hash: the same for the same process.
        QCOMPARE(QJsonDocument(processToJson(read.value(), false)).toJson(QJsonDocument::Compact),
                 QJsonDocument::fromJson(golden).toJson(QJsonDocument::Compact));
    }
};

QTEST_GUILESS_MAIN(TestProcessJson)
#include "tst_processjson.moc"
