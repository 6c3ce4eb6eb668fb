// Paper from the desktop app. Each asks which stream or run it is of, the current one preselected: the
// window's current stream, the run shown in the Runs view (else the latest).
#include "printactions.h"

#include "currentstream.h"
#include "document.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "print/printing.h"
#include "printchoicedialog.h"
#include "process.h"
#include "receipt.h"
#include "runs.h"
#include "runs/runsview.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <optional>

namespace stable {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Printing", text);
}

QMenu* fileMenu(MainWindow& window)
{
    const QList<QAction*> bar = window.menuBar()->actions();
    return bar.isEmpty() ? nullptr : bar.constFirst()->menu();
}

// The menu's entries go just before Back Up…, the first entry after the second separator-delimited group.
QAction* insertionPoint(QMenu& file)
{
    int separators = 0;
    for (QAction* action : file.actions()) {
        if (action->isSeparator() && ++separators == 2)
            return action;
    }
    return nullptr;
}

// The stream preselected: the window's current one (picked in any view).
QString currentStream(MainWindow& window)
{
    return window.currentStream()->id();
}

std::optional<QString> choose(MainWindow& window, const QString& title, const QString& question,
                              const QList<QPair<QString, QString>>& choices, const QString& current)
{
    PrintChoiceDialog dialog(title, question, choices, current, &window);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.chosenId();
}

std::optional<QString> chooseStream(MainWindow& window, Library& library, const QString& title)
{
    auto streams = listStreamNames(library);
    if (!streams.ok()) {
        plainMessage(&window, QMessageBox::Warning, title, streams.message());
        return std::nullopt;
    }
    QList<QPair<QString, QString>> choices;
    for (const StreamSummary& stream : streams.value()) {
        if (stream.latestRevision == 0)
            continue;
        choices.append(
            {tr("%1 (%2, revision %3)").arg(stream.name, stream.key).arg(stream.latestRevision), stream.id});
    }
    if (choices.isEmpty()) {
        plainMessage(&window, QMessageBox::Information, title,
                     tr("No value stream is published yet: publish one to print its checklist."));
        return std::nullopt;
    }
    return choose(window, title, tr("&Value stream:"), choices, currentStream(window));
}

std::optional<QString> chooseRun(MainWindow& window, Library& library, const QString& title)
{
    auto runs = listRuns(library);
    if (!runs.ok()) {
        plainMessage(&window, QMessageBox::Warning, title, runs.message());
        return std::nullopt;
    }
    if (runs->isEmpty()) {
        plainMessage(&window, QMessageBox::Information, title, tr("No run has been started yet."));
        return std::nullopt;
    }
    QList<QPair<QString, QString>> choices;
    for (const Run& run : runs.value())
        choices.append({tr("%1 — %2 revision %3, %4, started %5")
                            .arg(run.title, run.streamKey)
                            .arg(run.revisionNumber)
                            .arg(toText(run.status), run.startedAt),
                        run.id});
    QString current = choices.constLast().second; // without a run shown, the latest
    if (auto* view = qobject_cast<RunsView*>(window.viewWidget(View::Runs));
        view && !view->currentRunId().isEmpty())
        current = view->currentRunId();
    return choose(window, title, tr("&Run:"), choices, current);
}

std::optional<PrintedDocument> checklistOfSelection(MainWindow& window, const QString& title)
{
    Document* document = window.document();
    if (!document)
        return std::nullopt;
    const auto stream = chooseStream(window, document->library(), title);
    if (!stream)
        return std::nullopt;
    auto printed = checklistDocument(document->library(), *stream);
    if (!printed.ok()) {
        plainMessage(&window, QMessageBox::Warning, title, printed.message());
        return std::nullopt;
    }
    return printed.value();
}

std::optional<PrintedDocument> receiptOfSelection(MainWindow& window, const QString& title)
{
    Document* document = window.document();
    if (!document)
        return std::nullopt;
    const auto run = chooseRun(window, document->library(), title);
    if (!run)
        return std::nullopt;
    auto receipt = loadReceipt(document->library(), *run);
    if (!receipt.ok()) {
        plainMessage(&window, QMessageBox::Warning, title, receipt.message());
        return std::nullopt;
    }
    return receiptDocument(receipt.value());
}

QString fileNameFor(const PrintedDocument& document)
{
    QString name = document.frame.title;
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("-"));
    return name + QStringLiteral(".pdf");
}

} // namespace

bool previewAndPrint(QWidget* parent, const PrintedDocument& document)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(defaultPaperSize() == PaperSize::Letter ? QPageSize::Letter : QPageSize::A4));
    printer.setPageMargins(QMarginsF(15, 14, 15, 14), QPageLayout::Millimeter);
    printer.setDocName(document.frame.title);
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(document.frame.title);
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview,
                     [&document](QPrinter* target) { paintDocument(document, *target); });
    return preview.exec() == QDialog::Accepted;
}

bool exportPdfWithDialog(QWidget* parent, const PrintedDocument& document, const QString& suggestedName)
{
    const QString path = QFileDialog::getSaveFileName(parent, tr("Export as PDF"), suggestedName, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto written = writePdf(document, path, defaultPaperSize());
    QApplication::restoreOverrideCursor();
    if (!written.ok()) {
        plainMessage(parent, QMessageBox::Warning, tr("Export as PDF"), written.message());
        return false;
    }
    return true;
}

void installPrinting(MainWindow& window)
{
    QMenu* file = fileMenu(window);
    if (!file)
        return;
    QAction* before = insertionPoint(*file);
    auto* printChecklist = new QAction(tr("Print &Checklist…"), file);
    printChecklist->setShortcut(QKeySequence::Print);
    printChecklist->setToolTip(tr("Print the blank checklist of a value stream's latest revision (asks "
                                  "which, the selected one first)"));
    auto* printReceipt = new QAction(tr("Print Recei&pt…"), file);
    printReceipt->setToolTip(tr("Print the signed receipt of a run (asks which, the one shown first)"));
    auto* pdfMenu = new QMenu(tr("Export P&DF"), file);
    pdfMenu->setObjectName(QStringLiteral("exportPdfMenu"));
    QAction* checklistPdf = pdfMenu->addAction(tr("&Checklist…"));
    QAction* receiptPdf = pdfMenu->addAction(tr("&Receipt…"));
    file->insertAction(before, printChecklist);
    file->insertAction(before, printReceipt);
    file->insertMenu(before, pdfMenu);

    QObject::connect(printChecklist, &QAction::triggered, &window, [&window] {
        if (const auto document = checklistOfSelection(window, tr("Print Checklist")))
            previewAndPrint(&window, *document);
    });
    QObject::connect(printReceipt, &QAction::triggered, &window, [&window] {
        if (const auto document = receiptOfSelection(window, tr("Print Receipt")))
            previewAndPrint(&window, *document);
    });
    const auto beside = [&window](const PrintedDocument& document) {
        return QFileInfo(window.document()->path()).absoluteDir().filePath(fileNameFor(document));
    };
    QObject::connect(checklistPdf, &QAction::triggered, &window, [&window, beside] {
        if (const auto document = checklistOfSelection(window, tr("Export Checklist as PDF"));
            document && exportPdfWithDialog(&window, *document, beside(*document)))
            window.showStatus(tr("Saved %1.").arg(document->frame.title));
    });
    QObject::connect(receiptPdf, &QAction::triggered, &window, [&window, beside] {
        if (const auto document = receiptOfSelection(window, tr("Export Receipt as PDF"));
            document && exportPdfWithDialog(&window, *document, beside(*document)))
            window.showStatus(tr("Saved %1.").arg(document->frame.title));
    });

    const auto follow = [printChecklist, printReceipt, pdfMenu](Document* document) {
        printChecklist->setEnabled(document != nullptr);
        printReceipt->setEnabled(document != nullptr);
        pdfMenu->setEnabled(document != nullptr);
    };
    QObject::connect(&window, &MainWindow::documentChanged, file, follow);
    follow(window.document());
}

} // namespace stable
