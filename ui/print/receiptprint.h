#pragma once

#include "pagedprint.h"
#include "receipt.h"

#include <QString>

namespace stable {

// The receipt of a run: the run, every item with every attestation (outcome, printed name,
// UTC time, meaning, note, evidence, attempt, short hash; voids struck through with their reason), the
// items hash and the audit chain head, and a table of the full hashes at the end.
PrintBody receiptBody(const Receipt& receipt);
PageFrame receiptFrame(const Receipt& receipt);

} // namespace stable
