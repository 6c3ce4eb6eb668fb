// verify: the audit chain, and the 'attestation.sign' events handed on to the attestation scan.
#include "audit.h"
#include "integrityscan.h"
#include "verifyhash.h"

#include <QSet>
#include <algorithm>
#include <limits>

namespace stable::verify {

namespace {

constexpr size_t batchSize = 4096;
constexpr size_t batchesAhead = 16;

// The hash column of the row before, kept as bytes and, when those are not plain, as Qt read them.
struct PreviousHash
{
    std::string bytes;
    bool plain = true; // TEXT and ASCII: the bytes say it all
    QString exact;     // only when not plain

    QString qt() const { return plain ? latin1(bytes) : exact; }
};

} // namespace

void ChainRow::read(const RawQuery& query)
{
    seq = query.number(0);
    for (int column = 1; column <= 10; ++column)
        texts[column] = query.textIfText(column, bytes[column]);
}

bool ChainRow::intact(std::string_view previousHash, HashText& text) const
{
    if (!std::all_of(texts + 1, texts + 11, [](bool isText) { return isText; }) || bytes[9] != previousHash)
        return false;
    text.clear();
    text.field(bytes[9]);
    text.field(seq);
    for (int column = 1; column <= 8; ++column)
        text.field(bytes[column]);
    return view(text.sha256()) == bytes[10];
}

bool readSignEvent(const RawQuery& row, int seq, int entityId, int after, RawQuery& extract, bool fastPaths,
                   SignEvent& event)
{
    event.seq = row.number(seq);
    const bool plainId = fastPaths && row.isText(entityId) && isAscii(row.text(entityId));
    if (plainId)
        event.attestationId.set(row.text(entityId));
    else
        event.attestationId.set(row.value(entityId).toString());
    std::string_view hash;
    const JsonMember member =
        fastPaths && row.isText(after) ? jsonStringMember(row.text(after), "hash", hash) : JsonMember::Unsure;
    if (member != JsonMember::Unsure) {
        event.hasHash = member == JsonMember::Found;
        if (event.hasHash)
            event.hash.set(hash);
        else
            event.hash.set(QString());
        return true;
    }
    extract.reset();
    extract.bind(1, row.rawValue(after));
    auto extracted = extract.next();
    if (!extracted.ok() || !extracted.value())
        return false;
    const QVariant value = extract.value(0);
    event.hasHash = !value.isNull();
    event.hash.set(value.toString());
    return true;
}

void SignEventQueue::put(std::vector<SignEvent>&& batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_abandoned || m_batches.size() < batchesAhead; });
    if (m_abandoned)
        return;
    m_batches.push_back(std::move(batch));
    m_changed.notify_all();
}

void SignEventQueue::finish()
{
    std::lock_guard lock(m_mutex);
    m_finished = true;
    m_changed.notify_all();
}

void SignEventQueue::abandon()
{
    std::lock_guard lock(m_mutex);
    m_abandoned = true;
    m_batches.clear();
    m_changed.notify_all();
}

bool SignEventQueue::take(std::vector<SignEvent>& batch)
{
    batch.clear();
    std::unique_lock lock(m_mutex);
    if (batch.capacity() != 0 && !m_abandoned)
        m_spare.push_back(std::move(batch));
    m_changed.wait(lock, [this] { return m_finished || !m_batches.empty(); });
    if (m_batches.empty())
        return false;
    batch = std::move(m_batches.front());
    m_batches.pop_front();
    m_changed.notify_all();
    return true;
}

std::vector<SignEvent> SignEventQueue::fresh()
{
    std::vector<SignEvent> batch;
    {
        std::lock_guard lock(m_mutex);
        if (!m_spare.empty()) {
            batch = std::move(m_spare.back());
            m_spare.pop_back();
        }
    }
    batch.reserve(batchSize);
    return batch;
}

const SignEvent* SignEventSource::current()
{
    while (!m_done && m_at >= m_batch.size()) {
        m_batch.clear();
        m_at = 0;
        m_done = !fill(m_batch);
    }
    return m_done ? nullptr : &m_batch[m_at];
}

void SignEventSource::skipBefore(qint64 seq, QList<SignEvent>& skipped, QSet<QString>& skippedIds)
{
    for (const SignEvent* event = current(); event && event->seq < seq; event = current()) {
        skipped.append(*event);
        skippedIds.insert(event->attestationId.qt());
        advance();
    }
}

ScannedSignEvents::ScannedSignEvents(RawConnection& connection, bool fastPaths)
    : m_fastPaths(fastPaths)
{
    // NOT INDEXED: by seq straight through the table, not by entity through audit_by_entity and a sort.
    m_status = m_query.prepare(connection, "SELECT seq, entity_id, after FROM audit_event NOT INDEXED "
                                           "WHERE entity = 'attestation' AND action = 'attestation.sign' "
                                           "ORDER BY seq");
    if (m_status.ok())
        m_status = m_extract.prepare(connection, "SELECT json_extract(?1, '$.hash')");
    m_ended = !m_status.ok();
}

bool ScannedSignEvents::fill(std::vector<SignEvent>& batch)
{
    while (!m_ended && batch.size() < batchSize) {
        auto row = m_query.nextOrEnd();
        if (!row.ok())
            m_status = row.error();
        if (!row.ok() || !row.value()) {
            m_ended = true;
            break;
        }
        SignEvent event;
        if (!readSignEvent(m_query, 0, 1, 2, m_extract, m_fastPaths, event)) {
            m_ended = true;
            break;
        }
        batch.push_back(std::move(event));
    }
    return !batch.empty();
}

// seq 1, 2, 3 … without gaps, each event's prev_hash the previous hash, each hash right.
Status scanChain(RawConnection& connection, const VerifyOptions& options, ChainResult& result,
                 SignEventQueue* signEvents)
{
    RawQuery query;
    STABLE_TRY(query.prepare(
        connection, (std::string("SELECT ") + chainColumns + " FROM audit_event ORDER BY seq").c_str()));
    RawQuery extract;
    STABLE_TRY(extract.prepare(connection, "SELECT json_extract(?1, '$.hash')"));
    std::vector<SignEvent> batch = signEvents ? signEvents->fresh() : std::vector<SignEvent>();
    bool signEventsEnded = signEvents == nullptr;
    qint64 expected = 1;
    PreviousHash previous, current;
    HashText text;
    while (true) {
        auto row = query.nextOrEnd();
        STABLE_TRY(row);
        if (!row.value())
            break;
        ++result.events;
        ChainRow chainRow;
        chainRow.read(query);
        const qint64 seq = chainRow.seq;
        const bool* texts = chainRow.texts;
        const std::string_view* bytes = chainRow.bytes;
        const bool intact =
            options.fastPaths && seq == expected && previous.plain && chainRow.intact(previous.bytes, text);
        // Taken before the exact path: its value() reads the row as UTF-16, which frees these UTF-8 bytes.
        const bool signEvent = chainRow.is("attestation.sign", "attestation");
        current.bytes.assign(bytes[10]);
        current.plain = texts[10] && isAscii(current.bytes);
        if (!intact) {
            ++result.exactRows;
            AuditEvent event;
            event.seq = query.value(0).toLongLong();
            event.at = query.value(1).toString();
            event.actor = query.value(2).toString();
            event.action = query.value(3).toString();
            event.entity = query.value(4).toString();
            event.entityId = query.value(5).toString();
            event.before = query.value(6).toString();
            event.after = query.value(7).toString();
            event.why = query.value(8).toString();
            event.prevHash = query.value(9).toString();
            event.hash = query.value(10).toString();
            if (event.seq != expected)
                result.findings.add(
                    QStringLiteral("Audit events %1 to %2 are missing: the log jumps from %3 to %4.")
                        .arg(expected)
                        .arg(event.seq - 1)
                        .arg(expected - 1)
                        .arg(event.seq));
            else if (event.prevHash != previous.qt())
                result.findings.add(
                    QStringLiteral(
                        "Audit event %1 (%2) does not follow event %3: the chain was broken there.")
                        .arg(event.seq)
                        .arg(event.action)
                        .arg(event.seq - 1));
            else if (auditHash(event) != event.hash)
                result.findings.add(
                    QStringLiteral("Audit event %1 (%2 of %3 ‘%4’) was changed after it was written.")
                        .arg(event.seq)
                        .arg(event.action, event.entity, event.entityId));
        }
        expected = seq + 1;
        current.exact = current.plain ? QString() : query.value(10).toString();
        std::swap(previous, current);

        // The sign events, as SELECT … WHERE entity = 'attestation' AND action = 'attestation.sign' finds
        // them.
        if (!signEventsEnded && signEvent) {
            SignEvent event;
            if (readSignEvent(query, 0, 5, 7, extract, options.fastPaths, event)) {
                batch.push_back(std::move(event));
                if (batch.size() == batchSize) {
                    signEvents->put(std::move(batch));
                    batch = signEvents->fresh();
                }
            } else {
                signEventsEnded = true;
            }
        }
    }
    if (signEvents) {
        if (!batch.empty())
            signEvents->put(std::move(batch));
        signEvents->finish();
    }
    result.headHash = result.events ? previous.qt() : QString();
    return success();
}

} // namespace stable::verify
