#include "libraryjsonfixture.h"

#include "incidents.h"
#include "libraryjson.h"
#include "process.h"
#include "revisions.h"
#include "rework.h"
#include "runs.h"
#include "sql.h"

#include <QJsonDocument>

// A fixture step that fails stops the test program: nothing after it would mean anything.
#define REQUIRE_OK(expr)                                                                                     \
    do {                                                                                                     \
        const auto& requireResult_ = (expr);                                                                 \
        if (!requireResult_.ok())                                                                            \
            qFatal("%s failed: %s", #expr, qPrintable(requireResult_.message()));                            \
    } while (false)

namespace stable::test {

namespace {

QualityCheck check(const char* key, const char* statement, Stage stage, bool critical = false)
{
    QualityCheck c;
    c.key = QLatin1String(key);
    c.statement = QString::fromUtf8(statement);
    c.stage = stage;
    c.critical = critical;
    c.guardsAgainst = QStringLiteral("Something slipping through");
    c.severity = 7;
    c.occurrence = 3;
    c.detection = 4;
    return c;
}

Step step(const char* key, const char* name, double hours, QList<QualityCheck> checks)
{
    Step s;
    s.key = QLatin1String(key);
    s.name = QLatin1String(name);
    s.throughput = QStringLiteral("1. Do it\n2. Check it — **carefully**");
    s.ownerRole = QStringLiteral("Developer");
    s.plannedHours = hours;
    s.inputs = {Port{{}, QStringLiteral("Source tag"), QStringLiteral("Developers")}};
    s.outputs = {Port{{}, QStringLiteral("Artefact"), QStringLiteral("Operations")}};
    s.checks = std::move(checks);
    return s;
}

ValueStream releaseProcess()
{
    ValueStream stream;
    stream.key = QStringLiteral("release");
    stream.name = QStringLiteral("Software Release");
    stream.purpose = QStringLiteral("Ship a tested build to production");
    stream.owner = QStringLiteral("Release manager");
    stream.steps = {step("build", "Build", 2.0,
                         {check("tests", "Unit tests green", Stage::Exit),
                          check("tag", "Tag matches the version", Stage::Entry)}),
                    step("deploy", "Deploy", 1.5,
                         {check("go", "Every procedure ends with ‘GO’", Stage::InProcess, true)}),
                    step("smoke", "Smoke test", 0.25, {check("login", "A user can log in", Stage::Exit)}),
                    step("notes", "Release notes", 0.5, {check("sent", "Notes sent to users", Stage::Exit)})};
    return stream;
}

Attestation signItem(Library& library, const Signer& who, const QString& run, const char* item,
                     Outcome outcome, const QString& note = {})
{
    SignRequest request;
    request.run = run;
    request.item = QLatin1String(item);
    request.outcome = outcome;
    request.note = note;
    request.evidence = QStringLiteral("https://ci.example.com/build/42");
    auto signedItem = sign(library, who, request);
    REQUIRE_OK(signedItem);
    return signedItem.value();
}

} // namespace

void buildFixture(TempLibrary& lib)
{
    Library& library = *lib;
    const auto tick = [&lib]() { lib.clock().advance(90); };
    const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
    tick();
    const Signer bob = lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BO"));
    tick();
    REQUIRE_OK(addPerson(library, NewPerson{QStringLiteral("Carol Locked"), QStringLiteral("CL"),
                                            QStringLiteral("Tester"), QStringLiteral("9999")}));
    for (int i = 0; i < 2; ++i)
        (void)authenticate(library, QStringLiteral("CL"),
                           QStringLiteral("0000")); // two wrong PINs are counted
    tick();

    REQUIRE_OK(importProcess(library, releaseProcess()));
    tick();
    REQUIRE_OK(publish(library, alice,
                       PublishRequest{QStringLiteral("release"), QStringLiteral("First version"), {}}));
    tick();

    // Run 1: a first-attempt failure at build/tests, re-signed after rework; a void; completed.
    auto first = startRun(library, StartRun{QStringLiteral("release"), QStringLiteral("Release 1.0.0"),
                                            RunKind::Release, 0, lib.clock().now(),
                                            lib.clock().now().addSecs(4 * 3600)});
    REQUIRE_OK(first);
    const QString run1 = first->id;
    tick();
    signItem(library, alice, run1, "build/tests", Outcome::Fail, QStringLiteral("3 tests red"));
    tick();
    signItem(library, alice, run1, "build/tests", Outcome::Pass);
    const Attestation wrong = signItem(library, bob, run1, "build/tag", Outcome::Pass);
    tick();
    REQUIRE_OK(voidAttestation(library, bob, run1, wrong.id, QStringLiteral("Signed the wrong tag")));
    signItem(library, bob, run1, "build/tag", Outcome::Pass);
    signItem(library, alice, run1, "deploy/go", Outcome::Pass);
    signItem(library, bob, run1, "deploy/go", Outcome::Pass);
    signItem(library, alice, run1, "smoke/login", Outcome::Pass);
    signItem(library, alice, run1, "notes/sent", Outcome::NotApplicable, QStringLiteral("Internal release"));
    tick();
    REQUIRE_OK(closeRun(library, CloseRun{run1, false, QStringLiteral("Tag before building.")}));
    tick();

    // The failure is traced upstream and answered by a new check.
    NewIncident escaped;
    escaped.title = QStringLiteral("Login broken after release 1.0.0");
    escaped.whatHappened = QStringLiteral("Users could not log in for 20 minutes.");
    escaped.stream = QStringLiteral("release");
    escaped.detectedStep = QStringLiteral("smoke");
    escaped.injectedStep = QStringLiteral("build");
    escaped.run = run1;
    escaped.severity = 8;
    escaped.category = QStringLiteral("configuration");
    auto incident = addIncident(library, escaped);
    REQUIRE_OK(incident);
    tick();
    REQUIRE_OK(analyseIncident(library, incident->key(),
                               {QStringLiteral("The session key was missing"),
                                QStringLiteral("The build used the default configuration"),
                                QStringLiteral("Nobody checked the configuration file")},
                               QStringLiteral("No check of the packaged configuration")));
    tick();
    REQUIRE_OK(improveProcess(library,
                              Improvement{incident->key(),
                                          QStringLiteral("Packaged configuration diffed against production"),
                                          Stage::Exit, false, QStringLiteral("config-diff")}));
    auto draft = loadDraft(library, QStringLiteral("release"));
    REQUIRE_OK(draft);
    REQUIRE_OK(removeStep(library, draft->steps.at(3).id)); // release notes move elsewhere
    REQUIRE_OK(removeCheck(library, draft->steps.at(0).checks.at(1).id));
    tick();
    REQUIRE_OK(publish(
        library, bob,
        PublishRequest{QStringLiteral("release"), QStringLiteral("Configuration check"), {incident->key()}}));
    tick();

    // Run 2 rolled back, run 3 left open.
    auto second = startRun(
        library,
        StartRun{QStringLiteral("release"), QStringLiteral("Release 1.1.0"), RunKind::Release, 0, {}, {}});
    REQUIRE_OK(second);
    signItem(library, alice, second->id, "build/tests", Outcome::Pass);
    signItem(library, alice, second->id, "deploy/go", Outcome::Fail,
             QStringLiteral("GO missing in proc_orders"));
    tick();
    REQUIRE_OK(closeRun(library, CloseRun{second->id, true, QStringLiteral("Rolled back at 22:10.")}));
    tick();
    auto third = startRun(
        library,
        StartRun{QStringLiteral("release"), QStringLiteral("Release 1.1.1"), RunKind::Release, 1, {}, {}});
    REQUIRE_OK(third);
    signItem(library, bob, third->id, "build/tests", Outcome::Pass);
    tick();

    NewIncident again = escaped;
    again.title = QStringLiteral("Login broken again");
    again.run = second->id;
    again.recurrenceOf = incident->key();
    again.detectedStep = QStringLiteral("deploy");
    again.injectedStep = QString();
    REQUIRE_OK(addIncident(library, again));
    tick();

    NewRework hours;
    hours.date = QDate(2026, 3, 1);
    hours.hours = 2.5;
    hours.kind = ReworkKind::Rework;
    hours.stream = QStringLiteral("release");
    hours.step = QStringLiteral("build");
    hours.run = run1;
    hours.note = QStringLiteral("Fixed the red tests");
    REQUIRE_OK(addRework(library, hours));
    hours.hours = 4;
    hours.kind = ReworkKind::FireFighting;
    hours.step = QString();
    hours.stream = QString();
    hours.run = QString();
    hours.incident = incident->key();
    hours.note = QStringLiteral("Night call");
    REQUIRE_OK(addRework(library, hours));
    REQUIRE_OK(setTeamHours(library, QStringLiteral("2026-02"), 160));
    REQUIRE_OK(setTeamHours(library, QStringLiteral("2026-03"), 152.5));
    REQUIRE_OK(setSetting(library, QStringLiteral("hourly-rate"), QStringLiteral("85")));
    REQUIRE_OK(setSetting(library, QStringLiteral("verify-after-runs"), QStringLiteral("3")));
}

QByteArray exportBytes(Library& library)
{
    auto document = exportLibrary(library);
    REQUIRE_OK(document);
    return libraryDocumentBytes(document.value());
}

QStringList tableNames(Library& library)
{
    QStringList names;
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name "
                                        "NOT LIKE 'sqlite_%' AND name NOT LIKE 'local_%' ORDER BY name"));
    while (query.ok() && query->next())
        names.append(query->value(0).toString());
    return names;
}

qint64 totalRows(Library& library)
{
    qint64 total = 0;
    for (const QString& table : tableNames(library))
        total += rowCount(library, table);
    return total;
}

QJsonObject parsed(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace stable::test
