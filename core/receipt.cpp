// The receipt of a run: what was signed, by whom, when, and the hashes that bind it to the audit chain.
#include "receipt.h"

#include "clock.h"
#include "jsonshapes.h"
#include "library.h"
#include "sql.h"

#include <QJsonArray>

namespace stable {

namespace {

// The stored hash of each void of a run: read from the file rather than recomputed, so that a receipt
// shows what `verify` will check.
Result<QHash<QString, QString>> voidHashesOf(Library& library, const QString& runId)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT v.attestation_id, v.hash FROM attestation_void v "
                                        "JOIN attestation a ON a.id = v.attestation_id WHERE a.run_id = ?"),
                         {runId});
    STABLE_TRY(query);
    QHash<QString, QString> hashes;
    while (query->next())
        hashes.insert(query->value(0).toString(), query->value(1).toString());
    return hashes;
}

QJsonValue voidToJson(const Attestation& attestation, const QString& hash)
{
    if (!attestation.voided)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("id"), attestation.voidId},
                       {QStringLiteral("reason"), attestation.voidReason},
                       {QStringLiteral("by"), attestation.voidedBy},
                       {QStringLiteral("by_name"), attestation.voidedByName},
                       {QStringLiteral("at"), attestation.voidedAt},
                       {QStringLiteral("hash"), hash}};
}

} // namespace

Result<Receipt> loadReceipt(Library& library, const QString& runId)
{
    Receipt receipt;
    auto run = loadRun(library, runId);
    STABLE_TRY(run);
    receipt.run = run.value();
    auto revision = loadRevision(library, receipt.run.streamId, receipt.run.revisionNumber);
    STABLE_TRY(revision);
    receipt.revision = revision.value();
    auto frozen = loadFrozenItems(library, receipt.run.id);
    STABLE_TRY(frozen);
    receipt.itemsHash = runItemsHash(frozen.value());
    auto voids = voidHashesOf(library, receipt.run.id);
    STABLE_TRY(voids);
    receipt.voidHashes = voids.value();
    auto head = chainHead(library);
    STABLE_TRY(head);
    receipt.chainHead = head.value();
    receipt.libraryName = library.displayName();
    receipt.madeAt = isoUtc(library.clock().now());
    return receipt;
}

QJsonObject receiptToJson(const Receipt& receipt)
{
    QJsonObject run = runToJson(receipt.run);
    // runToJson lists attestations in item order; add each one's void as one object.
    QJsonArray items = run.value(QStringLiteral("items")).toArray();
    for (int i = 0; i < items.size() && i < receipt.run.items.size(); ++i) {
        QJsonObject item = items.at(i).toObject();
        QJsonArray attestations = item.value(QStringLiteral("attestations")).toArray();
        const QList<Attestation>& recorded = receipt.run.items.at(i).attestations;
        for (int a = 0; a < attestations.size() && a < recorded.size(); ++a) {
            QJsonObject attestation = attestations.at(a).toObject();
            const Attestation& record = recorded.at(a);
            attestation.insert(QStringLiteral("void"), voidToJson(record, receipt.voidHashes.value(record.id)));
            attestations.replace(a, attestation);
        }
        item.insert(QStringLiteral("attestations"), attestations);
        items.replace(i, item);
    }
    run.insert(QStringLiteral("items"), items);

    const Revision& revision = receipt.revision;
    const QJsonObject revisionObject{{QStringLiteral("number"), revision.number},
                                     {QStringLiteral("id"), revision.id},
                                     {QStringLiteral("hash"), revision.snapshotHash},
                                     {QStringLiteral("published_by"), revision.publishedBy},
                                     {QStringLiteral("published_by_name"), revision.publisherName},
                                     {QStringLiteral("published_at"), revision.publishedAt},
                                     {QStringLiteral("reason"), revision.reason}};
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("stable-receipt/1")},
                       {QStringLiteral("library"), receipt.libraryName},
                       {QStringLiteral("made_at"), receipt.madeAt},
                       {QStringLiteral("run"), run},
                       {QStringLiteral("revision"), revisionObject},
                       {QStringLiteral("items_hash"), receipt.itemsHash},
                       {QStringLiteral("audit_head"),
                        QJsonObject{{QStringLiteral("hash"), receipt.chainHead.hash},
                                    {QStringLiteral("length"), receipt.chainHead.length}}}};
}

QString shortHash(const QString& hash)
{
    return hash.left(12);
}

} // namespace stable
