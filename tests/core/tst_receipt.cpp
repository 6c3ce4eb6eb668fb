// The receipt of a run as JSON (stable-receipt/1): every attestation as stored, voids with their own hash,
// and the hashes that tie the receipt to the audit chain — each compared with the rows in the file.
#include "audit.h"
#include "fixtures.h"
#include "receipt.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

SignRequest signing(const QString& run, const QString& item, Outcome outcome, Meaning meaning = Meaning::Performed)
{
    SignRequest request;
    request.run = run;
    request.item = item;
    request.outcome = outcome;
    request.meaning = meaning;
    return request;
}

QJsonObject itemByRef(const QJsonArray& items, const QString& ref)
{
    for (const QJsonValue& item : items) {
        if (item[QStringLiteral("ref")].toString() == ref)
            return item.toObject();
    }
    return {};
}

// One row of a query as text columns; the test's view of the file.
QStringList row(Library& library, const QString& sql, const QVariantList& binds)
{
    auto query = execSql(library.db(), sql, binds);
    if (!query.ok() || !query->next())
        return {};
    QStringList values;
    for (int column = 0; column < query->record().count(); ++column)
        values << query->value(column).toString();
    return values;
}

} // namespace

class TestReceipt : public QObject
{
    Q_OBJECT
private:
    // Alice and Bob on the sample stream: a failed first attempt and its retry, a voided attestation and
    // its replacement, a critical item signed by both, and one item left unsigned.
    struct Scene
    {
        TempLibrary lib;
        Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        Signer bob = lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BO"));
        QString streamId = publishSample(*lib, alice);
        QString runId;
        QString voidedId;
        Scene()
        {
            auto run = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("Release 4.2.0"),
                                               RunKind::Release, 0, std::nullopt, std::nullopt});
            QVERIFY(run.ok());
            runId = run->id;
            QVERIFY(sign(*lib, alice, signing(runId, QStringLiteral("build/tests"), Outcome::Fail)).ok());
            QVERIFY(sign(*lib, alice, signing(runId, QStringLiteral("build/tests"), Outcome::Pass)).ok());
            SignRequest artifact = signing(runId, QStringLiteral("build/artifact"), Outcome::Pass);
            artifact.note = QStringLiteral("sha256 in REL-42");
            artifact.evidence = QStringLiteral("https://tickets.example/REL-42");
            auto first = sign(*lib, alice, artifact);
            QVERIFY(first.ok());
            voidedId = first->id;
            QVERIFY(voidAttestation(*lib, bob, runId, voidedId, QStringLiteral("Checksum of the wrong build")).ok());
            QVERIFY(sign(*lib, bob, artifact).ok());
            QVERIFY(sign(*lib, alice, signing(runId, QStringLiteral("deploy/go"), Outcome::Pass)).ok());
            QVERIFY(sign(*lib, bob, signing(runId, QStringLiteral("deploy/go"), Outcome::Pass, Meaning::Verified)).ok());
        }
    };

private slots:
    void carriesEveryAttestationAsStored()
    {
        Scene scene;
        const qint64 eventsBefore = rowCount(*scene.lib, QStringLiteral("audit_event"));
        auto receipt = loadReceipt(*scene.lib, scene.runId);
        QVERIFY2(receipt.ok(), qPrintable(receipt.message()));
        QCOMPARE(rowCount(*scene.lib, QStringLiteral("audit_event")), eventsBefore); // reading writes nothing

        const QJsonObject json = receiptToJson(receipt.value());
        QCOMPARE(json[QStringLiteral("format")].toString(), QStringLiteral("stable-receipt/1"));
        QCOMPARE(json[QStringLiteral("made_at")].toString(), QStringLiteral("2026-03-01T10:00:00Z"));
        QCOMPARE(json[QStringLiteral("library")].toString(), scene.lib->displayName());

        const QJsonObject run = json[QStringLiteral("run")].toObject();
        QCOMPARE(run[QStringLiteral("id")].toString(), scene.runId);
        QCOMPARE(run[QStringLiteral("title")].toString(), QStringLiteral("Release 4.2.0"));
        QCOMPARE(run[QStringLiteral("stream")].toString(), QStringLiteral("release"));
        QCOMPARE(run[QStringLiteral("revision")].toInt(), 1);
        QCOMPARE(run[QStringLiteral("status")].toString(), QStringLiteral("open"));
        const QJsonArray items = run[QStringLiteral("items")].toArray();
        QCOMPARE(items.size(), 4);

        int attestations = 0;
        for (const QJsonValue& item : items) {
            for (const QJsonValue& value : item[QStringLiteral("attestations")].toArray()) {
                ++attestations;
                const QJsonObject attestation = value.toObject();
                const QStringList stored = row(
                    *scene.lib,
                    QStringLiteral("SELECT a.outcome, p.initials, p.name, a.meaning, a.signed_at, a.note, a.evidence, "
                                   "a.attempt, a.hash FROM attestation a JOIN person p ON p.id = a.signer_id "
                                   "WHERE a.id = ?"),
                    {attestation[QStringLiteral("id")].toString()});
                const QStringList printed = {attestation[QStringLiteral("outcome")].toString(),
                                             attestation[QStringLiteral("signer")].toString(),
                                             attestation[QStringLiteral("signer_name")].toString(),
                                             attestation[QStringLiteral("meaning")].toString(),
                                             attestation[QStringLiteral("at")].toString(),
                                             attestation[QStringLiteral("note")].toString(),
                                             attestation[QStringLiteral("evidence")].toString(),
                                             QString::number(attestation[QStringLiteral("attempt")].toInt()),
                                             attestation[QStringLiteral("hash")].toString()};
                QCOMPARE(printed, stored);
                QCOMPARE(attestation[QStringLiteral("hash")].toString().size(), 64);
            }
        }
        QCOMPARE(attestations, static_cast<int>(rowCount(*scene.lib, QStringLiteral("attestation"))));

        // The failed first attempt and the retry are both there, numbered.
        const QJsonArray tests = itemByRef(items, QStringLiteral("build/tests"))[QStringLiteral("attestations")].toArray();
        QCOMPARE(tests.size(), 2);
        QCOMPARE(tests[0][QStringLiteral("outcome")].toString(), QStringLiteral("fail"));
        QCOMPARE(tests[0][QStringLiteral("attempt")].toInt(), 1);
        QCOMPARE(tests[1][QStringLiteral("attempt")].toInt(), 2);
        QVERIFY(tests[1][QStringLiteral("void")].isNull());

        const QJsonObject go = itemByRef(items, QStringLiteral("deploy/go"));
        QVERIFY(go[QStringLiteral("critical")].toBool());
        QCOMPARE(go[QStringLiteral("state")].toString(), QStringLiteral("passed"));
        QCOMPARE(go[QStringLiteral("attestations")].toArray().size(), 2);
        const QJsonObject smoke = itemByRef(items, QStringLiteral("deploy/smoke"));
        QCOMPARE(smoke[QStringLiteral("state")].toString(), QStringLiteral("open"));
        QVERIFY(smoke[QStringLiteral("attestations")].toArray().isEmpty());
    }

    void aVoidCarriesItsReasonSignerAndHash()
    {
        Scene scene;
        const QJsonObject json = receiptToJson(loadReceipt(*scene.lib, scene.runId).value());
        const QJsonArray artifact = itemByRef(json[QStringLiteral("run")][QStringLiteral("items")].toArray(),
                                              QStringLiteral("build/artifact"))[QStringLiteral("attestations")]
                                        .toArray();
        QCOMPARE(artifact.size(), 2);
        const QJsonObject voided = artifact[0].toObject();
        QCOMPARE(voided[QStringLiteral("id")].toString(), scene.voidedId);
        QVERIFY(voided[QStringLiteral("voided")].toBool());
        const QJsonObject record = voided[QStringLiteral("void")].toObject();
        const QStringList stored =
            row(*scene.lib,
                QStringLiteral("SELECT v.id, v.reason, v.voided_by, p.name, v.voided_at, v.hash FROM attestation_void v "
                               "JOIN person p ON p.id = v.voided_by WHERE v.attestation_id = ?"),
                {scene.voidedId});
        QCOMPARE((QStringList{record[QStringLiteral("id")].toString(), record[QStringLiteral("reason")].toString(),
                              record[QStringLiteral("by")].toString(), record[QStringLiteral("by_name")].toString(),
                              record[QStringLiteral("at")].toString(), record[QStringLiteral("hash")].toString()}),
                 stored);
        QCOMPARE(record[QStringLiteral("reason")].toString(), QStringLiteral("Checksum of the wrong build"));
        QCOMPARE(record[QStringLiteral("by_name")].toString(), QStringLiteral("Bob Builder"));
        QVERIFY(artifact[1][QStringLiteral("void")].isNull());
        QCOMPARE(artifact[1][QStringLiteral("signer_name")].toString(), QStringLiteral("Bob Builder"));
    }

    void tiesToTheRevisionAndTheAuditChain()
    {
        Scene scene;
        const QJsonObject json = receiptToJson(loadReceipt(*scene.lib, scene.runId).value());

        const QStringList revision =
            row(*scene.lib,
                QStringLiteral("SELECT r.number, r.id, r.snapshot_hash, r.published_by, p.name, r.published_at, r.reason "
                               "FROM revision r JOIN person p ON p.id = r.published_by JOIN run ON run.revision_id = r.id "
                               "WHERE run.id = ?"),
                {scene.runId});
        const QJsonObject printed = json[QStringLiteral("revision")].toObject();
        QCOMPARE((QStringList{QString::number(printed[QStringLiteral("number")].toInt()),
                              printed[QStringLiteral("id")].toString(), printed[QStringLiteral("hash")].toString(),
                              printed[QStringLiteral("published_by")].toString(),
                              printed[QStringLiteral("published_by_name")].toString(),
                              printed[QStringLiteral("published_at")].toString(),
                              printed[QStringLiteral("reason")].toString()}),
                 revision);

        // The items hash is the one the run.start audit event recorded when the run began.
        const QStringList started =
            row(*scene.lib,
                QStringLiteral("SELECT json_extract(after, '$.items_hash') FROM audit_event "
                               "WHERE entity = 'run' AND entity_id = ? ORDER BY seq LIMIT 1"),
                {scene.runId});
        QCOMPARE(json[QStringLiteral("items_hash")].toString(), started.value(0));
        QCOMPARE(json[QStringLiteral("items_hash")].toString().size(), 64);

        // The head is the newest audit event of the file when the receipt was made.
        const QStringList newest =
            row(*scene.lib, QStringLiteral("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"), {});
        const QJsonObject head = json[QStringLiteral("audit_head")].toObject();
        QCOMPARE((QStringList{QString::number(head[QStringLiteral("length")].toInteger()),
                              head[QStringLiteral("hash")].toString()}),
                 newest);

        // A later record moves the head on: a receipt is a snapshot of the chain at its moment.
        QVERIFY(closeRun(*scene.lib, CloseRun{scene.runId, true, QStringLiteral("Smoke test environment down")}).ok());
        const QJsonObject later = receiptToJson(loadReceipt(*scene.lib, scene.runId).value());
        QCOMPARE(later[QStringLiteral("audit_head")][QStringLiteral("length")].toInteger(),
                 head[QStringLiteral("length")].toInteger() + 1);
        QCOMPARE(later[QStringLiteral("run")][QStringLiteral("status")].toString(), QStringLiteral("rolled back"));
        QCOMPARE(later[QStringLiteral("run")][QStringLiteral("lessons")].toString(),
                 QStringLiteral("Smoke test environment down"));
        QCOMPARE(later[QStringLiteral("items_hash")], json[QStringLiteral("items_hash")]);
    }

    void refusesAnUnknownRun()
    {
        TempLibrary lib;
        const RowCounts before = rowCounts(*lib, {QStringLiteral("audit_event"), QStringLiteral("run")});
        expectRefused(*lib, loadReceipt(*lib, QStringLiteral("no-such-run")), QStringLiteral("No run with id ‘no-such-run’."),
                      before);
    }

    void shortHashIsTwelveDigits()
    {
        QCOMPARE(shortHash(QStringLiteral("0123456789abcdef0123")), QStringLiteral("0123456789ab"));
    }
};

QTEST_GUILESS_MAIN(TestReceipt)
#include "tst_receipt.moc"
