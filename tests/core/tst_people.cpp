// People and the two components of a signature: PIN hashing, lockout after five wrong PINs, unlock.
#include "audit.h"
#include "people.h"
#include "sql.h"
#include "testlibrary.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

class TestPeople : public QObject
{
    Q_OBJECT
private slots:
    void addStoresAHashNeverThePin()
    {
        TempLibrary lib;
        auto added = addPerson(*lib, NewPerson{QStringLiteral("Alice Example"), QStringLiteral("AL"),
                                               QStringLiteral("Engineer"), QStringLiteral("9731")});
        QVERIFY2(added.ok(), qPrintable(added.message()));
        auto stored = execSql(lib->db(), QStringLiteral("SELECT pin_hash FROM person WHERE id = ?"), {added->id});
        QVERIFY(stored.ok() && stored->next());
        const QString hash = stored->value(0).toString();
        QVERIFY(hash.startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(!hash.contains(QStringLiteral("9731")));
        QVERIFY(!fileBytes(lib.path()).contains("9731"));
        QVERIFY(pinMatches(hash, QStringLiteral("9731")));
        QVERIFY(!pinMatches(hash, QStringLiteral("9732")));
        // person.add, after the library's identity that the first change records.
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), 2);
    }

    void standardCostIsArgon2idWithItsParameters()
    {
        const PinCost cost = PinCost::standard();
        auto hash = hashPin(QStringLiteral("2468"), cost.opsLimit, cost.memLimit);
        QVERIFY(hash.ok());
        QVERIFY2(hash->contains(QStringLiteral("$m=65536,t=5,")), qPrintable(hash.value()));
    }

    void addRefusesBadInputAndWritesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("initials");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no name") << QString() << QStringLiteral("AL") << QStringLiteral("1234") << QStringLiteral("needs a name");
        QTest::newRow("no initials") << QStringLiteral("Al") << QString() << QStringLiteral("1234") << QStringLiteral("Initials");
        QTest::newRow("spaces") << QStringLiteral("Al") << QStringLiteral("A L") << QStringLiteral("1234") << QStringLiteral("Initials");
        QTest::newRow("short pin") << QStringLiteral("Al") << QStringLiteral("AL") << QStringLiteral("123") << QStringLiteral("at least 4");
        QTest::newRow("taken") << QStringLiteral("Al") << QStringLiteral("bo") << QStringLiteral("1234") << QStringLiteral("already belong to Bob");
    }

    void addRefusesBadInputAndWritesNothing()
    {
        QFETCH(QString, name);
        QFETCH(QString, initials);
        QFETCH(QString, pin);
        QFETCH(QString, expected);
        TempLibrary lib;
        lib.signer(QStringLiteral("Bob"), QStringLiteral("BO"));
        const qint64 events = rowCount(*lib, QStringLiteral("audit_event"));
        auto added = addPerson(*lib, NewPerson{name, initials, QString(), pin});
        QVERIFY(!added.ok());
        QVERIFY2(added.message().contains(expected), qPrintable(added.message()));
        QCOMPARE(rowCount(*lib, QStringLiteral("person")), 1);
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events);
    }

    void findsByIdOrInitialsIgnoringCase()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        QCOMPARE(findPerson(*lib, QStringLiteral("al"))->id, alice.personId());
        QCOMPARE(findPerson(*lib, alice.personId().toUpper())->name, QStringLiteral("Alice"));
        QCOMPARE(findPerson(*lib, QStringLiteral("ZZ")).kind(), ErrorKind::NotFound);
    }

    void fiveWrongPinsLockUntilSomeoneElseUnlocks()
    {
        TempLibrary lib;
        lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        const Signer bob = lib.signer(QStringLiteral("Bob"), QStringLiteral("BO"));
        const qint64 events = rowCount(*lib, QStringLiteral("audit_event"));
        for (int attempt = 1; attempt <= 4; ++attempt) {
            auto wrong = authenticate(*lib, QStringLiteral("AL"), QStringLiteral("0000"));
            QVERIFY(!wrong.ok());
            QVERIFY2(wrong.message().contains(QStringLiteral("%1 of 5").arg(attempt)), qPrintable(wrong.message()));
        }
        auto fifth = authenticate(*lib, QStringLiteral("AL"), QStringLiteral("0000"));
        QCOMPARE(fifth.kind(), ErrorKind::Locked);
        QVERIFY2(fifth.message().contains(QStringLiteral("locked")), qPrintable(fifth.message()));
        // Every failed attempt is an audit event, the fifth says "locked".
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), events + 5);
        auto last = execSql(lib->db(), QStringLiteral("SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1"));
        QVERIFY(last.ok() && last->next());
        QCOMPARE(last->value(0).toString(), QStringLiteral("person.locked"));

        // Locked: even the right PIN is refused, without counting further.
        auto right = authenticate(*lib, QStringLiteral("AL"), QStringLiteral("1234"));
        QCOMPARE(right.kind(), ErrorKind::Locked);
        QVERIFY(findPerson(*lib, QStringLiteral("AL"))->locked);

        // Nobody unlocks themselves.
        auto aliceAsSigner = Signer::forGeneratedData(findPerson(*lib, QStringLiteral("AL")).value());
        QVERIFY(!unlockPerson(*lib, QStringLiteral("AL"), aliceAsSigner).ok());
        QVERIFY(unlockPerson(*lib, QStringLiteral("AL"), bob).ok());
        QVERIFY(!findPerson(*lib, QStringLiteral("AL"))->locked);
        QCOMPARE(findPerson(*lib, QStringLiteral("AL"))->failedAttempts, 0);
        QVERIFY(authenticate(*lib, QStringLiteral("AL"), QStringLiteral("1234")).ok());
    }

    void aRightPinResetsTheCount()
    {
        TempLibrary lib;
        lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        for (int i = 0; i < 4; ++i)
            (void)authenticate(*lib, QStringLiteral("AL"), QStringLiteral("0000"));
        QVERIFY(authenticate(*lib, QStringLiteral("AL"), QStringLiteral("1234")).ok());
        QCOMPARE(findPerson(*lib, QStringLiteral("AL"))->failedAttempts, 0);
        QVERIFY(!authenticate(*lib, QStringLiteral("AL"), QStringLiteral("0000")).ok());
        QVERIFY(!findPerson(*lib, QStringLiteral("AL"))->locked);
    }
};

QTEST_GUILESS_MAIN(TestPeople)
#include "tst_people.moc"
