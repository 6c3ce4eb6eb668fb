// The console's series: grouped aggregates by month, so the charts never see a row per attestation.
#include "consoleseries.h"

#include "library.h"
#include "measurescope.h"
#include "process.h"
#include "rework.h"
#include "sql.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <algorithm>

namespace stable {

namespace {

// The first and last month that hold anything the console shows, within the bounds.
Result<QPair<QString, QString>> dataMonths(Library& library, const MeasureScope& bounds)
{
    // Rework and closed runs from their monthly summaries (stream '*': every stream's rework).
    QVariantList binds{bounds.reworkStream(), bounds.lower, bounds.upper};
    const QString runs = within(bounds, QStringLiteral("month"), QStringLiteral("stream_id"), binds);
    const QString incidents = within(bounds, QStringLiteral("occurred_at"), QStringLiteral("stream_id"), binds);
    binds << bounds.lower << bounds.upper;
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT min(first), max(last) FROM ("
                       " SELECT min(month) AS first, max(month) AS last FROM derived_rework_month "
                       " WHERE stream_id = ? AND month >= ? AND month < ?"
                       " UNION ALL SELECT min(month), max(month) FROM derived_run_month WHERE ") +
            runs +
            QStringLiteral(" UNION ALL SELECT min(occurred_at), max(occurred_at) FROM incident WHERE ") + incidents +
            QStringLiteral(" UNION ALL SELECT min(month), max(month) FROM team_hours WHERE month >= ? AND month < ?)"),
        binds);
    if (!query.ok())
        return query.error();
    if (!query->next() || query->value(0).isNull())
        return QPair<QString, QString>();
    return QPair<QString, QString>(query->value(0).toString().left(7), query->value(1).toString().left(7));
}

Status computePareto(Library& library, const MeasureScope& bounds, ConsoleSeries& series)
{
    // Hours per step they are charged to: the entry's own step, else its incident's injected step. All
    // history is summed on write (derived_rework_step, '' for no step); a period reads its rework.
    QVariantList binds;
    QString perStep;
    if (bounds.allHistory()) {
        perStep = QStringLiteral("SELECT nullif(step_id, '') AS step_id, sum(hours) AS hours FROM derived_rework_step");
        if (!bounds.streamId.isEmpty()) {
            perStep += QStringLiteral(" WHERE stream_id = ?");
            binds << bounds.streamId;
        }
    } else {
        perStep = QStringLiteral("SELECT coalesce(r.step_id, i.injected_step_id) AS step_id, sum(r.hours) AS hours "
                                 "FROM rework r LEFT JOIN incident i ON i.id = r.incident_id WHERE ") +
                  within(bounds, QStringLiteral("r.date"), QStringLiteral("r.stream_id"), binds);
    }
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT t.step_id, st.key, st.name, s.key, t.hours FROM (") + perStep +
                             QStringLiteral(" GROUP BY 1) t LEFT JOIN step st ON st.id = t.step_id "
                                            "LEFT JOIN stream s ON s.id = st.stream_id ORDER BY t.hours DESC, st.key"),
                         binds);
    if (!query.ok())
        return query.error();
    double total = 0;
    while (query->next()) {
        ParetoBar bar;
        bar.stepId = query->value(0).toString();
        bar.stepKey = query->value(1).toString();
        bar.stepName = bar.stepId.isEmpty() ? QStringLiteral("Step not recorded") : query->value(2).toString();
        bar.streamKey = query->value(3).toString();
        bar.hours = query->value(4).toDouble();
        total += bar.hours;
        series.pareto.append(bar);
    }
    double running = 0;
    for (ParetoBar& bar : series.pareto) {
        running += bar.hours;
        bar.cumulativeShare = total > 0 ? running / total : 0;
    }
    return success();
}

Status computeMonthlyYields(Library& library, const MeasureScope& bounds, ConsoleSeries& series)
{
    QHash<QString, int> streamIndex;
    for (const StreamYield& stream : std::as_const(series.yields)) {
        StreamMonthlyYield monthly;
        monthly.streamId = stream.streamId;
        monthly.key = stream.key;
        monthly.name = stream.name;
        monthly.closedRuns = QList<int>(series.months.size(), 0);
        monthly.rty = QList<std::optional<double>>(series.months.size());
        streamIndex.insert(stream.streamId, static_cast<int>(series.monthlyYields.size()));
        series.monthlyYields.append(monthly);
    }
    QHash<QString, int> monthIndex;
    for (int i = 0; i < series.months.size(); ++i)
        monthIndex.insert(series.months.at(i), i);

    // Per month, stream and step: closed runs containing the step, and those where it passed first time.
    QVariantList binds;
    const QString runsWithin = within(bounds, QStringLiteral("month"), QStringLiteral("stream_id"), binds);
    auto query = execSql(
        library.db(),
        // The monthly summary kept current on write (resources/sql/005_performance.sql), not the items.
        QStringLiteral("SELECT month, stream_id, step_id, sum(closed_runs), sum(first_pass) "
                       "FROM derived_step_month WHERE ") +
            runsWithin + QStringLiteral(" GROUP BY month, stream_id, step_id HAVING sum(closed_runs) > 0"),
        binds);
    if (!query.ok())
        return query.error();
    // Per stream and step, closed runs and first passes per month.
    struct StepMonths
    {
        int stream = 0;
        QList<int> runs;
        QList<int> firstPass;
    };
    QHash<QString, StepMonths> steps;
    while (query->next()) {
        const int month = monthIndex.value(query->value(0).toString(), -1);
        const int stream = streamIndex.value(query->value(1).toString(), -1);
        if (month < 0 || stream < 0)
            continue;
        StepMonths& step = steps[query->value(2).toString()];
        if (step.runs.isEmpty()) {
            step.stream = stream;
            step.runs = QList<int>(series.months.size(), 0);
            step.firstPass = QList<int>(series.months.size(), 0);
        }
        step.runs[month] += query->value(3).toInt();
        step.firstPass[month] += query->value(4).toInt();
    }
    query->finish();
    for (StreamMonthlyYield& monthly : series.monthlyYields)
        monthly.rollingRty = QList<std::optional<double>>(series.months.size());
    for (const StepMonths& step : std::as_const(steps)) {
        StreamMonthlyYield& monthly = series.monthlyYields[step.stream];
        int windowRuns = 0;
        int windowFirstPass = 0;
        for (int month = 0; month < series.months.size(); ++month) {
            windowRuns += step.runs.at(month);
            windowFirstPass += step.firstPass.at(month);
            if (month >= rollingMonths) {
                windowRuns -= step.runs.at(month - rollingMonths);
                windowFirstPass -= step.firstPass.at(month - rollingMonths);
            }
            if (step.runs.at(month) > 0)
                monthly.rty[month] = monthly.rty.at(month).value_or(1.0) * step.firstPass.at(month) / step.runs.at(month);
            if (windowRuns > 0)
                monthly.rollingRty[month] =
                    monthly.rollingRty.at(month).value_or(1.0) * windowFirstPass / windowRuns;
        }
    }

    QVariantList runBinds;
    auto runs = execSql(library.db(),
                        QStringLiteral("SELECT month, stream_id, closed_runs FROM derived_run_month WHERE ") +
                            within(bounds, QStringLiteral("month"), QStringLiteral("stream_id"), runBinds),
                        runBinds);
    if (!runs.ok())
        return runs.error();
    while (runs->next()) {
        const int month = monthIndex.value(runs->value(0).toString(), -1);
        const int stream = streamIndex.value(runs->value(1).toString(), -1);
        if (month >= 0 && stream >= 0)
            series.monthlyYields[stream].closedRuns[month] = runs->value(2).toInt();
    }
    return success();
}

Status computeIncidentSeries(Library& library, const MeasureScope& bounds, ConsoleSeries& series)
{
    QHash<QString, int> monthIndex;
    for (int i = 0; i < series.months.size(); ++i)
        monthIndex.insert(series.months.at(i), i);
    series.incidents = QList<MonthIncidents>(series.months.size());

    QVariantList binds;
    auto counts = execSql(
        library.db(),
        QStringLiteral("SELECT substr(i.occurred_at, 1, 7), count(*), "
                       "  sum(i.detected_step_id IS NOT NULL AND i.injected_step_id IS NOT NULL), "
                       "  sum(i.detected_step_id = i.injected_step_id) FROM incident i WHERE ") +
            within(bounds, QStringLiteral("i.occurred_at"), QStringLiteral("i.stream_id"), binds) +
            QStringLiteral(" GROUP BY 1"),
        binds);
    if (!counts.ok())
        return counts.error();
    while (counts->next()) {
        const int month = monthIndex.value(counts->value(0).toString(), -1);
        if (month < 0)
            continue;
        MonthIncidents& entry = series.incidents[month];
        entry.incidents = counts->value(1).toInt();
        entry.bothStepsKnown = counts->value(2).toInt();
        entry.detectedWhereInjected = counts->value(3).toInt();
        if (entry.bothStepsKnown > 0)
            entry.shiftLeftIndex = static_cast<double>(entry.detectedWhereInjected) / entry.bothStepsKnown;
    }
    counts->finish();

    // A repeat defect: a recurrence of an incident that a revision published before it had answered.
    QVariantList repeatBinds;
    auto repeats = execSql(
        library.db(),
        QStringLiteral("SELECT substr(i.occurred_at, 1, 7), count(*) FROM incident i WHERE EXISTS ("
                       "  SELECT 1 FROM revision_answer ra JOIN revision v ON v.id = ra.revision_id "
                       "  WHERE ra.incident_id = i.recurrence_of_id AND v.published_at < i.occurred_at) AND ") +
            within(bounds, QStringLiteral("i.occurred_at"), QStringLiteral("i.stream_id"), repeatBinds) +
            QStringLiteral(" GROUP BY 1"),
        repeatBinds);
    if (!repeats.ok())
        return repeats.error();
    while (repeats->next()) {
        const int month = monthIndex.value(repeats->value(0).toString(), -1);
        if (month >= 0)
            series.incidents[month].repeatDefects = repeats->value(1).toInt();
    }
    return success();
}

} // namespace

QStringList monthRange(const QString& first, const QString& last)
{
    QStringList months;
    if (!isIsoMonth(first) || !isIsoMonth(last))
        return months;
    for (QString month = first; month <= last; month = nextMonth(month))
        months.append(month);
    return months;
}

Result<ConsoleSeries> computeConsoleSeries(Library& library, const MeasureFilter& filter)
{
    // The measures validate the filter and give the period's totals, FPY per step and the hidden factory.
    auto measures = computeMeasures(library, filter);
    if (!measures.ok())
        return measures.error();
    ConsoleSeries series;
    series.measures = std::move(measures).value();
    series.yields = series.measures.streams;

    auto bounds = measureScope(library, filter);
    if (!bounds.ok())
        return bounds.error();
    auto span = dataMonths(library, bounds.value());
    if (!span.ok())
        return span.error();
    QString first = filter.fromMonth.trimmed();
    QString last = filter.toMonth.trimmed();
    if (first.isEmpty())
        first = span->first;
    if (last.isEmpty())
        last = std::max(span->second, first);
    series.months = monthRange(first, last);
    // Months are UTC, as the records' times are.
    const QString thisMonth = library.clock().now().toUTC().toString(QStringLiteral("yyyy-MM"));
    if (series.months.contains(thisMonth))
        series.partialMonth = thisMonth;

    auto rate = numericSetting(library, QStringLiteral("hourly-rate"));
    if (!rate.ok())
        return rate.error();
    series.hourlyRate = rate.value();
    auto currency = setting(library, QStringLiteral("currency"));
    if (!currency.ok())
        return currency.error();
    series.currency = currency.value();
    QHash<QString, MonthFactory> logged;
    for (const MonthFactory& month : std::as_const(series.measures.hiddenFactory))
        logged.insert(month.month, month);
    for (const QString& month : std::as_const(series.months)) {
        MonthFactory entry = logged.value(month);
        entry.month = month;
        series.factory.append(entry);
        series.copq.append(entry.reworkHours * series.hourlyRate);
    }

    STABLE_TRY(computePareto(library, bounds.value(), series));
    STABLE_TRY(computeMonthlyYields(library, bounds.value(), series));
    STABLE_TRY(computeIncidentSeries(library, bounds.value(), series));
    return series;
}

QList<ParetoBar> foldPareto(const QList<ParetoBar>& bars, int maxBars)
{
    if (maxBars < 2 || bars.size() <= maxBars)
        return bars;
    QList<ParetoBar> folded = bars.mid(0, maxBars - 1);
    ParetoBar rest;
    rest.steps = 0;
    for (qsizetype i = maxBars - 1; i < bars.size(); ++i) {
        rest.hours += bars.at(i).hours;
        rest.steps += bars.at(i).steps;
    }
    rest.stepName = QStringLiteral("%1 other steps").arg(rest.steps);
    rest.cumulativeShare = bars.last().cumulativeShare;
    folded.append(rest);
    return folded;
}

} // namespace stable
