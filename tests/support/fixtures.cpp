#include "fixtures.h"

#include "revisions.h"

namespace stable::test {

ValueStream sampleProcess()
{
    ValueStream stream;
    stream.key = QStringLiteral("release");
    stream.name = QStringLiteral("Software Release");
    stream.purpose = QStringLiteral("Ship a tested build to production");
    stream.owner = QStringLiteral("Release manager");

    Step build;
    build.key = QStringLiteral("build");
    build.name = QStringLiteral("Build");
    build.throughput = QStringLiteral("Run the release pipeline on the tagged commit.");
    build.ownerRole = QStringLiteral("Developer");
    build.plannedHours = 1.5;
    build.inputs = {Port{{}, QStringLiteral("Tagged commit"), QStringLiteral("Developers")}};
    build.outputs = {Port{{}, QStringLiteral("Install package"), QStringLiteral("deploy")}};
    QualityCheck tests;
    tests.key = QStringLiteral("tests");
    tests.statement = QStringLiteral("All unit and integration tests pass on the tagged commit");
    tests.stage = Stage::Exit;
    tests.guardsAgainst = QStringLiteral("Regression shipped");
    QualityCheck artifact;
    artifact.key = QStringLiteral("artifact");
    artifact.statement = QStringLiteral("Package checksum recorded in the release ticket");
    artifact.stage = Stage::Exit;
    build.checks = {tests, artifact};

    Step deploy;
    deploy.key = QStringLiteral("deploy");
    deploy.name = QStringLiteral("Deploy");
    deploy.throughput = QStringLiteral("Install the package on production during the window.");
    deploy.ownerRole = QStringLiteral("DBA");
    deploy.plannedHours = 2;
    deploy.inputs = {Port{{}, QStringLiteral("Install package"), QStringLiteral("build")}};
    deploy.outputs = {Port{{}, QStringLiteral("Production release"), QStringLiteral("Users")}};
    QualityCheck go;
    go.key = QStringLiteral("go");
    go.statement = QStringLiteral("All stored procedures confirmed to have 'Go' at the end");
    go.stage = Stage::Entry;
    go.critical = true;
    go.guardsAgainst = QStringLiteral("Procedure deployed without GO");
    go.severity = 7;
    go.occurrence = 4;
    go.detection = 3;
    QualityCheck smoke;
    smoke.key = QStringLiteral("smoke");
    smoke.statement = QStringLiteral("Smoke test of the login and checkout pages passes");
    smoke.stage = Stage::Exit;
    deploy.checks = {go, smoke};

    stream.steps = {build, deploy};
    return stream;
}

ValueStream opsProcess()
{
    ValueStream ops;
    ops.key = QStringLiteral("ops");
    ops.name = QStringLiteral("Operations");
    Step patch;
    patch.key = QStringLiteral("patch");
    patch.name = QStringLiteral("Patch");
    QualityCheck backup;
    backup.key = QStringLiteral("backup");
    backup.statement = QStringLiteral("Backup taken before patching");
    patch.checks = {backup};
    ops.steps = {patch};
    return ops;
}

QString publishSample(Library& library, const Signer& publisher)
{
    auto imported = importProcess(library, sampleProcess());
    if (!imported.ok())
        qFatal("cannot import the sample process: %s", qPrintable(imported.message()));
    auto revision = publish(library, publisher,
                            PublishRequest{QStringLiteral("release"), QStringLiteral("First version"), {}});
    if (!revision.ok())
        qFatal("cannot publish the sample process: %s", qPrintable(revision.message()));
    return imported->streamId;
}

} // namespace stable::test
