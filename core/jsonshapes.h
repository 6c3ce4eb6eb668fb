#pragma once

#include "incidents.h"
#include "people.h"
#include "runs.h"

#include <QJsonArray>
#include <QJsonObject>

namespace stable {

// The JSON shapes of DESIGN.md §6, shared by stablectl and the receipt.
QJsonObject personToJson(const Person& person);           // {id, name, initials, role}
QJsonObject runSummaryToJson(const Run& run);             // run list entry
QJsonObject runToJson(const Run& run);                    // run show, with items and attestations
QJsonObject attestationToJson(const Attestation& attestation);
QJsonObject incidentToJson(const Incident& incident);

} // namespace stable
