// The hidden factory log (rework hours), the team hours it is measured against, and library settings.
#include "rework.h"

#include "audit.h"
#include "fieldbounds.h"
#include "ids.h"
#include "incidents.h"
#include "library.h"
#include "process.h"
#include "runs.h"
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

// A value kept under one key column: a month's team hours, a setting.
struct KeyedValue
{
    QString table; // also the audited entity: "<table>.set"
    QString keyColumn;
    QString valueColumn;
};

// Writes `value` under `key`, audited with the value it replaces; when nothing changes, nothing is
// written or recorded.
Status writeKeyedValue(Library& library, Changes change, const KeyedValue& place, const QString& key,
                       const QVariant& value)
{
    auto stored = execSql(
        library.db(),
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(place.valueColumn, place.table, place.keyColumn),
        {key});
    if (!stored.ok())
        return stored.error();
    auto found = queryRow(stored.value());
    if (!found.ok())
        return found.error();
    QJsonObject before;
    if (found.value()) {
        QVariant old = stored->value(0);
        old.convert(value.metaType());
        if (old == value)
            return success();
        before = QJsonObject{{place.keyColumn, key}, {place.valueColumn, QJsonValue::fromVariant(old)}};
    }
    stored->finish();
    const QJsonObject after{{place.keyColumn, key}, {place.valueColumn, QJsonValue::fromVariant(value)}};

    WriteTransaction transaction(library, change);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (?, ?) "
                                      "ON CONFLICT (%2) DO UPDATE SET %3 = excluded.%3")
                           .arg(place.table, place.keyColumn, place.valueColumn),
                       {key, value}));
    STABLE_TRY(appendAudit(
        transaction,
        AuditEntry{place.table + QStringLiteral(".set"), place.table, key, before, after, {}, {}}));
    STABLE_TRY(transaction.commit());
    return success();
}

struct SettingRule
{
    const char* name;
    const char* defaultValue;
    double minimum;
    double maximum;
    bool whole;
    const char* expectation; // completes "<name> must be …"
    bool currencyCode = false; // text, not a number: empty or three capital letters A–Z
};

constexpr std::array<SettingRule, 6> settingRules{{
    {"hourly-rate", "0", 0, bounds::maxHourlyRate, false, "a number from 0 to 100000"},
    {"fpy-alert-threshold", "0.9", 0, 1, false, "a number from 0 to 1"},
    {"verify-after-runs", "3", 1, 1000000, true, "a whole number ≥ 1"},
    {"unanalysed-alert-days", "14", 1, 1000000, true, "a whole number ≥ 1"},
    {"stale-draft-days", "30", 1, 1000000, true, "a whole number ≥ 1"},
    {"currency", "", 0, 0, false, "an ISO 4217 code of three capital letters, such as EUR, or empty for none",
     true},
}};

bool isCurrencyCode(const QString& text)
{
    if (text.isEmpty())
        return true;
    if (text.size() != 3)
        return false;
    for (const QChar c : text)
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            return false;
    return true;
}

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
    STABLE_TRY(checkReworkDate(request.date, library.clock().now().toUTC().date()));
    STABLE_TRY(checkReworkHours(request.hours));
    entry.date = request.date;
    entry.hours = request.hours;
    entry.kind = request.kind;
    entry.note = request.note.trimmed();
    STABLE_TRY(checkText(QStringLiteral("The rework note"), entry.note, bounds::note, Lines::Many));

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
        auto incident = loadIncident(library, request.incident);
        if (!incident.ok())
            return incident.error();
        STABLE_TRY(adopt(Owner{incident->streamId, incident->streamKey, incident->key()}));
        entry.incidentId = incident->id;
    }
    if (!request.run.trimmed().isEmpty()) {
        auto run = findRun(library, request.run);
        if (!run.ok())
            return run.error();
        STABLE_TRY(adopt(Owner{run->streamId, run->streamKey, QStringLiteral("Run ‘%1’").arg(run->title)}));
        entry.runId = run->id;
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
    STABLE_TRY(checkColumn(QStringLiteral("team_hours"), QStringLiteral("month"), wanted, {}));
    STABLE_TRY(checkTeamHours(wanted, hours));

    return writeKeyedValue(library, Change::TeamHours,
                           {QStringLiteral("team_hours"), QStringLiteral("month"), QStringLiteral("hours")},
                           wanted, hours);
}

Result<std::optional<double>> teamHoursOf(Library& library, const QString& month)
{
    auto query = execSql(library.db(), QStringLiteral("SELECT hours FROM team_hours WHERE month = ?"),
                         {month.trimmed()});
    if (!query.ok())
        return query.error();
    auto found = queryRow(query.value());
    if (!found.ok())
        return found.error();
    if (!found.value())
        return std::optional<double>();
    return std::optional<double>(query->value(0).toDouble());
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

Status checkSetting(const QString& name, const QString& value)
{
    const SettingRule* rule = ruleFor(name.trimmed());
    if (!rule)
        return unknownSetting(name.trimmed());
    const QString key = name.trimmed();
    const QString text = value.trimmed();
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    const bool fits = rule->currencyCode
                          ? isCurrencyCode(text)
                          : isNumber && std::isfinite(number) && number >= rule->minimum &&
                                number <= rule->maximum && (!rule->whole || std::floor(number) == number);
    if (!fits)
        return invalid(QStringLiteral("%1 must be %2 (got ‘%3’).")
                           .arg(key, QString::fromUtf8(rule->expectation), visibleText(value)));
    return success();
}

Status setSetting(Library& library, const QString& name, const QString& value)
{
    STABLE_TRY(checkSetting(name, value));
    const QString key = name.trimmed();
    const QString text = value.trimmed();
    return writeKeyedValue(library, Change::Settings,
                           {QStringLiteral("setting"), QStringLiteral("key"), QStringLiteral("value")}, key,
                           text);
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
