// What the People window and `stablectl person retire` do to a person besides adding one: retire them
// (kept in the history, no longer signing) and let them change their own PIN, old PIN first; and the
// Library Settings window's currency and team hours, read back the way the window reads them.
#include "integrity.h"
#include "people.h"
#include "rework.h"
#include "sql.h"
#include "testlibrary.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

void expectVerifies(Library& library)
{
    auto verified = verifyLibrary(library);
    QVERIFY2(verified.ok(), qPrintable(verified.message()));
    QVERIFY2(verified->ok, qPrintable(verified->firstProblem));
}

RowCounts counts(Library& library)
{
    return rowCounts(library,
                     {QStringLiteral("person"), QStringLiteral("audit_event"), QStringLiteral("setting")});
}

} // namespace

class TestPeopleAdmin : public QObject
{
    Q_OBJECT
private slots:
    void aRetiredPersonStaysListedButCannotSign()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        lib.signer(QStringLiteral("Bob"), QStringLiteral("BO"));
        QVERIFY(retirePerson(*lib, QStringLiteral("al")).ok());

        const RecordedEvent event = lastAuditEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("person.retire"));
        QCOMPARE(event.entityId, alice.personId());
        QCOMPARE(event.before.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(event.after.value(QStringLiteral("active")).toBool(), false);

        QCOMPARE(listPeople(*lib)->size(), 1); // who can sign
        const QList<Person> everyone = listPeople(*lib, true).value();
        QCOMPARE(everyone.size(), 2);
        QCOMPARE(everyone.first().name, QStringLiteral("Alice"));
        QVERIFY(!everyone.first().active);

        auto signing = authenticate(*lib, QStringLiteral("AL"), QStringLiteral("1234"));
        QVERIFY(!signing.ok());
        QCOMPARE(signing.message(), QStringLiteral("Alice is retired and cannot sign."));

        const RowCounts before = counts(*lib);
        expectRefused(*lib, retirePerson(*lib, QStringLiteral("AL")),
                      QStringLiteral("Alice is already retired."), before);
        expectRefused(*lib, retirePerson(*lib, QStringLiteral("ZZ")),
                      QStringLiteral("No person with id or initials ‘ZZ’"), before);
        expectVerifies(*lib);
    }

    void aPinIsChangedWithTheOldOneFirst()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        QVERIFY(changePin(*lib, QStringLiteral("AL"), QStringLiteral("1234"), QStringLiteral("8642")).ok());

        const RecordedEvent event = lastAuditEvent(*lib);
        QCOMPARE(event.action, QStringLiteral("person.pin-change"));
        QCOMPARE(event.entityId, alice.personId());
        QVERIFY(event.actor.contains(alice.personId()));
        QVERIFY(event.after.contains(QStringLiteral("pin_hash_sha256")));
        QVERIFY(!fileBytes(lib.path()).contains("8642"));

        QVERIFY(!authenticate(*lib, QStringLiteral("AL"), QStringLiteral("1234")).ok());
        QVERIFY(authenticate(*lib, QStringLiteral("AL"), QStringLiteral("8642")).ok());
        expectVerifies(*lib);
    }

    void aWrongOldPinIsCountedAndChangesNothing()
    {
        TempLibrary lib;
        lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        auto changed = changePin(*lib, QStringLiteral("AL"), QStringLiteral("0000"), QStringLiteral("8642"));
        QVERIFY(!changed.ok());
        QVERIFY2(changed.message().contains(QStringLiteral("Wrong PIN for Alice (1 of 5")),
                 qPrintable(changed.message()));
        QCOMPARE(findPerson(*lib, QStringLiteral("AL"))->failedAttempts, 1);
        QCOMPARE(lastAuditEvent(*lib).action, QStringLiteral("person.pin-rejected"));
        QVERIFY(authenticate(*lib, QStringLiteral("AL"), QStringLiteral("1234")).ok());
    }

    void aBadNewPinIsRefusedBeforeTheOldOneIsTried()
    {
        TempLibrary lib;
        lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        const RowCounts before = counts(*lib);
        expectRefused(*lib,
                      changePin(*lib, QStringLiteral("AL"), QStringLiteral("0000"), QStringLiteral("12")),
                      QStringLiteral("A PIN needs at least 4 characters."), before);
        expectRefused(*lib,
                      changePin(*lib, QStringLiteral("AL"), QStringLiteral("1234"), QStringLiteral("1234")),
                      QStringLiteral("The new PIN is the same as the old one."), before);
        expectRefused(*lib,
                      changePin(*lib, QStringLiteral("AL"), QStringLiteral("1234"), QStringLiteral("    ")),
                      QStringLiteral("A PIN cannot be only spaces."), before);
        QCOMPARE(findPerson(*lib, QStringLiteral("AL"))->failedAttempts, 0);
    }

    void aRetiredOrLockedPersonCannotChangeTheirPin()
    {
        TempLibrary lib;
        lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        lib.signer(QStringLiteral("Bob"), QStringLiteral("BO"));
        for (int i = 0; i < maxFailedPinAttempts; ++i)
            (void)authenticate(*lib, QStringLiteral("BO"), QStringLiteral("0000"));
        QVERIFY(retirePerson(*lib, QStringLiteral("AL")).ok());
        const RowCounts before = counts(*lib);
        expectRefused(*lib,
                      changePin(*lib, QStringLiteral("AL"), QStringLiteral("1234"), QStringLiteral("8642")),
                      QStringLiteral("Alice is retired and cannot sign."), before);
        expectRefused(*lib,
                      changePin(*lib, QStringLiteral("BO"), QStringLiteral("1234"), QStringLiteral("8642")),
                      QStringLiteral("Bob is locked after 5 wrong PINs"), before);
    }

    void currencyIsAnIsoCodeOrNothing()
    {
        TempLibrary lib;
        QCOMPARE(setting(*lib, QStringLiteral("currency")).value(), QString());
        QVERIFY(setSetting(*lib, QStringLiteral("currency"), QStringLiteral(" EUR ")).ok());
        QCOMPARE(setting(*lib, QStringLiteral("currency")).value(), QStringLiteral("EUR"));
        QCOMPARE(lastAuditEvent(*lib).action, QStringLiteral("setting.set"));
        const RowCounts before = counts(*lib);
        for (const QString& wrong :
             {QStringLiteral("eur"), QStringLiteral("EURO"), QStringLiteral("€"), QStringLiteral("E1R")})
            expectRefused(
                *lib, setSetting(*lib, QStringLiteral("currency"), wrong),
                QStringLiteral("currency must be an ISO 4217 code of three capital letters, such as EUR, "
                               "or empty for none (got ‘%1’).")
                    .arg(wrong),
                before);
        QVERIFY(setSetting(*lib, QStringLiteral("currency"), QString()).ok());
        QCOMPARE(setting(*lib, QStringLiteral("currency")).value(), QString());
        expectVerifies(*lib);
    }

    void teamHoursOfAMonthAreReadBack()
    {
        TempLibrary lib;
        QVERIFY(!teamHoursOf(*lib, QStringLiteral("2026-02")).value().has_value());
        QVERIFY(setTeamHours(*lib, QStringLiteral("2026-02"), 640).ok());
        QCOMPARE(teamHoursOf(*lib, QStringLiteral("2026-02")).value(), std::optional<double>(640));
        QVERIFY(!teamHoursOf(*lib, QStringLiteral("2026-03")).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestPeopleAdmin)
#include "tst_peopleadmin.moc"
