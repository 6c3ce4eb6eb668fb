// Paper: the blank checklist of a revision and the receipt of a run, as PDF (and the receipt as JSON).
// These two commands run under a QGuiApplication (fonts), on the offscreen platform without a display.
#include "cli.h"
#include "commands.h"
#include "printing.h"
#include "receipt.h"

#include <QFile>
#include <QJsonDocument>
#include <limits>
#include <memory>

namespace stable::cli {

namespace {

OptionSpec paperOption()
{
    return optional(QStringLiteral("paper"), QStringLiteral("a4|letter"));
}

Result<PaperSize> paperFrom(const Arguments& arguments)
{
    if (!arguments.has(QStringLiteral("paper")))
        return defaultPaperSize();
    const QString text = arguments.value(QStringLiteral("paper"));
    if (const auto paper = parsePaperSize(text))
        return *paper;
    return invalid(QStringLiteral("--paper must be a4 or letter (got ‘%1’).").arg(text));
}

// An output file opened before anything is rendered, so that an unwritable destination is refused first;
// it appears under its name only when committed.
Result<std::unique_ptr<OutputFile>> openOutput(const QString& path, const OutputRules& rules)
{
    auto file = std::make_unique<OutputFile>(path, rules);
    STABLE_TRY(file->open());
    return file;
}

QString pagesText(int pages)
{
    return counted(pages, QStringLiteral("page"), QStringLiteral("pages"));
}

int checklistCommand(const Arguments& arguments, Console& console)
{
    auto revision =
        integerOption(arguments, QStringLiteral("revision"), 0, 1, std::numeric_limits<int>::max());
    if (!revision.ok())
        return console.fail(revision.error());
    auto paper = paperFrom(arguments);
    if (!paper.ok())
        return console.fail(paper.error());
    const QString pdfPath = arguments.value(QStringLiteral("pdf"));

    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto document = checklistDocument(*library.value(), arguments.positional(1), revision.value());
    if (!document.ok())
        return console.fail(document.error());
    auto output = openOutput(pdfPath, outputRules(arguments, arguments.library()));
    if (!output.ok())
        return console.fail(output.error());
    auto pages = renderPdf(document.value(), output.value()->device(), paper.value());
    if (!pages.ok())
        return console.fail(pages.error());
    if (auto done = output.value()->commit(); !done.ok())
        return console.fail(done.error());
    console.out << document->frame.title << ": " << pagesText(pages.value()) << " in ‘" << pdfPath << "’"
                << Qt::endl;
    return exitSuccess;
}

int receiptCommand(const Arguments& arguments, Console& console)
{
    const QString pdfPath = arguments.value(QStringLiteral("pdf"));
    const QString jsonPath = arguments.value(QStringLiteral("json"));
    if (pdfPath.isEmpty() && jsonPath.isEmpty())
        return console.fail(Error{ErrorKind::Usage,
                                  QStringLiteral("receipt needs --pdf OUT.pdf, --json OUT.json or both.")});
    auto paper = paperFrom(arguments);
    if (!paper.ok())
        return console.fail(paper.error());

    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto receipt = loadReceipt(*library.value(), arguments.positional(1));
    if (!receipt.ok())
        return console.fail(receipt.error());

    // Both outputs are opened before either is written, and the PDF is taken back if the JSON fails:
    // a receipt is either delivered whole or not at all.
    std::unique_ptr<OutputFile> pdf;
    std::unique_ptr<OutputFile> json;
    if (!pdfPath.isEmpty()) {
        auto opened = openOutput(pdfPath, outputRules(arguments, arguments.library(), {jsonPath}));
        if (!opened.ok())
            return console.fail(opened.error());
        pdf = std::move(opened.value());
    }
    if (!jsonPath.isEmpty()) {
        auto opened = openOutput(jsonPath, outputRules(arguments, arguments.library(), {pdfPath}));
        if (!opened.ok())
            return console.fail(opened.error());
        json = std::move(opened.value());
    }

    int pages = 0;
    if (pdf) {
        auto rendered = renderPdf(receiptDocument(receipt.value()), pdf->device(), paper.value());
        if (!rendered.ok())
            return console.fail(rendered.error());
        pages = rendered.value();
    }
    if (json) {
        const QByteArray text = QJsonDocument(receiptToJson(receipt.value())).toJson(QJsonDocument::Indented);
        if (json->device().write(text) != text.size())
            return console.fail(
                QStringLiteral("‘%1’ cannot be written: %2.").arg(jsonPath, json->device().errorString()));
    }
    if (pdf) {
        if (auto done = pdf->commit(); !done.ok())
            return console.fail(done.error());
    }
    if (json) {
        if (auto done = json->commit(); !done.ok()) {
            if (pdf)
                QFile::remove(pdfPath);
            return console.fail(done.error());
        }
    }

    const QString title = QStringLiteral("Receipt — %1").arg(receipt->run.title);
    if (pdf)
        console.out << title << ": " << pagesText(pages) << " in ‘" << pdfPath << "’" << Qt::endl;
    if (json)
        console.out << title << ": JSON in ‘" << jsonPath << "’" << Qt::endl;
    return exitSuccess;
}

} // namespace

bool commandPrints(const QString& word)
{
    return word == QLatin1String("checklist") || word == QLatin1String("receipt");
}

QList<CommandSpec> printCommands()
{
    const QString lib = QStringLiteral("LIB");
    return {
        {QStringLiteral("checklist"),
         {lib, QStringLiteral("STREAM")},
         {optional(QStringLiteral("revision"), QStringLiteral("N")),
          required(QStringLiteral("pdf"), QStringLiteral("OUT.pdf")), paperOption(), forceFlag()},
         QStringLiteral("A blank, printable checklist of the stream's latest published revision (or revision N): "
                        "each check with Pass/Fail/N/A boxes and signature lines, two for a critical check. "
                        "Paper size from the locale unless --paper is given."),
         checklistCommand},
        {QStringLiteral("receipt"),
         {lib, QStringLiteral("RUN")},
         {optional(QStringLiteral("pdf"), QStringLiteral("OUT.pdf")),
          optional(QStringLiteral("json"), QStringLiteral("OUT.json")), paperOption(), forceFlag()},
         QStringLiteral("The signed proof of a run: every item and signature, voids with their reasons, the items "
                        "hash and the audit chain head. As PDF, as JSON (stable-receipt/1), or both; at least "
                        "one of --pdf and --json."),
         receiptCommand},
    };
}

} // namespace stable::cli
