// verify, check and backup: the product's answers to "can this file still be trusted?".
#include "integrity.h"

#include "audit.h"
#include "integrityscan.h"
#include "library.h"
#include "runs.h"
#include "sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QScopeGuard>
#include <algorithm>
#include <sqlite3.h>
#include <thread>

namespace stable {

namespace verify {

// A void is what its audit record recorded, over the attestation it voids.
Status scanVoids(RawConnection& connection, SmallResult& result)
{
    RawQuery query;
    STABLE_TRY(query.prepare(
        connection, "SELECT v.id, v.attestation_id, a.hash, v.reason, v.voided_by, v.voided_at, v.hash, "
                    "(SELECT json_extract(e.after, '$.hash') FROM audit_event e "
                    " WHERE e.entity = 'attestation_void' AND e.entity_id = v.id ORDER BY e.seq LIMIT 1) "
                    "FROM attestation_void v LEFT JOIN attestation a ON a.id = v.attestation_id "
                    "ORDER BY v.rowid"));
    Findings& findings = result.voidFindings;
    while (true) {
        auto row = query.nextOrEnd();
        STABLE_TRY(row);
        if (!row.value())
            break;
        ++result.voids;
        const QString id = query.value(0).toString();
        const QString expected =
            voidHash(id, query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
                     query.value(4).toString(), query.value(5).toString());
        if (query.value(7).isNull())
            findings.add(
                QStringLiteral("Void %1 has no audit record: it was inserted behind Stable's back.").arg(id));
        else if (expected != query.value(6).toString() ||
                 query.value(7).toString() != query.value(6).toString())
            findings.add(QStringLiteral("Void %1 (of attestation %2) was changed after it was recorded.")
                             .arg(id, query.value(1).toString()));
    }
    RawQuery missing;
    STABLE_TRY(missing.prepare(connection,
                               "SELECT e.seq, e.entity_id FROM audit_event e LEFT JOIN attestation_void v "
                               "ON v.id = e.entity_id WHERE e.entity = 'attestation_void' AND v.id IS NULL "
                               "ORDER BY e.seq LIMIT 20"));
    while (true) {
        auto row = missing.nextOrEnd();
        STABLE_TRY(row);
        if (!row.value())
            break;
        findings.add(
            QStringLiteral("Void %1 (audit event %2) is missing: it was deleted, and the signature it "
                           "voided stands again.")
                .arg(missing.value(1).toString())
                .arg(missing.value(0).toLongLong()));
    }
    return success();
}

// A revision is what its publication recorded: the snapshot (by its hash) and who, when, why and which.
Status scanRevisions(RawConnection& connection, SmallResult& result)
{
    RawQuery query;
    STABLE_TRY(query.prepare(connection,
                             "SELECT r.id, r.number, s.key, r.snapshot, r.snapshot_hash, "
                             "(SELECT e.after FROM audit_event e "
                             " WHERE e.entity = 'revision' AND e.entity_id = r.id ORDER BY e.seq LIMIT 1), "
                             "r.stream_id, r.published_at, r.published_by, r.reason "
                             "FROM revision r LEFT JOIN stream s ON s.id = r.stream_id ORDER BY r.rowid"));
    while (true) {
        auto row = query.nextOrEnd();
        STABLE_TRY(row);
        if (!row.value())
            break;
        ++result.revisions;
        const QString name =
            QStringLiteral("Revision %1 of ‘%2’").arg(query.value(1).toInt()).arg(query.value(2).toString());
        const QString stored = query.value(4).toString();
        if (query.value(5).isNull()) {
            result.revisionFindings.add(
                name + QStringLiteral(" has no audit record: it was inserted behind Stable's back."));
            continue;
        }
        const QJsonObject recorded = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        const bool asPublished =
            recorded.value(QStringLiteral("snapshot_hash")).toString() == stored &&
            recorded.value(QStringLiteral("stream_id")).toString() == query.value(6).toString() &&
            recorded.value(QStringLiteral("number")).toInteger() == query.value(1).toLongLong() &&
            recorded.value(QStringLiteral("published_at")).toString() == query.value(7).toString() &&
            recorded.value(QStringLiteral("published_by")).toString() == query.value(8).toString() &&
            recorded.value(QStringLiteral("reason")).toString() == query.value(9).toString();
        if (sha256Hex(query.value(3).toString().toUtf8()) != stored || !asPublished)
            result.revisionFindings.add(name + QStringLiteral(" was changed after it was published."));
    }
    return success();
}

Status scanVoidsAndRevisions(RawConnection& connection, SmallResult& result)
{
    STABLE_TRY(scanVoids(connection, result));
    return scanRevisions(connection, result);
}

namespace {

constexpr size_t maxConnections = 8;

struct Head
{
    qint64 seq = 0;
    std::string hash;
    bool operator==(const Head& other) const { return seq == other.seq && hash == other.hash; }
};

// Starts a read transaction and reads the chain head in it: every write appends an audit event in its own
// transaction, so two connections that see the same head see the same records.
Result<Head> beginRead(RawConnection& connection)
{
    STABLE_TRY(connection.exec("BEGIN"));
    RawQuery last;
    STABLE_TRY(last.prepare(connection, "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"));
    auto row = last.next();
    STABLE_TRY(row);
    Head head;
    if (row.value()) {
        head.seq = last.number(0);
        head.hash.assign(last.text(1));
    }
    return head;
}

void endRead(RawConnection& connection)
{
    (void)connection.exec("COMMIT");
}

// Read transactions on every connection, all on the same state of the file (the same head), or none.
bool beginTogether(const std::vector<RawConnection*>& connections, Head& head)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        bool same = true;
        for (size_t i = 0; i < connections.size() && same; ++i) {
            auto begun = beginRead(*connections[i]);
            same = begun.ok() && (i == 0 || begun.value() == head);
            if (same && i == 0)
                head = begun.value();
        }
        if (same)
            return true;
        for (RawConnection* connection : connections)
            endRead(*connection);
    }
    return false;
}

void collect(VerifyReport& verdict, const Findings& findings)
{
    for (const QString& problem : findings.problems) {
        if (verdict.ok)
            verdict.firstProblem = problem;
        verdict.ok = false;
        if (verdict.problems.size() < maxProblems)
            verdict.problems.append(problem);
    }
}

// The report in the order verify has always given: chain, attestations, voids, revisions, runs; then the
// other records, the guards and the summaries.
VerifyReport reportOf(const ChainResult& chain, const RecordsResult& records, const SmallResult& small,
                      const ReconcileResult& reconciled)
{
    VerifyReport verdict;
    verdict.events = chain.events;
    verdict.headHash = chain.headHash;
    verdict.attestations = records.attestations;
    verdict.voids = small.voids;
    verdict.revisions = small.revisions;
    collect(verdict, chain.findings);
    collect(verdict, records.attestationFindings);
    collect(verdict, small.voidFindings);
    collect(verdict, small.revisionFindings);
    collect(verdict, records.runFindings);
    collect(verdict, reconciled.recordFindings);
    collect(verdict, reconciled.guardFindings);
    collect(verdict, reconciled.derivedFindings);
    verdict.notCovered = reconciled.notCovered;
    return verdict;
}

} // namespace

Result<VerifyReport> verifyLibraryWith(Library& library, const VerifyOptions& options)
{
    // Connections of verify's own, one per core, so that the work can be shared between threads; the
    // library's own connection when the file cannot be opened a second time.
    // One more for the reconciliation of the other tables, which runs beside the scans on its own thread.
    const size_t wanted =
        options.parallel ? std::clamp<size_t>(std::thread::hardware_concurrency(), 2, maxConnections) + 1 : 1;
    std::vector<std::unique_ptr<RawConnection>> own;
    while (own.size() < wanted) {
        auto opened = RawConnection::openReadOnly(library.path());
        if (!opened.ok())
            break;
        own.push_back(std::move(opened.value()));
    }
    std::vector<RawConnection*> everyConnection;
    for (const auto& connection : own)
        everyConnection.push_back(connection.get());
    Head head;
    const bool together = everyConnection.size() > 1 && beginTogether(everyConnection, head);
    std::vector<RawConnection*> connections = everyConnection;
    ReconcileResult reconciled;
    Status reconcileStatus = success();
    std::thread reconcileThread;
    if (together && connections.size() > 2) {
        RawConnection* const reconcileConnection = connections.back();
        connections.pop_back();
        reconcileThread = std::thread([&, reconcileConnection] {
            reconcileStatus = scanReconcile(*reconcileConnection, options.fastPaths, reconciled);
        });
    }
    const auto reconcileJoined = [&] {
        if (reconcileThread.joinable())
            reconcileThread.join();
    };
    const auto endAll = [&] {
        reconcileJoined();
        if (together)
            for (RawConnection* connection : everyConnection)
                endRead(*connection);
    };
    // Every way out of here waits for the reconciliation's thread first.
    const auto joinOnExit = qScopeGuard(reconcileJoined);
    const bool reconcileHere = !reconcileThread.joinable();

    if (together && options.fastPaths && options.inParts && head.seq > 0) {
        PartsResult parts;
        SmallResult small;
        auto intact = verifyInParts(connections, head.seq, options, parts, small);
        if (intact.ok() && intact.value()) {
            if (reconcileHere)
                reconcileStatus = scanReconcile(*connections[0], options.fastPaths, reconciled);
            endAll();
            STABLE_TRY(reconcileStatus);
            if (options.stats)
                *options.stats = VerifyStats{0, true, parts.parts};
            ChainResult chain;
            chain.events = parts.events;
            chain.headHash = parts.headHash;
            RecordsResult records;
            records.attestations = parts.attestations;
            return reportOf(chain, records, small, reconciled);
        }
    }

    // The scans: the chain on one connection, the records on another, at once when both are there.
    std::unique_ptr<RawConnection> borrowed;
    if (connections.empty()) {
        borrowed = RawConnection::borrow(library.db());
        if (!borrowed)
            return storageError(QStringLiteral("The SQLite driver did not hand out its connection."));
        connections.push_back(borrowed.get());
    }
    RawConnection* const chainConnection = connections[0];
    RawConnection* const recordsConnection = together ? connections[1] : nullptr;

    ChainResult chain;
    RecordsResult records;
    SmallResult small;
    Status chainStatus = success(), recordsStatus = success(), smallStatus = success();
    if (recordsConnection) {
        SignEventQueue queue;
        std::vector<RunStart> runStarts;
        Status runStartsStatus = success();
        std::thread chainThread([&] {
            chainStatus = scanChain(*chainConnection, options, chain, &queue);
            queue.finish();
            if (chainStatus.ok())
                smallStatus = scanVoidsAndRevisions(*chainConnection, small);
            if (chainStatus.ok() && smallStatus.ok())
                runStartsStatus = readRunStarts(*chainConnection, runStarts);
        });
        {
            QueuedSignEvents signEvents(queue);
            // Asked for once every sign event is taken: the chain is done by then, or soon.
            recordsStatus = scanRecords(
                *recordsConnection, options, signEvents, records, [&]() -> const std::vector<RunStart>* {
                    chainThread.join();
                    const bool ready = chainStatus.ok() && smallStatus.ok() && runStartsStatus.ok();
                    return ready ? &runStarts : nullptr;
                });
        }
        if (chainThread.joinable())
            chainThread.join();
    } else {
        // One connection, one read transaction: the scans one after the other, the sign events read apart.
        const bool ownTransaction = sqlite3_get_autocommit(chainConnection->handle()) != 0;
        if (ownTransaction)
            STABLE_TRY(beginRead(*chainConnection));
        chainStatus = scanChain(*chainConnection, options, chain, nullptr);
        if (chainStatus.ok()) {
            ScannedSignEvents signEvents(*chainConnection, options.fastPaths);
            recordsStatus = scanRecords(*chainConnection, options, signEvents, records);
        }
        if (chainStatus.ok() && recordsStatus.ok())
            smallStatus = scanVoidsAndRevisions(*chainConnection, small);
        if (chainStatus.ok() && recordsStatus.ok() && smallStatus.ok())
            reconcileStatus = scanReconcile(*chainConnection, options.fastPaths, reconciled);
        if (ownTransaction)
            endRead(*chainConnection);
    }
    if (recordsConnection && reconcileHere && chainStatus.ok() && recordsStatus.ok() && smallStatus.ok())
        reconcileStatus = scanReconcile(*chainConnection, options.fastPaths, reconciled);
    endAll();
    STABLE_TRY(chainStatus);
    STABLE_TRY(recordsStatus);
    STABLE_TRY(smallStatus);
    STABLE_TRY(reconcileStatus);

    if (options.stats)
        *options.stats = VerifyStats{chain.exactRows + records.exactRows, recordsConnection != nullptr, 0};
    return reportOf(chain, records, small, reconciled);
}

} // namespace verify

Result<VerifyReport> verifyLibrary(Library& library)
{
    return verify::verifyLibraryWith(library, {});
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
    while (keys->next() && verdict.problems.size() < verify::maxProblems) {
        verdict.ok = false;
        verdict.problems << QStringLiteral("A record in ‘%1’ (row %2) points at a missing record in ‘%3’.")
                                .arg(keys->value(0).toString(), keys->value(1).toString(),
                                     keys->value(2).toString());
    }
    return verdict;
}

Status backupLibrary(Library& library, const QString& destination, OutputRules rules)
{
    rules.libraries.append(library.path());
    // Written under a temporary name beside DEST, verified there, and only then given its name: a backup
    // never writes through a link, never replaces a file unless asked, and is never seen half done.
    OutputFile target(destination, rules);
    STABLE_TRY(target.open());
    const QString partial = target.temporaryPath();
    target.device().close();
    const auto removeSidecars = [&partial] {
        for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(partial + suffix);
    };
    QString escaped = partial;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    // VACUUM INTO reads one consistent snapshot while other connections go on writing.
    auto copied = execSql(library.db(), QStringLiteral("VACUUM INTO '%1'").arg(escaped));
    if (!copied.ok())
        return storageError(QStringLiteral("The backup could not be written: %1").arg(copied.message()));
    // A backup is only reported done once it has been opened and verified.
    OpenOptions readOnly;
    readOnly.readOnly = true;
    QString failure;
    {
        auto opened = Library::open(partial, readOnly);
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
    removeSidecars();
    if (!failure.isEmpty())
        return storageError(
            QStringLiteral("The backup failed its own verification and was removed: %1").arg(failure));
    return target.commit();
}

} // namespace stable
