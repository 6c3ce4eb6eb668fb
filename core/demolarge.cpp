// The large demo library: about ten years of a big IT organisation's history, the size the benchmarks
// and the performance targets are measured on. Processes, people and revisions go through the same
// functions people use. The bulk of the history — runs, their frozen items, attestations, incidents,
// rework — is written with prepared statements, one transaction per month, as exactly the records,
// hashes and audit events that starting, signing and closing runs write, so that `verify` passes.
#include "demolarge.h"

#include "demo.h"
#include "demobulk.h"

#include "audit.h"
#include "auditchainwriter.h"
#include "bulkwrite.h"
#include "ids.h"
#include "library.h"
#include "people.h"
#include "revisions.h"
#include "runrecords.h"
#include "sql.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace stable::demo {

namespace {

// Ten routine streams signed daily carry most runs; forty project streams (releases and execution
// plans) carry most checks. Together: 50 streams, 2,000 steps, ~10,000 checks, ~52,500 runs,
// ~1.2 million items and more attestations than that.
constexpr int routineStreams = 10;
constexpr int routineSteps = 4;
constexpr int routineChecksPerStep = 3;
constexpr int routineRunsPerStream = 5000;
constexpr int projectStreams = 40;
constexpr int projectSteps = 49;
constexpr int projectChecksPerStep = 5;
constexpr int projectRunsPerStream = 62;
constexpr int incidentsTotal = 20000;
constexpr int reworkTotal = 200000;
constexpr double teamHoursPerMonth = 8000;

const char* const systems[] = {"Billing API",   "Customer portal", "Payments gateway", "Data warehouse",
                               "Identity service", "Mobile app",   "Order service",    "Search cluster",
                               "Mail relay",    "ERP",             "CRM",              "Kubernetes platform",
                               "Oracle 19c",    "PostgreSQL fleet", "Network core",    "VPN",
                               "Backup vault",  "Monitoring",      "Logging pipeline", "HR system"};
const char* const routines[] = {"Nightly backup verification", "Patch Tuesday",        "Certificate renewal",
                                "User access review",          "Disk capacity review", "Restore test",
                                "Firewall rule review",        "On-call handover",     "Index maintenance",
                                "Log rotation audit"};
const char* const verbs[] = {"Review", "Prepare", "Stage",  "Back up",  "Deploy",   "Verify",
                             "Migrate", "Test",   "Approve", "Announce", "Monitor", "Document"};
const char* const objects[] = {"configuration",  "database schema",  "release notes", "rollback scripts",
                               "load balancer",  "feature flags",    "smoke tests",   "monitoring dashboards",
                               "access rights",  "certificates",     "DNS records",   "caches",
                               "batch jobs",     "API contracts"};
const char* const checkForms[] = {"%1 confirmed by a second engineer", "%1 match the change record",
                                  "No errors in the %1 log",           "%1 restored on a test host",
                                  "%1 signed off by the owner"};
const char* const categories[] = {"configuration", "capacity", "human error", "dependency", "data", "security"};
const char* const reworkKinds[] = {"rework", "fire-fighting", "re-release", "failed-project", "other"};
const char* const people[][3] = {
    {"Ana Ortiz", "AO", "Release manager"}, {"Ben Carter", "BC", "DBA"},         {"Chen Wei", "CW", "SRE"},
    {"Dana Novak", "DN", "Network engineer"}, {"Eli Brooks", "EB", "Developer"}, {"Fatima Khan", "FK", "QA lead"},
    {"Gus Lindqvist", "GL", "SRE"},         {"Hana Sato", "HS", "Security"},     {"Ivan Petrov", "IP", "DBA"},
    {"Jo Mensah", "JM", "Change manager"},  {"Kai Müller", "KM", "Developer"},   {"Lena Rossi", "LR", "Ops"}};

// The texts of the bulk records are UTF-8 from the start: they go to SQLite and into hashes as such.
struct ItemTemplate
{
    QByteArray stepId, stepKey, stepName, checkId, checkKey, statement, stage, ref;
    bool critical = false;
};

struct RevisionInEffect
{
    QDateTime from;
    QByteArray id;
    int number = 0;
    QList<ItemTemplate> items;
};

struct StreamPlan
{
    QString id;
    QString key;
    QString name;
    RunKind kind = RunKind::Routine;
    QByteArray id8, kind8;
    QList<QByteArray> stepIds;
    std::vector<RevisionInEffect> revisions; // in publication order
    int runCount = 0;
    QDateTime secondRevisionAt; // invalid: one revision only
};

struct PlannedRun
{
    QDateTime start;
    int stream = 0;
    int sequence = 0;
};

QString latin(const char* text)
{
    return QString::fromUtf8(text);
}

class LargeHistory
{
public:
    LargeHistory(Library& library, FixedClock& clock, quint32 seed, QDate first, QDate last)
        : m_library(library), m_clock(clock), m_random(seed), m_first(first), m_last(last),
          m_months(std::max(1, (last.year() - first.year()) * 12 + last.month() - first.month() + 1)), m_ids(seed)
    {}

    Status setUp();
    Status play();

private:
    QDateTime at(QDate day, int minutes) const { return QDateTime(day, QTime(0, 0), QTimeZone::utc()).addSecs(minutes * 60LL); }
    double progress(const QDateTime& when) const
    {
        const double span = static_cast<double>(QDateTime(m_first, QTime(0, 0), QTimeZone::utc()).secsTo(
            QDateTime(m_last, QTime(23, 59), QTimeZone::utc())));
        return static_cast<double>(QDateTime(m_first, QTime(0, 0), QTimeZone::utc()).secsTo(when)) / span;
    }
    int pick(int count) { return static_cast<int>(m_random.bounded(static_cast<quint32>(count))); }
    bool chance(double p) { return m_random.generateDouble() < p; }
    int someone() { return pick(static_cast<int>(m_people.size())); }

    ValueStream makeStream(int index);
    Status loadRevisionItems(StreamPlan& plan);
    Status publishDue(const QDateTime& until);
    Status writeMonth(QDate month);
    Status writeRun(const PlannedRun& run, const QDateTime& monthEnd);
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
    std::vector<StreamPlan> m_streams;
    std::vector<PlannedRun> m_runs; // in start order
    SequentialIds m_ids;
    std::size_t m_nextRun = 0;
    int m_incidentNumber = 0;
    QList<QByteArray> m_recentIncidents;
    double m_monthRework = 0; // rework hours logged by failed items this month
    int m_monthReworkEntries = 0;

    std::unique_ptr<AuditChainWriter> m_chain;
    std::unique_ptr<BulkStatement> m_insertRun, m_insertItem, m_insertAttestation, m_insertRework,
        m_insertIncident, m_insertWhy, m_closeRun;
};

ValueStream LargeHistory::makeStream(int index)
{
    ValueStream stream;
    const bool routine = index < routineStreams;
    const int system = index % 20;
    if (routine) {
        stream.name = latin(routines[index]);
    } else {
        const bool release = (index - routineStreams) < 20;
        stream.name = (release ? QStringLiteral("Release: %1") : QStringLiteral("Execution plan: %1 upgrade"))
                          .arg(latin(systems[system]));
    }
    stream.key = makeKey(stream.name, {});
    stream.purpose = QStringLiteral("Generated for the large demo library.");
    stream.owner = latin(people[index % 12][0]);
    const int steps = routine ? routineSteps : projectSteps;
    const int checksPerStep = routine ? routineChecksPerStep : projectChecksPerStep;
    QStringList stepKeys;
    for (int s = 0; s < steps; ++s) {
        Step step;
        const QString object = latin(objects[(s * 5 + index) % 14]);
        step.name = QStringLiteral("%1 %2").arg(latin(verbs[s % 12]), object);
        if (s >= 12)
            step.name += QStringLiteral(" (%1)").arg(s / 12 + 1);
        step.key = makeKey(step.name, stepKeys);
        stepKeys.append(step.key);
        step.ownerRole = latin(people[(s + index) % 12][2]);
        step.plannedHours = 1 + s % 4;
        step.throughput = QStringLiteral("%1 the %2 as the runbook says.").arg(latin(verbs[s % 12]), object);
        step.inputs = {Port{{}, object, QStringLiteral("previous step")}};
        step.outputs = {Port{{}, object + QStringLiteral(" done"), QStringLiteral("next step")}};
        QStringList checkKeys;
        for (int c = 0; c < checksPerStep; ++c) {
            QualityCheck check;
            check.statement = latin(checkForms[c % 5]).arg(object);
            check.statement[0] = check.statement.at(0).toUpper();
            check.key = makeKey(check.statement, checkKeys);
            checkKeys.append(check.key);
            check.stage = c == 0 ? Stage::Entry : c == checksPerStep - 1 ? Stage::Exit : Stage::InProcess;
            check.critical = (s * checksPerStep + c) % 10 == 3;
            check.guardsAgainst = QStringLiteral("%1 left inconsistent").arg(object);
            check.severity = 1 + (s + c) % 10;
            check.occurrence = 1 + (s * 3 + c) % 10;
            check.detection = 1 + (s + c * 7) % 10;
            step.checks.append(check);
        }
        stream.steps.append(step);
    }
    return stream;
}

Status LargeHistory::loadRevisionItems(StreamPlan& plan)
{
    auto revision = loadRevision(m_library, plan.id, 0);
    STABLE_TRY(revision);
    RevisionInEffect effect;
    effect.from = m_clock.now();
    effect.id = revision->id.toUtf8();
    effect.number = revision->number;
    for (const Step& step : revision->snapshot.steps)
        for (const QualityCheck& check : step.checks)
            effect.items.append({step.id.toUtf8(), step.key.toUtf8(), step.name.toUtf8(), check.id.toUtf8(),
                                 check.key.toUtf8(), check.statement.toUtf8(), toText(check.stage).toUtf8(),
                                 (step.key + QLatin1Char('/') + check.key).toUtf8(), check.critical});
    plan.revisions.push_back(std::move(effect));
    return success();
}

Status LargeHistory::setUp()
{
    m_clock.set(at(m_first.addDays(-30), 9 * 60));
    for (const auto& person : people) {
        auto added = addPerson(m_library, NewPerson{latin(person[0]), latin(person[1]), latin(person[2]),
                                                    QLatin1String(demoPin)});
        STABLE_TRY(added);
        m_people.append(added.value());
        m_signerIds.append(added->id.toUtf8());
        m_signerActors.append(personActor(added->id).toUtf8());
    }
    m_actor = m_library.actor().toUtf8();
    m_publisher = Signer::forGeneratedData(m_people.first());
    const int total = routineStreams + projectStreams;
    const qint64 span = QDateTime(m_first, QTime(0, 0), QTimeZone::utc()).secsTo(QDateTime(m_last, QTime(0, 0), QTimeZone::utc()));
    for (int index = 0; index < total; ++index) {
        auto imported = importProcess(m_library, makeStream(index));
        STABLE_TRY(imported);
        StreamPlan plan;
        plan.id = imported->streamId;
        auto draft = loadDraft(m_library, plan.id);
        STABLE_TRY(draft);
        plan.key = draft->key;
        plan.name = draft->name;
        for (const Step& step : draft->steps)
            plan.stepIds.append(step.id.toUtf8());
        const bool routine = index < routineStreams;
        plan.kind = routine ? RunKind::Routine : (index - routineStreams) < 20 ? RunKind::Release : RunKind::Plan;
        plan.id8 = plan.id.toUtf8();
        plan.kind8 = toText(plan.kind).toUtf8();
        // The decade's numbers; a shorter history gets its share, at least one run per stream.
        const qint64 perDecade = routine ? routineRunsPerStream : projectRunsPerStream;
        plan.runCount = static_cast<int>(std::max<qint64>(1, perDecade * m_months / 120));
        STABLE_TRY(publish(m_library, *m_publisher,
                           PublishRequest{plan.id, QStringLiteral("First written down."), {}}));
        STABLE_TRY(loadRevisionItems(plan));
        if (index % 5 != 4) // most streams are improved once, somewhere in the decade
            plan.secondRevisionAt = QDateTime(m_first, QTime(10, 0), QTimeZone::utc())
                                        .addSecs(span / 5 + static_cast<qint64>(pick(1000)) * (span / 2) / 1000);
        m_streams.push_back(std::move(plan));
    }
    // Every run of the decade, spread evenly per stream with a little jitter, then in start order.
    for (int s = 0; s < total; ++s) {
        const StreamPlan& plan = m_streams.at(static_cast<std::size_t>(s));
        for (int i = 0; i < plan.runCount; ++i) {
            const qint64 offset = span * i / plan.runCount + pick(3600 * 6);
            m_runs.push_back({QDateTime(m_first, QTime(6, 0), QTimeZone::utc()).addSecs(offset), s, i + 1});
        }
    }
    std::sort(m_runs.begin(), m_runs.end(), [](const PlannedRun& a, const PlannedRun& b) { return a.start < b.start; });
    return success();
}

// The improvement of a stream: two of its checks sharpened, published as revision 2.
Status LargeHistory::publishDue(const QDateTime& until)
{
    for (StreamPlan& plan : m_streams) {
        if (!plan.secondRevisionAt.isValid() || plan.secondRevisionAt > until || plan.revisions.size() > 1)
            continue;
        m_clock.set(plan.secondRevisionAt);
        auto draft = loadDraft(m_library, plan.id);
        STABLE_TRY(draft);
        for (int s : {0, static_cast<int>(draft->steps.size()) / 2}) {
            QualityCheck check = draft->steps.at(s).checks.first();
            check.statement += QStringLiteral(", with the evidence attached");
            check.detection = std::max(1, check.detection - 3);
            STABLE_TRY(updateCheck(m_library, check));
        }
        STABLE_TRY(publish(m_library, *m_publisher,
                           PublishRequest{plan.id, QStringLiteral("Sharpened the checks that let incidents through."), {}}));
        STABLE_TRY(loadRevisionItems(plan));
    }
    return success();
}

Status LargeHistory::play()
{
    for (QDate month(m_first.year(), m_first.month(), 1); month <= m_last; month = month.addMonths(1)) {
        const QDateTime monthEnd(month.addMonths(1), QTime(0, 0), QTimeZone::utc());
        STABLE_TRY(publishDue(monthEnd));
        STABLE_TRY(writeMonth(month));
    }
    return success();
}

Status LargeHistory::writeMonth(QDate month)
{
    WriteTransaction transaction(m_library, Changes(Change::Runs) | Change::Attestations | Change::Incidents |
                                                Change::Rework | Change::TeamHours);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = transaction.db();
    m_chain = std::make_unique<AuditChainWriter>(db);
    STABLE_TRY(m_chain->resume());
    const auto prepared = [&db](const char* sql) { return std::make_unique<BulkStatement>(db, sql); };
    m_insertRun = prepared("INSERT INTO run (id, stream_id, revision_id, title, kind, planned_start, rollback_point, "
                           "status, started_at, closed_at, lessons) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    m_insertItem = prepared("INSERT INTO run_item (id, run_id, position, step_id, step_key, step_name, check_id, "
                            "check_key, statement, stage, critical) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    m_insertAttestation = prepared("INSERT INTO attestation (id, run_id, item_id, attempt, outcome, signer_id, "
                                   "meaning, signed_at, recorded_at, note, evidence, hash) "
                                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    m_insertRework = prepared("INSERT INTO rework (id, date, hours, kind, stream_id, step_id, incident_id, run_id, "
                              "note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
    m_insertIncident = prepared(
        "INSERT INTO incident (id, number, title, what_happened, stream_id, detected_step_id, injected_step_id, "
        "run_id, severity, category, occurred_at, created_at, recurrence_of_id, root_cause, status, analysed_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    m_insertWhy = prepared("INSERT INTO incident_why (incident_id, position, text) VALUES (?,?,?)");
    m_closeRun = prepared("UPDATE run SET status = ?, closed_at = ?, lessons = ? WHERE id = ?");

    m_monthRework = 0;
    m_monthReworkEntries = 0;
    const QDateTime monthEnd(month.addMonths(1), QTime(0, 0), QTimeZone::utc());
    while (m_nextRun < m_runs.size() && m_runs.at(m_nextRun).start < monthEnd) {
        const PlannedRun& run = m_runs.at(m_nextRun++);
        if (run.start.date() > m_last)
            continue;
        STABLE_TRY(writeRun(run, monthEnd));
    }
    STABLE_TRY(writeIncidents(month, incidentsTotal / 120));
    STABLE_TRY(writeRework(month));

    const QString monthText = month.toString(QStringLiteral("yyyy-MM"));
    const double hours = teamHoursPerMonth + pick(400);
    STABLE_TRY(execSql(db, QStringLiteral("INSERT INTO team_hours (month, hours) VALUES (?, ?)"), {monthText, hours}));
    STABLE_TRY(m_chain->append(isoUtc(monthEnd.addSecs(-3600)), m_library.actor(), QStringLiteral("team_hours.set"),
                               QStringLiteral("team_hours"), monthText, {},
                               QJsonObject{{QStringLiteral("month"), monthText}, {QStringLiteral("hours"), hours}}, {}));
    m_insertRun.reset();
    m_insertItem.reset();
    m_insertAttestation.reset();
    m_insertRework.reset();
    m_insertIncident.reset();
    m_insertWhy.reset();
    m_closeRun.reset();
    m_chain.reset();
    return transaction.commit();
}

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

Status LargeHistory::writeRun(const PlannedRun& planned, const QDateTime& monthEnd)
{
    static const QByteArray open = toText(RunStatus::Open).toUtf8(), pass = toText(Outcome::Pass).toUtf8(),
                            fail = toText(Outcome::Fail).toUtf8(), performed = toText(Meaning::Performed).toUtf8(),
                            verified = toText(Meaning::Verified).toUtf8(), failNote("Did not hold; reworked.");
    const StreamPlan& plan = m_streams.at(static_cast<std::size_t>(planned.stream));
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
    m_json.clear();
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
    const double failRate = (plan.kind == RunKind::Routine ? 0.04 : 0.06) * (1.0 - 0.75 * progress(planned.start));
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
        m_hashed.clear();
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
        m_json.clear();
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
        if (chance(failRate)) {
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
            m_json.clear();
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
    if (underWay && signedItems < itemCount)
        return success();
    const QByteArray before = run.json();
    run.status = toText(rolledBack ? RunStatus::RolledBack : RunStatus::Completed).toUtf8();
    run.closedAt = isoUtcText(std::min(now + 600, monthEnd.toSecsSinceEpoch() - 1));
    if (rolledBack)
        run.lessons = "Rolled back before the rollback point; see the incident.";
    STABLE_TRY(m_closeRun->text(run.status).text(run.closedAt).text(run.lessons).text(run.id).run());
    return m_chain->append(run.closedAt, m_actor, "run.close", "run", run.id, before, run.json(), run.lessons);
}

Status LargeHistory::writeIncidents(QDate month, int count)
{
    static const QByteArray whys[] = {"The change went out unchecked.", "The check list did not ask for it.",
                                      "Nobody had written the step down."};
    const bool recent = month.addMonths(2) > m_last;
    for (int n = 0; n < count; ++n) {
        // Project streams inject most defects; shift-left improves over the decade.
        const int streamIndex = chance(0.8) ? routineStreams + pick(projectStreams) : pick(routineStreams);
        const StreamPlan& plan = m_streams.at(static_cast<std::size_t>(streamIndex));
        const QDateTime occurred = at(month.addDays(pick(month.daysInMonth())), pick(24 * 60));
        if (occurred.date() > m_last)
            continue;
        const int injected = pick(static_cast<int>(plan.stepIds.size()));
        const bool sameStep = chance(0.2 + 0.5 * progress(occurred));
        const int detected = sameStep ? injected
                                      : injected + pick(static_cast<int>(plan.stepIds.size()) - injected);
        const QByteArray id = m_ids.next();
        const int number = ++m_incidentNumber;
        const char* category = categories[pick(6)];
        const QByteArray title = QStringLiteral("%1 problem in %2").arg(latin(category), plan.name).toUtf8();
        const bool analysed = !recent || chance(0.5);
        const QByteArray recurrenceOf = !m_recentIncidents.isEmpty() && chance(0.02)
                                            ? m_recentIncidents.at(pick(static_cast<int>(m_recentIncidents.size())))
                                            : QByteArray();
        const QByteArray created = isoUtcText(occurred.toSecsSinceEpoch() + 3600);
        const QByteArray rootCause =
            analysed ? QByteArray("The ") + category + " check did not cover this case." : QByteArray();
        BulkStatement& insert = m_insertIncident->text(id)
                                    .integer(number)
                                    .text(title)
                                    .text("Found by the on-call engineer.")
                                    .text(plan.id8)
                                    .text(plan.stepIds.at(detected))
                                    .text(plan.stepIds.at(injected))
                                    .null()
                                    .integer(1 + pick(10))
                                    .text(category)
                                    .text(isoUtcText(occurred.toSecsSinceEpoch()))
                                    .text(created)
                                    .textOrNull(recurrenceOf)
                                    .text(rootCause)
                                    .text(analysed ? "analysed" : "open");
        STABLE_TRY((analysed ? insert.text(created) : insert.null()).run());
        m_json.clear();
        JsonObjectWriter(m_json).text("id", id).integer("number", number).text("title", title).close();
        STABLE_TRY(m_chain->append(created, m_actor, "incident.add", "incident", id, {}, m_json, {}));
        if (analysed) {
            for (int w = 0; w < 3; ++w)
                STABLE_TRY(m_insertWhy->text(id).integer(w).text(whys[w]).run());
            m_json.clear();
            JsonObjectWriter(m_json).text("root_cause", rootCause).close();
            STABLE_TRY(m_chain->append(created, m_actor, "incident.analyse", "incident", id, {}, m_json, {}));
        }
        m_recentIncidents.append(id);
        if (m_recentIncidents.size() > 500)
            m_recentIncidents.removeFirst();
    }
    return success();
}

// The rest of the hidden factory: about a third of the team's hours at first, under a tenth at the end.
Status LargeHistory::writeRework(QDate month)
{
    const QDateTime middle(month.addDays(14), QTime(12, 0), QTimeZone::utc());
    const double share = 0.35 - 0.27 * progress(middle);
    const double remaining = std::max(0.0, teamHoursPerMonth * share - m_monthRework);
    const int entries = std::max(1, reworkTotal / 120 - m_monthReworkEntries);
    for (int n = 0; n < entries; ++n) {
        const QDate day = month.addDays(pick(month.daysInMonth()));
        if (day > m_last)
            continue;
        const StreamPlan& plan = m_streams.at(static_cast<std::size_t>(pick(static_cast<int>(m_streams.size()))));
        const double hours = std::max(0.25, std::round(remaining / entries * (0.5 + m_random.generateDouble()) * 4) / 4);
        const char* kind = reworkKinds[pick(5)];
        const QByteArray id = m_ids.next();
        const QByteArray created = isoUtcText(QDateTime(day, QTime(17, 0), QTimeZone::utc()).toSecsSinceEpoch());
        STABLE_TRY(m_insertRework->text(id)
                       .text(created.left(10))
                       .real(hours)
                       .text(kind)
                       .text(plan.id8)
                       .text(plan.stepIds.at(pick(static_cast<int>(plan.stepIds.size()))))
                       .null()
                       .null()
                       .text(QByteArrayView())
                       .text(created)
                       .run());
        m_json.clear();
        JsonObjectWriter(m_json).real("hours", hours).text("kind", kind).close();
        STABLE_TRY(m_chain->append(created, m_actor, "rework.add", "rework", id, {}, m_json, {}));
    }
    return success();
}

} // namespace

Status generateLargeDemo(Library& library, FixedClock& clock, quint32 seed, QDate first, QDate last)
{
    BulkLoad bulk(library, {QStringLiteral("run"), QStringLiteral("run_item"), QStringLiteral("attestation"),
                            QStringLiteral("rework"), QStringLiteral("incident"), QStringLiteral("incident_why"),
                            QStringLiteral("audit_event")});
    STABLE_TRY(bulk.begin());
    LargeHistory history(library, clock, seed, first, last);
    STABLE_TRY(history.setUp());
    STABLE_TRY(history.play());
    return bulk.finish();
}

} // namespace stable::demo
