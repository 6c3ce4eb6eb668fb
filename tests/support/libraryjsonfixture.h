#pragma once

#include "library.h"
#include "testlibrary.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace stable::test {

// A library with every kind of record: people (one locked), two revisions, a removed step and check,
// runs completed, rolled back and open, fails, a void, incidents (analysed, prevented, a recurrence) with
// whys, rework, team hours (whole and fractional) and settings. Times come from the fixed clock.
void buildFixture(TempLibrary& lib);

// The library document of `library`, as the export writes it.
QByteArray exportBytes(Library& library);

// The library's content tables: this file's machine-local state (local_*: its identity, the writer
// lease) is no part of the document.
QStringList tableNames(Library& library);

// The rows in every content table: what a refused import must leave at zero.
qint64 totalRows(Library& library);

QJsonObject parsed(const QByteArray& bytes);

} // namespace stable::test
