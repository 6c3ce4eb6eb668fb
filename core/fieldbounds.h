#pragma once

// The bounds of every field a person or a file fills in (README "Field bounds"), checked in core on every
// write path: the app, stablectl, process/BPMN/library imports and templates. Text is refused when it is
// too long or holds a control character (tab and line breaks only in multi-line fields); numbers must be
// finite and within range; rework dates within the product's era.

#include "result.h"

#include <QDate>
#include <QString>
#include <QVariant>

namespace stable {

namespace bounds {
constexpr qsizetype name = 200;        // names, titles, roles, owners, categories, inputs and outputs
constexpr qsizetype statement = 2000;  // a check's statement and failure mode, a why, a root cause
constexpr qsizetype note = 10000;      // signature notes, reasons, rework notes
constexpr qsizetype evidence = 2000;   // an evidence location (an address or a path)
constexpr qsizetype document = 100000; // markdown: throughput, purpose, what happened, lessons
constexpr double maxHourlyRate = 100000;
constexpr double maxTeamHours = 1000000; // per month: a team of ~6,000 full-time people
constexpr double maxReworkHours = 24;    // per entry
} // namespace bounds

enum class Lines { One, Many };

// Refuses text longer than `maxChars` or with a control character (C0, DEL, C1; in Lines::Many a tab
// and a line feed are allowed). `what` names the field for the message ("The run title").
Status checkText(const QString& what, const QString& text, qsizetype maxChars, Lines lines);
inline Status checkName(const QString& what, const QString& text)
{
    return checkText(what, text, bounds::name, Lines::One);
}

// The first rework date Stable takes, and the last: one day after today (time zones).
QDate earliestReworkDate();
Status checkReworkDate(const QDate& date, const QDate& today);
Status checkReworkHours(double hours);
Status checkTeamHours(const QString& month, double hours);

// The bounds of an incident's title, what happened and category (defined in incidents.cpp).
struct Incident;
Status checkIncidentText(const Incident& incident);
// The rule of setSetting alone, for settings that arrive in a library document (defined in rework.cpp,
// beside the settings' rules).
Status checkSetting(const QString& name, const QString& value);

// A stored column's bound, for records that arrive whole (a library document): the same rules as the
// domain's own writes. Columns without a bound pass.
Status checkColumn(const QString& table, const QString& column, const QVariant& value, const QDate& today);

// Text as a terminal may print it: every control character visible and inert (ESC → "\e", BEL → "\x07",
// CSI (C1) → "\x9b"); tab and line feed kept when `lines` is Many. For human output, never for JSON.
QString visibleText(const QString& text, Lines lines = Lines::One);

} // namespace stable
