// Signing rules (21 CFR Part 11 §11.50, §11.200): two components every time, never a PIN on the command
// line; lockout after five wrong PINs, recorded and shown; one person cannot fill both slots of a
// critical item; the manifestation (printed name, UTC time, meaning) is in the data.
#include "library.h"
#include "reliability.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QProcessEnvironment withPin(const QString& pin)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PIN"), pin);
    return environment;
}

QStringList signArguments(const QString& path, const QString& run, const QString& item, const QString& by)
{
    return {QStringLiteral("run"), QStringLiteral("sign"), path, run, item, QStringLiteral("--outcome"),
            QStringLiteral("pass"), QStringLiteral("--by"), by, QStringLiteral("--pin-env"), QStringLiteral("PIN")};
}

QStringList auditActions(const QString& path)
{
    auto library = Library::open(path, OpenOptions{true, {}});
    QStringList actions;
    auto query = execSql(library.value()->db(), QStringLiteral("SELECT action FROM audit_event ORDER BY seq"));
    while (query.ok() && query->next())
        actions << query->value(0).toString();
    return actions;
}

} // namespace

class TestSigning : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QString m_run;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("signing.stable"));
        makeSigningLibrary(m_path);
        const ProgramResult run = runStablectl({QStringLiteral("run"), QStringLiteral("start"), m_path,
                                                QStringLiteral("release"), QStringLiteral("--title"),
                                                QStringLiteral("Release 9")});
        QVERIFY2(run.exitCode == 0, run.said().constData());
        m_run = run.out.trimmed();
    }

    void aPinIsNeverTakenOnTheCommandLine()
    {
        for (const QString& option : {QStringLiteral("--pin"), QStringLiteral("--password")}) {
            QStringList arguments = signArguments(m_path, m_run, QStringLiteral("build/tests"), QStringLiteral("AL"));
            arguments.removeLast();
            arguments.removeLast();
            arguments << option << QLatin1String(childPin);
            const ProgramResult refused = runStablectl(arguments);
            QVERIFY2(refused.exitCode == 2, refused.said().constData());
        }
        // Without the second component (an empty PIN on standard input) nothing is signed.
        QStringList noPin = signArguments(m_path, m_run, QStringLiteral("build/tests"), QStringLiteral("AL"));
        noPin.removeLast();
        noPin.removeLast();
        const ProgramResult unsigned_ = runStablectl(noPin);
        QVERIFY2(unsigned_.exitCode == 1 && unsigned_.err.contains(QLatin1String("No PIN was given")),
                 unsigned_.said().constData());
        QVERIFY(!auditActions(m_path).contains(QStringLiteral("attestation.sign")));
    }

    void fiveWrongPinsLockAndAreRecordedAndShown()
    {
        for (int attempt = 1; attempt <= 5; ++attempt) {
            const ProgramResult wrong = runStablectl(signArguments(m_path, m_run, QStringLiteral("build/tests"), QStringLiteral("CH")), 30000, withPin(QStringLiteral("9999")));
            QVERIFY2(wrong.exitCode == 1, wrong.said().constData());
        }
        const QStringList actions = auditActions(m_path);
        QCOMPARE(actions.count(QStringLiteral("person.pin-rejected")), 4);
        QCOMPARE(actions.count(QStringLiteral("person.locked")), 1);
        // Now even the right PIN is refused, and `person list` shows the lock.
        const ProgramResult right = runStablectl(signArguments(m_path, m_run, QStringLiteral("build/tests"), QStringLiteral("CH")), 30000, withPin(QLatin1String(childPin)));
        QVERIFY2(right.exitCode == 1 && right.err.contains(QLatin1String("locked after 5 wrong PINs")), right.said().constData());
        const ProgramResult people = runStablectl({QStringLiteral("person"), QStringLiteral("list"), m_path});
        QVERIFY2(people.out.contains(QRegularExpression(QStringLiteral("CH[^\\n]*\\(locked\\)"))), people.said().constData());
        qInfo("lockout: 5 wrong PINs -> 4 person.pin-rejected + 1 person.locked audit events; the right PIN then "
              "refused: %s", qPrintable(right.err.trimmed()));
    }

    void onePersonCannotFillBothSlotsOfACriticalItem()
    {
        const ProgramResult first = runStablectl(signArguments(m_path, m_run, QStringLiteral("deploy/go"), QStringLiteral("AL")), 30000, withPin(QLatin1String(childPin)));
        QVERIFY2(first.exitCode == 0, first.said().constData());
        const ProgramResult second = runStablectl(signArguments(m_path, m_run, QStringLiteral("deploy/go"), QStringLiteral("AL")), 30000, withPin(QLatin1String(childPin)));
        QVERIFY2(second.exitCode == 1 && second.err.contains(QLatin1String("needs two different people")), second.said().constData());
        const ProgramResult other = runStablectl(signArguments(m_path, m_run, QStringLiteral("deploy/go"), QStringLiteral("BO")), 30000, withPin(QLatin1String(childPin)));
        QVERIFY2(other.exitCode == 0, other.said().constData());
    }

    void theManifestationIsInTheData()
    {
        const ProgramResult show = runStablectl({QStringLiteral("run"), QStringLiteral("show"), m_path, m_run, QStringLiteral("--json")});
        QVERIFY2(show.exitCode == 0, show.said().constData());
        const QJsonArray items = QJsonDocument::fromJson(show.out.toUtf8()).object().value(QStringLiteral("items")).toArray();
        int shown = 0;
        for (const QJsonValue& item : items) {
            for (const QJsonValue& value : item.toObject().value(QStringLiteral("attestations")).toArray()) {
                const QJsonObject a = value.toObject();
                QVERIFY(a.value(QStringLiteral("signer_name")).toString().endsWith(QLatin1String(" Example")));
                QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"))
                            .match(a.value(QStringLiteral("at")).toString()).hasMatch());
                QCOMPARE(a.value(QStringLiteral("meaning")).toString(), QStringLiteral("performed"));
                ++shown;
            }
        }
        QCOMPARE(shown, 2);
        // In the file: the signer, the UTC time and the meaning on the attestation; the printed name on
        // the person, which no command can change afterwards.
        auto library = Library::open(m_path, OpenOptions{true, {}});
        auto rows = execSql(library.value()->db(),
                            QStringLiteral("SELECT p.name, a.signed_at, a.meaning FROM attestation a JOIN person p ON "
                                           "p.id = a.signer_id ORDER BY a.rowid"));
        QVERIFY(rows.ok() && rows->next());
        QCOMPARE(rows->value(0).toString(), QStringLiteral("Alice Example"));
        QVERIFY(rows->value(1).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(rows->value(2).toString(), QStringLiteral("performed"));
    }
};

QTEST_GUILESS_MAIN(TestSigning)
#include "tst_signing.moc"
