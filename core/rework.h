#pragma once

#include "domain.h"
#include "result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace stable {

class Library;

struct ReworkEntry
{
    QString id;
    QDate date;
    double hours = 0;
    ReworkKind kind = ReworkKind::Rework;
    QString streamId;
    QString stepId;
    QString incidentId;
    QString runId;
    QString note;
    QString createdAt;
};

struct NewRework
{
    QDate date;
    double hours = 0;
    ReworkKind kind = ReworkKind::Rework;
    QString stream;   // key or id; required with step
    QString step;     // key in the stream
    QString incident; // INC key or id
    QString run;      // id
    QString note;
};
// Hours > 0 and ≤ 24 per entry; the date not in the future. Stream/step/incident/run must exist.
Result<ReworkEntry> addRework(Library& library, const NewRework& entry);

// Total team hours of a month ("YYYY-MM"), the denominator of the hidden factory.
Status setTeamHours(Library& library, const QString& month, double hours);

// The team hours recorded for a month ("YYYY-MM"); none when that month has none.
Result<std::optional<double>> teamHoursOf(Library& library, const QString& month);

// Library settings, by name. Known: hourly-rate (≥ 0), fpy-alert-threshold (0–1),
// verify-after-runs (≥ 1), unanalysed-alert-days (≥ 1), stale-draft-days (≥ 1), currency (the hourly
// rate's ISO 4217 code, three capital letters such as EUR; empty, the default: no currency shown).
QStringList settingNames();
// Whether setSetting would take `value` for `name`; the message says what it must be.
Status checkSetting(const QString& name, const QString& value);
QString settingDefault(const QString& name);
Status setSetting(Library& library, const QString& name, const QString& value);
Result<QString> setting(Library& library, const QString& name);
Result<double> numericSetting(Library& library, const QString& name);

} // namespace stable
