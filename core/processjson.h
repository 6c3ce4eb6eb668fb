#pragma once

#include "process.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>

namespace stable {

// The stable-process/1 interchange format (DESIGN.md §5).
inline constexpr const char* processFormat = "stable-process/1";

// Parses and validates a process document. Errors name `sourceName` and what is wrong
// ("release.json: step 2 ‘Deploy’: check ‘go’ has stage ‘later’ (expected entry, in-process or exit)").
Result<ValueStream> parseProcessJson(const QByteArray& json, const QString& sourceName);
Result<ValueStream> processFromJson(const QJsonObject& object, const QString& sourceName);

// With ids when `withIds` (revision snapshots, library export); without for sharing a process.
QJsonObject processToJson(const ValueStream& stream, bool withIds);

} // namespace stable
