#include "sql.h"

#include "libraryfork.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcSql, "stable.sql")

namespace stable {

namespace {

Error sqlFailure(const QSqlQuery& query, const QString& statement)
{
    const QSqlError error = query.lastError();
    qCWarning(lcSql).noquote() << "failed:" << statement << "--" << error.databaseText() << error.driverText()
                               << "code" << error.nativeErrorCode();
    // The driver may hand out an extended result code (SQLITE_IOERR_WRITE is 778): its low byte is the
    // primary code.
    const QString code = QString::number(error.nativeErrorCode().toInt() & 0xff);
    if (code == QLatin1String("5") || code == QLatin1String("6")) // SQLITE_BUSY, SQLITE_LOCKED
        return Error{
            ErrorKind::Locked,
            QStringLiteral("The library is busy: another person or program is writing to it. Try again.")};
    if (code == QLatin1String("13")) // SQLITE_FULL
        return storageError(QStringLiteral("The disk is full; nothing was written. Free some space and try again."));
    if (code == QLatin1String("11") || code == QLatin1String("26")) // SQLITE_CORRUPT, SQLITE_NOTADB
        return storageError(QStringLiteral("The library file is damaged (%1); restore it from a backup.")
                                .arg(error.databaseText()));
    if (code == QLatin1String("8")) // SQLITE_READONLY
        return storageError(QStringLiteral("The library is open read-only; nothing was written."));
    if (code == QLatin1String("10")) // SQLITE_IOERR
        return storageError(QStringLiteral("The library file could not be read or written (%1); nothing was "
                                           "written. Is the disk full, or the folder gone?")
                                .arg(error.databaseText()));
    return storageError(QStringLiteral("The library refused the change (%1).").arg(error.databaseText()));
}

} // namespace

Status execPrepared(QSqlQuery& query, const QVariantList& binds)
{
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant& value = binds.at(i);
        // Qt's driver binds a null QString as NULL; an empty text is text. Real NULLs come from
        // nullIfEmpty() (a null QVariant), never from an empty QString().
        const bool nullText = !value.isNull() && value.typeId() == QMetaType::QString && value.toString().isNull();
        query.bindValue(i, nullText ? QVariant(QString(QLatin1String(""))) : value);
    }
    if (!query.exec())
        return sqlFailure(query, query.lastQuery());
    return success();
}

Result<QSqlQuery> execSql(const QSqlDatabase& db, const QString& statement, const QVariantList& binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(statement))
        return sqlFailure(query, statement);
    STABLE_TRY(execPrepared(query, binds));
    return query;
}

Result<QSqlQuery> execSql(const QSqlDatabase& db, const QString& statement,
                          std::initializer_list<QVariant> binds)
{
    return execSql(db, statement, QVariantList(binds));
}

Result<bool> queryRow(QSqlQuery& query)
{
    if (query.next())
        return true;
    if (query.lastError().isValid())
        return sqlFailure(query, query.lastQuery());
    return false;
}

Result<QSqlQuery> selectRecord(const QSqlDatabase& db, const QString& statement, const QVariantList& binds,
                               const QString& missing)
{
    auto query = execSql(db, statement, binds);
    STABLE_TRY(query);
    auto found = queryRow(query.value());
    STABLE_TRY(found);
    if (!found.value())
        return notFound(missing);
    return query;
}

QStringList sqlStatements(const QByteArray& script, QString* unfinished)
{
    QStringList statements;
    QByteArray pending;
    for (const QByteArray& line : script.split('\n')) {
        if (pending.isEmpty() && line.trimmed().startsWith("--"))
            continue;
        pending += line;
        pending += '\n';
        if (!sqlite3_complete(pending.constData()))
            continue;
        const QString statement = QString::fromUtf8(pending).trimmed();
        pending.clear();
        if (!statement.isEmpty() && statement != QLatin1String(";"))
            statements.append(statement);
    }
    if (unfinished)
        *unfinished = QString::fromUtf8(pending).trimmed();
    return statements;
}

Status execScript(const QSqlDatabase& db, const QString& script)
{
    QString unfinished;
    const QStringList statements = sqlStatements(script.toUtf8(), &unfinished);
    if (!unfinished.isEmpty())
        return storageError(QStringLiteral("A migration script ends in the middle of a statement."));
    for (const QString& statement : statements) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            return sqlFailure(query, statement);
    }
    return success();
}

QString storableText(const QString& text)
{
    qsizetype marks = 0;
    while (marks < text.size() && text.at(marks) == QChar(0xFEFF))
        ++marks;
    return marks == 0 ? text : text.mid(marks);
}

QVariant nullIfEmpty(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

WriteTransaction::WriteTransaction(Library& library, Changes changes)
    : m_library(library)
    , m_changes(changes)
{
}

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        rollback();
}

Status WriteTransaction::begin()
{
    if (m_library.isReadOnly())
        return refused(m_library.readOnlyReason().isEmpty()
                           ? QStringLiteral("The library is open read-only; nothing was written.")
                           : m_library.readOnlyReason() + QStringLiteral(" Nothing was written."));
    STABLE_TRY(execSql(db(), QStringLiteral("BEGIN IMMEDIATE")));
    m_active = true;
    if (!m_library.copyOf().isEmpty()) {
        // The first write to a copy: it takes its own identity in the same transaction.
        const Status forked = forkWithin(*this);
        if (!forked.ok()) {
            rollback();
            return forked;
        }
        m_forked = true;
    }
    return success();
}

Status WriteTransaction::commit()
{
    if (!m_active)
        return Error{ErrorKind::Usage, QStringLiteral("Commit without a transaction.")};
    auto committed = execSql(db(), QStringLiteral("COMMIT"));
    if (!committed.ok()) {
        rollback();
        return committed.error();
    }
    m_active = false;
    m_forked = false;
    m_library.notifyCommitted(m_changes);
    return success();
}

void WriteTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(db());
    query.exec(QStringLiteral("ROLLBACK"));
    if (m_forked) {
        m_forked = false;
        m_library.undoForkedIdentity();
    }
}

} // namespace stable
