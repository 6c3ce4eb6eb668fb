#include "measurescope.h"

#include "clock.h"
#include "process.h"

#include <QDate>

namespace stable {

QString nextMonth(const QString& month)
{
    const QDate first = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
    return first.addMonths(1).toString(QStringLiteral("yyyy-MM"));
}

Result<MeasureScope> measureScope(Library& library, const MeasureFilter& filter)
{
    MeasureScope scope;
    const QString from = filter.fromMonth.trimmed();
    const QString to = filter.toMonth.trimmed();
    if (!from.isEmpty() && !isIsoMonth(from))
        return invalid(QStringLiteral("A month is written YYYY-MM (got ‘%1’ as the first month).").arg(from));
    if (!to.isEmpty() && !isIsoMonth(to))
        return invalid(QStringLiteral("A month is written YYYY-MM (got ‘%1’ as the last month).").arg(to));
    if (!from.isEmpty() && !to.isEmpty() && to < from)
        return invalid(QStringLiteral("The last month (%1) is before the first (%2).").arg(to, from));
    scope.lower = from;
    scope.upper = to.isEmpty() ? QStringLiteral("~") /* after every digit */ : nextMonth(to);
    if (!filter.stream.trimmed().isEmpty()) {
        auto streamId = resolveStream(library, filter.stream.trimmed());
        if (!streamId.ok())
            return streamId.error();
        scope.streamId = streamId.value();
    }
    return scope;
}

QString within(const MeasureScope& scope, const QString& timeColumn, const QString& streamColumn,
               QVariantList& binds)
{
    QString condition = timeColumn + QStringLiteral(" >= ? AND ") + timeColumn + QStringLiteral(" < ?");
    binds << scope.lower << scope.upper;
    if (!scope.streamId.isEmpty()) {
        condition += QStringLiteral(" AND ") + streamColumn + QStringLiteral(" = ?");
        binds << scope.streamId;
    }
    return condition;
}

} // namespace stable
