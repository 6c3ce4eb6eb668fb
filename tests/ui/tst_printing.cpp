// The desktop app's printing: the File menu entries, which ask what to print (the current stream or run
// preselected), and the renderer on a 200-item receipt (its time is printed for the record, never
// asserted) and checklist, paginated so that no check is torn from its lines and no word torn in two.
#include "mainwindow.h"
#include "print/checklistprint.h"
#include "print/printing.h"
#include "printactions.h"
#include "printchoicedialog.h"
#include "process.h"
#include "receipt.h"
#include "revisions.h"
#include "runs.h"
#include "runstestsupport.h"
#include "startup.h"
#include "testlibrary.h"

#include <QBuffer>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

// Ten steps of twenty checks, every tenth one critical.
ValueStream bigStream()
{
    ValueStream stream;
    stream.key = QStringLiteral("big");
    stream.name = QStringLiteral("Big Release");
    for (int s = 1; s <= 10; ++s) {
        Step step;
        step.key = QStringLiteral("step-%1").arg(s);
        // One name carries its own number, as execution plans do ("IV. During-procedures").
        step.name = s == 4 ? QStringLiteral("IV. Step 4") : QStringLiteral("Step %1").arg(s);
        for (int c = 1; c <= 20; ++c) {
            QualityCheck check;
            check.key = QStringLiteral("check-%1").arg(c);
            check.statement = QStringLiteral("Check %1 of step %2 confirmed against the release ticket").arg(c).arg(s);
            check.stage = c <= 5 ? Stage::Entry : Stage::Exit;
            check.critical = c % 10 == 0;
            step.checks.append(check);
        }
        stream.steps.append(step);
    }
    return stream;
}

// The text of each page of a PDF, as pdftotext reads it.
QStringList pdfPages(const QByteArray& pdf)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("document.pdf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
        return {};
    file.close();
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file.fileName(), QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    QStringList pages = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

int occurrences(const QString& text, const QString& words)
{
    return static_cast<int>(text.count(words));
}

QString pdfText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return pdfPages(file.readAll()).join(QLatin1Char('\n'));
}

QAction* pdfAction(MainWindow& window, const QString& text)
{
    QMenu* file = window.menuBar()->actions().constFirst()->menu();
    auto* pdf = file->findChild<QMenu*>(QStringLiteral("exportPdfMenu"));
    for (QAction* action : pdf->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

// Answers the chooser with the choice standing for `pick` (after noting what it had preselected), then
// the save dialog with `path`; an empty `pick` cancels the chooser.
void answerChooser(QString& preselected, const QString& pick, const QString& path)
{
    whenDialog<PrintChoiceDialog>([&preselected, pick, path](PrintChoiceDialog& dialog) {
        auto* choice = dialog.findChild<QComboBox*>(QStringLiteral("choice"));
        preselected = choice->currentData().toString();
        if (pick.isEmpty()) {
            QTest::keyClick(&dialog, Qt::Key_Escape);
            return;
        }
        choice->setCurrentIndex(choice->findData(pick));
        whenDialog<QFileDialog>([path](QFileDialog& save) {
            save.selectFile(path);
            QTest::keyClick(&save, Qt::Key_Return);
        });
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("okButton")), Qt::LeftButton);
    });
}

QStringList menuTexts(QMenu* menu)
{
    QStringList texts;
    for (QAction* action : menu->actions())
        texts << action->text();
    return texts;
}

} // namespace

class TestPrinting : public QObject
{
    Q_OBJECT
private slots:
    void fileMenuOffersPrintAndPdf()
    {
        MainWindow window;
        installPrinting(window);
        QMenu* file = window.menuBar()->actions().constFirst()->menu();
        const QStringList texts = menuTexts(file);
        QVERIFY2(texts.contains(QStringLiteral("Print &Checklist…")), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("Print Recei&pt…")));
        auto* pdf = file->findChild<QMenu*>(QStringLiteral("exportPdfMenu"));
        QVERIFY(pdf);
        QCOMPARE(menuTexts(pdf), (QStringList{QStringLiteral("&Checklist…"), QStringLiteral("&Receipt…")}));
        QVERIFY(!pdf->isEnabled()); // nothing open
    }

    // Export PDF asks which stream or run, the current one preselected, and prints the one chosen.
    void exportAsksWhichStreamOrRun()
    {
        QStandardPaths::setTestModeEnabled(true);
        TempLibrary lib;
        const Signer ann = lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL"));
        const QString release = publishSample(*lib, ann);
        ValueStream small;
        small.key = QStringLiteral("hotfix");
        small.name = QStringLiteral("Hotfix Lane");
        Step patch;
        patch.key = QStringLiteral("patch");
        patch.name = QStringLiteral("Patch");
        QualityCheck reviewed;
        reviewed.key = QStringLiteral("reviewed");
        reviewed.statement = QStringLiteral("A second developer reviewed the patch");
        patch.checks = {reviewed};
        small.steps = {patch};
        const QString hotfix = importProcess(*lib, small).value().streamId;
        QVERIFY(
            publish(*lib, ann, PublishRequest{QStringLiteral("hotfix"), QStringLiteral("First"), {}}).ok());
        const auto first = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("Release 1.0"),
                                                   RunKind::Release, 0, std::nullopt, std::nullopt});
        const auto second = startRun(*lib, StartRun{QStringLiteral("hotfix"), QStringLiteral("Hotfix 1.0.1"),
                                                    RunKind::Release, 0, std::nullopt, std::nullopt});
        QVERIFY(first.ok() && second.ok());
        SignRequest request;
        request.run = first->id;
        request.item = first->items.at(0).id;
        QVERIFY(sign(*lib, ann, request).ok());
        lib.close();

        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(lib.path()).ok());
        window.document()->setPollInterval(0);
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTemporaryDir out;

        // The Library view shows the hotfix lane: it is preselected; the release is chosen and printed.
        QVERIFY(window.showView(View::Library));
        QVERIFY(window.selectRecord(View::Library, QStringLiteral("stream"), hotfix));
        QString preselected;
        answerChooser(preselected, release, out.filePath(QStringLiteral("checklist.pdf")));
        pdfAction(window, QStringLiteral("&Checklist…"))->trigger();
        QCOMPARE(preselected, hotfix);
        const QString checklist = pdfText(out.filePath(QStringLiteral("checklist.pdf")));
        QVERIFY2(checklist.contains(QStringLiteral("All unit and integration tests pass")),
                 qPrintable(checklist));
        QVERIFY(!checklist.contains(QStringLiteral("A second developer reviewed")));

        // The Runs view shows the release run: it is preselected (not the latest run), and printed.
        QVERIFY(window.showView(View::Runs));
        QVERIFY(window.selectRecord(View::Runs, QStringLiteral("run"), first->id));
        answerChooser(preselected, first->id, out.filePath(QStringLiteral("receipt.pdf")));
        pdfAction(window, QStringLiteral("&Receipt…"))->trigger();
        QCOMPARE(preselected, first->id);
        const QString receipt = pdfText(out.filePath(QStringLiteral("receipt.pdf")));
        QVERIFY2(receipt.contains(QStringLiteral("Release 1.0")), qPrintable(receipt));

        // Cancelling the chooser prints nothing.
        answerChooser(preselected, QString(), out.filePath(QStringLiteral("cancelled.pdf")));
        pdfAction(window, QStringLiteral("&Receipt…"))->trigger();
        QCOMPARE(preselected, first->id);
        QVERIFY(!QFile::exists(out.filePath(QStringLiteral("cancelled.pdf"))));
    }

    void receiptOfTwoHundredItems()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        const Signer bob = lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BO"));
        QVERIFY(importProcess(*lib, bigStream()).ok());
        QVERIFY(publish(*lib, alice, PublishRequest{QStringLiteral("big"), QStringLiteral("First"), {}}).ok());
        auto run = startRun(*lib, StartRun{QStringLiteral("big"), QStringLiteral("Release 9.0"), RunKind::Release, 0,
                                           std::nullopt, std::nullopt});
        QVERIFY(run.ok());
        const Run started = loadRun(*lib, run->id).value();
        QCOMPARE(started.items.size(), 200);
        for (const RunItem& item : started.items) {
            SignRequest request;
            request.run = run->id;
            request.item = item.id;
            request.note = QStringLiteral("Checked on the console");
            QVERIFY(sign(*lib, alice, request).ok());
            if (item.critical) {
                request.meaning = Meaning::Verified;
                QVERIFY(sign(*lib, bob, request).ok());
            }
        }

        QElapsedTimer timer;
        timer.start();
        auto receipt = loadReceipt(*lib, run->id);
        QVERIFY(receipt.ok());
        const qint64 loaded = timer.elapsed();
        QBuffer pdf;
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        auto pages = renderPdf(receiptDocument(receipt.value()), pdf, PaperSize::A4);
        const qint64 receiptMs = timer.elapsed();
        QVERIFY(pages.ok());
        QVERIFY(pages.value() > 5);
        QVERIFY(pdf.data().startsWith("%PDF"));

        timer.restart();
        auto checklist = checklistDocument(*lib, QStringLiteral("big"));
        QVERIFY(checklist.ok());
        QBuffer blank;
        QVERIFY(blank.open(QIODevice::WriteOnly));
        auto blankPages = renderPdf(checklist.value(), blank, PaperSize::Letter);
        const qint64 checklistMs = timer.elapsed();
        QVERIFY(blankPages.ok());
        qInfo("200-item receipt: %lld ms (%lld ms loading), %d pages, %lld KB; 200-check blank checklist: %lld ms, "
              "%d pages",
              receiptMs, loaded, pages.value(), static_cast<qint64>(pdf.size() / 1024), checklistMs, blankPages.value());

        // Every check on the page of its outcome line and its signature blocks (two for a critical one),
        // every step heading on the page of its first check.
        const QStringList sheets = pdfPages(blank.data());
        QCOMPARE(sheets.size(), blankPages.value());
        int checks = 0;
        for (int page = 0; page < sheets.size(); ++page) {
            const QString& sheet = sheets.at(page);
            const int statements = occurrences(sheet, QStringLiteral("confirmed against the release ticket"));
            const int closing = occurrences(sheet, QStringLiteral("Closed by"));
            QCOMPARE(occurrences(sheet, QStringLiteral("Outcome:")), statements);
            QCOMPARE(occurrences(sheet, QStringLiteral("Printed name")),
                     statements + occurrences(sheet, QStringLiteral("Second signer")) + closing);
            QCOMPARE(occurrences(sheet, QStringLiteral("Second signer")), occurrences(sheet, QStringLiteral("CRITICAL — two")));
            for (int step = 1; step <= 10; ++step) {
                if (sheet.contains(QRegularExpression(QStringLiteral("(^|\\n)\\s*(\\d+\\. )?(IV\\. )?Step %1 ").arg(step))))
                    QVERIFY2(sheet.contains(QStringLiteral("Check 1 of step %1 ").arg(step)), qPrintable(sheet));
            }
            QVERIFY(sheet.contains(QStringLiteral("Page %1 of %2").arg(page + 1).arg(sheets.size())));
            checks += statements;
        }
        QCOMPARE(checks, 200);
        const QString all = sheets.join(QLatin1Char('\n'));
        QVERIFY(all.contains(QStringLiteral("3. Step 3")));
        QVERIFY(all.contains(QStringLiteral("IV. Step 4")));
        QVERIFY(!all.contains(QStringLiteral("4. IV.")));
        QVERIFY(all.contains(QStringLiteral("5. Step 5")));

        // The receipt: every item's attestations on the page of its heading, the hashes table at the end.
        const QStringList receiptSheets = pdfPages(pdf.data());
        QCOMPARE(receiptSheets.size(), pages.value());
        int signatures = 0;
        for (const QString& sheet : receiptSheets) {
            static const QRegularExpression itemHeading(QStringLiteral("step-\\d+/check-\\d+\\s+Check \\d+ of step"));
            int items = 0;
            for (auto match = itemHeading.globalMatch(sheet); match.hasNext(); match.next())
                ++items;
            QCOMPARE(occurrences(sheet, QStringLiteral("Signed by (printed name)")), items);
            signatures += occurrences(sheet, QStringLiteral("Alice Example (AL)")) +
                          occurrences(sheet, QStringLiteral("Bob Builder (BO)"));
        }
        QCOMPARE(signatures, 220);
        QVERIFY(receiptSheets.last().contains(QStringLiteral("SHA-256")));
    }

    // A column is never narrower than its longest word: the room comes from the columns that have some to
    // spare. (Hashes and links, in Mono, still break anywhere rather than push a column wider.)
    void aNarrowColumnKeepsItsWordsWhole()
    {
        PrintedDocument document;
        document.frame.title = QStringLiteral("Widths");
        Block& table = document.body.table({0.03, 0.97});
        Row row;
        row.cells = {Cell{Text(QStringLiteral("Performed")), 1, 0},
                     Cell{Text(QStringLiteral("Signed in the app")), 1, 0}};
        Row hash;
        hash.cells = {Cell{Text(QString(64, QLatin1Char('f')), Mono), 1, 0},
                      Cell{Text(QStringLiteral("a hash")), 1, 0}};
        table.rows = {row, hash};
        QBuffer pdf;
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        QVERIFY(renderPdf(document, pdf, PaperSize::A4).ok());
        const QString text = pdfPages(pdf.data()).join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("Performed")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Signed in the app")), qPrintable(text));
        QVERIFY2(!text.contains(QString(64, QLatin1Char('f'))), qPrintable(text)); // the hash broke instead
    }

    void ownNumbersAreKept()
    {
        QCOMPARE(checklistStepHeading(1, QStringLiteral("Build")), QStringLiteral("1. Build"));
        QCOMPARE(checklistStepHeading(3, QStringLiteral("III. Pre-procedures")), QStringLiteral("III. Pre-procedures"));
        QCOMPARE(checklistStepHeading(2, QStringLiteral("2) Deploy")), QStringLiteral("2) Deploy"));
        QCOMPARE(checklistStepHeading(4, QStringLiteral("IVy league review")), QStringLiteral("4. IVy league review"));
        QCOMPARE(checklistStepHeading(5, QStringLiteral("10.5 hours of soak")), QStringLiteral("5. 10.5 hours of soak"));
    }
};

QTEST_MAIN(TestPrinting)
#include "tst_printing.moc"
