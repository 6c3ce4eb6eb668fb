// stablectl end to end: a team's whole story through the real binary on real files, each command taking
// the ids the previous one printed, and the JSON shapes of DESIGN.md §6 as scripts read them.
#include "stablectl_harness.h"
#include "testlibrary.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stable::test;

namespace {

const QJsonObject itemByRef(const QJsonArray& items, const QString& ref)
{
    for (const QJsonValue& item : items) {
        if (item[QStringLiteral("ref")].toString() == ref)
            return item.toObject();
    }
    return {};
}

} // namespace

class TestStablectl : public QObject
{
    Q_OBJECT
private slots:
    void versionAndHelp()
    {
        const CtlResult version = ctl({QStringLiteral("--version")});
        CTL_OK(version);
        QCOMPARE(version.out, QStringLiteral("stablectl %1\n").arg(QLatin1String(STABLE_VERSION)));

        const CtlResult help = ctl({QStringLiteral("--help")});
        CTL_OK(help);
        for (const char* command :
             {"stablectl init LIB", "stablectl run sign LIB RUN STEP/CHECK --outcome pass|fail|na",
              "stablectl incident analyse LIB INC-KEY --why TEXT [--why TEXT]...", "stablectl metrics LIB",
              "stablectl receipt LIB RUN", "stablectl import-bpmn LIB MODEL.bpmn", "stablectl export-csv LIB DIR"})
            QVERIFY2(help.out.contains(QLatin1String(command)), command);
        QVERIFY2(!help.out.contains(QLatin1String("--pin ")), "no PIN option anywhere");

        const CtlResult one = ctl({QStringLiteral("help"), QStringLiteral("run"), QStringLiteral("void")});
        CTL_OK(one);
        QVERIFY(one.out.startsWith(
            QStringLiteral("usage: stablectl run void LIB RUN ATTESTATION --reason TEXT --by PERSON")));
        const CtlResult viaOption = ctl({QStringLiteral("publish"), QStringLiteral("--help")});
        CTL_OK(viaOption);
        QVERIFY(viaOption.out.contains(QStringLiteral("[--answers INC-KEY]...")));
    }

    void wholeStory()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("team.stable"));
        const QString processFile = dir.filePath(QStringLiteral("release.json"));
        {
            QFile file(processFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(releaseProcessJson());
        }

        // A library and its two signers: Alice's PIN from the environment, Bob's from standard input.
        const CtlResult init = ctl({QStringLiteral("init"), lib});
        CTL_OK(init);
        QVERIFY(QFile::exists(lib));
        const CtlResult alice =
            ctl({QStringLiteral("person"), QStringLiteral("add"), lib, QStringLiteral("--name"),
                 QStringLiteral("Alice Example"), QStringLiteral("--initials"), QStringLiteral("AL"),
                 QStringLiteral("--role"), QStringLiteral("Engineer"), QStringLiteral("--pin-env"),
                 QStringLiteral("PIN_AL")});
        CTL_OK(alice);
        const QString aliceId = alice.out.trimmed();
        QVERIFY2(looksLikeUuid(aliceId) && alice.out == aliceId + QLatin1Char('\n'),
                 alice.said().constData());
        const CtlResult bob =
            ctl({QStringLiteral("person"), QStringLiteral("add"), lib, QStringLiteral("--name=Bob Example"),
                 QStringLiteral("--initials"), QStringLiteral("BO"), QStringLiteral("--role"),
                 QStringLiteral("DBA"), QStringLiteral("--json")},
                QByteArray(pinBo) + '\n');
        CTL_OK(bob);
        const QString bobId = bob.json().object().value(QStringLiteral("id")).toString();
        QVERIFY2(looksLikeUuid(bobId), bob.said().constData());

        const CtlResult people =
            ctl({QStringLiteral("person"), QStringLiteral("list"), lib, QStringLiteral("--json")});
        CTL_OK(people);
        const QJsonArray peopleJson = people.json().array();
        QCOMPARE(peopleJson.size(), 2);
        QCOMPARE(peopleJson.at(0)[QStringLiteral("id")].toString(), aliceId);
        QCOMPARE(peopleJson.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Alice Example"));
        QCOMPARE(peopleJson.at(0)[QStringLiteral("initials")].toString(), QStringLiteral("AL"));
        QCOMPARE(peopleJson.at(0)[QStringLiteral("role")].toString(), QStringLiteral("Engineer"));
        QCOMPARE(peopleJson.at(1)[QStringLiteral("initials")].toString(), QStringLiteral("BO"));

        // The process, published by Alice.
        CTL_OK(ctl({QStringLiteral("import"), lib, processFile}));
        CTL_OK(ctl({QStringLiteral("publish"), lib, QStringLiteral("release"), QStringLiteral("--by"),
                    QStringLiteral("AL"), QStringLiteral("--reason"), QStringLiteral("First written version"),
                    QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")}));

        // A run, signed item by item; every id printed is taken by the next command. Signatures dated by
        // --at lie within minutes before the run's start (the clock difference allowed), never earlier.
        const QDateTime base =
            QDateTime::currentDateTimeUtc().addMSecs(-QDateTime::currentDateTimeUtc().time().msec());
        const auto signedAt = [&base](int seconds) { return base.addSecs(seconds).toString(Qt::ISODate); };
        const CtlResult started =
            ctl({QStringLiteral("run"), QStringLiteral("start"), lib, QStringLiteral("release"),
                 QStringLiteral("--title"), QStringLiteral("Release 4.2.0"), QStringLiteral("--kind"),
                 QStringLiteral("release"), QStringLiteral("--rollback-point"),
                 QStringLiteral("2026-03-01T18:00:00Z")});
        CTL_OK(started);
        const QString run = started.out.trimmed();
        QVERIFY(looksLikeUuid(run));

        auto signAs = [&](const QString& item, const QString& outcome, const QString& who,
                          const QStringList& more) {
            QStringList words{QStringLiteral("run"),
                              QStringLiteral("sign"),
                              lib,
                              run,
                              item,
                              QStringLiteral("--outcome"),
                              outcome,
                              QStringLiteral("--by"),
                              who};
            words += more;
            // Alice's PIN comes from the environment, Bob's from standard input.
            if (who == QLatin1String("AL") || who == aliceId)
                return ctl(words + QStringList{QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")});
            return ctl(words, QByteArray(pinBo) + '\n');
        };
        const CtlResult tests = signAs(QStringLiteral("build/tests"), QStringLiteral("pass"),
                                       QStringLiteral("AL"), {QStringLiteral("--at"), signedAt(-240)});
        CTL_OK(tests);
        const QString testsAttestation = tests.out.trimmed();
        QVERIFY(looksLikeUuid(testsAttestation));
        const CtlResult artifactFail = signAs(QStringLiteral("build/artifact"), QStringLiteral("fail"), bobId,
                                              {QStringLiteral("--note"), QStringLiteral("checksum missing"),
                                               QStringLiteral("--at"), signedAt(-230)});
        CTL_OK(artifactFail);
        CTL_OK(signAs(QStringLiteral("build/artifact"), QStringLiteral("pass"), QStringLiteral("BO"),
                      {QStringLiteral("--at"), signedAt(-220), QStringLiteral("--json")}));
        CTL_OK(signAs(QStringLiteral("deploy/go"), QStringLiteral("pass"), QStringLiteral("AL"),
                      {QStringLiteral("--at"), signedAt(-210)}));

        // The critical item: the same person twice is refused and changes nothing; a second person completes
        // it.
        const qint64 beforeTwice = auditEvents(lib);
        const CtlResult twice =
            signAs(QStringLiteral("deploy/go"), QStringLiteral("pass"), QStringLiteral("AL"), {});
        CTL_REFUSED(twice, "needs two different people", lib, beforeTwice);
        CTL_OK(signAs(QStringLiteral("deploy/go"), QStringLiteral("pass"), QStringLiteral("BO"),
                      {QStringLiteral("--meaning"), QStringLiteral("verified"), QStringLiteral("--at"),
                       signedAt(-200)}));

        // A signature on the wrong evidence is voided by its signer and signed again.
        const CtlResult smoke =
            signAs(QStringLiteral("deploy/smoke"), QStringLiteral("pass"), QStringLiteral("AL"),
                   {QStringLiteral("--evidence"), QStringLiteral("https://ci.example/job/41"),
                    QStringLiteral("--at"), signedAt(-190)});
        CTL_OK(smoke);
        const QString wrongSmoke = smoke.out.trimmed();
        const CtlResult voided = ctl(
            {QStringLiteral("run"), QStringLiteral("void"), lib, run, wrongSmoke, QStringLiteral("--reason"),
             QStringLiteral("signed against the wrong build"), QStringLiteral("--by"), QStringLiteral("AL"),
             QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")});
        CTL_OK(voided);
        QVERIFY(looksLikeUuid(voided.out.trimmed()));
        CTL_OK(signAs(QStringLiteral("deploy/smoke"), QStringLiteral("pass"), QStringLiteral("BO"),
                      {QStringLiteral("--evidence"), QStringLiteral("https://ci.example/job/42"),
                       QStringLiteral("--at"), signedAt(-180)}));

        // run show --json: the shape and the values a script reads.
        const CtlResult shown =
            ctl({QStringLiteral("run"), QStringLiteral("show"), lib, run, QStringLiteral("--json")});
        CTL_OK(shown);
        const QJsonObject runJson = shown.json().object();
        QCOMPARE(runJson[QStringLiteral("id")].toString(), run);
        QCOMPARE(runJson[QStringLiteral("title")].toString(), QStringLiteral("Release 4.2.0"));
        QCOMPARE(runJson[QStringLiteral("stream")].toString(), QStringLiteral("release"));
        QCOMPARE(runJson[QStringLiteral("revision")].toInt(), 1);
        QCOMPARE(runJson[QStringLiteral("status")].toString(), QStringLiteral("open"));
        const QJsonArray items = runJson[QStringLiteral("items")].toArray();
        QCOMPARE(items.size(), 4);
        QStringList refs;
        for (const QJsonValue& item : items)
            refs.append(item[QStringLiteral("ref")].toString());
        QCOMPARE(refs, (QStringList{QStringLiteral("build/tests"), QStringLiteral("build/artifact"),
                                    QStringLiteral("deploy/go"), QStringLiteral("deploy/smoke")}));
        const QJsonObject testsItem = itemByRef(items, QStringLiteral("build/tests"));
        QCOMPARE(testsItem[QStringLiteral("statement")].toString(), QStringLiteral("All unit tests pass"));
        QCOMPARE(testsItem[QStringLiteral("stage")].toString(), QStringLiteral("in-process"));
        QCOMPARE(testsItem[QStringLiteral("critical")], QJsonValue(false));
        QCOMPARE(testsItem[QStringLiteral("state")].toString(), QStringLiteral("passed"));
        const QJsonObject first = testsItem[QStringLiteral("attestations")].toArray().at(0).toObject();
        QCOMPARE(first[QStringLiteral("id")].toString(), testsAttestation);
        QCOMPARE(first[QStringLiteral("outcome")].toString(), QStringLiteral("pass"));
        QCOMPARE(first[QStringLiteral("signer")].toString(), QStringLiteral("AL"));
        QCOMPARE(first[QStringLiteral("signer_name")].toString(), QStringLiteral("Alice Example"));
        QCOMPARE(first[QStringLiteral("meaning")].toString(), QStringLiteral("performed"));
        QCOMPARE(first[QStringLiteral("at")].toString(), signedAt(-240));
        QCOMPARE(first[QStringLiteral("note")], QJsonValue(QString()));
        QCOMPARE(first[QStringLiteral("evidence")], QJsonValue(QString()));
        QCOMPARE(first[QStringLiteral("voided")], QJsonValue(false));
        QCOMPARE(first[QStringLiteral("hash")].toString().size(), 64);

        const QJsonObject artifact = itemByRef(items, QStringLiteral("build/artifact"));
        QCOMPARE(artifact[QStringLiteral("state")].toString(), QStringLiteral("passed"));
        const QJsonArray artifactSigned = artifact[QStringLiteral("attestations")].toArray();
        QCOMPARE(artifactSigned.size(), 2);
        QCOMPARE(artifactSigned.at(0)[QStringLiteral("outcome")].toString(), QStringLiteral("fail"));
        QCOMPARE(artifactSigned.at(0)[QStringLiteral("note")].toString(), QStringLiteral("checksum missing"));
        QCOMPARE(artifactSigned.at(0)[QStringLiteral("signer")].toString(), QStringLiteral("BO"));
        QCOMPARE(artifactSigned.at(1)[QStringLiteral("outcome")].toString(), QStringLiteral("pass"));

        const QJsonObject go = itemByRef(items, QStringLiteral("deploy/go"));
        QCOMPARE(go[QStringLiteral("critical")], QJsonValue(true));
        QCOMPARE(go[QStringLiteral("stage")].toString(), QStringLiteral("entry"));
        QCOMPARE(go[QStringLiteral("state")].toString(), QStringLiteral("passed"));
        const QJsonArray goSigned = go[QStringLiteral("attestations")].toArray();
        QCOMPARE(goSigned.size(), 2);
        QCOMPARE(goSigned.at(1)[QStringLiteral("signer")].toString(), QStringLiteral("BO"));
        QCOMPARE(goSigned.at(1)[QStringLiteral("meaning")].toString(), QStringLiteral("verified"));

        const QJsonArray smokeSigned =
            itemByRef(items, QStringLiteral("deploy/smoke"))[QStringLiteral("attestations")].toArray();
        QCOMPARE(smokeSigned.size(), 2);
        QCOMPARE(smokeSigned.at(0)[QStringLiteral("id")].toString(), wrongSmoke);
        QCOMPARE(smokeSigned.at(0)[QStringLiteral("voided")], QJsonValue(true));
        QCOMPARE(smokeSigned.at(0)[QStringLiteral("void_reason")].toString(),
                 QStringLiteral("signed against the wrong build"));
        QCOMPARE(smokeSigned.at(0)[QStringLiteral("evidence")].toString(),
                 QStringLiteral("https://ci.example/job/41"));
        QCOMPARE(smokeSigned.at(1)[QStringLiteral("voided")], QJsonValue(false));
        QCOMPARE(smokeSigned.at(1)[QStringLiteral("evidence")].toString(),
                 QStringLiteral("https://ci.example/job/42"));

        const CtlResult human = ctl({QStringLiteral("run"), QStringLiteral("show"), lib, run});
        CTL_OK(human);
        QVERIFY2(human.out.contains(QStringLiteral("VOIDED by Alice Example")), human.said().constData());

        CTL_OK(ctl({QStringLiteral("run"), QStringLiteral("close"), lib, run, QStringLiteral("--lessons"),
                    QStringLiteral("Check the checksum before handing over")}));
        const qint64 closedAudit = auditEvents(lib);
        CTL_REFUSED(signAs(QStringLiteral("build/tests"), QStringLiteral("pass"), QStringLiteral("AL"), {}),
                    "is completed; nothing more can be signed", lib, closedAudit);
        const CtlResult runs =
            ctl({QStringLiteral("run"), QStringLiteral("list"), lib, QStringLiteral("--json")});
        CTL_OK(runs);
        const QJsonObject listed = runs.json().array().at(0).toObject();
        QCOMPARE(listed[QStringLiteral("id")].toString(), run);
        QCOMPARE(listed[QStringLiteral("title")].toString(), QStringLiteral("Release 4.2.0"));
        QCOMPARE(listed[QStringLiteral("stream")].toString(), QStringLiteral("release"));
        QCOMPARE(listed[QStringLiteral("revision")].toInt(), 1);
        QCOMPARE(listed[QStringLiteral("status")].toString(), QStringLiteral("completed"));

        // An escaped defect: recorded, analysed, and answered by a new check in a published revision.
        const CtlResult incident =
            ctl({QStringLiteral("incident"), QStringLiteral("add"), lib, QStringLiteral("--title"),
                 QStringLiteral("Release shipped with a stale config"), QStringLiteral("--stream"),
                 QStringLiteral("release"), QStringLiteral("--detected"), QStringLiteral("deploy"),
                 QStringLiteral("--injected"), QStringLiteral("build"), QStringLiteral("--severity"),
                 QStringLiteral("6"), QStringLiteral("--run"), run, QStringLiteral("--occurred"),
                 QStringLiteral("2026-03-02T08:00:00Z")});
        CTL_OK(incident);
        const QString incidentId = incident.out.trimmed();
        QVERIFY(looksLikeUuid(incidentId));
        CTL_OK(ctl({QStringLiteral("incident"), QStringLiteral("analyse"), lib, QStringLiteral("INC-1"),
                    QStringLiteral("--why"), QStringLiteral("The config was not rebuilt"),
                    QStringLiteral("--why"), QStringLiteral("The build does not compare configs"),
                    QStringLiteral("--root-cause"),
                    QStringLiteral("No check of the config at the build step")}));
        CTL_OK(ctl({QStringLiteral("incident"), QStringLiteral("improve"), lib, incidentId,
                    QStringLiteral("--check"), QStringLiteral("The config diff is reviewed"),
                    QStringLiteral("--stage"), QStringLiteral("exit"), QStringLiteral("--key"),
                    QStringLiteral("config")}));
        CTL_OK(ctl({QStringLiteral("publish"), lib, QStringLiteral("release"), QStringLiteral("--by"),
                    QStringLiteral("BO"), QStringLiteral("--reason"),
                    QStringLiteral("Check the config at the build"), QStringLiteral("--answers"),
                    QStringLiteral("INC-1")},
                   QByteArray(pinBo) + '\n'));
        const CtlResult analysed = ctl({QStringLiteral("incident"), QStringLiteral("show"), lib,
                                        QStringLiteral("INC-1"), QStringLiteral("--json")});
        CTL_OK(analysed);
        QCOMPARE(analysed.json()[QStringLiteral("status")].toString(), QStringLiteral("prevented"));
        QCOMPARE(analysed.json()[QStringLiteral("whys")].toArray().size(), 2);

        // The hidden factory.
        const CtlResult rework =
            ctl({QStringLiteral("rework"), QStringLiteral("add"), lib, QStringLiteral("--hours"),
                 QStringLiteral("6"), QStringLiteral("--date"), QStringLiteral("2026-02-10"),
                 QStringLiteral("--stream"), QStringLiteral("release"), QStringLiteral("--step"),
                 QStringLiteral("build"), QStringLiteral("--incident"), QStringLiteral("INC-1"),
                 QStringLiteral("--kind"), QStringLiteral("fire-fighting")});
        CTL_OK(rework);
        QVERIFY(looksLikeUuid(rework.out.trimmed()));
        CTL_OK(ctl({QStringLiteral("rework"), QStringLiteral("add"), lib, QStringLiteral("--hours"),
                    QStringLiteral("2"), QStringLiteral("--date"), QStringLiteral("2026-02-11"),
                    QStringLiteral("--run"), run, QStringLiteral("--note"), QStringLiteral("re-packaged")}));
        CTL_OK(ctl({QStringLiteral("team-hours"), QStringLiteral("set"), lib, QStringLiteral("2026-02"),
                    QStringLiteral("160")}));
        CTL_OK(ctl({QStringLiteral("settings"), QStringLiteral("set"), lib, QStringLiteral("hourly-rate"),
                    QStringLiteral("100")}));

        const CtlResult metrics = ctl({QStringLiteral("metrics"), lib, QStringLiteral("--json")});
        CTL_OK(metrics);
        const QJsonObject measures = metrics.json().object();
        const QJsonObject stream = measures[QStringLiteral("streams")].toArray().at(0).toObject();
        QCOMPARE(stream[QStringLiteral("key")].toString(), QStringLiteral("release"));
        QCOMPARE(stream[QStringLiteral("closed_runs")].toInt(), 1);
        // build failed first time (the artifact), deploy did not (a voided pass is no fail): RTY 0 × 1.
        QCOMPARE(stream[QStringLiteral("rty")].toDouble(), 0.0);
        const QJsonArray steps = stream[QStringLiteral("steps")].toArray();
        QCOMPARE(steps.at(0)[QStringLiteral("key")].toString(), QStringLiteral("build"));
        QCOMPARE(steps.at(0)[QStringLiteral("fpy")].toDouble(), 0.0);
        QCOMPARE(steps.at(0)[QStringLiteral("closed_runs")].toInt(), 1);
        QCOMPARE(steps.at(1)[QStringLiteral("key")].toString(), QStringLiteral("deploy"));
        QCOMPARE(steps.at(1)[QStringLiteral("fpy")].toDouble(), 1.0);
        const QJsonObject february = measures[QStringLiteral("hidden_factory")].toArray().at(0).toObject();
        QCOMPARE(february[QStringLiteral("month")].toString(), QStringLiteral("2026-02"));
        QCOMPARE(february[QStringLiteral("rework_hours")].toDouble(), 8.0);
        QCOMPARE(february[QStringLiteral("team_hours")].toDouble(), 160.0);
        QCOMPARE(february[QStringLiteral("percent")].toDouble(), 5.0);
        QCOMPARE(measures[QStringLiteral("copq")].toDouble(), 800.0);
        QCOMPARE(measures[QStringLiteral("shift_left_index")].toDouble(),
                 0.0); // detected at deploy, injected at build
        QCOMPARE(measures[QStringLiteral("repeat_defects")].toInt(), 0);
        QCOMPARE(measures[QStringLiteral("heroics_share")].toDouble(), 0.75);
        const QJsonObject incidents = measures[QStringLiteral("incidents")].toObject();
        QCOMPARE(incidents[QStringLiteral("open")].toInt(), 0);
        QCOMPARE(incidents[QStringLiteral("analysed")].toInt(), 0);
        QCOMPARE(incidents[QStringLiteral("prevented")].toInt(), 1);
        QCOMPARE(incidents[QStringLiteral("verified")].toInt(), 0);

        const CtlResult table = ctl({QStringLiteral("metrics"), lib});
        CTL_OK(table);
        for (const char* line :
             {"RTY 0.0%", "Cost of poor quality: 800.00 (8.0 rework hours", "Heroics share: 75.0%",
              "Incidents: 0 open, 0 analysed, 1 prevented, 0 verified"})
            QVERIFY2(table.out.contains(QString::fromUtf8(line)), table.said().constData());
        // Hours with one decimal, whole or not, right-aligned under their headings.
        QVERIFY2(table.out.contains(QStringLiteral("  month     rework h   team h   share\n"
                                                   "  2026-02        8.0    160.0    5.0%\n")),
                 table.said().constData());

        // Export, import into a new library, export again: the same bytes.
        const QString exported = dir.filePath(QStringLiteral("team.json"));
        const QString copy = dir.filePath(QStringLiteral("copy.stable"));
        const QString reExported = dir.filePath(QStringLiteral("copy.json"));
        CTL_OK(ctl({QStringLiteral("export"), lib, exported}));
        CTL_OK(ctl({QStringLiteral("import-library"), copy, exported}));
        CTL_OK(ctl({QStringLiteral("export"), copy, reExported}));
        QVERIFY(!fileBytes(exported).isEmpty());
        QVERIFY2(fileBytes(exported) == fileBytes(reExported), "a re-export is identical");

        // The file is intact, and a backup is too.
        const CtlResult verified = ctl({QStringLiteral("verify"), lib});
        CTL_OK(verified);
        QVERIFY2(verified.out.contains(QStringLiteral("is intact")), verified.said().constData());
        CTL_OK(ctl({QStringLiteral("check"), lib}));
        const QString backup = dir.filePath(QStringLiteral("backup.stable"));
        CTL_OK(ctl({QStringLiteral("backup"), lib, backup}));
        CTL_OK(ctl({QStringLiteral("verify"), backup}));
        QCOMPARE(auditEvents(backup), auditEvents(lib));
        CTL_OK(ctl({QStringLiteral("verify"), copy}));
    }

    void demoMakesALibraryANewcomerCanSignIn()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("demo.stable"));
        const CtlResult wrongScale =
            ctl({QStringLiteral("demo"), lib, QStringLiteral("--scale"), QStringLiteral("huge")});
        QCOMPARE(wrongScale.exitCode, 1);
        QCOMPARE(wrongScale.err, QStringLiteral("stablectl: --scale must be small or large (got ‘huge’).\n"));
        QVERIFY(!QFile::exists(lib));

        CTL_OK(ctl({QStringLiteral("demo"), lib, QStringLiteral("--months"), QStringLiteral("3"),
                    QStringLiteral("--seed"), QStringLiteral("7")}));
        CTL_OK(ctl({QStringLiteral("verify"), lib}));
        const CtlResult metrics = ctl({QStringLiteral("metrics"), lib, QStringLiteral("--json")});
        CTL_OK(metrics);
        const QJsonArray streams = metrics.json()[QStringLiteral("streams")].toArray();
        QVERIFY2(!streams.isEmpty(), metrics.said().constData());
        QVERIFY(!metrics.json()[QStringLiteral("hidden_factory")].toArray().isEmpty());

        // The README's promise: every demo person signs with the demo PIN.
        const CtlResult people =
            ctl({QStringLiteral("person"), QStringLiteral("list"), lib, QStringLiteral("--json")});
        CTL_OK(people);
        const QString someone = people.json().array().at(0)[QStringLiteral("initials")].toString();
        QVERIFY(!someone.isEmpty());
        const CtlResult started =
            ctl({QStringLiteral("run"), QStringLiteral("start"), lib,
                 streams.at(0)[QStringLiteral("key")].toString(), QStringLiteral("--title"),
                 QStringLiteral("Newcomer's first run"), QStringLiteral("--json")});
        CTL_OK(started);
        const QString run = started.json()[QStringLiteral("id")].toString();
        const CtlResult shown =
            ctl({QStringLiteral("run"), QStringLiteral("show"), lib, run, QStringLiteral("--json")});
        CTL_OK(shown);
        const QString ref =
            shown.json()[QStringLiteral("items")].toArray().at(0)[QStringLiteral("ref")].toString();
        const CtlResult signedIt =
            ctl({QStringLiteral("run"), QStringLiteral("sign"), lib, run, ref, QStringLiteral("--outcome"),
                 QStringLiteral("pass"), QStringLiteral("--by"), someone},
                QByteArray("2468\n"));
        CTL_OK(signedIt);
        QVERIFY(looksLikeUuid(signedIt.out.trimmed()));
    }

    void verifyNamesARecordChangedBehindItsBack()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), lib}));
        CTL_OK(ctl({QStringLiteral("person"), QStringLiteral("add"), lib, QStringLiteral("--name"),
                    QStringLiteral("Alice Example"), QStringLiteral("--initials"), QStringLiteral("AL"),
                    QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")}));
        CTL_OK(ctl({QStringLiteral("verify"), lib}));
        QVERIFY(rawExec(lib, QStringLiteral("UPDATE person SET name = 'Mallory' WHERE initials = 'AL'")));
        QVERIFY(rawExec(lib, QStringLiteral("DROP TRIGGER audit_append_only_u")));
        QVERIFY(rawExec(lib,
                        QStringLiteral("UPDATE audit_event SET after = replace(after, 'Alice', 'Mallory')")));

        const CtlResult verified = ctl({QStringLiteral("verify"), lib});
        QCOMPARE(verified.exitCode, 1);
        QCOMPARE(verified.errLines().size(), 1);
        QVERIFY2(verified.err.contains(QStringLiteral("Audit event 2 (person.add")),
                 verified.said().constData());
    }
};

QTEST_GUILESS_MAIN(TestStablectl)
#include "tst_stablectl.moc"
