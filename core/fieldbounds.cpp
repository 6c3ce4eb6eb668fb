#include "fieldbounds.h"

#include <QHash>
#include <cmath>

namespace stable {

namespace {

bool isControl(char16_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

bool allowed(char16_t c, Lines lines)
{
    return !isControl(c) || (lines == Lines::Many && (c == u'\t' || c == u'\n'));
}

QString codePoint(char16_t c)
{
    return QStringLiteral("U+") + QStringLiteral("%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')).toUpper();
}

struct ColumnBound
{
    qsizetype maxChars;
    Lines lines;
    const char* what;
};

// Every text column a person or a file fills in, by table.column.
const QHash<QString, ColumnBound>& columnBounds()
{
    static const QHash<QString, ColumnBound> table = {
        {QStringLiteral("person.name"), {bounds::name, Lines::One, "A person's name"}},
        {QStringLiteral("person.role"), {bounds::name, Lines::One, "A person's role"}},
        {QStringLiteral("person.initials"), {bounds::name, Lines::One, "A person's initials"}},
        {QStringLiteral("stream.key"), {bounds::name, Lines::One, "A value stream key"}},
        {QStringLiteral("stream.name"), {bounds::name, Lines::One, "A value stream's name"}},
        {QStringLiteral("stream.owner"), {bounds::name, Lines::One, "A value stream's owner"}},
        {QStringLiteral("stream.purpose"), {bounds::document, Lines::Many, "A value stream's purpose"}},
        {QStringLiteral("step.key"), {bounds::name, Lines::One, "A step key"}},
        {QStringLiteral("step.name"), {bounds::name, Lines::One, "A step's name"}},
        {QStringLiteral("step.owner_role"), {bounds::name, Lines::One, "A step's owner role"}},
        {QStringLiteral("step.throughput"), {bounds::document, Lines::Many, "A step's throughput"}},
        {QStringLiteral("step_io.name"), {bounds::name, Lines::One, "An input or output"}},
        {QStringLiteral("step_io.party"), {bounds::name, Lines::One, "A supplier or customer"}},
        {QStringLiteral("quality_check.key"), {bounds::name, Lines::One, "A check key"}},
        {QStringLiteral("quality_check.statement"), {bounds::statement, Lines::Many, "A check's statement"}},
        {QStringLiteral("quality_check.guards_against"),
         {bounds::statement, Lines::Many, "A check's failure mode"}},
        {QStringLiteral("incident.title"), {bounds::name, Lines::One, "An incident's title"}},
        {QStringLiteral("incident.what_happened"), {bounds::document, Lines::Many, "What happened"}},
        {QStringLiteral("incident.category"), {bounds::name, Lines::One, "An incident's category"}},
        {QStringLiteral("incident.root_cause"), {bounds::statement, Lines::Many, "A root cause"}},
        {QStringLiteral("incident_why.text"), {bounds::statement, Lines::Many, "A why"}},
        {QStringLiteral("revision.reason"), {bounds::note, Lines::Many, "A revision's reason"}},
        {QStringLiteral("run.title"), {bounds::name, Lines::One, "A run's title"}},
        {QStringLiteral("run.lessons"), {bounds::document, Lines::Many, "A run's lessons learned"}},
        {QStringLiteral("attestation.note"), {bounds::note, Lines::Many, "A signature's note"}},
        {QStringLiteral("attestation.evidence"), {bounds::evidence, Lines::One, "A signature's evidence"}},
        {QStringLiteral("attestation_void.reason"), {bounds::note, Lines::Many, "A void's reason"}},
        {QStringLiteral("rework.note"), {bounds::note, Lines::Many, "A rework note"}},
        {QStringLiteral("run_item.step_key"), {bounds::name, Lines::One, "A run item's step key"}},
        {QStringLiteral("run_item.step_name"), {bounds::name, Lines::One, "A run item's step name"}},
        {QStringLiteral("run_item.check_key"), {bounds::name, Lines::One, "A run item's check key"}},
        {QStringLiteral("run_item.statement"), {bounds::statement, Lines::Many, "A run item's statement"}},
    };
    return table;
}

} // namespace

Status checkText(const QString& what, const QString& text, qsizetype maxChars, Lines lines)
{
    if (text.size() > maxChars)
        return invalid(QStringLiteral("%1 is %2 characters long; it may have at most %3.")
                           .arg(what)
                           .arg(text.size())
                           .arg(maxChars));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (allowed(c, lines))
            continue;
        return invalid(
            QStringLiteral("%1 holds a control character (%2 at character %3); %4.")
                .arg(what, codePoint(c))
                .arg(i + 1)
                .arg(lines == Lines::Many ? QStringLiteral("only tabs and line breaks may appear in it")
                                          : QStringLiteral("it is one line of plain text")));
    }
    return success();
}

QDate earliestReworkDate()
{
    return QDate(2000, 1, 1);
}

Status checkReworkDate(const QDate& date, const QDate& today)
{
    if (!date.isValid())
        return invalid(QStringLiteral("Rework needs the date it was done (YYYY-MM-DD)."));
    if (date < earliestReworkDate())
        return invalid(QStringLiteral("Rework cannot be dated before %1 (got %2).")
                           .arg(earliestReworkDate().toString(Qt::ISODate), date.toString(Qt::ISODate)));
    if (date > today.addDays(1))
        return invalid(QStringLiteral("Rework cannot be logged for a future date (%1; today is %2).")
                           .arg(date.toString(Qt::ISODate), today.toString(Qt::ISODate)));
    return success();
}

Status checkReworkHours(double hours)
{
    if (!std::isfinite(hours) || hours <= 0 || hours > bounds::maxReworkHours)
        return invalid(QStringLiteral("Rework hours must be more than 0 and at most 24 per entry (got %1).")
                           .arg(hours));
    return success();
}

Status checkTeamHours(const QString& month, double hours)
{
    if (!std::isfinite(hours) || hours <= 0 || hours > bounds::maxTeamHours)
        return invalid(QStringLiteral("Team hours of %1 must be more than 0 and at most %2 (got %3).")
                           .arg(month)
                           .arg(bounds::maxTeamHours, 0, 'f', 0)
                           .arg(hours));
    return success();
}

Status checkColumn(const QString& table, const QString& column, const QVariant& value, const QDate& today)
{
    const QString name = table + QLatin1Char('.') + column;
    if (name == QLatin1String("rework.hours"))
        return checkReworkHours(value.toDouble());
    if (name == QLatin1String("rework.date"))
        return checkReworkDate(QDate::fromString(value.toString(), Qt::ISODate), today);
    if (name == QLatin1String("team_hours.hours"))
        return checkTeamHours(QStringLiteral("a month"), value.toDouble());
    if (name == QLatin1String("team_hours.month") && value.toString() < QLatin1String("2000-01"))
        return invalid(QStringLiteral("Team hours cannot be given for a month before 2000-01 (got ‘%1’).")
                           .arg(visibleText(value.toString())));
    const auto bound = columnBounds().constFind(name);
    if (bound == columnBounds().constEnd() || value.isNull())
        return success();
    return checkText(QLatin1String(bound->what), value.toString(), bound->maxChars, bound->lines);
}

QString visibleText(const QString& text, Lines lines)
{
    qsizetype i = 0;
    while (i < text.size() && allowed(text.at(i).unicode(), lines))
        ++i;
    if (i == text.size())
        return text;
    QString shown = text.left(i);
    for (; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (allowed(c, lines))
            shown += QChar(c);
        else if (c == 0x1B)
            shown += QLatin1String("\\e");
        else if (c == u'\t')
            shown += QLatin1String("\\t");
        else if (c == u'\n')
            shown += QLatin1String("\\n");
        else if (c == u'\r')
            shown += QLatin1String("\\r");
        else if (c < 0x100)
            shown += QStringLiteral("\\x%1").arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'));
        else
            shown += QStringLiteral("\\u%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0'));
    }
    return shown;
}

} // namespace stable
