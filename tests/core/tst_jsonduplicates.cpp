// A key named twice in one JSON object is refused with its place, in every JSON document Stable reads
// (a process, a library), instead of silently taking the last value.
#include "jsonstrict.h"
#include "libraryjson.h"
#include "libraryjsonfixture.h"
#include "processjson.h"
#include "testlibrary.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

const QByteArray process = QByteArrayLiteral(
    "{ \"format\": \"stable-process/1\", \"key\": \"release\",\n"
    "  \"name\": \"Software Release\",\n"
    "  \"steps\": [ { \"key\": \"build\", \"name\": \"Build\",\n"
    "      \"checks\": [ { \"key\": \"tests\", \"statement\": \"All tests pass\", \"stage\": \"exit\",\n"
    "                      \"critical\": false, \"critical\": true } ] } ] }\n");

} // namespace

class TestJsonDuplicates : public QObject
{
    Q_OBJECT
private slots:
    void findsTheSecondOccurrence_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("top") << QByteArray("{\"a\": 1, \"a\": 2}") << QStringLiteral("a") << 1 << 10;
        QTest::newRow("escaped same key") << QByteArray("{\"name\": 1,\n \"n\\u0061me\": 2}")
                                          << QStringLiteral("name") << 2 << 2;
        QTest::newRow("nested in an array") << QByteArray("[{\"x\": {}}, {\"y\": [1, {\"é\": 1, \"é\": 2}]}]")
                                            << QStringLiteral("é") << 1 << 32;
        QTest::newRow("after a string holding braces")
            << QByteArray("{\"s\": \"{\\\"s\\\": [\", \"s\": 0}") << QStringLiteral("s") << 1 << 20;
    }
    void findsTheSecondOccurrence()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto duplicate = findDuplicateKey(json);
        QVERIFY(duplicate.has_value());
        QCOMPARE(duplicate->key, key);
        QCOMPARE(duplicate->line, line);
        QCOMPARE(duplicate->column, column);
    }

    void keysOnceEachAreFine_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("same key in sibling objects") << QByteArray("[{\"a\": 1}, {\"a\": 2}]");
        QTest::newRow("same key nested") << QByteArray("{\"a\": {\"a\": {\"a\": 1}}}");
        QTest::newRow("a value equal to a key") << QByteArray("{\"a\": \"a\", \"b\": [\"a\", \"b\"]}");
        QTest::newRow("not JSON at all") << QByteArray("\"unterminated {\\");
    }
    void keysOnceEachAreFine()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!findDuplicateKey(json).has_value());
    }

    void aProcessWithADuplicateKeyIsRefused()
    {
        const auto parsed = parseProcessJson(process, QStringLiteral("release.json"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.message(), QStringLiteral("release.json, line 5, column 42: the key ‘critical’ appears "
                                                  "twice in one object (first at line 5, column 23); a key "
                                                  "may be given once"));
        QByteArray once = process;
        once.replace("\"critical\": false, ", "");
        QVERIFY2(parseProcessJson(once, QStringLiteral("release.json")).ok(), "");
    }

    void aLibraryWithADuplicateKeyIsRefused()
    {
        TempLibrary source;
        buildFixture(source);
        QByteArray document = exportBytes(*source);
        // The document's "format" given again, with another value, right after the first.
        const qsizetype format = document.indexOf("\"format\"");
        QVERIFY(format >= 0);
        const qsizetype line = document.left(format).count('\n') + 1;
        document.insert(format, "\"format\": \"stable-library/1\",\n    ");
        TempLibrary target;
        const Status imported = importLibrary(*target, document, QStringLiteral("team.json"));
        QVERIFY(!imported.ok());
        QCOMPARE(imported.message(), QStringLiteral("team.json: line %1, column 5: the key ‘format’ appears twice "
                                                    "in one object (first at line %2, column 5); a key may be "
                                                    "given once.")
                                         .arg(line + 1)
                                         .arg(line));
        QCOMPARE(totalRows(*target), 0);
    }
};

QTEST_GUILESS_MAIN(TestJsonDuplicates)
#include "tst_jsonduplicates.moc"
