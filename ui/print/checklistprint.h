#pragma once

#include "pagedprint.h"
#include "revisions.h"

#include <QString>

namespace stable {

struct ChecklistOptions
{
    // An execution plan is signed off section by section and has a rollback point to keep.
    bool executionPlan = false;
};

// The blank checklist of a published revision: steps in order, their checks grouped by stage, each with
// Pass/Fail/N/A boxes and a signature block (printed name, signature, date/time UTC, meaning); two
// blocks for a critical check.
PrintBody checklistBody(const Revision& revision, const ChecklistOptions& options);
// "3. Deploy"; a name that carries its own number ("III. Pre-procedures", "2) Build") keeps it alone, as
// the library navigator shows it.
QString checklistStepHeading(int number, const QString& name);
PageFrame checklistFrame(const Revision& revision, const QString& libraryName);

} // namespace stable
