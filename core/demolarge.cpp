// The large demo library: about ten years of a big IT organisation's history, the size the benchmarks
// and the performance targets are measured on, telling the product's story as the small demo does: a
// few steps cause most of the trouble; their incidents are analysed, answered by revisions that add a
// check, and verified by the runs that follow; first-pass yield rises where checks were added, and the
// hidden factory shrinks from about a third of the team's hours to under a tenth. Processes, people,
// improvements and revisions go through the same functions people use. The bulk of the history — runs,
// their frozen items, attestations, incidents, rework — is written with prepared statements, one
// transaction per month (demolargerecords.cpp), as exactly the records, hashes and audit events that
// starting, signing and closing runs write, so that `verify` passes.
#include "demolarge.h"
#include "demolargehistory.h"

#include "demo.h"
#include "demobulk.h"

#include "audit.h"
#include "incidents.h"
#include "library.h"
#include "process.h"
#include "revisions.h"
#include "rework.h"
#include "sql.h"

#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace stable::demo {

namespace {

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
const char* const people[][3] = {
    {"Ana Ortiz", "AO", "Release manager"}, {"Ben Carter", "BC", "DBA"},         {"Chen Wei", "CW", "SRE"},
    {"Dana Novak", "DN", "Network engineer"}, {"Eli Brooks", "EB", "Developer"}, {"Fatima Khan", "FK", "QA lead"},
    {"Gus Lindqvist", "GL", "SRE"},         {"Hana Sato", "HS", "Security"},     {"Ivan Petrov", "IP", "DBA"},
    {"Jo Mensah", "JM", "Change manager"},  {"Kai Müller", "KM", "Developer"},   {"Lena Rossi", "LR", "Ops"}};

// A step improved after its incidents fails this much less often.
constexpr double improvedFailFactor = 0.3;

QString latin(const char* text)
{
    return QString::fromUtf8(text);
}

ValueStream makeStream(int index)
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

} // namespace

LargeHistory::LargeHistory(Library& library, FixedClock& clock, quint32 seed, QDate first, QDate last)
    : m_library(library), m_clock(clock), m_random(seed), m_first(first), m_last(last),
      m_months(std::max(1, (last.year() - first.year()) * 12 + last.month() - first.month() + 1)), m_ids(seed)
{}

LargeHistory::~LargeHistory() = default;

QDateTime LargeHistory::at(QDate day, int minutes) const
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).addSecs(minutes * 60LL);
}

QDateTime LargeHistory::startOfHistory() const
{
    return QDateTime(m_first, QTime(0, 0), QTimeZone::utc());
}

double LargeHistory::progress(const QDateTime& when) const
{
    const double span =
        static_cast<double>(startOfHistory().secsTo(QDateTime(m_last, QTime(23, 59), QTimeZone::utc())));
    return std::clamp(static_cast<double>(startOfHistory().secsTo(when)) / span, 0.0, 1.0);
}

// Pareto: the steps ranked by how much trouble they cause, the r-th weighing 1/r (Zipf), so that a
// fifth of the steps carries about four fifths of the rework and the incidents.
void LargeHistory::rankSteps()
{
    for (int s = 0; s < static_cast<int>(m_streams.size()); ++s)
        for (int k = 0; k < static_cast<int>(m_streams.at(static_cast<std::size_t>(s)).stepIds.size()); ++k)
            m_rankedSteps.emplace_back(s, k);
    for (int i = static_cast<int>(m_rankedSteps.size()) - 1; i > 0; --i)
        std::swap(m_rankedSteps.at(static_cast<std::size_t>(i)), m_rankedSteps.at(static_cast<std::size_t>(pick(i + 1))));
    const double steps = static_cast<double>(m_rankedSteps.size());
    double total = 0;
    for (std::size_t r = 0; r < m_rankedSteps.size(); ++r)
        total += 1.0 / static_cast<double>(r + 1);
    double cumulative = 0;
    for (std::size_t r = 0; r < m_rankedSteps.size(); ++r) {
        const double share = 1.0 / static_cast<double>(r + 1) / total;
        cumulative += share;
        m_rankWeight.push_back(cumulative);
        // Failing checks follow the same few steps, less steeply: about 1 on average.
        const auto [stream, step] = m_rankedSteps.at(r);
        m_streams.at(static_cast<std::size_t>(stream)).failFactor.at(static_cast<std::size_t>(step)) =
            std::min(6.0, 0.3 + 0.7 * steps * share);
    }
}

int LargeHistory::improvementDays(int least, int spread)
{
    const int days = least + pick(spread);
    return m_months >= 24 ? days : std::max(1, days * m_months / 24);
}

std::pair<int, int> LargeHistory::troubledStep()
{
    const double drawn = m_random.generateDouble() * m_rankWeight.back();
    const auto found = std::upper_bound(m_rankWeight.begin(), m_rankWeight.end(), drawn);
    const auto rank = std::min<std::size_t>(static_cast<std::size_t>(found - m_rankWeight.begin()), m_rankedSteps.size() - 1);
    return m_rankedSteps.at(rank);
}

void LargeHistory::loadRevisionItems(StreamPlan& plan, const Revision& revision)
{
    RevisionInEffect effect;
    effect.from = m_clock.now();
    effect.id = revision.id.toUtf8();
    effect.number = revision.number;
    for (const Step& step : revision.snapshot.steps) {
        const int index = static_cast<int>(plan.stepIds.indexOf(step.id.toUtf8()));
        for (const QualityCheck& check : step.checks)
            effect.items.append({step.id.toUtf8(), step.key.toUtf8(), step.name.toUtf8(), check.id.toUtf8(),
                                 check.key.toUtf8(), check.statement.toUtf8(), toText(check.stage).toUtf8(),
                                 (step.key + QLatin1Char('/') + check.key).toUtf8(), check.critical,
                                 std::max(0, index)});
    }
    plan.revisions.push_back(std::move(effect));
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
    // What an hour of the hidden factory costs, so that the cost of poor quality is not zero.
    STABLE_TRY(setSetting(m_library, QStringLiteral("hourly-rate"), QStringLiteral("95")));
    auto runsToVerify = numericSetting(m_library, QStringLiteral("verify-after-runs"));
    STABLE_TRY(runsToVerify);
    m_runsToVerify = std::max(1, static_cast<int>(runsToVerify.value()));

    const int total = routineStreams + projectStreams;
    const qint64 span = startOfHistory().secsTo(QDateTime(m_last, QTime(0, 0), QTimeZone::utc()));
    for (int index = 0; index < total; ++index) {
        auto imported = importProcess(m_library, makeStream(index));
        STABLE_TRY(imported);
        StreamPlan plan;
        plan.id = imported->streamId;
        auto draft = loadDraft(m_library, plan.id);
        STABLE_TRY(draft);
        plan.key = draft->key;
        plan.name = draft->name;
        for (const Step& step : draft->steps) {
            plan.stepIds.append(step.id.toUtf8());
            plan.stepKeys.append(step.key.toUtf8());
        }
        plan.failFactor.assign(static_cast<std::size_t>(plan.stepIds.size()), 1.0);
        plan.replaced.assign(static_cast<std::size_t>(plan.stepIds.size()), 0);
        const bool routine = index < routineStreams;
        plan.kind = routine ? RunKind::Routine : (index - routineStreams) < 20 ? RunKind::Release : RunKind::Plan;
        plan.id8 = plan.id.toUtf8();
        plan.kind8 = toText(plan.kind).toUtf8();
        // The decade's numbers; a shorter history gets its share, at least one run per stream.
        const qint64 perDecade = routine ? routineRunsPerStream : projectRunsPerStream;
        plan.runCount = static_cast<int>(std::max<qint64>(1, perDecade * m_months / 120));
        auto published = publish(m_library, *m_publisher, PublishRequest{plan.id, QStringLiteral("First written down."), {}});
        STABLE_TRY(published);
        loadRevisionItems(plan, published.value());
        // Each stream answers its incidents about once a year, the first time within its first year or so
        // (sooner in a history of less than two years, so that it still tells the whole story).
        plan.nextImprovement = QDateTime(m_first, QTime(10, 0), QTimeZone::utc()).addDays(improvementDays(150, 240));
        m_streams.push_back(std::move(plan));
    }
    rankSteps();
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

Status LargeHistory::improveDue(const QDateTime& until)
{
    for (StreamPlan& plan : m_streams) {
        if (plan.nextImprovement > until)
            continue;
        m_clock.set(plan.nextImprovement);
        STABLE_TRY(improve(plan));
        // A long release checklist changes less often than a short routine one.
        plan.nextImprovement = plan.nextImprovement.addDays(plan.kind == RunKind::Routine ? improvementDays(300, 130)
                                                                                        : improvementDays(420, 180));
    }
    return success();
}

// As a team does it: the step behind most of the stream's analysed incidents gets a check born from
// the first of them in place of one of its first checks, and the revision that publishes it answers most of the incidents analysed since
// the last one (a few are judged not worth a change and stay analysed).
Status LargeHistory::improve(StreamPlan& plan)
{
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    std::vector<int> candidates;
    std::vector<int> later;
    for (const int incident : plan.unanswered)
        (m_incidents.at(static_cast<std::size_t>(incident)).created < now ? candidates : later).push_back(incident);
    if (candidates.empty())
        return success();
    plan.unanswered = later;
    std::vector<int> perStep(static_cast<std::size_t>(plan.stepIds.size()), 0);
    for (const int incident : candidates)
        ++perStep.at(static_cast<std::size_t>(m_incidents.at(static_cast<std::size_t>(incident)).injected));
    const int step = static_cast<int>(std::max_element(perStep.begin(), perStep.end()) - perStep.begin());
    const IncidentRecord& origin = m_incidents.at(static_cast<std::size_t>(
        *std::find_if(candidates.begin(), candidates.end(), [&](int incident) {
            return m_incidents.at(static_cast<std::size_t>(incident)).injected == step;
        })));
    const QString originKey = incidentKey(origin.number);
    auto check = improveProcess(
        m_library, Improvement{QString::fromUtf8(origin.id),
                               QStringLiteral("The %1 case of %2 ruled out, with the evidence attached")
                                   .arg(QString::fromUtf8(origin.category), originKey),
                               Stage::Exit, false, {}});
    STABLE_TRY(check);
    // The new check takes the place of one the step was written down with, which let the incidents
    // through: checklists get sharper, not longer.
    int& replaced = plan.replaced.at(static_cast<std::size_t>(step));
    int original = 0;
    for (const ItemTemplate& item : plan.revisions.front().items)
        if (item.step == step && original++ == replaced) {
            STABLE_TRY(removeCheck(m_library, QString::fromUtf8(item.checkId)));
            ++replaced;
            break;
        }

    QStringList answers;
    std::vector<int> answered;
    for (const int incident : candidates) {
        const IncidentRecord& record = m_incidents.at(static_cast<std::size_t>(incident));
        if (record.id != origin.id && !chance(0.9))
            continue;
        answers.append(QString::fromUtf8(record.id));
        answered.push_back(incident);
    }
    auto published = publish(
        m_library, *m_publisher,
        PublishRequest{plan.id,
                       QStringLiteral("A check at ‘%1’ born from %2; answers %3 incidents.")
                           .arg(QString::fromUtf8(plan.stepKeys.at(step)), originKey)
                           .arg(answers.size()),
                       answers});
    STABLE_TRY(published);
    loadRevisionItems(plan, published.value());
    plan.failFactor.at(static_cast<std::size_t>(step)) *= improvedFailFactor;
    const QByteArray checkId = check->id.toUtf8();
    for (const int incident : answered) {
        IncidentRecord& record = m_incidents.at(static_cast<std::size_t>(incident));
        record.prevented = now;
        plan.answered.push_back(incident);
        plan.pending.push_back({incident, record.id == origin.id ? checkId : QByteArray(), now, 0});
    }
    return success();
}

Status LargeHistory::play()
{
    for (QDate month(m_first.year(), m_first.month(), 1); month <= m_last; month = month.addMonths(1)) {
        const QDateTime monthEnd(month.addMonths(1), QTime(0, 0), QTimeZone::utc());
        STABLE_TRY(improveDue(monthEnd));
        STABLE_TRY(writeMonth(month));
    }
    return success();
}

Status LargeHistory::prepareStatements(const QSqlDatabase& db)
{
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
    m_verifyIncident = prepared("UPDATE incident SET status = 'verified', verified_at = ? WHERE id = ?");
    m_insertRunStep = prepared("INSERT INTO derived_run_step (run_id, step_id, failed) VALUES (?,?,?)");
    return success();
}

Status LargeHistory::writeMonth(QDate month)
{
    WriteTransaction transaction(m_library, Changes(Change::Runs) | Change::Attestations | Change::Incidents |
                                                Change::Rework | Change::TeamHours);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = transaction.db();
    STABLE_TRY(prepareStatements(db));

    m_monthRework = 0;
    m_monthReworkEntries = 0;
    const QDateTime monthEnd(month.addMonths(1), QTime(0, 0), QTimeZone::utc());
    while (m_nextRun < m_runs.size() && m_runs.at(m_nextRun).start < monthEnd) {
        const PlannedRun& run = m_runs.at(m_nextRun++);
        if (run.start.date() > m_last)
            continue;
        STABLE_TRY(writeRun(run, monthEnd));
    }
    // Fewer incidents as the checks take hold: about 1.6 times the decade's average at first, 0.4 at the end.
    const double perMonth = incidentsTotal / 120.0 * (1.6 - 1.2 * progress(QDateTime(month, QTime(0, 0), QTimeZone::utc())));
    STABLE_TRY(writeIncidents(month, static_cast<int>(std::lround(perMonth))));
    STABLE_TRY(writeRework(month));

    const QString monthText = month.toString(QStringLiteral("yyyy-MM"));
    const double hours = teamHoursPerMonth + pick(400);
    STABLE_TRY(execSql(db, QStringLiteral("INSERT INTO team_hours (month, hours) VALUES (?, ?)"), {monthText, hours}));
    STABLE_TRY(m_chain->append(isoUtc(monthEnd.addSecs(-3600)), m_library.actor(), QStringLiteral("team_hours.set"),
                               QStringLiteral("team_hours"), monthText, {},
                               QJsonObject{{QStringLiteral("month"), monthText}, {QStringLiteral("hours"), hours}}, {}));
    for (auto* statement : {&m_insertRun, &m_insertItem, &m_insertAttestation, &m_insertRework, &m_insertIncident,
                            &m_insertWhy, &m_closeRun, &m_verifyIncident, &m_insertRunStep})
        statement->reset();
    m_chain.reset();
    return transaction.commit();
}

Status generateLargeDemo(Library& library, FixedClock& clock, quint32 seed, QDate first, QDate last)
{
    // derived_run_step is written run by run: filling it afterwards joins every item with its fails.
    BulkLoad bulk(library,
                  {QStringLiteral("run"), QStringLiteral("run_item"), QStringLiteral("attestation"),
                   QStringLiteral("rework"), QStringLiteral("incident"), QStringLiteral("incident_why"),
                   QStringLiteral("audit_event")},
                  {QStringLiteral("derived_run_step")});
    STABLE_TRY(bulk.begin());
    LargeHistory history(library, clock, seed, first, last);
    STABLE_TRY(history.setUp());
    STABLE_TRY(history.play());
    return bulk.finish();
}

} // namespace stable::demo
