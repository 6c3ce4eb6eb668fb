// Signing and voiding: the records of proof. Never undoable, never updated, never deleted.
#include "audit.h"
#include "fieldbounds.h"
#include "ids.h"
#include "library.h"
#include "runs.h"
#include "runrecords.h"
#include "sql.h"

#include <QJsonObject>
#include <QSet>

namespace stable {

namespace {


QString describeItem(const RunItem& item)
{
    return QStringLiteral("‘%1’").arg(item.ref());
}

} // namespace

QJsonObject attestationJson(const Attestation& a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("run_id"), a.runId},
                       {QStringLiteral("item_id"), a.itemId},
                       {QStringLiteral("attempt"), a.attempt},
                       {QStringLiteral("outcome"), toText(a.outcome)},
                       {QStringLiteral("signer_id"), a.signerId},
                       {QStringLiteral("meaning"), toText(a.meaning)},
                       {QStringLiteral("signed_at"), a.signedAt},
                       {QStringLiteral("recorded_at"), a.recordedAt},
                       {QStringLiteral("note"), a.note},
                       {QStringLiteral("evidence"), a.evidence},
                       {QStringLiteral("hash"), a.hash}};
}

QString attestationHash(const Attestation& a, const QString& statement)
{
    QByteArray text;
    appendHashField(text, QStringLiteral("stable-attestation/1"));
    appendHashField(text, a.id);
    appendHashField(text, a.runId);
    appendHashField(text, a.itemId);
    appendHashField(text, statement);
    appendHashField(text, QString::number(a.attempt));
    appendHashField(text, toText(a.outcome));
    appendHashField(text, a.signerId);
    appendHashField(text, toText(a.meaning));
    appendHashField(text, a.signedAt);
    appendHashField(text, a.recordedAt);
    appendHashField(text, a.note);
    appendHashField(text, a.evidence);
    return sha256Hex(text);
}

QString voidHash(const QString& voidId, const QString& attestationId, const QString& attestationHashText,
                 const QString& reason, const QString& voidedBy, const QString& voidedAt)
{
    QByteArray text;
    appendHashField(text, QStringLiteral("stable-void/1"));
    appendHashField(text, voidId);
    appendHashField(text, attestationId);
    appendHashField(text, attestationHashText);
    appendHashField(text, reason);
    appendHashField(text, voidedBy);
    appendHashField(text, voidedAt);
    return sha256Hex(text);
}

ItemState deriveItemState(const RunItem& item, int* nextAttempt)
{
    // Attempts end with a fail. The current attempt is the one after the latest standing fail.
    int lastFailAttempt = 0;
    const Attestation* latest = nullptr;
    for (const Attestation& a : item.attestations) {
        if (a.voided)
            continue;
        latest = &a;
        if (a.outcome == Outcome::Fail)
            lastFailAttempt = std::max(lastFailAttempt, a.attempt);
    }
    const int current = lastFailAttempt + 1;
    if (nextAttempt)
        *nextAttempt = current;
    if (latest && latest->outcome == Outcome::Fail)
        return ItemState::Failed;

    const int needed = item.critical ? 2 : 1;
    QSet<QString> passed;
    QSet<QString> notApplicable;
    for (const Attestation& a : item.attestations) {
        if (a.voided || a.attempt != current)
            continue;
        if (a.outcome == Outcome::Pass)
            passed.insert(a.signerId);
        else if (a.outcome == Outcome::NotApplicable)
            notApplicable.insert(a.signerId);
    }
    if (passed.size() >= needed)
        return ItemState::Passed;
    if (notApplicable.size() >= needed)
        return ItemState::NotApplicable;
    return ItemState::Open;
}

Result<Attestation> sign(Library& library, const Signer& signer, const SignRequest& request)
{
    auto loaded = loadRun(library, request.run);
    if (!loaded.ok())
        return loaded.error();
    const Run& run = loaded.value();
    if (run.status != RunStatus::Open)
        return refused(QStringLiteral("Run ‘%1’ is %2; nothing more can be signed in it.")
                           .arg(run.title, toText(run.status)));

    const QString wanted = request.item.trimmed();
    const RunItem* item = nullptr;
    for (const RunItem& candidate : run.items)
        if (candidate.id == wanted || candidate.ref() == wanted)
            item = &candidate;
    if (!item)
        return notFound(
            QStringLiteral("Run ‘%1’ has no item ‘%2’ (items are named STEP/CHECK, e.g. ‘%3’).")
                .arg(run.title, wanted, run.items.isEmpty() ? QString() : run.items.first().ref()));

    int attempt = 1;
    const ItemState state = deriveItemState(*item, &attempt);
    if (state == ItemState::Passed || state == ItemState::NotApplicable)
        return refused(QStringLiteral("Item %1 is already %2; void a signature first to sign it again.")
                           .arg(describeItem(*item), toText(state)));
    if (item->critical) {
        for (const Attestation& a : item->attestations)
            if (!a.voided && a.attempt == attempt && a.signerId == signer.personId())
                return refused(QStringLiteral("Item %1 is critical: it needs two different people, and %2 "
                                              "has already signed it.")
                                   .arg(describeItem(*item), signer.name()));
    }
    if (request.outcome == Outcome::NotApplicable && request.note.trimmed().isEmpty())
        return invalid(
            QStringLiteral("Marking %1 not applicable needs a reason (the note).").arg(describeItem(*item)));

    // When the signer says it was done: never in the future, never before the run started, each give or take
    // the clock difference allowed between two computers writing the same library.
    const QDateTime now = library.clock().now();
    QDateTime at = request.at.value_or(now);
    if (at > now.addSecs(signingClockSkewSeconds))
        return invalid(
            QStringLiteral("A signature cannot be dated in the future (%1; now is %2, and %3 minutes "
                           "are allowed for clock differences).")
                .arg(isoUtc(at), isoUtc(now))
                .arg(signingClockSkewSeconds / 60));
    if (const auto started = parseIsoMoment(run.startedAt);
        started && at < started->addSecs(-signingClockSkewSeconds))
        return invalid(
            QStringLiteral("A signature cannot be dated before its run started (%1 is before %2; %3 "
                           "minutes are allowed for clock differences).")
                .arg(isoUtc(at), run.startedAt)
                .arg(signingClockSkewSeconds / 60));

    Attestation attestation;
    attestation.id = newId();
    attestation.runId = run.id;
    attestation.itemId = item->id;
    attestation.attempt = attempt;
    attestation.outcome = request.outcome;
    attestation.signerId = signer.personId();
    attestation.signerInitials = signer.initials();
    attestation.signerName = signer.name();
    attestation.meaning = request.meaning;
    attestation.signedAt = isoUtc(at);
    attestation.recordedAt = isoUtc(now);
    attestation.note = storableText(request.note.trimmed());
    attestation.evidence = storableText(request.evidence.trimmed());
    STABLE_TRY(checkText(QStringLiteral("The note"), attestation.note, bounds::note, Lines::Many));
    STABLE_TRY(checkText(QStringLiteral("The evidence location"), attestation.evidence, bounds::evidence,
                         Lines::One));
    attestation.hash = attestationHash(attestation, item->statement);

    WriteTransaction transaction(library, Change::Attestations | Change::Runs);
    STABLE_TRY(transaction.begin());
    // Re-read the run's status inside the write lock: another instance may have closed it meanwhile.
    auto status = execSql(transaction.db(), QStringLiteral("SELECT status FROM run WHERE id = ?"), {run.id});
    if (!status.ok())
        return status.error();
    if (!status->next() || status->value(0).toString() != toText(RunStatus::Open))
        return refused(QStringLiteral("Run ‘%1’ was closed meanwhile; nothing was signed.").arg(run.title));
    status->finish();
    auto signedAlready = execSql(
        transaction.db(), QStringLiteral("SELECT count(*) FROM attestation WHERE item_id = ?"), {item->id});
    if (!signedAlready.ok())
        return signedAlready.error();
    if (signedAlready->next() && signedAlready->value(0).toInt() != item->attestations.size())
        return refused(QStringLiteral("Someone else signed %1 meanwhile; look at it again before signing.")
                           .arg(describeItem(*item)));
    signedAlready->finish();
    // A lock committed since the signer was authenticated (wrong PINs racing this one) wins.
    auto signerLocked = execSql(transaction.db(), QStringLiteral("SELECT locked FROM person WHERE id = ?"),
                                {signer.personId()});
    if (!signerLocked.ok())
        return signerLocked.error();
    if (signerLocked->next() && signerLocked->value(0).toBool())
        return Error{ErrorKind::Locked,
                     QStringLiteral("%1 was locked after %2 wrong PINs meanwhile; nothing was signed.")
                         .arg(signer.name())
                         .arg(maxFailedPinAttempts)};
    signerLocked->finish();

    STABLE_TRY(execSql(
        transaction.db(),
        QStringLiteral("INSERT INTO attestation (id, run_id, item_id, attempt, outcome, signer_id, "
                       "meaning, signed_at, recorded_at, note, evidence, hash) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
        {attestation.id, attestation.runId, attestation.itemId, attestation.attempt,
         toText(attestation.outcome), attestation.signerId, toText(attestation.meaning), attestation.signedAt,
         attestation.recordedAt, attestation.note, attestation.evidence, attestation.hash}));
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("attestation.sign"),
                                                   QStringLiteral("attestation"),
                                                   attestation.id,
                                                   {},
                                                   attestationJson(attestation),
                                                   item->ref(),
                                                   personActor(signer.personId())}));
    STABLE_TRY(transaction.commit());
    return attestation;
}

Result<QString> voidAttestation(Library& library, const Signer& by, const QString& runId,
                                const QString& attestationId, const QString& reason)
{
    const QString why = storableText(reason.trimmed());
    if (why.isEmpty())
        return invalid(QStringLiteral("A void needs a reason."));
    STABLE_TRY(checkText(QStringLiteral("The reason of a void"), why, bounds::note, Lines::Many));
    auto loaded = loadRun(library, runId);
    if (!loaded.ok())
        return loaded.error();
    const Run& run = loaded.value();
    if (run.status != RunStatus::Open)
        return refused(
            QStringLiteral("Run ‘%1’ is %2; its signatures are final.").arg(run.title, toText(run.status)));
    const Attestation* target = nullptr;
    const RunItem* targetItem = nullptr;
    for (const RunItem& item : run.items)
        for (const Attestation& a : item.attestations)
            if (a.id == attestationId.trimmed()) {
                target = &a;
                targetItem = &item;
            }
    if (!target)
        return notFound(
            QStringLiteral("Run ‘%1’ has no attestation ‘%2’.").arg(run.title, attestationId.trimmed()));
    if (target->voided)
        return refused(QStringLiteral("That signature of %1 was already voided (%2).")
                           .arg(describeItem(*targetItem), target->voidReason));

    const QString id = newId();
    const QString voidedAt = isoUtc(library.clock().now());
    const QString hash = voidHash(id, target->id, target->hash, why, by.personId(), voidedAt);
    WriteTransaction transaction(library, Change::Attestations | Change::Runs);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(execSql(
        transaction.db(),
        QStringLiteral("INSERT INTO attestation_void (id, attestation_id, reason, voided_by, voided_at, "
                       "hash) VALUES (?,?,?,?,?,?)"),
        {id, target->id, why, by.personId(), voidedAt, hash}));
    const QJsonObject after{{QStringLiteral("id"), id},
                            {QStringLiteral("attestation_id"), target->id},
                            {QStringLiteral("reason"), why},
                            {QStringLiteral("voided_by"), by.personId()},
                            {QStringLiteral("voided_at"), voidedAt},
                            {QStringLiteral("hash"), hash}};
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("attestation.void"),
                                                   QStringLiteral("attestation_void"),
                                                   id,
                                                   {},
                                                   after,
                                                   why,
                                                   personActor(by.personId())}));
    STABLE_TRY(transaction.commit());
    return id;
}

} // namespace stable
