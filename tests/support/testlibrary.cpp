#include "testlibrary.h"

#include "sql.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

namespace stable::test {

QDateTime testEpoch()
{
    return QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc());
}

TempLibrary::TempLibrary() : m_path(m_dir.filePath(QStringLiteral("team.stable"))), m_clock(std::make_shared<FixedClock>(testEpoch()))
{
    auto created = Library::create(m_path);
    if (!created.ok())
        qFatal("cannot create a test library: %s", qPrintable(created.message()));
    m_library = std::move(created).value();
    m_library->setClock(m_clock);
    m_library->setPinCost(PinCost::minimal());
    m_library->setActor(QStringLiteral("user:test@host"));
}

void TempLibrary::close()
{
    m_library.reset();
}

void TempLibrary::reopen()
{
    m_library.reset();
    auto opened = Library::open(m_path);
    if (!opened.ok())
        qFatal("cannot reopen the test library: %s", qPrintable(opened.message()));
    m_library = std::move(opened).value();
    m_library->setClock(m_clock);
    m_library->setPinCost(PinCost::minimal());
    m_library->setActor(QStringLiteral("user:test@host"));
}

Signer TempLibrary::signer(const QString& name, const QString& initials)
{
    auto person = addPerson(*m_library, NewPerson{name, initials, QStringLiteral("Engineer"), QStringLiteral("1234")});
    if (!person.ok())
        qFatal("cannot add %s: %s", qPrintable(name), qPrintable(person.message()));
    auto signer = authenticate(*m_library, initials, QStringLiteral("1234"));
    if (!signer.ok())
        qFatal("cannot authenticate %s: %s", qPrintable(name), qPrintable(signer.message()));
    return signer.value();
}

qint64 rowCount(Library& library, const QString& table)
{
    auto query = execSql(library.db(), QStringLiteral("SELECT count(*) FROM ") + table);
    if (!query.ok() || !query->next())
        return -1;
    return query->value(0).toLongLong();
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool rawExec(const QString& path, const QString& statement)
{
    const QString name = QStringLiteral("raw-") + QString::number(QDateTime::currentMSecsSinceEpoch());
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(statement);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace stable::test
