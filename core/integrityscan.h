#pragma once

// Internal to verify: the scans verifyLibrary runs, each on a connection of its own so that the audit
// chain and the records can be checked at the same time on two cores, inside read transactions that see
// one and the same state of the file.
//
// Every scan has a fast path over the UTF-8 bytes as stored and the exact path it replaced (the values
// as Qt's driver reads them, the hashes as the writers compute them). The fast path only ever concludes
// "intact": whatever it cannot vouch for (a mismatch, a value of an unexpected type, text that is not
// plain) goes through the exact path, which alone words the problems. So a verdict is the exact path's.
#include "integrity.h"
#include "rawsqlite.h"
#include "verifyhash.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace stable::verify {

constexpr int maxProblems = 20;

// How a verify went, for tests and the benchmark.
struct VerifyStats
{
    qint64 exactRows = 0;  // rows (runs, for run items) that took the exact path
    bool parallel = false; // the scans ran on two connections at once
    qint64 parts = 0;      // the parts that vouched for the whole library (0: it took the two scans)
};

struct VerifyOptions
{
    bool fastPaths = true; // off: every row through the exact path (tests compare the two)
    bool parallel = true;  // off: one connection, one scan after the other
    VerifyStats* stats = nullptr;
    bool inParts = true; // off: no first try in parts (tests reach the two scans on an intact library)
    qint64 parts = 0;    // how many parts to cut the chain into; 0: a few per core
};

// The problems one scan found, in the order it met them; the report lists the scans' in a fixed order.
struct Findings
{
    QStringList problems;
    void add(const QString& problem)
    {
        if (problems.size() < maxProblems)
            problems.append(problem);
    }
};

// A short text of a sign event: in place when it is ASCII (ids and hashes as Stable writes them: no
// allocation per event, freed on another thread), else as Qt read it.
class ShortText
{
public:
    void set(std::string_view ascii)
    {
        if (ascii.size() > m_bytes.size())
            return set(latin1(ascii));
        std::copy(ascii.begin(), ascii.end(), m_bytes.begin());
        m_size = static_cast<quint8>(ascii.size());
        m_inPlace = true;
        m_other = QString();
    }
    void set(const QString& text)
    {
        m_inPlace = false;
        m_other = text;
    }
    QString qt() const { return m_inPlace ? latin1(std::string_view(m_bytes.data(), m_size)) : m_other; }
    // Equal to the QString `ascii` read as Latin-1 would be.
    bool equals(std::string_view ascii) const
    {
        return m_inPlace ? std::string_view(m_bytes.data(), m_size) == ascii
                         : m_other == QLatin1String(ascii.data(), static_cast<qsizetype>(ascii.size()));
    }

private:
    std::array<char, 64> m_bytes;
    quint8 m_size = 0;
    bool m_inPlace = true;
    QString m_other;
};

// An 'attestation.sign' audit event: which attestation, and the hash it recorded.
struct SignEvent
{
    qint64 seq = 0;
    ShortText attestationId;
    ShortText hash;       // json_extract(after, '$.hash') as Qt reads it
    bool hasHash = false; // false where that is NULL
};

// Reads the sign event of the current row of `row` (columns: seq, entity_id, after); json_extract is run
// through `extract` (SELECT json_extract(?1, '$.hash')) when the JSON is not plainly canonical. False
// where SQLite cannot read the JSON: the old single query ended there, and so does the stream.
bool readSignEvent(const RawQuery& row, int seq, int entityId, int after, RawQuery& extract, bool fastPaths,
                   SignEvent& event);

// The sign events in seq order, handed from the chain scan (producer) to the attestation scan.
class SignEventQueue
{
public:
    void put(std::vector<SignEvent>&& batch); // waits while the consumer is far behind
    void finish();                            // no more events
    void abandon();                           // the consumer stopped: put no longer waits
    bool take(std::vector<SignEvent>& batch); // waits; false once finished and empty; `batch` is reused
    std::vector<SignEvent> fresh();           // an empty batch, one the consumer is done with if any

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<SignEvent>> m_batches;
    // Batches go back and forth rather than being allocated on one thread and freed on the other.
    std::vector<std::vector<SignEvent>> m_spare;
    bool m_finished = false;
    bool m_abandoned = false;
};

// The sign events as the attestation scan walks them: from the queue, or read by a query of its own.
class SignEventSource
{
public:
    virtual ~SignEventSource() = default;
    const SignEvent* current();
    void advance() { ++m_at; }
    // Passes over events no attestation met in order; they are the candidates for "missing".
    void skipBefore(qint64 seq, QList<SignEvent>& skipped, QSet<QString>& skippedIds);
    virtual Status status() const { return success(); }

protected:
    // Fills `batch` with the next events; false at the end.
    virtual bool fill(std::vector<SignEvent>& batch) = 0;

private:
    std::vector<SignEvent> m_batch;
    size_t m_at = 0;
    bool m_done = false;
};

class QueuedSignEvents : public SignEventSource
{
public:
    explicit QueuedSignEvents(SignEventQueue& queue)
        : m_queue(queue)
    {
    }
    ~QueuedSignEvents() override { m_queue.abandon(); }

protected:
    bool fill(std::vector<SignEvent>& batch) override { return m_queue.take(batch); }

private:
    SignEventQueue& m_queue;
};

class ScannedSignEvents : public SignEventSource
{
public:
    ScannedSignEvents(RawConnection& connection, bool fastPaths);
    Status status() const override { return m_status; }

protected:
    bool fill(std::vector<SignEvent>& batch) override;

private:
    RawQuery m_query;
    RawQuery m_extract;
    Status m_status = success();
    bool m_fastPaths;
    bool m_ended = false;
};

// One row of the chain as scanChain reads it (chainColumns), each column read once: the C API's per-call
// cost is a good part of the scan.
constexpr char chainColumns[] =
    "seq, at, actor, action, entity, entity_id, before, after, why, prev_hash, hash";
struct ChainRow
{
    qint64 seq = 0;
    bool texts[11] = {};
    std::string_view bytes[11];

    // Only TEXT is read as text: reading another type as text converts it, and value() would then no
    // longer see the type Qt's driver saw.
    void read(const RawQuery& query);
    // Certainly intact: every column TEXT, prev_hash the bytes `previousHash` (the row before's, TEXT and
    // ASCII), the hash right. `text` is scratch space.
    bool intact(std::string_view previousHash, HashText& text) const;
    bool is(std::string_view action, std::string_view entity) const
    {
        return texts[3] && texts[4] && bytes[3] == action && bytes[4] == entity;
    }
};

struct ChainResult
{
    Findings findings;
    qint64 events = 0;
    qint64 exactRows = 0;
    QString headHash;
};
// The audit chain in seq order; with `signEvents`, also hands over the 'attestation.sign' events.
Status scanChain(RawConnection& connection, const VerifyOptions& options, ChainResult& result,
                 SignEventQueue* signEvents);

struct RecordsResult
{
    Findings attestationFindings;
    Findings runFindings;
    qint64 attestations = 0;
    qint64 exactRows = 0;
};
// A run with the items hash its start recorded, as the runs check reads them.
struct RunStart
{
    QString id; // as Qt reads them, for the messages
    QString title;
    QVariant recorded;  // json_extract(after, '$.items_hash') of its first 'run.start' event
    bool plain = false; // id and recorded are TEXT: their bytes as stored follow
    std::string idBytes;
    std::string recordedBytes;
    std::shared_ptr<sqlite3_value> idValue; // the id as stored, to find the items by as the exact path did
};
// Runs' frozen items, read run by run. Attestations come run by run, so each run is read about once for
// them (a few recent runs are kept), and its items hash for the run.start check is taken on that read.
class FrozenRuns
{
public:
    // Where an item's id and statement are: in the run's JSON when they went in unescaped (nearly always:
    // no copy), else in `escaped`.
    struct Text
    {
        quint32 at = 0;
        quint32 size = 0;
        bool escaped = false;
    };
    struct Item
    {
        Text id;
        Text statement;
    };
    struct Run
    {
        std::string id;
        Bytes json;          // the items as runItemsHash hashes them
        std::string escaped; // the ids and statements the JSON holds escaped, as stored
        std::vector<Item> items;
        size_t hint = 0; // attestations mostly follow the items' order

        std::string_view text(const Text& where) const
        {
            return (where.escaped ? std::string_view(escaped) : json.view()).substr(where.at, where.size);
        }
        const Item* find(std::string_view itemId);
    };

    Status prepare(RawConnection& connection);
    // The items of the run whose id is in `column` of `row`; nullptr when some are not plain.
    Result<Run*> run(const RawQuery& row, int column) { return run(row.text(column), row.rawValue(column)); }
    // The same for a run id read before: `id` its bytes, `value` as stored.
    Result<Run*> run(std::string_view id, sqlite3_value* value);
    // The hash of the run's items as runItemsHash computes it, if they were read plainly.
    const HexDigest* hashOf(std::string_view runId) const;
    // Those hashes, by run id, for the caller to keep.
    std::unordered_map<std::string, HexDigest> takeHashes() { return std::move(m_hashes); }

private:
    static constexpr size_t keptRuns = 16;
    RawQuery m_items;
    std::deque<Run> m_recent;
    std::unordered_map<std::string, HexDigest> m_hashes;
    std::unordered_set<std::string> m_odd;
};

// The columns of an attestation as the scans read them.
constexpr char attestationColumns[] = "id, run_id, item_id, attempt, outcome, signer_id, meaning, signed_at, "
                                      "recorded_at, note, evidence, hash";
// The current row of `rows` (attestationColumns) is certainly intact and `next` is its sign event.
Result<bool> attestationIntact(const RawQuery& rows, const SignEvent* next, FrozenRuns& frozen,
                               HashText& text);

// The runs in rowid order; read on the chain's connection once the chain is done, which is sooner.
Status readRunStarts(RawConnection& connection, std::vector<RunStart>& runs);
// The run starts read elsewhere once the attestations are done, or nullptr to read them here.
using RunStartsReady = std::function<const std::vector<RunStart>*()>;

// Attestations (against their sign events and items) and the runs' frozen items.
Status scanRecords(RawConnection& connection, const VerifyOptions& options, SignEventSource& signEvents,
                   RecordsResult& result, const RunStartsReady& runStarts = {});

struct SmallResult
{
    Findings voidFindings;
    Findings revisionFindings;
    qint64 voids = 0;
    qint64 revisions = 0;
};
// Voids and revisions: few rows, read the exact way.
Status scanVoidsAndRevisions(RawConnection& connection, SmallResult& result);

// The first try: the library cut into parts checked at once, one thread per connection, each part a
// stretch of the audit chain with the attestations its sign events recorded and their runs' items.
// `connections` are in read transactions on one state of the file whose last audit event is `lastSeq`.
// Concludes only "certainly intact" (true: every record is, and the counts are set); false at the first
// doubt, and then the scans above word what is wrong.
struct PartsResult
{
    qint64 events = 0;
    qint64 attestations = 0;
    QString headHash;
    qint64 parts = 0;
};
Result<bool> verifyInParts(const std::vector<RawConnection*>& connections, qint64 lastSeq,
                           const VerifyOptions& options, PartsResult& result, SmallResult& small);

// Every other table against what the audit log last recorded for each row (core/integrityreconcile.cpp),
// the triggers and views against the migrations', and the derived_* summaries recomputed
// (core/integrityguards.cpp). Read the exact way: a few hundred thousand rows, compared in SQL first.
struct ReconcileResult
{
    Findings recordFindings;
    Findings guardFindings;
    Findings derivedFindings;
    QStringList notCovered; // what the log does not describe: not failures
};
// fastPaths off: every row the exact way (tests compare the two).
Status scanReconcile(RawConnection& connection, bool fastPaths, ReconcileResult& result);
Status scanGuards(RawConnection& connection, ReconcileResult& result);
Status scanDerived(RawConnection& connection, ReconcileResult& result);

Result<VerifyReport> verifyLibraryWith(Library& library, const VerifyOptions& options);

} // namespace stable::verify
