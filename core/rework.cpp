// The hidden factory log (rework hours), the team hours it is measured against, and library settings.
#include "rework.h"

#include "audit.h"
#include "ids.h"
#include "incidents.h"
#include "library.h"
#include "process.h"
#include "sql.h"

#include <QJsonObject>
#include <array>
#include <cmath>
#include <limits>

namespace stable {

namespace {

QJsonObject reworkJson(const ReworkEntry& entry)
{
    return QJsonObject{{QStringLiteral("id"), entry.id},
                       {QStringLiteral("date"), entry.date.toString(Qt::ISODate)},
                       {QStringLiteral("hours"), entry.hours},
                       {QStringLiteral("kind"), toText(entry.kind)},
                       {QStringLiteral("stream_id"), entry.streamId},
                       {QStringLiteral("step_id"), entry.stepId},
                       {QStringLiteral("incident_id"), entry.incidentId},
                       {QStringLiteral("run_id"), entry.runId},
                       {QStringLiteral("note"), entry.note},
                       {QStringLiteral("created_at"), entry.createdAt}};
}

// The stream a run or an incident belongs to, with the stream's key for messages.
struct Owner
{
    QString streamId;
    QString streamKey;
    QString label; // how the thing is named in a message
};

Result<Owner> runOwner(Library& library, const QString& runId)
{
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT r.stream_id, s.key, r.title FROM run r JOIN stream s ON s.id = r.stream_id "
                       "WHERE r.id = ?"),
        {runId.trimmed().toLower()});
    if (!query.ok())
        return query.error();
    auto found = queryRow(query.value());
    if (!found.ok())
        return found.error();
    if (!found.value())
        return notFound(QStringLiteral("No run with id ‘%1’.").arg(runId.trimmed()));
    return Owner{query->value(0).toString(), query->value(1).toString(),
                 QStringLiteral("Run ‘%1’").arg(query->value(2).toString())};
}

Result<Owner> incidentOwner(Library& library, const QString& incidentId)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT i.stream_id, s.key, i.number FROM incident i "
                                        "JOIN stream s ON s.id = i.stream_id WHERE i.id = ?"),
                         {incidentId});
    if (!query.ok())
        return query.error();
    auto found = queryRow(query.value());
    if (!found.ok())
        return found.error();
    if (!found.value())
        return notFound(QStringLiteral("No incident ‘%1’.").arg(incidentId));
    return Owner{query->value(0).toString(), query->value(1).toString(),
                 incidentKey(query->value(2).toInt())};
}

struct SettingRule
{
    const char* name;
    const char* defaultValue;
    double minimum;
    double maximum;
    bool whole;
    const char* expectation; // completes "<name> must be …"
};

constexpr std::array<SettingRule, 5> settingRules{{
    {"hourly-rate", "0", 0, std::numeric_limits<double>::infinity(), false, "a number ≥ 0"},
    {"fpy-alert-threshold", "0.9", 0, 1, false, "a number from 0 to 1"},
    {"verify-after-runs", "3", 1, 1000000, true, "a whole number ≥ 1"},
    {"unanalysed-alert-days", "14", 1, 1000000, true, "a whole number ≥ 1"},
    {"stale-draft-days", "30", 1, 1000000, true, "a whole number ≥ 1"},
}};

const SettingRule* ruleFor(const QString& name)
{
    for (const SettingRule& rule : settingRules)
        if (name == QLatin1String(rule.name))
            return &rule;
    return nullptr;
}

Error unknownSetting(const QString& name)
{
    return invalid(QStringLiteral("There is no setting ‘%1’; known settings: %2.")
                       .arg(name, settingNames().join(QStringLiteral(", "))));
}

} // namespace

Result<ReworkEntry> addRework(Library& library, const NewRework& request)
{
    ReworkEntry entry;
    if (!request.date.isValid())
        return invalid(QStringLiteral("Rework needs the date it was done (YYYY-MM-DD)."));
    const QDate today = library.clock().now().toUTC().date();
    if (request.date > today)
        return invalid(QStringLiteral("Rework cannot be logged for a future date (%1; today is %2).")
                           .arg(request.date.toString(Qt::ISODate), today.toString(Qt::ISODate)));
    if (!std::isfinite(request.hours) || request.hours <= 0 || request.hours > 24)
        return invalid(QStringLiteral("Rework hours must be more than 0 and at most 24 per entry (got %1).")
                           .arg(request.hours));
    entry.date = request.date;
    entry.hours = request.hours;
    entry.kind = request.kind;
    entry.note = request.note.trimmed();

    QString streamKey;
    if (!request.stream.trimmed().isEmpty()) {
        auto streamId = resolveStream(library, request.stream.trimmed());
        if (!streamId.ok())
            return streamId.error();
        entry.streamId = streamId.value();
        streamKey = request.stream.trimmed();
    }
    if (!request.step.trimmed().isEmpty()) {
        if (entry.streamId.isEmpty())
            return invalid(QStringLiteral("Rework at step ‘%1’ needs its value stream too.")
                               .arg(request.step.trimmed()));
        auto stepId = resolveStep(library, request.stream.trimmed(), request.step.trimmed());
        if (!stepId.ok())
            return stepId.error();
        entry.stepId = stepId.value();
    }
    // The run and incident must belong to the stream named; without one, theirs is taken, so that the
    // hours show up in that stream's measures.
    auto adopt = [&entry, &streamKey](const Owner& owner) -> Status {
        if (entry.streamId.isEmpty()) {
            entry.streamId = owner.streamId;
            streamKey = owner.streamKey;
            return success();
        }
        if (owner.streamId != entry.streamId)
            return invalid(QStringLiteral("%1 belongs to ‘%2’, not to ‘%3’.")
                               .arg(owner.label, owner.streamKey, streamKey));
        return success();
    };
    if (!request.incident.trimmed().isEmpty()) {
        auto incidentId = resolveIncident(library, request.incident);
        if (!incidentId.ok())
            return incidentId.error();
        auto owner = incidentOwner(library, incidentId.value());
        if (!owner.ok())
            return owner.error();
        STABLE_TRY(adopt(owner.value()));
        entry.incidentId = incidentId.value();
    }
    if (!request.run.trimmed().isEmpty()) {
        auto owner = runOwner(library, request.run);
        if (!owner.ok())
            return owner.error();
        STABLE_TRY(adopt(owner.value()));
        entry.runId = request.run.trimmed().toLower();
    }

    entry.id = newId();
    entry.createdAt = isoUtc(library.clock().now());
    WriteTransaction transaction(library, Change::Rework);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(execSql(
        transaction.db(),
        QStringLiteral("INSERT INTO rework (id, date, hours, kind, stream_id, step_id, incident_id, run_id, "
                       "note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)"),
        {entry.id, entry.date.toString(Qt::ISODate), entry.hours, toText(entry.kind),
         nullIfEmpty(entry.streamId), nullIfEmpty(entry.stepId), nullIfEmpty(entry.incidentId),
         nullIfEmpty(entry.runId), entry.note, entry.createdAt}));
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("rework.add"),
                                                   QStringLiteral("rework"),
                                                   entry.id,
                                                   {},
                                                   reworkJson(entry),
                                                   {},
                                                   {}}));
    STABLE_TRY(transaction.commit());
    return entry;
}

Status setTeamHours(Library& library, const QString& month, double hours)
{
    const QString wanted = month.trimmed();
    if (!isIsoMonth(wanted))
        return invalid(QStringLiteral("A month is written YYYY-MM (got ‘%1’).").arg(month));
    if (!std::isfinite(hours) || hours <= 0)
        return invalid(
            QStringLiteral("Team hours of %1 must be more than 0 (got %2).").arg(wanted).arg(hours));

    auto existing =
        execSql(library.db(), QStringLiteral("SELECT hours FROM team_hours WHERE month = ?"), {wanted});
    if (!existing.ok())
        return existing.error();
    auto found = queryRow(existing.value());
    if (!found.ok())
        return found.error();
    QJsonObject before;
    if (found.value()) {
        const double old = existing->value(0).toDouble();
        if (old == hours)
            return success(); // nothing changes, so nothing is recorded
        before = QJsonObject{{QStringLiteral("month"), wanted}, {QStringLiteral("hours"), old}};
    }
    existing->finish();
    const QJsonObject after{{QStringLiteral("month"), wanted}, {QStringLiteral("hours"), hours}};

    WriteTransaction transaction(library, Change::TeamHours);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("INSERT INTO team_hours (month, hours) VALUES (?, ?) "
                                      "ON CONFLICT (month) DO UPDATE SET hours = excluded.hours"),
                       {wanted, hours}));
    STABLE_TRY(appendAudit(
        transaction,
        AuditEntry{
            QStringLiteral("team_hours.set"), QStringLiteral("team_hours"), wanted, before, after, {}, {}}));
    STABLE_TRY(transaction.commit());
    return success();
}

QStringList settingNames()
{
    QStringList names;
    for (const SettingRule& rule : settingRules)
        names << QString::fromLatin1(rule.name);
    return names;
}

QString settingDefault(const QString& name)
{
    const SettingRule* rule = ruleFor(name);
    return rule ? QString::fromLatin1(rule->defaultValue) : QString();
}

Status setSetting(Library& library, const QString& name, const QString& value)
{
    const SettingRule* rule = ruleFor(name.trimmed());
    if (!rule)
        return unknownSetting(name.trimmed());
    const QString key = name.trimmed();
    const QString text = value.trimmed();
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    const bool fits = isNumber && std::isfinite(number) && number >= rule->minimum &&
                      number <= rule->maximum && (!rule->whole || std::floor(number) == number);
    if (!fits)
        return invalid(QStringLiteral("%1 must be %2 (got ‘%3’).")
                           .arg(key, QString::fromUtf8(rule->expectation), value));

    auto stored = execSql(library.db(), QStringLiteral("SELECT value FROM setting WHERE key = ?"), {key});
    if (!stored.ok())
        return stored.error();
    auto found = queryRow(stored.value());
    if (!found.ok())
        return found.error();
    QJsonObject before;
    if (found.value()) {
        const QString old = stored->value(0).toString();
        if (old == text)
            return success(); // nothing changes, so nothing is recorded
        before = QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), old}};
    }
    stored->finish();
    const QJsonObject after{{QStringLiteral("key"), key}, {QStringLiteral("value"), text}};

    WriteTransaction transaction(library, Change::Settings);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("INSERT INTO setting (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                       {key, text}));
    STABLE_TRY(appendAudit(
        transaction,
        AuditEntry{QStringLiteral("setting.set"), QStringLiteral("setting"), key, before, after, {}, {}}));
    STABLE_TRY(transaction.commit());
    return success();
}

Result<QString> setting(Library& library, const QString& name)
{
    const SettingRule* rule = ruleFor(name);
    if (!rule)
        return unknownSetting(name);
    auto query = execSql(library.db(), QStringLiteral("SELECT value FROM setting WHERE key = ?"), {name});
    if (!query.ok())
        return query.error();
    auto found = queryRow(query.value());
    if (!found.ok())
        return found.error();
    if (!found.value())
        return QString::fromLatin1(rule->defaultValue);
    return query->value(0).toString();
}

Result<double> numericSetting(Library& library, const QString& name)
{
    auto text = setting(library, name);
    if (!text.ok())
        return text.error();
    bool isNumber = false;
    const double number = text->toDouble(&isNumber);
    if (isNumber && std::isfinite(number))
        return number;
    // A value written behind the product's back falls back to the default rather than breaking the console.
    return settingDefault(name).toDouble();
}

} // namespace stable
