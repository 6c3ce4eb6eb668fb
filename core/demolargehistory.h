#pragma once

// The large demo's generator, shared by its files: demolarge.cpp (the decade's plan, its improvements
// and their publication) and demolargerecords.cpp (the records of runs, incidents and rework written
// in bulk). Internal to core; demolarge.h is the entry point.
#include "auditchainwriter.h"
#include "bulkwrite.h"
#include "clock.h"
#include "domain.h"
#include "people.h"
#include "result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace stable {

class Library;
struct Revision;
struct ValueStream;

namespace demo {

// Ten routine streams signed daily carry most runs; forty project streams (releases and execution
// plans) carry most checks. Together: 50 streams, 2,000 steps, ~10,000 checks, ~52,500 runs,
// ~1.2 million items and more attestations than that.
inline constexpr int routineStreams = 10;
inline constexpr int routineSteps = 4;
inline constexpr int routineChecksPerStep = 3;
inline constexpr int routineRunsPerStream = 5000;
inline constexpr int projectStreams = 40;
inline constexpr int projectSteps = 49;
inline constexpr int projectChecksPerStep = 5;
inline constexpr int projectRunsPerStream = 62;
inline constexpr int incidentsTotal = 20000;
inline constexpr int reworkTotal = 200000;
inline constexpr double teamHoursPerMonth = 8000;

// The texts of the bulk records are UTF-8 from the start: they go to SQLite and into hashes as such.
struct ItemTemplate
{
    QByteArray stepId, stepKey, stepName, checkId, checkKey, statement, stage, ref;
    bool critical = false;
    int step = 0; // index in the stream's steps
};

struct RevisionInEffect
{
    QDateTime from;
    QByteArray id;
    int number = 0;
    QList<ItemTemplate> items;
};

// An incident answered by a revision, waiting for the runs that prove the prevention (as
// updateIncidentVerification counts them): closed runs started since, in which the check born from
// it — or, without one, its injected step — passed first time.
struct PendingProof
{
    int incident = 0;      // in LargeHistory::m_incidents
    QByteArray checkId;    // the check born from the incident; empty: the injected step proves it
    qint64 preventedAt = 0; // seconds since the epoch
    int passedRuns = 0;
};

struct StreamPlan
{
    QString id;
    QString key;
    QString name;
    RunKind kind = RunKind::Routine;
    QByteArray id8, kind8;
    QList<QByteArray> stepIds;
    QList<QByteArray> stepKeys;
    // How likely a check of each step fails, relative to the stream's kind: a few steps are where most
    // defects come from; a step improved after its incidents fails less.
    std::vector<double> failFactor;
    std::vector<RevisionInEffect> revisions; // in publication order
    int runCount = 0;
    QDateTime nextImprovement;     // when the stream next publishes an answer to its incidents
    std::vector<int> replaced;     // per step: how many of its first checks were replaced
    std::vector<int> unanswered;   // analysed incidents no revision answers yet
    std::vector<int> answered;     // incidents a revision answered
    std::vector<PendingProof> pending;
};

struct PlannedRun
{
    QDateTime start;
    int stream = 0;
    int sequence = 0;
};

struct IncidentRecord
{
    QByteArray id;
    int number = 0;
    int stream = 0;
    int injected = 0; // step index
    qint64 created = 0;
    QByteArray category;
    qint64 prevented = 0; // when a revision answered it; 0: none did
};

class LargeHistory
{
public:
    LargeHistory(Library& library, FixedClock& clock, quint32 seed, QDate first, QDate last);
    ~LargeHistory();
    LargeHistory(const LargeHistory&) = delete;
    LargeHistory& operator=(const LargeHistory&) = delete;

    Status setUp();
    Status play();

private:
    QDateTime at(QDate day, int minutes) const;
    QDateTime startOfHistory() const;
    double progress(const QDateTime& when) const;
    int pick(int count) { return static_cast<int>(m_random.bounded(static_cast<quint32>(count))); }
    bool chance(double p) { return m_random.generateDouble() < p; }
    int someone() { return pick(static_cast<int>(m_people.size())); }
    std::pair<int, int> troubledStep(); // (stream, step), most often one of the few that cause most trouble
    int improvementDays(int least, int spread); // between a stream's improvements

    // demolarge.cpp: the plan and the improvements
    void rankSteps();
    void loadRevisionItems(StreamPlan& plan, const Revision& revision);
    Status improveDue(const QDateTime& until);
    Status improve(StreamPlan& plan);
    Status writeMonth(QDate month);
    Status prepareStatements(const QSqlDatabase& db);

    // demolargerecords.cpp: the bulk records
    Status writeRun(const PlannedRun& run, const QDateTime& monthEnd);
    Status proveAfterRun(StreamPlan& plan, const RevisionInEffect& revision, const std::vector<char>& failed,
                         qint64 started, const QByteArray& closedAt);
    Status writeIncidents(QDate month, int count);
    Status writeRework(QDate month);

    Library& m_library;
    FixedClock& m_clock;
    QRandomGenerator m_random;
    QDate m_first;
    QDate m_last;
    int m_months;
    QList<Person> m_people;
    QList<QByteArray> m_signerIds, m_signerActors; // of m_people, as the records hold them
    QByteArray m_actor;                            // the library's actor, for events no person signs
    QByteArray m_json, m_hashed;                   // reused for every record's JSON and hashed text
    std::optional<Signer> m_publisher;
    int m_runsToVerify = 3; // the library's verify-after-runs
    std::vector<StreamPlan> m_streams;
    std::vector<std::pair<int, int>> m_rankedSteps; // (stream, step), most troubled first
    std::vector<double> m_rankWeight;               // cumulative, for troubledStep()
    std::vector<PlannedRun> m_runs;                 // in start order
    std::vector<IncidentRecord> m_incidents;
    SequentialIds m_ids;
    std::size_t m_nextRun = 0;
    double m_monthRework = 0; // rework hours logged by failed items this month
    int m_monthReworkEntries = 0;

    std::unique_ptr<AuditChainWriter> m_chain;
    std::unique_ptr<BulkStatement> m_insertRun, m_insertItem, m_insertAttestation, m_insertRework,
        m_insertIncident, m_insertWhy, m_closeRun, m_verifyIncident, m_insertRunStep;
};

} // namespace demo
} // namespace stable
