// The desktop app's printing: the File menu entries, and the renderer on a 200-item receipt (its time is
// printed for the record, never asserted) and checklist, paginated so that no check is torn from its lines.
#include "mainwindow.h"
#include "print/checklistprint.h"
#include "print/printing.h"
#include "printactions.h"
#include "process.h"
#include "receipt.h"
#include "revisions.h"
#include "runs.h"
#include "testlibrary.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
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
