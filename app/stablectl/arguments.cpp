#include "arguments.h"

namespace stable::cli {

namespace {

const OptionSpec* findOption(const CommandSpec& command, const QString& name)
{
    for (const OptionSpec& option : command.options) {
        if (option.name == name)
            return &option;
    }
    return nullptr;
}

QString optionUsage(const OptionSpec& option)
{
    QString text = QStringLiteral("--") + option.name;
    if (!option.valueName.isEmpty())
        text += QLatin1Char(' ') + option.valueName;
    if (option.required && option.repeatable)
        return text + QStringLiteral(" [") + text + QStringLiteral("]...");
    if (option.required)
        return text;
    return QLatin1Char('[') + text + (option.repeatable ? QStringLiteral("]...") : QStringLiteral("]"));
}

// "-5" and "-0.5" are values (a negative amount), not options.
bool looksLikeNumber(const QString& word)
{
    bool ok = false;
    (void)word.toDouble(&ok);
    return ok;
}

} // namespace

OptionSpec flag(const QString& name)
{
    return OptionSpec{name, {}, false, false};
}

OptionSpec optional(const QString& name, const QString& valueName)
{
    return OptionSpec{name, valueName, false, false};
}

OptionSpec required(const QString& name, const QString& valueName)
{
    return OptionSpec{name, valueName, true, false};
}

OptionSpec repeated(const QString& name, const QString& valueName, bool isRequired)
{
    return OptionSpec{name, valueName, isRequired, true};
}

OptionSpec jsonFlag()
{
    return flag(QStringLiteral("json"));
}

OptionSpec pinEnv()
{
    return optional(QStringLiteral("pin-env"), QStringLiteral("VAR"));
}

QString usageLine(const CommandSpec& command)
{
    return usageParts(command).join(QLatin1Char(' '));
}

QStringList usageParts(const CommandSpec& command)
{
    QStringList parts{QStringLiteral("stablectl"), command.name};
    parts += command.positionals;
    for (const OptionSpec& option : command.options) {
        if (option.required)
            parts.append(optionUsage(option));
    }
    for (const OptionSpec& option : command.options) {
        if (!option.required)
            parts.append(optionUsage(option));
    }
    return parts;
}

QString Arguments::value(const QString& option, const QString& fallback) const
{
    const QStringList given = m_options.value(option);
    return given.isEmpty() ? fallback : given.constLast();
}

struct ArgumentParser
{
    const CommandSpec& command;
    ParseOutcome outcome;

    bool fail(const QString& message)
    {
        outcome.usageError = message;
        return false;
    }

    bool takeOption(const QStringList& words, int& index)
    {
        const QString word = words.at(index);
        QString name = word.mid(2);
        QString inlineValue;
        bool hasInlineValue = false;
        const int equals = static_cast<int>(name.indexOf(QLatin1Char('=')));
        if (equals >= 0) {
            inlineValue = name.mid(equals + 1);
            name = name.left(equals);
            hasInlineValue = true;
        }
        const OptionSpec* option = findOption(command, name);
        if (!option) {
            if (name == QLatin1String("pin"))
                return fail(
                    QStringLiteral("a PIN is never given on the command line; use --pin-env VAR or one line "
                                   "on standard input"));
            return fail(QStringLiteral("unknown option ‘--%1’ for ‘%2’").arg(name, command.name));
        }
        if (outcome.arguments.m_options.contains(name) && !option->repeatable)
            return fail(QStringLiteral("‘--%1’ is given more than once").arg(name));
        if (option->valueName.isEmpty()) {
            if (hasInlineValue)
                return fail(QStringLiteral("‘--%1’ takes no value").arg(name));
            outcome.arguments.m_options[name].append(QString());
            return true;
        }
        if (!hasInlineValue) {
            // "--title --kind plan" forgot the title: the next option is not its value.
            const bool nextIsValue =
                index + 1 < words.size() &&
                !(words.at(index + 1).startsWith(QLatin1String("--")) && words.at(index + 1).size() > 2);
            if (!nextIsValue)
                return fail(QStringLiteral("‘--%1’ needs a value (%2)").arg(name, option->valueName));
            inlineValue = words.at(++index);
        }
        outcome.arguments.m_options[name].append(inlineValue);
        return true;
    }

    bool parse(const QStringList& words)
    {
        bool optionsEnded = false;
        for (int index = 0; index < words.size(); ++index) {
            const QString& word = words.at(index);
            if (!optionsEnded && (word == QLatin1String("--help") || word == QLatin1String("-h"))) {
                outcome.helpRequested = true;
                return true;
            }
            if (!optionsEnded && word == QLatin1String("--")) {
                optionsEnded = true;
                continue;
            }
            if (!optionsEnded && word.startsWith(QLatin1String("--"))) {
                if (!takeOption(words, index))
                    return false;
                continue;
            }
            if (!optionsEnded && word.startsWith(QLatin1Char('-')) && word.size() > 1 &&
                !looksLikeNumber(word))
                return fail(QStringLiteral("unknown option ‘%1’ for ‘%2’").arg(word, command.name));
            outcome.arguments.m_positionals.append(word);
        }
        const int given = static_cast<int>(outcome.arguments.m_positionals.size());
        const int expected = static_cast<int>(command.positionals.size());
        if (given < expected)
            return fail(QStringLiteral("‘%1’ needs %2").arg(command.name, command.positionals.at(given)));
        if (given > expected)
            return fail(QStringLiteral("unexpected argument ‘%1’ for ‘%2’")
                            .arg(outcome.arguments.m_positionals.at(expected), command.name));
        for (const OptionSpec& option : command.options) {
            if (option.required && !outcome.arguments.m_options.contains(option.name))
                return fail(
                    QStringLiteral("‘%1’ needs --%2 %3").arg(command.name, option.name, option.valueName));
        }
        return true;
    }
};

ParseOutcome parseArguments(const CommandSpec& command, const QStringList& words)
{
    ArgumentParser parser{command, {}};
    parser.parse(words);
    return parser.outcome;
}

} // namespace stable::cli
