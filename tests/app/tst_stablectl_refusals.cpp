// stablectl refusing: exit 1 with one clear line for a refused operation, exit 2 with the usage for a
// malformed command line, and in both cases nothing changed in the library (its audit log is as long
// as before) or in a file that is not a library.
#include "stablectl_harness.h"
#include "testlibrary.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace stable::test;

namespace {

// Exit 2: the one-line complaint, then the command's usage.
#define CTL_USAGE(result, words, usageStart)                                                                 \
    do {                                                                                                     \
        const CtlResult usage_ = (result);                                                                   \
        QVERIFY2(usage_.exitCode == 2, usage_.said().constData());                                           \
        const QStringList lines_ = usage_.errLines();                                                        \
        QVERIFY2(lines_.size() >= 2, usage_.said().constData());                                             \
        QVERIFY2(lines_.at(0).startsWith(QStringLiteral("stablectl: ")), usage_.said().constData());         \
        QVERIFY2(lines_.at(0).contains(QStringLiteral(words)), usage_.said().constData());                   \
        QVERIFY2(lines_.at(1).startsWith(QStringLiteral("usage: " usageStart)), usage_.said().constData());  \
        QCOMPARE(usage_.out, QString());                                                                     \
    } while (false)

} // namespace

class TestStablectlRefusals : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_base; // init, AL and BO, "release" imported and published as revision 1
    int m_copies = 0;

    // A fresh copy of the base library, so that each test starts from the same file.
    QString freshLibrary()
    {
        const QString path = m_dir.filePath(QStringLiteral("copy%1.stable").arg(++m_copies));
        if (!QFile::copy(m_base, path))
            return {};
        return path;
    }

    QString startRun(const QString& lib)
    {
        const CtlResult started = ctl(QStringList{QStringLiteral("run"), QStringLiteral("start"), lib} +
                                      words({"release", "--title", "Release 1"}));
        return started.exitCode == 0 ? started.out.trimmed() : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(QStringLiteral("base.stable"));
        const QString process = m_dir.filePath(QStringLiteral("release.json"));
        QFile file(process);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(releaseProcessJson());
        file.close();
        CTL_OK(ctl({QStringLiteral("init"), m_base}));
        CTL_OK(ctl(QStringList{QStringLiteral("person"), QStringLiteral("add"), m_base} +
                   words({"--name", "Alice Example", "--initials", "AL", "--pin-env", "PIN_AL"})));
        CTL_OK(ctl(QStringList{QStringLiteral("person"), QStringLiteral("add"), m_base} +
                       words({"--name", "Bob Example", "--initials", "BO"}),
                   QByteArray(pinBo) + '\n'));
        CTL_OK(ctl({QStringLiteral("import"), m_base, process}));
        CTL_OK(ctl(QStringList{QStringLiteral("publish"), m_base} +
                   words({"release", "--by", "AL", "--reason", "First version", "--pin-env", "PIN_AL"})));
    }

    void refusedOperationsChangeNothing()
    {
        const QString lib = freshLibrary();
        const QString run = startRun(lib);
        QVERIFY(!run.isEmpty());
        const qint64 audit = auditEvents(lib);
        QVERIFY(audit > 0);
        const QStringList sign{QStringLiteral("run"), QStringLiteral("sign"), lib, run};
        const QStringList asAlice = words({"--by", "AL", "--pin-env", "PIN_AL"});

        CTL_REFUSED(ctl(sign + words({"build/nope", "--outcome", "pass"}) + asAlice), "no item ‘build/nope’",
                    lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("run"), QStringLiteral("sign"), lib} +
                        words({"00000000-0000-4000-8000-000000000000", "build/tests", "--outcome", "pass"}) +
                        asAlice),
                    "", lib, audit);
        CTL_REFUSED(ctl(sign + words({"build/tests", "--outcome", "na"}) + asAlice), "needs a reason", lib,
                    audit);
        CTL_REFUSED(ctl(sign + words({"build/tests", "--outcome", "maybe"}) + asAlice),
                    "--outcome must be pass, fail or na", lib, audit);
        CTL_REFUSED(ctl(sign + words({"build/tests", "--outcome", "pass", "--at", "yesterday"}) + asAlice),
                    "--at ‘yesterday’ is not an ISO 8601 moment", lib, audit);
        CTL_REFUSED(
            ctl(sign + words({"build/tests", "--outcome", "pass", "--at", "2099-01-01T00:00:00Z"}) + asAlice),
            "future", lib, audit);
        CTL_REFUSED(ctl(sign + words({"build/tests", "--outcome", "pass", "--by", "ZZ"})),
                    "No person with id or initials ‘ZZ’", lib, audit);
        CTL_REFUSED(ctl(sign + words({"build/tests", "--outcome", "pass", "--by", "AL", "--pin-env",
                                      "NO_SUCH_VARIABLE"})),
                    "‘NO_SUCH_VARIABLE’", lib, audit);
        CTL_REFUSED(ctl(sign + words({"build/tests", "--outcome", "pass", "--by", "AL"})), "No PIN was given",
                    lib, audit);

        CTL_REFUSED(ctl(QStringList{QStringLiteral("run"), QStringLiteral("start"), lib} +
                        words({"nowhere", "--title", "Release 2"})),
                    "nowhere", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("run"), QStringLiteral("start"), lib} +
                        words({"release", "--title", "Release 2", "--revision", "7"})),
                    "7", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("run"), QStringLiteral("start"), lib} +
                        words({"release", "--title", "Release 2", "--kind", "party"})),
                    "--kind must be release, plan or routine", lib, audit);
        CTL_REFUSED(ctl({QStringLiteral("run"), QStringLiteral("close"), lib, run}), "", lib, audit);
        CTL_REFUSED(
            ctl(QStringList{QStringLiteral("publish"), lib} +
                words({"release", "--by", "AL", "--reason", "Nothing changed", "--pin-env", "PIN_AL"})),
            "", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("person"), QStringLiteral("add"), lib} +
                        words({"--name", "Alan Other", "--initials", "al", "--pin-env", "PIN_AL"})),
                    "already belong to Alice Example", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("person"), QStringLiteral("add"), lib} +
                            words({"--name", "Carol Example", "--initials", "CA"}),
                        "12\n"),
                    "at least 4 characters", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("incident"), QStringLiteral("add"), lib} +
                        words({"--title", "Broken", "--stream", "release", "--detected", "deploy",
                               "--injected", "nope"})),
                    "nope", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("incident"), QStringLiteral("add"), lib} +
                        words({"--title", "Broken", "--stream", "release", "--detected", "deploy",
                               "--injected", "build", "--severity", "11"})),
                    "--severity must be a whole number from 1 to 10", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("incident"), QStringLiteral("analyse"), lib} +
                        words({"INC-9", "--why", "because", "--root-cause", "unknown"})),
                    "INC-9", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("rework"), QStringLiteral("add"), lib} +
                        words({"--hours", "0", "--date", "2026-02-10"})),
                    "", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("rework"), QStringLiteral("add"), lib} +
                        words({"--hours", "2", "--date", "2026-02-30"})),
                    "--date must be a day as YYYY-MM-DD", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("rework"), QStringLiteral("add"), lib} +
                        words({"--hours", "2", "--date", "2099-02-10"})),
                    "", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("team-hours"), QStringLiteral("set"), lib} +
                        words({"2026-13", "160"})),
                    "A month is written YYYY-MM (got ‘2026-13’)", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("team-hours"), QStringLiteral("set"), lib} +
                        words({"2026-02", "lots"})),
                    "HOURS must be a number", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("settings"), QStringLiteral("set"), lib} +
                        words({"coffee", "strong"})),
                    "no setting ‘coffee’", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("settings"), QStringLiteral("set"), lib} +
                        words({"hourly-rate", "-5"})),
                    "", lib, audit);
        CTL_REFUSED(ctl(QStringList{QStringLiteral("metrics"), lib} + words({"--from", "March"})), "YYYY-MM",
                    lib, audit);

        // A library that exists is never overwritten.
        const QByteArray bytes = fileBytes(lib);
        CTL_REFUSED(ctl({QStringLiteral("init"), lib}), "already exists", lib, audit);
        CTL_REFUSED(ctl({QStringLiteral("demo"), lib}), "already exists", lib, audit);
        QCOMPARE(fileBytes(lib), bytes);

        // A demo of a size the generator does not make is refused before any file exists.
        const QString unmade = m_dir.filePath(QStringLiteral("unmade.stable"));
        const QList<QPair<QStringList, QString>> badDemos = {
            {words({"--months", "0"}), QStringLiteral("--months must be a whole number from 1 to 120 (got ‘0’)")},
            {words({"--scale", "large", "--months", "121"}), QStringLiteral("(got ‘121’)")},
            {words({"--months", "ten"}), QStringLiteral("(got ‘ten’)")},
            {words({"--scale", "huge"}), QStringLiteral("huge")},
        };
        for (const auto& [options, expected] : badDemos) {
            const CtlResult refusal = ctl(QStringList{QStringLiteral("demo"), unmade} + options);
            QVERIFY2(refusal.exitCode == 1 && refusal.errLines().size() == 1, refusal.said().constData());
            QVERIFY2(refusal.err.startsWith(QStringLiteral("stablectl: ")) && refusal.err.contains(expected),
                     refusal.said().constData());
            QVERIFY2(!QFile::exists(unmade), refusal.said().constData());
        }
    }

    void aWrongPinIsRefusedAndCounted()
    {
        const QString lib = freshLibrary();
        const QString run = startRun(lib);
        const qint64 attestations = rows(lib, QStringLiteral("attestation"));
        const QStringList sign = QStringList{QStringLiteral("run"), QStringLiteral("sign"), lib, run} +
                                 words({"build/tests", "--outcome", "pass"});

        // Each wrong PIN is refused and is itself a record: one audit event, no attestation.
        for (int attempt = 1; attempt <= 4; ++attempt) {
            const qint64 audit = auditEvents(lib);
            const CtlResult wrong = ctl(sign + words({"--by", "AL", "--pin-env", "PIN_WRONG"}));
            QCOMPARE(wrong.exitCode, 1);
            QCOMPARE(
                wrong.err,
                QStringLiteral("stablectl: Wrong PIN for Alice Example (%1 of 5 attempts before the lock).\n")
                    .arg(attempt));
            QCOMPARE(auditEvents(lib), audit + 1);
        }
        const CtlResult fifth = ctl(sign + words({"--by", "AL"}), "9999\n");
        QCOMPARE(fifth.exitCode, 1);
        QVERIFY2(fifth.err.contains(QStringLiteral("now locked")), fifth.said().constData());

        // Locked: even the right PIN is refused, and nothing is recorded.
        const qint64 audit = auditEvents(lib);
        CTL_REFUSED(ctl(sign + words({"--by", "AL", "--pin-env", "PIN_AL"})), "locked", lib, audit);
        QCOMPARE(rows(lib, QStringLiteral("attestation")), attestations);

        // Nobody unlocks themselves; another person does, with their own PIN.
        CTL_REFUSED(ctl(QStringList{QStringLiteral("person"), QStringLiteral("unlock"), lib} +
                        words({"AL", "--by", "AL", "--pin-env", "PIN_AL"})),
                    "locked", lib, audit);
        const CtlResult unlocked = ctl(QStringList{QStringLiteral("person"), QStringLiteral("unlock"), lib} +
                                           words({"AL", "--by", "BO"}),
                                       QByteArray(pinBo) + '\n');
        CTL_OK(unlocked);
        const CtlResult signedNow = ctl(sign + words({"--by", "AL", "--pin-env", "PIN_AL"}));
        CTL_OK(signedNow);
        QVERIFY(looksLikeUuid(signedNow.out.trimmed()));
        QCOMPARE(rows(lib, QStringLiteral("attestation")), attestations + 1);
    }

    void usageErrorsExitTwo()
    {
        const QString lib = freshLibrary();
        const QString run = startRun(lib);
        const qint64 audit = auditEvents(lib);
        const QStringList sign{QStringLiteral("run"), QStringLiteral("sign"), lib, run};

        // There is no way to give a PIN on the command line.
        CTL_USAGE(ctl(sign + words({"build/tests", "--outcome", "pass", "--by", "AL", "--pin", "2580"})),
                  "a PIN is never given on the command line", "stablectl run sign LIB RUN STEP/CHECK");
        CTL_USAGE(ctl(sign + words({"build/tests", "--outcome", "pass", "--by", "AL", "--pin=2580"})),
                  "a PIN is never given on the command line", "stablectl run sign");
        CTL_USAGE(ctl(sign + words({"build/tests", "--outcome", "pass", "--by", "AL", "--colour", "red"})),
                  "unknown option ‘--colour’ for ‘run sign’", "stablectl run sign");
        CTL_USAGE(ctl(sign + words({"build/tests", "--outcome", "pass", "--by"})),
                  "‘--by’ needs a value (PERSON)", "stablectl run sign");
        CTL_USAGE(ctl(sign + words({"build/tests", "--outcome", "--by", "AL"})), "‘--outcome’ needs a value",
                  "stablectl run sign");
        CTL_USAGE(ctl(sign + words({"--outcome", "pass", "--by", "AL"})), "‘run sign’ needs STEP/CHECK",
                  "stablectl run sign");
        CTL_USAGE(ctl(sign + words({"build/tests", "--by", "AL"})), "‘run sign’ needs --outcome",
                  "stablectl run sign");
        CTL_USAGE(ctl(sign + words({"build/tests", "extra", "--outcome", "pass", "--by", "AL"})),
                  "unexpected argument ‘extra’", "stablectl run sign");
        CTL_USAGE(ctl(sign + words({"build/tests", "--outcome", "pass", "--by", "AL", "--by", "BO"})),
                  "‘--by’ is given more than once", "stablectl run sign");
        CTL_USAGE(ctl(sign + words({"build/tests", "-x"})), "unknown option ‘-x’", "stablectl run sign");
        CTL_USAGE(ctl(QStringList{QStringLiteral("run"), QStringLiteral("close"), lib, run} +
                      words({"--rolled-back=yes"})),
                  "‘--rolled-back’ takes no value", "stablectl run close");
        CTL_USAGE(ctl(words({"frobnicate", "x.stable"})), "no command ‘frobnicate’", "stablectl COMMAND");
        CTL_USAGE(ctl(words({"run"})), "‘run’ needs a subcommand", "stablectl run start");
        CTL_USAGE(ctl(words({"person", "delete", "x.stable"})), "no command ‘person delete’",
                  "stablectl person add");
        CTL_USAGE(ctl(QStringList{QStringLiteral("incident"), QStringLiteral("analyse"), lib} +
                      words({"INC-1", "--root-cause", "x"})),
                  "needs --why TEXT", "stablectl incident analyse LIB INC-KEY --why TEXT [--why TEXT]...");
        QCOMPARE(auditEvents(lib), audit);

        const CtlResult nothing = ctl({});
        QCOMPARE(nothing.exitCode, 2);
        QVERIFY(nothing.err.startsWith(QStringLiteral("usage: stablectl COMMAND LIB")));
    }

    void filesThatAreNotLibrariesAreLeftAlone()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("missing.stable"));
        const CtlResult none = ctl({QStringLiteral("person"), QStringLiteral("list"), missing});
        QCOMPARE(none.exitCode, 1);
        QCOMPARE(none.err, QStringLiteral("stablectl: ‘missing.stable’ does not exist.\n"));
        QVERIFY(!QFile::exists(missing));
        const CtlResult noneWritten =
            ctl(QStringList{QStringLiteral("run"), QStringLiteral("start"), missing} +
                words({"release", "--title", "x"}));
        QCOMPARE(noneWritten.exitCode, 1);
        QVERIFY(!QFile::exists(missing));

        const QString notes = dir.filePath(QStringLiteral("notes.stable"));
        {
            QFile file(notes);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("These are my notes, not a library.\n");
        }
        const QByteArray before = fileBytes(notes);
        const QList<QStringList> attempts{
            {QStringLiteral("person"), QStringLiteral("list"), notes},
            {QStringLiteral("verify"), notes},
            {QStringLiteral("check"), notes},
            QStringList{QStringLiteral("person"), QStringLiteral("add"), notes} +
                words({"--name", "X Y", "--initials", "XY", "--pin-env", "PIN_AL"}),
            QStringList{QStringLiteral("settings"), QStringLiteral("set"), notes} +
                words({"hourly-rate", "10"}),
            {QStringLiteral("export"), notes, dir.filePath(QStringLiteral("out.json"))},
        };
        for (const QStringList& attempt : attempts) {
            const CtlResult refused = ctl(attempt);
            QVERIFY2(refused.exitCode == 1, refused.said().constData());
            QCOMPARE(refused.err,
                     QStringLiteral("stablectl: ‘notes.stable’ is not a Stable library (it is not an SQLite "
                                    "database).\n"));
            QCOMPARE(fileBytes(notes), before);
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.json"))));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void importLibraryIsAllOrNothing()
    {
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        {
            QFile file(broken);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"format\": \"stable-library/1\", \"people\": [ {\"id\": 5} ]}");
        }
        const QString target = dir.filePath(QStringLiteral("new.stable"));
        const CtlResult refused = ctl({QStringLiteral("import-library"), target, broken});
        QVERIFY2(refused.exitCode == 1, refused.said().constData());
        QCOMPARE(refused.errLines().size(), 1);
        QVERIFY(!QFile::exists(target));
        const CtlResult missing =
            ctl({QStringLiteral("import-library"), target, dir.filePath(QStringLiteral("none.json"))});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err, QStringLiteral("stablectl: ‘%1’ does not exist.\n")
                                  .arg(dir.filePath(QStringLiteral("none.json"))));
        QVERIFY(!QFile::exists(target));
    }
};

QTEST_GUILESS_MAIN(TestStablectlRefusals)
#include "tst_stablectl_refusals.moc"
