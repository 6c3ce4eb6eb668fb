// verify's first try: the library cut into parts that are checked at once, one thread per connection.
// A part is a stretch of the audit chain, the attestations its sign events recorded and those
// attestations' run items, read in one pass on one connection: the chain is read only as far as the
// attestations need its sign events. A part only ever concludes "certainly intact", by the same fast
// checks the scans use; at the first doubt every part stops and verify takes the scans, which word the
// problems (integrity.cpp).
#include "integrityscan.h"

#include <atomic>
#include <functional>
#include <limits>
#include <optional>
#include <thread>

namespace stable::verify {

namespace {

constexpr qint64 partsPerConnection = 4;
constexpr size_t batchSize = 1024;
constexpr qint64 noRowid = std::numeric_limits<qint64>::max();

// What a part found, for verifyInParts to join with its neighbours'.
struct PartOutcome
{
    bool intact = false;
    qint64 attestations = 0;
    qint64 fromRowid = 0; // the attestations it checked: rowid in [fromRowid, toRowid)
    qint64 toRowid = 0;
    std::string lastHash; // of its last audit event
    // Its 'run.start' events: the run's id and the items hash recorded.
    std::vector<std::pair<std::string, std::string>> runStarts;
};

// Shared by the threads: which part is next, and whether any part doubted.
struct Progress
{
    std::atomic<qint64> next{0};
    std::atomic<bool> doubt{false};
};

// The part's stretch of the chain, read as the attestations ask for its sign events.
class ChainStretch : public SignEventSource
{
public:
    ChainStretch(RawQuery& query, qint64 firstSeq, qint64 lastSeq, std::string previousHash,
                 Progress& progress, PartOutcome& outcome)
        : m_query(query)
        , m_expected(firstSeq)
        , m_lastSeq(lastSeq)
        , m_previous(std::move(previousHash))
        , m_progress(progress)
        , m_outcome(outcome)
    {
    }
    // Every event of the stretch was read and is intact.
    bool complete() const { return !m_doubt && m_expected == m_lastSeq + 1; }
    const std::string& lastHash() const { return m_previous; }

protected:
    bool fill(std::vector<SignEvent>& batch) override
    {
        while (!m_ended && batch.size() < batchSize) {
            auto row = m_query.next();
            if (!row.ok() || !row.value() || !take(batch)) {
                m_doubt = m_doubt || !row.ok();
                m_ended = true;
            }
        }
        return !batch.empty();
    }

private:
    // The current row: false when it is in doubt (and then the stretch ends).
    bool take(std::vector<SignEvent>& batch)
    {
        m_row.read(m_query);
        if (m_row.seq != m_expected || !m_row.intact(m_previous, m_text) || !isAscii(m_row.bytes[10]) ||
            ((m_expected & 0xfff) == 0 && m_progress.doubt.load(std::memory_order_relaxed)))
            return doubt();
        ++m_expected;
        m_previous.assign(m_row.bytes[10]);
        std::string_view value;
        if (m_row.is("attestation.sign", "attestation")) {
            if (!isAscii(m_row.bytes[5]) ||
                jsonStringMember(m_row.bytes[7], "hash", value) != JsonMember::Found)
                return doubt();
            SignEvent& event = batch.emplace_back();
            event.seq = m_row.seq;
            event.attestationId.set(m_row.bytes[5]);
            event.hash.set(value);
            event.hasHash = true;
        } else if (m_row.is("run.start", "run")) {
            if (jsonStringMember(m_row.bytes[7], "items_hash", value) != JsonMember::Found)
                return doubt();
            m_outcome.runStarts.emplace_back(m_row.bytes[5], value);
        }
        return true;
    }
    bool doubt()
    {
        m_doubt = true;
        return false;
    }

    RawQuery& m_query;
    qint64 m_expected;
    const qint64 m_lastSeq;
    std::string m_previous; // the hash of the event before: TEXT and ASCII
    Progress& m_progress;
    PartOutcome& m_outcome;
    ChainRow m_row;
    HashText m_text;
    bool m_ended = false;
    bool m_doubt = false;
};

// One thread's connection and what it keeps between its parts.
struct Worker
{
    RawConnection& connection;
    FrozenRuns frozen;
    RawQuery chain, stretchStart, attestations, firstSign, attestationRowid;

    Status prepare()
    {
        STABLE_TRY(frozen.prepare(connection));
        const std::string columns = std::string("SELECT ") + chainColumns + " FROM audit_event ";
        // The first part has no lower bound: an event numbered below 1 is its first, and a doubt.
        STABLE_TRY(
            chain.prepare(connection, (columns + "WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq").c_str()));
        STABLE_TRY(stretchStart.prepare(connection, "SELECT hash FROM audit_event WHERE seq = ?1"));
        STABLE_TRY(attestations.prepare(connection, (std::string("SELECT ") + attestationColumns +
                                                     " FROM attestation WHERE rowid >= ?1 AND rowid < ?2 "
                                                     "ORDER BY rowid")
                                                        .c_str()));
        // NOT INDEXED: forward by seq from the part's start, not through audit_by_entity and a sort.
        STABLE_TRY(firstSign.prepare(connection,
                                     "SELECT entity_id FROM audit_event NOT INDEXED WHERE seq >= ?1 "
                                     "AND entity = 'attestation' AND action = 'attestation.sign' "
                                     "ORDER BY seq LIMIT 1"));
        return attestationRowid.prepare(connection, "SELECT rowid FROM attestation WHERE id = ?1");
    }

    // The rowid of the attestation the first sign event from `seq` on recorded: noRowid when there is no
    // such event, nullopt (a doubt) when its attestation is not there.
    Result<std::optional<qint64>> attestationFrom(qint64 seq)
    {
        firstSign.reset();
        firstSign.bind(1, seq);
        auto found = firstSign.next();
        STABLE_TRY(found);
        if (!found.value())
            return std::optional<qint64>(noRowid);
        attestationRowid.reset();
        attestationRowid.bind(1, firstSign.rawValue(0));
        auto attestation = attestationRowid.next();
        STABLE_TRY(attestation);
        if (!attestation.value())
            return std::optional<qint64>();
        return std::optional<qint64>(attestationRowid.number(0));
    }

    // The hash of the event before `seq`, if it is there and plain.
    Result<std::optional<std::string>> hashBefore(qint64 seq)
    {
        if (seq == 1)
            return std::optional<std::string>(std::string());
        stretchStart.reset();
        stretchStart.bind(1, seq - 1);
        auto found = stretchStart.next();
        STABLE_TRY(found);
        std::string_view hash;
        if (!found.value() || !stretchStart.textIfText(0, hash) || !isAscii(hash))
            return std::optional<std::string>();
        return std::optional<std::string>(std::string(hash));
    }

    // Part `index` of `count` over the events 1 … lastSeq; outcome.intact when every record is.
    Status check(qint64 index, qint64 count, qint64 lastSeq, Progress& progress, PartOutcome& outcome)
    {
        const auto firstSeqOf = [&](qint64 part) { return 1 + part * lastSeq / count; };
        const qint64 firstSeq = firstSeqOf(index), lastSeqHere = firstSeqOf(index + 1) - 1;
        auto previous = hashBefore(firstSeq);
        STABLE_TRY(previous);
        auto from =
            index == 0
                ? Result<std::optional<qint64>>(std::optional<qint64>(std::numeric_limits<qint64>::min()))
                : attestationFrom(firstSeq);
        STABLE_TRY(from);
        auto to = index + 1 == count ? Result<std::optional<qint64>>(std::optional<qint64>(noRowid))
                                     : attestationFrom(lastSeqHere + 1);
        STABLE_TRY(to);
        if (!previous.value() || !from.value() || !to.value() || *from.value() > *to.value())
            return success();
        outcome.fromRowid = *from.value();
        outcome.toRowid = *to.value();

        chain.reset();
        chain.bind(1, index == 0 ? std::numeric_limits<qint64>::min() : firstSeq);
        chain.bind(2, lastSeqHere);
        ChainStretch stretch(chain, firstSeq, lastSeqHere, std::move(*previous.value()), progress, outcome);
        attestations.reset();
        attestations.bind(1, outcome.fromRowid);
        attestations.bind(2, outcome.toRowid);
        HashText text;
        while (true) {
            auto row = attestations.next();
            STABLE_TRY(row);
            if (!row.value())
                break;
            ++outcome.attestations;
            auto intact = attestationIntact(attestations, stretch.current(), frozen, text);
            STABLE_TRY(intact);
            if (!intact.value())
                return success();
            stretch.advance();
        }
        // The rest of the stretch read through: a sign event left over is one no attestation answered.
        if (stretch.current() || !stretch.complete())
            return success();
        outcome.lastHash = stretch.lastHash();
        outcome.intact = true;
        return success();
    }
};

} // namespace

Result<bool> verifyInParts(const std::vector<RawConnection*>& connections, qint64 lastSeq,
                           const VerifyOptions& options, PartsResult& result, SmallResult& small)
{
    const qint64 count =
        std::min(lastSeq, options.parts > 0 ? options.parts
                                            : partsPerConnection * static_cast<qint64>(connections.size()));
    if (count < 1 || connections.empty())
        return false;
    std::vector<PartOutcome> outcomes(static_cast<size_t>(count));
    std::vector<std::unique_ptr<Worker>> workers;
    for (RawConnection* connection : connections) {
        workers.push_back(std::unique_ptr<Worker>(new Worker{*connection, {}, {}, {}, {}, {}, {}}));
        STABLE_TRY(workers.back()->prepare());
    }
    Progress progress;
    Status smallStatus = success();
    std::atomic<bool> smallTaken{false};
    const auto work = [&](Worker& worker) {
        for (qint64 part = progress.next++; part < count && !progress.doubt; part = progress.next++) {
            PartOutcome& outcome = outcomes[static_cast<size_t>(part)];
            // A failure to read is a doubt too: the scans will meet it again and say what it is.
            if (!worker.check(part, count, lastSeq, progress, outcome).ok() || !outcome.intact) {
                progress.doubt = true;
                return;
            }
        }
        // Voids and revisions, the exact way, by whoever is free first.
        if (!progress.doubt && !smallTaken.exchange(true))
            smallStatus = scanVoidsAndRevisions(worker.connection, small);
    };
    std::vector<std::thread> threads;
    for (size_t w = 1; w < workers.size(); ++w)
        threads.emplace_back(work, std::ref(*workers[w]));
    work(*workers[0]);
    for (std::thread& thread : threads)
        thread.join();
    if (progress.doubt)
        return false;
    STABLE_TRY(smallStatus);
    for (size_t k = 0; k + 1 < outcomes.size(); ++k)
        if (outcomes[k].toRowid != outcomes[k + 1].fromRowid)
            return false;

    // Every run's items must be the ones its start recorded: the starts were met in the chain, the items
    // read for the attestations (the runs without any are read now).
    std::unordered_map<std::string, std::string> starts;
    for (PartOutcome& outcome : outcomes)
        for (auto& [run, itemsHash] : outcome.runStarts)
            if (!starts.emplace(std::move(run), std::move(itemsHash)).second)
                return false; // a second start: which one counts is for the scans to say
    std::unordered_map<std::string, HexDigest> itemHashes;
    for (const auto& worker : workers)
        itemHashes.merge(worker->frozen.takeHashes());
    FrozenRuns& frozen = workers[0]->frozen;
    RawQuery runs;
    // In any order (nothing is reported from here): the ids alone, from the primary key's index.
    STABLE_TRY(runs.prepare(*connections[0], "SELECT id FROM run"));
    while (true) {
        auto row = runs.next();
        STABLE_TRY(row);
        if (!row.value())
            break;
        std::string id;
        if (std::string_view bytes; runs.textIfText(0, bytes))
            id.assign(bytes);
        else
            return false;
        const auto start = starts.find(id);
        if (start == starts.end())
            return false;
        const auto known = itemHashes.find(id);
        const HexDigest* itemsHash = known == itemHashes.end() ? nullptr : &known->second;
        if (!itemsHash) {
            STABLE_TRY(frozen.run(id, runs.rawValue(0)));
            itemsHash = frozen.hashOf(id);
        }
        if (!itemsHash || view(*itemsHash) != start->second)
            return false;
    }

    result.events = lastSeq;
    result.headHash = latin1(outcomes.back().lastHash);
    result.attestations = 0;
    for (const PartOutcome& outcome : outcomes)
        result.attestations += outcome.attestations;
    result.parts = count;
    return true;
}

} // namespace stable::verify
