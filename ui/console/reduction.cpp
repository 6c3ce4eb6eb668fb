#include "console/reduction.h"

#include <algorithm>

namespace stable {

QList<QPointF> reducePoints(const QList<QPointF>& points, int maxPoints)
{
    if (maxPoints < 1 || points.size() <= maxPoints)
        return maxPoints < 1 ? QList<QPointF>() : points;
    const auto byY = [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); };
    if (maxPoints < 4) {
        const auto [low, high] = std::minmax_element(points.cbegin(), points.cend(), byY);
        QList<QPointF> extremes{*low};
        if (maxPoints > 1 && high != low)
            extremes.append(*high);
        std::sort(extremes.begin(), extremes.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
        return extremes;
    }
    const qsizetype inner = points.size() - 2;
    const qsizetype buckets = (maxPoints - 2) / 2;
    const qsizetype size = (inner + buckets - 1) / buckets;
    QList<QPointF> reduced;
    reduced.reserve(maxPoints);
    reduced.append(points.first());
    for (qsizetype begin = 1; begin <= inner; begin += size) {
        const auto from = points.cbegin() + begin;
        const auto to = points.cbegin() + std::min(begin + size, inner + 1);
        const auto [low, high] = std::minmax_element(from, to, byY);
        if (low == high) {
            reduced.append(*low);
        } else if (low < high) {
            reduced.append(*low);
            reduced.append(*high);
        } else {
            reduced.append(*high);
            reduced.append(*low);
        }
    }
    reduced.append(points.last());
    return reduced;
}

QList<MonthBucket> bucketMonths(const QStringList& months, int maxBuckets)
{
    const int count = static_cast<int>(months.size());
    const int size = maxBuckets < 1 ? count : std::max(1, (count + maxBuckets - 1) / maxBuckets);
    QList<MonthBucket> buckets;
    for (int first = 0; first < count; first += size) {
        MonthBucket bucket;
        bucket.first = first;
        bucket.count = std::min(size, count - first);
        const QString& start = months.at(first);
        const QString& end = months.at(first + bucket.count - 1);
        if (bucket.count == 1)
            bucket.label = start;
        else if (start.left(4) == end.left(4))
            bucket.label = start + QChar(0x2013) + end.mid(5);
        else
            bucket.label = start + QChar(0x2013) + end;
        buckets.append(bucket);
    }
    return buckets;
}

int labelStride(int count, int width, int pixelsPerLabel)
{
    const int fitting = std::max(1, width / std::max(1, pixelsPerLabel));
    return std::max(1, (count + fitting - 1) / fitting);
}

QStringList thinLabels(const QStringList& labels, int width, int pixelsPerLabel)
{
    const int count = static_cast<int>(labels.size());
    const int step = labelStride(count, width, pixelsPerLabel);
    QStringList thinned;
    for (int i = 0; i < count; ++i) {
        // Zero-width spaces: invisible, and a different number for each blank keeps categories unique.
        thinned.append(i % step == 0 ? labels.at(i) : QString(i + 1, QChar(0x200B)));
    }
    return thinned;
}

} // namespace stable
