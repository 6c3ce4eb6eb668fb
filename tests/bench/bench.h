#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <algorithm>
#include <functional>

namespace stable::bench {

// Milliseconds of several runs of one thing: the median, and the spread.
struct Figure
{
    QList<double> samples;
    QString note; // why there is no figure, or what it measured

    bool empty() const { return samples.isEmpty(); }
    double percentile(double p) const
    {
        if (samples.isEmpty())
            return 0;
        QList<double> sorted = samples;
        std::sort(sorted.begin(), sorted.end());
        const auto last = static_cast<double>(sorted.size() - 1);
        return sorted.at(static_cast<qsizetype>(p * last + 0.5));
    }
    double median() const { return percentile(0.5); }
    QJsonObject toJson() const
    {
        QJsonObject object;
        if (!samples.isEmpty()) {
            object.insert(QStringLiteral("median_ms"), round3(median()));
            object.insert(QStringLiteral("min_ms"), round3(*std::min_element(samples.begin(), samples.end())));
            object.insert(QStringLiteral("max_ms"), round3(*std::max_element(samples.begin(), samples.end())));
            object.insert(QStringLiteral("runs"), static_cast<int>(samples.size()));
        }
        if (!note.isEmpty())
            object.insert(QStringLiteral("note"), note);
        return object;
    }
    static double round3(double ms) { return static_cast<double>(qRound64(ms * 1000.0)) / 1000.0; }
};

inline double elapsedMs(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Runs `once` `runs` times; a run that returns a non-empty string failed and stops the figure with it.
inline Figure measure(int runs, const std::function<QString()>& once)
{
    Figure figure;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QString failure = once();
        const double ms = elapsedMs(timer);
        if (!failure.isEmpty()) {
            figure.note = failure;
            break;
        }
        figure.samples.append(ms);
    }
    return figure;
}

struct Context
{
    QString library;   // the working copy every figure reads (migrated once before timing)
    QString original;  // what the user named, or the generated demo
    QString workDir;   // a temporary folder for copies, PDFs, screenshots
    int runs = 5;
    bool large = false;
};

// bench_core.cpp
QJsonObject benchOpen(const Context& context);
QJsonObject benchMeasures(const Context& context);
QJsonObject benchSigning(const Context& context);
QJsonObject benchBpmn(const Context& context);
QJsonObject benchVerify(const Context& context);
// bench_ui.cpp
QJsonObject benchLists(const Context& context);
QJsonObject benchCharts(const Context& context);
QJsonObject benchPrint(const Context& context);
QJsonObject benchApp(const Context& context, const QString& appPath);

} // namespace stable::bench
