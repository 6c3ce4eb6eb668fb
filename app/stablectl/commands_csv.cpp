// export-csv: the library's records as CSV files for a spreadsheet (README "CSV export").
#include "cli.h"
#include "commands.h"
#include "csvexport.h"

#include <QDir>

namespace stable::cli {

namespace {

int exportCsvFiles(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    const QString folder = arguments.positional(1);
    const CsvText text = arguments.has(QStringLiteral("raw-text")) ? CsvText::Raw : CsvText::Guarded;
    auto exported = exportCsv(*library.value(), folder, outputRules(arguments, arguments.library()), text);
    if (!exported.ok())
        return console.fail(exported.error());
    for (const CsvFileWritten& file : exported->files)
        console.out << QDir::toNativeSeparators(QDir(folder).filePath(file.name)) << '\t'
                    << counted(file.rows, QStringLiteral("row"), QStringLiteral("rows")) << '\n';
    console.out.flush();
    return exitSuccess;
}

} // namespace

QList<CommandSpec> csvCommands()
{
    return {
        {QStringLiteral("export-csv"),
         {QStringLiteral("LIB"), QStringLiteral("DIR")},
         {forceFlag(), flag(QStringLiteral("raw-text"))},
         QStringLiteral(
             "Writes runs, items, attestations, incidents, rework and the hidden factory by month as "
             "one CSV file each into DIR (made when missing); prints each file with its row count. Files of "
             "an earlier export are replaced only with --force. Text that a spreadsheet would run as a "
             "formula gets a leading ' unless --raw-text."),
         exportCsvFiles},
    };
}

} // namespace stable::cli
