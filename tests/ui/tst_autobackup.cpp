// Automatic backups while a library is open in the window: made on a thread of their own (a large
// library takes a while), verified, and reported in the status bar.
#include "autobackup.h"
#include "fixtures.h"
#include "mainwindow.h"
#include "startup.h"
#include "testlibrary.h"
#include "trywait.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace stable;
using namespace stable::test;

class TestAutoBackup : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aDueBackupIsMadeVerifiedAndReported()
    {
        TempLibrary lib;
        publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        lib.close();
        const QString folder = lib.file(QStringLiteral("our-backups"));
        QSettings().setValue(QStringLiteral("backup/folder"), folder);

        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(lib.path()).ok());
        backUpNowIfDue(window);
        STABLE_TRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->currentMessage().startsWith(QStringLiteral("Backed up and verified")), 20000);
        const QStringList made = QDir(folder).entryList({QStringLiteral("*.stable")}, QDir::Files);
        QCOMPARE(made.size(), 1);
        auto backup = Library::open(QDir(folder).filePath(made.first()));
        QVERIFY2(backup.ok(), qPrintable(backup.message()));
        QCOMPARE(rowCount(*backup.value(), QStringLiteral("revision")), 1);

        // Not due again within the interval: nothing new.
        backUpNowIfDue(window);
        QTest::qWait(500);
        STABLE_TRY_COMPARE(QDir(folder).entryList({QStringLiteral("*.stable")}, QDir::Files).size(), 1);
        QSettings().remove(QStringLiteral("backup/folder"));
    }
};

QTEST_MAIN(TestAutoBackup)
#include "tst_autobackup.moc"
