#pragma once

#include "result.h"

#include <QList>
#include <QString>

namespace stable {

class Library;

struct Person
{
    QString id;
    QString name;
    QString initials;
    QString role;
    int failedAttempts = 0;
    bool locked = false;
    bool active = true;
    QString createdAt;
};

struct NewPerson
{
    QString name;
    QString initials;
    QString role;
    QString pin; // at least 4 characters; hashed with Argon2id, never stored
};

// The proof that a person gave both components of a signature (who + PIN). Only authenticate() makes
// one, and forGeneratedData() for the demo generator, which signs history that never had a person.
class Signer
{
public:
    const QString& personId() const { return m_person.id; }
    const QString& name() const { return m_person.name; }
    const QString& initials() const { return m_person.initials; }
    const Person& person() const { return m_person; }

    static Signer forGeneratedData(const Person& person) { return Signer(person); }

private:
    explicit Signer(Person person) : m_person(std::move(person)) {}
    friend Result<Signer> authenticate(Library&, const QString&, const QString&);
    Person m_person;
};

constexpr int maxFailedPinAttempts = 5;

Result<Person> addPerson(Library& library, const NewPerson& person);
Result<QList<Person>> listPeople(Library& library, bool includeRetired = false);
// By id or by initials (case-insensitive).
Result<Person> findPerson(Library& library, const QString& idOrInitials);

// Checks the PIN. A wrong one is counted and recorded in the audit log (committed although the call is
// refused); the fifth wrong one in a row locks the person until someone else unlocks them.
Result<Signer> authenticate(Library& library, const QString& idOrInitials, const QString& pin);

// Unlocks a locked person; `by` must be someone else.
Status unlockPerson(Library& library, const QString& idOrInitials, const Signer& by);

// Retires a person: kept in history and listed as retired (listPeople with includeRetired), their
// signatures stay theirs, and they can no longer sign. Recorded as "person.retire".
Status retirePerson(Library& library, const QString& idOrInitials);

// A person changes their own PIN: the old one first, checked like any signature (a wrong one counts
// toward the lock), then the new one (checkNewPin). Recorded as "person.pin-change" by that person.
Status changePin(Library& library, const QString& idOrInitials, const QString& oldPin, const QString& newPin);

// A PIN a person may choose: 4 to 64 characters, and checkPinCharacters.
Status checkNewPin(const QString& pin);

// Refuses a PIN that holds a line break or another control character, or only spaces (enrolment).
Status checkPinCharacters(const QString& pin);

// Argon2id via libsodium's crypto_pwhash_str; the cost is part of the stored string.
Result<QString> hashPin(const QString& pin, unsigned long long opsLimit, std::size_t memLimit);
bool pinMatches(const QString& storedHash, const QString& pin);

} // namespace stable
