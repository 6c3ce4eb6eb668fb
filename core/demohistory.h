#pragma once

// A year (or any number of months) of a small team's life, played day by day through the real core
// functions: every record has its audit event and the library verifies. Internal to demo*.cpp.

#include "clock.h"
#include "demoscript.h"
#include "people.h"
#include "result.h"
#include "runs.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <random>

namespace stable {
class Library;
}

namespace stable::demo {

class History
{
public:
    // History covers the days first … last, but nothing starts after `limit` (the real now, when the
    // history ends today).
    History(Library& library, FixedClock& clock, quint32 seed, QDate first, QDate last, QDateTime limit);

    Status setUp();
    Status play();

private:
    struct SpotState
    {
        QStringList incidents; // keys, oldest first
        bool improved = false;
        bool recurred = false;
    };
    struct Analysis
    {
        QString incident;
        QDateTime due;
        QStringList whys;
        QString rootCause;
    };
    struct FollowUp
    {
        int spot = 0;
        QString incident;
        QDateTime due;
    };
    struct RunPlan
    {
        QString stream;
        QString title;
        QString slug;
        RunKind kind = RunKind::Release;
        std::optional<QDateTime> plannedStart;
        std::optional<QDateTime> rollbackPoint;
        int minutesPerItem = 10;
        int number = 0;
        QString lessons;
        QString rollsBackAt; // "STEP/CHECK" that fails and ends the run rolled back; empty: none
        int stopsAfter = -1; // items signed before the history ends with the run under way; -1: all
    };

    double unit();
    bool chance(double probability);
    int between(int low, int high);
    double hoursAround(double base);

    bool moveTo(QDate day, int hour, int minute = 0);
    double progress() const;
    const Signer& person(const QString& initials) const;

    Status day(QDate date);
    Status releaseRun(QDate date);
    Status patchingRun(QDate date);
    Status planRun(QDate date);
    Status changeUnderWay();
    Status perform(const RunPlan& plan);
    Status signPass(const Run& run, const RunItem& item, const RunPlan& plan, const QString& performer);
    Status failure(const Run& run, const RunItem& item, int spot, const QString& performer);
    Status rework(ReworkKind kind, double hours, const QString& stream, const QString& step, const QString& incident,
                  const QString& run, const QString& note);
    Status improvementsDue();
    Status analysesDue();
    Status oneOffsDue();
    Status weeklyRework(QDate date);
    Status teamHours(QDate date);
    int spotAt(const QString& stream, const QString& itemRef) const;

    Library& m_library;
    FixedClock& m_clock;
    std::mt19937 m_random;
    QDate m_first;
    QDate m_last;
    QDateTime m_limit;
    QHash<QString, Signer> m_people;
    QHash<QString, QString> m_ownerRoles; // "stream/step" → owner role
    QList<WeakSpot> m_spots;
    QList<SpotState> m_state;
    QList<OneOff> m_oneOffs;
    int m_oneOffsDone = 0;
    QList<Analysis> m_analyses;
    QList<FollowUp> m_followUps;
    int m_releases = 0;
    int m_patches = 0;
    int m_plans = 0;
};

} // namespace stable::demo
