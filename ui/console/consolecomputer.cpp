#include "console/consolecomputer.h"

#include "clock.h"
#include "library.h"

namespace stable {

namespace {

QVariant computeOn(Library& library, const MeasureFilter& filter, QString& error)
{
    ConsoleResult result;
    result.filter = filter;
    auto series = computeConsoleSeries(library, filter);
    if (!series.ok()) {
        error = series.message();
        return QVariant::fromValue(result);
    }
    result.series = std::move(series).value();
    auto alerts =
        computeAlerts(library, filter.stream); // the stream chosen, any period: alerts are about now
    if (!alerts.ok()) {
        error = alerts.message();
        return QVariant::fromValue(result);
    }
    result.alerts = std::move(alerts).value();
    return QVariant::fromValue(result);
}

ConsoleResult resultOf(const QVariant& value, const MeasureFilter& filter, const QString& error)
{
    ConsoleResult result = value.canConvert<ConsoleResult>() ? value.value<ConsoleResult>() : ConsoleResult{};
    result.filter = filter;
    result.error = error;
    return result;
}

} // namespace

ConsoleResult computeConsole(const QString& libraryPath, const MeasureFilter& filter,
                             std::shared_ptr<const Clock> clock)
{
    QString error;
    const QVariant computed = readLibrary(
        libraryPath, std::move(clock),
        [&filter](Library& library, QString& failure) { return computeOn(library, filter, failure); }, error);
    return resultOf(computed, filter, error);
}

ConsoleComputer::ConsoleComputer(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<stable::ConsoleResult>();
    connect(&m_reader, &BackgroundReader::busyChanged, this, &ConsoleComputer::busyChanged);
    connect(&m_reader, &BackgroundReader::finished, this,
            [this](quint64 request, const QVariant& value, const QString& error) {
                ConsoleResult result = resultOf(value, m_filter, error);
                result.request = request;
                emit computed(result);
            });
}

ConsoleComputer::~ConsoleComputer() = default;

quint64 ConsoleComputer::request(const QString& libraryPath, const MeasureFilter& filter,
                                 std::shared_ptr<const Clock> clock)
{
    m_filter = filter; // only the newest request's result arrives
    return m_reader.request(libraryPath, std::move(clock),
                            [filter](Library& library, QString& error) { return computeOn(library, filter, error); });
}

void ConsoleComputer::cancel()
{
    m_reader.cancel();
}

} // namespace stable
