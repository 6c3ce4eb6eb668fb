// The measures of DESIGN.md §3, each one aggregate query: the library holds years of attestations, so
// nothing here loads them one by one.
#include "metrics.h"

#include "library.h"
#include "measurescope.h"
#include "rawsqlite.h"
#include "process.h"
#include "rework.h"
#include "sql.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>

#include <sqlite3.h>

namespace stable {

namespace {


Status computeYields(Library& library, const MeasureScope& scope, Measures& measures)
{
    QVariantList streamBinds;
    QString streamWhere = QStringLiteral("removed = 0");
    if (!scope.streamId.isEmpty()) {
        streamWhere = QStringLiteral("id = ?");
        streamBinds << scope.streamId;
    }
    auto streams = execSql(library.db(),
                           QStringLiteral("SELECT id, key, name FROM stream WHERE ") + streamWhere +
                               QStringLiteral(" ORDER BY key"),
                           streamBinds);
    if (!streams.ok())
        return streams.error();
    QHash<QString, int> streamIndex;
    while (streams->next()) {
        StreamYield stream;
        stream.streamId = streams->value(0).toString();
        stream.key = streams->value(1).toString();
        stream.name = streams->value(2).toString();
        streamIndex.insert(stream.streamId, static_cast<int>(measures.streams.size()));
        measures.streams.append(stream);
    }
    streams->finish();

    // Closed runs and first passes come from the summaries kept current on write
    // (resources/sql/005_performance.sql, 006_console_summaries.sql): a run's step fails first time when
    // any of its items got a fail that stands (not voided).
    QVariantList binds;
    auto closedRuns = execSql(library.db(),
                              QStringLiteral("SELECT stream_id, sum(closed_runs) FROM derived_run_month WHERE ") +
                                  within(scope, QStringLiteral("month"), QStringLiteral("stream_id"), binds) +
                                  QStringLiteral(" GROUP BY stream_id"),
                              binds);
    if (!closedRuns.ok())
        return closedRuns.error();
    while (closedRuns->next()) {
        const int index = streamIndex.value(closedRuns->value(0).toString(), -1);
        if (index >= 0)
            measures.streams[index].closedRuns = closedRuns->value(1).toInt();
    }
    closedRuns->finish();

    // Per step: the all-history totals, or the months of the period.
    QVariantList yieldBinds;
    QString yieldSql;
    if (scope.allHistory()) {
        yieldSql = QStringLiteral("SELECT step_id, sum(closed_runs), sum(first_pass) FROM derived_step_total");
        if (!scope.streamId.isEmpty()) {
            yieldSql += QStringLiteral(" WHERE stream_id = ?");
            yieldBinds << scope.streamId;
        }
    } else {
        yieldSql = QStringLiteral("SELECT step_id, sum(closed_runs), sum(first_pass) FROM derived_step_month WHERE ") +
                   within(scope, QStringLiteral("month"), QStringLiteral("stream_id"), yieldBinds);
    }
    auto yields = execSql(library.db(), yieldSql + QStringLiteral(" GROUP BY step_id HAVING sum(closed_runs) > 0"),
                          yieldBinds);
    if (!yields.ok())
        return yields.error();
    QHash<QString, QPair<int, int>> runsAndFirstPass;
    while (yields->next())
        runsAndFirstPass.insert(yields->value(0).toString(),
                                {yields->value(1).toInt(), yields->value(2).toInt()});
    yields->finish();

    // The draft's steps in order, and any removed step that still has closed runs in the period.
    auto steps = execSql(
        library.db(),
        QStringLiteral("SELECT st.id, st.key, st.name, st.stream_id, st.removed FROM step st "
                       "JOIN stream s ON s.id = st.stream_id WHERE ") +
            (scope.streamId.isEmpty() ? QStringLiteral("s.removed = 0") : QStringLiteral("s.id = ?")) +
            QStringLiteral(" ORDER BY st.position, st.key"),
        streamBinds);
    if (!steps.ok())
        return steps.error();
    while (steps->next()) {
        const int index = streamIndex.value(steps->value(3).toString(), -1);
        const QString stepId = steps->value(0).toString();
        const bool removed = steps->value(4).toBool();
        if (index < 0 || (removed && !runsAndFirstPass.contains(stepId)))
            continue;
        StepYield step;
        step.stepId = stepId;
        step.key = steps->value(1).toString();
        step.name = steps->value(2).toString();
        const auto counts = runsAndFirstPass.value(stepId, {0, 0});
        step.closedRuns = counts.first;
        step.firstPass = counts.second;
        if (step.closedRuns > 0)
            step.fpy = static_cast<double>(step.firstPass) / step.closedRuns;
        measures.streams[index].steps.append(step);
    }
    for (StreamYield& stream : measures.streams) {
        for (const StepYield& step : std::as_const(stream.steps))
            if (step.fpy)
                stream.rty = stream.rty.value_or(1.0) * *step.fpy;
    }
    return success();
}

Status computeHiddenFactory(Library& library, const MeasureScope& scope, Measures& measures)
{
    QMap<QString, MonthFactory> months;
    // The monthly summary kept current on write; stream '*' holds every stream's hours.
    auto rework = execSql(library.db(),
                          QStringLiteral("SELECT month, kind, hours FROM derived_rework_month "
                                         "WHERE stream_id = ? AND month >= ? AND month < ?"),
                          {scope.reworkStream(), scope.lower, scope.upper});
    if (!rework.ok())
        return rework.error();
    double fireFighting = 0;
    while (rework->next()) {
        const QString month = rework->value(0).toString();
        const ReworkKind kind = parseReworkKind(rework->value(1).toString()).value_or(ReworkKind::Other);
        const double hours = rework->value(2).toDouble();
        MonthFactory& entry = months[month];
        entry.month = month;
        entry.reworkHours += hours;
        entry.hoursByKind[kind] += hours;
        measures.reworkHours += hours;
        if (kind == ReworkKind::FireFighting)
            fireFighting += hours;
    }
    rework->finish();

    // Team hours belong to the whole team, not to one stream.
    auto team = execSql(library.db(),
                        QStringLiteral("SELECT month, hours FROM team_hours WHERE month >= ? AND month < ?"),
                        {scope.lower, scope.upper});
    if (!team.ok())
        return team.error();
    while (team->next()) {
        MonthFactory& entry = months[team->value(0).toString()];
        entry.month = team->value(0).toString();
        entry.teamHours = team->value(1).toDouble();
    }
    team->finish();

    for (MonthFactory& entry : months) {
        if (entry.teamHours > 0)
            entry.percent = entry.reworkHours * 100.0 / entry.teamHours;
        measures.hiddenFactory.append(entry);
    }
    auto rate = numericSetting(library, QStringLiteral("hourly-rate"));
    if (!rate.ok())
        return rate.error();
    measures.copq = measures.reworkHours * rate.value();
    if (measures.reworkHours > 0)
        measures.heroicsShare = fireFighting / measures.reworkHours;
    return success();
}

Result<QList<RepeatDefect>> repeatDefectsIn(Library& library, const MeasureScope& scope)
{
    QVariantList binds;
    const QString incidentsWithin =
        within(scope, QStringLiteral("i.occurred_at"), QStringLiteral("i.stream_id"), binds);
    // The earliest revision that answered the earlier incident before the recurrence occurred.
    auto query = execSql(
        library.db(),
        // Driven by the few recurrences (the planner would walk every incident by id for the GROUP BY).
        QStringLiteral("SELECT i.id, i.number, i.title, e.number, s.key, v.number, min(v.published_at) "
                       "FROM incident i INDEXED BY incident_by_recurrence JOIN incident e ON e.id = i.recurrence_of_id "
                       "JOIN stream s ON s.id = i.stream_id "
                       "JOIN revision_answer ra ON ra.incident_id = e.id "
                       "JOIN revision v ON v.id = ra.revision_id AND v.published_at < i.occurred_at "
                       "WHERE i.recurrence_of_id IS NOT NULL AND ") +
            incidentsWithin + QStringLiteral(" GROUP BY i.id ORDER BY i.number"),
        binds);
    if (!query.ok())
        return query.error();
    QList<RepeatDefect> repeats;
    while (query->next()) {
        RepeatDefect repeat;
        repeat.incidentId = query->value(0).toString();
        repeat.incidentKey = incidentKey(query->value(1).toInt());
        repeat.title = query->value(2).toString();
        repeat.earlierKey = incidentKey(query->value(3).toInt());
        repeat.streamKey = query->value(4).toString();
        repeat.revisionNumber = query->value(5).toInt(); // SQLite takes it from the row of the min()
        repeat.publishedAt = query->value(6).toString();
        repeats.append(repeat);
    }
    return repeats;
}

Status computeIncidentMeasures(Library& library, const MeasureScope& scope, Measures& measures)
{
    QVariantList binds;
    const QString incidentsWithin =
        within(scope, QStringLiteral("i.occurred_at"), QStringLiteral("i.stream_id"), binds);

    auto statuses = execSql(library.db(),
                            QStringLiteral("SELECT i.status, count(*) FROM incident i WHERE ") +
                                incidentsWithin + QStringLiteral(" GROUP BY i.status"),
                            binds);
    if (!statuses.ok())
        return statuses.error();
    while (statuses->next()) {
        const int count = statuses->value(1).toInt();
        switch (parseIncidentStatus(statuses->value(0).toString()).value_or(IncidentStatus::Open)) {
        case IncidentStatus::Open:
            measures.incidents.open += count;
            break;
        case IncidentStatus::Analysed:
            measures.incidents.analysed += count;
            break;
        case IncidentStatus::Prevented:
            measures.incidents.prevented += count;
            break;
        case IncidentStatus::Verified:
            measures.incidents.verified += count;
            break;
        }
    }
    statuses->finish();

    auto shiftLeft =
        execSql(library.db(),
                QStringLiteral("SELECT count(*), coalesce(sum(i.detected_step_id = i.injected_step_id), 0) "
                               "FROM incident i WHERE i.detected_step_id IS NOT NULL "
                               "AND i.injected_step_id IS NOT NULL AND ") +
                    incidentsWithin,
                binds);
    if (!shiftLeft.ok())
        return shiftLeft.error();
    if (shiftLeft->next() && shiftLeft->value(0).toInt() > 0)
        measures.shiftLeftIndex = shiftLeft->value(1).toDouble() / shiftLeft->value(0).toDouble();
    shiftLeft->finish();

    // Through the sqlite3 C API: one row per answered incident (17,000 in a ten-year library), where Qt
    // Sql's per-value conversions cost more than the query. Each row, with its first answer and the days
    // to it (whole seconds, as QDateTime::secsTo counts them), is kept current on write
    // (resources/sql/008_incident_answers.sql) and read in number order from one covering index.
    auto raw = RawConnection::borrow(library.db());
    if (!raw)
        return storageError(QStringLiteral("The SQLite driver did not hand out its connection."));
    QVariantList answerBinds;
    RawQuery leadTimes;
    STABLE_TRY(leadTimes.prepare(
        *raw, (QStringLiteral("SELECT number, created_at, published_at, days FROM derived_incident_answer WHERE ") +
               within(scope, QStringLiteral("occurred_at"), QStringLiteral("stream_id"), answerBinds) +
               QStringLiteral(" ORDER BY number"))
                  .toUtf8()
                  .constData()));
    for (int i = 0; i < answerBinds.size(); ++i)
        leadTimes.bind(i + 1, answerBinds.at(i).toString());
    const auto text = [&leadTimes](int column) {
        const std::string_view bytes = leadTimes.text(column);
        return QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
    };
    while (true) {
        auto row = leadTimes.next();
        STABLE_TRY(row);
        if (!row.value())
            break;
        LeadTime lead;
        lead.incidentKey = incidentKey(static_cast<int>(leadTimes.number(0)));
        lead.createdAt = text(1);
        lead.publishedAt = text(2);
        lead.days = sqlite3_value_double(leadTimes.rawValue(3)); // NULL, a moment SQLite cannot read: 0
        measures.leadTimes.append(lead);
    }

    QVariantList checkBinds;
    QString checkWhere;
    if (!scope.streamId.isEmpty()) {
        checkWhere = QStringLiteral(" AND st.stream_id = ?");
        checkBinds << scope.streamId;
    }
    auto checks = execSql(
        library.db(),
        QStringLiteral(
            "SELECT c.id, c.key, c.step_key, c.origin_number, c.first_published, "
            "  (SELECT count(*) FROM incident r WHERE r.recurrence_of_id = c.origin_id "
            "   AND r.occurred_at > c.first_published) "
            "FROM (SELECT q.id, q.key, st.key AS step_key, o.number AS origin_number, o.id AS origin_id, "
            "        q.removed, st.position AS step_position, q.position, "
            "        (SELECT min(v.published_at) FROM revision_check rc "
            "         JOIN revision v ON v.id = rc.revision_id WHERE rc.check_id = q.id) AS first_published "
            "      FROM quality_check q JOIN step st ON st.id = q.step_id "
            "      JOIN incident o ON o.id = q.origin_incident_id WHERE 1 = 1") +
            checkWhere +
            QStringLiteral(") c WHERE c.removed = 0 OR c.first_published IS NOT NULL "
                           "ORDER BY c.origin_number, c.step_position, c.position"),
        checkBinds);
    if (!checks.ok())
        return checks.error();
    while (checks->next()) {
        CheckEffectiveness check;
        check.checkId = checks->value(0).toString();
        check.checkKey = checks->value(1).toString();
        check.stepKey = checks->value(2).toString();
        check.originIncidentKey = incidentKey(checks->value(3).toInt());
        check.publishedAt = checks->value(4).toString();
        check.recurrencesAfter = checks->value(5).toInt();
        measures.checkEffectiveness.append(check);
    }
    checks->finish();

    auto repeats = repeatDefectsIn(library, scope);
    if (!repeats.ok())
        return repeats.error();
    measures.repeatDefects = static_cast<int>(repeats->size());
    return success();
}

QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

Result<Measures> computeMeasures(Library& library, const MeasureFilter& filter)
{
    auto scope = measureScope(library, filter);
    if (!scope.ok())
        return scope.error();
    Measures measures;
    STABLE_TRY(computeYields(library, scope.value(), measures));
    STABLE_TRY(computeHiddenFactory(library, scope.value(), measures));
    STABLE_TRY(computeIncidentMeasures(library, scope.value(), measures));
    return measures;
}

Result<QList<StreamYield>> computeStreamYields(Library& library, const MeasureFilter& filter)
{
    auto scope = measureScope(library, filter);
    if (!scope.ok())
        return scope.error();
    Measures measures;
    STABLE_TRY(computeYields(library, scope.value(), measures));
    return measures.streams;
}

Result<QList<RepeatDefect>> listRepeatDefects(Library& library, const MeasureFilter& filter)
{
    auto scope = measureScope(library, filter);
    if (!scope.ok())
        return scope.error();
    return repeatDefectsIn(library, scope.value());
}

QJsonObject measuresToJson(const Measures& measures)
{
    QJsonArray streams;
    for (const StreamYield& stream : measures.streams) {
        QJsonArray steps;
        for (const StepYield& step : stream.steps)
            steps.append(QJsonObject{{QStringLiteral("key"), step.key},
                                     {QStringLiteral("name"), step.name},
                                     {QStringLiteral("fpy"), optionalNumber(step.fpy)},
                                     {QStringLiteral("closed_runs"), step.closedRuns},
                                     {QStringLiteral("first_pass_runs"), step.firstPass}});
        streams.append(QJsonObject{{QStringLiteral("key"), stream.key},
                                   {QStringLiteral("name"), stream.name},
                                   {QStringLiteral("rty"), optionalNumber(stream.rty)},
                                   {QStringLiteral("closed_runs"), stream.closedRuns},
                                   {QStringLiteral("steps"), steps}});
    }

    QJsonArray months;
    for (const MonthFactory& month : measures.hiddenFactory) {
        QJsonObject byKind;
        for (auto it = month.hoursByKind.cbegin(); it != month.hoursByKind.cend(); ++it)
            byKind.insert(toText(it.key()), it.value());
        months.append(
            QJsonObject{{QStringLiteral("month"), month.month},
                        {QStringLiteral("rework_hours"), month.reworkHours},
                        {QStringLiteral("team_hours"),
                         month.teamHours > 0 ? QJsonValue(month.teamHours) : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("percent"), optionalNumber(month.percent)},
                        {QStringLiteral("by_kind"), byKind}});
    }

    QJsonArray leadTimes;
    for (const LeadTime& lead : measures.leadTimes)
        leadTimes.append(QJsonObject{{QStringLiteral("incident"), lead.incidentKey},
                                     {QStringLiteral("created_at"), lead.createdAt},
                                     {QStringLiteral("published_at"), lead.publishedAt},
                                     {QStringLiteral("days"), lead.days}});

    QJsonArray checks;
    for (const CheckEffectiveness& check : measures.checkEffectiveness)
        checks.append(QJsonObject{
            {QStringLiteral("check"), QString(check.stepKey + QLatin1Char('/') + check.checkKey)},
            {QStringLiteral("origin_incident"), check.originIncidentKey},
            {QStringLiteral("published_at"),
             check.publishedAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(check.publishedAt)},
            {QStringLiteral("recurrences_after"), check.recurrencesAfter}});

    return QJsonObject{
        {QStringLiteral("streams"), streams},
        {QStringLiteral("hidden_factory"), months},
        {QStringLiteral("rework_hours"), measures.reworkHours},
        {QStringLiteral("copq"), measures.copq},
        {QStringLiteral("shift_left_index"), optionalNumber(measures.shiftLeftIndex)},
        {QStringLiteral("repeat_defects"), measures.repeatDefects},
        {QStringLiteral("heroics_share"), optionalNumber(measures.heroicsShare)},
        {QStringLiteral("incidents"), QJsonObject{{QStringLiteral("open"), measures.incidents.open},
                                                  {QStringLiteral("analysed"), measures.incidents.analysed},
                                                  {QStringLiteral("prevented"), measures.incidents.prevented},
                                                  {QStringLiteral("verified"), measures.incidents.verified}}},
        {QStringLiteral("lead_times"), leadTimes},
        {QStringLiteral("check_effectiveness"), checks},
    };
}

} // namespace stable
