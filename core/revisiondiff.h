#pragma once

#include "process.h"

#include <QList>
#include <QString>

namespace stable {

// What changed between two versions of a value stream (two revisions, or a revision and the draft):
// the comparison a process owner reads before publishing and in the revision history.

// A piece of a word-level comparison of two texts. Equal and Deleted pieces, in order, give the old
// text back exactly; Equal and Inserted pieces give the new one.
struct WordSegment
{
    enum class Kind { Equal, Inserted, Deleted };
    Kind kind = Kind::Equal;
    QString text;
    bool operator==(const WordSegment& other) const { return kind == other.kind && text == other.text; }
};

// Longest common subsequence over words; a changed run of words comes as one Deleted piece followed by
// one Inserted piece (the spaces between changed words go with them), never interleaved word by word.
QList<WordSegment> diffWords(const QString& before, const QString& after);

// One field of a step, check or the stream that differs, as text a person reads ("2 h", "critical").
struct FieldChange
{
    QString field; // "name", "key", "throughput", "owner role", "planned hours", "inputs", "outputs",
                   // "position"; for checks also "statement", "stage", "critical", "guards against",
                   // "severity", "occurrence", "detection", "step"; for the stream "purpose", "owner"
    QString before;
    QString after;
};

enum class DiffKind { Added, Removed, Changed };

struct StepDiff
{
    DiffKind kind = DiffKind::Changed;
    QString stepId; // of the newer side, or of the older one when removed
    QString key;
    QString name;
    QList<FieldChange> changes; // only for Changed
};

struct CheckDiff
{
    DiffKind kind = DiffKind::Changed;
    QString checkId;
    QString key;
    QString stepKey;
    QString statement;
    QList<FieldChange> changes; // only for Changed
};

struct StreamDiff
{
    QList<FieldChange> stream; // name, purpose, owner
    QList<StepDiff> steps;     // in the order of the newer side, removed ones after
    QList<CheckDiff> checks;   // likewise
    bool isEmpty() const { return stream.isEmpty() && steps.isEmpty() && checks.isEmpty(); }
};

// Steps and checks are matched by id (they keep it across revisions), falling back to the key (a step
// by its key, a check by its key within the matched step) for versions that did not share ids.
StreamDiff compareStreams(const ValueStream& before, const ValueStream& after);

// Inputs or outputs as one line of text: "Tagged commit (Developers); Change ticket".
QString portsText(const QList<Port>& ports);
// Planned hours as a person reads them: "1.5 h".
QString hoursText(double hours);

} // namespace stable
