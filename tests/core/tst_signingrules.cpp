// The signing rules of issue 14 in the core, which the app's sign dialog and stablectl both call: a lock
// committed after a signer was authenticated refuses the signature, a signature is dated within its run's
// time (give or take the clock difference allowed), and enrolment refuses a PIN nobody could type again.
#include "fixtures.h"
#include "people.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

SignRequest signing(const QString& run, const QString& item)
{
    SignRequest request;
    request.run = run;
    request.item = item;
    return request;
}

} // namespace

class TestSigningRules : public QObject
{
    Q_OBJECT
private slots:
    // The signer was authenticated, then five wrong PINs (another process, a guesser) locked them before
    // the signature was written: the lock wins.
    void aLockCommittedAfterTheSignerWasAuthenticatedRefusesTheSignature()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BO"));
        publishSample(*lib, alice);
        auto run = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("Run 1"), RunKind::Routine, 0,
                                           std::nullopt, std::nullopt});
        QVERIFY2(run.ok(), qPrintable(run.message()));
        auto authenticated = authenticate(*lib, QStringLiteral("AL"), QStringLiteral("1234"));
        QVERIFY(authenticated.ok());
        for (int attempt = 0; attempt < maxFailedPinAttempts; ++attempt)
            QVERIFY(!authenticate(*lib, QStringLiteral("AL"), QStringLiteral("9999")).ok());
        const qint64 attestations = rowCount(*lib, QStringLiteral("attestation"));
        auto signedOne = sign(*lib, authenticated.value(), signing(run->id, run->items.first().ref()));
        QVERIFY(!signedOne.ok());
        QCOMPARE(signedOne.error().kind, ErrorKind::Locked);
        QVERIFY2(signedOne.message().contains(QLatin1String("locked after 5 wrong PINs meanwhile")),
                 qPrintable(signedOne.message()));
        QCOMPARE(rowCount(*lib, QStringLiteral("attestation")), attestations);
        // And the right PIN is refused until someone else unlocks.
        auto right = authenticate(*lib, QStringLiteral("AL"), QStringLiteral("1234"));
        QVERIFY(!right.ok() && right.error().kind == ErrorKind::Locked);
    }

    void aSignatureIsDatedWithinItsRunsTime_data()
    {
        QTest::addColumn<qint64>("secondsFromStart");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("year 1") << qint64(-63000000000LL) << false;
        QTest::newRow("a day before the run") << qint64(-86400) << false;
        QTest::newRow("6 minutes before") << qint64(-360) << false;
        QTest::newRow("4 minutes before (clock difference)") << qint64(-240) << true;
        QTest::newRow("at the start") << qint64(0) << true;
        QTest::newRow("an hour later, now") << qint64(3600) << true;
        QTest::newRow("4 minutes after now (clock difference)") << qint64(3600 + 240) << true;
        QTest::newRow("6 minutes after now") << qint64(3600 + 360) << false;
    }

    void aSignatureIsDatedWithinItsRunsTime()
    {
        QFETCH(qint64, secondsFromStart);
        QFETCH(bool, accepted);
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        publishSample(*lib, alice);
        auto run = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("Run 1"), RunKind::Routine, 0,
                                           std::nullopt, std::nullopt});
        QVERIFY(run.ok());
        const QDateTime started = lib.clock().now();
        lib.clock().advance(3600); // signed an hour after the run started
        SignRequest request = signing(run->id, run->items.first().ref());
        request.at = started.addSecs(secondsFromStart);
        const qint64 attestations = rowCount(*lib, QStringLiteral("attestation"));
        auto signedOne = sign(*lib, alice, request);
        QVERIFY2(signedOne.ok() == accepted, qPrintable(signedOne.ok() ? signedOne->signedAt : signedOne.message()));
        if (accepted) {
            QCOMPARE(signedOne->signedAt, isoUtc(started.addSecs(secondsFromStart)));
            QCOMPARE(signedOne->recordedAt, isoUtc(lib.clock().now()));
        } else {
            QVERIFY(signedOne.message().contains(secondsFromStart < 0 ? QLatin1String("before its run started")
                                                                      : QLatin1String("in the future")));
            QCOMPARE(rowCount(*lib, QStringLiteral("attestation")), attestations);
        }
    }

    void aPinNobodyCouldTypeAgainIsRefusedAtEnrolment_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::newRow("line feed") << QStringLiteral("12\n34");
        QTest::newRow("trailing line feed") << QStringLiteral("1234\n");
        QTest::newRow("carriage return") << QStringLiteral("12\r34");
        QTest::newRow("tab") << QStringLiteral("12\t34");
        QTest::newRow("unicode line separator") << QStringLiteral("12\u202834");
        QTest::newRow("only spaces") << QStringLiteral("      ");
    }

    void aPinNobodyCouldTypeAgainIsRefusedAtEnrolment()
    {
        QFETCH(QString, pin);
        TempLibrary lib;
        const qint64 events = rowCount(*lib, QStringLiteral("audit_event"));
        auto added = addPerson(*lib, NewPerson{QStringLiteral("Odd Pin"), QStringLiteral("OP"), QString(), pin});
        QVERIFY(!added.ok());
        QCOMPARE(added.error().kind, ErrorKind::Invalid);
        QCOMPARE(rowCount(*lib, QStringLiteral("person")), qint64(0));
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events);
        // A PIN with spaces inside is fine.
        QVERIFY(addPerson(*lib, NewPerson{QStringLiteral("Spaced Pin"), QStringLiteral("SP"), QString(),
                                          QStringLiteral("12 34")})
                    .ok());
    }
};

QTEST_GUILESS_MAIN(TestSigningRules)
#include "tst_signingrules.moc"
