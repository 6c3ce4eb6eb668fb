#pragma once

#include <QString>

namespace stable {

// A new random (version 4) UUID as lowercase text, the form every id is stored in.
QString newId();

// True when text is a UUID in the stored form.
bool looksLikeId(const QString& text);

} // namespace stable
