// The library file as a whole: create, fill with demo history, export and import, verify, back up.
#include "audit.h"
#include "cli.h"
#include "commands.h"
#include "demo.h"
#include "integrity.h"
#include "libraryjson.h"
#include "sql.h"
#include "witness.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <functional>
#include <limits>

namespace stable::cli {

namespace {

QString quoted(const QString& path)
{
    return QStringLiteral("‘%1’").arg(path);
}

// A new library that is filled in one go: if filling fails, the half-made file is removed again.
int createFilled(Console& console, const QString& path, const std::function<Status(Library&)>& fill)
{
    auto created = Library::create(path);
    if (!created.ok())
        return console.fail(created.error());
    std::unique_ptr<Library> library = std::move(created).value();
    const Status filled = fill(*library);
    if (!filled.ok()) {
        library.reset();
        for (const QString& suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(path + suffix);
        return console.fail(filled.error());
    }
    return exitSuccess;
}

int initLibrary(const Arguments& arguments, Console& console)
{
    const QString path = arguments.library();
    const int status = createFilled(console, path, [](Library&) { return success(); });
    if (status == exitSuccess)
        console.out << "Created the library " << quoted(path) << "." << Qt::endl;
    return status;
}

int makeDemo(const Arguments& arguments, Console& console)
{
    DemoOptions options;
    // Without --months the scale says how long (12 months small, 120 large).
    if (arguments.has(QStringLiteral("months"))) {
        auto months = integerOption(arguments, QStringLiteral("months"), 12, 1, 120);
        if (!months.ok())
            return console.fail(months.error());
        options.months = months.value();
    }
    auto seed = integerOption(arguments, QStringLiteral("seed"), 1, 0, std::numeric_limits<int>::max());
    if (!seed.ok())
        return console.fail(seed.error());
    options.seed = static_cast<quint32>(seed.value());
    const QString scale = arguments.value(QStringLiteral("scale"), QStringLiteral("small"));
    if (scale == QLatin1String("small"))
        options.scale = DemoOptions::Scale::Small;
    else if (scale == QLatin1String("large"))
        options.scale = DemoOptions::Scale::Large;
    else
        return console.fail(QStringLiteral("--scale must be small or large (got ‘%1’).").arg(scale));

    const QString path = arguments.library();
    qint64 runs = 0;
    qint64 attestations = 0;
    const int status = createFilled(console, path, [&](Library& library) -> Status {
        STABLE_TRY(generateDemo(library, options));
        // What was made, as the file holds it.
        auto made = execSql(library.db(), QStringLiteral("SELECT (SELECT count(*) FROM run), "
                                                         "(SELECT count(*) FROM attestation)"));
        STABLE_TRY(made);
        if (made->next()) {
            runs = made->value(0).toLongLong();
            attestations = made->value(1).toLongLong();
        }
        return success();
    });
    QLocale numbers = QLocale::c();
    numbers.setNumberOptions({}); // 1,352,345
    if (status == exitSuccess)
        console.out << "Created the demo library " << quoted(path) << " with " << demoMonths(options)
                    << (demoMonths(options) == 1 ? " month" : " months") << " of history, " << numbers.toString(runs) << " runs and "
                    << numbers.toString(attestations) << " attestations; every demo person's PIN is "
                    << demoPin << "." << Qt::endl;
    return status;
}

int exportLibraryFile(const Arguments& arguments, Console& console)
{
    // Refused before the whole library is read into a document.
    if (const Status target = checkOutputTarget(arguments.positional(1), outputRules(arguments, arguments.library()));
        !target.ok())
        return console.fail(target.error());
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto document = exportLibrary(*library.value());
    if (!document.ok())
        return console.fail(document.error());
    const QString target = arguments.positional(1);
    const Status written =
        writeOutputFile(target, libraryDocumentBytes(document.value()), outputRules(arguments, arguments.library()));
    if (!written.ok())
        return console.fail(written.error());
    console.out << "Exported " << quoted(arguments.library()) << " to " << quoted(target) << "." << Qt::endl;
    return exitSuccess;
}

int importLibraryFile(const Arguments& arguments, Console& console)
{
    const QString path = arguments.library();
    const QString source = arguments.positional(1);
    auto bytes = readInputFile(source, inputbounds::libraryJson, QStringLiteral("library JSON file"));
    if (!bytes.ok())
        return console.fail(bytes.error());
    if (QFileInfo::exists(path))
        return console.fail(refused(
            QStringLiteral("%1 already exists; import-library makes a new library.").arg(quoted(path))));
    const QString sourceName = QFileInfo(source).fileName();
    const int status = createFilled(console, path, [&bytes, &sourceName](Library& library) {
        return importLibrary(library, bytes.value(), sourceName);
    });
    if (status == exitSuccess)
        console.out << "Created " << quoted(path) << " from " << quoted(source) << "." << Qt::endl;
    return status;
}

int verify(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto report = verifyLibrary(*library.value());
    if (!report.ok())
        return console.fail(report.error());
    const VerifyReport& verdict = report.value();
    console.out << "Checked "
                << counted(verdict.events, QStringLiteral("audit event"), QStringLiteral("audit events"))
                << ", "
                << counted(verdict.attestations, QStringLiteral("attestation"),
                           QStringLiteral("attestations"))
                << ", " << counted(verdict.voids, QStringLiteral("void"), QStringLiteral("voids")) << " and "
                << counted(verdict.revisions, QStringLiteral("revision"), QStringLiteral("revisions"));
    if (!verdict.headHash.isEmpty())
        console.out << "; chain head " << verdict.headHash;
    console.out << "." << Qt::endl;
    if (verdict.ok) {
        // The file agrees with itself; the witness on this computer says whether it fell behind.
        auto witness = checkWitness(*library.value());
        if (!witness.ok())
            return console.fail(witness.error());
        if (!witness->ok) {
            console.out << "  " << witness->problem << '\n';
            return console.fail(refused(QStringLiteral("%1 fails verification: %2")
                                            .arg(quoted(arguments.library()), witness->problem)));
        }
        (void)recordWitness(*library.value());
        console.out << quoted(arguments.library()) << " is intact." << Qt::endl;
        return exitSuccess;
    }
    for (const QString& problem : verdict.problems)
        console.out << "  " << problem << '\n';
    return console.fail(
        refused(QStringLiteral("%1 fails verification: %2")
                    .arg(quoted(arguments.library()),
                         verdict.firstProblem.isEmpty() ? verdict.problems.value(0) : verdict.firstProblem)));
}

int check(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    auto report = checkLibrary(*library.value());
    if (!report.ok())
        return console.fail(report.error());
    if (report->ok) {
        console.out << quoted(arguments.library()) << " passes the file integrity and foreign key checks."
                    << Qt::endl;
        return exitSuccess;
    }
    for (const QString& problem : report->problems)
        console.out << "  " << problem << '\n';
    return console.fail(refused(
        QStringLiteral("%1 is damaged: %2").arg(quoted(arguments.library()), report->problems.value(0))));
}

int backup(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Read, console);
    if (!library.ok())
        return console.fail(library.error());
    const QString destination = arguments.positional(1);
    const Status done = backupLibrary(*library.value(), destination, outputRules(arguments, arguments.library()));
    if (!done.ok())
        return console.fail(done.error());
    console.out << "Backed up " << quoted(arguments.library()) << " to " << quoted(destination)
                << " and verified the copy." << Qt::endl;
    return exitSuccess;
}

// The one command that migrates on purpose: read commands never do, and name this one.
int upgrade(const Arguments& arguments, Console& console)
{
    const QString path = arguments.library();
    const FileIdentity before = identifyFile(path);
    auto library = openLibrary(path, Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    if (library.value()->isReadOnly())
        return console.fail(refused(library.value()->readOnlyReason() + QStringLiteral(" Nothing was changed.")));
    if (library.value()->migrationBackupPath().isEmpty())
        console.out << quoted(path) << " already has this build's schema (" << Library::schemaVersion()
                    << "); nothing was changed." << Qt::endl;
    else
        console.out << "Upgraded " << quoted(path) << " from schema " << before.schemaVersion << " to "
                    << Library::schemaVersion() << "; the old version is kept as "
                    << quoted(library.value()->migrationBackupPath()) << "." << Qt::endl;
    return exitSuccess;
}

// The app's "Accept This File": after a deliberate restore from a backup, this computer's witness takes the
// file as it is now (a copy whose original is still here takes its own identity first).
int acceptFile(const Arguments& arguments, Console& console)
{
    auto library = openLibrary(arguments.library(), Access::Write, console);
    if (!library.ok())
        return console.fail(library.error());
    const QString copyOf = library.value()->copyOf();
    const Status accepted = acceptWitness(*library.value());
    if (!accepted.ok())
        return console.fail(accepted.error());
    auto head = chainHead(*library.value());
    if (!head.ok())
        return console.fail(head.error());
    console.out << "Accepted " << quoted(arguments.library())
                << " as it is: this computer now remembers its audit "
                << "log up to event " << figure(head->length);
    if (!head->hash.isEmpty())
        console.out << " (hash " << head->hash.left(16) << "…)";
    console.out << '.';
    if (!copyOf.isEmpty())
        console.out << " It is a copy of " << quoted(copyOf) << " and goes its own way as library "
                    << library.value()->libraryId() << '.';
    console.out << Qt::endl;
    return exitSuccess;
}

} // namespace

QList<CommandSpec> libraryCommands()
{
    const QString lib = QStringLiteral("LIB");
    return {
        {QStringLiteral("init"),
         {lib},
         {},
         QStringLiteral("Creates a new, empty library; refuses an existing file."),
         initLibrary},
        {QStringLiteral("demo"),
         {lib},
         {optional(QStringLiteral("months"), QStringLiteral("N")),
          optional(QStringLiteral("scale"), QStringLiteral("small|large")),
          optional(QStringLiteral("seed"), QStringLiteral("N"))},
         QStringLiteral("Creates a library filled with realistic, deterministic demo history: --months of "
                        "it, by default 12, or 120 (ten years, ~1.3 million attestations) with --scale large "
                        "(PIN of every demo person: %1).")
             .arg(QLatin1String(demoPin)),
         makeDemo},
        {QStringLiteral("export"),
         {lib, QStringLiteral("OUT.json")},
         {forceFlag()},
         QStringLiteral("Writes the whole library as one stable-library/1 JSON document (lossless); replaces an "
                        "existing OUT.json only with --force."),
         exportLibraryFile},
        {QStringLiteral("import-library"),
         {QStringLiteral("NEWLIB"), QStringLiteral("IN.json")},
         {},
         QStringLiteral("Creates NEWLIB from a stable-library/1 document; all or nothing."),
         importLibraryFile},
        {QStringLiteral("verify"),
         {lib},
         {},
         QStringLiteral("Checks the audit chain, every signature's hash and its audit link, and every "
                        "revision; names the "
                        "first bad record and exits 1 when one is found."),
         verify},
        {QStringLiteral("check"),
         {lib},
         {},
         QStringLiteral("Checks the file's integrity and its foreign keys."),
         check},
        {QStringLiteral("backup"),
         {lib, QStringLiteral("DEST")},
         {forceFlag()},
         QStringLiteral("Writes a consistent copy while others write, then verifies the copy; refuses an "
                        "existing DEST unless --force."),
         backup},
        {QStringLiteral("upgrade"),
         {lib},
         {},
         QStringLiteral("Migrates an older library to this build's schema, keeping a copy of the old version "
                        "beside it (read commands never migrate)."),
         upgrade},
        {QStringLiteral("accept"),
         {lib},
         {},
         QStringLiteral(
             "After a deliberate restore from a backup: this computer's witness accepts the file as "
             "it is now, so verify no longer reports that it fell behind (the app's \"Accept This "
             "File\")."),
         acceptFile},
    };
}

} // namespace stable::cli
