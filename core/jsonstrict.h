#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace stable {

// A key named twice in one JSON object. QJsonDocument keeps the last value and says nothing, so a
// document that means two things would be read as one of them: every JSON document Stable reads from a
// person is scanned for this first (after it parsed, so the text is known to be JSON).
struct JsonDuplicateKey
{
    QString key;      // decoded: "name" and "n\u0061me" are the same key
    qsizetype line = 0;   // of the second occurrence, from 1
    qsizetype column = 0; // in characters, from 1
    qsizetype firstLine = 0;
    qsizetype firstColumn = 0;
};

std::optional<JsonDuplicateKey> findDuplicateKey(const QByteArray& json);

// "line 4, column 7: the key ‘name’ appears twice in one object (first at line 2, column 7)".
QString describeDuplicateKey(const JsonDuplicateKey& duplicate);

} // namespace stable
