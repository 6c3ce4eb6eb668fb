// What stablectl prints to a terminal: a title, name or note holding escape sequences (planted in the file,
// as an older build or the sqlite3 shell could) is shown escaped, never run by the terminal, in human
// output and in error messages that quote what was typed; JSON stays valid JSON with the text intact.
// Stored text refuses control characters and out-of-bounds values on the command line.
#include "stablectl_harness.h"
#include "testlibrary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stable::test;

namespace {

// A library with the release process published and one run; its path and the run's id.
struct Prepared
{
    QString lib;
    QString run;
};

Prepared prepare(const QTemporaryDir& dir)
{
    Prepared prepared;
    prepared.lib = dir.filePath(QStringLiteral("team.stable"));
    const QString process = dir.filePath(QStringLiteral("release.json"));
    QFile file(process);
    if (!file.open(QIODevice::WriteOnly) || file.write(releaseProcessJson()) < 0)
        return {};
    file.close();
    if (ctl({QStringLiteral("init"), prepared.lib}).exitCode != 0 ||
        ctl({QStringLiteral("person"), QStringLiteral("add"), prepared.lib, QStringLiteral("--name"),
             QStringLiteral("Alice Example"), QStringLiteral("--initials"), QStringLiteral("AL"),
             QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")})
                .exitCode != 0 ||
        ctl({QStringLiteral("import"), prepared.lib, process}).exitCode != 0 ||
        ctl({QStringLiteral("publish"), prepared.lib, QStringLiteral("release"), QStringLiteral("--by"),
             QStringLiteral("AL"), QStringLiteral("--reason"), QStringLiteral("First"), QStringLiteral("--pin-env"),
             QStringLiteral("PIN_AL")})
                .exitCode != 0)
        return {};
    const CtlResult started = ctl({QStringLiteral("run"), QStringLiteral("start"), prepared.lib,
                                   QStringLiteral("release"), QStringLiteral("--title"), QStringLiteral("Release 1")});
    prepared.run = started.out.trimmed();
    return prepared;
}

// Sets the terminal's title, rings the bell, clears the screen; a C1 CSI (U+009B) for good measure.
const QString hostile = QStringLiteral("\x1b]0;pwned\x07\x1b[2J\u009b31mRelease");
const QString shown = QStringLiteral("\\e]0;pwned\\x07\\e[2J\\x9b31mRelease");

bool hasControl(const QString& text)
{
    for (const QChar c : text)
        if ((c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t')) || c.unicode() == 0x7F ||
            (c.unicode() >= 0x80 && c.unicode() <= 0x9F))
            return true;
    return false;
}

} // namespace

class TestStablectlTerminal : public QObject
{
    Q_OBJECT
private slots:
    void humanOutputShowsControlCharactersEscaped()
    {
        QTemporaryDir dir;
        const Prepared prepared = prepare(dir);
        QVERIFY(!prepared.run.isEmpty());
        QVERIFY(rawExec(prepared.lib, QStringLiteral("UPDATE run SET title = '%1'").arg(hostile)));

        const CtlResult list = ctl({QStringLiteral("run"), QStringLiteral("list"), prepared.lib});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(shown), list.said().constData());
        QVERIFY2(!hasControl(list.out), list.said().constData());
        const CtlResult show = ctl({QStringLiteral("run"), QStringLiteral("show"), prepared.lib, prepared.run});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.contains(shown), show.said().constData());
        QVERIFY2(!hasControl(show.out), show.said().constData());

        // JSON keeps the text exactly, as JSON escapes.
        const CtlResult json =
            ctl({QStringLiteral("run"), QStringLiteral("list"), prepared.lib, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QVERIFY2(json.json().isArray(), json.said().constData());
        QCOMPARE(json.json().array().at(0)[QStringLiteral("title")].toString(), hostile);
    }

    void errorMessagesQuoteArgumentsEscaped()
    {
        QTemporaryDir dir;
        const Prepared prepared = prepare(dir);
        QVERIFY(!prepared.run.isEmpty());
        const CtlResult missing =
            ctl({QStringLiteral("run"), QStringLiteral("show"), prepared.lib, QStringLiteral("\x1b[2Jrun")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("\\e[2Jrun")), missing.said().constData());
        QVERIFY2(!hasControl(missing.err), missing.said().constData());
        const CtlResult usage = ctl({QStringLiteral("run"), QStringLiteral("list"), prepared.lib,
                                     QStringLiteral("--\x1b]0;x\x07")});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(!hasControl(usage.err), usage.said().constData());
    }

    void storedTextRefusesControlCharacters()
    {
        QTemporaryDir dir;
        const Prepared prepared = prepare(dir);
        QVERIFY(!prepared.run.isEmpty());
        const qint64 events = auditEvents(prepared.lib);
        CTL_REFUSED(ctl({QStringLiteral("run"), QStringLiteral("start"), prepared.lib, QStringLiteral("release"),
                         QStringLiteral("--title"), hostile}),
                    "The run title holds a control character (U+001B at character 1)", prepared.lib, events);
        CTL_REFUSED(ctl({QStringLiteral("person"), QStringLiteral("add"), prepared.lib, QStringLiteral("--name"),
                         QStringLiteral("Bob\x1b[8m"), QStringLiteral("--initials"), QStringLiteral("BO"),
                         QStringLiteral("--pin-env"), QStringLiteral("PIN_BO")}),
                    "A person's name holds a control character", prepared.lib, events);
    }

    // The bounds through the real binary: 1e308 and 1900 no longer reach the measures.
    void numbersAndDatesOutOfBoundsAreRefused()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), lib}));
        const qint64 events = auditEvents(lib);
        CTL_REFUSED(ctl({QStringLiteral("settings"), QStringLiteral("set"), lib, QStringLiteral("hourly-rate"),
                         QStringLiteral("1e308")}),
                    "hourly-rate must be a number from 0 to 100000", lib, events);
        CTL_REFUSED(ctl({QStringLiteral("team-hours"), QStringLiteral("set"), lib, QStringLiteral("2026-01"),
                         QStringLiteral("1e308")}),
                    "Team hours of 2026-01 must be more than 0 and at most 1000000", lib, events);
        CTL_REFUSED(ctl({QStringLiteral("rework"), QStringLiteral("add"), lib, QStringLiteral("--hours"),
                         QStringLiteral("2"), QStringLiteral("--date"), QStringLiteral("1900-01-01")}),
                    "Rework cannot be dated before 2000-01-01", lib, events);
        CTL_OK(ctl({QStringLiteral("settings"), QStringLiteral("set"), lib, QStringLiteral("hourly-rate"),
                    QStringLiteral("85")}));
        const CtlResult metrics = ctl({QStringLiteral("metrics"), lib});
        QCOMPARE(metrics.exitCode, 0);
        QVERIFY2(!metrics.out.contains(QStringLiteral("inf")), metrics.said().constData());
    }
};

QTEST_GUILESS_MAIN(TestStablectlTerminal)
#include "tst_stablectl_terminal.moc"
