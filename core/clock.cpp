#include "clock.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace stable {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

QString isoUtc(const QDateTime& moment)
{
    return moment.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

std::optional<QDateTime> parseIsoMoment(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (const auto date = parseIsoDate(trimmed))
        return QDateTime(*date, QTime(0, 0), QTimeZone::utc());
    // A moment without a zone would mean different things on different machines: refuse it.
    static const QRegularExpression pattern(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$"));
    if (!pattern.match(trimmed).hasMatch())
        return std::nullopt;
    QDateTime moment = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!moment.isValid())
        return std::nullopt;
    moment = moment.toUTC();
    moment.setTime(QTime(moment.time().hour(), moment.time().minute(), moment.time().second()));
    return moment;
}

std::optional<QDate> parseIsoDate(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

bool isIsoMonth(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])$"));
    return pattern.match(text).hasMatch();
}

} // namespace stable
