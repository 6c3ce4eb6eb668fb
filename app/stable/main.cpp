// The desktop app: parse the arguments, open the library, show the window.
#include "mainwindow.h"
#include "startup.h"
#include "views.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

using namespace stable;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Stable"));
    QApplication::setOrganizationName(QStringLiteral("Stable"));
    QApplication::setApplicationVersion(QStringLiteral(STABLE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Process Reliability Engineering workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QApplication::translate("main", "The library to open (*.stable)."));
    const QCommandLineOption viewOption(QStringLiteral("view"),
                                        QApplication::translate("main", "Start in a view: library, map, runs, incidents or console."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QApplication::translate("main", "Render the view at 1400×900 to a PNG file and exit."),
                                              QStringLiteral("OUT.png"));
    parser.addOption(viewOption);
    parser.addOption(screenshotOption);
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
    Status opened = path.ok() ? window.openLibrary(path.value()) : Status(path.error());
    if (!opened.ok()) {
        if (screenshot) {
            err << "stable: " << opened.message() << '\n';
            return 1;
        }
        QMessageBox::warning(&window, QApplication::translate("main", "Cannot open the library"), opened.message());
    }
    if (view && !window.showView(*view)) {
        err << "stable: the " << viewName(*view) << " view is not in this build yet\n";
        if (screenshot)
            return 1;
    }

    if (screenshot) {
        window.resize(1400, 900);
        window.show();
        // Let layouts settle and lazy models fetch their first rows before the picture is taken.
        QTimer::singleShot(300, &window, [&window, &parser, &screenshotOption, &err] {
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
