#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>

namespace stable {

class Library;

inline constexpr const char* libraryFormat = "stable-library/1";

// The whole library as one stable-library/1 document (DESIGN.md §5): lossless, deterministic (the same
// library always gives the same bytes), ids, times, revisions, attestations and the audit log kept.
// PIN hashes travel; PINs never do.
Result<QJsonObject> exportLibrary(Library& library);
QByteArray libraryDocumentBytes(const QJsonObject& document);

// Fills a new, empty library from a document; all or nothing. Errors name what is wrong
// ("runs[3].items[2]: unknown check id …").
Status importLibrary(Library& emptyLibrary, const QByteArray& json, const QString& sourceName);

} // namespace stable
