#pragma once

#include "domain.h"
#include "process.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace stable {

class Library;
class WriteTransaction;

struct Incident
{
    QString id;
    int number = 0;
    QString key() const { return incidentKey(number); }
    QString title;
    QString whatHappened;
    QString streamId;
    QString streamKey;
    QString detectedStepId;
    QString detectedStepKey;
    QString injectedStepId;
    QString injectedStepKey;
    QString runId;
    int severity = 5;
    QString category;
    QString occurredAt;
    QString createdAt;
    QString recurrenceOfId;
    QString recurrenceOfKey;
    QStringList whys;
    QString rootCause;
    IncidentStatus status = IncidentStatus::Open;
    QString analysedAt;
    QString preventedAt;
    QString verifiedAt;
};

struct NewIncident
{
    QString title;
    QString whatHappened;
    QString stream;       // key or id
    QString detectedStep; // key in the stream's draft
    QString injectedStep;
    QString run; // id, optional
    int severity = 5;
    QString category;
    std::optional<QDateTime> occurred; // default now
    QString recurrenceOf;              // INC key or id, optional
};
Result<Incident> addIncident(Library& library, const NewIncident& incident);

// Records the five whys and the root cause; open → analysed.
Result<Incident> analyseIncident(Library& library, const QString& incident, const QStringList& whys,
                                 const QString& rootCause);

struct Improvement
{
    QString incident; // INC key or id
    QString statement;
    Stage stage = Stage::Exit;
    bool critical = false;
    QString key; // default: made from the statement
};
// Adds a check to the injected step's draft with the incident as its origin. The incident becomes
// "prevented" when a revision that answers it is published.
Result<QualityCheck> improveProcess(Library& library, const Improvement& improvement);

// INC key or id → id.
Result<QString> resolveIncident(Library& library, const QString& keyOrId);
Result<Incident> loadIncident(Library& library, const QString& keyOrId);

struct IncidentFilter
{
    QString stream;
    std::optional<IncidentStatus> status;
};
Result<QList<Incident>> listIncidents(Library& library, const IncidentFilter& filter = {});

// Inside a write: marks "prevented" incidents "verified" once the checks born from them passed first
// time in `verify-after-runs` closed runs started after the prevention. An incident answered without a
// check of its own is verified once the step where it was injected passed first time (no standing fail
// on any of its items) in as many such runs that contain the step. Called when a run closes.
Status updateIncidentVerification(WriteTransaction& transaction);

} // namespace stable
