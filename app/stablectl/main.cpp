// stablectl: the command line of DESIGN.md §6. Wiring only: find the command, parse its arguments,
// hand over to the command group that calls the core.
#include "arguments.h"
#include "cli.h"
#include "commands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <cstdio>
#include <memory>

using namespace stable::cli;

namespace {

QList<CommandSpec> allCommands()
{
    QList<CommandSpec> commands;
    commands += libraryCommands();
    commands += peopleCommands();
    commands += processCommands();
    commands += runCommands();
    commands += incidentCommands();
    commands += measureCommands();
    commands += bpmnCommands();
    commands += printCommands();
    commands += csvCommands();
    return commands;
}

// Long lines wrap at `width`, continuation lines indented by `indent`; parts are never split.
QString wrapped(const QStringList& parts, int indent, int width = 100)
{
    QString text;
    QString current;
    for (const QString& part : parts) {
        if (!current.trimmed().isEmpty() && current.size() + 1 + part.size() > width) {
            text += current + QLatin1Char('\n');
            current = QString(indent, QLatin1Char(' '));
        } else if (!current.isEmpty() && !current.endsWith(QLatin1Char(' '))) {
            current += QLatin1Char(' ');
        }
        current += part;
    }
    return text + current;
}

QString wrappedUsage(const CommandSpec& command)
{
    return wrapped(usageParts(command), 8);
}

QString wrappedText(const QString& text)
{
    return wrapped(text.split(QLatin1Char(' ')), 0);
}

void printCommandHelp(QTextStream& stream, const CommandSpec& command)
{
    stream << "usage: " << wrappedUsage(command) << '\n';
    if (!command.summary.isEmpty())
        stream << "\n" << wrappedText(command.summary) << '\n';
}

void printOverview(QTextStream& stream)
{
    stream
        << "usage: stablectl COMMAND LIB [ARGUMENTS] [OPTIONS]\n"
           "\n"
           "Stable's command line: the library file (LIB) always comes first after the command.\n"
           "Human text by default, --json for machines. A command that creates something prints its id\n"
           "alone on one line ({\"id\": \"…\"} with --json); ids printed by one command are accepted by the\n"
           "next. A PIN is read from the environment variable named by --pin-env VAR, or else from one\n"
           "line of standard input; never from the command line. --by PERSON takes an id or initials.\n"
           "Exit status: 0 success, 1 refused (bad input or a rule broken; the message says which),\n"
           "2 usage error.\n\n"
           "Commands:\n";
    for (const CommandSpec& command : allCommands())
        stream << "  " << wrappedUsage(command) << '\n';
    stream << "\n  stablectl help COMMAND      usage of one command\n"
              "  stablectl --version\n";
}

int usageError(Console& console, const QString& message, const QString& usage)
{
    console.err << "stablectl: " << message << '\n' << "usage: " << usage << Qt::endl;
    return exitUsage;
}

// The words that name a command: "run sign" takes two, "init" one. Empty when no command matches.
const CommandSpec* findCommand(const QList<CommandSpec>& commands, const QStringList& words, int* used)
{
    for (int count = 2; count >= 1; --count) {
        if (words.size() < count)
            continue;
        const QString name = words.mid(0, count).join(QLatin1Char(' '));
        for (const CommandSpec& command : commands) {
            if (command.name == name) {
                *used = count;
                return &command;
            }
        }
    }
    return nullptr;
}

// "run" alone, or "run frobnicate": the commands of the group, for the usage message.
QStringList groupUsages(const QList<CommandSpec>& commands, const QString& group)
{
    QStringList usages;
    for (const CommandSpec& command : commands) {
        if (command.name.startsWith(group + QLatin1Char(' ')))
            usages.append(usageLine(command));
    }
    return usages;
}

int help(Console& console, const QStringList& topic)
{
    if (topic.isEmpty()) {
        printOverview(console.out);
        return exitSuccess;
    }
    const QList<CommandSpec> commands = allCommands();
    int used = 0;
    if (const CommandSpec* command = findCommand(commands, topic, &used)) {
        printCommandHelp(console.out, *command);
        return exitSuccess;
    }
    const QStringList group = groupUsages(commands, topic.constFirst());
    if (!group.isEmpty()) {
        for (const QString& usage : group)
            console.out << "usage: " << usage << '\n';
        return exitSuccess;
    }
    return usageError(console, QStringLiteral("no command ‘%1’").arg(topic.join(QLatin1Char(' '))),
                      QStringLiteral("stablectl help COMMAND (see stablectl --help)"));
}

int dispatch(Console& console, const QStringList& words)
{
    if (words.isEmpty()) {
        printOverview(console.err);
        return exitUsage;
    }
    const QString first = words.constFirst();
    if (first == QLatin1String("--version") || first == QLatin1String("-V")) {
        console.out << "stablectl " << STABLE_VERSION << Qt::endl;
        return exitSuccess;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h"))
        return help(console, {});
    if (first == QLatin1String("help"))
        return help(console, words.mid(1));

    int used = 0;
    const QList<CommandSpec> commands = allCommands();
    const CommandSpec* command = findCommand(commands, words, &used);
    if (!command) {
        const QStringList group = groupUsages(commands, first);
        if (!group.isEmpty()) {
            const QString message = words.size() < 2
                                        ? QStringLiteral("‘%1’ needs a subcommand").arg(first)
                                        : QStringLiteral("no command ‘%1 %2’").arg(first, words.at(1));
            return usageError(console, message, group.join(QStringLiteral("\n       ")));
        }
        return usageError(console, QStringLiteral("no command ‘%1’").arg(first),
                          QStringLiteral("stablectl COMMAND LIB … (see stablectl --help)"));
    }

    const ParseOutcome parsed = parseArguments(*command, words.mid(used));
    if (parsed.helpRequested) {
        printCommandHelp(console.out, *command);
        return exitSuccess;
    }
    if (!parsed.usageError.isEmpty())
        return usageError(console, parsed.usageError, usageLine(*command));
    return command->run(parsed.arguments, console);
}

} // namespace

int main(int argc, char* argv[])
{
    // Printing lays text out with fonts, which needs a QGuiApplication; without a display (a build server)
    // it runs on the offscreen platform. Every other command stays a plain QCoreApplication.
    std::unique_ptr<QCoreApplication> application;
    if (argc > 1 && commandPrints(QString::fromLocal8Bit(argv[1]))) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // The platform's start-up notes ("XDG_RUNTIME_DIR not set") are nothing a user can act on; only
        // its failures pass.
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext& context, const QString& message) {
                if (type == QtCriticalMsg || type == QtFatalMsg)
                    fprintf(stderr, "stablectl: %s (%s)\n", qUtf8Printable(message), context.category);
            });
        application = std::make_unique<QGuiApplication>(argc, argv);
        qInstallMessageHandler(previous);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("stablectl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STABLE_VERSION));
    // Standard error carries one line a person can act on; the core's diagnostics (failing SQL included)
    // come back with QT_LOGGING_RULES="stable.*=true".
    QLoggingCategory::setFilterRules(
        QStringLiteral("stable.*.debug=false\nstable.*.info=false\nstable.sql.warning=false"));
    Console console;
    const int status = dispatch(console, QCoreApplication::arguments().mid(1));
    console.out.flush();
    console.err.flush();
    return status;
}
