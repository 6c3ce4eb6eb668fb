// Signing through the real binary, as a careless or hostile user tries it: a PIN with the newline a file
// or $(printf …) leaves, a PIN nobody could type again, a signature dated long before its run, and an
// audit actor taken from $USER.
#include "library.h"
#include "sql.h"
#include "stablectl_harness.h"
#include "testlibrary.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <pwd.h>
#include <unistd.h>

using namespace stable;
using namespace stable::test;

namespace {

// The last audit event's actor, read without writing to the file.
QString lastActor(const QString& path)
{
    auto library = Library::open(path, OpenOptions{true, {}});
    if (!library.ok())
        return library.message();
    auto query = execSql(library.value()->db(),
                         QStringLiteral("SELECT actor FROM audit_event ORDER BY seq DESC LIMIT 1"));
    return query.ok() && query->next() ? query->value(0).toString() : QString();
}

int failedAttempts(const QString& path)
{
    auto library = Library::open(path, OpenOptions{true, {}});
    if (!library.ok())
        return -1;
    auto query = execSql(library.value()->db(),
                         QStringLiteral("SELECT failed_attempts FROM person WHERE initials = 'AL'"));
    return query.ok() && query->next() ? query->value(0).toInt() : -1;
}

} // namespace

class TestStablectlSigning : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_lib;
    QString m_run;
    QDateTime m_startedBefore; // taken just before `run start`

    QStringList signWords(const QString& item, const QString& pinVariable) const
    {
        return QStringList{QStringLiteral("run"), QStringLiteral("sign"), m_lib, m_run, item} +
               words({"--outcome", "pass", "--by", "AL", "--pin-env"}) + QStringList{pinVariable};
    }

private slots:
    void initTestCase()
    {
        m_lib = m_dir.filePath(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), m_lib}));
        CTL_OK(ctl(QStringList{QStringLiteral("person"), QStringLiteral("add"), m_lib} +
                   words({"--name", "Alice Example", "--initials", "AL", "--pin-env", "PIN_AL"})));
        const QString process = m_dir.filePath(QStringLiteral("release.json"));
        QFile file(process);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(releaseProcessJson());
        file.close();
        CTL_OK(ctl({QStringLiteral("import"), m_lib, process}));
        CTL_OK(ctl(QStringList{QStringLiteral("publish"), m_lib, QStringLiteral("release")} +
                   words({"--by", "AL", "--reason", "First", "--pin-env", "PIN_AL"})));
        m_startedBefore = QDateTime::currentDateTimeUtc().addSecs(-1);
        const CtlResult started =
            ctl(QStringList{QStringLiteral("run"), QStringLiteral("start"), m_lib, QStringLiteral("release"),
                            QStringLiteral("--title"), QStringLiteral("Release 1")});
        CTL_OK(started);
        m_run = started.out.trimmed();
    }

    // Item 8: the environment variable holds the line as a file or $(printf) gives it; stdin already
    // dropped the line end.
    void aPinFromTheEnvironmentLosesItsLineEnd()
    {
        // Made QByteArrays first: Qt 6.8's qputenv takes a QByteArrayView, which a QStringBuilder is not.
        const QByteArray withLf = QByteArray(pinAl) + "\n";
        const QByteArray withCrLf = QByteArray(pinAl) + "\r\n";
        qputenv("PIN_AL_LF", withLf);
        qputenv("PIN_AL_CRLF", withCrLf);
        const CtlResult lf = ctl(signWords(QStringLiteral("build/tests"), QStringLiteral("PIN_AL_LF")));
        CTL_OK(lf);
        QVERIFY(looksLikeUuid(lf.out.trimmed()));
        const CtlResult crlf =
            ctl(signWords(QStringLiteral("build/artifact"), QStringLiteral("PIN_AL_CRLF")));
        CTL_OK(crlf);
        // Neither counted as a wrong PIN.
        QCOMPARE(failedAttempts(m_lib), 0);
    }

    void aPinNobodyCouldTypeAgainIsRefusedAtEnrolment_data()
    {
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<QString>("words");
        QTest::newRow("newline inside") << QByteArray("12\n34") << QStringLiteral("line break");
        QTest::newRow("carriage return inside") << QByteArray("12\r34") << QStringLiteral("line break");
        QTest::newRow("tab") << QByteArray("12\t34") << QStringLiteral("control character");
        QTest::newRow("escape") << QByteArray("12\x1b"
                                              "34")
                                << QStringLiteral("control character");
        QTest::newRow("only spaces") << QByteArray("     ") << QStringLiteral("only spaces");
    }

    void aPinNobodyCouldTypeAgainIsRefusedAtEnrolment()
    {
        QFETCH(QByteArray, pin);
        QFETCH(QString, words);
        qputenv("PIN_ODD", pin);
        const qint64 before = auditEvents(m_lib);
        const CtlResult added =
            ctl(QStringList{QStringLiteral("person"), QStringLiteral("add"), m_lib} +
                ::words({"--name", "Odd Pin", "--initials", "OP", "--pin-env", "PIN_ODD"}));
        QVERIFY2(added.exitCode == 1 && added.err.contains(words), added.said().constData());
        QCOMPARE(auditEvents(m_lib), before);
        QCOMPARE(rows(m_lib, QStringLiteral("person")), qint64(1));
    }

    // Item 7: never before the run started (give or take 5 minutes of clock difference), never in the
    // future; run show tells when a dated signature was recorded.
    void aSignatureIsNeverDatedBeforeItsRunStarted()
    {
        const qint64 before = auditEvents(m_lib);
        QStringList ancient = signWords(QStringLiteral("deploy/smoke"), QStringLiteral("PIN_AL"));
        ancient << QStringLiteral("--at") << QStringLiteral("0001-01-01T00:00:00Z");
        CTL_REFUSED(ctl(ancient), "cannot be dated before its run started", m_lib, before);
        QStringList hourEarly = signWords(QStringLiteral("deploy/smoke"), QStringLiteral("PIN_AL"));
        hourEarly << QStringLiteral("--at") << m_startedBefore.addSecs(-3600).toString(Qt::ISODate);
        CTL_REFUSED(ctl(hourEarly), "cannot be dated before its run started", m_lib, before);
        QStringList future = signWords(QStringLiteral("deploy/smoke"), QStringLiteral("PIN_AL"));
        future << QStringLiteral("--at")
               << QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
        CTL_REFUSED(ctl(future), "cannot be dated in the future", m_lib, before);

        // Within the clock difference allowed: accepted, and shown beside when it was recorded.
        const QString dated = m_startedBefore.addSecs(-120).toString(Qt::ISODate);
        QStringList skewed = signWords(QStringLiteral("deploy/smoke"), QStringLiteral("PIN_AL"));
        skewed << QStringLiteral("--at") << dated;
        const CtlResult signedOne = ctl(skewed);
        CTL_OK(signedOne);
        const CtlResult shown = ctl({QStringLiteral("run"), QStringLiteral("show"), m_lib, m_run});
        CTL_OK(shown);
        const QString line =
            shown.out.section(signedOne.out.trimmed(), 1, 1).section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(line.contains(dated + QStringLiteral(" (recorded 20")), qPrintable(shown.out));
        const CtlResult json =
            ctl({QStringLiteral("run"), QStringLiteral("show"), m_lib, m_run, QStringLiteral("--json")});
        CTL_OK(json);
        bool found = false;
        for (const QJsonValue& item : json.json().object()[QStringLiteral("items")].toArray())
            for (const QJsonValue& a : item[QStringLiteral("attestations")].toArray())
                if (a[QStringLiteral("id")].toString() == signedOne.out.trimmed()) {
                    found = true;
                    QCOMPARE(a[QStringLiteral("at")].toString(), dated);
                    QVERIFY(a[QStringLiteral("recorded_at")].toString() > dated);
                }
        QVERIFY(found);
        // Undated signatures print their one time alone.
        QVERIFY2(shown.out.count(QStringLiteral("(recorded ")) == 1, qPrintable(shown.out));
    }

    // Item 9: $USER and $LOGNAME are anyone's to set; the audit log names the operating system's account.
    void theAuditActorIsTheOperatingSystemAccount()
    {
        const passwd* account = getpwuid(geteuid());
        QVERIFY(account && account->pw_name);
        const QString real = QStringLiteral("user:%1@%2")
                                 .arg(QString::fromLocal8Bit(account->pw_name), QSysInfo::machineHostName());
        const QByteArray user = qgetenv("USER");
        const QByteArray logname = qgetenv("LOGNAME");
        qputenv("USER", "alice-not-me");
        qputenv("LOGNAME", "alice-not-me");
        const CtlResult rework = ctl(QStringList{QStringLiteral("rework"), QStringLiteral("add"), m_lib} +
                                     words({"--hours", "1.5", "--date", "2026-03-02", "--note", "redo"}));
        qputenv("USER", user);
        qputenv("LOGNAME", logname);
        CTL_OK(rework);
        QCOMPARE(lastActor(m_lib), real);
    }
};

QTEST_GUILESS_MAIN(TestStablectlSigning)
#include "tst_stablectl_signing.moc"
