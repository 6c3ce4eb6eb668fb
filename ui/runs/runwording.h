#pragma once

#include "domain.h"

#include <QIcon>
#include <QPalette>
#include <QString>

namespace stable {

// How the runs area names the domain's words on screen (translated; files keep the stored spellings).
QString runKindText(RunKind kind);
QString runStatusText(RunStatus status);
QString itemStateText(ItemState state);
QString outcomeText(Outcome outcome);
QString meaningText(Meaning meaning);
QString stageText(Stage stage);

// A stored UTC time shown in local time ("2026-03-01 11:00"); empty for empty.
QString localTimeText(const QString& isoUtcTime);
// Both forms: "2026-03-01 10:00 UTC (11:00 local)".
QString runTimeText(const QString& isoUtcTime);
// "1 h 05 min 03 s" for a span of seconds (sign ignored).
QString spanText(qint64 seconds);

// An item state as a small shape in palette colours: ring (open), tick (passed), cross (failed), dash
// (n/a): told apart by shape, not only by colour.
QIcon itemStateIcon(ItemState state, const QPalette& palette);

} // namespace stable
