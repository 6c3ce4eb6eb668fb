// The witness folder of an operating-system account (issue 14 item 15): one for the app and stablectl, and
// the heads either program remembered in its old folder carried over once, the furthest per library, so
// that nothing seen before is forgotten.
#include "audit.h"
#include "library.h"
#include "sql.h"
#include "testlibrary.h"
#include "witness.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

void plant(const QString& folder, const QString& libraryId, qint64 length, const QString& hash)
{
    QVERIFY(QDir().mkpath(folder));
    QFile file(QDir(folder).filePath(libraryId + QStringLiteral(".json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("library"), libraryId},
                                         {QStringLiteral("length"), length},
                                         {QStringLiteral("hash"), hash},
                                         {QStringLiteral("seen_at"), QStringLiteral("2026-02-01T10:00:00Z")}})
                   .toJson());
}

} // namespace

class TestWitnessFolder : public QObject
{
    Q_OBJECT
private slots:
    void theOldFoldersAreMergedOnceKeepingTheFurthestHead()
    {
        QTemporaryDir data;
        // Two libraries made while the witness is elsewhere (the tests' folder), so that the account's folder
        // is first used below.
        TempLibrary first;
        first.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL"));
        first.signer(QStringLiteral("Bo Ek"), QStringLiteral("BO"));
        TempLibrary second;
        second.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL"));
        const ChainHead firstHead = chainHead(*first).value();
        const ChainHead secondHead = chainHead(*second).value();
        QVERIFY(firstHead.length >= 2);

        qunsetenv("STABLE_WITNESS_DIR");
        qputenv("XDG_DATA_HOME", data.path().toUtf8());
        const QStringList legacy = legacyWitnessFolders();
        QCOMPARE(legacy, (QStringList{data.filePath(QStringLiteral("Stable/Stable/witness")),
                                      data.filePath(QStringLiteral("stablectl/witness"))}));
        // The app saw the first library whole, stablectl an event earlier; only stablectl saw the second, and
        // with another hash than the file has now (it was re-hashed since).
        auto atOne = [&](Library& library) {
            auto query = execSql(library.db(), QStringLiteral("SELECT hash FROM audit_event WHERE seq = 1"));
            return query.ok() && query->next() ? query->value(0).toString() : QString();
        };
        plant(legacy.at(0), first->libraryId(), firstHead.length, firstHead.hash);
        plant(legacy.at(1), first->libraryId(), 1, atOne(*first));
        plant(legacy.at(1), second->libraryId(), secondHead.length, QString(64, QLatin1Char('a')));

        QCOMPARE(witnessFolder(), data.filePath(QStringLiteral("Stable/witness")));
        auto firstReport = checkWitness(*first);
        QVERIFY(firstReport.ok());
        QVERIFY(firstReport->known && firstReport->ok);
        QCOMPARE(firstReport->seenLength, firstHead.length);
        auto secondReport = checkWitness(*second);
        QVERIFY(secondReport.ok());
        QVERIFY(secondReport->known);
        QVERIFY2(!secondReport->ok && secondReport->problem.contains(QLatin1String("re-hashed")),
                 qPrintable(secondReport->problem));
        QVERIFY(QFile::exists(data.filePath(QStringLiteral("Stable/witness/.merged-legacy"))));

        qputenv("STABLE_WITNESS_DIR", first.file(QStringLiteral("witness")).toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestWitnessFolder)
#include "tst_witnessfolder.moc"
