// Issue 14 in the app: an older library is upgraded only after the person agrees (the file untouched when
// they do not); the app's PDF, picture and backup writers refuse the open library itself and symlinks,
// whatever the save dialog let through.
#include "fixtures.h"
#include "integrity.h"
#include "mainwindow.h"
#include "print/printing.h"
#include "startup.h"
#include "testlibrary.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QByteArray digest(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray();
}

} // namespace

class TestOpenAndSave : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anOlderLibraryIsUpgradedOnlyAfterAsking()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.stable"));
        QVERIFY(QFile::copy(QStringLiteral(STABLE_TEST_DATA_DIR "/schema0.stable"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QByteArray before = digest(path);

        MainWindow window;
        installViews(window);
        int asked = 0;
        bool answer = false;
        window.setUpgradeQuestion([&](const QString& asking, int schema) {
            ++asked;
            [&] {
                QCOMPARE(asking, path);
                QCOMPARE(schema, 0);
            }();
            return answer;
        });
        const Status cancelled = window.openLibrary(path);
        QCOMPARE(asked, 1);
        QVERIFY(!cancelled.ok());
        QVERIFY2(cancelled.message().contains(QStringLiteral("left as it was")), qPrintable(cancelled.message()));
        QVERIFY(!window.document());
        QCOMPARE(digest(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList({QStringLiteral("old.stable")}));

        answer = true;
        const Status upgraded = window.openLibrary(path);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.message()));
        QCOMPARE(asked, 2);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.bak")}, QDir::Files).size(), 1);
        QCOMPARE(identifyFile(path).schemaVersion, Library::schemaVersion());

        // A current library is opened without a question.
        window.closeLibrary();
        QVERIFY(window.openLibrary(path).ok());
        QCOMPARE(asked, 2);
    }

    // The save dialogs confirm an overwrite themselves; what they cannot know is that the file chosen is
    // the library open in the window, or a symlink.
    void theAppsWritersRefuseTheOpenLibraryAndSymlinks()
    {
        TempLibrary lib;
        publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        const QByteArray before = digest(lib.path());
        auto checklist = checklistDocument(*lib, QStringLiteral("release"));
        QVERIFY2(checklist.ok(), qPrintable(checklist.message()));

        auto pdf = writePdf(checklist.value(), lib.path(), PaperSize::A4);
        QVERIFY(!pdf.ok());
        QVERIFY2(pdf.message().contains(QStringLiteral("is the library")), qPrintable(pdf.message()));
        OutputRules replace;
        replace.replace = true;
        const Status backup = backupLibrary(*lib, lib.path(), replace);
        QVERIFY2(!backup.ok() && backup.message().contains(QStringLiteral("is the library")),
                 qPrintable(backup.message()));
        QCOMPARE(digest(lib.path()), before);

        const QString victim = lib.file(QStringLiteral("victim.txt"));
        QVERIFY(writeOutputFile(victim, "precious", {}).ok());
        const QString planted = lib.file(QStringLiteral("planted.pdf"));
        QVERIFY(QFile::link(victim, planted));
        auto throughLink = writePdf(checklist.value(), planted, PaperSize::A4);
        QVERIFY2(!throughLink.ok() && throughLink.message().contains(QStringLiteral("symbolic link")),
                 qPrintable(throughLink.message()));
        QVERIFY(!backupLibrary(*lib, planted, replace).ok());
        QFile victimFile(victim);
        QVERIFY(victimFile.open(QIODevice::ReadOnly));
        QCOMPARE(victimFile.readAll(), QByteArray("precious"));

        // An ordinary file chosen in the dialog (which asked already) is replaced.
        const QString chosen = lib.file(QStringLiteral("chosen.pdf"));
        QVERIFY(writeOutputFile(chosen, "old", {}).ok());
        QVERIFY(writePdf(checklist.value(), chosen, PaperSize::A4).ok());
        QFile chosenFile(chosen);
        QVERIFY(chosenFile.open(QIODevice::ReadOnly));
        QVERIFY(chosenFile.readAll().startsWith("%PDF"));
    }
};

QTEST_MAIN(TestOpenAndSave)
#include "tst_openandsave.moc"
