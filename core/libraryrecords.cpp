#include "libraryrecords.h"

#include "domain.h"

#include <QJsonValue>

#include <cmath>
#include <limits>

namespace stable::records {

namespace {

Column text(const char* name)
{
    return Column{QLatin1String(name), Kind::Text, 0, 0, {}};
}
Column nonBlank(const char* column)
{
    return Column{QLatin1String(column), Kind::Name, 0, 0, {}};
}
Column optionalText(const char* name)
{
    return Column{QLatin1String(name), Kind::OptionalText, 0, 0, {}};
}
Column boolean(const char* name)
{
    return Column{QLatin1String(name), Kind::Boolean, 0, 0, {}};
}
Column real(const char* name)
{
    return Column{QLatin1String(name), Kind::Real, 0, 0, {}};
}
Column hours(const char* name)
{
    return Column{QLatin1String(name), Kind::Hours, 0, 0, {}};
}
Column integer(const char* name, qint64 minimum = std::numeric_limits<int>::min(),
               qint64 maximum = std::numeric_limits<int>::max())
{
    return Column{QLatin1String(name), Kind::Integer, minimum, maximum, {}};
}
Column word(const char* name, QStringList words)
{
    return Column{QLatin1String(name), Kind::Word, 0, 0, std::move(words)};
}

QStringList stages()
{
    return {toText(Stage::Entry), toText(Stage::InProcess), toText(Stage::Exit)};
}

QString kindPhrase(const Column& column)
{
    switch (column.kind) {
    case Kind::Text:
        return QStringLiteral("text");
    case Kind::OptionalText:
        return QStringLiteral("text or null");
    case Kind::Integer:
        if (column.maximum == std::numeric_limits<int>::max() || column.maximum == std::numeric_limits<qint64>::max())
            return QStringLiteral("a whole number of at least %1").arg(column.minimum);
        return QStringLiteral("a whole number from %1 to %2").arg(column.minimum).arg(column.maximum);
    case Kind::Boolean:
        return QStringLiteral("true or false");
    case Kind::Name:
        return QStringLiteral("text that is not blank");
    case Kind::Real:
        return QStringLiteral("a number of at least 0");
    case Kind::Hours:
        return QStringLiteral("a number of hours above 0");
    case Kind::Word:
        return QStringLiteral("one of ‘%1’").arg(column.words.join(QStringLiteral("’, ‘")));
    }
    return QString();
}

} // namespace

QString Shape::selectList(const QString& alias) const
{
    QStringList list;
    for (const Column& column : columns)
        list.append(alias.isEmpty() ? column.name : alias + QLatin1Char('.') + column.name);
    return list.join(QStringLiteral(", "));
}

QStringList Shape::names() const
{
    QStringList list;
    for (const Column& column : columns)
        list.append(column.name);
    return list;
}

const Shape& personShape()
{
    static const Shape shape{QStringLiteral("person"),
                             {text("id"), nonBlank("name"), nonBlank("initials"), text("role"), text("pin_hash"),
                              integer("failed_attempts", 0), boolean("locked"), boolean("active"),
                              text("created_at")}};
    return shape;
}

const Shape& streamShape()
{
    static const Shape shape{QStringLiteral("stream"),
                             {text("id"), text("key"), text("name"), text("purpose"), text("owner"),
                              text("created_at"), text("draft_changed_at"), boolean("removed")}};
    return shape;
}

const Shape& stepShape()
{
    static const Shape shape{QStringLiteral("step"),
                             {text("id"), text("key"), text("name"), integer("position"), text("throughput"),
                              text("owner_role"), real("planned_hours"), boolean("removed")}};
    return shape;
}

const Shape& portShape()
{
    static const Shape shape{QStringLiteral("step_io"), {text("id"), integer("position"), text("name")}};
    return shape;
}

const Shape& checkShape()
{
    static const Shape shape{QStringLiteral("quality_check"),
                             {text("id"), text("key"), integer("position"), nonBlank("statement"),
                              word("stage", stages()), boolean("critical"), text("guards_against"),
                              integer("severity", 1, 10), integer("occurrence", 1, 10), integer("detection", 1, 10),
                              optionalText("origin_incident_id"), boolean("removed")}};
    return shape;
}

const Shape& revisionShape()
{
    static const Shape shape{QStringLiteral("revision"),
                             {text("id"), integer("number", 1), text("published_at"), text("published_by"),
                              text("reason"), text("snapshot_hash")}};
    return shape;
}

const Shape& runShape()
{
    static const Shape shape{
        QStringLiteral("run"),
        {text("id"), text("stream_id"), text("revision_id"), nonBlank("title"),
         word("kind", {toText(RunKind::Release), toText(RunKind::Plan), toText(RunKind::Routine)}),
         optionalText("planned_start"), optionalText("rollback_point"),
         word("status", {toText(RunStatus::Open), toText(RunStatus::Completed), toText(RunStatus::RolledBack)}),
         text("started_at"), optionalText("closed_at"), text("lessons")}};
    return shape;
}

const Shape& runItemShape()
{
    static const Shape shape{QStringLiteral("run_item"),
                             {text("id"), integer("position"), text("step_id"), text("step_key"), text("step_name"),
                              text("check_id"), text("check_key"), text("statement"), word("stage", stages()),
                              boolean("critical")}};
    return shape;
}

const Shape& attestationShape()
{
    static const Shape shape{
        QStringLiteral("attestation"),
        {text("id"), integer("attempt", 1),
         word("outcome", {toText(Outcome::Pass), toText(Outcome::Fail), toText(Outcome::NotApplicable)}),
         text("signer_id"), word("meaning", {toText(Meaning::Performed), toText(Meaning::Verified)}),
         text("signed_at"), text("recorded_at"), text("note"), text("evidence"), text("hash")}};
    return shape;
}

const Shape& voidShape()
{
    static const Shape shape{QStringLiteral("attestation_void"),
                             {text("id"), nonBlank("reason"), text("voided_by"), text("voided_at"), text("hash")}};
    return shape;
}

const Shape& incidentShape()
{
    static const Shape shape{
        QStringLiteral("incident"),
        {text("id"), integer("number", 1), nonBlank("title"), text("what_happened"), text("stream_id"),
         optionalText("detected_step_id"), optionalText("injected_step_id"), optionalText("run_id"),
         integer("severity", 1, 10), text("category"), text("occurred_at"), text("created_at"),
         optionalText("recurrence_of_id"), text("root_cause"),
         word("status", {toText(IncidentStatus::Open), toText(IncidentStatus::Analysed),
                         toText(IncidentStatus::Prevented), toText(IncidentStatus::Verified)}),
         optionalText("analysed_at"), optionalText("prevented_at"), optionalText("verified_at")}};
    return shape;
}

const Shape& whyShape()
{
    static const Shape shape{QStringLiteral("incident_why"), {integer("position"), text("text")}};
    return shape;
}

const Shape& reworkShape()
{
    static const Shape shape{
        QStringLiteral("rework"),
        {text("id"), text("date"), hours("hours"),
         word("kind", {toText(ReworkKind::Rework), toText(ReworkKind::FireFighting), toText(ReworkKind::ReRelease),
                       toText(ReworkKind::FailedProject), toText(ReworkKind::Other)}),
         optionalText("stream_id"), optionalText("step_id"), optionalText("incident_id"), optionalText("run_id"),
         text("note"), text("created_at")}};
    return shape;
}

const Shape& teamHoursShape()
{
    static const Shape shape{QStringLiteral("team_hours"), {text("month"), hours("hours")}};
    return shape;
}

const Shape& auditShape()
{
    static const Shape shape{QStringLiteral("audit_event"),
                             {integer("seq", 1, std::numeric_limits<qint64>::max()), text("at"), text("actor"),
                              text("action"), text("entity"), text("entity_id"), text("before"), text("after"),
                              text("why"), text("prev_hash"), text("hash")}};
    return shape;
}

void writeRecord(QJsonObject& into, const Shape& shape, const QSqlQuery& query, int first)
{
    int index = first;
    for (const Column& column : shape.columns) {
        const QVariant value = query.value(index++);
        switch (column.kind) {
        case Kind::Text:
        case Kind::Name:
        case Kind::Word:
            into.insert(column.name, value.toString());
            break;
        case Kind::OptionalText:
            into.insert(column.name, value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString()));
            break;
        case Kind::Integer:
            into.insert(column.name, QJsonValue(value.toLongLong()));
            break;
        case Kind::Boolean:
            into.insert(column.name, value.toLongLong() != 0);
            break;
        case Kind::Real:
        case Kind::Hours:
            into.insert(column.name, value.toDouble());
            break;
        }
    }
}

QJsonObject recordObject(const Shape& shape, const QSqlQuery& query, int first)
{
    QJsonObject object;
    writeRecord(object, shape, query, first);
    return object;
}

Result<QVariant> readValue(const QJsonObject& object, const Column& column, const QString& where)
{
    const auto wrong = [&]() {
        return invalid(QStringLiteral("%1: ‘%2’ should be %3.").arg(where, column.name, kindPhrase(column)));
    };
    const auto found = object.constFind(column.name);
    if (found == object.constEnd())
        return invalid(QStringLiteral("%1: ‘%2’ is missing.").arg(where, column.name));
    const QJsonValue value = found.value();
    switch (column.kind) {
    case Kind::Text:
        if (!value.isString())
            return wrong();
        return QVariant(value.toString());
    case Kind::OptionalText:
        if (value.isNull())
            return QVariant(QMetaType::fromType<QString>());
        if (!value.isString())
            return wrong();
        return QVariant(value.toString());
    case Kind::Word:
        if (!value.isString() || !column.words.contains(value.toString()))
            return wrong();
        return QVariant(value.toString());
    case Kind::Integer: {
        if (!value.isDouble())
            return wrong();
        const double number = value.toDouble();
        const qint64 whole = value.toInteger();
        if (std::trunc(number) != number || static_cast<double>(whole) != number || whole < column.minimum ||
            whole > column.maximum)
            return wrong();
        return QVariant(whole);
    }
    case Kind::Boolean:
        if (!value.isBool())
            return wrong();
        return QVariant(value.toBool() ? 1 : 0);
    case Kind::Name:
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return wrong();
        return QVariant(value.toString());
    case Kind::Real:
    case Kind::Hours: {
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number) || number < 0 || (column.kind == Kind::Hours && number <= 0))
            return wrong();
        return QVariant(number);
    }
    }
    return wrong();
}

Result<QVariantList> readRecord(const QJsonObject& object, const Shape& shape, const QString& where)
{
    QVariantList values;
    values.reserve(shape.columns.size());
    for (const Column& column : shape.columns) {
        auto value = readValue(object, column, where);
        if (!value.ok())
            return value.error();
        values.append(value.value());
    }
    return values;
}

} // namespace stable::records
