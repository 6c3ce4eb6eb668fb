#pragma once

#include "incidents.h"
#include "rework.h"
#include "result.h"

#include <QList>
#include <QString>
#include <optional>

namespace stable {

class Library;

// Corrections to what an incident says after it was recorded, and what the incident editor shows
// beside it: the rework logged against it and the revision that answered it.

struct IncidentDetails
{
    QString incident; // INC key or id
    QString title;
    QString whatHappened;
    QString detectedStepId; // a step of the incident's stream; empty: not known
    QString injectedStepId;
    QString runId;          // a run of the incident's stream; empty: none
    int severity = 5;
    QString category;
    QString recurrenceOf;   // INC key or id of an earlier incident of the same stream; empty: none
};

// One transaction with its "incident.update" audit event; an update that changes nothing writes
// nothing. The injected step is part of the record once a check was born from the incident or a
// revision answered it, so it cannot change then.
Result<Incident> updateIncident(Library& library, const IncidentDetails& details);

// The rework entries logged against an incident, oldest first.
Result<QList<ReworkEntry>> reworkOfIncident(Library& library, const QString& incident);

struct IncidentAnswer
{
    int revisionNumber = 0;
    QString publishedAt;
    QString streamKey;
    // From the incident's creation to the publication: the improvement lead time.
    qint64 leadTimeSeconds = 0;
};
// The first revision that answered the incident; nullopt while none has.
Result<std::optional<IncidentAnswer>> answerOfIncident(Library& library, const QString& incident);

} // namespace stable
