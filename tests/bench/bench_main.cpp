// stable_bench [LIBRARY] [--runs N] [--only a,b] [--app PATH]: the figures of issue 7 as one JSON
// object. Without LIBRARY it makes the small demo in a temporary folder. The library is copied first
// (and migrated once, untimed) so that nothing here writes to the user's file.
#include "bench.h"

#include "demo.h"
#include "library.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace stable;
using namespace stable::bench;

namespace {

QString copyLibrary(const QString& from, const QString& to)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        if (!QFileInfo::exists(from + suffix))
            continue;
        if (!QFile::copy(from + suffix, to + suffix))
            return QStringLiteral("Could not copy %1 to %2.").arg(from + suffix, to + suffix);
    }
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Stable's benchmark: prints one JSON object of figures."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("LIBRARY"), QStringLiteral("A library (default: a new small demo)."));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure (default 5)."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral("Comma-separated groups: open,measures,signing,lists,charts,print,bpmn,verify,app."),
        QStringLiteral("GROUPS"));
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The stable binary."),
                                       QStringLiteral("PATH"), QStringLiteral(STABLE_APP_PATH));
    parser.addOptions({runsOption, onlyOption, appOption});
    parser.process(app);

    QTemporaryDir workDir;
    if (!workDir.isValid()) {
        err << "stable_bench: no temporary folder\n";
        return 1;
    }
    Context context;
    context.workDir = workDir.path();
    context.runs = std::max(1, parser.value(runsOption).toInt());
    context.library = workDir.filePath(QStringLiteral("work.stable"));
    const QStringList files = parser.positionalArguments();
    QElapsedTimer prepare;
    prepare.start();
    if (files.isEmpty()) {
        context.original = QStringLiteral("(small demo)");
        auto created = Library::create(context.library);
        if (!created.ok()) {
            err << "stable_bench: " << created.message() << '\n';
            return 1;
        }
        DemoOptions options;
        options.endDate = QDate(2026, 3, 1);
        const Status made = generateDemo(*created.value(), options);
        if (!made.ok()) {
            err << "stable_bench: " << made.message() << '\n';
            return 1;
        }
    } else {
        context.original = QFileInfo(files.first()).absoluteFilePath();
        const QString failure = copyLibrary(context.original, context.library);
        if (!failure.isEmpty()) {
            err << "stable_bench: " << failure << '\n';
            return 1;
        }
        // Opening for writing once migrates an older file (with its backup): not part of any figure.
        auto opened = Library::open(context.library);
        if (!opened.ok()) {
            err << "stable_bench: " << opened.message() << '\n';
            return 1;
        }
        if (!opened.value()->migrationBackupPath().isEmpty())
            QFile::remove(opened.value()->migrationBackupPath());
    }
    const double prepareMs = elapsedMs(prepare);
    context.large = QFileInfo(context.library).size() > 200LL * 1024 * 1024;

    const QStringList only = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto wanted = [&only](const char* group) { return only.isEmpty() || only.contains(QLatin1String(group)); };

    QJsonObject figures;
    figures.insert(QStringLiteral("library"), context.original);
    figures.insert(QStringLiteral("library_bytes"), QFileInfo(context.library).size());
    figures.insert(QStringLiteral("prepare_ms"), Figure::round3(prepareMs));
    figures.insert(QStringLiteral("runs_per_figure"), context.runs);
    // The app first: Linux counts a child's resident set from the fork, when it is still a copy of this
    // process, so the app's peak RSS must be taken while this process is small (before the groups that
    // load a library into it).
    const QList<std::pair<const char*, std::function<QJsonObject()>>> groups = {
        {"app", [&] { return benchApp(context, parser.value(appOption)); }},
        {"open", [&] { return benchOpen(context); }},
        {"measures", [&] { return benchMeasures(context); }},
        {"signing", [&] { return benchSigning(context); }},
        {"lists", [&] { return benchLists(context); }},
        {"charts", [&] { return benchCharts(context); }},
        {"print", [&] { return benchPrint(context); }},
        {"bpmn", [&] { return benchBpmn(context); }},
        {"verify", [&] { return benchVerify(context); }},
    };
    for (const auto& [name, run] : groups) {
        if (!wanted(name))
            continue;
        err << "stable_bench: " << name << " …\n";
        err.flush();
        figures.insert(QLatin1String(name), run());
    }
    std::fputs(QJsonDocument(figures).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
