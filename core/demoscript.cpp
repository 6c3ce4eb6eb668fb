#include "demoscript.h"

#include <QHash>

namespace stable::demo {

namespace {

QualityCheck check(const char* key, const char* statement, Stage stage, bool critical, const char* guardsAgainst,
                   int severity, int occurrence, int detection)
{
    QualityCheck c;
    c.key = QLatin1String(key);
    c.statement = QString::fromUtf8(statement);
    c.stage = stage;
    c.critical = critical;
    c.guardsAgainst = QString::fromUtf8(guardsAgainst);
    c.severity = severity;
    c.occurrence = occurrence;
    c.detection = detection;
    return c;
}

Port port(const char* name, const char* party)
{
    return Port{{}, QString::fromUtf8(name), QString::fromUtf8(party)};
}

} // namespace

QList<CastMember> cast()
{
    return {{QStringLiteral("Maria Jensen"), QStringLiteral("MJ"), QStringLiteral("Release manager")},
            {QStringLiteral("Tomasz Nowak"), QStringLiteral("TN"), QStringLiteral("DBA")},
            {QStringLiteral("Priya Raman"), QStringLiteral("PR"), QStringLiteral("Developer")},
            {QStringLiteral("Sam Okafor"), QStringLiteral("SO"), QStringLiteral("Tester")},
            {QStringLiteral("Elena García"), QStringLiteral("EG"), QStringLiteral("Service owner")}};
}

QString performerFor(const QString& ownerRole)
{
    static const QHash<QString, QString> byRole{
        {QStringLiteral("Product owner"), QStringLiteral("EG")},    {QStringLiteral("Service owner"), QStringLiteral("EG")},
        {QStringLiteral("Change owner"), QStringLiteral("EG")},     {QStringLiteral("Developer"), QStringLiteral("PR")},
        {QStringLiteral("Build engineer"), QStringLiteral("PR")},   {QStringLiteral("DBA"), QStringLiteral("TN")},
        {QStringLiteral("Operations engineer"), QStringLiteral("TN")}, {QStringLiteral("Systems engineer"), QStringLiteral("TN")},
        {QStringLiteral("Technical writer"), QStringLiteral("SO")}, {QStringLiteral("Test lead"), QStringLiteral("SO")},
        {QStringLiteral("Tester"), QStringLiteral("SO")},           {QStringLiteral("Release manager"), QStringLiteral("MJ")},
        {QStringLiteral("Change manager"), QStringLiteral("MJ")}};
    return byRole.value(ownerRole, QStringLiteral("MJ"));
}

QString verifierFor(const QString& performerInitials)
{
    static const QHash<QString, QString> second{{QStringLiteral("MJ"), QStringLiteral("SO")},
                                                {QStringLiteral("TN"), QStringLiteral("PR")},
                                                {QStringLiteral("PR"), QStringLiteral("SO")},
                                                {QStringLiteral("SO"), QStringLiteral("MJ")},
                                                {QStringLiteral("EG"), QStringLiteral("MJ")}};
    return second.value(performerInitials, QStringLiteral("MJ"));
}

ValueStream patchingProcess()
{
    ValueStream stream;
    stream.key = patchingStream;
    stream.name = QStringLiteral("Server patching");
    stream.purpose = QStringLiteral("Apply the vendors' security and stability patches to every server each week, "
                                    "without surprises for the users.");
    stream.owner = QStringLiteral("Elena García");

    Step review;
    review.key = QStringLiteral("review");
    review.name = QStringLiteral("Review vendor advisories");
    review.throughput = QStringLiteral("Read the advisories published since the last cycle. Decide for each: apply "
                                       "this week, defer (with an exception) or not applicable. Write the cycle list.");
    review.ownerRole = QStringLiteral("Service owner");
    review.plannedHours = 1.5;
    review.inputs = {port("Vendor advisories", "Vendors"), port("Server inventory", "CMDB")};
    review.outputs = {port("Cycle list", "Patch production")};
    review.checks = {check("advisories-triaged", "Every advisory published since the last cycle is triaged as apply, "
                           "defer or not applicable", Stage::Entry, false, "A critical patch silently skipped", 8, 3, 4),
                     check("exceptions-approved", "Every deferred patch has an approved exception with an end date",
                           Stage::Exit, false, "Deferrals that never end", 6, 4, 5)};

    Step stage;
    stage.key = QStringLiteral("stage");
    stage.name = QStringLiteral("Patch staging");
    stage.throughput = QStringLiteral("Patch the staging twins of the servers on the cycle list and run the "
                                      "regression suite against them.");
    stage.ownerRole = QStringLiteral("Systems engineer");
    stage.plannedHours = 2;
    stage.inputs = {port("Cycle list", "review")};
    stage.outputs = {port("Staging at the new patch level", "Patch production")};
    stage.checks = {check("staging-patched", "The staging servers report the new patch level", Stage::Exit, false,
                          "Testing the old build", 5, 2, 3),
                    check("staging-regression", "The regression suite passed on staging after patching", Stage::Exit,
                          true, "A patch that breaks the application reaches production", 8, 3, 3)};

    Step snapshot;
    snapshot.key = QStringLiteral("snapshot");
    snapshot.name = QStringLiteral("Snapshot production");
    snapshot.throughput = QStringLiteral("Announce the window, silence monitoring for the servers on the cycle list "
                                         "only, and take a VM snapshot of each.");
    snapshot.ownerRole = QStringLiteral("Operations engineer");
    snapshot.plannedHours = 0.5;
    snapshot.inputs = {port("Cycle list", "review")};
    snapshot.outputs = {port("Snapshots", "Patch production")};
    snapshot.checks = {check("snapshots-taken", "A VM snapshot of every server in the cycle exists and is less than "
                             "2 hours old", Stage::Entry, true, "No way back from a bad patch", 9, 2, 2),
                       check("window-announced", "The window was announced to the service desk and monitoring is "
                             "silenced only for the servers in the cycle", Stage::Exit, false,
                             "Real outages hidden by silenced alerts", 6, 3, 5)};

    Step patch;
    patch.key = QStringLiteral("patch-production");
    patch.name = QStringLiteral("Patch production");
    patch.throughput = QStringLiteral("Patch the servers in the order of the cycle list, one cluster node at a time, "
                                      "rebooting where the patch asks for it.");
    patch.ownerRole = QStringLiteral("Operations engineer");
    patch.plannedHours = 3;
    patch.inputs = {port("Snapshots", "snapshot"), port("Cycle list", "review")};
    patch.outputs = {port("Patched servers", "Users")};
    patch.checks = {check("patched-in-order", "Servers were patched in the order of the cycle list, one cluster node "
                          "at a time", Stage::InProcess, false, "Both nodes of a cluster down together", 8, 2, 4),
                    check("reboots-confirmed", "Every server that needed a reboot rebooted and came back within 15 "
                          "minutes", Stage::Exit, false, "A server hanging at boot unnoticed", 7, 3, 4)};

    Step verify;
    verify.key = QStringLiteral("verify");
    verify.name = QStringLiteral("Verify services");
    verify.throughput = QStringLiteral("Check every service on the cycle list, lift the monitoring silence, remove old "
                                       "snapshots and write the patch report.");
    verify.ownerRole = QStringLiteral("Service owner");
    verify.plannedHours = 1;
    verify.inputs = {port("Patched servers", "patch-production")};
    verify.outputs = {port("Patch report", "Security team")};
    verify.checks = {check("services-up", "Every service on the cycle list answers its health check", Stage::Exit, true,
                           "Users finding the outage before we do", 8, 4, 3),
                     check("snapshots-removed", "Snapshots older than 3 days were removed", Stage::Exit, false,
                           "Datastores filling up with old snapshots", 5, 4, 4),
                     check("patch-report", "The patch report lists every server with its old and new patch level",
                           Stage::Exit, false, "No proof for the auditors", 4, 3, 3)};

    stream.steps = {review, stage, snapshot, patch, verify};
    return stream;
}

QList<WeakSpot> weakSpots()
{
    QList<WeakSpot> spots;

    WeakSpot go;
    go.stream = releaseStream;
    go.failingItem = QStringLiteral("database-scripts/go");
    go.injectedStep = QStringLiteral("develop");
    go.earlyRate = 0.08;
    go.lateRate = 0.01;
    go.improveAt = 0.15;
    go.severity = 4;
    go.category = QStringLiteral("Missing check");
    go.title = QStringLiteral("Stored procedures without GO in %1");
    go.whatHappened = QStringLiteral("The DBA's rehearsal stopped at the first procedure: three procedures written "
                                     "for this release did not end with GO, so the batch ran together.");
    go.failNote = QStringLiteral("usp_UpdateOrders, usp_ArchiveInvoices and usp_Rebate end without GO; sent back to "
                                 "development.");
    go.whys = {QStringLiteral("The batch failed because three procedures did not end with GO."),
               QStringLiteral("The developers did not add GO because the IDE runs each file on its own."),
               QStringLiteral("Nothing in development checks the files the way the deployment runs them."),
               QStringLiteral("The merge pipeline only compiles the application, not the database scripts."),
               QStringLiteral("Database scripts were never given an owner in the development step.")};
    go.rootCause = QStringLiteral("The development step has no check that scripts run as one batch; errors surface "
                                  "only at the DBA's rehearsal.");
    go.checkKey = QStringLiteral("go-linted");
    go.checkStatement = QStringLiteral("The merge pipeline's linter confirmed that every stored procedure file ends "
                                       "with GO");
    go.checkStage = Stage::Exit;
    go.reworkHours = 3;
    go.weeklyDrag = 9;
    go.dragNote = QStringLiteral("Fixed stored procedures without GO found in the DBA's dry runs of hotfixes.");
    go.improvementReason = QStringLiteral("Lint the database scripts where they are written");
    spots.append(go);

    WeakSpot flaky;
    flaky.stream = releaseStream;
    flaky.failingItem = QStringLiteral("build/tests-green");
    flaky.injectedStep = QStringLiteral("build");
    flaky.earlyRate = 0.06;
    flaky.lateRate = 0.01;
    flaky.improveAt = 0.3;
    flaky.severity = 5;
    flaky.category = QStringLiteral("Environment");
    flaky.title = QStringLiteral("Release build of %1 red: test database left over from the last run");
    flaky.whatHappened = QStringLiteral("42 integration tests failed in the release build. They passed on a rerun "
                                        "after the test database was restored by hand.");
    flaky.failNote = QStringLiteral("42 integration tests red: duplicate keys in the test database.");
    flaky.whys = {QStringLiteral("The tests failed on duplicate keys."),
                  QStringLiteral("The test database still held the data of the previous build."),
                  QStringLiteral("The restore job runs nightly, not before each build."),
                  QStringLiteral("Release builds run during the day, several per day."),
                  QStringLiteral("The build step assumes a clean database but never makes sure of it.")};
    flaky.rootCause = QStringLiteral("The build does not restore its test database before testing.");
    flaky.checkKey = QStringLiteral("test-db-restored");
    flaky.checkStatement = QStringLiteral("The test database was restored from the baseline image before the test "
                                          "stage started");
    flaky.checkStage = Stage::Entry;
    flaky.reworkHours = 2.5;
    flaky.weeklyDrag = 8;
    flaky.dragNote = QStringLiteral("Re-ran red builds and cleaned the shared test database by hand.");
    flaky.improvementReason = QStringLiteral("Restore the test database before every build");
    spots.append(flaky);

    WeakSpot config;
    config.stream = releaseStream;
    config.failingItem = QStringLiteral("verify/smoke-tests");
    config.injectedStep = QStringLiteral("build");
    config.earlyRate = 0.04;
    config.lateRate = 0.005;
    config.improveAt = 0.45;
    config.rollsBack = true;
    config.recurAt = 0.7;
    config.severity = 8;
    config.category = QStringLiteral("Configuration");
    config.title = QStringLiteral("%1 rolled back: production pointed at the staging database");
    config.whatHappened = QStringLiteral("After the deployment the smoke tests showed staging data to production "
                                         "users for 25 minutes. The release was rolled back.");
    config.failNote = QStringLiteral("Smoke test ‘order history’ shows staging orders; connection string is staging.");
    config.whys = {QStringLiteral("Production read from the staging database."),
                   QStringLiteral("The package carried the staging connection string."),
                   QStringLiteral("The build packaged the configuration file from the build agent's workspace."),
                   QStringLiteral("A developer had left a staging configuration in the workspace after debugging."),
                   QStringLiteral("Nobody compares the packaged configuration with production before deploying.")};
    config.rootCause = QStringLiteral("The build step packages whatever configuration it finds and nothing compares "
                                      "it with production.");
    config.checkKey = QStringLiteral("config-diffed");
    config.checkStatement = QStringLiteral("The packaged configuration was compared with the production configuration "
                                           "and every difference is explained in the release record");
    config.checkStage = Stage::Exit;
    config.checkCritical = true;
    config.reworkHours = 10;
    config.reworkKind = ReworkKind::ReRelease;
    config.weeklyDrag = 10;
    config.dragNote = QStringLiteral("Chased configuration drift between staging and production.");
    config.improvementReason = QStringLiteral("Compare the packaged configuration with production");
    spots.append(config);

    WeakSpot services;
    services.stream = patchingStream;
    services.failingItem = QStringLiteral("verify/services-up");
    services.injectedStep = QStringLiteral("patch-production");
    services.earlyRate = 0.12;
    services.lateRate = 0.01;
    services.improveAt = 0.25;
    services.recurAt = 0.6;
    services.severity = 6;
    services.category = QStringLiteral("Missing check");
    services.title = QStringLiteral("Services down after %1");
    services.whatHappened = QStringLiteral("The print spooler and the licence service stayed down after the reboots; "
                                           "users reported it the next morning.");
    services.failNote = QStringLiteral("LicenceService and Spooler on app-prod-3 not running after reboot.");
    services.whys = {QStringLiteral("Two services did not run after the reboot."),
                     QStringLiteral("Their start type was ‘manual’."),
                     QStringLiteral("A vendor installer had changed the start type months ago."),
                     QStringLiteral("Nobody looks at start types before a reboot."),
                     QStringLiteral("The patching process assumes the servers are as built.")};
    services.rootCause = QStringLiteral("No check of service start types before rebooting in the patch step.");
    services.checkKey = QStringLiteral("start-types-checked");
    services.checkStatement = QStringLiteral("Before rebooting, every service on the cycle list was confirmed to be "
                                             "set to start automatically");
    services.checkStage = Stage::Entry;
    services.reworkHours = 3;
    services.reworkKind = ReworkKind::FireFighting;
    services.weeklyDrag = 5;
    services.dragNote = QStringLiteral("Restarted services by hand after the patch night and answered tickets.");
    services.improvementReason = QStringLiteral("Check service start types before rebooting");
    spots.append(services);

    WeakSpot accounts;
    accounts.stream = planStream;
    accounts.failingItem = QStringLiteral("during-procedures/steps-as-written");
    accounts.injectedStep = QStringLiteral("pre-procedures");
    accounts.earlyRate = 0.3;
    accounts.lateRate = 0.03;
    accounts.improveAt = 0.8;
    accounts.severity = 7;
    accounts.category = QStringLiteral("Access");
    accounts.title = QStringLiteral("Service account expired during ‘%1’");
    accounts.whatHappened = QStringLiteral("Half-way through the window the service account's password expired; the "
                                           "installer stopped and 50 minutes were lost getting it reset.");
    accounts.failNote = QStringLiteral("Step 14 failed: svc_install password expired at 07:12. Waiting for the "
                                       "identity team.");
    accounts.whys = {QStringLiteral("The installer stopped at step 14."),
                     QStringLiteral("The service account's password expired during the window."),
                     QStringLiteral("Its 90-day expiry fell on the weekend of the change."),
                     QStringLiteral("The pre-procedures confirm that people can log in, not the service accounts."),
                     QStringLiteral("The plan template never listed service accounts as a prerequisite.")};
    accounts.rootCause = QStringLiteral("The pre-procedures do not check that service accounts stay valid through the "
                                        "window.");
    accounts.checkKey = QStringLiteral("service-accounts-valid");
    accounts.checkStatement = QStringLiteral("The password of every service account used in the change is valid for at "
                                             "least 7 days after the window");
    accounts.checkStage = Stage::Entry;
    accounts.checkCritical = true;
    accounts.reworkHours = 6;
    accounts.weeklyDrag = 4;
    accounts.dragNote = QStringLiteral("Re-planned and re-ran steps of changes that overran their window.");
    accounts.improvementReason = QStringLiteral("Check service accounts before the window");
    spots.append(accounts);
    return spots;
}

QList<OneOff> oneOffIncidents()
{
    OneOff help;
    help.stream = releaseStream;
    help.at = 0.55;
    help.detectedStep = QStringLiteral("verify");
    help.injectedStep = QStringLiteral("help-file");
    help.severity = 3;
    help.category = QStringLiteral("Human error");
    help.title = QStringLiteral("Help ‘About’ page showed the previous release number");
    help.whatHappened = QStringLiteral("A customer noticed that the help still said the previous release.");
    help.whys = {QStringLiteral("The help was built from last release's branch."),
                 QStringLiteral("The writer started before the release branch was cut."),
                 QStringLiteral("The release calendar was not shared with the writer.")};
    help.rootCause = QStringLiteral("The release calendar did not reach the technical writer.");

    OneOff notes;
    notes.stream = releaseStream;
    notes.at = 0.985;
    notes.detectedStep = QStringLiteral("release-notes");
    notes.injectedStep = QStringLiteral("release-notes");
    notes.severity = 3;
    notes.category = QStringLiteral("Communication");
    notes.title = QStringLiteral("Customers asked support about a change support had not heard of");
    notes.whatHappened = QStringLiteral("Two customers called about the new export format before support had the "
                                        "release notes.");
    return {help, notes};
}

QString planTitle(int index)
{
    static const char* const titles[] = {
        "Upgrade PostgreSQL 13 → 15 on db-prod-2",
        "Move file share fs-01 to the new SAN",
        "Upgrade Windows Server 2016 → 2022 on app-prod-1",
        "Replace load balancer lb-edge-1",
        "Apply Oracle 19c release update on erp-db-1",
        "Migrate mailboxes to Exchange Online (wave 1)",
        "Upgrade Kubernetes 1.27 → 1.29 on k8s-prod",
        "Renew TLS certificates on the public web tier",
        "Upgrade the SAP kernel on sap-prd",
        "Move the backup server to the second data centre",
        "Upgrade ESXi 7 → 8 on cluster-b",
        "Expand storage pool on san-02",
    };
    constexpr int count = static_cast<int>(sizeof(titles) / sizeof(titles[0]));
    const QString title = QString::fromUtf8(titles[index % count]);
    return index < count ? title : title + QStringLiteral(" (round %1)").arg(index / count + 1);
}

QString planLessons(int index)
{
    static const char* const lessons[] = {
        "Vendor support joined the bridge 20 minutes late; book them for the start of the window.",
        "The rehearsal on staging took 40 minutes less than production: plan with production timings.",
        "Two performers worked from an old copy of the plan; share one link only.",
        "Rollback duration rehearsed at 55 minutes fitted the window with 30 minutes to spare.",
        "Status messages at each milestone kept the service desk calm; keep doing it.",
        "Disk space checks should include the transaction log volume.",
    };
    constexpr int count = static_cast<int>(sizeof(lessons) / sizeof(lessons[0]));
    return QString::fromUtf8(lessons[index % count]);
}

QString evidenceFor(const QString& stream, const QString& stepKey, const QString& runSlug, int runNumber)
{
    if (stream == releaseStream) {
        static const QHash<QString, QString> places{
            {QStringLiteral("requirements"), QStringLiteral("https://jira.example.com/projects/REL/versions/%1")},
            {QStringLiteral("develop"), QStringLiteral("https://git.example.com/shop/-/merge_requests?milestone=%1")},
            {QStringLiteral("database-scripts"), QStringLiteral("\\\\files\\releases\\%1\\db\\rehearsal.log")},
            {QStringLiteral("help-file"), QStringLiteral("https://docs.example.com/help/%1/")},
            {QStringLiteral("source"), QStringLiteral("https://git.example.com/shop/-/tags/v%1")},
            {QStringLiteral("build"), QStringLiteral("https://ci.example.com/job/shop-release/%2/")},
            {QStringLiteral("deploy"), QStringLiteral("https://ci.example.com/job/shop-deploy/%2/console")},
            {QStringLiteral("verify"), QStringLiteral("https://grafana.example.com/d/shop-prod?var-release=%1")},
            {QStringLiteral("release-notes"), QStringLiteral("https://docs.example.com/release-notes/%1")}};
        QString place = places.value(stepKey);
        return place.replace(QStringLiteral("%2"), QString::number(runNumber + 1800))
            .replace(QStringLiteral("%1"), runSlug);
    }
    if (stream == patchingStream)
        return QStringLiteral("\\\\files\\patching\\%1\\%2.txt").arg(runSlug, stepKey);
    return QStringLiteral("https://wiki.example.com/changes/%1#%2").arg(runSlug, stepKey);
}

QString notApplicableReason(const QString& stream, const QString& itemRef)
{
    if (stream == releaseStream && itemRef == QLatin1String("help-file/changes-documented"))
        return QStringLiteral("No user-visible changes in this release.");
    if (stream == releaseStream && itemRef == QLatin1String("database-scripts/reverse-scripts"))
        return QStringLiteral("No schema changes in this release.");
    if (stream == planStream && itemRef == QLatin1String("situational-awareness/vendor-case-open"))
        return QStringLiteral("In-house system: there is no vendor support contract.");
    return QString();
}

} // namespace stable::demo
