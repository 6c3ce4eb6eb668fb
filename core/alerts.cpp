// The console's alerts: what needs a person's attention now, each naming the thing to jump to.
#include "library.h"
#include "metrics.h"
#include "process.h"
#include "rework.h"
#include "runs.h"
#include "sql.h"

#include <cmath>

namespace stable {

namespace {

// 0.625 → "62.5", 0.9 → "90": one decimal, only when it says something.
QString percentText(double share)
{
    return QString::number(std::round(share * 1000.0) / 10.0);
}

Status lowYieldAlerts(Library& library, const QString& streamId, QList<Alert>& alerts)
{
    auto threshold = numericSetting(library, QStringLiteral("fpy-alert-threshold"));
    if (!threshold.ok())
        return threshold.error();
    MeasureFilter filter;
    filter.stream = streamId;
    auto streams = computeStreamYields(library, filter);
    if (!streams.ok())
        return streams.error();
    for (const StreamYield& stream : streams.value()) {
        for (const StepYield& step : stream.steps) {
            // Fewer than three runs say more about luck than about the step.
            if (step.closedRuns < 3 || !step.fpy || *step.fpy >= threshold.value())
                continue;
            alerts.append(
                Alert{Alert::Kind::LowFirstPassYield,
                      QStringLiteral("Step ‘%1’ in ‘%2’: first-pass yield %3% (alert below %4%)")
                          .arg(step.name, stream.key, percentText(*step.fpy), percentText(threshold.value())),
                      QStringLiteral("step"), step.stepId});
        }
    }
    return success();
}

Status repeatDefectAlerts(Library& library, const QString& streamId, QList<Alert>& alerts)
{
    MeasureFilter filter;
    filter.stream = streamId;
    auto repeats = listRepeatDefects(library, filter);
    if (!repeats.ok())
        return repeats.error();
    for (const RepeatDefect& repeat : repeats.value())
        alerts.append(
            Alert{Alert::Kind::RepeatDefect,
                  QStringLiteral("Repeat defect: %1 ‘%2’ recurs after %3, which revision %4 of ‘%5’ answered "
                                 "on %6; the prevention did not hold.")
                      .arg(repeat.incidentKey, repeat.title, repeat.earlierKey)
                      .arg(repeat.revisionNumber)
                      .arg(repeat.streamKey, repeat.publishedAt.left(10)),
                  QStringLiteral("incident"), repeat.incidentId});
    return success();
}

Status pastRollbackAlerts(Library& library, const QString& streamId, const QString& now, QList<Alert>& alerts)
{
    // Open runs past their rollback point are few: each is loaded to judge its items as signing does.
    auto query = execSql(
        library.db(),
        QStringLiteral(
            "SELECT id FROM run WHERE status = 'open' AND rollback_point IS NOT NULL "
            "AND rollback_point < ? AND (coalesce(?, '') = '' OR stream_id = ?) ORDER BY rollback_point"),
        {now, streamId, streamId});
    if (!query.ok())
        return query.error();
    QStringList runIds;
    while (query->next())
        runIds << query->value(0).toString();
    query->finish();
    for (const QString& runId : std::as_const(runIds)) {
        auto run = loadRun(library, runId);
        if (!run.ok())
            return run.error();
        const int notDone = run->itemCount - run->finalCount;
        if (notDone <= 0)
            continue;
        alerts.append(Alert{
            Alert::Kind::PastRollbackPoint,
            QStringLiteral("Run ‘%1’ of ‘%2’ is past its rollback point (%3) with %4 of %5 items not done.")
                .arg(run->title, run->streamKey, run->rollbackPoint)
                .arg(notDone)
                .arg(run->itemCount),
            QStringLiteral("run"), run->id});
    }
    return success();
}

Status failedCriticalAlerts(Library& library, const QString& streamId, QList<Alert>& alerts)
{
    auto query = execSql(
        library.db(),
        QStringLiteral(
            "SELECT ri.id, ri.step_key, ri.check_key, r.title, s.key FROM run r "
            "JOIN run_item ri ON ri.run_id = r.id JOIN stream s ON s.id = r.stream_id "
            "WHERE r.status = 'open' AND ri.critical = 1 AND (coalesce(?, '') = '' OR r.stream_id = ?) AND ("
            "  SELECT a.outcome FROM attestation a WHERE a.item_id = ri.id "
            "  AND NOT EXISTS (SELECT 1 FROM attestation_void v WHERE v.attestation_id = a.id) "
            "  ORDER BY a.rowid DESC LIMIT 1) = 'fail' "
            "ORDER BY r.started_at, ri.position"),
        {streamId, streamId});
    if (!query.ok())
        return query.error();
    while (query->next())
        alerts.append(Alert{Alert::Kind::FailedCriticalCheck,
                            QStringLiteral("Critical check ‘%1/%2’ failed in run ‘%3’ of ‘%4’.")
                                .arg(query->value(1).toString(), query->value(2).toString(),
                                     query->value(3).toString(), query->value(4).toString()),
                            QStringLiteral("run_item"), query->value(0).toString()});
    return success();
}

Status unanalysedAlerts(Library& library, const QString& streamId, const QDateTime& now, QList<Alert>& alerts)
{
    auto setting = numericSetting(library, QStringLiteral("unanalysed-alert-days"));
    if (!setting.ok())
        return setting.error();
    const int days = static_cast<int>(setting.value());
    const QString cutoff = isoUtc(now.addDays(-days));
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT id, number, title, created_at FROM incident "
                                        "WHERE status = 'open' AND created_at < ? "
                                        "AND (coalesce(?, '') = '' OR stream_id = ?) ORDER BY number"),
                         {cutoff, streamId, streamId});
    if (!query.ok())
        return query.error();
    while (query->next()) {
        const auto created = parseIsoMoment(query->value(3).toString());
        const qint64 openDays = created ? created->secsTo(now) / 86400 : days;
        alerts.append(Alert{Alert::Kind::UnanalysedIncident,
                            QStringLiteral("%1 ‘%2’ has been open %3 days without analysis (alert after %4).")
                                .arg(incidentKey(query->value(1).toInt()), query->value(2).toString())
                                .arg(openDays)
                                .arg(days),
                            QStringLiteral("incident"), query->value(0).toString()});
    }
    return success();
}

} // namespace

QString toText(Alert::Kind kind)
{
    switch (kind) {
    case Alert::Kind::LowFirstPassYield:
        return QStringLiteral("low-first-pass-yield");
    case Alert::Kind::RepeatDefect:
        return QStringLiteral("repeat-defect");
    case Alert::Kind::PastRollbackPoint:
        return QStringLiteral("past-rollback-point");
    case Alert::Kind::FailedCriticalCheck:
        return QStringLiteral("failed-critical-check");
    case Alert::Kind::UnanalysedIncident:
        return QStringLiteral("unanalysed-incident");
    }
    return QString();
}

Result<QList<Alert>> computeAlerts(Library& library, const QString& stream)
{
    QString streamId;
    if (!stream.trimmed().isEmpty()) {
        auto resolved = resolveStream(library, stream);
        if (!resolved.ok())
            return resolved.error();
        streamId = resolved.value();
    }
    const QDateTime now = library.clock().now();
    QList<Alert> alerts;
    STABLE_TRY(failedCriticalAlerts(library, streamId, alerts));
    STABLE_TRY(pastRollbackAlerts(library, streamId, isoUtc(now), alerts));
    STABLE_TRY(repeatDefectAlerts(library, streamId, alerts));
    STABLE_TRY(lowYieldAlerts(library, streamId, alerts));
    STABLE_TRY(unanalysedAlerts(library, streamId, now, alerts));
    return alerts;
}

} // namespace stable
