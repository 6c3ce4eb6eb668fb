// The console's charts never get more points than pixels, keep what matters (extremes, totals,
// readable labels), and follow the palette; their table models behave.
#include "console/consolecharts.h"
#include "console/reduction.h"
#include "console/seriestablemodel.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QPalette>
#include <QSet>
#include <QStackedBarSeries>
#include <QTest>

#include <cmath>

using namespace stable;

namespace {

// Ten years of months, with a peak and a trough in the middle of the series.
ConsoleSeries longHistory(int months)
{
    ConsoleSeries series;
    series.months = monthRange(QStringLiteral("2016-01"), QDate(2016, 1, 1).addMonths(months - 1).toString(QStringLiteral("yyyy-MM")));
    series.hourlyRate = 100;
    StreamMonthlyYield stream;
    stream.key = QStringLiteral("release");
    stream.name = QStringLiteral("Software Release");
    for (int i = 0; i < months; ++i) {
        MonthFactory month;
        month.month = series.months.at(i);
        month.hoursByKind[ReworkKind::Rework] = 10;
        month.hoursByKind[ReworkKind::FireFighting] = 5;
        month.reworkHours = 15;
        month.teamHours = 300;
        month.percent = 5;
        series.factory.append(month);
        series.copq.append(1500);
        MonthIncidents incidents;
        incidents.bothStepsKnown = 2;
        incidents.detectedWhereInjected = 1;
        incidents.shiftLeftIndex = 0.5;
        incidents.repeatDefects = i == months / 2 ? 4 : 0;
        series.incidents.append(incidents);
        stream.closedRuns.append(3);
        stream.rty.append(i == months / 3 ? 0.01 : (i == months / 2 ? 0.99 : 0.5 + 0.1 * std::sin(i)));
        stream.rollingRty.append(stream.rty.last());
    }
    series.monthlyYields.append(stream);
    return series;
}

int barsIn(QChart& chart)
{
    int most = 0;
    for (QAbstractSeries* series : chart.series())
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(series))
            for (QBarSet* set : bars->barSets())
                most = std::max(most, static_cast<int>(set->count()));
    return most;
}

QStringList visibleLabels(QChart& chart)
{
    QStringList shown;
    for (QAbstractAxis* axis : chart.axes(Qt::Horizontal))
        if (auto* categories = qobject_cast<QCategoryAxis*>(axis))
            shown += categories->categoriesLabels();
    return shown;
}

} // namespace

class TestConsoleCharts : public QObject
{
    Q_OBJECT
private slots:
    void reducerKeepsAtMostTheBudgetAndTheExtremes()
    {
        QList<QPointF> points;
        for (int i = 0; i < 10000; ++i)
            points.append(QPointF(i, std::sin(i / 50.0)));
        points[4321].setY(7.0);   // a spike
        points[8765].setY(-9.0);  // a trough
        for (int budget : {2, 3, 4, 5, 300, 1000}) {
            const QList<QPointF> reduced = reducePoints(points, budget);
            QVERIFY2(reduced.size() <= budget, qPrintable(QString::number(budget)));
            QVERIFY(reduced.contains(points[4321]));
            QVERIFY(reduced.contains(points[8765]));
            for (int i = 1; i < reduced.size(); ++i)
                QVERIFY(reduced[i - 1].x() < reduced[i].x()); // still in order
        }
        const QList<QPointF> reduced = reducePoints(points, 300);
        QCOMPARE(reduced.first(), points.first());
        QCOMPARE(reduced.last(), points.last());
        QVERIFY(reduced.size() > 250); // the budget is used, not wasted
        QCOMPARE(reducePoints(points.mid(0, 10), 300), points.mid(0, 10)); // nothing to reduce
    }

    void monthsGroupAndLabelsThin()
    {
        const QStringList months = monthRange(QStringLiteral("2016-01"), QStringLiteral("2025-12"));
        const QList<MonthBucket> buckets = bucketMonths(months, 40);
        QVERIFY(buckets.size() <= 40);
        QCOMPARE(buckets.first().label, QStringLiteral("2016-01–03"));
        QCOMPARE(buckets.first().count, 3);
        QCOMPARE(bucketMonths(months.mid(0, 12), 40).size(), 12);
        QCOMPARE(bucketMonths(months.mid(0, 12), 40).first().label, QStringLiteral("2016-01"));

        const QStringList thinned = thinLabels(months.mid(0, 24), 640, 64);
        QCOMPARE(thinned.size(), 24);
        QCOMPARE(QSet<QString>(thinned.cbegin(), thinned.cend()).size(), 24); // categories stay unique
        int shown = 0;
        for (const QString& label : thinned)
            shown += months.contains(label) ? 1 : 0;
        QVERIFY(shown <= 10);
        QCOMPARE(thinned.first(), QStringLiteral("2016-01"));
    }

    void chartsOfTenYearsStayWithinTheirPixels()
    {
        const ConsoleSeries series = longHistory(120);
        const QPalette palette;
        for (int width : {400, 700, 1200}) {
            QChart factory;
            const SeriesTable table = ConsoleCharts::hiddenFactory(factory, series, width, palette);
            QCOMPARE(table.rows.size(), 120); // the table keeps every month
            QVERIFY(barsIn(factory) <= (width - 130) / 14);
            QVERIFY(barsIn(factory) >= 1);
            // Month labels never crowd: at most one per 64 pixels of plot.
            QVERIFY(visibleLabels(factory).size() <= std::max(1, (width - 130) / 64));
            for (QAbstractSeries* s : factory.series())
                if (auto* line = qobject_cast<QLineSeries*>(s))
                    QVERIFY(line->count() <= ConsoleCharts::pointBudget(width));

            QChart cost;
            ConsoleCharts::costOfPoorQuality(cost, series, width, palette);
            QVERIFY(barsIn(cost) <= (width - 130) / 14);
            // Grouped months add up: the whole period's cost is still there.
            double total = 0;
            for (QAbstractSeries* s : cost.series())
                for (QBarSet* set : qobject_cast<QAbstractBarSeries*>(s)->barSets())
                    for (int i = 0; i < set->count(); ++i)
                        total += set->at(i);
            QCOMPARE(total, 120 * 1500.0);

            QChart repeats;
            ConsoleCharts::shiftLeft(repeats, series, width, palette);
            QVERIFY(barsIn(repeats) <= (width - 130) / 14);
        }
    }

    void lineChartsKeepTheirExtremes()
    {
        const ConsoleSeries series = longHistory(3000); // far more months than pixels
        QChart chart;
        ConsoleCharts::rolledThroughputYield(chart, series, 500, QPalette());
        QCOMPARE(chart.series().size(), 1);
        auto* line = qobject_cast<QLineSeries*>(chart.series().first());
        QVERIFY(line->count() <= ConsoleCharts::pointBudget(500));
        const QList<QPointF> points = line->points();
        QVERIFY(std::any_of(points.cbegin(), points.cend(), [](const QPointF& p) { return qFuzzyCompare(p.y(), 1.0); }));
        QVERIFY(std::any_of(points.cbegin(), points.cend(), [](const QPointF& p) { return qFuzzyCompare(p.y(), 99.0); }));
    }

    void chartsFollowThePalette()
    {
        const ConsoleSeries series = longHistory(12);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        QChart chart;
        ConsoleCharts::hiddenFactory(chart, series, 800, dark);
        QCOMPARE(chart.theme(), QChart::ChartThemeDark);
        QCOMPARE(chart.backgroundBrush().color(), QColor(20, 20, 20));
        QCOMPARE(chart.titleBrush().color(), QColor(230, 230, 230));
        for (QAbstractAxis* axis : chart.axes())
            QCOMPARE(axis->labelsColor(), QColor(230, 230, 230));
        QVERIFY(!chart.title().isEmpty());

        QChart light;
        ConsoleCharts::hiddenFactory(light, series, 800, QPalette(Qt::white));
        QCOMPARE(light.theme(), QChart::ChartThemeLight);
    }

    void paretoFoldsTheLongTail()
    {
        ConsoleSeries series;
        double total = 0;
        for (int i = 0; i < 2000; ++i)
            total += 2000 - i;
        double running = 0;
        for (int i = 0; i < 2000; ++i) {
            ParetoBar bar;
            bar.stepId = QString::number(i);
            bar.stepName = QStringLiteral("Step %1").arg(i);
            bar.hours = 2000 - i;
            running += bar.hours;
            bar.cumulativeShare = running / total;
            series.pareto.append(bar);
        }
        QChart chart;
        const SeriesTable table = ConsoleCharts::pareto(chart, series, 700, QPalette());
        QCOMPARE(table.rows.size(), 2000);
        const int bars = barsIn(chart);
        QVERIFY(bars <= 15);
        QVERIFY(bars >= 3);
        // Lying bars, the largest on top: the folded tail is the bottom category.
        auto* axis = qobject_cast<QBarCategoryAxis*>(chart.axes(Qt::Vertical).first());
        QVERIFY(axis);
        QVERIFY(axis->categories().first().contains(QStringLiteral("other steps")));
        QCOMPARE(axis->categories().last(), QStringLiteral("Step 0"));
        // The cumulative line ends at 100 %.
        for (QAbstractSeries* s : chart.series())
            if (auto* line = qobject_cast<QLineSeries*>(s))
                QCOMPARE(line->points().last().x(), 100.0);
    }

    void tableModelBehaves()
    {
        SeriesTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SeriesTable table;
        table.columns = {QStringLiteral("Month"), QStringLiteral("Hours"), QStringLiteral("Share")};
        table.rows = {{QStringLiteral("2026-01"), 12.5, QVariant()}, {QStringLiteral("2026-02"), 3.0, 0.25}};
        table.decimals = {0, 1, 2};
        model.setTable(table);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Hours"));
        QCOMPARE(model.text(0, 1), QLocale().toString(12.5, 'f', 1));
        QCOMPARE(model.text(0, 2), QStringLiteral("–")); // no value: a dash, not a zero
        QCOMPARE(model.text(1, 2), QLocale().toString(0.25, 'f', 2));
        QCOMPARE(model.data(model.index(1, 1), Qt::EditRole).toDouble(), 3.0);
        model.setTable({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestConsoleCharts)
#include "tst_consolecharts.moc"
