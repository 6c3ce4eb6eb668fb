// A library document the import must refuse — malformed, inconsistent, tampered with, refused by the
// file half-way, or brought into a library already in use — is refused without writing a row.
#include "libraryjson.h"
#include "libraryjsonfixture.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

// The document with the value at `path` (keys and indexes) replaced.
QJsonValue setAt(const QJsonValue& node, QVariantList path, const QJsonValue& value)
{
    if (path.isEmpty())
        return value;
    const QVariant step = path.takeFirst();
    if (step.typeId() == QMetaType::QString) {
        QJsonObject object = node.toObject();
        object.insert(step.toString(), setAt(object.value(step.toString()), path, value));
        return object;
    }
    QJsonArray array = node.toArray();
    array.replace(step.toInt(), setAt(array.at(step.toInt()), path, value));
    return array;
}

QByteArray serialised(const QJsonObject& document)
{
    return QJsonDocument(document).toJson();
}

} // namespace

class TestLibraryJsonRefusals : public QObject
{
    Q_OBJECT
private:
    // What every refusal starts from: the whole fixture, exported once.
    QByteArray m_exported;

private slots:
    void initTestCase()
    {
        TempLibrary source;
        buildFixture(source);
        m_exported = exportBytes(*source);
    }

    void refusesABadDocument_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QStringLiteral("not json")
                                  << QStringLiteral("team.json: not valid JSON at byte");
        QTest::newRow("process format")
            << QStringLiteral("process format")
            << QStringLiteral("format ‘stable-process/1’; expected ‘stable-library/1’");
        QTest::newRow("unknown signer")
            << QStringLiteral("unknown signer")
            << QStringLiteral("team.json: runs[0].items[0].attestations[0]: signer "
                              "‘00000000-0000-4000-8000-000000000000’ is not among the people.");
        QTest::newRow("unknown check")
            << QStringLiteral("unknown check")
            << QStringLiteral("runs[1].items[0]: check ‘nothing’ is not among the checks.");
        QTest::newRow("revision of another stream")
            << QStringLiteral("unknown revision")
            << QStringLiteral("runs[0]: revision ‘gone’ is not among the revisions.");
        QTest::newRow("severity as text")
            << QStringLiteral("severity as text")
            << QStringLiteral("incidents[0]: ‘severity’ should be a whole number from 1 to 10.");
        QTest::newRow("missing people")
            << QStringLiteral("missing people") << QStringLiteral("the document: ‘people’ is missing.");
        QTest::newRow("duplicate id")
            << QStringLiteral("duplicate person") << QStringLiteral("people[3]: id");
        QTest::newRow("tampered audit")
            << QStringLiteral("tampered audit") << QStringLiteral("audit[4]: audit event 5");
        QTest::newRow("negative hours")
            << QStringLiteral("negative hours")
            << QStringLiteral("rework[0]: ‘hours’ should be a number of hours above 0.");
        QTest::newRow("revision number twice")
            << QStringLiteral("revision number twice")
            << QStringLiteral("streams[0].revisions[1]: revision number ‘1’ is used twice (also at "
                              "streams[0].revisions[0]).");
        QTest::newRow("blank run title")
            << QStringLiteral("blank run title")
            << QStringLiteral("runs[2]: ‘title’ should be text that is not blank.");
        QTest::newRow("attestation outside the vocabulary")
            << QStringLiteral("outcome maybe")
            << QStringLiteral(
                   "runs[0].items[0].attestations[1]: ‘outcome’ should be one of ‘pass’, ‘fail’, ‘na’.");
    }

    void refusesABadDocument()
    {
        QFETCH(QString, change);
        QFETCH(QString, expected);
        QJsonObject document = parsed(m_exported);
        const auto set = [&document](const QVariantList& path, const QJsonValue& value) {
            document = setAt(document, path, value).toObject();
        };
        QByteArray bytes;
        if (change == QLatin1String("not json")) {
            bytes = "{\"format\": \"stable-library/1\", ";
        } else {
            if (change == QLatin1String("process format")) {
                set({QStringLiteral("format")}, QStringLiteral("stable-process/1"));
            } else if (change == QLatin1String("unknown signer")) {
                set({QStringLiteral("runs"), 0, QStringLiteral("items"), 0, QStringLiteral("attestations"), 0,
                     QStringLiteral("signer_id")},
                    QStringLiteral("00000000-0000-4000-8000-000000000000"));
            } else if (change == QLatin1String("unknown check")) {
                set({QStringLiteral("runs"), 1, QStringLiteral("items"), 0, QStringLiteral("check_id")},
                    QStringLiteral("nothing"));
            } else if (change == QLatin1String("unknown revision")) {
                set({QStringLiteral("runs"), 0, QStringLiteral("revision_id")}, QStringLiteral("gone"));
            } else if (change == QLatin1String("severity as text")) {
                set({QStringLiteral("incidents"), 0, QStringLiteral("severity")}, QStringLiteral("high"));
            } else if (change == QLatin1String("missing people")) {
                document.remove(QStringLiteral("people"));
            } else if (change == QLatin1String("duplicate person")) {
                QJsonArray people = document.value(QStringLiteral("people")).toArray();
                QJsonObject copy = people.at(0).toObject();
                copy.insert(QStringLiteral("initials"), QStringLiteral("ZZ"));
                people.append(copy);
                document.insert(QStringLiteral("people"), people);
            } else if (change == QLatin1String("tampered audit")) {
                set({QStringLiteral("audit"), 4, QStringLiteral("why")}, QStringLiteral("rewritten history"));
            } else if (change == QLatin1String("negative hours")) {
                set({QStringLiteral("rework"), 0, QStringLiteral("hours")}, -1.5);
            } else if (change == QLatin1String("revision number twice")) {
                set({QStringLiteral("streams"), 0, QStringLiteral("revisions"), 1, QStringLiteral("number")},
                    1);
            } else if (change == QLatin1String("blank run title")) {
                set({QStringLiteral("runs"), 2, QStringLiteral("title")}, QStringLiteral("  "));
            } else if (change == QLatin1String("outcome maybe")) {
                set({QStringLiteral("runs"), 0, QStringLiteral("items"), 0, QStringLiteral("attestations"), 1,
                     QStringLiteral("outcome")},
                    QStringLiteral("maybe"));
            }
            bytes = serialised(document);
        }

        TempLibrary target;
        const Status imported = importLibrary(*target, bytes, QStringLiteral("team.json"));
        QVERIFY(!imported.ok());
        QVERIFY2(imported.message().contains(expected), qPrintable(imported.message()));
        QCOMPARE(totalRows(*target), 0); // all or nothing
    }

    // A valid document that the file refuses half-way (here a trigger standing in for a full disk or a
    // rule this build does not know) leaves nothing behind.
    void aRefusalHalfWayWritesNothing()
    {
        const QByteArray& exported = m_exported;
        TempLibrary target;
        QVERIFY(
            rawExec(target.path(), QStringLiteral("CREATE TRIGGER no_rework BEFORE INSERT ON rework BEGIN "
                                                  "SELECT RAISE(ABORT, 'no rework today'); END")));
        const Status imported = importLibrary(*target, exported, QStringLiteral("team.json"));
        QVERIFY(!imported.ok());
        QCOMPARE(imported.message(),
                 QStringLiteral("team.json: rework[0]: the library refused it (the file could not "
                                "take it)."));
        QCOMPARE(totalRows(*target), 0);
    }

    void refusesALibraryThatIsNotEmpty()
    {
        const QByteArray& exported = m_exported;

        TempLibrary target;
        target.signer(QStringLiteral("Dana Already"), QStringLiteral("DA"));
        const qint64 rowsBefore = totalRows(*target);
        const qint64 eventsBefore = rowCount(*target, QStringLiteral("audit_event"));
        const Status imported = importLibrary(*target, exported, QStringLiteral("team.json"));
        QVERIFY(!imported.ok());
        QVERIFY2(imported.message().contains(QStringLiteral("is not empty")), qPrintable(imported.message()));
        QVERIFY2(imported.message().contains(QStringLiteral("team")), qPrintable(imported.message()));
        QCOMPARE(totalRows(*target), rowsBefore);
        QCOMPARE(rowCount(*target, QStringLiteral("audit_event")), eventsBefore);
    }
};

QTEST_GUILESS_MAIN(TestLibraryJsonRefusals)
#include "tst_libraryjsonrefusals.moc"
