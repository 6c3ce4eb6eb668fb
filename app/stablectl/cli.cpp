#include "cli.h"

#include "clock.h"

#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <cmath>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace stable::cli {

namespace {

bool standardInputIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(fileno(stdin)) != 0;
#endif
}

} // namespace

Console::Console()
    : m_outDevice(std::make_unique<TerminalDevice>(stdout))
    , m_errDevice(std::make_unique<TerminalDevice>(stderr))
    , out(m_outDevice.get())
    , err(m_errDevice.get())
{
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
}

int Console::fail(const Error& error)
{
    QString message = error.message;
    message.replace(QLatin1Char('\n'), QLatin1Char(' '));
    err << "stablectl: " << message << Qt::endl;
    return error.kind == ErrorKind::Usage ? exitUsage : exitRefused;
}

void Console::printRaw(const QByteArray& utf8)
{
    out.flush();
    m_outDevice->setRaw(true);
    out << QString::fromUtf8(utf8);
    out.flush();
    m_outDevice->setRaw(false);
}

void Console::printJson(const QJsonObject& object)
{
    printRaw(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void Console::printJson(const QJsonArray& array)
{
    printRaw(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void Console::printCreated(const Arguments& arguments, const QString& id, const QJsonObject& more)
{
    if (arguments.json()) {
        QJsonObject object = more;
        object.insert(QStringLiteral("id"), id);
        printRaw(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    } else {
        out << id << Qt::endl;
    }
}

Result<std::unique_ptr<Library>> openLibrary(const QString& path, Access access, Console& console)
{
    OpenOptions options;
    options.readOnly = access == Access::Read;
    auto library = Library::open(path, options);
    if (library.ok() && !library.value()->migrationBackupPath().isEmpty())
        console.err << "stablectl: note: ‘" << path
                    << "’ was migrated to this build's schema; the old version is kept as ‘"
                    << library.value()->migrationBackupPath() << "’." << Qt::endl;
    return library;
}

OutputRules outputRules(const Arguments& arguments, const QString& library, const QStringList& siblings)
{
    OutputRules rules;
    if (!library.isEmpty())
        rules.libraries.append(library);
    rules.siblings = siblings;
    rules.replace = arguments.has(QStringLiteral("force"));
    return rules;
}

OptionSpec forceFlag()
{
    return flag(QStringLiteral("force"));
}

Result<QString> readPin(const Arguments& arguments, Console& console, const QString& whose)
{
    QString pin;
    if (arguments.has(QStringLiteral("pin-env"))) {
        const QString variable = arguments.value(QStringLiteral("pin-env"));
        if (!qEnvironmentVariableIsSet(variable.toLocal8Bit().constData()))
            return invalid(
                QStringLiteral("The environment variable ‘%1’ named by --pin-env is not set.").arg(variable));
        pin = qEnvironmentVariable(variable.toLocal8Bit().constData());
        // `export PIN="$(cat file)"` keeps no newline, `PIN=$(printf '1234\n')` or a file read whole does:
        // the line ends as on standard input, so both ways give the same PIN.
        while (pin.endsWith(QLatin1Char('\n')) || pin.endsWith(QLatin1Char('\r')))
            pin.chop(1);
    } else {
        if (standardInputIsTerminal()) {
            console.err << "PIN for " << whose << ": ";
            console.err.flush();
        }
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return invalid(QStringLiteral("Standard input cannot be read for the PIN."));
        QByteArray line = input.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        pin = QString::fromUtf8(line);
    }
    if (pin.isEmpty())
        return invalid(QStringLiteral("No PIN was given for %1: set --pin-env VAR or write it as one line on "
                                      "standard input.")
                           .arg(whose));
    return pin;
}

Result<Signer> signerFrom(Library& library, const Arguments& arguments, Console& console)
{
    const QString by = arguments.value(QStringLiteral("by"));
    // Name the person before asking for a PIN, so that a typo is not answered with a PIN prompt.
    auto person = findPerson(library, by);
    if (!person.ok())
        return person.error();
    auto pin = readPin(arguments, console, person->initials);
    if (!pin.ok())
        return pin.error();
    return authenticate(library, person->id, pin.value());
}

Result<SigningSession> openForSigning(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return library.error();
    auto signer = signerFrom(*library.value(), arguments, console);
    if (!signer.ok())
        return signer.error();
    return SigningSession{std::move(library.value()), signer.value()};
}

Result<std::optional<QDateTime>> momentOption(const Arguments& arguments, const QString& option)
{
    if (!arguments.has(option))
        return std::optional<QDateTime>();
    const QString text = arguments.value(option);
    const auto moment = parseIsoMoment(text);
    if (!moment)
        return invalid(
            QStringLiteral("--%1 ‘%2’ is not an ISO 8601 moment with a zone (e.g. 2026-03-01T10:00:00Z) "
                           "or a date (2026-03-01).")
                .arg(option, text));
    return std::optional<QDateTime>(*moment);
}

Result<int> integerOption(const Arguments& arguments, const QString& option, int fallback, int minimum,
                          int maximum)
{
    if (!arguments.has(option))
        return fallback;
    const QString text = arguments.value(option);
    bool ok = false;
    const int number = text.trimmed().toInt(&ok);
    if (!ok || number < minimum || number > maximum)
        return invalid(QStringLiteral("--%1 must be a whole number from %2 to %3 (got ‘%4’).")
                           .arg(option)
                           .arg(minimum)
                           .arg(maximum)
                           .arg(text));
    return number;
}

Result<double> numberArgument(const QString& text, const QString& what)
{
    bool ok = false;
    const double number = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return invalid(QStringLiteral("%1 must be a number (got ‘%2’).").arg(what, text));
    return number;
}

QString formatHours(double hours)
{
    return QString::number(hours, 'f', 1);
}

QString formatPercent(std::optional<double> fraction)
{
    if (!fraction)
        return QStringLiteral("–");
    return QString::number(*fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

QString counted(qint64 count, const QString& one, const QString& many)
{
    return QString::number(count) + QLatin1Char(' ') + (count == 1 ? one : many);
}

} // namespace stable::cli
