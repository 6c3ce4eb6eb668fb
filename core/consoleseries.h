#pragma once

#include "metrics.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace stable {

class Library;

// The time series the performance console charts, each an aggregate query over the measures of
// DESIGN.md §3. Every per-month list is aligned with `months`: one entry per month, gaps included, so
// that a chart's categories and its table rows are the same thing.

struct ParetoBar
{
    QString stepId;    // empty for the "not recorded" and "other steps" bars
    QString stepKey;
    QString stepName;  // what the chart shows
    QString streamKey;
    double hours = 0;
    double cumulativeShare = 0; // of all rework hours in scope, this bar and the ones before it (0–1)
    int steps = 1;              // how many steps an "other steps" bar folds together
};

struct StreamMonthlyYield
{
    QString streamId;
    QString key;
    QString name;
    QList<int> closedRuns;               // per month
    QList<std::optional<double>> rty;    // per month; none in a month without closed runs
    // Per month, over the runs closed in it and the two months before: single months of a stream with
    // few runs swing between 0 and 1, a quarter shows the trend.
    QList<std::optional<double>> rollingRty;
};
constexpr int rollingMonths = 3;

struct MonthIncidents
{
    int incidents = 0;     // occurred in the month
    int bothStepsKnown = 0;
    int detectedWhereInjected = 0;
    std::optional<double> shiftLeftIndex; // none without an incident with both steps known
    int repeatDefects = 0;
};

struct ConsoleSeries
{
    QStringList months;                // YYYY-MM, ascending, continuous
    QString partialMonth;              // the one of `months` still under way (the clock's), else empty
    QList<MonthFactory> factory;       // per month (empty entries where nothing was logged)
    double hourlyRate = 0;
    QString currency;                  // of the hourly rate and the costs: ISO 4217, empty for none
    QList<double> copq;                // per month: rework hours × hourly rate
    QList<ParetoBar> pareto;           // every step with rework, most hours first
    QList<StreamYield> yields;         // FPY per step and RTY per stream over the whole period
    QList<StreamMonthlyYield> monthlyYields; // RTY per stream per month (closed runs by closing month)
    QList<MonthIncidents> incidents;   // per month, by when the incident occurred
    Measures measures;                 // the period's totals, as `stablectl metrics` prints them
};

// Rework hours count against the step they were logged on, else the step where their incident was
// injected (where prevention would have saved them); the rest shows as one "step not recorded" bar.
Result<ConsoleSeries> computeConsoleSeries(Library& library, const MeasureFilter& filter = {});

// The `maxBars - 1` largest bars and one bar folding all the rest ("other steps"), so a chart of two
// thousand steps still reads; cumulative shares are kept (the folded bar ends at the total).
QList<ParetoBar> foldPareto(const QList<ParetoBar>& bars, int maxBars);

// The continuous months from `first` to `last` inclusive (both YYYY-MM); empty if either is not one.
QStringList monthRange(const QString& first, const QString& last);

} // namespace stable
