// Figures of the core: open, measures (and the raw SQL reference), signing, BPMN import, verify.
#include "bench.h"

#include "bpmn.h"
#include "consoleseries.h"
#include "demo.h"
#include "integrity.h"
#include "library.h"
#include "metrics.h"
#include "people.h"
#include "rawsqlite.h"
#include "runs.h"
#include "sql.h"

#include <QFile>
#include <QJsonArray>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

namespace stable::bench {

namespace {

std::unique_ptr<Library> openOrNull(const QString& path, bool readOnly = false)
{
    OpenOptions options;
    options.readOnly = readOnly;
    auto opened = Library::open(path, options);
    if (!opened.ok()) {
        qWarning("stable_bench: %s", qPrintable(opened.message()));
        return nullptr;
    }
    return std::move(opened).value();
}

// The physical reference: one plain aggregate straight through the sqlite3 C API, every row stepped.
QString rawAggregate(sqlite3* db, const char* sql, qint64& rows)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(db));
    rows = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        (void)sqlite3_column_text(statement, 0);
        (void)sqlite3_column_int64(statement, 1);
        ++rows;
    }
    sqlite3_finalize(statement);
    return rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(db));
}

// STABLE_SQL_PROFILE=MS prints every statement of the library's connection that took at least MS
// milliseconds, to find which query a figure is made of.
int traceSlowStatement(unsigned, void* context, void* statement, void* nanoseconds)
{
    const double ms = static_cast<double>(*static_cast<sqlite3_int64*>(nanoseconds)) / 1e6;
    if (ms >= *static_cast<double*>(context))
        fprintf(stderr, "%9.3f ms  %s\n", ms, sqlite3_sql(static_cast<sqlite3_stmt*>(statement)));
    return 0;
}

void profileStatements(Library& library)
{
    static double thresholdMs = 0;
    if (!qEnvironmentVariableIsSet("STABLE_SQL_PROFILE"))
        return;
    thresholdMs = qEnvironmentVariable("STABLE_SQL_PROFILE").toDouble();
    if (sqlite3* db = sqliteHandle(library.db()))
        sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, traceSlowStatement, &thresholdMs);
}

// First-pass yield per step over closed runs: did any item of the step get a fail that was not voided?
const char* rawFpySql =
    "SELECT ri.step_id, count(DISTINCT ri.run_id), "
    "       count(DISTINCT ri.run_id) - count(DISTINCT CASE WHEN a.id IS NOT NULL AND v.id IS NULL "
    "                                                  THEN ri.run_id END) "
    "FROM run r JOIN run_item ri ON ri.run_id = r.id "
    "LEFT JOIN attestation a ON a.item_id = ri.id AND a.outcome = 'fail' "
    "LEFT JOIN attestation_void v ON v.attestation_id = a.id "
    "WHERE r.status IN ('completed', 'rolled back') GROUP BY ri.step_id";
// The hidden factory by month and kind of rework.
const char* rawFactorySql = "SELECT substr(date, 1, 7), kind, sum(hours) FROM rework GROUP BY 1, 2";

} // namespace

QJsonObject benchOpen(const Context& context)
{
    QJsonObject out;
    out.insert(QStringLiteral("open_ms"), measure(context.runs, [&] {
                                              return openOrNull(context.library) ? QString()
                                                                                 : QStringLiteral("open failed");
                                          }).toJson());
    out.insert(QStringLiteral("open_read_only_ms"),
               measure(context.runs, [&] {
                   return openOrNull(context.library, true) ? QString() : QStringLiteral("open failed");
               }).toJson());
    return out;
}

QJsonObject benchMeasures(const Context& context)
{
    QJsonObject out;
    auto library = openOrNull(context.library, true);
    if (!library)
        return {{QStringLiteral("note"), QStringLiteral("the library did not open")}};
    profileStatements(*library);
    int steps = 0;
    const Figure measures = measure(context.runs, [&] {
        auto computed = computeMeasures(*library);
        if (!computed.ok())
            return computed.message();
        steps = 0;
        for (const StreamYield& stream : computed->streams)
            steps += static_cast<int>(stream.steps.size());
        return QString();
    });
    out.insert(QStringLiteral("compute_measures_ms"), measures.toJson());
    out.insert(QStringLiteral("steps_with_yield"), steps);
    out.insert(QStringLiteral("console_series_ms"), measure(context.runs, [&] {
                                                        auto series = computeConsoleSeries(*library);
                                                        return series.ok() ? QString() : series.message();
                                                    }).toJson());
    out.insert(QStringLiteral("alerts_ms"), measure(context.runs, [&] {
                                                auto alerts = computeAlerts(*library);
                                                return alerts.ok() ? QString() : alerts.message();
                                            }).toJson());

    sqlite3* db = nullptr;
    const QByteArray path = context.library.toUtf8();
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        out.insert(QStringLiteral("raw_note"), QStringLiteral("sqlite3_open_v2 failed"));
        return out;
    }
    qint64 rows = 0;
    const Figure rawFpy = measure(context.runs, [&] { return rawAggregate(db, rawFpySql, rows); });
    out.insert(QStringLiteral("raw_sql_fpy_per_step_ms"), rawFpy.toJson());
    out.insert(QStringLiteral("raw_sql_fpy_rows"), rows);
    const Figure rawFactory = measure(context.runs, [&] { return rawAggregate(db, rawFactorySql, rows); });
    out.insert(QStringLiteral("raw_sql_hidden_factory_ms"), rawFactory.toJson());
    sqlite3_close(db);
    out.insert(QStringLiteral("raw_sql_sql"), QString::fromLatin1(rawFpySql));
    if (!measures.empty() && !rawFpy.empty() && !rawFactory.empty())
        out.insert(QStringLiteral("ratio_measures_to_raw"),
                   Figure::round3(measures.median() / (rawFpy.median() + rawFactory.median())));
    return out;
}

QJsonObject benchSigning(const Context& context)
{
    QJsonObject out;
    const QString copy = context.workDir + QStringLiteral("/signing.stable");
    for (const QString& suffix : {QString(), QStringLiteral("-wal")})
        if (QFile::exists(context.library + suffix))
            QFile::copy(context.library + suffix, copy + suffix);
    auto library = openOrNull(copy);
    if (!library)
        return {{QStringLiteral("note"), QStringLiteral("the copy did not open")}};
    const PinCost cost = PinCost::standard();
    out.insert(QStringLiteral("argon2id"),
               QJsonObject{{QStringLiteral("ops_limit"), static_cast<qint64>(cost.opsLimit)},
                           {QStringLiteral("mem_limit_mib"), static_cast<qint64>(cost.memLimit / (1024 * 1024))}});
    // Two signers of our own, their PINs hashed at the standard cost: what a real signature costs.
    QList<QString> signerIds;
    for (const QString& initials : {QStringLiteral("BQA"), QStringLiteral("BQB")}) {
        auto person = addPerson(*library, NewPerson{QStringLiteral("Bench ") + initials, initials,
                                                    QStringLiteral("benchmark"), QStringLiteral("8642")});
        if (!person.ok())
            return {{QStringLiteral("note"), person.message()}};
        signerIds.append(person->id);
    }
    QList<Signer> signers;
    int attempt = 0;
    const Figure pin = measure(std::max(context.runs, 2), [&] { // both signers, however few the runs
        auto signer = authenticate(*library, signerIds.at(attempt++ % 2), QStringLiteral("8642"));
        if (!signer.ok())
            return signer.message();
        if (signers.size() < 2)
            signers.append(signer.value());
        return QString();
    });
    out.insert(QStringLiteral("pin_hashing_authenticate_ms"), pin.toJson());
    if (signers.size() < 2) {
        out.insert(QStringLiteral("note"), QStringLiteral("could not authenticate the two signers"));
        return out;
    }
    auto stream = execSql(library->db(),
                          QStringLiteral("SELECT s.key FROM stream s JOIN revision v ON v.stream_id = s.id "
                                         "JOIN revision_check rc ON rc.revision_id = v.id WHERE s.removed = 0 "
                                         "GROUP BY v.id ORDER BY v.number DESC, count(*) DESC LIMIT 1"));
    if (!stream.ok() || !stream->next())
        return out;
    const QString streamKey = stream->value(0).toString();
    stream->finish();

    Figure signing;
    int runsStarted = 0;
    while (signing.samples.size() < 200 && runsStarted < 50) {
        StartRun start;
        start.stream = streamKey;
        start.title = QStringLiteral("Benchmark run %1").arg(++runsStarted);
        auto run = startRun(*library, start);
        if (!run.ok()) {
            signing.note = run.message();
            break;
        }
        auto loaded = loadRun(*library, run->id);
        if (!loaded.ok())
            break;
        for (const RunItem& item : loaded->items) {
            for (int who = 0; who < (item.critical ? 2 : 1) && signing.samples.size() < 200; ++who) {
                SignRequest request;
                request.run = run->id;
                request.item = item.id;
                QElapsedTimer timer;
                timer.start();
                auto signed_ = sign(*library, signers.at(who), request);
                const double ms = elapsedMs(timer);
                if (!signed_.ok()) {
                    signing.note = signed_.message();
                    break;
                }
                signing.samples.append(ms);
            }
        }
    }
    QJsonObject signs = signing.toJson();
    signs.insert(QStringLiteral("p50_ms"), Figure::round3(signing.percentile(0.5)));
    signs.insert(QStringLiteral("p99_ms"), Figure::round3(signing.percentile(0.99)));
    signs.insert(QStringLiteral("stream"), streamKey);
    out.insert(QStringLiteral("sign_one_item_ms"), signs);
    return out;
}

QByteArray largeBpmn()
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n";
    const int processes = 20;
    const int tasks = 250;
    for (int p = 0; p < processes; ++p) {
        const QByteArray id = "P" + QByteArray::number(p);
        xml += "<bpmn:process id=\"" + id + "\" name=\"Process " + QByteArray::number(p) +
               "\">\n<bpmn:laneSet><bpmn:lane name=\"Team\">\n";
        for (int t = 0; t < tasks; ++t)
            xml += "<bpmn:flowNodeRef>" + id + "T" + QByteArray::number(t) + "</bpmn:flowNodeRef>\n";
        xml += "</bpmn:lane></bpmn:laneSet>\n<bpmn:startEvent id=\"" + id + "S\"/>\n";
        for (int t = tasks - 1; t >= 0; --t)
            xml += "<bpmn:userTask id=\"" + id + "T" + QByteArray::number(t) + "\" name=\"Task number " +
                   QByteArray::number(t) +
                   "\"><bpmn:documentation>Do the work of this step carefully.</bpmn:documentation>"
                   "</bpmn:userTask>\n";
        for (int t = 0; t < tasks; ++t) {
            const QByteArray from = t == 0 ? QByteArray("S") : QByteArray("T" + QByteArray::number(t - 1));
            xml += "<bpmn:sequenceFlow id=\"" + id + "F" + QByteArray::number(t) + "\" sourceRef=\"" + id + from +
                   "\" targetRef=\"" + id + "T" + QByteArray::number(t) + "\"/>\n";
        }
        xml += "</bpmn:process>\n";
    }
    xml += "</bpmn:definitions>\n";
    return xml;
}

QJsonObject benchBpmn(const Context& context)
{
    const QByteArray xml = largeBpmn();
    QJsonObject out;
    out.insert(QStringLiteral("bytes"), static_cast<qint64>(xml.size()));
    out.insert(QStringLiteral("parse_ms"), measure(context.runs, [&] {
                                               auto streams = parseBpmn(xml, QStringLiteral("large.bpmn"));
                                               return streams.ok() ? QString() : streams.message();
                                           }).toJson());
    auto streams = parseBpmn(xml, QStringLiteral("large.bpmn"));
    if (!streams.ok())
        return out;
    int attempt = 0;
    Figure import;
    for (int i = 0; i < context.runs; ++i) {
        const QString path = context.workDir + QStringLiteral("/bpmn%1.stable").arg(++attempt);
        auto library = Library::create(path);
        if (!library.ok())
            break;
        QElapsedTimer timer;
        timer.start();
        auto imported = importBpmnStreams(*library.value(), streams.value(), QStringLiteral("large.bpmn"));
        const double ms = elapsedMs(timer);
        if (!imported.ok()) {
            import.note = imported.message();
            break;
        }
        import.samples.append(ms);
    }
    out.insert(QStringLiteral("parse_and_import_ms_import_part"), import.toJson());
    return out;
}

QJsonObject benchVerify(const Context& context)
{
    auto library = openOrNull(context.library, true);
    if (!library)
        return {{QStringLiteral("note"), QStringLiteral("the library did not open")}};
    qint64 events = 0;
    qint64 attestations = 0;
    bool ok = false;
    const Figure verify = measure(context.large ? std::min(context.runs, 3) : context.runs, [&] {
        auto verdict = verifyLibrary(*library);
        if (!verdict.ok())
            return verdict.message();
        events = verdict->events;
        attestations = verdict->attestations;
        ok = verdict->ok;
        return QString();
    });
    QJsonObject out = verify.toJson();
    out.insert(QStringLiteral("events"), events);
    out.insert(QStringLiteral("attestations"), attestations);
    out.insert(QStringLiteral("verified_ok"), ok);
    return {{QStringLiteral("verify_library_ms"), out}};
}

} // namespace stable::bench
