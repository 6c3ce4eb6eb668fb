#pragma once

#include "domain.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace stable {

class Library;

// The measures of DESIGN.md §3, computed exactly as defined there.

struct StepYield
{
    QString stepId;
    QString key;
    QString name;
    int closedRuns = 0;     // closed runs that contain the step
    int firstPass = 0;      // of those, runs in which every item of the step passed first time
    std::optional<double> fpy; // none without closed runs
};

struct StreamYield
{
    QString streamId;
    QString key;
    QString name;
    int closedRuns = 0;
    std::optional<double> rty; // product of the FPYs of steps with a closed run; none if no step has one
    QList<StepYield> steps;
};

struct MonthFactory
{
    QString month;            // YYYY-MM
    double reworkHours = 0;
    double teamHours = 0;     // 0 when not recorded
    std::optional<double> percent; // none without team hours
    QMap<ReworkKind, double> hoursByKind;
};

struct IncidentCounts
{
    int open = 0;
    int analysed = 0;
    int prevented = 0;
    int verified = 0;
};

struct CheckEffectiveness
{
    QString checkId;
    QString checkKey;
    QString stepKey;
    QString originIncidentKey;
    QString publishedAt;      // first revision that contained the check
    int recurrencesAfter = 0; // recurrences of the origin incident recorded after that
};

struct LeadTime
{
    QString incidentKey;
    QString createdAt;
    QString publishedAt;
    double days = 0;
};

struct Measures
{
    QList<StreamYield> streams;
    QList<MonthFactory> hiddenFactory; // every month with rework or team hours, ascending
    double reworkHours = 0;
    double copq = 0;                   // rework hours × hourly rate
    std::optional<double> shiftLeftIndex;
    int repeatDefects = 0;
    std::optional<double> heroicsShare;
    IncidentCounts incidents;
    QList<CheckEffectiveness> checkEffectiveness;
    QList<LeadTime> leadTimes;
};

struct MeasureFilter
{
    QString stream;     // key or id; empty: all streams
    QString fromMonth;  // YYYY-MM inclusive; empty: from the beginning
    QString toMonth;    // YYYY-MM inclusive; empty: to the end
};

Result<Measures> computeMeasures(Library& library, const MeasureFilter& filter = {});
// Only the first-pass yields per stream and step (the measures' `streams`), for the alerts.
Result<QList<StreamYield>> computeStreamYields(Library& library, const MeasureFilter& filter = {});

// An incident recorded as a recurrence of an earlier one that a published revision had already answered
// before it occurred (the first such revision is named).
struct RepeatDefect
{
    QString incidentId;
    QString incidentKey;
    QString title;
    QString earlierKey;
    QString streamKey;
    int revisionNumber = 0;
    QString publishedAt;
};
Result<QList<RepeatDefect>> listRepeatDefects(Library& library, const MeasureFilter& filter = {});

// The `stablectl metrics --json` object of DESIGN.md §6 (null where a measure has no data).
QJsonObject measuresToJson(const Measures& measures);

struct Alert
{
    enum class Kind { LowFirstPassYield, RepeatDefect, PastRollbackPoint, FailedCriticalCheck, UnanalysedIncident };
    Kind kind = Kind::LowFirstPassYield;
    QString message;   // "Step ‘Deploy’ of ‘release’: first-pass yield 62% (threshold 90%)"
    QString entity;    // "step", "incident", "run", "run_item"
    QString entityId;  // what to jump to
};
QString toText(Alert::Kind kind);

// The alerts of one value stream (key or id), or of all when `stream` is empty.
Result<QList<Alert>> computeAlerts(Library& library, const QString& stream = {});

} // namespace stable
