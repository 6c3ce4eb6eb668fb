#pragma once

#include "consoleseries.h"
#include "metrics.h"

#include "backgroundreader.h"

#include <QObject>

#include <memory>

namespace stable {

class Clock;

// What one computation of the console delivers to the GUI thread: plain values, no connection.
struct ConsoleResult
{
    quint64 request = 0;
    MeasureFilter filter;
    ConsoleSeries series;
    QList<Alert> alerts;
    QString error; // empty when computed
};

// Computes the console on a worker thread with its own read-only connection to the library file (a Qt
// Sql connection belongs to the thread that made it), so years of history never freeze the window. A
// newer request supersedes older ones: those not started yet are skipped, a running one is dropped.
class ConsoleComputer final : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleComputer(QObject* parent = nullptr);
    ~ConsoleComputer() override; // waits for a running computation; its result is dropped

    // `clock` is the document's, so "now" in alerts is the same as in the window.
    quint64 request(const QString& libraryPath, const MeasureFilter& filter, std::shared_ptr<const Clock> clock);
    void cancel(); // drops whatever is under way (the document closed)
    bool isBusy() const { return m_reader.isBusy(); }

signals:
    void busyChanged(bool busy);
    void computed(const stable::ConsoleResult& result);

private:
    BackgroundReader m_reader;
    MeasureFilter m_filter; // of the newest request
};

// The computation itself, synchronous, on whatever thread calls it (the worker, or a test).
ConsoleResult computeConsole(const QString& libraryPath, const MeasureFilter& filter,
                             std::shared_ptr<const Clock> clock);

} // namespace stable

Q_DECLARE_METATYPE(stable::ConsoleResult)
