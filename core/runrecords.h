#pragma once

// What the audit log stores for a run and an attestation. Internal to core: the signing and run code
// write them, and the large demo generator writes the same records in bulk.
#include "runs.h"

#include <QJsonObject>

namespace stable {

QJsonObject runJson(const Run& run);
QJsonObject attestationJson(const Attestation& attestation);

} // namespace stable
