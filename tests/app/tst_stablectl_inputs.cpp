// Issue 14, items 2 and 5 (files): a FIFO, a folder or a device named as a library or an input file is
// refused at once instead of blocking in open() forever or reading without end; an input file larger than
// its documented bound is refused before it is read. Real FIFOs (mkfifo), real processes, bounded waits:
// a hang fails the test instead of hanging CI.
#include "filesafety.h"
#include "stablectl_harness.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace stable;
using namespace stable::test;

namespace {

// Runs stablectl, killing it after 15 s: a command that blocks is a failure, not a hung test.
struct Bounded
{
    bool finished = false;
    int exitCode = -1;
    QString err;
};

Bounded runBounded(const QStringList& words, const QByteArray& input = {})
{
    QProcess process;
    process.start(QStringLiteral(STABLECTL_PATH), words);
    Bounded result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(15000);
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

#define EXPECT_REFUSED_AT_ONCE(words, expected)                                                              \
    do {                                                                                                     \
        const Bounded run_ = runBounded(words);                                                              \
        QVERIFY2(run_.finished, qPrintable(QStringLiteral("blocked: ") + (words).join(QLatin1Char(' '))));   \
        QVERIFY2(run_.exitCode == 1, qPrintable(run_.err));                                                  \
        QVERIFY2(run_.err.contains(QStringLiteral(expected)), qPrintable(run_.err));                         \
    } while (false)

} // namespace

class TestStablectlInputs : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_lib;
    QString m_fifo;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_lib = path(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), m_lib}));
        m_fifo = path(QStringLiteral("pipe.stable"));
        QVERIFY(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600) == 0);
    }

    // Every command named a FIFO as its library blocked in open() forever.
    void aFifoAsTheLibraryIsRefusedAtOnce()
    {
        const QList<QStringList> commands = {
            {QStringLiteral("verify"), m_fifo},
            {QStringLiteral("check"), m_fifo},
            {QStringLiteral("metrics"), m_fifo},
            {QStringLiteral("run"), QStringLiteral("list"), m_fifo},
            {QStringLiteral("team-hours"), QStringLiteral("set"), m_fifo, QStringLiteral("2026-01"), QStringLiteral("160")},
            {QStringLiteral("upgrade"), m_fifo},
            {QStringLiteral("export"), m_fifo, path(QStringLiteral("out.json"))},
        };
        for (const QStringList& words : commands)
            EXPECT_REFUSED_AT_ONCE(words, "is a FIFO (named pipe), not a Stable library file");
        EXPECT_REFUSED_AT_ONCE(QStringList({QStringLiteral("verify"), QStringLiteral("/dev/zero")}), "is a device");
        EXPECT_REFUSED_AT_ONCE(QStringList({QStringLiteral("check"), m_dir.path()}), "is a folder");
    }

    // The import files: a FIFO, /dev/zero (which grew the process to gigabytes) and a folder.
    void aNonRegularImportFileIsRefusedAtOnce()
    {
        const QString newLib = path(QStringLiteral("new.stable"));
        for (const QString& command : {QStringLiteral("import"), QStringLiteral("import-bpmn")}) {
            EXPECT_REFUSED_AT_ONCE(QStringList({command, m_lib, m_fifo}), "is a FIFO (named pipe), not a file");
            EXPECT_REFUSED_AT_ONCE(QStringList({command, m_lib, QStringLiteral("/dev/zero")}), "is a device, not a file");
            EXPECT_REFUSED_AT_ONCE(QStringList({command, m_lib, m_dir.path()}), "is a folder, not a file");
        }
        EXPECT_REFUSED_AT_ONCE(QStringList({QStringLiteral("import-library"), newLib, m_fifo}), "is a FIFO");
        EXPECT_REFUSED_AT_ONCE(QStringList({QStringLiteral("import-library"), newLib, QStringLiteral("/dev/zero")}),
                               "is a device");
        QVERIFY(!QFileInfo::exists(newLib));
        QCOMPARE(auditEvents(m_lib), qint64{0}); // a new library has none; nothing was imported
    }

    // One byte over the bound is refused by its size, before it is read (the files are sparse: reading
    // them would take the time and memory the bound is there to save).
    void anInputOverItsBoundIsRefusedBeforeReading_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<qint64>("bound");
        QTest::addColumn<QString>("what");
        QTest::newRow("process JSON") << QStringLiteral("import") << inputbounds::processJson
                                      << QStringLiteral("process JSON file may be (at most 16 MiB)");
        QTest::newRow("BPMN") << QStringLiteral("import-bpmn") << inputbounds::bpmnXml
                              << QStringLiteral("BPMN model may be (at most 64 MiB)");
        QTest::newRow("library JSON") << QStringLiteral("import-library") << inputbounds::libraryJson
                                      << QStringLiteral("library JSON file may be (at most 1024 MiB)");
    }

    void anInputOverItsBoundIsRefusedBeforeReading()
    {
        QFETCH(QString, command);
        QFETCH(qint64, bound);
        QFETCH(QString, what);
        const QString big = path(QStringLiteral("big-") + command);
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(bound + 1));
        }
        const QString target = command == QLatin1String("import-library") ? path(QStringLiteral("made.stable")) : m_lib;
        EXPECT_REFUSED_AT_ONCE(QStringList({command, target, big}), "is larger than a");
        const Bounded run = runBounded({command, target, big});
        QVERIFY2(run.err.contains(what), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("made.stable"))));
        QFile::remove(big);
    }
};

QTEST_GUILESS_MAIN(TestStablectlInputs)
#include "tst_stablectl_inputs.moc"
