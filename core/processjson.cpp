#include "processjson.h"

#include "domain.h"
#include "ids.h"
#include "jsonstrict.h"
#include "libraryjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>
#include <cmath>
#include <initializer_list>

namespace stable {

namespace {

constexpr double maxPlannedHours = 10000;
constexpr int defaultRating = 5;

// What a wrong value was, in the words of an error message: "got text ‘high’", "got 11".
QString describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("text ‘%1’").arg(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

bool absent(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull();
}

// Reads the fields of one object of the document; every error names the place it is about.
class Fields
{
public:
    Fields(QJsonObject object, QString place)
        : m_object(std::move(object))
        , m_place(std::move(place))
    {
    }

    const QString& place() const { return m_place; }
    Error error(const QString& what) const { return invalid(m_place + QStringLiteral(": ") + what); }

    Status onlyKnown(std::initializer_list<const char*> known, const QString& what) const
    {
        QStringList names;
        for (const char* name : known)
            names.append(QLatin1String(name));
        const QStringList keys = m_object.keys();
        for (const QString& key : keys)
            if (!names.contains(key))
                return error(QStringLiteral("unknown field ‘%1’ (%2 has %3)")
                                 .arg(key, what, names.join(QStringLiteral(", "))));
        return success();
    }

    Result<QString> requiredText(const char* name) const
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (value.isUndefined())
            return error(QStringLiteral("‘%1’ is missing").arg(QLatin1String(name)));
        if (!value.isString())
            return error(
                QStringLiteral("‘%1’ must be text (got %2)").arg(QLatin1String(name), describe(value)));
        if (value.toString().trimmed().isEmpty())
            return error(QStringLiteral("‘%1’ is empty").arg(QLatin1String(name)));
        return value.toString();
    }

    Result<QString> key() const
    {
        auto text = requiredText("key");
        if (!text.ok())
            return text;
        if (!isValidKey(text.value()))
            return error(
                QStringLiteral("key ‘%1’ is not valid: use letters, digits, ‘-’, ‘_’ and ‘.’ (at most 64, "
                               "starting with a letter or digit)")
                    .arg(text.value()));
        return text;
    }

    Result<QString> optionalText(const char* name) const
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (absent(value))
            return QString();
        if (!value.isString())
            return error(
                QStringLiteral("‘%1’ must be text (got %2)").arg(QLatin1String(name), describe(value)));
        return value.toString();
    }

    Result<QString> optionalId(const char* name) const
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (absent(value))
            return QString();
        if (!value.isString() || !looksLikeId(value.toString()))
            return error(
                QStringLiteral("‘%1’ is not an id (got %2)").arg(QLatin1String(name), describe(value)));
        return value.toString();
    }

    Result<int> rating(const char* name) const
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (absent(value))
            return defaultRating;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 1 || number > 10 || std::floor(number) != number)
            return error(QStringLiteral("‘%1’ must be a whole number from 1 to 10 (got %2)")
                             .arg(QLatin1String(name), describe(value)));
        return static_cast<int>(number);
    }

    Result<double> hours(const char* name) const
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (absent(value))
            return 0.0;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || !std::isfinite(number) || number < 0 || number > maxPlannedHours)
            return error(QStringLiteral("‘%1’ must be a number of hours from 0 to %2 (got %3)")
                             .arg(QLatin1String(name), QString::number(maxPlannedHours), describe(value)));
        return number;
    }

    Result<bool> flag(const char* name) const
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (absent(value))
            return false;
        if (!value.isBool())
            return error(QStringLiteral("‘%1’ must be true or false (got %2)")
                             .arg(QLatin1String(name), describe(value)));
        return value.toBool();
    }

    Result<QJsonArray> list(const char* name) const
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (absent(value))
            return QJsonArray();
        if (!value.isArray())
            return error(
                QStringLiteral("‘%1’ must be a list (got %2)").arg(QLatin1String(name), describe(value)));
        return value.toArray();
    }

private:
    QJsonObject m_object;
    QString m_place;
};

// "steps[1] ‘Deploy’": the index always, the label when the element has a usable one.
QString elementPlace(const QString& parent, const char* list, int index, const QJsonValue& element,
                     const char* labelField)
{
    QString place = parent + QStringLiteral(": ") + QLatin1String(list) + QLatin1Char('[') +
                    QString::number(index) + QLatin1Char(']');
    const QString label = element.toObject().value(QLatin1String(labelField)).toString().trimmed();
    if (!label.isEmpty())
        place += QStringLiteral(" ‘") + label + QStringLiteral("’");
    return place;
}

// Parses each object of the list `field` of `parent`, refusing a key used twice. `labelField` names an
// element in messages; `earlierLabel` says which element already has a key (" ‘Build’" or nothing).
template <typename T, typename Parse, typename Label>
Result<QList<T>> parseKeyedList(const Fields& parent, const char* field, const char* labelField, Parse parse,
                                Label earlierLabel)
{
    auto elements = parent.list(field);
    STABLE_TRY(elements);
    QList<T> parsed;
    QStringList keys;
    for (int i = 0; i < elements->size(); ++i) {
        const QJsonValue element = elements->at(i);
        const Fields fields(element.toObject(), elementPlace(parent.place(), field, i, element, labelField));
        if (!element.isObject())
            return fields.error(QStringLiteral("must be an object (got %1)").arg(describe(element)));
        auto one = parse(fields);
        STABLE_TRY(one);
        const int earlier = static_cast<int>(keys.indexOf(one->key));
        if (earlier >= 0)
            return fields.error(QStringLiteral("key ‘%1’ is already used by %2[%3]%4")
                                    .arg(one->key, QLatin1String(field))
                                    .arg(earlier)
                                    .arg(earlierLabel(parsed.at(earlier))));
        keys.append(one->key);
        parsed.append(one.value());
    }
    return parsed;
}

Result<QList<Port>> parsePorts(const Fields& step, const char* list, const char* partyField)
{
    auto elements = step.list(list);
    if (!elements.ok())
        return elements.error();
    QList<Port> ports;
    for (int i = 0; i < elements->size(); ++i) {
        const QJsonValue element = elements->at(i);
        const Fields port(element.toObject(), elementPlace(step.place(), list, i, element, "name"));
        if (!element.isObject())
            return port.error(
                QStringLiteral("must be an object with a name (got %1)").arg(describe(element)));
        STABLE_TRY(port.onlyKnown({"id", "name", partyField},
                                  QStringLiteral("an %1").arg(QLatin1String(list).chopped(1))));
        auto id = port.optionalId("id");
        STABLE_TRY(id);
        auto name = port.requiredText("name");
        STABLE_TRY(name);
        auto party = port.optionalText(partyField);
        STABLE_TRY(party);
        Port parsed;
        parsed.id = id.value();
        parsed.name = name.value();
        parsed.party = party.value();
        ports.append(parsed);
    }
    return ports;
}

Result<QualityCheck> parseCheck(const Fields& check)
{
    STABLE_TRY(check.onlyKnown({"id", "key", "statement", "stage", "critical", "guards_against", "severity",
                                "occurrence", "detection", "origin_incident"},
                               QStringLiteral("a check")));
    QualityCheck parsed;
    auto id = check.optionalId("id");
    STABLE_TRY(id);
    auto key = check.key();
    STABLE_TRY(key);
    auto statement = check.requiredText("statement");
    STABLE_TRY(statement);
    auto stageText = check.requiredText("stage");
    STABLE_TRY(stageText);
    const auto stage = parseStage(stageText.value());
    if (!stage)
        return check.error(
            QStringLiteral("stage ‘%1’ is not entry, in-process or exit").arg(stageText.value()));
    auto critical = check.flag("critical");
    STABLE_TRY(critical);
    auto guardsAgainst = check.optionalText("guards_against");
    STABLE_TRY(guardsAgainst);
    auto severity = check.rating("severity");
    STABLE_TRY(severity);
    auto occurrence = check.rating("occurrence");
    STABLE_TRY(occurrence);
    auto detection = check.rating("detection");
    STABLE_TRY(detection);
    auto origin = check.optionalId("origin_incident");
    STABLE_TRY(origin);
    parsed.id = id.value();
    parsed.key = key.value();
    parsed.statement = statement.value();
    parsed.stage = *stage;
    parsed.critical = critical.value();
    parsed.guardsAgainst = guardsAgainst.value();
    parsed.severity = severity.value();
    parsed.occurrence = occurrence.value();
    parsed.detection = detection.value();
    parsed.originIncidentId = origin.value();
    return parsed;
}

Result<Step> parseStep(const Fields& step)
{
    STABLE_TRY(step.onlyKnown(
        {"id", "key", "name", "throughput", "owner_role", "planned_hours", "inputs", "outputs", "checks"},
        QStringLiteral("a step")));
    Step parsed;
    auto id = step.optionalId("id");
    STABLE_TRY(id);
    auto key = step.key();
    STABLE_TRY(key);
    auto name = step.requiredText("name");
    STABLE_TRY(name);
    auto throughput = step.optionalText("throughput");
    STABLE_TRY(throughput);
    auto ownerRole = step.optionalText("owner_role");
    STABLE_TRY(ownerRole);
    auto hours = step.hours("planned_hours");
    STABLE_TRY(hours);
    auto inputs = parsePorts(step, "inputs", "supplier");
    STABLE_TRY(inputs);
    auto outputs = parsePorts(step, "outputs", "customer");
    STABLE_TRY(outputs);
    auto checks = parseKeyedList<QualityCheck>(step, "checks", "key", parseCheck,
                                               [](const QualityCheck&) { return QString(); });
    STABLE_TRY(checks);
    parsed.id = id.value();
    parsed.key = key.value();
    parsed.name = name.value();
    parsed.throughput = throughput.value();
    parsed.ownerRole = ownerRole.value();
    parsed.plannedHours = hours.value();
    parsed.inputs = inputs.value();
    parsed.outputs = outputs.value();
    parsed.checks = checks.value();
    return parsed;
}

QJsonArray portsToJson(const QList<Port>& ports, const QString& partyField, bool withIds)
{
    QJsonArray array;
    for (const Port& port : ports) {
        QJsonObject object{{QStringLiteral("name"), port.name}, {partyField, port.party}};
        if (withIds && !port.id.isEmpty())
            object.insert(QStringLiteral("id"), port.id);
        array.append(object);
    }
    return array;
}

QJsonObject checkToJson(const QualityCheck& check, bool withIds)
{
    QJsonObject object{{QStringLiteral("key"), check.key},
                       {QStringLiteral("statement"), check.statement},
                       {QStringLiteral("stage"), toText(check.stage)},
                       {QStringLiteral("critical"), check.critical},
                       {QStringLiteral("guards_against"), check.guardsAgainst},
                       {QStringLiteral("severity"), check.severity},
                       {QStringLiteral("occurrence"), check.occurrence},
                       {QStringLiteral("detection"), check.detection}};
    if (withIds && !check.id.isEmpty())
        object.insert(QStringLiteral("id"), check.id);
    if (withIds && !check.originIncidentId.isEmpty())
        object.insert(QStringLiteral("origin_incident"), check.originIncidentId);
    return object;
}

QJsonObject stepToJson(const Step& step, bool withIds)
{
    QJsonArray checks;
    for (const QualityCheck& check : step.checks)
        checks.append(checkToJson(check, withIds));
    QJsonObject object{
        {QStringLiteral("key"), step.key},
        {QStringLiteral("name"), step.name},
        {QStringLiteral("throughput"), step.throughput},
        {QStringLiteral("owner_role"), step.ownerRole},
        {QStringLiteral("planned_hours"), step.plannedHours},
        {QStringLiteral("inputs"), portsToJson(step.inputs, QStringLiteral("supplier"), withIds)},
        {QStringLiteral("outputs"), portsToJson(step.outputs, QStringLiteral("customer"), withIds)},
        {QStringLiteral("checks"), checks}};
    if (withIds && !step.id.isEmpty())
        object.insert(QStringLiteral("id"), step.id);
    return object;
}

} // namespace

Result<ValueStream> parseProcessJson(const QByteArray& json, const QString& sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parseError.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = before.size() - (before.lastIndexOf('\n') + 1) + 1;
        return invalid(QStringLiteral("%1 is not valid JSON: %2 at line %3, column %4 (offset %5)")
                           .arg(sourceName, parseError.errorString())
                           .arg(line)
                           .arg(column)
                           .arg(parseError.offset));
    }
    if (const auto duplicate = findDuplicateKey(json))
        return invalid(QStringLiteral("%1, %2").arg(sourceName, describeDuplicateKey(*duplicate)));
    if (!document.isObject())
        return invalid(QStringLiteral("%1: a process file is one JSON object with \"format\": \"%2\"")
                           .arg(sourceName, QLatin1String(processFormat)));
    return processFromJson(document.object(), sourceName);
}

Result<ValueStream> processFromJson(const QJsonObject& object, const QString& sourceName)
{
    const Fields top(object, sourceName);
    const QJsonValue format = object.value(QStringLiteral("format"));
    if (format.isUndefined())
        return top.error(QStringLiteral("‘format’ is missing (a process file says \"format\": \"%1\")")
                             .arg(QLatin1String(processFormat)));
    if (format.toString() == QLatin1String(libraryFormat))
        return top.error(
            QStringLiteral("this is a whole library (%1), not a process; import it as a new library")
                .arg(QLatin1String(libraryFormat)));
    if (format.toString() != QLatin1String(processFormat))
        return top.error(
            QStringLiteral("format %1 is not %2")
                .arg(format.isString() ? QStringLiteral("‘%1’").arg(format.toString()) : describe(format),
                     QLatin1String(processFormat)));

    ValueStream stream;
    auto id = top.optionalId("id");
    STABLE_TRY(id);
    auto key = top.key();
    STABLE_TRY(key);
    auto name = top.requiredText("name");
    STABLE_TRY(name);
    auto purpose = top.optionalText("purpose");
    STABLE_TRY(purpose);
    auto owner = top.optionalText("owner");
    STABLE_TRY(owner);
    auto steps = parseKeyedList<Step>(top, "steps", "name", parseStep, [](const Step& earlier) {
        return QStringLiteral(" ‘%1’").arg(earlier.name);
    });
    STABLE_TRY(steps);
    stream.id = id.value();
    stream.key = key.value();
    stream.name = name.value();
    stream.purpose = purpose.value();
    stream.owner = owner.value();
    stream.steps = steps.value();
    return stream;
}

QJsonObject processToJson(const ValueStream& stream, bool withIds)
{
    QJsonArray steps;
    for (const Step& step : stream.steps)
        steps.append(stepToJson(step, withIds));
    QJsonObject object{{QStringLiteral("format"), QLatin1String(processFormat)},
                       {QStringLiteral("key"), stream.key},
                       {QStringLiteral("name"), stream.name},
                       {QStringLiteral("purpose"), stream.purpose},
                       {QStringLiteral("owner"), stream.owner},
                       {QStringLiteral("steps"), steps}};
    if (withIds && !stream.id.isEmpty())
        object.insert(QStringLiteral("id"), stream.id);
    return object;
}

QByteArray processDocument(const ValueStream& stream, bool withIds)
{
    return QJsonDocument(processToJson(stream, withIds)).toJson(QJsonDocument::Indented);
}

} // namespace stable
