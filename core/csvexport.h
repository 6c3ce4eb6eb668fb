#pragma once

#include "filesafety.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace stable {

class Library;

// The library's records as CSV files for a spreadsheet or pandas (README "CSV export"): RFC 4180
// quoting, CRLF line ends, UTF-8 without a byte-order mark, a header row, times as stored (UTC "…Z").
// Every row carries ids and the keys a person reads (stream, step, check, incident, signer), so that a
// spreadsheet needs no joins. The column order is a contract: add columns at the end, never reorder.

struct CsvFileWritten
{
    QString name;    // "runs.csv"
    qint64 rows = 0; // data rows, the header not counted
};

struct CsvExport
{
    QString folder;
    QList<CsvFileWritten> files; // in the order of csvFileNames()
};

// runs.csv, items.csv, attestations.csv, incidents.csv, rework.csv, hidden_factory.csv.
QStringList csvFileNames();

// Writes every file into `folder` (made when missing) from one consistent snapshot of the library.
// Rows are streamed from forward-only queries, never held in memory. Each file is written under a
// temporary name and renamed only once all of them are complete: a failure leaves no half file and
// the files of an earlier export as they were. No file is the library, or written through a symlink;
// an existing file is replaced only with rules.replace.
Result<CsvExport> exportCsv(Library& library, const QString& folder, OutputRules rules = {});

// One RFC 4180 record: fields with a comma, quote, CR or LF quoted, quotes doubled, ending in CRLF.
QByteArray csvRecord(const QStringList& fields);

} // namespace stable
