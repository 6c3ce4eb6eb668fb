#pragma once

#include "result.h"

#include <QString>

namespace stable {

class Library;

// A value stream at a glance, as rich text: purpose, owner, latest revision, and its steps.
Result<QString> streamSummaryHtml(Library& library, const QString& streamId);

} // namespace stable
