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

// A text cell that begins with =, +, -, @, a tab or a CR is read as a formula by a spreadsheet. By default
// such a cell gets a leading ' (OWASP ASVS 1.2.10); Raw writes text as stored, for pipelines that read
// the files as data. Numbers, flags and times are never changed.
enum class CsvText { Guarded, Raw };

// The cell as a spreadsheet may safely open it: "'=1+1" for "=1+1", anything else unchanged.
QString csvGuarded(const QString& text);

// runs.csv, items.csv, attestations.csv, incidents.csv, rework.csv, hidden_factory.csv.
QStringList csvFileNames();

// Writes every file into `folder` (made when missing) from one consistent snapshot of the library.
// Rows are streamed from forward-only queries, never held in memory. Each file is written under a
// temporary name and renamed only once all of them are complete: a failure leaves no half file and
// the files of an earlier export as they were. No file is the library, or written through a symlink;
// an existing file is replaced only with rules.replace. Text cells are guarded against formulas unless Raw.
Result<CsvExport> exportCsv(Library& library, const QString& folder, OutputRules rules = {},
                            CsvText text = CsvText::Guarded);

// One RFC 4180 record: fields with a comma, quote, CR or LF quoted, quotes doubled, ending in CRLF.
QByteArray csvRecord(const QStringList& fields);

} // namespace stable
