#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace stable::cli {

class Arguments;
class Console;

// One option a command knows. Without a value name it is a flag.
struct OptionSpec
{
    QString name;      // without the leading "--"
    QString valueName; // "PERSON", "pass|fail|na"; empty for a flag
    bool required = false;
    bool repeatable = false;
};

// A command of DESIGN.md §6: its words, positional arguments, options and what runs it.
struct CommandSpec
{
    QString name;            // "run sign"
    QStringList positionals; // "LIB", "RUN", "STEP/CHECK"
    QList<OptionSpec> options;
    QString summary;                                    // one line for `help`
    std::function<int(const Arguments&, Console&)> run; // empty: announced, not in this build yet
};

// Shorthands for the command tables.
OptionSpec flag(const QString& name);
OptionSpec optional(const QString& name, const QString& valueName);
OptionSpec required(const QString& name, const QString& valueName);
OptionSpec repeated(const QString& name, const QString& valueName, bool isRequired = false);
OptionSpec jsonFlag();
OptionSpec pinEnv();

// "stablectl run sign LIB RUN STEP/CHECK --outcome pass|fail|na --by PERSON [--meaning …] …"
QString usageLine(const CommandSpec& command);
// The same, one part per argument or option ("[--meaning performed|verified]"), for wrapping.
QStringList usageParts(const CommandSpec& command);

// What was parsed for one command. Option names are without "--".
class Arguments
{
public:
    QString positional(int index) const { return m_positionals.value(index); }
    QString library() const { return positional(0); }
    bool has(const QString& option) const { return m_options.contains(option); }
    QString value(const QString& option, const QString& fallback = {}) const;
    QStringList values(const QString& option) const { return m_options.value(option); }
    bool json() const { return has(QStringLiteral("json")); }

private:
    friend struct ArgumentParser;
    QStringList m_positionals;
    QHash<QString, QStringList> m_options;
};

struct ParseOutcome
{
    Arguments arguments;
    bool helpRequested = false;
    QString usageError; // one line; empty when the command line is well formed
};

// Strict: unknown options, missing values, a non-repeatable option given twice, missing or surplus
// positional arguments and missing required options are usage errors.
ParseOutcome parseArguments(const CommandSpec& command, const QStringList& words);

} // namespace stable::cli
