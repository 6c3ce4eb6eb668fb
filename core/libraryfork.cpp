// The fork of a copy: see libraryfork.h. Why a copy is told by its place (witness.cpp originalOfCopy):
// the id alone cannot tell a backup from its original, and the original is the file this computer last saw
// the library at (its path, device and inode, kept by the witness), as long as that place still holds a
// library with the same id. A restore over the original's path is the same place and no fork: the witness
// then says that the file fell behind, and the user accepts it (`stablectl accept`, the app's "Accept This
// File") or finds the newer file.
#include "libraryfork.h"

#include "audit.h"
#include "ids.h"
#include "library.h"
#include "sql.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFork, "stable.library.fork")

namespace stable {

Status forkWithin(WriteTransaction& transaction)
{
    Library& library = transaction.library();
    const QString parentId = library.libraryId();
    auto row = execSql(transaction.db(), QStringLiteral("SELECT created_at FROM local_library WHERE id = ?"),
                       {parentId});
    if (!row.ok())
        return row.error();
    const QString parentCreatedAt = row->next() ? row->value(0).toString() : QString();
    row->finish();
    auto head = execSql(transaction.db(),
                        QStringLiteral("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"));
    if (!head.ok())
        return head.error();
    const qint64 parentSeq = head->next() ? head->value(0).toLongLong() : 0;
    const QString parentHash = parentSeq > 0 ? head->value(1).toString() : QString();
    head->finish();

    // A log older than the identity events names the parent first: the fork then reads parent → copy.
    STABLE_TRY(recordIdentityIfUnrecorded(transaction));
    const QString id = newId();
    const QString createdAt = isoUtc(library.clock().now());
    STABLE_TRY(execSql(transaction.db(),
                       QStringLiteral("UPDATE local_library SET id = ?, created_at = ? WHERE id = ?"),
                       {id, createdAt, parentId}));
    // before and after are the local_library row as it was and as it is; the lineage is in `why`.
    STABLE_TRY(appendAudit(
        transaction,
        AuditEntry{
            QStringLiteral("library.fork"),
            QStringLiteral("local_library"),
            id,
            QJsonObject{{QStringLiteral("id"), parentId}, {QStringLiteral("created_at"), parentCreatedAt}},
            QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("created_at"), createdAt}},
            QStringLiteral("Forked from library %1 after audit event %2 (hash %3): this file is a copy "
                           "of ‘%4’ and goes its own way from here.")
                .arg(parentId)
                .arg(parentSeq)
                .arg(parentHash, QFileInfo(library.copyOf()).fileName()),
            {}}));
    qCInfo(lcFork) << library.path() << "is a copy of" << library.copyOf() << "and is now library" << id
                   << "forked from" << parentId << "at event" << parentSeq;
    library.adoptForkedIdentity(id);
    return success();
}

} // namespace stable
