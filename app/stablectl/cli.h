#pragma once

#include "arguments.h"
#include "filesafety.h"
#include "library.h"
#include "people.h"
#include "result.h"
#include "terminaltext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <memory>
#include <optional>

namespace stable::cli {

// Exit statuses of DESIGN.md §6.
constexpr int exitSuccess = 0;
constexpr int exitRefused = 1;
constexpr int exitUsage = 2;

// Standard output for results, standard error for messages; UTF-8 both. Human text shows control
// characters escaped (terminaltext.h); JSON is printed as JSON.
class Console
{
    std::unique_ptr<TerminalDevice> m_outDevice;
    std::unique_ptr<TerminalDevice> m_errDevice;

public:
    Console();
    QTextStream out;
    QTextStream err;

    // "stablectl: <message>" on stderr; the exit status for it (2 for a usage error, 1 otherwise).
    int fail(const Error& error);
    int fail(const QString& message) { return fail(Error{ErrorKind::Invalid, message}); }
    void printJson(const QJsonObject& object);
    void printJson(const QJsonArray& array);
    // JSON text as it is: its escapes already keep control characters inert.
    void printRaw(const QByteArray& utf8);
    // What a command that creates something prints: the id alone, or {"id": …} with --json.
    void printCreated(const Arguments& arguments, const QString& id, const QJsonObject& more = {});
};

enum class Access { Read, Write };

// Opens LIB. Read access opens read-only and never migrates: an older file is refused with how to upgrade
// it. Write access migrates an older file (noted on stderr with where the old version was kept).
Result<std::unique_ptr<Library>> openLibrary(const QString& path, Access access, Console& console);

// The rules for the output files of a command on `library` (empty: none open): never the library, and
// an existing file only with --force.
OutputRules outputRules(const Arguments& arguments, const QString& library, const QStringList& siblings = {});
OptionSpec forceFlag();

// The PIN: from the environment variable named by --pin-env, or else one line of standard input.
Result<QString> readPin(const Arguments& arguments, Console& console, const QString& whose);

// --by PERSON with their PIN: the two components of a signature.
Result<Signer> signerFrom(Library& library, const Arguments& arguments, Console& console);

// LIB opened for writing and the person who signs in it (--by with their PIN).
struct SigningSession
{
    std::unique_ptr<Library> library;
    Signer signer;
};
Result<SigningSession> openForSigning(const Arguments& arguments, Console& console);

// Option values, checked before the library is touched. A missing option gives the fallback.
Result<std::optional<QDateTime>> momentOption(const Arguments& arguments, const QString& option);
Result<int> integerOption(const Arguments& arguments, const QString& option, int fallback, int minimum,
                          int maximum);
Result<double> numberArgument(const QString& text, const QString& what);

// An option naming a word of the domain's vocabulary, read with its parser (parseRunKind, parseStage …);
// `choices` lists the words for the message ("release, plan or routine").
template <typename T>
Result<T> choiceOption(const Arguments& arguments, const QString& option, const QString& fallback,
                       std::optional<T> (*parse)(const QString&), const QString& choices)
{
    const QString text = arguments.value(option, fallback);
    if (const std::optional<T> parsed = parse(text))
        return *parsed;
    return invalid(QStringLiteral("--%1 must be %2 (got ‘%3’).").arg(option, choices, text));
}

// Hours as every command prints them: one decimal, "8.0" next to "265.3".
QString formatHours(double hours);
QString formatPercent(std::optional<double> fraction);
// "1 void", "3 voids".
QString counted(qint64 count, const QString& one, const QString& many);

} // namespace stable::cli
