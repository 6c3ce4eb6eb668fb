// The one way Stable reads an input file and writes an output file (core/filesafety.h): a link planted
// between the check and the write is not followed, an open library is never an output, a FIFO never blocks.
#include "filesafety.h"
#include "library.h"
#include "testlibrary.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

using namespace stable;
using namespace stable::test;

namespace {

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList entries(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
}

// Runs `work` on another thread and waits at most 10 s. If it blocked in open() on the FIFO, a writer is
// opened on the FIFO to release it, and the test fails instead of hanging.
template <typename Work>
bool finishesWithoutBlocking(const QString& fifo, Work work)
{
    auto done = std::async(std::launch::async, work);
    if (done.wait_for(std::chrono::seconds(10)) == std::future_status::ready)
        return true;
    const int writer = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
    done.wait();
    if (writer >= 0)
        ::close(writer);
    return false;
}

} // namespace

class TestFileSafety : public QObject
{
    Q_OBJECT
private slots:
    void anOutputIsPublishedWholeAndOnlyOnCommit()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.txt"));
        {
            OutputFile file(target, {});
            QVERIFY(file.open().ok());
            file.device().write("half");
            QVERIFY(!QFileInfo::exists(target));
        } // destroyed uncommitted: nothing is left behind
        QCOMPARE(entries(dir.path()), QStringList());
        QVERIFY(writeOutputFile(target, "whole", {}).ok());
        QCOMPARE(contents(target), QByteArray("whole"));
        QCOMPARE(entries(dir.path()), QStringList({QStringLiteral("out.txt")}));
    }

    void anExistingFileIsReplacedOnlyWhenAllowed()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.txt"));
        QVERIFY(writeOutputFile(target, "first", {}).ok());
        const Status again = writeOutputFile(target, "second", {});
        QVERIFY(!again.ok());
        QVERIFY2(again.message().contains(QStringLiteral("already exists")), qPrintable(again.message()));
        QCOMPARE(contents(target), QByteArray("first"));
        OutputRules replace;
        replace.replace = true;
        QVERIFY(writeOutputFile(target, "second", replace).ok());
        QCOMPARE(contents(target), QByteArray("second"));
    }

    // QSaveFile follows a symlink and overwrites its target. A link planted after open() — between the
    // check and the write — is found at commit(): refused without --force, and with it the link itself is
    // replaced; the file it pointed at is never written.
    void aLinkPlantedBetweenCheckAndWriteIsNotFollowed()
    {
        QTemporaryDir dir;
        const QString victim = dir.filePath(QStringLiteral("bashrc"));
        QVERIFY(writeOutputFile(victim, "precious", {}).ok());
        for (const bool replace : {false, true}) {
            const QString target = dir.filePath(replace ? QStringLiteral("b.txt") : QStringLiteral("a.txt"));
            OutputRules rules;
            rules.replace = replace;
            OutputFile file(target, rules);
            QVERIFY(file.open().ok());
            file.device().write("output");
            QVERIFY(QFile::link(victim, target));
            const Status committed = file.commit();
            QVERIFY2(!committed.ok(), "a link planted before commit() was written through");
            QVERIFY2(committed.message().contains(QStringLiteral("symbolic link")), qPrintable(committed.message()));
            QCOMPARE(contents(victim), QByteArray("precious"));
        }
        // Only the victim and the two links: no temporary file left.
        QCOMPARE(entries(dir.path()).size(), 3);
    }

    // Every open Library is protected in its process, however the path is spelled.
    void anOpenLibraryIsNeverAnOutput()
    {
        TempLibrary lib;
        const QByteArray before = contents(lib.path());
        const QString hardLink = lib.file(QStringLiteral("alias.stable"));
        QVERIFY(::link(QFile::encodeName(lib.path()).constData(), QFile::encodeName(hardLink).constData()) == 0);
        const QString symlink = lib.file(QStringLiteral("sym.stable"));
        QVERIFY(QFile::link(lib.path(), symlink));
        OutputRules replace;
        replace.replace = true;
        const QStringList targets = {lib.path(), QString(lib.folder() + QStringLiteral("/./") + QFileInfo(lib.path()).fileName()),
                                     hardLink, QString(lib.path() + QStringLiteral("-wal")),
                                     QString(lib.path() + QStringLiteral("-shm"))};
        for (const QString& target : targets) {
            const Status written = writeOutputFile(target, "overwritten", replace);
            QVERIFY2(!written.ok(), qPrintable(target));
            QVERIFY2(written.message().contains(QStringLiteral("library")), qPrintable(written.message()));
        }
        QVERIFY(!writeOutputFile(symlink, "overwritten", replace).ok());
        QCOMPARE(contents(lib.path()), before);
    }

    void nonRegularInputsAreRefusedWithoutBlocking()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        Result<QByteArray> read = invalid(QString());
        QVERIFY(finishesWithoutBlocking(fifo, [&] { read = readInputFile(fifo, 1024, QStringLiteral("test file")); }));
        QVERIFY(!read.ok());
        QVERIFY2(read.message().contains(QStringLiteral("FIFO")), qPrintable(read.message()));

        auto zero = readInputFile(QStringLiteral("/dev/zero"), 1024, QStringLiteral("test file"));
        QVERIFY2(!zero.ok() && zero.message().contains(QStringLiteral("device")), qPrintable(zero.message()));
        auto folder = readInputFile(dir.path(), 1024, QStringLiteral("test file"));
        QVERIFY2(!folder.ok() && folder.message().contains(QStringLiteral("folder")), qPrintable(folder.message()));
        auto missing = readInputFile(dir.filePath(QStringLiteral("none")), 1024, QStringLiteral("test file"));
        QCOMPARE(missing.kind(), ErrorKind::NotFound);

        const QString big = dir.filePath(QStringLiteral("big"));
        QVERIFY(writeOutputFile(big, QByteArray(1025, 'x'), {}).ok());
        auto tooBig = readInputFile(big, 1024, QStringLiteral("test file"));
        QVERIFY2(!tooBig.ok() && tooBig.message().contains(QStringLiteral("at most 1024 bytes")),
                 qPrintable(tooBig.message()));
        auto fits = readInputFile(big, 1025, QStringLiteral("test file"));
        QVERIFY(fits.ok());
        QCOMPARE(fits->size(), 1025);
    }

    // The app's Open dialog and its command-line argument go through Library::open: a FIFO blocked it.
    void aFifoAsALibraryIsRefusedWithoutBlocking()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("team.stable"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        QString message;
        QVERIFY(finishesWithoutBlocking(fifo, [&] {
            auto opened = Library::open(fifo);
            message = opened.ok() ? QString() : opened.message();
        }));
        QVERIFY2(message.contains(QStringLiteral("FIFO")), qPrintable(message));
        QCOMPARE(identifyFile(fifo).kind, FileIdentity::Kind::NotRegular);
        QVERIFY(finishesWithoutBlocking(fifo, [&] {
            auto created = Library::create(fifo);
            message = created.ok() ? QString() : created.message();
        }));
        QVERIFY(!message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFileSafety)
#include "tst_filesafety.moc"
