// The hidden factory's inputs (rework, team hours, the hourly rate) and the measures of DESIGN.md §3.
#include "cli.h"
#include "clock.h"
#include "commands.h"
#include "metrics.h"
#include "rework.h"

#include <algorithm>

namespace stable::cli {

namespace {

int reworkCommand(const Arguments& arguments, Console& console)
{
    NewRework entry;
    const QString date = arguments.value(QStringLiteral("date"));
    const auto parsedDate = parseIsoDate(date);
    if (!parsedDate)
        return console.fail(QStringLiteral("--date must be a day as YYYY-MM-DD (got ‘%1’).").arg(date));
    entry.date = *parsedDate;
    auto hours = numberArgument(arguments.value(QStringLiteral("hours")), QStringLiteral("--hours"));
    if (!hours.ok())
        return console.fail(hours.error());
    entry.hours = hours.value();
    auto kind = choiceOption(arguments, QStringLiteral("kind"), QStringLiteral("rework"), parseReworkKind,
                             QStringLiteral("rework, fire-fighting, re-release, failed-project or other"));
    if (!kind.ok())
        return console.fail(kind.error());
    entry.kind = kind.value();
    entry.stream = arguments.value(QStringLiteral("stream"));
    entry.step = arguments.value(QStringLiteral("step"));
    entry.incident = arguments.value(QStringLiteral("incident"));
    entry.run = arguments.value(QStringLiteral("run"));
    entry.note = arguments.value(QStringLiteral("note"));

    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    auto added = addRework(*library.value(), entry);
    if (!added.ok())
        return console.fail(added.error());
    console.printCreated(arguments, added->id);
    return exitSuccess;
}

int teamHoursCommand(const Arguments& arguments, Console& console)
{
    const QString month = arguments.positional(1);
    auto hours = numberArgument(arguments.positional(2), QStringLiteral("HOURS"));
    if (!hours.ok())
        return console.fail(hours.error());
    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    const Status done = setTeamHours(*library.value(), month, hours.value());
    if (!done.ok())
        return console.fail(done.error());
    console.out << "Team hours of " << month << ": " << formatHours(hours.value()) << " h." << Qt::endl;
    return exitSuccess;
}

int settingsCommand(const Arguments& arguments, Console& console)
{
    const QString name = arguments.positional(1);
    const QString value = arguments.positional(2);
    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    const Status done = setSetting(*library.value(), name, value);
    if (!done.ok())
        return console.fail(done.error());
    console.out << name << " = " << value << Qt::endl;
    return exitSuccess;
}

void printYields(QTextStream& out, const Measures& measures)
{
    out << "Value streams (first-pass yield per step, rolled throughput yield per stream)\n";
    if (measures.streams.isEmpty())
        out << "  none\n";
    for (const StreamYield& stream : measures.streams) {
        out << "  " << stream.key << " — " << stream.name << ": RTY " << formatPercent(stream.rty) << " over "
            << counted(stream.closedRuns, QStringLiteral("closed run"), QStringLiteral("closed runs"))
            << '\n';
        int keyWidth = 4;
        for (const StepYield& step : stream.steps)
            keyWidth = std::max(keyWidth, static_cast<int>(step.key.size()));
        for (const StepYield& step : stream.steps) {
            out << "    " << step.key.leftJustified(keyWidth) << " FPY "
                << formatPercent(step.fpy).rightJustified(6);
            if (step.closedRuns > 0)
                out << "  (" << step.firstPass << " of " << step.closedRuns << " runs first time)";
            out << '\n';
        }
    }
}

void printHiddenFactory(QTextStream& out, const Measures& measures)
{
    out << "\nHidden factory (rework hours ÷ team hours)\n";
    if (measures.hiddenFactory.isEmpty()) {
        out << "  no rework or team hours recorded\n";
        return;
    }
    struct Row
    {
        QString month, rework, team, share;
    };
    QList<Row> rows{{QStringLiteral("month"), QStringLiteral("rework h"), QStringLiteral("team h"),
                     QStringLiteral("share")}};
    for (const MonthFactory& month : measures.hiddenFactory)
        rows.append(
            {month.month, formatHours(month.reworkHours),
             month.teamHours > 0 ? formatHours(month.teamHours) : QStringLiteral("–"),
             formatPercent(month.percent ? std::optional<double>(*month.percent / 100.0) : std::nullopt)});
    // Numbers right-aligned under right-aligned headings, however many digits a month needs.
    int monthWidth = 0, reworkWidth = 0, teamWidth = 0, shareWidth = 0;
    for (const Row& row : std::as_const(rows)) {
        monthWidth = std::max(monthWidth, static_cast<int>(row.month.size()));
        reworkWidth = std::max(reworkWidth, static_cast<int>(row.rework.size()));
        teamWidth = std::max(teamWidth, static_cast<int>(row.team.size()));
        shareWidth = std::max(shareWidth, static_cast<int>(row.share.size()));
    }
    for (const Row& row : std::as_const(rows))
        out << "  " << row.month.leftJustified(monthWidth) << "   " << row.rework.rightJustified(reworkWidth)
            << "   " << row.team.rightJustified(teamWidth) << "   " << row.share.rightJustified(shareWidth)
            << '\n';
}

int metricsCommand(const Arguments& arguments, Console& console)
{
    MeasureFilter filter;
    filter.stream = arguments.value(QStringLiteral("stream"));
    filter.fromMonth = arguments.value(QStringLiteral("from"));
    filter.toMonth = arguments.value(QStringLiteral("to"));
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto measures = computeMeasures(*library.value(), filter);
    if (!measures.ok())
        return console.fail(measures.error());
    if (arguments.json()) {
        console.printJson(measuresToJson(measures.value()));
        return exitSuccess;
    }
    const Measures& shown = measures.value();
    QTextStream& out = console.out;
    printYields(out, shown);
    printHiddenFactory(out, shown);
    out << "\nCost of poor quality: " << QString::number(shown.copq, 'f', 2) << " ("
        << formatHours(shown.reworkHours) << " rework hours × the hourly rate)\n";
    out << "Shift-left index: " << formatPercent(shown.shiftLeftIndex)
        << " of incidents detected at the step that injected them\n";
    out << "Repeat defects: " << shown.repeatDefects << " (goal: 0)\n";
    if (shown.repeatDefects > 0) {
        auto repeats = listRepeatDefects(*library.value(), filter);
        if (!repeats.ok())
            return console.fail(repeats.error());
        for (const RepeatDefect& repeat : repeats.value())
            out << "  " << repeat.incidentKey << " " << repeat.title << ": a recurrence of "
                << repeat.earlierKey << ", answered by ‘" << repeat.streamKey << "’ revision "
                << repeat.revisionNumber << '\n';
    }
    out << "Heroics share: " << formatPercent(shown.heroicsShare) << " of rework hours spent fire-fighting\n";
    out << "Incidents: " << shown.incidents.open << " open, " << shown.incidents.analysed << " analysed, "
        << shown.incidents.prevented << " prevented, " << shown.incidents.verified << " verified\n";
    out.flush();
    return exitSuccess;
}

} // namespace

QList<CommandSpec> measureCommands()
{
    const QString lib = QStringLiteral("LIB");
    return {
        {QStringLiteral("rework add"),
         {lib},
         {required(QStringLiteral("hours"), QStringLiteral("H")),
          required(QStringLiteral("date"), QStringLiteral("YYYY-MM-DD")),
          optional(QStringLiteral("stream"), QStringLiteral("STREAM")),
          optional(QStringLiteral("step"), QStringLiteral("STEP")),
          optional(QStringLiteral("incident"), QStringLiteral("INC-KEY")),
          optional(QStringLiteral("run"), QStringLiteral("RUN")),
          optional(QStringLiteral("kind"),
                   QStringLiteral("rework|fire-fighting|re-release|failed-project|other")),
          optional(QStringLiteral("note"), QStringLiteral("TEXT")), jsonFlag()},
         QStringLiteral("Logs hours of the hidden factory against the step, run or incident that caused "
                        "them; prints the "
                        "entry's id."),
         reworkCommand},
        {QStringLiteral("team-hours set"),
         {lib, QStringLiteral("YYYY-MM"), QStringLiteral("HOURS")},
         {},
         QStringLiteral("Records the team's total hours of a month (the hidden factory's denominator)."),
         teamHoursCommand},
        {QStringLiteral("settings set"),
         {lib, QStringLiteral("NAME"), QStringLiteral("VALUE")},
         {},
         QStringLiteral("Sets a library setting: hourly-rate, fpy-alert-threshold, verify-after-runs, "
                        "unanalysed-alert-days, "
                        "stale-draft-days or currency (the hourly rate's ISO 4217 code, e.g. EUR)."),
         settingsCommand},
        {QStringLiteral("metrics"),
         {lib},
         {optional(QStringLiteral("stream"), QStringLiteral("STREAM")),
          optional(QStringLiteral("from"), QStringLiteral("YYYY-MM")),
          optional(QStringLiteral("to"), QStringLiteral("YYYY-MM")), jsonFlag()},
         QStringLiteral(
             "Prints the measures: FPY and RTY, the hidden factory by month, COPQ, shift-left index, repeat "
             "defects, heroics share and incidents by status."),
         metricsCommand},
    };
}

} // namespace stable::cli
