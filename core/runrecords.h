#pragma once

// What the audit log stores for a run and an attestation. Internal to core: the signing and run code
// write them, and the large demo generator writes the same records in bulk.
#include "runs.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace stable {

QJsonObject runJson(const Run& run);
QJsonObject attestationJson(const Attestation& attestation);

// A frozen run item as stored: select frozenItemColumns, read the row with frozenItemFrom.
extern const QString frozenItemColumns;
RunItem frozenItemFrom(const QSqlQuery& query);

} // namespace stable
