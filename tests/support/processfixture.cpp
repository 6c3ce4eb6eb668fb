#include "processfixture.h"

#include "sql.h"

namespace stable::test {

QualityCheck makeCheck(const char* key, const char* statement, Stage stage)
{
    QualityCheck check;
    check.key = QLatin1String(key);
    check.statement = QLatin1String(statement);
    check.stage = stage;
    return check;
}

Step makeStep(const char* key, const char* name, QList<QualityCheck> checks)
{
    Step step;
    step.key = QLatin1String(key);
    step.name = QLatin1String(name);
    step.checks = std::move(checks);
    return step;
}

ValueStream releaseProcess()
{
    ValueStream stream;
    stream.key = QStringLiteral("release");
    stream.name = QStringLiteral("Software Release");
    stream.purpose = QStringLiteral("Ship tested builds.");
    stream.owner = QStringLiteral("Release manager");
    Step build = makeStep("build", "Build", {makeCheck("tests", "Automated tests pass")});
    build.plannedHours = 1;
    build.outputs = {Port{{}, QStringLiteral("Install package"), QStringLiteral("deploy")}};
    Step deploy = makeStep("deploy", "Deploy",
                           {makeCheck("backup", "Database backed up", Stage::Entry),
                            makeCheck("go", "All stored procedures confirmed to have 'Go' at the end")});
    deploy.ownerRole = QStringLiteral("DBA");
    deploy.inputs = {Port{{}, QStringLiteral("Install package"), QStringLiteral("build")}};
    Step verify = makeStep("verify", "Verify", {makeCheck("smoke", "Smoke tests pass")});
    stream.steps = {build, deploy, verify};
    return stream;
}

Counts counts(Library& library)
{
    return {rowCount(library, QStringLiteral("stream")), rowCount(library, QStringLiteral("step")),
            rowCount(library, QStringLiteral("step_io")), rowCount(library, QStringLiteral("quality_check")),
            rowCount(library, QStringLiteral("audit_event"))};
}

QStringList lastEvents(Library& library, int n)
{
    auto query =
        execSql(library.db(),
                QStringLiteral("SELECT action || ' ' || entity FROM (SELECT * FROM audit_event ORDER BY seq "
                               "DESC LIMIT ?) ORDER BY seq"),
                {n});
    QStringList events;
    while (query.ok() && query->next())
        events.append(query->value(0).toString());
    return events;
}

AuditEvent lastEvent(Library& library)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT action, entity, entity_id, before, after FROM audit_event "
                                        "ORDER BY seq DESC LIMIT 1"));
    AuditEvent event;
    if (query.ok() && query->next()) {
        event.action = query->value(0).toString();
        event.entity = query->value(1).toString();
        event.entityId = query->value(2).toString();
        event.before = query->value(3).toString();
        event.after = query->value(4).toString();
    }
    return event;
}

QString draftChangedAt(Library& library, const QString& streamId)
{
    auto query =
        execSql(library.db(), QStringLiteral("SELECT draft_changed_at FROM stream WHERE id = ?"), {streamId});
    return query.ok() && query->next() ? query->value(0).toString() : QString();
}

QStringList names(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list.append(QLatin1String(item));
    return list;
}

QStringList keysOf(const Step& step)
{
    QStringList keys;
    for (const QualityCheck& check : step.checks)
        keys.append(check.key);
    return keys;
}

QStringList stepKeys(const ValueStream& stream)
{
    QStringList keys;
    for (const Step& step : stream.steps)
        keys.append(step.key);
    return keys;
}

} // namespace stable::test
