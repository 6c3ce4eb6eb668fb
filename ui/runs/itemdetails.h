#pragma once

#include "runs.h"

#include <QString>

namespace stable {

class Library;

// HTML of a run item for the details pane: statement, state, and every attestation with printed name,
// UTC and local time, meaning, outcome, note and evidence as a link; voids struck with their reason.
QString runItemHtml(const RunItem& item);
// The past incidents detected or injected at the item's step, as links "incident:<id>".
QString pastIncidentsHtml(Library& library, const Run& run, const RunItem& item);

} // namespace stable
