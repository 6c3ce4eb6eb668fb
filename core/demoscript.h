#pragma once

// The story the demo library tells: who the team is, the routine process it writes itself, and the
// weak spots that cost it hours until a check at the step where they are injected prevents them.
// Internal to demo*.cpp.

#include "domain.h"
#include "process.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace stable::demo {

struct CastMember
{
    QString name;
    QString initials;
    QString role;
};
QList<CastMember> cast();

// Who performs a step of a given owner role, and who verifies a critical item after them.
QString performerFor(const QString& ownerRole);
QString verifierFor(const QString& performerInitials);

inline const QString releaseStream = QStringLiteral("software-release");
inline const QString planStream = QStringLiteral("execution-plan");
inline const QString patchingStream = QStringLiteral("server-patching");

// The routine stream the team wrote itself (the other two come from the built-in templates).
ValueStream patchingProcess();

// A failure mode that keeps coming back until the process changes.
struct WeakSpot
{
    QString stream;
    QString failingItem;    // "STEP/CHECK" where it shows first
    QString injectedStep;   // where it is really made
    double earlyRate = 0;   // chance per run before the improvement
    double lateRate = 0;    // after it
    double improveAt = 0.5; // when the improvement is published, as a fraction of the history
    bool rollsBack = false; // a failure here aborts the run
    double recurAt = 0;     // when it comes back once after the improvement (a repeat defect); 0: never
    int severity = 5;
    QString category;
    QString title;          // %1: the run's title
    QString whatHappened;
    QString failNote;       // what the signer wrote on the fail
    QStringList whys;
    QString rootCause;
    QString checkKey;
    QString checkStatement;
    Stage checkStage = Stage::Exit;
    bool checkCritical = false;
    double reworkHours = 4; // per failure
    ReworkKind reworkKind = ReworkKind::Rework;
    double weeklyDrag = 5;  // background rework hours a week while it is not prevented
    QString dragNote;
    QString improvementReason;
};
QList<WeakSpot> weakSpots();

// A defect that is analysed once and left at that (no check came of it).
struct OneOff
{
    QString stream;
    double at = 0.5;        // fraction of the history
    QString detectedStep;
    QString injectedStep;
    int severity = 4;
    QString category;
    QString title;
    QString whatHappened;
    QStringList whys;
    QString rootCause;
};
QList<OneOff> oneOffIncidents();

QString planTitle(int index);
QString planLessons(int index);
// Where a signer left the evidence of an item; %1 is a short form of the run's title.
QString evidenceFor(const QString& stream, const QString& stepKey, const QString& runSlug, int runNumber);
// A few items that are sometimes not applicable, with the reason given.
QString notApplicableReason(const QString& stream, const QString& itemRef);

} // namespace stable::demo
