#include "csvexport.h"

#include "domain.h"
#include "library.h"
#include "metrics.h"
#include "runs.h"
#include "sql.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSqlError>
#include <memory>
#include <vector>

namespace stable {

namespace {

QString quoted(const QString& path)
{
    return QStringLiteral("‘%1’").arg(QDir::toNativeSeparators(path));
}

// The shortest text that reads back as the same double: "2", "7.5", "33.333333333333336".
QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString flag(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

enum class Kind { Text, Number, Flag };

// One column: its header and the SQL expression that gives it, kept side by side so that the header
// and the SELECT cannot drift apart.
struct Column
{
    const char* name;
    const char* expression;
    Kind kind = Kind::Text;
};

QStringList headerOf(const QList<Column>& columns)
{
    QStringList names;
    for (const Column& column : columns)
        names.append(QLatin1String(column.name));
    return names;
}

QString selectOf(const QList<Column>& columns, const char* fromAndOrder)
{
    QStringList expressions;
    for (const Column& column : columns)
        expressions.append(QLatin1String(column.expression));
    return QStringLiteral("SELECT ") + expressions.join(QStringLiteral(", ")) + QLatin1Char(' ') +
           QLatin1String(fromAndOrder);
}

QString cell(const QSqlQuery& query, int index, Kind kind, CsvText text)
{
    const QVariant value = query.value(index);
    if (value.isNull())
        return {};
    switch (kind) {
    case Kind::Number:
        return number(value.toDouble());
    case Kind::Flag:
        return flag(value.toInt() != 0);
    case Kind::Text:
        break;
    }
    // Only stored text is guarded: an integer column (a revision, a severity) stays a number.
    if (text == CsvText::Guarded && value.typeId() == QMetaType::QString)
        return csvGuarded(value.toString());
    return value.toString();
}

QStringList cells(const QSqlQuery& query, const QList<Column>& columns, CsvText text)
{
    QStringList fields;
    for (int i = 0; i < columns.size(); ++i)
        fields.append(cell(query, i, columns.at(i).kind, text));
    return fields;
}

// A CSV file being written under a temporary name; it takes its real name only in commit().
class CsvFile
{
public:
    CsvFile(const QString& folder, const QString& name, const OutputRules& rules)
        : m_name(name)
        , m_file(QDir(folder).filePath(name), rules)
    {
    }

    Status open(const QStringList& header)
    {
        STABLE_TRY(m_file.open());
        return write(header, false);
    }

    Status write(const QStringList& fields, bool counted = true)
    {
        const QByteArray record = csvRecord(fields);
        if (m_file.device().write(record) != record.size())
            return storageError(
                QStringLiteral("Cannot write %1: %2").arg(quoted(m_file.path()), m_file.device().errorString()));
        if (counted)
            ++m_rows;
        return success();
    }

    Status commit() { return m_file.commit(); }

    CsvFileWritten written() const { return {m_name, m_rows}; }

private:
    QString m_name;
    OutputFile m_file; // discards its temporary file when destroyed uncommitted
    qint64 m_rows = 0;
};

// A query that ended early (a read error half-way) must not pass for the end of the table.
Status finished(QSqlQuery& query, const QString& what)
{
    const QSqlError error = query.lastError();
    query.finish();
    if (error.isValid())
        return storageError(QStringLiteral("The library could not be read while exporting %1 (%2).")
                                .arg(what, error.databaseText()));
    return success();
}

Status writeTable(Library& library, CsvFile& file, const QList<Column>& columns, const char* fromAndOrder,
                  CsvText text)
{
    STABLE_TRY(file.open(headerOf(columns)));
    auto query = execSql(library.db(), selectOf(columns, fromAndOrder));
    if (!query.ok())
        return query.error();
    while (query->next())
        STABLE_TRY(file.write(cells(query.value(), columns, text)));
    return finished(query.value(), file.written().name);
}

const QList<Column>& runColumns()
{
    static const QList<Column> columns = {
        {"run_id", "r.id"},
        {"stream_id", "r.stream_id"},
        {"stream_key", "s.key"},
        {"stream_name", "s.name"},
        {"revision_id", "r.revision_id"},
        {"revision", "v.number"},
        {"title", "r.title"},
        {"kind", "r.kind"},
        {"status", "r.status"},
        {"planned_start", "r.planned_start"},
        {"rollback_point", "r.rollback_point"},
        {"started_at", "r.started_at"},
        {"closed_at", "r.closed_at"},
        {"items", "coalesce((SELECT items FROM derived_run_items WHERE run_id = r.id), 0)"},
        {"lessons", "r.lessons"},
    };
    return columns;
}

// Runs in the order they started; items within a run in their checklist order. Items and
// attestations share this order so that one pass over each can merge them.
constexpr const char* runOrder = "ORDER BY r.started_at, r.rowid, ri.position, ri.id";

const QList<Column>& itemColumns()
{
    static const QList<Column> columns = {
        {"item_id", "ri.id"},
        {"run_id", "ri.run_id"},
        {"run_title", "r.title"},
        {"stream_key", "s.key"},
        {"revision", "v.number"},
        {"position", "ri.position"},
        {"ref", "ri.step_key || '/' || ri.check_key"},
        {"step_id", "ri.step_id"},
        {"step_key", "ri.step_key"},
        {"step_name", "ri.step_name"},
        {"check_id", "ri.check_id"},
        {"check_key", "ri.check_key"},
        {"statement", "ri.statement"},
        {"stage", "ri.stage"},
        {"critical", "ri.critical", Kind::Flag},
    };
    return columns;
}
// Derived from the item's attestations, appended after the columns above.
QStringList itemDerivedColumns()
{
    return {QStringLiteral("state"), QStringLiteral("passed_first_time"), QStringLiteral("attestations"),
            QStringLiteral("voided")};
}

const QList<Column>& attestationColumns()
{
    static const QList<Column> columns = {
        {"attestation_id", "a.id"},
        {"run_id", "a.run_id"},
        {"run_title", "r.title"},
        {"stream_key", "s.key"},
        {"item_id", "a.item_id"},
        {"ref", "ri.step_key || '/' || ri.check_key"},
        {"step_key", "ri.step_key"},
        {"check_key", "ri.check_key"},
        {"attempt", "a.attempt"},
        {"outcome", "a.outcome"},
        {"meaning", "a.meaning"},
        {"signer_id", "a.signer_id"},
        {"signer_initials", "p.initials"},
        {"signer_name", "p.name"},
        {"signed_at", "a.signed_at"},
        {"recorded_at", "a.recorded_at"},
        {"note", "a.note"},
        {"evidence", "a.evidence"},
        {"voided", "av.id IS NOT NULL", Kind::Flag},
        {"void_reason", "av.reason"},
        {"voided_by_id", "av.voided_by"},
        {"voided_by_initials", "vp.initials"},
        {"voided_by_name", "vp.name"},
        {"voided_at", "av.voided_at"},
        {"hash", "a.hash"},
    };
    return columns;
}

const QList<Column>& incidentColumns()
{
    static const QList<Column> columns = {
        {"incident_id", "i.id"},
        {"incident_key", "'INC-' || i.number"},
        {"title", "i.title"},
        {"status", "i.status"},
        {"severity", "i.severity"},
        {"category", "i.category"},
        {"stream_id", "i.stream_id"},
        {"stream_key", "s.key"},
        {"detected_step_id", "i.detected_step_id"},
        {"detected_step_key", "ds.key"},
        {"injected_step_id", "i.injected_step_id"},
        {"injected_step_key", "js.key"},
        {"run_id", "i.run_id"},
        {"run_title", "r.title"},
        {"recurrence_of_id", "i.recurrence_of_id"},
        {"recurrence_of_key", "'INC-' || ro.number"},
        {"occurred_at", "i.occurred_at"},
        {"created_at", "i.created_at"},
        {"analysed_at", "i.analysed_at"},
        {"prevented_at", "i.prevented_at"},
        {"verified_at", "i.verified_at"},
        {"what_happened", "i.what_happened"},
        {"whys", "(SELECT group_concat(text, char(10)) FROM (SELECT text FROM incident_why w "
                 "WHERE w.incident_id = i.id ORDER BY w.position))"},
        {"root_cause", "i.root_cause"},
    };
    return columns;
}

const QList<Column>& reworkColumns()
{
    static const QList<Column> columns = {
        {"rework_id", "w.id"},
        {"date", "w.date"},
        {"hours", "w.hours", Kind::Number},
        {"kind", "w.kind"},
        {"stream_id", "w.stream_id"},
        {"stream_key", "s.key"},
        {"step_id", "w.step_id"},
        {"step_key", "st.key"},
        {"incident_id", "w.incident_id"},
        {"incident_key", "'INC-' || i.number"},
        {"run_id", "w.run_id"},
        {"run_title", "r.title"},
        {"note", "w.note"},
        {"created_at", "w.created_at"},
    };
    return columns;
}

Attestation signedOutcome(const QSqlQuery& query)
{
    // Only what deriveItemState reads: outcome, attempt, signer and whether it stands.
    Attestation attestation;
    attestation.itemId = query.value(4).toString();
    attestation.attempt = query.value(8).toInt();
    attestation.outcome = parseOutcome(query.value(9).toString()).value_or(Outcome::Pass);
    attestation.signerId = query.value(11).toString();
    attestation.voided = query.value(18).toInt() != 0;
    return attestation;
}

// items.csv and attestations.csv in one pass over each table: the attestations of an item follow it
// in the same order, so the item's state is derived from them as they stream past.
Status writeItemsAndAttestations(Library& library, CsvFile& items, CsvFile& attestations, CsvText text)
{
    STABLE_TRY(items.open(headerOf(itemColumns()) + itemDerivedColumns()));
    STABLE_TRY(attestations.open(headerOf(attestationColumns())));
    auto itemQuery =
        execSql(library.db(), selectOf(itemColumns(), "FROM run_item ri "
                                                      "JOIN run r ON r.id = ri.run_id "
                                                      "JOIN stream s ON s.id = r.stream_id "
                                                      "JOIN revision v ON v.id = r.revision_id ") +
                                  QLatin1String(runOrder));
    if (!itemQuery.ok())
        return itemQuery.error();
    auto signedQuery =
        execSql(library.db(),
                selectOf(attestationColumns(), "FROM attestation a "
                                               "JOIN run_item ri ON ri.id = a.item_id "
                                               "JOIN run r ON r.id = ri.run_id "
                                               "JOIN stream s ON s.id = r.stream_id "
                                               "JOIN person p ON p.id = a.signer_id "
                                               "LEFT JOIN attestation_void av ON av.attestation_id = a.id "
                                               "LEFT JOIN person vp ON vp.id = av.voided_by ") +
                    QLatin1String(runOrder) + QStringLiteral(", a.rowid"));
    if (!signedQuery.ok())
        return signedQuery.error();
    QSqlQuery& itemRows = itemQuery.value();
    QSqlQuery& signedRows = signedQuery.value();

    bool pending = signedRows.next();
    while (itemRows.next()) {
        RunItem item;
        item.id = itemRows.value(0).toString();
        item.critical = itemRows.value(14).toInt() != 0;
        int voided = 0;
        while (pending && signedRows.value(4).toString() == item.id) {
            const Attestation attestation = signedOutcome(signedRows);
            voided += attestation.voided ? 1 : 0;
            item.attestations.append(attestation);
            STABLE_TRY(attestations.write(cells(signedRows, attestationColumns(), text)));
            pending = signedRows.next();
        }
        bool firstTime = true;
        for (const Attestation& attestation : std::as_const(item.attestations))
            firstTime = firstTime && (attestation.voided || attestation.outcome != Outcome::Fail);
        STABLE_TRY(
            items.write(cells(itemRows, itemColumns(), text) +
                        QStringList{toText(deriveItemState(item)), flag(firstTime),
                                    QString::number(item.attestations.size()), QString::number(voided)}));
    }
    STABLE_TRY(finished(itemRows, items.written().name));
    // Every attestation belongs to an item of a run; one left over means the two orders disagreed.
    if (pending)
        return storageError(QStringLiteral("The attestations of the library do not match its run items "
                                           "(attestation ‘%1’); run ‘stablectl check’.")
                                .arg(signedRows.value(0).toString()));
    return finished(signedRows, attestations.written().name);
}

Status writeHiddenFactory(Library& library, CsvFile& file)
{
    STABLE_TRY(file.open({QStringLiteral("month"), QStringLiteral("rework_hours"),
                          QStringLiteral("team_hours"), QStringLiteral("percent")}));
    // The very numbers of the console and `stablectl metrics`: one definition of the measure.
    auto measures = computeMeasures(library);
    if (!measures.ok())
        return measures.error();
    for (const MonthFactory& month : measures->hiddenFactory)
        STABLE_TRY(file.write({month.month, number(month.reworkHours),
                               month.teamHours > 0 ? number(month.teamHours) : QString(),
                               month.percent ? number(*month.percent) : QString()}));
    return success();
}

Status prepareFolder(const QString& folder)
{
    const QFileInfo info(folder);
    if (folder.trimmed().isEmpty())
        return invalid(QStringLiteral("No folder was given for the CSV files."));
    if (info.exists() && !info.isDir())
        return invalid(
            QStringLiteral("%1 is a file, not a folder: the CSV files need a folder.").arg(quoted(folder)));
    if (!info.exists() && !QDir().mkpath(folder))
        return storageError(QStringLiteral("Cannot create the folder %1.").arg(quoted(folder)));
    if (!QFileInfo(folder).isWritable())
        return storageError(QStringLiteral("The folder %1 is not writable.").arg(quoted(folder)));
    return success();
}

// One snapshot for all six files: a writer committing half-way must not make items.csv disagree with
// runs.csv. A read transaction in WAL mode sees the library as it was when it began.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Library& library)
        : m_db(library.db())
    {
    }
    ~ReadSnapshot()
    {
        if (m_active)
            m_db.rollback();
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    Status begin()
    {
        if (!m_db.transaction())
            return storageError(
                QStringLiteral("The library could not be read (%1).").arg(m_db.lastError().databaseText()));
        m_active = true;
        return success();
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace

QStringList csvFileNames()
{
    return {QStringLiteral("runs.csv"),         QStringLiteral("items.csv"),
            QStringLiteral("attestations.csv"), QStringLiteral("incidents.csv"),
            QStringLiteral("rework.csv"),       QStringLiteral("hidden_factory.csv")};
}

QByteArray csvRecord(const QStringList& fields)
{
    QString line;
    for (int i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        const QString& field = fields.at(i);
        const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
                                 field.contains(QLatin1Char('\r')) || field.contains(QLatin1Char('\n'));
        if (needsQuotes) {
            QString escaped = field;
            escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
            line += QLatin1Char('"') + escaped + QLatin1Char('"');
        } else {
            line += field;
        }
    }
    line += QLatin1String("\r\n");
    return line.toUtf8();
}

QString csvGuarded(const QString& text)
{
    if (text.isEmpty())
        return text;
    switch (text.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return QLatin1Char('\'') + text;
    default:
        return text;
    }
}

Result<CsvExport> exportCsv(Library& library, const QString& folder, OutputRules rules, CsvText text)
{
    STABLE_TRY(prepareFolder(folder));
    rules.libraries.append(library.path());
    const QStringList names = csvFileNames();
    // Every file is checked before any is written (a symlink planted as DIR/runs.csv, an earlier export
    // without --force, the library itself kept in DIR under one of these names).
    for (const QString& name : names)
        STABLE_TRY(checkOutputTarget(QDir(folder).filePath(name), rules));
    std::vector<std::unique_ptr<CsvFile>> files;
    for (const QString& name : names)
        files.push_back(std::make_unique<CsvFile>(folder, name, rules));
    CsvFile& runs = *files[0];
    CsvFile& items = *files[1];
    CsvFile& attestations = *files[2];
    CsvFile& incidents = *files[3];
    CsvFile& rework = *files[4];
    CsvFile& hiddenFactory = *files[5];

    {
        ReadSnapshot snapshot(library);
        STABLE_TRY(snapshot.begin());
        STABLE_TRY(writeTable(library, runs, runColumns(),
                              "FROM run r JOIN stream s ON s.id = r.stream_id "
                              "JOIN revision v ON v.id = r.revision_id ORDER BY r.started_at, r.rowid",
                              text));
        STABLE_TRY(writeItemsAndAttestations(library, items, attestations, text));
        STABLE_TRY(writeTable(library, incidents, incidentColumns(),
                              "FROM incident i JOIN stream s ON s.id = i.stream_id "
                              "LEFT JOIN step ds ON ds.id = i.detected_step_id "
                              "LEFT JOIN step js ON js.id = i.injected_step_id "
                              "LEFT JOIN run r ON r.id = i.run_id "
                              "LEFT JOIN incident ro ON ro.id = i.recurrence_of_id ORDER BY i.number",
                              text));
        STABLE_TRY(writeTable(library, rework, reworkColumns(),
                              "FROM rework w LEFT JOIN stream s ON s.id = w.stream_id "
                              "LEFT JOIN step st ON st.id = w.step_id "
                              "LEFT JOIN incident i ON i.id = w.incident_id "
                              "LEFT JOIN run r ON r.id = w.run_id ORDER BY w.date, w.created_at, w.rowid",
                              text));
        STABLE_TRY(writeHiddenFactory(library, hiddenFactory));
    }

    CsvExport done;
    done.folder = folder;
    for (const auto& file : files) {
        STABLE_TRY(file->commit());
        done.files.append(file->written());
    }
    return done;
}

} // namespace stable
