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

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace stable::verify {

constexpr int maxProblems = 20;

// How a verify went, for tests and the benchmark.
struct VerifyStats
{
    qint64 exactRows = 0; // rows (runs, for run items) that took the exact path
    bool parallel = false; // the scans ran on two connections at once
};

struct VerifyOptions
{
    bool fastPaths = true; // off: every row through the exact path (tests compare the two)
    bool parallel = true;  // off: one connection, one scan after the other
    VerifyStats* stats = nullptr;
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
    void finish();                             // no more events
    void abandon();                            // the consumer stopped: put no longer waits
    bool take(std::vector<SignEvent>& batch);  // waits; false once finished and empty; `batch` is reused
    std::vector<SignEvent> fresh();            // an empty batch, one the consumer is done with if any

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
    explicit QueuedSignEvents(SignEventQueue& queue) : m_queue(queue) {}
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
    QString id;        // as Qt reads them, for the messages
    QString title;
    QVariant recorded; // json_extract(after, '$.items_hash') of its first 'run.start' event
    bool plain = false; // id and recorded are TEXT: their bytes as stored follow
    std::string idBytes;
    std::string recordedBytes;
    std::shared_ptr<sqlite3_value> idValue; // the id as stored, to find the items by as the exact path did
};
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

Result<VerifyReport> verifyLibraryWith(Library& library, const VerifyOptions& options);

} // namespace stable::verify
