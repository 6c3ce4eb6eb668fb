#pragma once

#include "people.h"
#include "process.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace stable {

class Library;

struct Revision
{
    QString id;
    QString streamId;
    int number = 0;
    QString publishedAt;
    QString publishedBy;     // person id
    QString publisherName;
    QString reason;
    QStringList answers;     // incident keys, "INC-7"
    ValueStream snapshot;    // the process as published, with ids
    QString snapshotHash;    // SHA-256 of the canonical snapshot JSON
};

struct PublishRequest
{
    QString stream;          // key or id
    QString reason;
    QStringList answers;     // incident keys or ids
};

// Snapshots the draft as the next revision. Refuses: an empty reason, a draft without steps, a step
// without checks, a draft identical to the latest revision, unknown incidents. Answered incidents
// become "prevented". Not undoable: it is a record.
Result<Revision> publish(Library& library, const Signer& by, const PublishRequest& request);

// The text a revision stores: stable-process/1 with ids, compact, keys sorted. Two drafts are the same
// process exactly when their snapshots are equal.
QString canonicalSnapshot(const ValueStream& draft);

// number 0 means the latest.
Result<Revision> loadRevision(Library& library, const QString& stream, int number = 0);
Result<QList<Revision>> listRevisions(Library& library, const QString& stream);

} // namespace stable
