// verify: every attestation against what was signed and what its audit event recorded, and every run's
// frozen items against the hash its start recorded.
#include "integrityscan.h"
#include "runs.h"
#include "verifyhash.h"

#include <QSet>
#include <charconv>
#include <deque>
#include <limits>
#include <sqlite3.h>
#include <unordered_map>
#include <unordered_set>

namespace stable::verify {

namespace {

// The columns of frozenItemColumns (core/runs.cpp), in its order.
constexpr char frozenItemsOfRun[] = "SELECT run_id, id, position, step_id, step_key, step_name, check_id, "
                                    "check_key, statement, stage, critical FROM run_item WHERE run_id = ?1 "
                                    "ORDER BY position";
// The same rows for the fast path, which has no use for the run's id (the items JSON does not hold it):
// one column fewer to copy out of every item.
constexpr char plainItemsOfRun[] = "SELECT NULL, id, position, step_id, step_key, step_name, check_id, "
                                   "check_key, statement, stage, critical FROM run_item WHERE run_id = ?1 "
                                   "ORDER BY position";

bool isStage(std::string_view text)
{
    return text == "entry" || text == "in-process" || text == "exit";
}

bool isOutcome(std::string_view text)
{
    return text == "pass" || text == "fail" || text == "na";
}

bool isMeaning(std::string_view text)
{
    return text == "performed" || text == "verified";
}

bool isInt(const RawQuery& row, int column)
{
    return row.type(column) == SQLITE_INTEGER && row.number(column) >= std::numeric_limits<int>::min() &&
           row.number(column) <= std::numeric_limits<int>::max();
}

// Appends a member; the returned Text says where `utf8` is in `json`, or is empty when it went in escaped.
FrozenRuns::Text appendMember(Bytes& json, std::string_view name, std::string_view utf8)
{
    json += name;
    const size_t before = json.size();
    appendJsonString(json, utf8);
    if (json.size() != before + utf8.size() + 2 || json.size() > std::numeric_limits<quint32>::max())
        return {0, 0, true};
    return {static_cast<quint32>(before + 1), static_cast<quint32>(utf8.size()), false};
}

// One frozen item as itemsJson and QJsonDocument write it (keys sorted, compact), when the row is plain;
// `item` says where its id and statement are (`escaped` receives them when the JSON holds them escaped).
bool appendItemJson(const RawQuery& row, Bytes& json, std::string& escaped, FrozenRuns::Item& item)
{
    std::string_view texts[10];
    for (const int column : {1, 3, 4, 5, 6, 7, 8, 9})
        if (!row.textIfText(column, texts[column]))
            return false;
    if (!isInt(row, 2) || row.type(10) != SQLITE_INTEGER || !isStage(texts[9]))
        return false;
    json += json.size() > 1 ? ",{" : "{";
    appendMember(json, "\"check_id\":", texts[6]);
    appendMember(json, ",\"check_key\":", texts[7]);
    json += row.number(10) != 0 ? ",\"critical\":true" : ",\"critical\":false";
    item.id = appendMember(json, ",\"id\":", texts[1]);
    json += ",\"position\":";
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, row.number(2));
    json += std::string_view(digits, static_cast<size_t>(written.ptr - digits));
    appendMember(json, ",\"stage\":", texts[9]);
    item.statement = appendMember(json, ",\"statement\":", texts[8]);
    appendMember(json, ",\"step_id\":", texts[3]);
    appendMember(json, ",\"step_key\":", texts[4]);
    appendMember(json, ",\"step_name\":", texts[5]);
    json += '}';
    for (auto [where, utf8] : {std::pair{&item.id, texts[1]}, std::pair{&item.statement, texts[8]}})
        if (where->escaped) {
            *where = {static_cast<quint32>(escaped.size()), static_cast<quint32>(utf8.size()), true};
            escaped += utf8;
        }
    return true;
}

// The exact path: the run's items read as Qt reads them (frozenItemFrom) and hashed by runItemsHash.
Result<QString> exactItemsHash(RawQuery& items, sqlite3_value* runId)
{
    items.reset();
    items.bind(1, runId);
    QList<RunItem> frozen;
    while (true) {
        auto row = items.nextOrEnd();
        STABLE_TRY(row);
        if (!row.value())
            break;
        RunItem item;
        item.runId = items.value(0).toString();
        item.id = items.value(1).toString();
        item.position = items.value(2).toInt();
        item.stepId = items.value(3).toString();
        item.stepKey = items.value(4).toString();
        item.stepName = items.value(5).toString();
        item.checkId = items.value(6).toString();
        item.checkKey = items.value(7).toString();
        item.statement = items.value(8).toString();
        item.stage = parseStage(items.value(9).toString()).value_or(Stage::Exit);
        item.critical = items.value(10).toBool();
        frozen.append(item);
    }
    return runItemsHash(frozen);
}

struct AttestationScan
{
    RawQuery rows;
    RawQuery item;  // the exact path's LEFT JOIN run_item
    RawQuery first; // the exact path's lookup of an attestation's sign event
    FrozenRuns& frozen;
    SignEventSource& events;
    QList<SignEvent> skipped;
    QSet<QString> skippedIds;
    HashText text;

    // The fast path: true when the current row is certainly intact, its sign event the next one.
    Result<bool> intact()
    {
        std::string_view id;
        if (!skippedIds.isEmpty() && (!rows.textIfText(0, id) || skippedIds.contains(latin1(id))))
            return false;
        return attestationIntact(rows, events.current(), frozen, text);
    }

    // The exact path, as verify read every attestation before it had a fast one.
    Status check(Findings& findings)
    {
        Attestation a;
        a.id = rows.value(0).toString();
        a.runId = rows.value(1).toString();
        a.itemId = rows.value(2).toString();
        a.attempt = rows.value(3).toInt();
        a.outcome = parseOutcome(rows.value(4).toString()).value_or(Outcome::Fail);
        a.signerId = rows.value(5).toString();
        a.meaning = parseMeaning(rows.value(6).toString()).value_or(Meaning::Performed);
        a.signedAt = rows.value(7).toString();
        a.recordedAt = rows.value(8).toString();
        a.note = rows.value(9).toString();
        a.evidence = rows.value(10).toString();
        const QString storedHash = rows.value(11).toString();
        QString statement, itemRun, ref;
        item.reset();
        item.bind(1, rows.rawValue(2));
        auto joined = item.nextOrEnd();
        STABLE_TRY(joined);
        if (joined.value()) {
            statement = item.value(0).toString();
            itemRun = item.value(1).toString();
            ref = item.value(2).toString();
        }
        bool hasRecorded = false;
        QString recorded;
        // In step, the next event is this attestation's first: every earlier one was another's or skipped.
        const SignEvent* next = events.current();
        if (next && next->attestationId.qt() == a.id && !skippedIds.contains(a.id)) {
            hasRecorded = next->hasHash;
            recorded = next->hash.qt();
            events.advance();
        } else {
            // Out of step (an attestation inserted, deleted or reordered behind Stable's back): the exact
            // lookup.
            first.reset();
            first.bind(1, a.id);
            auto found = first.nextOrEnd();
            STABLE_TRY(found);
            if (found.value()) {
                const qint64 seq = first.value(0).toLongLong();
                const QVariant hash = first.value(1);
                hasRecorded = !hash.isNull();
                recorded = hash.toString();
                events.skipBefore(seq, skipped, skippedIds);
                if (events.current() && events.current()->seq == seq)
                    events.advance();
            }
        }
        // The words must be the ones stored; an outcome or meaning outside the vocabulary is tampering too.
        const bool wordsIntact =
            toText(a.outcome) == rows.value(4).toString() && toText(a.meaning) == rows.value(6).toString();
        if (!hasRecorded)
            findings.add(
                QStringLiteral("Attestation %1 (item ‘%2’) has no audit record: it was inserted behind "
                               "Stable's back.")
                    .arg(a.id, ref));
        else if (itemRun != a.runId)
            findings.add(
                QStringLiteral("Attestation %1 points at run %2 but its item belongs to another run: it "
                               "was moved.")
                    .arg(a.id, a.runId));
        else if (!wordsIntact || attestationHash(a, statement) != storedHash)
            findings.add(QStringLiteral("Attestation %1 (item ‘%2’) was changed after signing: it no longer "
                                        "matches what was signed.")
                             .arg(a.id, ref));
        else if (recorded != storedHash)
            findings.add(
                QStringLiteral("Attestation %1 (item ‘%2’) differs from what the audit log recorded at "
                               "signing.")
                    .arg(a.id, ref));
        return success();
    }
};

// Every attestation's hash must be what was signed, and must be the one its audit event recorded.
Status scanAttestations(RawConnection& connection, const VerifyOptions& options, SignEventSource& events,
                        FrozenRuns& frozen, RecordsResult& result)
{
    AttestationScan scan{{}, {}, {}, frozen, events, {}, {}, {}};
    STABLE_TRY(scan.rows.prepare(
        connection,
        (std::string("SELECT ") + attestationColumns + " FROM attestation ORDER BY rowid").c_str()));
    STABLE_TRY(scan.item.prepare(connection, "SELECT i.statement, i.run_id, i.step_key || '/' || i.check_key "
                                             "FROM run_item i WHERE i.id = ?1"));
    STABLE_TRY(scan.first.prepare(connection,
                                  "SELECT e.seq, json_extract(e.after, '$.hash') FROM audit_event e "
                                  "WHERE e.entity = 'attestation' AND e.entity_id = ?1 "
                                  "AND e.action = 'attestation.sign' ORDER BY e.seq LIMIT 1"));
    Findings& findings = result.attestationFindings;
    while (true) {
        auto row = scan.rows.nextOrEnd();
        STABLE_TRY(row);
        if (!row.value())
            break;
        ++result.attestations;
        if (options.fastPaths) {
            auto intact = scan.intact();
            STABLE_TRY(intact);
            if (intact.value()) {
                events.advance();
                continue;
            }
        }
        ++result.exactRows;
        STABLE_TRY(scan.check(findings));
    }
    // Events met in step belong to attestations that exist; the others are checked one by one.
    events.skipBefore(std::numeric_limits<qint64>::max(), scan.skipped, scan.skippedIds);
    STABLE_TRY(events.status());
    RawQuery exists;
    STABLE_TRY(exists.prepare(connection,
                              "SELECT EXISTS (SELECT 1 FROM attestation WHERE id = ?1), "
                              "(SELECT json_extract(after, '$.run_id') FROM audit_event WHERE seq = ?2)"));
    int missing = 0;
    for (const SignEvent& event : std::as_const(scan.skipped)) {
        if (missing == maxProblems)
            break;
        exists.reset();
        exists.bind(1, event.attestationId.qt());
        exists.bind(2, event.seq);
        auto found = exists.nextOrEnd();
        STABLE_TRY(found);
        if (!found.value() || exists.value(0).toBool())
            continue;
        ++missing;
        findings.add(
            QStringLiteral("Attestation %1 (signed in run %2, audit event %3) is missing: it was deleted.")
                .arg(event.attestationId.qt(), exists.value(1).toString())
                .arg(event.seq));
    }
    return success();
}

// A run's frozen items must be the ones its start recorded (their hash is in the run.start event).
Status scanRuns(RawConnection& connection, const VerifyOptions& options, FrozenRuns& frozen,
                const std::vector<RunStart>& runs, RecordsResult& result)
{
    Findings& findings = result.runFindings;
    RawQuery items;
    STABLE_TRY(items.prepare(connection, frozenItemsOfRun));
    for (const RunStart& run : runs) {
        if (run.recorded.isNull()) {
            findings.add(
                QStringLiteral("Run %1 (‘%2’) has no audit record: it was inserted behind Stable's back.")
                    .arg(run.id, run.title));
            continue;
        }
        if (options.fastPaths && run.plain) {
            const HexDigest* hash = frozen.hashOf(run.idBytes);
            if (!hash) {
                STABLE_TRY(frozen.run(run.idBytes, run.idValue.get()));
                hash = frozen.hashOf(run.idBytes);
            }
            if (hash && view(*hash) == run.recordedBytes)
                continue;
        }
        ++result.exactRows;
        auto exact = exactItemsHash(items, run.idValue.get());
        STABLE_TRY(exact);
        if (exact.value() != run.recorded.toString())
            findings.add(QStringLiteral("The items of run %1 (‘%2’) were changed after the run started.")
                             .arg(run.id, run.title));
    }
    return success();
}

} // namespace

const FrozenRuns::Item* FrozenRuns::Run::find(std::string_view itemId)
{
    for (size_t k = 0; k < items.size(); ++k) {
        const size_t at = (hint + k) % items.size();
        if (text(items[at].id) == itemId) {
            hint = at + 1;
            return &items[at];
        }
    }
    return nullptr;
}

Status FrozenRuns::prepare(RawConnection& connection)
{
    return m_items.prepare(connection, plainItemsOfRun);
}

Result<FrozenRuns::Run*> FrozenRuns::run(std::string_view id, sqlite3_value* value)
{
    for (auto it = m_recent.rbegin(); it != m_recent.rend(); ++it)
        if (it->id == id)
            return &*it;
    if (m_odd.count(std::string(id)))
        return nullptr;
    m_items.reset();
    m_items.bind(1, value);
    // The oldest run's storage is reused: allocating every item's strings anew was a good part of the scan.
    Run run;
    if (m_recent.size() == keptRuns) {
        run = std::move(m_recent.front());
        m_recent.pop_front();
    }
    run.id.assign(id);
    run.hint = 0;
    run.json.clear();
    run.json += '[';
    run.escaped.clear();
    size_t count = 0;
    bool plain = true;
    while (true) {
        auto next = m_items.nextOrEnd();
        STABLE_TRY(next);
        if (!next.value())
            break;
        if (count == run.items.size())
            run.items.emplace_back();
        plain = plain && appendItemJson(m_items, run.json, run.escaped, run.items[count]);
        if (!plain)
            continue;
        ++count;
    }
    run.items.resize(count);
    run.json += ']';
    if (!plain) {
        m_odd.insert(run.id);
        return nullptr;
    }
    m_hashes.emplace(run.id, sha256Hex(run.json.view()));
    m_recent.push_back(std::move(run));
    return &m_recent.back();
}

const HexDigest* FrozenRuns::hashOf(std::string_view runId) const
{
    const auto found = m_hashes.find(std::string(runId));
    return found == m_hashes.end() ? nullptr : &found->second;
}

Result<bool> attestationIntact(const RawQuery& rows, const SignEvent* next, FrozenRuns& frozen,
                               HashText& text)
{
    std::string_view texts[12];
    for (const int column : {0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11})
        if (!rows.textIfText(column, texts[column]))
            return false;
    if (!isInt(rows, 3) || !isOutcome(texts[4]) || !isMeaning(texts[6]))
        return false;
    const std::string_view id = texts[0];
    if (!next || !next->hasHash || !isAscii(id) || !next->attestationId.equals(id))
        return false;
    auto run = frozen.run(rows, 1);
    STABLE_TRY(run);
    const FrozenRuns::Item* found = run.value() ? run.value()->find(texts[2]) : nullptr;
    if (!found)
        return false;
    text.clear();
    text.field("stable-attestation/1");
    text.field(id);
    text.field(texts[1]);
    text.field(texts[2]);
    text.field(run.value()->text(found->statement));
    text.field(rows.number(3));
    for (int column = 4; column <= 10; ++column)
        text.field(texts[column]);
    const std::string_view stored = texts[11];
    return view(text.sha256()) == stored && next->hash.equals(stored);
}

Status readRunStarts(RawConnection& connection, std::vector<RunStart>& runs)
{
    RawQuery query;
    STABLE_TRY(query.prepare(connection,
                             "SELECT r.id, r.title, (SELECT json_extract(e.after, '$.items_hash') "
                             "FROM audit_event e WHERE e.entity = 'run' AND e.entity_id = r.id "
                             "AND e.action = 'run.start' ORDER BY e.seq LIMIT 1) FROM run r "
                             "ORDER BY r.rowid"));
    while (true) {
        auto row = query.nextOrEnd();
        STABLE_TRY(row);
        if (!row.value())
            break;
        RunStart run;
        // Bytes and the stored value first: value() turns the row's texts into UTF-16.
        std::string_view id, recorded;
        run.plain = query.textIfText(0, id) && query.textIfText(2, recorded);
        if (run.plain) {
            run.idBytes.assign(id);
            run.recordedBytes.assign(recorded);
        }
        run.idValue.reset(sqlite3_value_dup(query.rawValue(0)), sqlite3_value_free);
        run.id = query.value(0).toString();
        run.title = query.value(1).toString();
        run.recorded = query.value(2);
        runs.push_back(std::move(run));
    }
    return success();
}

Status scanRecords(RawConnection& connection, const VerifyOptions& options, SignEventSource& signEvents,
                   RecordsResult& result, const RunStartsReady& runStarts)
{
    FrozenRuns frozen;
    STABLE_TRY(frozen.prepare(connection));
    STABLE_TRY(scanAttestations(connection, options, signEvents, frozen, result));
    if (const std::vector<RunStart>* ready = runStarts ? runStarts() : nullptr)
        return scanRuns(connection, options, frozen, *ready, result);
    std::vector<RunStart> runs;
    STABLE_TRY(readRunStarts(connection, runs));
    return scanRuns(connection, options, frozen, runs, result);
}

} // namespace stable::verify
