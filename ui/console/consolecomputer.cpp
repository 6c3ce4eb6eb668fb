#include "console/consolecomputer.h"

#include "clock.h"
#include "library.h"

namespace stable {

namespace {

// A Clock the worker's library can own a share of, answering with the document's clock.
class BorrowedClock final : public Clock
{
public:
    explicit BorrowedClock(std::shared_ptr<const Clock> clock) : m_clock(std::move(clock)) {}
    QDateTime now() const override { return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc(); }

private:
    std::shared_ptr<const Clock> m_clock;
};

} // namespace

ConsoleResult computeConsole(const QString& libraryPath, const MeasureFilter& filter,
                             std::shared_ptr<const Clock> clock)
{
    ConsoleResult result;
    result.filter = filter;
    OpenOptions options;
    options.readOnly = true;
    auto library = Library::open(libraryPath, options);
    if (!library.ok()) {
        result.error = library.message();
        return result;
    }
    library.value()->setClock(std::make_shared<BorrowedClock>(std::move(clock)));
    auto series = computeConsoleSeries(*library.value(), filter);
    if (!series.ok()) {
        result.error = series.message();
        return result;
    }
    result.series = std::move(series).value();
    auto alerts = computeAlerts(*library.value());
    if (!alerts.ok()) {
        result.error = alerts.message();
        return result;
    }
    result.alerts = std::move(alerts).value();
    return result;
}

ConsoleComputer::ConsoleComputer(QObject* parent)
    : QObject(parent), m_wanted(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<stable::ConsoleResult>();
    // One at a time: a queue of superseded requests costs nothing, two queries at once would.
    m_pool.setMaxThreadCount(1);
}

ConsoleComputer::~ConsoleComputer()
{
    m_wanted->store(0);
    m_pool.clear();
    m_pool.waitForDone();
}

quint64 ConsoleComputer::request(const QString& libraryPath, const MeasureFilter& filter,
                                 std::shared_ptr<const Clock> clock)
{
    const bool wasBusy = isBusy();
    const quint64 id = ++m_latest;
    m_wanted->store(id);
    m_pool.start([this, id, wanted = m_wanted, libraryPath, filter, clock = std::move(clock)]() mutable {
        ConsoleResult result;
        if (wanted->load() == id)
            result = computeConsole(libraryPath, filter, std::move(clock));
        result.request = id;
        // Queued to the GUI thread; the destructor waits for this task, so `this` is still there.
        QMetaObject::invokeMethod(this, [this, result = std::move(result)]() mutable { deliver(std::move(result)); },
                                  Qt::QueuedConnection);
    });
    if (!wasBusy)
        emit busyChanged(true);
    return id;
}

void ConsoleComputer::cancel()
{
    m_wanted->store(0);
    m_pool.clear();
    const bool wasBusy = isBusy();
    m_delivered = m_latest;
    if (wasBusy)
        emit busyChanged(false);
}

void ConsoleComputer::deliver(ConsoleResult result)
{
    if (result.request != m_latest || result.request == m_delivered)
        return; // superseded, or cancelled
    m_delivered = result.request;
    emit busyChanged(false);
    emit computed(result);
}

} // namespace stable
