// The large demo's bulk records: runs with their frozen items and attestations, incidents with their
// whys, rework — each as exactly the rows, hashes and audit events that the everyday functions write
// (starting, signing and closing a run, recording and analysing an incident, logging rework, verifying
// a prevention), so that `verify` passes on the result. See demolarge.cpp for the story they tell.
#include "demolargehistory.h"

#include "audit.h"
#include "library.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace stable::demo {

namespace {

const char* const categories[] = {"configuration", "capacity", "human error", "dependency", "data", "security"};

// runJson(), with items_hash when given (the run.start event), as canonicalJson writes it.
struct RunText
{
    QByteArray id, streamId, revisionId, title, kind, plannedStart, rollbackPoint, status, startedAt, closedAt,
        lessons;

    QByteArray json(QByteArrayView itemsHash = {}) const
    {
        QByteArray out;
        JsonObjectWriter writer(out);
        writer.text("closed_at", closedAt).text("id", id);
        if (!itemsHash.isEmpty())
            writer.text("items_hash", itemsHash);
        writer.text("kind", kind)
            .text("lessons", lessons)
            .text("planned_start", plannedStart)
            .text("revision_id", revisionId)
            .text("rollback_point", rollbackPoint)
            .text("started_at", startedAt)
            .text("status", status)
            .text("stream_id", streamId)
            .text("title", title)
            .close();
        return out;
    }
};

QByteArray latinBytes(const QString& text)
{
    return text.toUtf8();
}

} // namespace

Status LargeHistory::writeRun(const PlannedRun& planned, const QDateTime& monthEnd)
{
    static const QByteArray open = toText(RunStatus::Open).toUtf8(), pass = toText(Outcome::Pass).toUtf8(),
                            fail = toText(Outcome::Fail).toUtf8(), performed = toText(Meaning::Performed).toUtf8(),
                            verified = toText(Meaning::Verified).toUtf8(), failNote("Did not hold; reworked.");
    StreamPlan& plan = m_streams.at(static_cast<std::size_t>(planned.stream));
    const RevisionInEffect* revision = &plan.revisions.front();
    for (const RevisionInEffect& candidate : plan.revisions)
        if (candidate.from <= planned.start)
            revision = &candidate;

    RunText run;
    run.id = m_ids.next();
    run.streamId = plan.id8;
    run.revisionId = revision->id;
    run.kind = plan.kind8;
    run.title = (plan.kind == RunKind::Routine
                     ? QStringLiteral("%1 %2").arg(plan.name, planned.start.date().toString(Qt::ISODate))
                     : QStringLiteral("%1 #%2").arg(plan.name).arg(planned.sequence))
                    .toUtf8();
    const qint64 start = planned.start.toSecsSinceEpoch();
    if (plan.kind == RunKind::Plan) {
        run.plannedStart = isoUtcText(start);
        run.rollbackPoint = isoUtcText(start + 6 * 3600);
    }
    run.startedAt = isoUtcText(start);
    run.status = open;
    const QList<ItemTemplate>& items = revision->items;
    const int itemCount = static_cast<int>(items.size());
    QList<QByteArray> itemIds;
    itemIds.reserve(itemCount);
    // The items as itemsJson() lists them, for the items hash of the start event.
    m_json.truncate(0); // keeps its buffer, unlike clear()
    m_json += '[';
    for (int i = 0; i < itemCount; ++i) {
        const ItemTemplate& t = items.at(i);
        itemIds.append(m_ids.next());
        if (i > 0)
            m_json += ',';
        JsonObjectWriter(m_json)
            .text("check_id", t.checkId)
            .text("check_key", t.checkKey)
            .boolean("critical", t.critical)
            .text("id", itemIds.last())
            .integer("position", i)
            .text("stage", t.stage)
            .text("statement", t.statement)
            .text("step_id", t.stepId)
            .text("step_key", t.stepKey)
            .text("step_name", t.stepName)
            .close();
    }
    m_json += ']';
    const QByteArray itemsHash = sha256HexText(m_json);

    // The newest runs are still under way; a few project runs are rolled back half-way.
    const QDateTime end = QDateTime(m_last, QTime(23, 59), QTimeZone::utc());
    const bool underWay = planned.start.secsTo(end) < 3 * 24 * 3600;
    const bool rolledBack = plan.kind != RunKind::Routine && chance(0.03);
    const int signedItems = underWay || rolledBack ? pick(itemCount + 1) : itemCount;
    // Per check: the stream kind's rate times its step's share of the trouble, easing a little over the
    // decade and much more where a step got a check born from its incidents.
    // A project stream has twelve times the steps of a routine one: its checks must fail far less for its
    // rolled throughput yield to be more than a rounding error.
    const double failRate = (plan.kind == RunKind::Routine ? 0.04 : 0.008) * (1.0 - 0.4 * progress(planned.start));
    std::vector<char> failed(static_cast<std::size_t>(itemCount), 0);
    const int stepSeconds = plan.kind == RunKind::Routine ? 240 : 1500;

    STABLE_TRY(m_insertRun->text(run.id)
                   .text(run.streamId)
                   .text(run.revisionId)
                   .text(run.title)
                   .text(run.kind)
                   .textOrNull(run.plannedStart)
                   .textOrNull(run.rollbackPoint)
                   .text(run.status)
                   .text(run.startedAt)
                   .null()
                   .text(run.lessons)
                   .run());
    for (int i = 0; i < itemCount; ++i) {
        const ItemTemplate& t = items.at(i);
        STABLE_TRY(m_insertItem->text(itemIds.at(i))
                       .text(run.id)
                       .integer(i)
                       .text(t.stepId)
                       .text(t.stepKey)
                       .text(t.stepName)
                       .text(t.checkId)
                       .text(t.checkKey)
                       .text(t.statement)
                       .text(t.stage)
                       .integer(t.critical ? 1 : 0)
                       .run());
    }
    STABLE_TRY(m_chain->append(run.startedAt, m_actor, "run.start", "run", run.id, {}, run.json(itemsHash), {}));

    qint64 now = start;
    // As signing writes an attestation: its hash (attestationHash), its row, and its event.
    const auto attest = [&](int index, int attempt, bool passed, int signer, bool verifying) -> Status {
        now += stepSeconds / 2 + pick(stepSeconds);
        const ItemTemplate& item = items.at(index);
        const QByteArray id = m_ids.next();
        const QByteArray signedAt = isoUtcText(now);
        const QByteArray& outcome = passed ? pass : fail;
        const QByteArray& meaning = verifying ? verified : performed;
        const QByteArray& note = passed ? QByteArray() : failNote;
        const QByteArray attemptText = QByteArray::number(attempt);
        m_hashed.truncate(0);
        for (const QByteArrayView field :
             {QByteArrayView("stable-attestation/1"), QByteArrayView(id), QByteArrayView(run.id),
              QByteArrayView(itemIds.at(index)), QByteArrayView(item.statement), QByteArrayView(attemptText),
              QByteArrayView(outcome), QByteArrayView(m_signerIds.at(signer)), QByteArrayView(meaning),
              QByteArrayView(signedAt), QByteArrayView(signedAt), QByteArrayView(note), QByteArrayView()})
            appendHashBytes(m_hashed, field);
        const QByteArray hash = sha256HexText(m_hashed);
        STABLE_TRY(m_insertAttestation->text(id)
                       .text(run.id)
                       .text(itemIds.at(index))
                       .integer(attempt)
                       .text(outcome)
                       .text(m_signerIds.at(signer))
                       .text(meaning)
                       .text(signedAt)
                       .text(signedAt)
                       .text(note)
                       .text(QByteArrayView())
                       .text(hash)
                       .run());
        m_json.truncate(0);
        JsonObjectWriter(m_json)
            .integer("attempt", attempt)
            .text("evidence", QByteArrayView())
            .text("hash", hash)
            .text("id", id)
            .text("item_id", itemIds.at(index))
            .text("meaning", meaning)
            .text("note", note)
            .text("outcome", outcome)
            .text("recorded_at", signedAt)
            .text("run_id", run.id)
            .text("signed_at", signedAt)
            .text("signer_id", m_signerIds.at(signer))
            .close();
        return m_chain->append(signedAt, m_signerActors.at(signer), "attestation.sign", "attestation", id, {}, m_json,
                               item.ref);
    };
    for (int i = 0; i < signedItems; ++i) {
        const ItemTemplate& item = items.at(i);
        int attempt = 1;
        if (chance(failRate * plan.failFactor.at(static_cast<std::size_t>(item.step)))) {
            failed.at(static_cast<std::size_t>(i)) = 1;
            const int signer = someone();
            STABLE_TRY(attest(i, attempt, false, signer, false));
            const double hours = 0.5 + pick(8) * 0.5;
            const QByteArray reworkId = m_ids.next();
            const QByteArray at = isoUtcText(now);
            STABLE_TRY(m_insertRework->text(reworkId)
                           .text(at.left(10))
                           .real(hours)
                           .text("rework")
                           .text(plan.id8)
                           .text(item.stepId)
                           .null()
                           .text(run.id)
                           .text("Redone after a failed check.")
                           .text(at)
                           .run());
            m_json.truncate(0);
            JsonObjectWriter(m_json).real("hours", hours).text("run_id", run.id).close();
            STABLE_TRY(m_chain->append(at, m_signerActors.at(signer), "rework.add", "rework", reworkId, {}, m_json, {}));
            m_monthRework += hours;
            ++m_monthReworkEntries;
            ++attempt;
        }
        const int first = someone();
        STABLE_TRY(attest(i, attempt, true, first, false));
        if (item.critical) {
            int second = someone();
            while (second == first)
                second = someone();
            STABLE_TRY(attest(i, attempt, true, second, true));
        }
    }
    // The run's steps and whether a fail stands in each, as 005_performance.sql's fill would find them
    // (items come grouped by step).
    for (int i = 0; i < itemCount;) {
        const int step = items.at(i).step;
        bool stepFailed = false;
        for (; i < itemCount && items.at(i).step == step; ++i)
            stepFailed = stepFailed || failed.at(static_cast<std::size_t>(i));
        STABLE_TRY(m_insertRunStep->text(run.id).text(plan.stepIds.at(step)).integer(stepFailed ? 1 : 0).run());
    }
    if (underWay && signedItems < itemCount)
        return success();
    const QByteArray before = run.json();
    run.status = toText(rolledBack ? RunStatus::RolledBack : RunStatus::Completed).toUtf8();
    run.closedAt = isoUtcText(std::min(now + 600, monthEnd.toSecsSinceEpoch() - 1));
    if (rolledBack)
        run.lessons = "Rolled back before the rollback point; see the incident.";
    STABLE_TRY(m_closeRun->text(run.status).text(run.closedAt).text(run.lessons).text(run.id).run());
    STABLE_TRY(m_chain->append(run.closedAt, m_actor, "run.close", "run", run.id, before, run.json(), run.lessons));
    return proveAfterRun(plan, *revision, failed, start, run.closedAt);
}

// updateIncidentVerification's rule, counted as the runs close: a prevented incident is verified once
// the check born from it (or else its injected step) passed first time in verify-after-runs closed runs
// started since the prevention.
Status LargeHistory::proveAfterRun(StreamPlan& plan, const RevisionInEffect& revision, const std::vector<char>& failed,
                                   qint64 started, const QByteArray& closedAt)
{
    for (std::size_t p = 0; p < plan.pending.size();) {
        PendingProof& proof = plan.pending.at(p);
        const IncidentRecord& incident = m_incidents.at(static_cast<std::size_t>(proof.incident));
        if (proof.preventedAt > started) {
            ++p;
            continue;
        }
        bool contained = false;
        bool passed = true;
        for (int i = 0; i < static_cast<int>(revision.items.size()); ++i) {
            const ItemTemplate& item = revision.items.at(i);
            if (proof.checkId.isEmpty() ? item.step != incident.injected : item.checkId != proof.checkId)
                continue;
            contained = true;
            passed = passed && !failed.at(static_cast<std::size_t>(i));
        }
        if (contained && passed)
            ++proof.passedRuns;
        if (proof.passedRuns < m_runsToVerify) {
            ++p;
            continue;
        }
        const QString key = incidentKey(incident.number);
        const QByteArray why =
            latinBytes((proof.checkId.isEmpty()
                            ? QStringLiteral("Step ‘%1’, where %2 was injected, passed first time in %3 closed runs "
                                             "since it was prevented.")
                                  .arg(QString::fromUtf8(plan.stepKeys.at(incident.injected)), key)
                            : QStringLiteral("The checks born from %1 passed first time in %2 closed runs since it "
                                             "was prevented.")
                                  .arg(key))
                           .arg(proof.passedRuns));
        STABLE_TRY(m_verifyIncident->text(closedAt).text(incident.id).run());
        QByteArray before;
        JsonObjectWriter(before).text("id", incident.id).text("status", "prevented").close();
        m_json.truncate(0);
        JsonObjectWriter(m_json).text("id", incident.id).text("status", "verified").text("verified_at", closedAt).close();
        STABLE_TRY(m_chain->append(closedAt, m_actor, "incident.verify", "incident", incident.id, before, m_json, why));
        plan.pending.at(p) = plan.pending.back();
        plan.pending.pop_back();
    }
    return success();
}

// Incidents come from the few troubled steps, as rework does. Shift-left improves over the decade; a
// rare one is the same defect again at a step a revision had answered: a repeat defect.
Status LargeHistory::writeIncidents(QDate month, int count)
{
    static const QByteArray whys[] = {"The change went out unchecked.", "The check list did not ask for it.",
                                      "Nobody had written the step down."};
    const bool recent = month.addMonths(2) > m_last;
    for (int n = 0; n < count; ++n) {
        auto [streamIndex, injected] = troubledStep();
        StreamPlan& plan = m_streams.at(static_cast<std::size_t>(streamIndex));
        const QDateTime occurred = at(month.addDays(pick(month.daysInMonth())), pick(24 * 60));
        if (occurred.date() > m_last)
            continue;
        const double p = progress(occurred);
        QByteArray recurrenceOf;
        if (!plan.answered.empty() && chance(0.006 * (1.0 - 0.6 * p))) {
            const IncidentRecord& earlier =
                m_incidents.at(static_cast<std::size_t>(plan.answered.at(static_cast<std::size_t>(pick(static_cast<int>(plan.answered.size()))))));
            // Answered before it happened again (an answer later this month comes too late for it).
            if (earlier.prevented < occurred.toSecsSinceEpoch()) {
                recurrenceOf = earlier.id;
                injected = earlier.injected;
            }
        }
        const int steps = static_cast<int>(plan.stepIds.size());
        const int detected = chance(0.2 + 0.5 * p) ? injected : injected + pick(steps - injected);
        IncidentRecord record;
        record.id = m_ids.next();
        record.number = static_cast<int>(m_incidents.size()) + 1;
        record.stream = streamIndex;
        record.injected = injected;
        record.category = categories[pick(6)];
        record.created = occurred.toSecsSinceEpoch() + 3600;
        const QByteArray& id = record.id;
        const QByteArray title =
            (QString::fromUtf8(record.category) + QStringLiteral(" problem in ") + plan.name +
             (recurrenceOf.isEmpty() ? QString() : QStringLiteral(", again")))
                .toUtf8();
        const bool analysed = !recent || chance(0.5);
        const QByteArray created = isoUtcText(record.created);
        const QByteArray rootCause =
            analysed ? QByteArray("The ") + record.category + " check did not cover this case." : QByteArray();
        BulkStatement& insert = m_insertIncident->text(id)
                                    .integer(record.number)
                                    .text(title)
                                    .text("Found by the on-call engineer.")
                                    .text(plan.id8)
                                    .text(plan.stepIds.at(detected))
                                    .text(plan.stepIds.at(injected))
                                    .null()
                                    .integer(1 + pick(10))
                                    .text(record.category)
                                    .text(isoUtcText(occurred.toSecsSinceEpoch()))
                                    .text(created)
                                    .textOrNull(recurrenceOf)
                                    .text(rootCause)
                                    .text(analysed ? "analysed" : "open");
        STABLE_TRY((analysed ? insert.text(created) : insert.null()).run());
        m_json.truncate(0);
        JsonObjectWriter(m_json).text("id", id).integer("number", record.number).text("title", title).close();
        STABLE_TRY(m_chain->append(created, m_actor, "incident.add", "incident", id, {}, m_json, {}));
        if (analysed) {
            // Numbered from 1, as analyseIncident numbers them.
            for (int w = 0; w < 3; ++w)
                STABLE_TRY(m_insertWhy->text(id).integer(w + 1).text(whys[w]).run());
            m_json.truncate(0);
            JsonObjectWriter(m_json).text("root_cause", rootCause).close();
            STABLE_TRY(m_chain->append(created, m_actor, "incident.analyse", "incident", id, {}, m_json, {}));
            plan.unanswered.push_back(static_cast<int>(m_incidents.size()));
        }
        m_incidents.push_back(std::move(record));
    }
    return success();
}

// The rest of the hidden factory: about a third of the team's hours at first, under a tenth at the end,
// logged against the troubled steps. Fire-fighting falls faster than planned rework: the heroics give
// way to fixing things before they burn.
Status LargeHistory::writeRework(QDate month)
{
    const QDateTime middle(month.addDays(14), QTime(12, 0), QTimeZone::utc());
    const double p = progress(middle);
    const double share = 0.35 - 0.285 * p;
    const double remaining = std::max(0.0, teamHoursPerMonth * share - m_monthRework);
    const int entries = std::max(1, reworkTotal / 120 - m_monthReworkEntries);
    // The kinds' shares of the entries; planned rework takes what the others leave.
    const double fireFighting = 0.5 - 0.4 * p, reRelease = 0.12 - 0.06 * p, failedProject = 0.08 - 0.05 * p,
                 other = 0.05;
    for (int n = 0; n < entries; ++n) {
        const QDate day = month.addDays(pick(month.daysInMonth()));
        if (day > m_last)
            continue;
        const auto [streamIndex, step] = troubledStep();
        const StreamPlan& plan = m_streams.at(static_cast<std::size_t>(streamIndex));
        const double hours = std::max(0.25, std::round(remaining / entries * (0.5 + m_random.generateDouble()) * 4) / 4);
        const double drawn = m_random.generateDouble();
        const char* kind = drawn < fireFighting                                   ? "fire-fighting"
                           : drawn < fireFighting + reRelease                     ? "re-release"
                           : drawn < fireFighting + reRelease + failedProject     ? "failed-project"
                           : drawn < fireFighting + reRelease + failedProject + other ? "other"
                                                                                  : "rework";
        const QByteArray id = m_ids.next();
        const QByteArray created = isoUtcText(QDateTime(day, QTime(17, 0), QTimeZone::utc()).toSecsSinceEpoch());
        STABLE_TRY(m_insertRework->text(id)
                       .text(created.left(10))
                       .real(hours)
                       .text(kind)
                       .text(plan.id8)
                       .text(plan.stepIds.at(step))
                       .null()
                       .null()
                       .text(QByteArrayView())
                       .text(created)
                       .run());
        m_json.truncate(0);
        JsonObjectWriter(m_json).real("hours", hours).text("kind", kind).close();
        STABLE_TRY(m_chain->append(created, m_actor, "rework.add", "rework", id, {}, m_json, {}));
    }
    return success();
}

} // namespace stable::demo
