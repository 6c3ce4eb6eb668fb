#include "demohistory.h"

#include "demo.h"
#include "incidents.h"
#include "library.h"
#include "process.h"
#include "revisions.h"
#include "rework.h"
#include "templates.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace stable::demo {

namespace {

// Who publishes each stream's revisions.
QString ownerOf(const QString& stream)
{
    return stream == releaseStream ? QStringLiteral("MJ") : QStringLiteral("EG");
}

const QStringList& streamsInOrder()
{
    static const QStringList streams{releaseStream, patchingStream, planStream};
    return streams;
}

QStringList recurrenceWhys(const QString& checkKey)
{
    return {QStringLiteral("The defect the ‘%1’ check was written for happened again.").arg(checkKey),
            QStringLiteral("The check was signed, but from memory: nobody ran the comparison that day."),
            QStringLiteral("The release was late and the check looked like a formality."),
            QStringLiteral("The check asks for a statement, not for evidence."),
            QStringLiteral("A check that can be signed without evidence will be, under time pressure.")};
}

} // namespace

History::History(Library& library, FixedClock& clock, quint32 seed, QDate first, QDate last, QDateTime limit)
    : m_library(library)
    , m_clock(clock)
    , m_random(seed)
    , m_first(first)
    , m_last(last)
    , m_limit(std::move(limit))
    , m_spots(weakSpots())
    , m_oneOffs(oneOffIncidents())
{
    m_state.resize(m_spots.size());
}

// Our own arithmetic on the generator's words: std::uniform_*_distribution differ between standard
// libraries, and the same seed must give the same library everywhere.
double History::unit()
{
    return static_cast<double>(m_random()) / 4294967296.0;
}

bool History::chance(double probability)
{
    return unit() < probability;
}

int History::between(int low, int high)
{
    return low + static_cast<int>(unit() * static_cast<double>(high - low + 1));
}

double History::hoursAround(double base)
{
    const double hours = base * (0.7 + 0.6 * unit());
    return std::clamp(std::round(hours * 4) / 4, 0.25, 24.0);
}

bool History::moveTo(QDate date, int hour, int minute)
{
    if (QDateTime(date, QTime(23, 59, 59), QTimeZone::utc()) > m_limit)
        return false;
    const QDateTime target(date, QTime(hour, minute), QTimeZone::utc());
    if (target > m_clock.now())
        m_clock.set(target);
    return true;
}

double History::progress() const
{
    const QDateTime begin(m_first, QTime(0, 0), QTimeZone::utc());
    const QDateTime end(m_last.addDays(1), QTime(0, 0), QTimeZone::utc());
    const double elapsed = static_cast<double>(begin.secsTo(m_clock.now()));
    return std::clamp(elapsed / static_cast<double>(begin.secsTo(end)), 0.0, 1.0);
}

const Signer& History::person(const QString& initials) const
{
    const auto found = m_people.constFind(initials);
    return found != m_people.constEnd() ? found.value() : m_people.constBegin().value();
}

int History::spotAt(const QString& stream, const QString& itemRef) const
{
    for (int i = 0; i < static_cast<int>(m_spots.size()); ++i)
        if (m_spots.at(i).stream == stream && m_spots.at(i).failingItem == itemRef)
            return i;
    return -1;
}

Status History::setUp()
{
    for (const CastMember& member : cast()) {
        auto added = addPerson(m_library, NewPerson{member.name, member.initials, member.role, QLatin1String(demoPin)});
        STABLE_TRY(added);
        m_people.insert(member.initials, Signer::forGeneratedData(added.value()));
        m_clock.advance(5 * 60);
    }
    STABLE_TRY(setSetting(m_library, QStringLiteral("hourly-rate"), QStringLiteral("85")));

    QList<ValueStream> processes;
    for (const QString& name : {releaseStream, planStream}) {
        auto process = loadTemplate(name);
        STABLE_TRY(process);
        processes.append(process.value());
    }
    processes.append(patchingProcess());
    for (const ValueStream& process : std::as_const(processes)) {
        m_clock.advance(3600);
        STABLE_TRY(importProcess(m_library, process));
        for (const Step& step : process.steps)
            m_ownerRoles.insert(process.key + QLatin1Char('/') + step.key, step.ownerRole);
    }

    const QList<std::pair<QString, QString>> firstRevisions{
        {releaseStream, QStringLiteral("First published version of how we release")},
        {planStream, QStringLiteral("Adopted the execution plan for high-risk changes")},
        {patchingStream, QStringLiteral("Wrote down how we patch, as we do it today")}};
    for (const auto& [stream, reason] : firstRevisions) {
        m_clock.advance(24 * 3600);
        STABLE_TRY(publish(m_library, person(ownerOf(stream)), PublishRequest{stream, reason, {}}));
    }
    return success();
}

Status History::play()
{
    QDate played;
    for (QDate date = m_first; date <= m_last; date = date.addDays(1)) {
        if (!moveTo(date, 6, 0))
            break;
        STABLE_TRY(day(date));
        played = date;
    }
    // The month the history ends in gets the hours worked so far.
    if (played.isValid() && played.day() != played.daysInMonth())
        STABLE_TRY(teamHours(played));
    return changeUnderWay();
}

// Tonight's change is under way when the history ends: the first look at the runs shows a checklist being
// signed and the countdown to its rollback point.
Status History::changeUnderWay()
{
    const QDateTime start = m_limit.addSecs(-2 * 3600);
    if (start.date() < m_first)
        return success();
    m_clock.set(start);
    const int number = m_plans++;
    RunPlan plan;
    plan.stream = planStream;
    plan.title = planTitle(number);
    plan.slug = QStringLiteral("CHG-%1").arg(4100 + number * 37);
    plan.kind = RunKind::Plan;
    plan.plannedStart = start;
    plan.rollbackPoint = start.addSecs(4 * 3600 + 30 * 60);
    plan.minutesPerItem = 6;
    plan.number = number;
    plan.stopsAfter = 9;
    return perform(plan);
}

Status History::day(QDate date)
{
    const int weekday = date.dayOfWeek();
    if (weekday == Qt::Saturday && date.day() <= 7) {
        moveTo(date, 6, 0);
        STABLE_TRY(planRun(date));
    }
    moveTo(date, 7, 0);
    STABLE_TRY(improvementsDue());
    moveTo(date, 8, 30);
    STABLE_TRY(analysesDue());
    STABLE_TRY(oneOffsDue());
    if (weekday == Qt::Tuesday || weekday == Qt::Thursday) {
        moveTo(date, 9, 0);
        STABLE_TRY(releaseRun(date));
    }
    if (weekday == Qt::Wednesday) {
        moveTo(date, 19, 0);
        STABLE_TRY(patchingRun(date));
    }
    if (weekday == Qt::Friday) {
        moveTo(date, 16, 0);
        STABLE_TRY(weeklyRework(date));
    }
    if (date.day() == date.daysInMonth()) {
        moveTo(date, 23, 0);
        STABLE_TRY(teamHours(date));
    }
    return success();
}

Status History::releaseRun(QDate)
{
    const int number = m_releases++;
    RunPlan plan;
    plan.stream = releaseStream;
    plan.slug = QStringLiteral("4.%1.%2").arg(number / 8).arg(number % 8);
    plan.title = QStringLiteral("Release ") + plan.slug;
    plan.kind = RunKind::Release;
    plan.plannedStart = m_clock.now();
    plan.minutesPerItem = 12;
    plan.number = number;
    return perform(plan);
}

Status History::patchingRun(QDate date)
{
    int year = 0;
    const int week = date.weekNumber(&year);
    RunPlan plan;
    plan.stream = patchingStream;
    plan.slug = QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
    plan.title = QStringLiteral("Patch cycle ") + plan.slug;
    plan.kind = RunKind::Routine;
    plan.plannedStart = m_clock.now();
    plan.minutesPerItem = 9;
    plan.number = m_patches++;
    return perform(plan);
}

Status History::planRun(QDate)
{
    const int number = m_plans++;
    RunPlan plan;
    plan.stream = planStream;
    plan.title = planTitle(number);
    plan.slug = QStringLiteral("CHG-%1").arg(4100 + number * 37);
    plan.kind = RunKind::Plan;
    plan.plannedStart = m_clock.now();
    plan.rollbackPoint = m_clock.now().addSecs(4 * 3600 + 30 * 60);
    plan.minutesPerItem = 6;
    plan.number = number;
    plan.lessons = planLessons(number);
    if (number == 4) // one change missed its success criteria and went back, as planned
        plan.rollsBackAt = QStringLiteral("test-plan/tests-recorded");
    return perform(plan);
}

Status History::perform(const RunPlan& plan)
{
    auto started = startRun(m_library, StartRun{plan.stream, plan.title, plan.kind, 0, plan.plannedStart, plan.rollbackPoint});
    STABLE_TRY(started);
    const Run run = started.value();
    const int itemCount = static_cast<int>(run.items.size());
    // Now and then someone signs with the wrong evidence and puts it right with a void.
    const int voidAt = chance(0.04) ? between(0, itemCount - 1) : -1;

    for (int i = 0; i < itemCount; ++i) {
        if (i == plan.stopsAfter)
            return success(); // still under way when the history ends
        const RunItem& item = run.items.at(i);
        m_clock.advance(60 * between(plan.minutesPerItem - 3, plan.minutesPerItem + 3));
        const QString performer = performerFor(m_ownerRoles.value(plan.stream + QLatin1Char('/') + item.stepKey));

        if (item.ref() == plan.rollsBackAt) {
            SignRequest request{run.id, item.id, Outcome::Fail, Meaning::Performed,
                                QStringLiteral("The batch interface failed 3 of 12 tests; the success criteria were "
                                               "not met by the rollback point."),
                                evidenceFor(plan.stream, item.stepKey, plan.slug, plan.number), std::nullopt};
            STABLE_TRY(sign(m_library, person(performer), request));
            m_clock.advance(35 * 60);
            STABLE_TRY(closeRun(m_library, CloseRun{run.id, true,
                                                    QStringLiteral("Rolled back at the rollback point as planned; the "
                                                                   "rollback took 50 minutes. ") + plan.lessons}));
            return rework(ReworkKind::FailedProject, hoursAround(14), plan.stream, item.stepKey, {}, run.id,
                          QStringLiteral("Second attempt of ‘%1’ to prepare after the rollback.").arg(plan.title));
        }

        const int spot = spotAt(plan.stream, item.ref());
        bool fails = false;
        if (spot >= 0) {
            const WeakSpot& weak = m_spots.at(spot);
            const SpotState& state = m_state.at(spot);
            const bool dueToRecur = state.improved && !state.recurred && weak.recurAt > 0 && progress() >= weak.recurAt;
            fails = dueToRecur || chance(state.improved ? weak.lateRate : weak.earlyRate);
        } else {
            fails = chance(0.001);
        }
        if (fails) {
            STABLE_TRY(failure(run, item, spot, performer));
            if (spot >= 0 && m_spots.at(spot).rollsBack) {
                m_clock.advance(25 * 60);
                STABLE_TRY(closeRun(m_library, CloseRun{run.id, true,
                                                        QStringLiteral("Rolled back after the smoke tests failed; "
                                                                       "users were on the previous release within 30 "
                                                                       "minutes.")}));
                return success();
            }
            m_clock.advance(60 * between(30, 120));
        }

        const QString notApplicable = notApplicableReason(plan.stream, item.ref());
        if (!fails && !item.critical && !notApplicable.isEmpty() && chance(0.2)) {
            SignRequest request{run.id, item.id, Outcome::NotApplicable, Meaning::Performed, notApplicable, {}, std::nullopt};
            STABLE_TRY(sign(m_library, person(performer), request));
            continue;
        }
        if (i == voidAt && !fails && !item.critical) {
            SignRequest request{run.id, item.id, Outcome::Pass, Meaning::Performed, {},
                                evidenceFor(plan.stream, item.stepKey, plan.slug + QStringLiteral("-draft"), plan.number),
                                std::nullopt};
            auto wrong = sign(m_library, person(performer), request);
            STABLE_TRY(wrong);
            m_clock.advance(6 * 60);
            STABLE_TRY(voidAttestation(m_library, person(performer), run.id, wrong->id,
                                       QStringLiteral("The evidence link pointed at the draft, not the final record.")));
        }
        STABLE_TRY(signPass(run, item, plan, performer));
    }
    m_clock.advance(10 * 60);
    STABLE_TRY(closeRun(m_library, CloseRun{run.id, false, plan.lessons}));
    return success();
}

Status History::signPass(const Run& run, const RunItem& item, const RunPlan& plan, const QString& performer)
{
    SignRequest request{run.id, item.id, Outcome::Pass, Meaning::Performed, {},
                        evidenceFor(plan.stream, item.stepKey, plan.slug, plan.number), std::nullopt};
    STABLE_TRY(sign(m_library, person(performer), request));
    if (!item.critical)
        return success();
    m_clock.advance(60 * between(2, 6));
    request.meaning = Meaning::Verified;
    STABLE_TRY(sign(m_library, person(verifierFor(performer)), request));
    return success();
}

Status History::failure(const Run& run, const RunItem& item, int spot, const QString& performer)
{
    const QString stream = run.streamKey;
    SignRequest request{run.id, item.id, Outcome::Fail, Meaning::Performed,
                        spot >= 0 ? m_spots.at(spot).failNote
                                  : QStringLiteral("Did not hold on the first try; corrected and checked again."),
                        {}, std::nullopt};
    STABLE_TRY(sign(m_library, person(performer), request));
    if (spot < 0)
        return rework(ReworkKind::Rework, hoursAround(1.5), stream, item.stepKey, {}, run.id,
                      QStringLiteral("Put right ‘%1’ in %2.").arg(item.ref(), run.title));

    const WeakSpot& weak = m_spots.at(spot);
    SpotState& state = m_state[spot];
    bool raise = false;
    QString recurrenceOf;
    if (!state.improved) {
        raise = state.incidents.size() < 4;
    } else if (weak.recurAt > 0 && !state.recurred && progress() >= weak.recurAt) {
        raise = true;
        recurrenceOf = state.incidents.constFirst();
        state.recurred = true;
    }

    QString incidentKey;
    if (raise) {
        NewIncident incident;
        incident.title = weak.title.arg(run.title);
        if (!recurrenceOf.isEmpty())
            incident.title.prepend(QStringLiteral("Again: "));
        incident.whatHappened = weak.whatHappened;
        incident.stream = stream;
        incident.detectedStep = item.stepKey;
        incident.injectedStep = weak.injectedStep;
        incident.run = run.id;
        incident.severity = recurrenceOf.isEmpty() ? weak.severity : std::min(10, weak.severity + 1);
        incident.category = weak.category;
        incident.recurrenceOf = recurrenceOf;
        auto added = addIncident(m_library, incident);
        STABLE_TRY(added);
        incidentKey = added->key();
        const QDateTime due = m_clock.now().addDays(between(2, 6));
        if (recurrenceOf.isEmpty()) {
            state.incidents.append(incidentKey);
            m_analyses.append(Analysis{incidentKey, due, weak.whys, weak.rootCause});
        } else {
            m_analyses.append(Analysis{incidentKey, due, recurrenceWhys(weak.checkKey),
                                       QStringLiteral("The ‘%1’ check can be signed without evidence.").arg(weak.checkKey)});
            m_followUps.append(FollowUp{spot, incidentKey, m_clock.now().addDays(between(9, 14))});
        }
    }
    STABLE_TRY(rework(weak.reworkKind, hoursAround(weak.reworkHours), stream, weak.injectedStep, incidentKey, run.id,
                      QStringLiteral("%1: put right after ‘%2’ failed.").arg(run.title, item.ref())));
    if (raise && weak.severity >= 7)
        STABLE_TRY(rework(ReworkKind::FireFighting, hoursAround(5), stream, item.stepKey, incidentKey, run.id,
                          QStringLiteral("Handled the users' calls and the workaround for %1.").arg(incidentKey)));
    return success();
}

Status History::rework(ReworkKind kind, double hours, const QString& stream, const QString& step,
                       const QString& incident, const QString& run, const QString& note)
{
    NewRework entry;
    entry.date = m_clock.now().date();
    entry.hours = hours;
    entry.kind = kind;
    entry.stream = stream;
    entry.step = step;
    entry.incident = incident;
    entry.run = run;
    entry.note = note;
    STABLE_TRY(addRework(m_library, entry));
    return success();
}

Status History::improvementsDue()
{
    for (const QString& stream : streamsInOrder()) {
        QStringList answers;
        QStringList reasons;
        const auto analyseNow = [this](const QString& incident) -> Status {
            for (int i = 0; i < static_cast<int>(m_analyses.size()); ++i) {
                if (m_analyses.at(i).incident != incident)
                    continue;
                const Analysis analysis = m_analyses.takeAt(i);
                STABLE_TRY(analyseIncident(m_library, analysis.incident, analysis.whys, analysis.rootCause));
                break;
            }
            return success();
        };
        for (int i = 0; i < static_cast<int>(m_spots.size()); ++i) {
            const WeakSpot& weak = m_spots.at(i);
            SpotState& state = m_state[i];
            if (weak.stream != stream || state.improved || state.incidents.isEmpty() || progress() < weak.improveAt)
                continue;
            for (const QString& incident : std::as_const(state.incidents))
                STABLE_TRY(analyseNow(incident));
            STABLE_TRY(improveProcess(m_library, Improvement{state.incidents.constFirst(), weak.checkStatement,
                                                             weak.checkStage, weak.checkCritical, weak.checkKey}));
            answers += state.incidents;
            reasons += weak.improvementReason;
            state.improved = true;
        }
        for (int i = static_cast<int>(m_followUps.size()) - 1; i >= 0; --i) {
            const FollowUp followUp = m_followUps.at(i);
            const WeakSpot& weak = m_spots.at(followUp.spot);
            if (weak.stream != stream || followUp.due > m_clock.now())
                continue;
            STABLE_TRY(analyseNow(followUp.incident));
            STABLE_TRY(improveProcess(
                m_library, Improvement{followUp.incident,
                                       QStringLiteral("The report of the ‘%1’ check is attached as evidence; it is not "
                                                      "signed from memory")
                                           .arg(weak.checkKey),
                                       weak.checkStage, false, weak.checkKey + QStringLiteral("-evidence")}));
            answers += followUp.incident;
            reasons += QStringLiteral("Ask for evidence on ‘%1’ after a repeat defect").arg(weak.checkKey);
            m_followUps.removeAt(i);
        }
        if (answers.isEmpty())
            continue;
        m_clock.advance(20 * 60);
        STABLE_TRY(publish(m_library, person(ownerOf(stream)), PublishRequest{stream, reasons.join(QStringLiteral("; ")), answers}));
    }
    return success();
}

Status History::analysesDue()
{
    for (int i = 0; i < static_cast<int>(m_analyses.size());) {
        if (m_analyses.at(i).due > m_clock.now()) {
            ++i;
            continue;
        }
        const Analysis analysis = m_analyses.takeAt(i);
        m_clock.advance(15 * 60);
        STABLE_TRY(analyseIncident(m_library, analysis.incident, analysis.whys, analysis.rootCause));
    }
    return success();
}

Status History::oneOffsDue()
{
    while (m_oneOffsDone < static_cast<int>(m_oneOffs.size()) && progress() >= m_oneOffs.at(m_oneOffsDone).at) {
        const OneOff& oneOff = m_oneOffs.at(m_oneOffsDone++);
        NewIncident incident;
        incident.title = oneOff.title;
        incident.whatHappened = oneOff.whatHappened;
        incident.stream = oneOff.stream;
        incident.detectedStep = oneOff.detectedStep;
        incident.injectedStep = oneOff.injectedStep;
        incident.severity = oneOff.severity;
        incident.category = oneOff.category;
        incident.occurred = m_clock.now().addSecs(-3 * 3600);
        auto added = addIncident(m_library, incident);
        STABLE_TRY(added);
        if (!oneOff.whys.isEmpty())
            m_analyses.append(Analysis{added->key(), m_clock.now().addDays(between(3, 5)), oneOff.whys, oneOff.rootCause});
    }
    return success();
}

Status History::weeklyRework(QDate date)
{
    for (int i = 0; i < static_cast<int>(m_spots.size()); ++i) {
        const WeakSpot& weak = m_spots.at(i);
        if (!m_state.at(i).improved) {
            const ReworkKind kind = weak.reworkKind == ReworkKind::FireFighting ? ReworkKind::FireFighting : ReworkKind::Rework;
            STABLE_TRY(rework(kind, hoursAround(weak.weeklyDrag), weak.stream, weak.injectedStep, {}, {}, weak.dragNote));
        } else if (chance(0.2)) {
            STABLE_TRY(rework(ReworkKind::Rework, hoursAround(1.5), weak.stream, weak.injectedStep, {}, {},
                              QStringLiteral("Small follow-up after the new ‘%1’ check.").arg(weak.checkKey)));
        }
    }
    // The background every team has, however good its process.
    STABLE_TRY(rework(ReworkKind::Rework, hoursAround(8), releaseStream, QStringLiteral("develop"), {}, {},
                      QStringLiteral("Reworked changes that came back from peer review.")));
    STABLE_TRY(rework(ReworkKind::FireFighting, hoursAround(6), {}, {}, {}, {},
                      QStringLiteral("Production support tickets outside any release.")));
    if (progress() < 0.3 && date.day() <= 7)
        STABLE_TRY(rework(ReworkKind::FailedProject, hoursAround(18), planStream, {}, {}, {},
                          QStringLiteral("Reporting database migration abandoned after the third failed cut-over; the "
                                         "work starts again.")));
    return success();
}

Status History::teamHours(QDate date)
{
    const QDate monthStart(date.year(), date.month(), 1);
    int workingDays = 0;
    for (QDate day = std::max(monthStart, m_first); day <= date; day = day.addDays(1))
        if (day.dayOfWeek() <= Qt::Friday)
            ++workingDays;
    if (workingDays == 0)
        return success();
    // Five people, about seven productive hours each working day: some 140 hours a month each.
    return setTeamHours(m_library, date.toString(QStringLiteral("yyyy-MM")), workingDays * 5 * 7.0);
}

} // namespace stable::demo
