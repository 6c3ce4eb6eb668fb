// File › Open Recent as a person reads it: two libraries with the same file name are told apart by
// their folders, one library reached by two spellings of its path is listed once, an ampersand in a
// name is shown (not taken as a mnemonic), and an entry opens its library.
#include "document.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "testlibrary.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QMenu* openRecentMenu(MainWindow& window)
{
    for (QAction* top : window.menuBar()->actions())
        if (top->menu())
            for (QAction* action : top->menu()->actions())
                if (action->menu() &&
                    action->text().remove(QLatin1Char('&')) == QStringLiteral("Open Recent"))
                    return action->menu();
    return nullptr;
}

QStringList shownTexts(QMenu* menu)
{
    QStringList texts;
    for (QAction* action : menu->actions())
        texts << action->text();
    return texts;
}

// A copy of `from` called `name` in `folder` (made if needed).
QString copyAs(const QString& from, const QString& folder, const QString& name)
{
    QDir().mkpath(folder);
    const QString to = QDir(folder).filePath(name);
    if (!QFile::copy(from, to))
        qFatal("cannot copy the library");
    return to;
}

} // namespace

class TestOpenRecent : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().remove(QStringLiteral("files")); }

    void sameNamesAreToldApartAndOnePathIsListedOnce()
    {
        TempLibrary lib;
        lib.close();
        const QString ops =
            copyAs(lib.path(), lib.file(QStringLiteral("ops")), QStringLiteral("team.stable"));
        const QString dev =
            copyAs(lib.path(), lib.file(QStringLiteral("dev")), QStringLiteral("team.stable"));
        const QString rnd = copyAs(lib.path(), lib.file(QStringLiteral("dev")), QStringLiteral("R&D.stable"));
        QVERIFY(QFile::link(lib.file(QStringLiteral("ops")), lib.file(QStringLiteral("ops-link"))));

        MainWindow window;
        QVERIFY(window.openLibrary(ops).ok());
        QVERIFY(window.openLibrary(dev).ok());
        QVERIFY(window.openLibrary(rnd).ok());
        // The same library again, by a "./" path and through a symlinked folder.
        QVERIFY(window.openLibrary(lib.file(QStringLiteral("ops/./team.stable"))).ok());
        QVERIFY(window.openLibrary(lib.file(QStringLiteral("ops-link/team.stable"))).ok());

        QMenu* menu = openRecentMenu(window);
        QVERIFY(menu);
        const QStringList texts = shownTexts(menu);
        QCOMPARE(texts.size(), 3);
        const QString opsFolder = QDir::toNativeSeparators(QFileInfo(ops).canonicalPath());
        const QString devFolder = QDir::toNativeSeparators(QFileInfo(dev).canonicalPath());
        QVERIFY2(texts.at(0).startsWith(QStringLiteral("&1 team.stable — ")) &&
                     texts.at(0).endsWith(QFileInfo(opsFolder).fileName()),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY2(texts.at(1).contains(QStringLiteral("R&&D.stable")), qPrintable(texts.at(1)));
        QVERIFY2(texts.at(2).startsWith(QStringLiteral("&3 team.stable — ")) &&
                     texts.at(2).endsWith(QFileInfo(devFolder).fileName()),
                 qPrintable(texts.at(2)));
        QVERIFY(texts.at(0) != texts.at(2));

        // Choosing an entry opens that library.
        menu->actions().at(2)->trigger();
        QCOMPARE(QFileInfo(window.document()->path()).canonicalFilePath(),
                 QFileInfo(dev).canonicalFilePath());
    }

    void aLibraryNoLongerThereIsMarked()
    {
        const QStringList recent{QStringLiteral("/nonexistent/place/gone.stable")};
        QVERIFY(recentLabel(recent, 0).endsWith(QStringLiteral(" (not found)")));
        QCOMPARE(rememberedRecent({QStringLiteral("/a/b/../c.stable"), QStringLiteral("/a/c.stable")},
                                  QStringLiteral("/a/./c.stable"), 8),
                 QStringList{QStringLiteral("/a/c.stable")});
    }
};

QTEST_MAIN(TestOpenRecent)
#include "tst_openrecent.moc"
