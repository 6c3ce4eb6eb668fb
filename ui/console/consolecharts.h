#pragma once

#include "consoleseries.h"
#include "console/seriestablemodel.h"

#include <QCoreApplication>

class QChart;
class QPalette;

namespace stable {

// Draws each console chart from computed series, reduced to what `width` pixels can show (months
// grouped, points decimated, steps folded), and returns the full-resolution numbers for its table.
// Series are filled in bulk (QBarSet::append of a list, QXYSeries::replace), never point by point.
class ConsoleCharts
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleCharts)
public:
    static SeriesTable hiddenFactory(QChart& chart, const ConsoleSeries& series, int width, const QPalette& palette);
    static SeriesTable pareto(QChart& chart, const ConsoleSeries& series, int width, const QPalette& palette);
    static SeriesTable firstPassYield(QChart& chart, const ConsoleSeries& series, int width, const QPalette& palette);
    static SeriesTable rolledThroughputYield(QChart& chart, const ConsoleSeries& series, int width,
                                             const QPalette& palette);
    static SeriesTable shiftLeft(QChart& chart, const ConsoleSeries& series, int width, const QPalette& palette);
    static SeriesTable costOfPoorQuality(QChart& chart, const ConsoleSeries& series, int width,
                                         const QPalette& palette);

    static QString kindTitle(ReworkKind kind);
    // The axis label of the month still under way.
    static QString toDateLabel(const QString& month);
    // The most points or bars a chart of `width` pixels gets.
    static int pointBudget(int width);
};

} // namespace stable
