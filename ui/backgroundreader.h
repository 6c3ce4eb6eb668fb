#pragma once

#include <QObject>
#include <QThreadPool>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>

namespace stable {

class Clock;
class Library;

// Reads a library on a worker thread, each request with its own read-only connection to the file (a Qt
// Sql connection belongs to the thread that made it), so that years of history never freeze the window.
// A newer request supersedes older ones: those not started yet are skipped, a running one is dropped.
class BackgroundReader final : public QObject
{
    Q_OBJECT
public:
    // Runs on the worker: returns the result, or a QString error message in `error`.
    using Job = std::function<QVariant(Library& library, QString& error)>;

    explicit BackgroundReader(QObject* parent = nullptr);
    ~BackgroundReader() override; // waits for a running job; its result is dropped

    // `clock` is the document's, so that "now" on the worker is the window's.
    quint64 request(const QString& libraryPath, std::shared_ptr<const Clock> clock, Job job);
    void cancel(); // drops whatever is under way (the document closed)
    bool isBusy() const { return m_latest != m_delivered; }

signals:
    void busyChanged(bool busy);
    // Only the newest request's result arrives.
    void finished(quint64 request, const QVariant& result, const QString& error);

private:
    void deliver(quint64 request, const QVariant& result, const QString& error);

    QThreadPool m_pool;
    std::shared_ptr<std::atomic<quint64>> m_wanted; // the request whose result is still wanted
    quint64 m_latest = 0;
    quint64 m_delivered = 0;
};

// Opens the library read-only with the borrowed clock and runs the job on the calling thread.
QVariant readLibrary(const QString& libraryPath, std::shared_ptr<const Clock> clock,
                     const BackgroundReader::Job& job, QString& error);

} // namespace stable
