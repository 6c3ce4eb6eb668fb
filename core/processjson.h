#pragma once

#include "process.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>

namespace stable {

// The stable-process/1 interchange format (DESIGN.md §5).
inline constexpr const char* processFormat = "stable-process/1";

// Parses and validates a process document. Errors name `sourceName` and the place of what is wrong
// ("release.json: steps[1] ‘Deploy’: checks[0] ‘go’: stage ‘later’ is not entry, in-process or exit").
// Fields the format does not know are refused inside steps, ports and checks (a misspelt "severty" must
// not silently become the default); at the top level they are ignored, because the library document
// nests each stream with extra members such as "revisions".
Result<ValueStream> parseProcessJson(const QByteArray& json, const QString& sourceName);
Result<ValueStream> processFromJson(const QJsonObject& object, const QString& sourceName);

// With ids when `withIds` (revision snapshots, library export); without for sharing a process.
// Deterministic: every field is always written and QJsonObject sorts the keys.
QJsonObject processToJson(const ValueStream& stream, bool withIds);

// The document as a person reads it (indented, sorted keys, ending in a newline).
QByteArray processDocument(const ValueStream& stream, bool withIds);

} // namespace stable
