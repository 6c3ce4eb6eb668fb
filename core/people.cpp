#include "people.h"

#include "audit.h"
#include "fieldbounds.h"
#include "ids.h"
#include "library.h"
#include "sql.h"

#include <QJsonObject>
#include <sodium.h>

namespace stable {

namespace {

// The audit view of a person: never the PIN hash.
QJsonObject personJson(const Person& person)
{
    return QJsonObject{{QStringLiteral("id"), person.id},
                       {QStringLiteral("name"), person.name},
                       {QStringLiteral("initials"), person.initials},
                       {QStringLiteral("role"), person.role},
                       {QStringLiteral("failed_attempts"), person.failedAttempts},
                       {QStringLiteral("locked"), person.locked},
                       {QStringLiteral("active"), person.active}};
}

const QString personColumns =
    QStringLiteral("id, name, initials, role, failed_attempts, locked, active, created_at");

Person personFrom(const QSqlQuery& query)
{
    Person person;
    person.id = query.value(0).toString();
    person.name = query.value(1).toString();
    person.initials = query.value(2).toString();
    person.role = query.value(3).toString();
    person.failedAttempts = query.value(4).toInt();
    person.locked = query.value(5).toBool();
    person.active = query.value(6).toBool();
    person.createdAt = query.value(7).toString();
    return person;
}

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<QString> hashPin(const QString& pin, unsigned long long opsLimit, std::size_t memLimit)
{
    if (!sodiumReady())
        return storageError(QStringLiteral("The cryptography library could not start."));
    const QByteArray secret = pin.toUtf8();
    char hashed[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hashed, secret.constData(), static_cast<unsigned long long>(secret.size()),
                          opsLimit, memLimit) != 0)
        return storageError(QStringLiteral("Not enough memory to hash the PIN."));
    return QString::fromLatin1(hashed);
}

bool pinMatches(const QString& storedHash, const QString& pin)
{
    if (!sodiumReady())
        return false;
    const QByteArray hashed = storedHash.toLatin1();
    const QByteArray secret = pin.toUtf8();
    return crypto_pwhash_str_verify(hashed.constData(), secret.constData(),
                                    static_cast<unsigned long long>(secret.size())) == 0;
}

Status checkPinCharacters(const QString& pin)
{
    // A newline cannot be typed into one line of standard input or the app's PIN field, so such a PIN could
    // never be given again; spaces alone look like no PIN at all.
    for (const QChar c : pin)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return invalid(
                QStringLiteral("A PIN cannot contain a line break or another control character "
                               "(U+%1).")
                    .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0'))));
    if (pin.trimmed().isEmpty())
        return invalid(QStringLiteral("A PIN cannot be only spaces."));
    return success();
}

Status checkNewPin(const QString& pin)
{
    if (pin.size() < 4)
        return invalid(QStringLiteral("A PIN needs at least 4 characters."));
    if (pin.size() > 64)
        return invalid(QStringLiteral("A PIN has at most 64 characters."));
    return checkPinCharacters(pin);
}

Result<Person> addPerson(Library& library, const NewPerson& request)
{
    Person person;
    person.name = request.name.simplified();
    person.initials = request.initials.trimmed();
    person.role = request.role.simplified();
    if (person.name.isEmpty())
        return invalid(QStringLiteral("A person needs a name."));
    if (person.initials.isEmpty() || person.initials.size() > 8 || person.initials.contains(QLatin1Char(' ')))
        return invalid(QStringLiteral("Initials must be 1 to 8 characters without spaces (got ‘%1’).")
                           .arg(request.initials));
    if (person.initials.size() == 36 || looksLikeId(person.initials))
        return invalid(QStringLiteral("Initials cannot look like an id."));
    STABLE_TRY(checkName(QStringLiteral("A person's name"), person.name));
    STABLE_TRY(checkName(QStringLiteral("A person's initials"), person.initials));
    STABLE_TRY(checkName(QStringLiteral("A person's role"), person.role));
    STABLE_TRY(checkNewPin(request.pin));

    auto existing = findPerson(library, person.initials);
    if (existing.ok())
        return refused(
            QStringLiteral("The initials ‘%1’ already belong to %2.").arg(person.initials, existing->name));

    // Hash before the transaction: it is slow on purpose and must not hold the write lock.
    const PinCost cost = library.pinCost();
    auto hashed = hashPin(request.pin, cost.opsLimit, cost.memLimit);
    if (!hashed.ok())
        return hashed.error();

    person.id = newId();
    person.createdAt = isoUtc(library.clock().now());
    WriteTransaction transaction(library, Change::People);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(
        execSql(transaction.db(),
                QStringLiteral("INSERT INTO person (id, name, initials, role, pin_hash, created_at) "
                               "VALUES (?,?,?,?,?,?)"),
                {person.id, person.name, person.initials, person.role, hashed.value(), person.createdAt}));
    // The PIN hash by its digest (verify reconciles it; the log need not show it) and the creation time.
    QJsonObject added = personJson(person);
    added.insert(QStringLiteral("pin_hash_sha256"), sha256Hex(hashed.value().toUtf8()));
    added.insert(QStringLiteral("created_at"), person.createdAt);
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("person.add"),
                                                   QStringLiteral("person"),
                                                   person.id,
                                                   {},
                                                   added,
                                                   {},
                                                   {}}));
    STABLE_TRY(transaction.commit());
    return person;
}

Result<QList<Person>> listPeople(Library& library, bool includeRetired)
{
    auto query = execSql(
        library.db(), QStringLiteral("SELECT ") + personColumns +
                          (includeRetired ? QStringLiteral(" FROM person ORDER BY name")
                                          : QStringLiteral(" FROM person WHERE active = 1 ORDER BY name")));
    if (!query.ok())
        return query.error();
    QList<Person> people;
    while (query->next())
        people.append(personFrom(query.value()));
    return people;
}

Result<Person> findPerson(Library& library, const QString& idOrInitials)
{
    const QString wanted = idOrInitials.trimmed();
    if (wanted.isEmpty())
        return invalid(QStringLiteral("No person was named."));
    auto query = selectRecord(library.db(),
                              QStringLiteral("SELECT ") + personColumns +
                                  QStringLiteral(" FROM person WHERE id = ? OR initials = ? COLLATE NOCASE"),
                              {wanted.toLower(), wanted},
                              QStringLiteral("No person with id or initials ‘%1’.").arg(wanted));
    if (!query.ok())
        return query.error();
    return personFrom(query.value());
}

namespace {

// The person's row as it is now, read inside the caller's write transaction: the counts written back are
// always the committed ones plus this attempt, never a value read before the slow hash.
Result<Person> currentPerson(WriteTransaction& transaction, const QString& personId, const QString& name)
{
    auto query =
        selectRecord(transaction.db(),
                     QStringLiteral("SELECT ") + personColumns + QStringLiteral(" FROM person WHERE id = ?"),
                     {personId}, QStringLiteral("%1 was removed meanwhile.").arg(name));
    if (!query.ok())
        return query.error();
    Person person = personFrom(query.value());
    query->finish();
    return person;
}

Error lockedError(const Person& person)
{
    return Error{ErrorKind::Locked,
                 QStringLiteral("%1 is locked after %2 wrong PINs; another person must unlock them.")
                     .arg(person.name)
                     .arg(maxFailedPinAttempts)};
}

} // namespace

// Every interleaving of attempts, in one process or many (two stablectl, the app and stablectl): the PIN is
// hashed outside any lock (it is slow on purpose), and its verdict is applied in a BEGIN IMMEDIATE
// transaction that re-reads the person first. So a wrong PIN always adds one to the committed count (the
// fifth in the commit order locks, however many were hashed at once), and a right PIN is accepted only if
// no lock was committed before its own transaction: once locked, every attempt still in flight is refused,
// the right PIN included, until someone else unlocks. Nothing is decided on a value read before the hash.
Result<Signer> authenticate(Library& library, const QString& idOrInitials, const QString& pin)
{
    auto found = findPerson(library, idOrInitials);
    if (!found.ok())
        return found.error();
    const Person seen = found.value();
    if (!seen.active)
        return refused(QStringLiteral("%1 is retired and cannot sign.").arg(seen.name));
    if (seen.locked)
        return lockedError(seen); // a lock stays until an unlock: nothing to hash, nothing to write

    auto hash = execSql(library.db(), QStringLiteral("SELECT pin_hash FROM person WHERE id = ?"), {seen.id});
    if (!hash.ok())
        return hash.error();
    if (!hash->next())
        return notFound(QStringLiteral("%1 was removed meanwhile.").arg(seen.name));
    const QString storedHash = hash->value(0).toString();
    hash->finish();
    const bool matches = pinMatches(storedHash, pin);

    if (matches) {
        // A plain read sees every commit before it: a lock committed while this PIN was hashed refuses it.
        auto now = findPerson(library, seen.id);
        if (!now.ok())
            return now.error();
        if (now->locked)
            return lockedError(now.value());
        if (now->failedAttempts == 0)
            return Signer(now.value());
    }

    WriteTransaction transaction(library, Change::People);
    STABLE_TRY(transaction.begin());
    auto current = currentPerson(transaction, seen.id, seen.name);
    if (!current.ok())
        return current.error();
    Person person = current.value();
    if (person.locked)
        return lockedError(person); // locked by an attempt that committed while this one was hashed
    if (!person.active)
        return refused(QStringLiteral("%1 is retired and cannot sign.").arg(person.name));

    if (matches) {
        if (person.failedAttempts > 0) {
            const QJsonObject before = personJson(person);
            person.failedAttempts = 0;
            STABLE_TRY(execSql(transaction.db(),
                               QStringLiteral("UPDATE person SET failed_attempts = 0 WHERE id = ?"),
                               {person.id}));
            STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("person.pin-accepted"),
                                                           QStringLiteral("person"),
                                                           person.id,
                                                           before,
                                                           personJson(person),
                                                           {},
                                                           personActor(person.id)}));
            STABLE_TRY(transaction.commit());
        }
        return Signer(person);
    }

    // A wrong PIN is itself a record: counted, audited and committed, while the signing is refused.
    const QJsonObject before = personJson(person);
    person.failedAttempts += 1;
    person.locked = person.failedAttempts >= maxFailedPinAttempts;
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("UPDATE person SET failed_attempts = ?, locked = ? WHERE id = ?"),
                       {person.failedAttempts, person.locked ? 1 : 0, person.id}));
    STABLE_TRY(appendAudit(transaction, AuditEntry{person.locked ? QStringLiteral("person.locked")
                                                                 : QStringLiteral("person.pin-rejected"),
                                                   QStringLiteral("person"),
                                                   person.id,
                                                   before,
                                                   personJson(person),
                                                   QStringLiteral("wrong PIN"),
                                                   {}}));
    STABLE_TRY(transaction.commit());
    if (person.locked)
        return Error{ErrorKind::Locked,
                     QStringLiteral("Wrong PIN. %1 is now locked after %2 wrong PINs in a row; "
                                    "another person must unlock them.")
                         .arg(person.name)
                         .arg(maxFailedPinAttempts)};
    return refused(QStringLiteral("Wrong PIN for %1 (%2 of %3 attempts before the lock).")
                       .arg(person.name)
                       .arg(person.failedAttempts)
                       .arg(maxFailedPinAttempts));
}

Status unlockPerson(Library& library, const QString& idOrInitials, const Signer& by)
{
    auto found = findPerson(library, idOrInitials);
    if (!found.ok())
        return found.error();
    Person person = found.value();
    if (person.id == by.personId())
        return refused(QStringLiteral("%1 cannot unlock themselves; another person must.").arg(person.name));
    if (!person.locked)
        return refused(QStringLiteral("%1 is not locked.").arg(person.name));
    const QJsonObject before = personJson(person);
    person.locked = false;
    person.failedAttempts = 0;
    WriteTransaction transaction(library, Change::People);
    STABLE_TRY(transaction.begin());
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("UPDATE person SET locked = 0, failed_attempts = 0 WHERE id = ?"),
                       {person.id}));
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("person.unlock"),
                                                   QStringLiteral("person"),
                                                   person.id,
                                                   before,
                                                   personJson(person),
                                                   {},
                                                   personActor(by.personId())}));
    STABLE_TRY(transaction.commit());
    return success();
}

Status retirePerson(Library& library, const QString& idOrInitials)
{
    auto found = findPerson(library, idOrInitials);
    if (!found.ok())
        return found.error();
    WriteTransaction transaction(library, Change::People);
    STABLE_TRY(transaction.begin());
    auto current = currentPerson(transaction, found->id, found->name);
    if (!current.ok())
        return current.error();
    Person person = current.value();
    if (!person.active)
        return refused(QStringLiteral("%1 is already retired.").arg(person.name));
    const QJsonObject before = personJson(person);
    person.active = false;
    STABLE_TRY(
        execSql(transaction.db(), QStringLiteral("UPDATE person SET active = 0 WHERE id = ?"), {person.id}));
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("person.retire"),
                                                   QStringLiteral("person"),
                                                   person.id,
                                                   before,
                                                   personJson(person),
                                                   {},
                                                   {}}));
    STABLE_TRY(transaction.commit());
    return success();
}

Status changePin(Library& library, const QString& idOrInitials, const QString& oldPin, const QString& newPin)
{
    // The new PIN is checked first: a typo in it must not cost one of the five attempts.
    STABLE_TRY(checkNewPin(newPin));
    if (newPin == oldPin)
        return invalid(QStringLiteral("The new PIN is the same as the old one."));
    auto signer = authenticate(library, idOrInitials, oldPin);
    if (!signer.ok())
        return signer.error();
    const PinCost cost = library.pinCost();
    auto hashed = hashPin(newPin, cost.opsLimit, cost.memLimit); // outside the write lock, as in addPerson
    if (!hashed.ok())
        return hashed.error();

    WriteTransaction transaction(library, Change::People);
    STABLE_TRY(transaction.begin());
    auto current = currentPerson(transaction, signer->personId(), signer->name());
    if (!current.ok())
        return current.error();
    const Person person = current.value();
    if (person.locked)
        return lockedError(person); // locked by an attempt that committed after the old PIN was checked
    if (!person.active)
        return refused(QStringLiteral("%1 is retired and cannot sign.").arg(person.name));
    STABLE_TRY(execSql(transaction.db(), QStringLiteral("UPDATE person SET pin_hash = ? WHERE id = ?"),
                       {hashed.value(), person.id}));
    QJsonObject after = personJson(person);
    after.insert(QStringLiteral("pin_hash_sha256"), sha256Hex(hashed.value().toUtf8()));
    STABLE_TRY(appendAudit(transaction, AuditEntry{QStringLiteral("person.pin-change"),
                                                   QStringLiteral("person"),
                                                   person.id,
                                                   personJson(person),
                                                   after,
                                                   {},
                                                   personActor(person.id)}));
    STABLE_TRY(transaction.commit());
    return success();
}

} // namespace stable
