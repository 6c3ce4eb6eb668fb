#pragma once

#include "domain.h"
#include "people.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace stable {

class Library;

struct Attestation
{
    QString id;
    QString runId;
    QString itemId;
    int attempt = 1;
    Outcome outcome = Outcome::Pass;
    QString signerId;
    QString signerInitials;
    QString signerName;
    Meaning meaning = Meaning::Performed;
    QString signedAt;   // when the signer says it was done (UTC ISO)
    QString recordedAt; // when it was written
    QString note;       // the reason, for n/a
    QString evidence;   // a path or URL
    QString hash;       // SHA-256 of exactly what was signed
    bool voided = false;
    QString voidId;
    QString voidReason;
    QString voidedBy; // person id
    QString voidedByName;
    QString voidedAt;
};

struct RunItem
{
    QString id;
    QString runId;
    int position = 0;
    QString stepId;
    QString stepKey;
    QString stepName;
    QString checkId;
    QString checkKey;
    QString statement;
    Stage stage = Stage::Exit;
    bool critical = false;
    ItemState state = ItemState::Open;
    int attempt = 1;                 // the attempt a new signature would belong to
    QList<Attestation> attestations; // in the order they were recorded, voided ones included
    QString ref() const { return stepKey + QLatin1Char('/') + checkKey; }
};

struct Run
{
    QString id;
    QString streamId;
    QString streamKey;
    QString streamName;
    QString revisionId;
    int revisionNumber = 0;
    QString title;
    RunKind kind = RunKind::Release;
    QString plannedStart;  // empty when not set
    QString rollbackPoint; // empty when not set
    RunStatus status = RunStatus::Open;
    QString startedAt;
    QString closedAt;
    QString lessons;
    int itemCount = 0;
    int finalCount = 0;   // items passed or n/a
    int failedCount = 0;  // items whose latest outcome is a fail
    QList<RunItem> items; // filled by loadRun, empty in listRuns
};

struct StartRun
{
    QString stream; // key or id
    QString title;
    RunKind kind = RunKind::Release;
    int revision = 0; // 0: the latest published
    std::optional<QDateTime> plannedStart;
    std::optional<QDateTime> rollbackPoint;
};
// Refuses a stream never published, an unknown revision, an empty title, a rollback point before the
// planned start.
Result<Run> startRun(Library& library, const StartRun& request);

struct SignRequest
{
    QString run;  // id
    QString item; // "STEP/CHECK" or the item's id
    Outcome outcome = Outcome::Pass;
    Meaning meaning = Meaning::Performed;
    QString note; // required for n/a: the reason
    QString evidence;
    std::optional<QDateTime> at; // defaults to now; never in the future, never before the run started
};
// The clock difference allowed between computers (and a signer's watch) when a signature is dated: `at` may
// lie up to this much in the future, or before the run's start.
constexpr int signingClockSkewSeconds = 5 * 60;
// Appends an attestation. Refuses: a closed run, an item already passed or n/a, the same person twice
// in one attempt of a critical item, n/a without a reason, a date outside the run's time (above), a signer
// locked meanwhile. Reported done only after the commit.
Result<Attestation> sign(Library& library, const Signer& signer, const SignRequest& request);

// Voids an attestation with a reason (a new record; the attestation itself is never changed).
Result<QString> voidAttestation(Library& library, const Signer& by, const QString& run,
                                const QString& attestationId, const QString& reason);

struct CloseRun
{
    QString run;
    bool rolledBack = false;
    QString lessons;
};
// Completes a run whose every item is passed or n/a, or closes it as rolled back.
Result<Run> closeRun(Library& library, const CloseRun& request);

Result<Run> loadRun(Library& library, const QString& runId);
// The run's record alone (no items; itemCount filled): for naming a run and checking its stream.
Result<Run> findRun(Library& library, const QString& runId);

// A run's items as they were frozen at its start, in order, without attestations (state Open): what
// the run.start audit event hashed.
Result<QList<RunItem>> loadFrozenItems(Library& library, const QString& runId);

struct RunFilter
{
    QString stream; // key or id; empty: all
    std::optional<RunStatus> status;
};
Result<QList<Run>> listRuns(Library& library, const RunFilter& filter = {});

// The state an item is in given its attestations (voided ones ignored), and the attempt a new
// signature belongs to. A critical item passes (or is n/a) once two different people signed it so
// within the current attempt; any fail ends the attempt.
ItemState deriveItemState(const RunItem& item, int* nextAttempt = nullptr);

// SHA-256 of what was signed; ties an attestation to its run, item and words.
QString attestationHash(const Attestation& attestation, const QString& statement);
// SHA-256 of a run's frozen items, kept in the run's audit event.
QString runItemsHash(const QList<RunItem>& items);

QString voidHash(const QString& voidId, const QString& attestationId, const QString& attestationHash,
                 const QString& reason, const QString& voidedBy, const QString& voidedAt);

} // namespace stable
