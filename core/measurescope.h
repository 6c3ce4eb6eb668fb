#pragma once

#include "metrics.h"
#include "result.h"

#include <QString>
#include <QVariantList>

namespace stable {

class Library;

// What a measure filter selects, as bounds on stored text: a month "2026-01" sorts before every moment
// and date inside it, and the month after the last one sorts after them all. Shared by the measures and
// the console's series so that both read the same period.
struct MeasureScope
{
    QString streamId; // empty: all streams
    QString lower;
    QString upper;    // exclusive

    bool allHistory() const { return lower.isEmpty() && upper == QLatin1String("~"); }
    // The derived_rework_month rows of the scope's stream: '*' holds every stream's hours.
    QString reworkStream() const { return streamId.isEmpty() ? QStringLiteral("*") : streamId; }
};

// Validates the months and resolves the stream.
Result<MeasureScope> measureScope(Library& library, const MeasureFilter& filter);

// "column >= ? AND column < ?" plus the stream condition, with its binds appended.
QString within(const MeasureScope& scope, const QString& timeColumn, const QString& streamColumn,
               QVariantList& binds);

QString nextMonth(const QString& month);

} // namespace stable
