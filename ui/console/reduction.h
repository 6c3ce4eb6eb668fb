#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace stable {

// Charts never get more points than they have pixels: Qt Charts draws every point it is given, and
// years of history at one point per day would make the console crawl.

// At most `maxPoints` of `points` (sorted by x): the first and the last, and the lowest and highest of
// each bucket in between, in x order, so peaks and troughs survive. Fewer than 4 allowed: the extremes.
QList<QPointF> reducePoints(const QList<QPointF>& points, int maxPoints);

// Consecutive months grouped so that no more than `maxBuckets` bars are drawn.
struct MonthBucket
{
    QString label; // "2026-01", or "2026-01–03" for a group
    int first = 0; // index of its first month
    int count = 1;
};
QList<MonthBucket> bucketMonths(const QStringList& months, int maxBuckets);

// Axis labels for `count` categories in `width` pixels: every label that fits is kept, the others
// blanked (each blank unique, as a category axis needs), so month labels never overlap.
QStringList thinLabels(const QStringList& labels, int width, int pixelsPerLabel = 64);
// Every how many categories a label is shown, for the same.
int labelStride(int count, int width, int pixelsPerLabel = 64);

} // namespace stable
