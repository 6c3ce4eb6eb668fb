// CSV export and spreadsheet formulas (OWASP ASVS 1.2.10): a text cell that begins with =, +, -, @, a
// tab or a CR is written with a leading ' so that a spreadsheet shows it instead of running it; numbers
// stay numbers; CsvText::Raw writes text as stored.
#include "csvexport.h"
#include "rework.h"
#include "testlibrary.h"

#include <QDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

// The rework.csv line of the entry whose note ends in `marker`.
QByteArray reworkLine(const QString& folder, const QByteArray& marker)
{
    const QList<QByteArray> lines = fileBytes(QDir(folder).filePath(QStringLiteral("rework.csv"))).split('\n');
    for (const QByteArray& line : lines)
        if (line.contains(marker))
            return line.trimmed();
    return {};
}

} // namespace

class TestCsvFormulas : public QObject
{
    Q_OBJECT
private slots:
    void guardsEveryFormulaStart_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("written");
        QTest::newRow("=") << QStringLiteral("=HYPERLINK(\"http://x\")") << QStringLiteral("'=HYPERLINK(\"http://x\")");
        QTest::newRow("+") << QStringLiteral("+1+2") << QStringLiteral("'+1+2");
        QTest::newRow("-") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("CR") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
        QTest::newRow("plain") << QStringLiteral("Re-ran = twice") << QStringLiteral("Re-ran = twice");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("quote") << QStringLiteral("'already") << QStringLiteral("'already");
    }
    void guardsEveryFormulaStart()
    {
        QFETCH(QString, text);
        QFETCH(QString, written);
        QCOMPARE(csvGuarded(text), written);
    }

    void anExportGuardsTextAndKeepsNumbers()
    {
        TempLibrary lib;
        NewRework entry;
        entry.date = QDate(2026, 2, 1);
        entry.hours = 1.5;
        entry.note = QStringLiteral("=cmd|' /C calc'!A0 formula");
        QVERIFY(addRework(*lib, entry).ok());
        entry.note = QStringLiteral("-1 hour lost minus");
        QVERIFY(addRework(*lib, entry).ok());
        entry.note = QStringLiteral("@import atsign");
        QVERIFY(addRework(*lib, entry).ok());

        const QString guarded = lib.file(QStringLiteral("guarded"));
        auto exported = exportCsv(*lib, guarded);
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        QVERIFY2(reworkLine(guarded, "formula").contains(",1.5,rework,"), reworkLine(guarded, "formula").constData());
        QVERIFY2(reworkLine(guarded, "formula").contains(",'=cmd|' /C calc'!A0 formula,"),
                 reworkLine(guarded, "formula").constData());
        QVERIFY2(reworkLine(guarded, "minus").contains(",'-1 hour lost minus,"), reworkLine(guarded, "minus").constData());
        QVERIFY2(reworkLine(guarded, "atsign").contains(",'@import atsign,"), reworkLine(guarded, "atsign").constData());
        // Stored times and dates begin with a digit: never touched.
        QVERIFY(reworkLine(guarded, "atsign").contains(",2026-02-01,"));

        const QString raw = lib.file(QStringLiteral("raw"));
        exported = exportCsv(*lib, raw, {}, CsvText::Raw);
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        QVERIFY2(reworkLine(raw, "formula").contains(",=cmd|' /C calc'!A0 formula,"), reworkLine(raw, "formula").constData());
        QVERIFY2(reworkLine(raw, "minus").contains(",-1 hour lost minus,"), reworkLine(raw, "minus").constData());
    }
};

QTEST_GUILESS_MAIN(TestCsvFormulas)
#include "tst_csvformulas.moc"
