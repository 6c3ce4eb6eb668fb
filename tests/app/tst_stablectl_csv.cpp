// stablectl export-csv end to end: the files and row counts it prints, the demo library's files as
// Python's csv module reads them, and the refusals of a bad folder.
#include "stablectl_harness.h"
#include "testlibrary.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace stable::test;

namespace {

const QStringList csvFiles = {QStringLiteral("runs.csv"),         QStringLiteral("items.csv"),
                              QStringLiteral("attestations.csv"), QStringLiteral("incidents.csv"),
                              QStringLiteral("rework.csv"),       QStringLiteral("hidden_factory.csv")};

// What Python's csv module makes of each file: "name rows columns-per-record…" (one count when every
// record has the same number of fields). Empty when there is no python3 here.
QString readWithPython(const QString& folder)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        return {};
    const QString script =
        QStringLiteral("import csv, sys, os\n"
                       "for name in sys.argv[2:]:\n"
                       "    with open(os.path.join(sys.argv[1], name), newline='', encoding='utf-8') as f:\n"
                       "        rows = list(csv.reader(f, strict=True))\n"
                       "    print(name, len(rows) - 1, *sorted({len(r) for r in rows}))\n");
    QProcess process;
    process.start(python, QStringList{QStringLiteral("-c"), script, folder} + csvFiles);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput()) +
           QString::fromUtf8(process.readAllStandardError());
}

} // namespace

class TestStablectlCsv : public QObject
{
    Q_OBJECT
private slots:
    void exportsTheDemoLibrary()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("demo.stable"));
        // Three months keep the suite fast; `stablectl demo` (12 months) exports the same way.
        CTL_OK(ctl({QStringLiteral("demo"), lib, QStringLiteral("--months"), QStringLiteral("3")}));
        const QString folder = dir.filePath(QStringLiteral("out/csv"));

        QElapsedTimer timer;
        timer.start();
        const CtlResult exported = ctl({QStringLiteral("export-csv"), lib, folder});
        const qint64 took = timer.elapsed();
        CTL_OK(exported);
        qInfo("export-csv of the demo library (%lld attestations): %lld ms",
              rows(lib, QStringLiteral("attestation")), took);

        // One line per file: its path and its row count, which is what the file holds.
        const QStringList lines = exported.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), csvFiles.size());
        const QMap<QString, QString> tableOf = {
            {QStringLiteral("runs.csv"), QStringLiteral("run")},
            {QStringLiteral("items.csv"), QStringLiteral("run_item")},
            {QStringLiteral("attestations.csv"), QStringLiteral("attestation")},
            {QStringLiteral("incidents.csv"), QStringLiteral("incident")},
            {QStringLiteral("rework.csv"), QStringLiteral("rework")}};
        QString pythonExpected;
        for (int i = 0; i < csvFiles.size(); ++i) {
            const QString path = QDir::toNativeSeparators(QDir(folder).filePath(csvFiles.at(i)));
            QVERIFY2(lines.at(i).startsWith(path + QLatin1Char('\t')), qPrintable(lines.at(i)));
            const qint64 count =
                lines.at(i).section(QLatin1Char('\t'), 1).section(QLatin1Char(' '), 0, 0).toLongLong();
            QVERIFY2(lines.at(i).endsWith(count == 1 ? QStringLiteral(" row") : QStringLiteral(" rows")),
                     qPrintable(lines.at(i)));
            if (tableOf.contains(csvFiles.at(i)))
                QCOMPARE(count, rows(lib, tableOf.value(csvFiles.at(i))));
            QVERIFY2(count > 0, qPrintable(lines.at(i))); // the demo has some of everything
            const QByteArray bytes = fileBytes(QDir(folder).filePath(csvFiles.at(i)));
            QCOMPARE(bytes.count("\r\n") >= count + 1, true);
            const qint64 headerFields = bytes.left(bytes.indexOf("\r\n")).count(',') + 1;
            pythonExpected += QStringLiteral("%1 %2 %3\n").arg(csvFiles.at(i)).arg(count).arg(headerFields);
        }

        // "Opens with Python's csv module with one column count per file."
        const QString python = readWithPython(folder);
        if (python.isEmpty())
            qInfo("python3 not found: the csv module check was skipped");
        else
            QCOMPARE(python, pythonExpected);
    }

    void refusesABadFolder()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), lib}));
        const qint64 events = auditEvents(lib);
        const QString file = dir.filePath(QStringLiteral("plain.txt"));
        {
            QFile plain(file);
            QVERIFY(plain.open(QIODevice::WriteOnly));
            plain.write("x");
        }
        CTL_REFUSED(ctl({QStringLiteral("export-csv"), lib, file}), "is a file, not a folder", lib, events);
        CTL_REFUSED(ctl({QStringLiteral("export-csv"), lib, file + QStringLiteral("/sub")}),
                    "Cannot create the folder", lib, events);

        const CtlResult missing =
            ctl({QStringLiteral("export-csv"), dir.filePath(QStringLiteral("none.stable")), dir.path()});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.csv")}, QDir::Files), QStringList());

        const CtlResult usage = ctl({QStringLiteral("export-csv"), lib});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(usage.err.contains(QStringLiteral("usage: stablectl export-csv LIB DIR")),
                 usage.said().constData());
    }

    void anEmptyLibraryPrintsZeroRows()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), lib}));
        const CtlResult exported =
            ctl({QStringLiteral("export-csv"), lib, dir.filePath(QStringLiteral("csv"))});
        CTL_OK(exported);
        QCOMPARE(exported.out.count(QStringLiteral("\t0 rows\n")), 6);
        QCOMPARE(fileBytes(dir.filePath(QStringLiteral("csv/runs.csv"))),
                 QByteArray("run_id,stream_id,stream_key,stream_name,revision_id,revision,title,kind,status,"
                            "planned_start,rollback_point,started_at,closed_at,items,lessons\r\n"));
    }

    // OWASP ASVS 1.2.10 by default; --raw-text for a pipeline that wants the text as stored.
    void formulasAreGuardedUnlessRawText()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), lib}));
        CTL_OK(ctl({QStringLiteral("rework"), QStringLiteral("add"), lib, QStringLiteral("--hours"),
                    QStringLiteral("2"), QStringLiteral("--date"), QStringLiteral("2026-01-05"),
                    QStringLiteral("--note"), QStringLiteral("=1+1")}));
        const QString guarded = dir.filePath(QStringLiteral("guarded"));
        CTL_OK(ctl({QStringLiteral("export-csv"), lib, guarded}));
        const QByteArray guardedBytes = fileBytes(QDir(guarded).filePath(QStringLiteral("rework.csv")));
        QVERIFY2(guardedBytes.contains(",2026-01-05,2,rework,"), guardedBytes.constData());
        QVERIFY2(guardedBytes.contains(",'=1+1,"), guardedBytes.constData());

        const QString raw = dir.filePath(QStringLiteral("raw"));
        CTL_OK(ctl({QStringLiteral("export-csv"), lib, raw, QStringLiteral("--raw-text")}));
        const QByteArray rawBytes = fileBytes(QDir(raw).filePath(QStringLiteral("rework.csv")));
        QVERIFY2(rawBytes.contains(",=1+1,"), rawBytes.constData());
        QVERIFY2(!rawBytes.contains("'="), rawBytes.constData());
    }
};

QTEST_GUILESS_MAIN(TestStablectlCsv)
#include "tst_stablectl_csv.moc"
