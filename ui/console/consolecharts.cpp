#include "console/consolecharts.h"

#include "console/costtext.h"
#include "console/reduction.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPalette>
#include <QPen>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace stable {

namespace {

// Room the axes and their titles take from the chart's width.
constexpr int axisMargin = 130;

const QList<ReworkKind> allKinds = {ReworkKind::Rework, ReworkKind::FireFighting, ReworkKind::ReRelease,
                                    ReworkKind::FailedProject, ReworkKind::Other};

// Empties the chart and picks the theme from the palette's lightness (the theme recolours series, so it
// comes before any is added).
void reset(QChart& chart, const QPalette& palette, const QString& title)
{
    chart.removeAllSeries();
    for (QAbstractAxis* axis : chart.axes()) {
        chart.removeAxis(axis);
        delete axis;
    }
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    chart.setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart.setAnimationOptions(QChart::NoAnimation);
    chart.setTitle(title);
    chart.legend()->setAlignment(Qt::AlignBottom);
    chart.legend()->setVisible(true);
    chart.setMargins(QMargins(4, 4, 4, 4));
}

// After the axes are attached: text, lines and background in the palette's roles.
void applyPalette(QChart& chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor grid = palette.color(QPalette::Mid);
    chart.setBackgroundBrush(palette.base());
    chart.setBackgroundRoundness(0);
    chart.setTitleBrush(text);
    QFont titleFont = chart.titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(std::max(9.0, titleFont.pointSizeF()));
    chart.setTitleFont(titleFont);
    chart.legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart.axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        QFont titleOfAxis = axis->titleFont();
        titleOfAxis.setBold(false);
        axis->setTitleFont(titleOfAxis);
    }
}

// Ticks 1, 2 or 5 × 10^k apart, never less than 1: the labels have no decimals, and a 0–1 range ticked
// in quarters would read "0 0 1 1 1".
double wholeTickStep(double top)
{
    const double raw = top / 5.0;
    if (raw <= 1.0)
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double multiple : {1.0, 2.0, 5.0})
        if (multiple * magnitude >= raw)
            return multiple * magnitude;
    return 10.0 * magnitude;
}

// From 0 to a little above `max` (0 to 4 when there is nothing yet), ticked at whole numbers.
QValueAxis* valueAxis(QChart& chart, const QString& title, Qt::Alignment side, double max, bool whole = false)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    const double top = max > 0 ? max * 1.1 : 4.0;
    const double step = wholeTickStep(top);
    const int intervals = std::max(1, static_cast<int>(std::ceil(top / step - 1e-9)));
    axis->setRange(0, step * intervals);
    axis->setTickCount(intervals + 1);
    axis->setLabelFormat(whole ? QStringLiteral("%d") : QStringLiteral("%.0f"));
    chart.addAxis(axis, side);
    return axis;
}

// Months along x as values (bar i and point i at x = i), labelled only where a label fits: a bar
// category axis would give every month a label and elide them all to "2…" on a narrow chart. Labels
// count back from the latest month, so it always has one; `partial` (-1: none) is the month still under
// way, marked "to date" so that its short bar is not read as a good month.
QCategoryAxis* monthAxis(QChart& chart, const QStringList& labels, int width, int partial,
                         int pixelsPerLabel = 64)
{
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int count = static_cast<int>(labels.size());
    const int stride = labelStride(count, width - axisMargin, pixelsPerLabel);
    QList<int> shown;
    for (int i = count - 1; i >= 0; i -= stride)
        shown.prepend(i);
    for (int i : std::as_const(shown))
        axis->append(i == partial ? ConsoleCharts::toDateLabel(labels.at(i)) : labels.at(i), i);
    axis->setRange(-0.5, std::max(0.5, count - 0.5));
    axis->setGridLineVisible(false);
    chart.addAxis(axis, Qt::AlignBottom);
    return axis;
}

QCategoryAxis* monthAxis(QChart& chart, const QList<MonthBucket>& buckets, const ConsoleSeries& series,
                         int width)
{
    const int partialMonth = static_cast<int>(series.months.indexOf(series.partialMonth));
    QStringList labels;
    int partial = -1;
    for (const MonthBucket& bucket : buckets) {
        if (partialMonth >= bucket.first && partialMonth < bucket.first + bucket.count &&
            !series.partialMonth.isEmpty())
            partial = static_cast<int>(labels.size());
        labels.append(bucket.label);
    }
    return monthAxis(chart, labels, width, partial, buckets.value(0).count > 1 ? 96 : 64);
}

void attach(QChart& chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y)
{
    chart.addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

QLineSeries* line(const QString& name, const QList<QPointF>& points, int width)
{
    auto* series = new QLineSeries;
    series->setName(name);
    series->setPointsVisible(true);
    series->replace(reducePoints(points, ConsoleCharts::pointBudget(width)));
    return series;
}

double sum(const QList<double>& values, const MonthBucket& bucket)
{
    double total = 0;
    for (int i = bucket.first; i < bucket.first + bucket.count; ++i)
        total += values.at(i);
    return total;
}

QVariant optionalPercent(const std::optional<double>& share)
{
    return share ? QVariant(*share * 100.0) : QVariant();
}

// Axis labels must be unique and short: long names are elided, repeats made distinct invisibly.
QStringList categoryNames(const QStringList& names)
{
    QStringList unique;
    for (const QString& name : names) {
        QString shown = name.size() > 22 ? name.left(21) + QChar(0x2026) : name;
        while (unique.contains(shown))
            shown += QChar(0x200B);
        unique.append(shown);
    }
    return unique;
}

// Lying bars in the chart's height, between 3 and 15: below about 22 pixels a row, Qt Charts elides
// every category label to "…". `reserved`: what a second axis across takes.
int barsThatFit(const QChart& chart, int reserved = 0)
{
    const int height = std::max(250, static_cast<int>(chart.size().height()));
    return std::clamp((height - 110 - reserved) / 24, 3, 15);
}

} // namespace

QString ConsoleCharts::toDateLabel(const QString& month)
{
    return tr("%1<br>(to date)").arg(month);
}

int ConsoleCharts::pointBudget(int width)
{
    return std::max(4, width - axisMargin);
}

QString ConsoleCharts::kindTitle(ReworkKind kind)
{
    switch (kind) {
    case ReworkKind::Rework:
        return tr("Rework");
    case ReworkKind::FireFighting:
        return tr("Fire-fighting");
    case ReworkKind::ReRelease:
        return tr("Re-release");
    case ReworkKind::FailedProject:
        return tr("Failed project");
    case ReworkKind::Other:
        return tr("Other");
    }
    return QString();
}

SeriesTable ConsoleCharts::hiddenFactory(QChart& chart, const ConsoleSeries& series, int width, const QPalette& palette)
{
    reset(chart, palette, tr("Hidden factory: rework against team hours"));
    const QList<MonthBucket> buckets = bucketMonths(series.months, std::max(1, (width - axisMargin) / 14));
    auto* stack = new QStackedBarSeries;
    double highest = 0;
    QList<double> stacked(buckets.size(), 0.0);
    for (ReworkKind kind : allKinds) {
        QList<qreal> values;
        bool any = false;
        for (int b = 0; b < buckets.size(); ++b) {
            double hours = 0;
            for (int i = buckets.at(b).first; i < buckets.at(b).first + buckets.at(b).count; ++i)
                hours += series.factory.at(i).hoursByKind.value(kind);
            values.append(hours);
            stacked[b] += hours;
            any = any || hours > 0;
        }
        if (!any)
            continue;
        auto* set = new QBarSet(kindTitle(kind));
        set->append(values);
        stack->append(set);
    }
    QList<QPointF> team;
    QList<QPointF> percent;
    double highestPercent = 0;
    for (int b = 0; b < buckets.size(); ++b) {
        double teamHours = 0;
        for (int i = buckets.at(b).first; i < buckets.at(b).first + buckets.at(b).count; ++i)
            teamHours += series.factory.at(i).teamHours;
        highest = std::max({highest, stacked.at(b), teamHours});
        if (teamHours <= 0)
            continue;
        team.append(QPointF(b, teamHours));
        percent.append(QPointF(b, stacked.at(b) * 100.0 / teamHours));
        highestPercent = std::max(highestPercent, percent.last().y());
    }
    QCategoryAxis* x = monthAxis(chart, buckets, series, width);
    QValueAxis* hours = valueAxis(chart, tr("Hours"), Qt::AlignLeft, highest);
    QValueAxis* share = valueAxis(chart, tr("% of team hours"), Qt::AlignRight, highestPercent);
    share->setLabelFormat(QStringLiteral("%.0f%%"));
    share->setGridLineVisible(false);
    attach(chart, stack, x, hours);
    // The lines in the palette's text colours, so they never take a kind's colour from the theme: team
    // hours thin and dashed, the hidden factory % bold.
    QLineSeries* teamLine = line(tr("Team hours"), team, width);
    attach(chart, teamLine, x, hours);
    teamLine->setPen(QPen(palette.color(QPalette::WindowText), 1.5, Qt::DashLine));
    teamLine->setPointsVisible(false);
    QLineSeries* percentLine = line(tr("Hidden factory %"), percent, width);
    attach(chart, percentLine, x, share);
    percentLine->setPen(QPen(palette.color(QPalette::WindowText), 3));
    percentLine->setBrush(palette.color(QPalette::WindowText));
    applyPalette(chart, palette);

    SeriesTable table;
    table.columns = {tr("Month")};
    for (ReworkKind kind : allKinds)
        table.columns.append(kindTitle(kind));
    table.columns << tr("Rework hours") << tr("Team hours") << tr("Hidden factory %");
    for (const MonthFactory& month : series.factory) {
        QList<QVariant> row{month.month};
        for (ReworkKind kind : allKinds)
            row.append(month.hoursByKind.value(kind));
        row << month.reworkHours << (month.teamHours > 0 ? QVariant(month.teamHours) : QVariant())
            << (month.percent ? QVariant(*month.percent) : QVariant());
        table.rows.append(row);
    }
    return table;
}

SeriesTable ConsoleCharts::pareto(QChart& chart, const ConsoleSeries& series, int /*width: bars lie*/,
                                  const QPalette& palette)
{
    reset(chart, palette, tr("Pareto of rework hours by step"));
    // Lying bars, the largest on top: step names read across instead of being cut short.
    const QList<ParetoBar> bars = foldPareto(series.pareto, barsThatFit(chart, 40));
    const int count = static_cast<int>(bars.size());
    QStringList names;
    QList<qreal> hours;
    QList<QPointF> cumulative;
    double highest = 0;
    for (int i = count - 1; i >= 0; --i) {
        const ParetoBar& bar = bars.at(i);
        names.append(bar.stepId.isEmpty() ? (bar.steps > 1 ? tr("%n other steps", nullptr, bar.steps)
                                                           : tr("Step not recorded"))
                                          : bar.stepName);
        hours.append(bar.hours);
        highest = std::max(highest, bar.hours);
    }
    for (int i = 0; i < count; ++i)
        cumulative.append(QPointF(bars.at(i).cumulativeShare * 100.0, count - 1 - i));
    auto* steps = new QBarCategoryAxis;
    steps->append(categoryNames(names));
    chart.addAxis(steps, Qt::AlignLeft);
    QValueAxis* x = valueAxis(chart, QString(), Qt::AlignBottom, highest); // the legend names both axes
    // No title on top: with two titled axes across a short chart Qt elides every label to "…".
    QValueAxis* share = valueAxis(chart, QString(), Qt::AlignTop, 0);
    share->setRange(0, 100);
    share->setLabelFormat(QStringLiteral("%.0f%%"));
    share->setGridLineVisible(false);
    auto* barSeries = new QHorizontalBarSeries;
    auto* set = new QBarSet(tr("Rework hours"));
    set->append(hours);
    barSeries->append(set);
    attach(chart, barSeries, x, steps);
    auto* line = new QLineSeries;
    line->setName(tr("Cumulative %"));
    line->setPointsVisible(true);
    line->replace(cumulative);
    attach(chart, line, share, steps);
    applyPalette(chart, palette);

    SeriesTable table;
    table.columns = {tr("Step"), tr("Value stream"), tr("Rework hours"), tr("Cumulative %")};
    for (const ParetoBar& bar : series.pareto)
        table.rows.append({bar.stepId.isEmpty() ? tr("Step not recorded") : bar.stepName,
                           bar.streamKey, bar.hours, bar.cumulativeShare * 100.0});
    return table;
}

SeriesTable ConsoleCharts::firstPassYield(QChart& chart, const ConsoleSeries& series, int /*width: bars lie*/,
                                          const QPalette& palette)
{
    struct Entry
    {
        QString label;
        QString streamKey;
        const StepYield* step;
    };
    QList<Entry> entries;
    const bool manyStreams = series.yields.size() > 1;
    for (const StreamYield& stream : series.yields)
        for (const StepYield& step : stream.steps)
            if (step.fpy)
                entries.append(Entry{step.name, stream.key, &step});
    const int fitting = barsThatFit(chart);
    QString title = tr("First-pass yield per step");
    QList<Entry> shown = entries;
    if (manyStreams || shown.size() > fitting) {
        // Across streams, or more steps than fit: the weakest steps are the ones to act on.
        std::stable_sort(shown.begin(), shown.end(),
                         [](const Entry& a, const Entry& b) { return *a.step->fpy < *b.step->fpy; });
        if (shown.size() > fitting) {
            shown = shown.mid(0, fitting);
            title = tr("First-pass yield: the %n weakest steps", nullptr, fitting);
        }
    }
    reset(chart, palette, title);
    // Lying bars, the first (or weakest) on top, so that step names are not cut short.
    QStringList names;
    QList<qreal> values;
    for (auto entry = shown.crbegin(); entry != shown.crend(); ++entry) {
        names.append(entry->label);
        values.append(*entry->step->fpy * 100.0);
    }
    auto* steps = new QBarCategoryAxis;
    steps->append(categoryNames(names));
    chart.addAxis(steps, Qt::AlignLeft);
    QValueAxis* x = valueAxis(chart, tr("First-pass yield %"), Qt::AlignBottom, 0);
    x->setRange(0, 100);
    auto* bars = new QHorizontalBarSeries;
    auto* set = new QBarSet(tr("First-pass yield %"));
    set->append(values);
    set->setLabelColor(palette.color(QPalette::WindowText));
    bars->append(set);
    bars->setLabelsVisible(true);
    bars->setLabelsFormat(QStringLiteral("@value %"));
    bars->setLabelsPrecision(3);
    attach(chart, bars, x, steps);
    chart.legend()->setVisible(false);
    applyPalette(chart, palette);

    SeriesTable table;
    table.columns = {tr("Step"), tr("Value stream"), tr("Closed runs"), tr("First time"), tr("FPY %")};
    for (const Entry& entry : std::as_const(entries))
        table.rows.append({entry.label, entry.streamKey, entry.step->closedRuns, entry.step->firstPass,
                           *entry.step->fpy * 100.0});
    return table;
}

SeriesTable ConsoleCharts::rolledThroughputYield(QChart& chart, const ConsoleSeries& series, int width,
                                                 const QPalette& palette)
{
    // The streams with the most closed runs; more lines than five would not read.
    QList<const StreamMonthlyYield*> streams;
    for (const StreamMonthlyYield& stream : series.monthlyYields)
        if (std::any_of(stream.closedRuns.cbegin(), stream.closedRuns.cend(), [](int runs) { return runs > 0; }))
            streams.append(&stream);
    const auto runsOf = [](const StreamMonthlyYield* stream) {
        return std::accumulate(stream->closedRuns.cbegin(), stream->closedRuns.cend(), 0);
    };
    std::stable_sort(streams.begin(), streams.end(),
                     [&runsOf](const auto* a, const auto* b) { return runsOf(a) > runsOf(b); });
    const bool folded = streams.size() > 5;
    streams = streams.mid(0, 5);
    reset(chart, palette,
          folded ? tr("Rolled throughput yield, %1 months rolling (5 busiest streams)").arg(rollingMonths)
                 : tr("Rolled throughput yield, %1 months rolling").arg(rollingMonths));

    const int count = static_cast<int>(series.months.size());
    QCategoryAxis* x = monthAxis(
        chart, series.months, width,
        series.partialMonth.isEmpty() ? -1 : static_cast<int>(series.months.indexOf(series.partialMonth)));
    QValueAxis* y = valueAxis(chart, tr("RTY %"), Qt::AlignLeft, 0);
    y->setRange(0, 100);
    for (const StreamMonthlyYield* stream : std::as_const(streams)) {
        QList<QPointF> points;
        for (int i = 0; i < count; ++i)
            if (stream->rollingRty.at(i))
                points.append(QPointF(i, *stream->rollingRty.at(i) * 100.0));
        attach(chart, line(stream->name, points, width), x, y);
    }
    applyPalette(chart, palette);

    SeriesTable table;
    table.columns = {tr("Month")};
    for (const StreamMonthlyYield* stream : std::as_const(streams))
        table.columns << tr("%1 RTY % (month)").arg(stream->key)
                      << tr("%1 RTY % (%2 months)").arg(stream->key).arg(rollingMonths) << tr("%1 runs").arg(stream->key);
    for (int i = 0; i < count; ++i) {
        QList<QVariant> row{series.months.at(i)};
        for (const StreamMonthlyYield* stream : std::as_const(streams))
            row << optionalPercent(stream->rty.at(i)) << optionalPercent(stream->rollingRty.at(i))
                << stream->closedRuns.at(i);
        table.rows.append(row);
    }
    return table;
}

SeriesTable ConsoleCharts::shiftLeft(QChart& chart, const ConsoleSeries& series, int width, const QPalette& palette)
{
    reset(chart, palette, tr("Shift-left index and repeat defects"));
    const QList<MonthBucket> buckets = bucketMonths(series.months, std::max(1, (width - axisMargin) / 14));
    QList<qreal> repeats;
    QList<QPointF> index;
    double highest = 0;
    for (int b = 0; b < buckets.size(); ++b) {
        int repeatCount = 0, known = 0, same = 0;
        for (int i = buckets.at(b).first; i < buckets.at(b).first + buckets.at(b).count; ++i) {
            repeatCount += series.incidents.at(i).repeatDefects;
            known += series.incidents.at(i).bothStepsKnown;
            same += series.incidents.at(i).detectedWhereInjected;
        }
        repeats.append(repeatCount);
        highest = std::max(highest, static_cast<double>(repeatCount));
        if (known > 0)
            index.append(QPointF(b, same * 100.0 / known));
    }
    QCategoryAxis* x = monthAxis(chart, buckets, series, width);
    QValueAxis* count = valueAxis(chart, tr("Repeat defects"), Qt::AlignLeft, std::max(highest, 3.0), true);
    count->setTickType(QValueAxis::TicksDynamic);
    count->setTickInterval(std::max(1.0, std::ceil(count->max() / 5.0)));
    count->setTickAnchor(0);
    QValueAxis* share = valueAxis(chart, tr("Shift-left index %"), Qt::AlignRight, 0);
    share->setRange(0, 100);
    share->setGridLineVisible(false);
    auto* bars = new QBarSeries;
    auto* set = new QBarSet(tr("Repeat defects"));
    set->append(repeats);
    bars->append(set);
    attach(chart, bars, x, count);
    QLineSeries* indexLine = line(tr("Shift-left index %"), index, width);
    attach(chart, indexLine, x, share);
    applyPalette(chart, palette);

    SeriesTable table;
    table.columns = {tr("Month"), tr("Incidents"), tr("Both steps known"), tr("Found where injected"),
                     tr("Shift-left %"), tr("Repeat defects")};
    for (int i = 0; i < series.months.size(); ++i) {
        const MonthIncidents& month = series.incidents.at(i);
        table.rows.append({series.months.at(i), month.incidents, month.bothStepsKnown, month.detectedWhereInjected,
                           optionalPercent(month.shiftLeftIndex), month.repeatDefects});
    }
    return table;
}

SeriesTable ConsoleCharts::costOfPoorQuality(QChart& chart, const ConsoleSeries& series, int width,
                                             const QPalette& palette)
{
    const double total = std::accumulate(series.copq.cbegin(), series.copq.cend(), 0.0);
    reset(chart, palette, tr("Cost of poor quality: %1 in the period").arg(costText(total, series.currency)));
    const QList<MonthBucket> buckets = bucketMonths(series.months, std::max(1, (width - axisMargin) / 14));
    QList<qreal> cost;
    double highest = 0;
    for (const MonthBucket& bucket : buckets) {
        cost.append(sum(series.copq, bucket));
        highest = std::max(highest, cost.last());
    }
    QCategoryAxis* x = monthAxis(chart, buckets, series, width);
    QValueAxis* y =
        valueAxis(chart,
                  costHeading(tr("Cost"), series.currency) +
                      tr(" · %1 per rework hour")
                          .arg(costText(series.hourlyRate, series.currency,
                                        std::floor(series.hourlyRate) == series.hourlyRate ? 0 : 2)),
                  Qt::AlignLeft, highest);
    auto* bars = new QBarSeries;
    auto* set = new QBarSet(tr("Cost of poor quality"));
    set->append(cost);
    bars->append(set);
    attach(chart, bars, x, y);
    chart.legend()->setVisible(false);
    applyPalette(chart, palette);

    SeriesTable table;
    table.columns = {tr("Month"), tr("Rework hours"), costHeading(tr("Cost"), series.currency)};
    table.decimals = {0, 1, 0};
    for (int i = 0; i < series.months.size(); ++i)
        table.rows.append({series.months.at(i), series.factory.at(i).reworkHours, series.copq.at(i)});
    return table;
}

} // namespace stable
