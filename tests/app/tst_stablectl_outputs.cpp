// Issue 14, item 1: no output of stablectl is ever the open library (however it is spelled), its journal
// files, another output of the same command, or the target of a symlink; an existing file is replaced only
// with --force; 40 parallel writers of one target never corrupt it.
#include "stablectl_harness.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace stable;
using namespace stable::test;

namespace {

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QString link(const QString& target, const QString& name)
{
    if (!QFile::link(target, name))
        qFatal("cannot make the symlink %s", qPrintable(name));
    return name;
}

} // namespace

class TestStablectlOutputs : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_lib;
    QString m_run;
    QByteArray m_libBytes;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // The library, byte for byte, and its events: nothing an output command did reached it.
    void expectLibraryUntouched()
    {
        QCOMPARE(QCryptographicHash::hash(contents(m_lib), QCryptographicHash::Sha256),
                 QCryptographicHash::hash(m_libBytes, QCryptographicHash::Sha256));
        CTL_OK(ctl({QStringLiteral("verify"), m_lib}));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_lib = path(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), m_lib}));
        CTL_OK(ctl({QStringLiteral("person"), QStringLiteral("add"), m_lib, QStringLiteral("--name"),
                    QStringLiteral("Alice Example"), QStringLiteral("--initials"), QStringLiteral("AL"),
                    QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")}));
        writeFile(path(QStringLiteral("release.json")), releaseProcessJson());
        CTL_OK(ctl({QStringLiteral("import"), m_lib, path(QStringLiteral("release.json"))}));
        CTL_OK(ctl({QStringLiteral("publish"), m_lib, QStringLiteral("release"), QStringLiteral("--by"),
                    QStringLiteral("AL"), QStringLiteral("--reason"), QStringLiteral("First"),
                    QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")}));
        const CtlResult started = ctl({QStringLiteral("run"), QStringLiteral("start"), m_lib,
                                       QStringLiteral("release"), QStringLiteral("--title"), QStringLiteral("R1")});
        CTL_OK(started);
        m_run = started.out.trimmed();
        m_libBytes = contents(m_lib);
        QVERIFY(m_libBytes.size() > 0);
    }

    // receipt --json LIB left a receipt where the library was; now every spelling of the library, and its
    // journal files, is refused by every output command — with --force too.
    void theLibraryIsNeverAnOutput()
    {
        const qint64 events = auditEvents(m_lib);
        const QString hardLink = path(QStringLiteral("hard.stable"));
        QVERIFY(::link(QFile::encodeName(m_lib).constData(), QFile::encodeName(hardLink).constData()) == 0);
        const QStringList spellings = {m_lib, m_dir.path() + QStringLiteral("/./team.stable"),
                                       m_dir.path() + QStringLiteral("/sub/../team.stable"), hardLink};
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("sub")));
        for (const QString& target : spellings) {
            const QString force = QStringLiteral("--force");
            CTL_REFUSED(ctl({QStringLiteral("receipt"), m_lib, m_run, QStringLiteral("--json"), target, force}),
                        "is the library", m_lib, events);
            CTL_REFUSED(ctl({QStringLiteral("export"), m_lib, target, force}), "is the library", m_lib, events);
            CTL_REFUSED(ctl({QStringLiteral("checklist"), m_lib, QStringLiteral("release"), QStringLiteral("--pdf"),
                             target, force}),
                        "is the library", m_lib, events);
            CTL_REFUSED(ctl({QStringLiteral("backup"), m_lib, target, force}), "is the library", m_lib, events);
        }
        // The journal files SQLite keeps beside it, whether they exist now or not.
        for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            CTL_REFUSED(ctl({QStringLiteral("export"), m_lib, m_lib + suffix, QStringLiteral("--force")}),
                        "of the library", m_lib, events);
        // Kept in the export folder under one of the CSV names.
        const QString csv = path(QStringLiteral("csv"));
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("csv")));
        QVERIFY(::link(QFile::encodeName(m_lib).constData(), QFile::encodeName(csv + QStringLiteral("/runs.csv")).constData()) == 0);
        CTL_REFUSED(ctl({QStringLiteral("export-csv"), m_lib, csv, QStringLiteral("--force")}), "is the library",
                    m_lib, events);
        QFile::remove(csv + QStringLiteral("/runs.csv"));
        QFile::remove(hardLink);
        expectLibraryUntouched();
        QCOMPARE(QDir(csv).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }

    // An existing file is replaced only with --force; without it the file is left as it was.
    void anExistingFileIsReplacedOnlyWithForce()
    {
        const qint64 events = auditEvents(m_lib);
        const QString out = path(QStringLiteral("existing.json"));
        writeFile(out, "keep me");
        CTL_REFUSED(ctl({QStringLiteral("export"), m_lib, out}), "already exists; add --force", m_lib, events);
        CTL_REFUSED(ctl({QStringLiteral("receipt"), m_lib, m_run, QStringLiteral("--json"), out}), "--force", m_lib,
                    events);
        CTL_REFUSED(ctl({QStringLiteral("checklist"), m_lib, QStringLiteral("release"), QStringLiteral("--pdf"), out}),
                    "--force", m_lib, events);
        CTL_REFUSED(ctl({QStringLiteral("backup"), m_lib, out}), "already exists", m_lib, events);
        QCOMPARE(contents(out), QByteArray("keep me"));

        CTL_OK(ctl({QStringLiteral("export"), m_lib, out, QStringLiteral("--force")}));
        QCOMPARE(QJsonDocument::fromJson(contents(out)).object().value(QStringLiteral("format")).toString(),
                 QStringLiteral("stable-library/1"));
        CTL_OK(ctl({QStringLiteral("backup"), m_lib, out, QStringLiteral("--force")}));
        CTL_OK(ctl({QStringLiteral("verify"), out}));

        // export-csv: a second export into the same folder needs --force, and then replaces all six.
        const QString folder = path(QStringLiteral("again"));
        CTL_OK(ctl({QStringLiteral("export-csv"), m_lib, folder}));
        writeFile(folder + QStringLiteral("/runs.csv"), "edited by hand");
        CTL_REFUSED(ctl({QStringLiteral("export-csv"), m_lib, folder}), "--force", m_lib, events);
        QCOMPARE(contents(folder + QStringLiteral("/runs.csv")), QByteArray("edited by hand"));
        CTL_OK(ctl({QStringLiteral("export-csv"), m_lib, folder, QStringLiteral("--force")}));
        QVERIFY(contents(folder + QStringLiteral("/runs.csv")).startsWith("run_id,"));
        expectLibraryUntouched();
    }

    // A symlink as the target is refused, with --force too: the link's target is never written.
    void aSymlinkIsNeverWrittenThrough()
    {
        const qint64 events = auditEvents(m_lib);
        const QString victim = path(QStringLiteral("bashrc"));
        writeFile(victim, "export PATH=/usr/bin\n");
        const QString planted = link(victim, path(QStringLiteral("out.json")));
        for (const QString& force : {QString(), QStringLiteral("--force")}) {
            QStringList words = {QStringLiteral("export"), m_lib, planted};
            if (!force.isEmpty())
                words << force;
            CTL_REFUSED(ctl(words), "symbolic link", m_lib, events);
            CTL_REFUSED(ctl({QStringLiteral("receipt"), m_lib, m_run, QStringLiteral("--pdf"), planted,
                             QStringLiteral("--force")}),
                        "symbolic link", m_lib, events);
            CTL_REFUSED(ctl({QStringLiteral("backup"), m_lib, planted, QStringLiteral("--force")}), "symbolic link",
                        m_lib, events);
        }
        QCOMPARE(contents(victim), QByteArray("export PATH=/usr/bin\n"));

        // A dangling link is not followed to make a file where it points.
        const QString nowhere = path(QStringLiteral("made-through-link"));
        const QString dangling = link(nowhere, path(QStringLiteral("dangling.stable")));
        CTL_REFUSED(ctl({QStringLiteral("export"), m_lib, dangling}), "symbolic link", m_lib, events);
        CTL_REFUSED(ctl({QStringLiteral("backup"), m_lib, dangling}), "symbolic link", m_lib, events);
        const CtlResult init = ctl({QStringLiteral("init"), dangling});
        QCOMPARE(init.exitCode, 1);
        QVERIFY2(init.err.contains(QStringLiteral("symbolic link")), init.said().constData());
        const CtlResult demo = ctl({QStringLiteral("demo"), dangling, QStringLiteral("--months"), QStringLiteral("1")});
        QCOMPARE(demo.exitCode, 1);
        QVERIFY(!QFileInfo::exists(nowhere));

        // export-csv's six files: DIR/runs.csv -> ~/.bashrc overwrote the link's target.
        const QString folder = path(QStringLiteral("csvlinks"));
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("csvlinks")));
        link(victim, folder + QStringLiteral("/runs.csv"));
        link(victim, folder + QStringLiteral("/hidden_factory.csv"));
        CTL_REFUSED(ctl({QStringLiteral("export-csv"), m_lib, folder}), "symbolic link", m_lib, events);
        CTL_REFUSED(ctl({QStringLiteral("export-csv"), m_lib, folder, QStringLiteral("--force")}), "symbolic link",
                    m_lib, events);
        QCOMPARE(contents(victim), QByteArray("export PATH=/usr/bin\n"));
        // Refused before anything was written: only the two links are there.
        QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
                 QStringList({QStringLiteral("hidden_factory.csv"), QStringLiteral("runs.csv")}));
        expectLibraryUntouched();
    }

    // receipt --pdf X --json X: two outputs of one command are never one file.
    void twoOutputsOfOneCommandAreTwoFiles()
    {
        const qint64 events = auditEvents(m_lib);
        const QString out = path(QStringLiteral("both"));
        CTL_REFUSED(ctl({QStringLiteral("receipt"), m_lib, m_run, QStringLiteral("--pdf"), out, QStringLiteral("--json"),
                         m_dir.path() + QStringLiteral("/./both")}),
                    "are the same file", m_lib, events);
        QVERIFY(!QFileInfo::exists(out));
    }

    // 40 parallel exports to one target: with --force each replaces the file whole (it is always one
    // complete document); without it exactly one is made and the others are refused. No partial file is
    // left behind.
    void parallelWritersNeverCorruptOneAnother()
    {
        const QString folder = path(QStringLiteral("parallel"));
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("parallel")));
        const QString target = folder + QStringLiteral("/out.json");
        const QString single = path(QStringLiteral("single.json"));
        CTL_OK(ctl({QStringLiteral("export"), m_lib, single}));
        const QByteArray reference = contents(single);
        QVERIFY(!reference.isEmpty());
        for (const bool force : {false, true}) {
            QFile::remove(target);
            std::vector<std::unique_ptr<QProcess>> processes;
            for (int i = 0; i < 40; ++i) {
                auto process = std::make_unique<QProcess>();
                QStringList words = {QStringLiteral("export"), m_lib, target};
                if (force)
                    words << QStringLiteral("--force");
                process->start(QStringLiteral(STABLECTL_PATH), words);
                processes.push_back(std::move(process));
            }
            int succeeded = 0;
            int refusedExisting = 0;
            for (auto& process : processes) {
                QVERIFY2(process->waitForFinished(120000), "an export did not finish within two minutes");
                const QString err = QString::fromUtf8(process->readAllStandardError());
                if (process->exitCode() == 0)
                    ++succeeded;
                else if (err.contains(QStringLiteral("already exists")))
                    ++refusedExisting;
                else
                    QFAIL(qPrintable(err));
                // Every moment in between, the target is either absent or a whole export.
                const QByteArray now = contents(target);
                QVERIFY(now.isEmpty() || now == reference);
            }
            QCOMPARE(succeeded + refusedExisting, 40);
            QCOMPARE(succeeded, force ? 40 : 1);
            QCOMPARE(contents(target), reference);
            QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                     QStringList({QStringLiteral("out.json")}));
        }
    }
};

QTEST_GUILESS_MAIN(TestStablectlOutputs)
#include "tst_stablectl_outputs.moc"
