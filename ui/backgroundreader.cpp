#include "backgroundreader.h"

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

QVariant readLibrary(const QString& libraryPath, std::shared_ptr<const Clock> clock,
                     const BackgroundReader::Job& job, QString& error)
{
    OpenOptions options;
    options.readOnly = true;
    auto library = Library::open(libraryPath, options);
    if (!library.ok()) {
        error = library.message();
        return {};
    }
    library.value()->setClock(std::make_shared<BorrowedClock>(std::move(clock)));
    return job(*library.value(), error);
}

BackgroundReader::BackgroundReader(QObject* parent)
    : QObject(parent), m_wanted(std::make_shared<std::atomic<quint64>>(0))
{
    // One at a time: a queue of superseded requests costs nothing, two queries at once would.
    m_pool.setMaxThreadCount(1);
}

BackgroundReader::~BackgroundReader()
{
    m_wanted->store(0);
    m_pool.clear();
    m_pool.waitForDone();
}

quint64 BackgroundReader::request(const QString& libraryPath, std::shared_ptr<const Clock> clock, Job job)
{
    const bool wasBusy = isBusy();
    const quint64 id = ++m_latest;
    m_wanted->store(id);
    m_pool.start([this, id, wanted = m_wanted, libraryPath, clock = std::move(clock), job = std::move(job)]() mutable {
        QVariant result;
        QString error;
        if (wanted->load() == id)
            result = readLibrary(libraryPath, std::move(clock), job, error);
        // Queued to the GUI thread; the destructor waits for this task, so `this` is still there.
        QMetaObject::invokeMethod(
            this, [this, id, result = std::move(result), error]() { deliver(id, result, error); },
            Qt::QueuedConnection);
    });
    if (!wasBusy)
        emit busyChanged(true);
    return id;
}

void BackgroundReader::cancel()
{
    m_wanted->store(0);
    m_pool.clear();
    const bool wasBusy = isBusy();
    m_delivered = m_latest;
    if (wasBusy)
        emit busyChanged(false);
}

void BackgroundReader::deliver(quint64 request, const QVariant& result, const QString& error)
{
    if (request != m_latest || request == m_delivered)
        return; // superseded, or cancelled
    m_delivered = request;
    // The result first: a receiver that goes on working with it (drawing) stays busy past this.
    emit finished(request, result, error);
    emit busyChanged(false);
}

} // namespace stable
