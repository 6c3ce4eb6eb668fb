#pragma once

#include "domain.h"
#include "result.h"

#include <QList>
#include <QString>

namespace stable {

class Library;

// An input (with its supplier) or an output (with its customer) of a step.
struct Port
{
    QString id;
    QString name;
    QString party;
};

struct QualityCheck
{
    QString id;
    QString key;
    QString statement;
    Stage stage = Stage::Exit;
    bool critical = false;
    QString guardsAgainst;
    int severity = 5;
    int occurrence = 5;
    int detection = 5;
    QString originIncidentId; // empty unless born from an incident
    int riskPriority() const { return severity * occurrence * detection; }
};

struct Step
{
    QString id;
    QString key;
    QString name;
    QString throughput; // markdown
    QString ownerRole;
    double plannedHours = 0;
    QList<Port> inputs;
    QList<Port> outputs;
    QList<QualityCheck> checks;
};

struct ValueStream
{
    QString id;
    QString key;
    QString name;
    QString purpose;
    QString owner;
    QList<Step> steps;
};

struct StreamSummary
{
    QString id;
    QString key;
    QString name;
    int stepCount = 0;
    int checkCount = 0;
    int latestRevision = 0; // 0: never published
    bool draftDiffers = true; // the draft is not what the latest revision says
};

Result<QList<StreamSummary>> listStreams(Library& library);
// Only id, key, name and latest revision, in the same order, for pickers and filters: listStreams
// compares every published stream's draft with its revision, which takes a while in a large library.
Result<QList<StreamSummary>> listStreamNames(Library& library);
// The id of the stream with that key or id.
Result<QString> resolveStream(Library& library, const QString& keyOrId);
// The editable working copy, steps in order, checks in order.
Result<ValueStream> loadDraft(Library& library, const QString& keyOrId);
// The id of the draft step `stepKey` of a stream (or the step id itself).
Result<QString> resolveStep(Library& library, const QString& streamId, const QString& stepKeyOrId);

// Creates the stream `stream.key`, or replaces the draft of an existing one: steps and checks are
// matched by key (keeping their ids, so checks keep their identity across revisions); unmatched old
// ones are marked removed. One transaction, one audit event per changed record.
struct ImportSummary
{
    QString streamId;
    bool created = false;
    int steps = 0;
    int checks = 0;
};
Result<ImportSummary> importProcess(Library& library, const ValueStream& stream);

// Draft edits, each its own transaction with its audit event (the desktop app's undo commands call
// these). A position of -1 appends; a move past either end goes to that end. An edit that changes nothing
// writes nothing. A new step comes with the checks it carries. Adding a step or check with the id of one
// removed from the same place restores it (a step with the checks it had), so that undoing a removal keeps
// the check's identity. A check's origin incident is never cleared by an edit: an empty one keeps what was
// there.
Result<QString> addStep(Library& library, const QString& streamId, const Step& step, int position = -1);
Status updateStep(Library& library, const Step& step); // name, key, throughput, owner role, hours, ports
Status removeStep(Library& library, const QString& stepId);
Status moveStep(Library& library, const QString& stepId, int newPosition);
Result<QString> addCheck(Library& library, const QString& stepId, const QualityCheck& check, int position = -1);
Status updateCheck(Library& library, const QualityCheck& check);
Status removeCheck(Library& library, const QString& checkId);
Status moveCheck(Library& library, const QString& checkId, int newPosition);

// A whole value stream leaves the library's list (its revisions, runs and incidents stay, and the library
// JSON carries it as removed) or comes back with the steps and checks it had. Each is one transaction with
// its audit event; doing what is already so writes nothing.
Status removeStream(Library& library, const QString& streamId);
Status restoreStream(Library& library, const QString& streamId);
// A live stream's name, purpose and owner (its key stays: revisions and runs are filed under it). One
// transaction with its audit event (stream.update); an edit that changes nothing writes nothing.
Status updateStream(Library& library, const ValueStream& stream);

// A key not yet used among `taken`, made from `text` ("Deploy to prod" → "deploy-to-prod").
QString makeKey(const QString& text, const QStringList& taken);
// A check's key from its statement, its lead-in ("Check that …") left out.
QString checkKeyFrom(const QString& statement, const QStringList& taken);

} // namespace stable
