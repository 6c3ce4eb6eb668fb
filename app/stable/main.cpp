// The desktop app: parse the arguments, open the library, show the window.
#include "aboutdialog.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "preferences.h"
#include "startup.h"
#include "theme.h"
#include "views.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

using namespace stable;

namespace {

// A view that computes in the background (the console) says so in its dynamic property "busy"; the
// screenshot waits for it, within reason, so that the picture shows what the view computed.
void waitWhileBusy(MainWindow& window)
{
    const auto current = window.currentView();
    QWidget* view = current ? window.viewWidget(*current) : nullptr;
    const QDeadlineTimer deadline(30000);
    QTimer tick;
    tick.start(20);
    while (view && view->property("busy").toBool() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QCoreApplication::processEvents();
}

// The app's strings compiled in (:/i18n/stable_<lang>.qm) and Qt's own (its dialogs' buttons) from
// the system when the translations are installed (Debian: qt6-translations-l10n), for the user's
// languages in order of preference.
void installTranslations(QCoreApplication& app)
{
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("stable"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

// The app's options; `--help` and `--version` print from here and exit.
struct CommandLine
{
    QCommandLineParser parser;
    const QCommandLineOption view{
        QStringLiteral("view"),
        QCoreApplication::translate("main", "Start in a view: library, map, runs, incidents or console."),
        QStringLiteral("NAME")};
    const QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the view at 1400×900 to a PNG file and exit."),
        QStringLiteral("OUT.png")};
    CommandLine()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Process Reliability Engineering workbench"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("FILE"),
                                     QCoreApplication::translate("main", "The library to open (*.stable)."));
        parser.addOption(view);
        parser.addOption(screenshot);
    }
};

// `stable --help` or `--version` needs no display: answered before any window system is asked for.
bool asksOnlyForText(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--")
            return false;
        if (argument == "-h" || argument == "-?" || argument == "--help" || argument == "--help-all" ||
            argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

int answerInText(int argc, char* argv[])
{
    QCoreApplication core(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Stable"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STABLE_VERSION));
    installTranslations(core);
    CommandLine commandLine;
    commandLine.parser.process(core); // prints and exits
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    if (asksOnlyForText(argc, argv))
        return answerInText(argc, argv);
    QApplication app(argc, argv);
    applyApplicationIdentity();
    installTranslations(app);
    applyTheme(Preferences::load().theme);

    CommandLine commandLine;
    QCommandLineParser& parser = commandLine.parser;
    const QCommandLineOption& viewOption = commandLine.view;
    const QCommandLineOption& screenshotOption = commandLine.screenshot;
    parser.process(app);

    QTextStream err(stderr);
    std::optional<View> view;
    if (parser.isSet(viewOption)) {
        view = parseView(parser.value(viewOption));
        if (!view) {
            err << "stable: unknown view ‘" << parser.value(viewOption) << "’ (library, map, runs, incidents, console)\n";
            return 2;
        }
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        err << "stable: open one library at a time\n";
        return 2;
    }
    const bool screenshot = parser.isSet(screenshotOption);

    MainWindow window;
    installViews(window);
    auto path = files.isEmpty() ? libraryToOpenAtStart() : Result<QString>(files.first());
    Status opened = path.ok() ? window.openLibrary(path.value(), view) : Status(path.error());
    if (!opened.ok()) {
        if (screenshot) {
            err << "stable: " << opened.message() << '\n';
            return 1;
        }
        plainMessage(&window, QMessageBox::Warning,
                     QApplication::translate("main", "Cannot open the library"), opened.message());
    }
    if (view && !window.showView(*view)) {
        err << "stable: the " << viewName(*view) << " view is not in this build yet\n";
        if (screenshot)
            return 1;
    }

    if (screenshot) {
        window.resize(1400, 900);
        window.show();
        // Once the window has been laid out and painted (the first turn of the event loop), the view's
        // lazy models have fetched their first rows; a view computing in the background is waited for.
        QTimer::singleShot(0, &window, [&window, &parser, &screenshotOption, &err] {
            waitWhileBusy(window);
            const Status saved = saveScreenshot(window, parser.value(screenshotOption));
            if (!saved.ok())
                err << "stable: " << saved.message() << '\n';
            QApplication::exit(saved.ok() ? 0 : 1);
        });
        return QApplication::exec();
    }
    window.show();
    return QApplication::exec();
}
