// Every input the fuzzers ever crashed on (tests/data/fuzz-regressions/<target>/) and every seed of their
// corpora, through the same parsers and the same checks as the libFuzzer targets in tests/fuzz — in the
// normal build, without libFuzzer: a fixed crash stays fixed.
#include "bpmn.h"
#include "libraryjson.h"
#include "processjson.h"
#include "testlibrary.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QStringList filesIn(const QString& folder, const QStringList& patterns = {})
{
    QStringList files;
    const QDir dir(QStringLiteral(STABLE_TEST_DATA_DIR "/") + folder);
    for (const QString& name : dir.entryList(patterns, QDir::Files, QDir::Name))
        if (name != QLatin1String("README.md"))
            files.append(dir.filePath(name));
    return files;
}

void addRows(const QString& target, const QStringList& seedFolders)
{
    QStringList files = filesIn(QStringLiteral("fuzz-regressions/") + target);
    for (const QString& folder : seedFolders)
        files += filesIn(folder);
    for (const QString& file : std::as_const(files))
        QTest::newRow(qPrintable(target + QLatin1Char(':') +
                                 QDir(QStringLiteral(STABLE_TEST_DATA_DIR)).relativeFilePath(file)))
            << file;
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private slots:
    void processJson_data()
    {
        QTest::addColumn<QString>("file");
        addRows(QStringLiteral("fuzz_processjson"), {QStringLiteral("process")});
    }
    void processJson()
    {
        QFETCH(QString, file);
        const auto parsed = parseProcessJson(fileBytes(file), QStringLiteral("fuzz.json"));
        if (!parsed.ok()) {
            QVERIFY2(parsed.message().startsWith(QStringLiteral("fuzz.json")), qPrintable(parsed.message()));
            return;
        }
        // What the writer writes, the reader reads back the same.
        const QByteArray written = processDocument(parsed.value(), true);
        const auto again = parseProcessJson(written, QStringLiteral("again.json"));
        QVERIFY2(again.ok(), qPrintable(again.message()));
        QCOMPARE(processDocument(again.value(), true), written);
    }

    void libraryJson_data()
    {
        QTest::addColumn<QString>("file");
        addRows(QStringLiteral("fuzz_libraryjson"), {QStringLiteral("library")});
    }
    void libraryJson()
    {
        QFETCH(QString, file);
        TempLibrary lib;
        const Status imported = importLibrary(*lib, fileBytes(file), QStringLiteral("fuzz.json"));
        if (!imported.ok()) {
            QVERIFY2(imported.message().startsWith(QStringLiteral("fuzz.json")),
                     qPrintable(imported.message()));
            QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), 0); // refused whole
        }
    }

    void bpmn_data()
    {
        QTest::addColumn<QString>("file");
        addRows(QStringLiteral("fuzz_bpmn"), {QStringLiteral("bpmn")});
    }
    void bpmn()
    {
        QFETCH(QString, file);
        const auto parsed = parseBpmn(fileBytes(file), QStringLiteral("fuzz.bpmn"), QStringLiteral("model"));
        if (!parsed.ok())
            QVERIFY2(parsed.message().contains(QStringLiteral("fuzz.bpmn")), qPrintable(parsed.message()));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
