// The app's identity as a user meets it: the About dialog's facts, the icon, the name the desktop
// knows it by, and a file that only looks like a library (plain SQLite) refused on every open path.
#include "aboutdialog.h"
#include "document.h"
#include "mainwindow.h"
#include "startup.h"
#include "testlibrary.h"

#include <QGuiApplication>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QString factOf(const AboutDialog& dialog, const char* name)
{
    const auto* label = dialog.findChild<QLabel*>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label ‘%1’>").arg(QLatin1String(name));
}

// An SQLite database of some other program, named like a library: only its header tells it apart.
QString makePlainSqliteFile(const QString& path)
{
    const QString name = QStringLiteral("plain-sqlite");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot make a plain SQLite file");
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE note (text TEXT)"));
        QSqlQuery(db).exec(QStringLiteral("INSERT INTO note VALUES ('not a library')"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return path;
}

} // namespace

class TestAppIdentity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void aboutNamesVersionsLicenceAndTheOpenFile();
    void aboutWithoutALibraryStillNamesSqlite();
    void iconIsDrawnAtEverySize();
    void desktopKnowsTheAppByItsId();
    void windowRefusesAPlainSqliteFile();
    void appRefusesAPlainSqliteFileFromTheCommandLine();
    void appSpeaksGermanInAGermanLocale();
    void helpAndVersionNeedNoDisplay();
};

void TestAppIdentity::aboutNamesVersionsLicenceAndTheOpenFile()
{
    TempLibrary lib;
    lib.close();
    auto document = Document::open(lib.path());
    QVERIFY2(document.ok(), qPrintable(document.message()));
    document.value()->setPollInterval(0);

    AboutDialog dialog(document.value().get());
    QCOMPARE(dialog.windowTitle(), QStringLiteral("About Stable"));
    QCOMPARE(factOf(dialog, "version"), QStringLiteral(STABLE_VERSION));
    QCOMPARE(factOf(dialog, "qtVersion"), QString::fromLatin1(qVersion()));
    QVERIFY2(QRegularExpression(QStringLiteral("^3\\.\\d+\\.\\d+$")).match(factOf(dialog, "sqliteVersion")).hasMatch(),
             qPrintable(factOf(dialog, "sqliteVersion")));
    QCOMPARE(factOf(dialog, "licence"), QStringLiteral("All rights reserved (no licence has been chosen yet)"));
    QCOMPARE(factOf(dialog, "libraryPath"), QDir::toNativeSeparators(document.value()->path()));
    QCOMPARE(factOf(dialog, "applicationId"), QStringLiteral("org.stable_pre.Stable"));
}

void TestAppIdentity::aboutWithoutALibraryStillNamesSqlite()
{
    const int connections = static_cast<int>(QSqlDatabase::connectionNames().size());
    AboutDialog dialog(nullptr);
    QCOMPARE(factOf(dialog, "libraryPath"), QStringLiteral("none open"));
    QVERIFY(QRegularExpression(QStringLiteral("^3\\.\\d+\\.\\d+$")).match(factOf(dialog, "sqliteVersion")).hasMatch());
    // The scratch connection it asked is gone again.
    QCOMPARE(static_cast<int>(QSqlDatabase::connectionNames().size()), connections);
}

void TestAppIdentity::iconIsDrawnAtEverySize()
{
    const QIcon icon = applicationIcon();
    QVERIFY(!icon.isNull());
    for (const int size : {16, 32, 48, 256}) {
        const QImage image = icon.pixmap(size, size).toImage();
        QCOMPARE(image.width(), size);
        // Opaque in the middle (the drawing), transparent in the corner (the rounded plate).
        QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    }
}

void TestAppIdentity::desktopKnowsTheAppByItsId()
{
    applyApplicationIdentity();
    QCOMPARE(QGuiApplication::desktopFileName(), QStringLiteral("org.stable_pre.Stable"));
    QCOMPARE(QCoreApplication::organizationDomain(), QStringLiteral("stable-pre.org"));
    // Name and organisation place the settings and the demo library; they must not move.
    QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("Stable"));
    QCOMPARE(QCoreApplication::organizationName(), QStringLiteral("Stable"));
    QVERIFY(!QGuiApplication::windowIcon().isNull());
}

void TestAppIdentity::windowRefusesAPlainSqliteFile()
{
    QTemporaryDir dir;
    const QString path = makePlainSqliteFile(dir.filePath(QStringLiteral("team.stable")));
    const QByteArray before = fileBytes(path);

    MainWindow window;
    installViews(window);
    const Status opened = window.openLibrary(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.message(),
             QStringLiteral("‘team.stable’ is an SQLite database of another program, not a Stable library."));
    QVERIFY(!window.document());
    QCOMPARE(fileBytes(path), before);
}

void TestAppIdentity::appRefusesAPlainSqliteFileFromTheCommandLine()
{
    QTemporaryDir dir;
    const QString path = makePlainSqliteFile(dir.filePath(QStringLiteral("team.stable")));
    const QByteArray before = fileBytes(path);
    const QString shot = dir.filePath(QStringLiteral("shot.png"));

    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(STABLE_APP_PATH), {path, QStringLiteral("--screenshot"), shot});
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 1);
    // The last line: Qt may warn before it (e.g. about XDG_RUNTIME_DIR).
    QCOMPARE(QString::fromUtf8(app.readAllStandardError()).trimmed().split(QLatin1Char('\n')).constLast(),
             QStringLiteral("stable: ‘team.stable’ is an SQLite database of another program, not a Stable library."));
    QCOMPARE(fileBytes(path), before);
    QVERIFY(!QFileInfo::exists(shot));
}

void TestAppIdentity::appSpeaksGermanInAGermanLocale()
{
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(STABLE_APP_PATH), {QStringLiteral("--help")});
    QVERIFY(app.waitForFinished(30000));
    const QString help = QString::fromUtf8(app.readAllStandardOutput());
    QVERIFY2(help.contains(QStringLiteral("Werkbank für Process Reliability Engineering")), qPrintable(help));
}

// On a server or in a terminal without a window system, `stable --help` and `--version` still answer.
void TestAppIdentity::helpAndVersionNeedNoDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    const QList<QPair<QString, QString>> asks = {
        {QStringLiteral("--help"), QStringLiteral("--screenshot")},
        {QStringLiteral("-h"), QStringLiteral("FILE")},
        {QStringLiteral("--version"), QStringLiteral(STABLE_VERSION)}};
    for (const auto& [option, expected] : asks) {
        QProcess app;
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(STABLE_APP_PATH), {option});
        QVERIFY(app.waitForFinished(30000));
        const QString out = QString::fromUtf8(app.readAllStandardOutput());
        QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0,
                 qPrintable(option + QStringLiteral(": ") + QString::fromUtf8(app.readAllStandardError())));
        QVERIFY2(out.contains(expected), qPrintable(option + QStringLiteral(": ") + out));
    }
}

QTEST_MAIN(TestAppIdentity)
#include "tst_appidentity.moc"
