// The bulk writer's texts (the large demo's records, hashes and audit events) must be byte for byte
// what the everyday functions write, or `verify` would call the generated history tampered with.
#include "audit.h"
#include "bulkwrite.h"
#include "clock.h"
#include "demobulk.h"
#include "ids.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace stable;
using namespace stable::test;

namespace {

QByteArray viaQt(const QJsonObject& object)
{
    return canonicalJson(object).toUtf8();
}

QByteArray viaWriter(const QString& value)
{
    QByteArray out;
    JsonObjectWriter(out).text("note", value.toUtf8()).close();
    return out;
}

} // namespace

class TestBulkWrite : public QObject
{
    Q_OBJECT

private slots:
    void stringsAreEscapedAsQtDoes()
    {
        QStringList samples = {QString(), QStringLiteral("plain"), QStringLiteral("Kai Müller"),
                               QStringLiteral("€ and 😀"), QStringLiteral("a/b \"quoted\" back\\slash")};
        for (char16_t c = 0; c < 0x80; ++c)
            samples.append(QStringLiteral("x") + QChar(c) + QStringLiteral("y"));
        for (const QString& sample : std::as_const(samples))
            QCOMPARE(viaWriter(sample), viaQt(QJsonObject{{QStringLiteral("note"), sample}}));
    }

    void numbersAndKeysAreWrittenAsQtDoes()
    {
        for (const double hours : {0.25, 0.5, 1.0, 1.5, 3.75, 8000.0, 8123.0, 1234.5})
            for (const qint64 number : {qint64(0), qint64(7), qint64(-3), qint64(123456789012)}) {
                QByteArray out;
                JsonObjectWriter(out)
                    .boolean("critical", number > 0)
                    .real("hours", hours)
                    .integer("number", number)
                    .text("run_id", "r")
                    .close();
                QCOMPARE(out, viaQt(QJsonObject{{QStringLiteral("run_id"), QStringLiteral("r")},
                                                {QStringLiteral("number"), number},
                                                {QStringLiteral("hours"), hours},
                                                {QStringLiteral("critical"), number > 0}}));
            }
    }

    void momentsAreWrittenAsIsoUtcDoes()
    {
        const QList<QDateTime> moments = {
            QDateTime(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc()),
            QDateTime(QDate(2000, 2, 29), QTime(23, 59, 59), QTimeZone::utc()),
            QDateTime(QDate(2016, 12, 31), QTime(12, 0, 1), QTimeZone::utc()),
            QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc()),
            QDateTime(QDate(1969, 12, 31), QTime(23, 0), QTimeZone::utc()),
            QDateTime(QDate(1000, 1, 1), QTime(0, 0), QTimeZone::utc()),
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), QTimeZone::utc())};
        for (const QDateTime& moment : moments)
            QCOMPARE(QString::fromLatin1(isoUtcText(moment.toSecsSinceEpoch())), isoUtc(moment));
        // Every day of a decade, at a moment that moves through the day.
        QDateTime moment(QDate(2016, 1, 1), QTime(0, 0, 7), QTimeZone::utc());
        for (int day = 0; day < 3700; ++day, moment = moment.addSecs(86400 + 3607))
            QCOMPARE(QString::fromLatin1(isoUtcText(moment.toSecsSinceEpoch())), isoUtc(moment));
    }

    void hashedTextIsAppendHashFieldsAndSha256()
    {
        QByteArray expected;
        QByteArray written;
        for (const QString& field : {QStringLiteral("stable-attestation/1"), QString(), QStringLiteral("Kai Müller €")}) {
            appendHashField(expected, field);
            appendHashBytes(written, field.toUtf8());
        }
        QCOMPARE(written, expected);
        QCOMPARE(QString::fromLatin1(sha256HexText(written)), sha256Hex(expected));
    }

    void idsAreVersionFourRisingAndFromTheSeed()
    {
        SequentialIds ids(7);
        SequentialIds same(7);
        SequentialIds other(8);
        QByteArray previous;
        for (int i = 0; i < 1000; ++i) {
            const QByteArray id = ids.next();
            QVERIFY2(looksLikeId(QString::fromLatin1(id)), id.constData());
            QCOMPARE(id.at(14), '4');
            QVERIFY(QByteArrayLiteral("89ab").contains(id.at(19)));
            QVERIFY2(id > previous, id.constData());
            QCOMPARE(same.next(), id);
            QVERIFY(other.next() != id);
            previous = id;
        }
    }

    void aRefusedRowIsReportedAndNotWritten()
    {
        TempLibrary lib;
        const qint64 before = rowCount(*lib, QStringLiteral("team_hours"));
        BulkStatement insert(lib->db(), "INSERT INTO team_hours (month, hours) VALUES (?, ?)");
        QVERIFY(insert.text("2026-01").real(100).run().ok());
        const Status refused = insert.text("2026-02").real(-5).run();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message().startsWith(QStringLiteral("The library refused the change")),
                 qPrintable(refused.message()));
        QVERIFY2(!refused.message().contains(QStringLiteral("INSERT")), qPrintable(refused.message()));
        QCOMPARE(rowCount(*lib, QStringLiteral("team_hours")), before + 1);
        // The statement is usable again after a refusal.
        QVERIFY(insert.text("2026-03").real(7.5).run().ok());
        QCOMPARE(rowCount(*lib, QStringLiteral("team_hours")), before + 2);
    }

    void theDerivedSummariesAreFilledWithTheMigrationsOwnStatements()
    {
        auto fills = demo::derivedFillStatements();
        QVERIFY2(fills.ok(), qPrintable(fills.message()));
        // Every summary table of the schema is filled, in migration order (the step totals sum the months).
        QStringList filled;
        for (const QString& statement : fills.value())
            filled << statement.section(QLatin1Char(' '), 2, 2);
        QCOMPARE(filled, (QStringList{QStringLiteral("derived_run_step"), QStringLiteral("derived_step_month"),
                                      QStringLiteral("derived_run_month"), QStringLiteral("derived_step_total"),
                                      QStringLiteral("derived_rework_month"), QStringLiteral("derived_rework_month"),
                                      QStringLiteral("derived_rework_step"), QStringLiteral("derived_run_items"),
                                      QStringLiteral("derived_incident_answer")}));
        TempLibrary lib;
        auto tables = execSql(lib->db(), QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                                        "AND name LIKE 'derived\\_%' ESCAPE '\\'"));
        QVERIFY(tables.ok());
        while (tables->next())
            QVERIFY2(filled.contains(tables->value(0).toString()), qPrintable(tables->value(0).toString()));
    }
};

QTEST_GUILESS_MAIN(TestBulkWrite)
#include "tst_bulkwrite.moc"
