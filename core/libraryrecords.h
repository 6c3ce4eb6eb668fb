#pragma once

// The rows of a stable-library/1 document: which columns each kind of record carries and how a column
// is written to and read from JSON. Shared by export and import so that the two can never disagree.
// Internal to libraryjson*.cpp.

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace stable::records {

enum class Kind {
    Text,         // a string
    OptionalText, // a string, or null for SQL NULL (kept apart from "")
    Integer,      // a whole number within [minimum, maximum]
    Boolean,      // 0/1 in SQL, true/false in JSON
    Name,         // a string with something other than spaces in it
    Real,         // a number ≥ 0, kept as a JSON double
    Hours,        // a number > 0, kept as a JSON double
    Word,         // a string out of `words`
};

struct Column
{
    QString name;       // the SQL column and the JSON key
    Kind kind = Kind::Text;
    qint64 minimum = 0;
    qint64 maximum = 0;
    QStringList words;
};

// A table's columns as carried in the document; columns implied by nesting (a step's stream_id, an
// attestation's item_id …) are left out and supplied by the importer.
struct Shape
{
    QString table;
    QList<Column> columns;
    QString selectList(const QString& alias = {}) const; // "a.id, a.name, …"
    QStringList names() const;
};

const Shape& personShape();
const Shape& streamShape();
const Shape& stepShape();
const Shape& portShape();        // step_io without direction and party (they are the array and its key)
const Shape& checkShape();
const Shape& revisionShape();    // without snapshot: it travels as an object
const Shape& runShape();
const Shape& runItemShape();
const Shape& attestationShape();
const Shape& voidShape();
const Shape& incidentShape();
const Shape& whyShape();
const Shape& reworkShape();
const Shape& teamHoursShape();
const Shape& auditShape();

// Writes the columns of `shape` from `query` (which selected shape.selectList() from `first` on).
void writeRecord(QJsonObject& into, const Shape& shape, const QSqlQuery& query, int first = 0);
QJsonObject recordObject(const Shape& shape, const QSqlQuery& query, int first = 0);

// Reads and checks the columns of `shape` from a document object; the values are in shape order, ready
// to bind. `where` names the record in messages ("runs[3].items[2]").
Result<QVariantList> readRecord(const QJsonObject& object, const Shape& shape, const QString& where);

// Reads one column (for keys outside a shape).
Result<QVariant> readValue(const QJsonObject& object, const Column& column, const QString& where);

} // namespace stable::records
