// verify, check and backup: the product's answers to "can this file still be trusted?".
#include "integrity.h"

#include "audit.h"
#include "library.h"
#include "runrecords.h"
#include "runs.h"
#include "sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <limits>

namespace stable {

namespace {

constexpr int maxProblems = 20;

void report(VerifyReport& verdict, const QString& problem)
{
    if (verdict.ok)
        verdict.firstProblem = problem;
    verdict.ok = false;
    if (verdict.problems.size() < maxProblems)
        verdict.problems.append(problem);
}

// The audit chain: seq 1, 2, 3 … without gaps, each event's prev_hash the previous hash, each hash right.
Status verifyChain(Library& library, VerifyReport& verdict)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT seq, at, actor, action, entity, entity_id, before, after, "
                                        "why, prev_hash, hash FROM audit_event ORDER BY seq"));
    if (!query.ok())
        return query.error();
    qint64 expected = 1;
    QString previousHash;
    while (query->next()) {
        AuditEvent event;
        event.seq = query->value(0).toLongLong();
        event.at = query->value(1).toString();
        event.actor = query->value(2).toString();
        event.action = query->value(3).toString();
        event.entity = query->value(4).toString();
        event.entityId = query->value(5).toString();
        event.before = query->value(6).toString();
        event.after = query->value(7).toString();
        event.why = query->value(8).toString();
        event.prevHash = query->value(9).toString();
        event.hash = query->value(10).toString();
        ++verdict.events;
        if (event.seq != expected)
            report(verdict, QStringLiteral("Audit events %1 to %2 are missing: the log jumps from %3 to %4.")
                                .arg(expected)
                                .arg(event.seq - 1)
                                .arg(expected - 1)
                                .arg(event.seq));
        else if (event.prevHash != previousHash)
            report(verdict,
                   QStringLiteral("Audit event %1 (%2) does not follow event %3: the chain was broken there.")
                       .arg(event.seq)
                       .arg(event.action)
                       .arg(event.seq - 1));
        else if (auditHash(event) != event.hash)
            report(verdict, QStringLiteral("Audit event %1 (%2 of %3 ‘%4’) was changed after it was written.")
                                .arg(event.seq)
                                .arg(event.action, event.entity, event.entityId));
        expected = event.seq + 1;
        previousHash = event.hash;
    }
    verdict.headHash = previousHash;
    return success();
}

// The 'attestation.sign' events in the order they were written: attestations are appended in that same
// order, so verifyAttestations walks both tables once side by side instead of one lookup per attestation.
class SignEvents
{
public:
    struct Event
    {
        qint64 seq = 0;
        QString attestationId;
        QVariant hash;
    };

    Status start(Library& library)
    {
        // NOT INDEXED: by seq straight through the table, not by entity through audit_by_entity and a sort.
        auto query = execSql(library.db(),
                             QStringLiteral("SELECT e.seq, e.entity_id, json_extract(e.after, '$.hash') "
                                            "FROM audit_event e NOT INDEXED "
                                            "WHERE e.entity = 'attestation' AND e.action = 'attestation.sign' "
                                            "ORDER BY e.seq"));
        if (!query.ok())
            return query.error();
        m_query = std::move(query.value());
        advance();
        return success();
    }

    const Event* current() const { return m_done ? nullptr : &m_current; }

    void advance()
    {
        m_done = !m_query.next();
        if (m_done)
            return;
        m_current.seq = m_query.value(0).toLongLong();
        m_current.attestationId = m_query.value(1).toString();
        m_current.hash = m_query.value(2);
    }

    // Passes over events no attestation row met in order; they are the candidates for "missing".
    void skipBefore(qint64 seq, QList<Event>& skipped, QSet<QString>& skippedIds)
    {
        while (!m_done && m_current.seq < seq) {
            skipped.append(m_current);
            skippedIds.insert(m_current.attestationId);
            advance();
        }
    }

    void finish() { m_query.finish(); }

private:
    QSqlQuery m_query;
    Event m_current;
    bool m_done = true;
};

// Every attestation's hash must be what was signed, and must be the one its audit event recorded.
Status verifyAttestations(Library& library, VerifyReport& verdict)
{
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT a.id, a.run_id, a.item_id, a.attempt, a.outcome, a.signer_id, a.meaning, "
                       "a.signed_at, a.recorded_at, a.note, a.evidence, a.hash, i.statement, i.run_id, "
                       "i.step_key || '/' || i.check_key "
                       "FROM attestation a LEFT JOIN run_item i ON i.id = a.item_id ORDER BY a.rowid"));
    if (!query.ok())
        return query.error();
    SignEvents events;
    STABLE_TRY(events.start(library));
    QList<SignEvents::Event> skipped;
    QSet<QString> skippedIds;
    while (query->next()) {
        Attestation a;
        a.id = query->value(0).toString();
        a.runId = query->value(1).toString();
        a.itemId = query->value(2).toString();
        a.attempt = query->value(3).toInt();
        a.outcome = parseOutcome(query->value(4).toString()).value_or(Outcome::Fail);
        a.signerId = query->value(5).toString();
        a.meaning = parseMeaning(query->value(6).toString()).value_or(Meaning::Performed);
        a.signedAt = query->value(7).toString();
        a.recordedAt = query->value(8).toString();
        a.note = query->value(9).toString();
        a.evidence = query->value(10).toString();
        const QString storedHash = query->value(11).toString();
        const QString statement = query->value(12).toString();
        const QString itemRun = query->value(13).toString();
        const QString ref = query->value(14).toString();
        QVariant recorded;
        // In step, the next event is this attestation's first: every earlier one was another's or skipped.
        const SignEvents::Event* next = events.current();
        if (next && next->attestationId == a.id && !skippedIds.contains(a.id)) {
            recorded = next->hash;
            events.advance();
        } else {
            // Out of step (an attestation inserted, deleted or reordered behind Stable's back): the exact lookup.
            auto first = execSql(library.db(),
                                 QStringLiteral("SELECT e.seq, json_extract(e.after, '$.hash') FROM audit_event e "
                                                "WHERE e.entity = 'attestation' AND e.entity_id = ? "
                                                "AND e.action = 'attestation.sign' ORDER BY e.seq LIMIT 1"),
                                 {a.id});
            if (!first.ok())
                return first.error();
            if (first->next()) {
                const qint64 seq = first->value(0).toLongLong();
                recorded = first->value(1);
                events.skipBefore(seq, skipped, skippedIds);
                if (events.current() && events.current()->seq == seq)
                    events.advance();
            }
        }
        ++verdict.attestations;
        // The words must be the ones stored; an outcome or meaning outside the vocabulary is tampering too.
        const bool wordsIntact = toText(a.outcome) == query->value(4).toString() &&
                                 toText(a.meaning) == query->value(6).toString();
        if (recorded.isNull())
            report(verdict,
                   QStringLiteral("Attestation %1 (item ‘%2’) has no audit record: it was inserted behind "
                                  "Stable's back.")
                       .arg(a.id, ref));
        else if (itemRun != a.runId)
            report(verdict, QStringLiteral(
                                "Attestation %1 points at run %2 but its item belongs to another run: it was "
                                "moved.")
                                .arg(a.id, a.runId));
        else if (!wordsIntact || attestationHash(a, statement) != storedHash)
            report(verdict, QStringLiteral(
                                "Attestation %1 (item ‘%2’) was changed after signing: it no longer matches "
                                "what was signed.")
                                .arg(a.id, ref));
        else if (recorded.toString() != storedHash)
            report(verdict,
                   QStringLiteral("Attestation %1 (item ‘%2’) differs from what the audit log recorded at "
                                  "signing.")
                       .arg(a.id, ref));
    }
    query->finish();
    // Events met in step belong to attestations that exist; the others are checked one by one.
    events.skipBefore(std::numeric_limits<qint64>::max(), skipped, skippedIds);
    events.finish();
    int missing = 0;
    for (const SignEvents::Event& event : std::as_const(skipped)) {
        if (missing == maxProblems)
            break;
        auto exists = execSql(library.db(),
                              QStringLiteral("SELECT EXISTS (SELECT 1 FROM attestation WHERE id = ?), "
                                             "(SELECT json_extract(after, '$.run_id') FROM audit_event WHERE seq = ?)"),
                              {event.attestationId, event.seq});
        if (!exists.ok())
            return exists.error();
        if (!exists->next() || exists->value(0).toBool())
            continue;
        ++missing;
        report(verdict,
               QStringLiteral("Attestation %1 (signed in run %2, audit event %3) is missing: it was deleted.")
                   .arg(event.attestationId, exists->value(1).toString())
                   .arg(event.seq));
    }
    return success();
}

Status verifyVoids(Library& library, VerifyReport& verdict)
{
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT v.id, v.attestation_id, a.hash, v.reason, v.voided_by, v.voided_at, v.hash, "
                       "(SELECT json_extract(e.after, '$.hash') FROM audit_event e "
                       " WHERE e.entity = 'attestation_void' AND e.entity_id = v.id ORDER BY e.seq LIMIT 1) "
                       "FROM attestation_void v LEFT JOIN attestation a ON a.id = v.attestation_id "
                       "ORDER BY v.rowid"));
    if (!query.ok())
        return query.error();
    while (query->next()) {
        ++verdict.voids;
        const QString id = query->value(0).toString();
        const QString expected =
            voidHash(id, query->value(1).toString(), query->value(2).toString(), query->value(3).toString(),
                     query->value(4).toString(), query->value(5).toString());
        if (query->value(7).isNull())
            report(
                verdict,
                QStringLiteral("Void %1 has no audit record: it was inserted behind Stable's back.").arg(id));
        else if (expected != query->value(6).toString() ||
                 query->value(7).toString() != query->value(6).toString())
            report(verdict, QStringLiteral("Void %1 (of attestation %2) was changed after it was recorded.")
                                .arg(id, query->value(1).toString()));
    }
    query->finish();
    auto missing =
        execSql(library.db(),
                QStringLiteral("SELECT e.seq, e.entity_id FROM audit_event e LEFT JOIN attestation_void v "
                               "ON v.id = e.entity_id WHERE e.entity = 'attestation_void' AND v.id IS NULL "
                               "ORDER BY e.seq LIMIT 20"));
    if (!missing.ok())
        return missing.error();
    while (missing->next())
        report(verdict,
               QStringLiteral("Void %1 (audit event %2) is missing: it was deleted, and the signature it "
                              "voided stands again.")
                   .arg(missing->value(1).toString())
                   .arg(missing->value(0).toLongLong()));
    return success();
}

// A revision is what its publication recorded: the snapshot (by its hash) and who, when, why and which.
Status verifyRevisions(Library& library, VerifyReport& verdict)
{
    auto query =
        execSql(library.db(),
                QStringLiteral("SELECT r.id, r.number, s.key, r.snapshot, r.snapshot_hash, "
                               "(SELECT e.after FROM audit_event e "
                               " WHERE e.entity = 'revision' AND e.entity_id = r.id ORDER BY e.seq LIMIT 1), "
                               "r.stream_id, r.published_at, r.published_by, r.reason "
                               "FROM revision r LEFT JOIN stream s ON s.id = r.stream_id ORDER BY r.rowid"));
    if (!query.ok())
        return query.error();
    while (query->next()) {
        ++verdict.revisions;
        const QString name = QStringLiteral("Revision %1 of ‘%2’")
                                 .arg(query->value(1).toInt())
                                 .arg(query->value(2).toString());
        const QString stored = query->value(4).toString();
        if (query->value(5).isNull()) {
            report(verdict,
                   name + QStringLiteral(" has no audit record: it was inserted behind Stable's back."));
            continue;
        }
        const QJsonObject recorded = QJsonDocument::fromJson(query->value(5).toString().toUtf8()).object();
        const bool asPublished = recorded.value(QStringLiteral("snapshot_hash")).toString() == stored &&
                                 recorded.value(QStringLiteral("stream_id")).toString() == query->value(6).toString() &&
                                 recorded.value(QStringLiteral("number")).toInteger() == query->value(1).toLongLong() &&
                                 recorded.value(QStringLiteral("published_at")).toString() == query->value(7).toString() &&
                                 recorded.value(QStringLiteral("published_by")).toString() == query->value(8).toString() &&
                                 recorded.value(QStringLiteral("reason")).toString() == query->value(9).toString();
        if (sha256Hex(query->value(3).toString().toUtf8()) != stored || !asPublished)
            report(verdict, name + QStringLiteral(" was changed after it was published."));
    }
    return success();
}

// A run's frozen items must be the ones its start recorded (their hash is in the run.start event).
Status verifyRunItems(Library& library, VerifyReport& verdict)
{
    auto runs = execSql(library.db(),
                        QStringLiteral("SELECT r.id, r.title, (SELECT json_extract(e.after, '$.items_hash') "
                                       "FROM audit_event e WHERE e.entity = 'run' AND e.entity_id = r.id "
                                       "AND e.action = 'run.start' ORDER BY e.seq LIMIT 1) FROM run r "
                                       "ORDER BY r.rowid"));
    if (!runs.ok())
        return runs.error();
    QList<std::tuple<QString, QString, QVariant>> list;
    while (runs->next())
        list.append({runs->value(0).toString(), runs->value(1).toString(), runs->value(2)});
    runs->finish();
    // Every run's items in one pass down run_item_by_run, rather than one query per run.
    auto items = execSql(library.db(),
                         QStringLiteral("SELECT ") + frozenItemColumns +
                             QStringLiteral(" FROM run_item ORDER BY run_id, position"));
    if (!items.ok())
        return items.error();
    QHash<QString, QString> hashes;
    QString runId;
    bool inRun = false;
    QList<RunItem> frozen;
    while (items->next()) {
        const QString itemRun = items->value(0).toString();
        if (!inRun || itemRun != runId) {
            if (inRun)
                hashes.insert(runId, runItemsHash(frozen));
            runId = itemRun;
            inRun = true;
            frozen.clear();
        }
        frozen.append(frozenItemFrom(items.value()));
    }
    if (inRun)
        hashes.insert(runId, runItemsHash(frozen));
    items->finish();
    const QString emptyHash = runItemsHash({});
    for (const auto& [id, title, recorded] : std::as_const(list)) {
        if (recorded.isNull()) {
            report(verdict,
                   QStringLiteral("Run %1 (‘%2’) has no audit record: it was inserted behind Stable's back.")
                       .arg(id, title));
            continue;
        }
        if (hashes.value(id, emptyHash) != recorded.toString())
            report(verdict, QStringLiteral("The items of run %1 (‘%2’) were changed after the run started.")
                                .arg(id, title));
    }
    return success();
}

} // namespace

Result<VerifyReport> verifyLibrary(Library& library)
{
    VerifyReport verdict;
    STABLE_TRY(verifyChain(library, verdict));
    STABLE_TRY(verifyAttestations(library, verdict));
    STABLE_TRY(verifyVoids(library, verdict));
    STABLE_TRY(verifyRevisions(library, verdict));
    STABLE_TRY(verifyRunItems(library, verdict));
    return verdict;
}

Result<CheckReport> checkLibrary(Library& library)
{
    CheckReport verdict;
    auto integrity = execSql(library.db(), QStringLiteral("PRAGMA integrity_check(20)"));
    if (!integrity.ok()) {
        verdict.ok = false;
        verdict.problems << integrity.message();
        return verdict;
    }
    while (integrity->next()) {
        const QString line = integrity->value(0).toString();
        if (line != QLatin1String("ok")) {
            verdict.ok = false;
            verdict.problems << QStringLiteral("Damaged storage: %1").arg(line);
        }
    }
    integrity->finish();
    auto keys = execSql(library.db(), QStringLiteral("PRAGMA foreign_key_check"));
    if (!keys.ok()) {
        verdict.ok = false;
        verdict.problems << keys.message();
        return verdict;
    }
    while (keys->next() && verdict.problems.size() < maxProblems) {
        verdict.ok = false;
        verdict.problems << QStringLiteral("A record in ‘%1’ (row %2) points at a missing record in ‘%3’.")
                                .arg(keys->value(0).toString(), keys->value(1).toString(),
                                     keys->value(2).toString());
    }
    return verdict;
}

Status backupLibrary(Library& library, const QString& destination)
{
    const QFileInfo target(destination);
    if (target.exists())
        return refused(
            QStringLiteral("‘%1’ already exists; a backup never overwrites a file.").arg(destination));
    if (!target.absoluteDir().exists())
        return notFound(QStringLiteral("The folder %1 does not exist.").arg(target.absolutePath()));
    QString escaped = target.absoluteFilePath();
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    // VACUUM INTO reads one consistent snapshot while other connections go on writing.
    auto copied = execSql(library.db(), QStringLiteral("VACUUM INTO '%1'").arg(escaped));
    if (!copied.ok()) {
        QFile::remove(destination);
        return storageError(QStringLiteral("The backup could not be written: %1").arg(copied.message()));
    }
    // A backup is only reported done once it has been opened and verified.
    OpenOptions readOnly;
    readOnly.readOnly = true;
    QString failure;
    {
        auto opened = Library::open(destination, readOnly);
        if (!opened.ok()) {
            failure = opened.message();
        } else {
            auto checked = checkLibrary(*opened.value());
            auto verified = verifyLibrary(*opened.value());
            if (!checked.ok() || !checked->ok)
                failure = checked.ok() ? checked->problems.value(0) : checked.message();
            else if (!verified.ok() || !verified->ok)
                failure = verified.ok() ? verified->firstProblem : verified.message();
        }
    }
    if (!failure.isEmpty()) {
        QFile::remove(destination);
        return storageError(
            QStringLiteral("The backup failed its own verification and was removed: %1").arg(failure));
    }
    return success();
}

} // namespace stable
