#include "testlibrary.h"

#include "sql.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

namespace stable::test {

QDateTime testEpoch()
{
    return QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc());
}

TempLibrary::TempLibrary()
    : m_path(m_dir.filePath(QStringLiteral("team.stable")))
    , m_clock(std::make_shared<FixedClock>(testEpoch()))
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
    auto person =
        addPerson(*m_library, NewPerson{name, initials, QStringLiteral("Engineer"), QStringLiteral("1234")});
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

RowCounts rowCounts(Library& library, const QStringList& tables)
{
    RowCounts counts;
    for (const QString& table : tables)
        counts.insert(table, rowCount(library, table));
    return counts;
}

namespace {

QList<RecordedEvent> readEvents(Library& library, const QString& where, const QVariantList& binds)
{
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT action, entity, entity_id, actor, why, before, after FROM audit_event ") +
            where,
        binds);
    QList<RecordedEvent> events;
    while (query.ok() && query->next())
        events.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                       query->value(3).toString(), query->value(4).toString(),
                       QJsonDocument::fromJson(query->value(5).toString().toUtf8()).object(),
                       QJsonDocument::fromJson(query->value(6).toString().toUtf8()).object()});
    return events;
}

} // namespace

QList<RecordedEvent> auditEventsOf(Library& library, const QString& entityId)
{
    return readEvents(library, QStringLiteral("WHERE entity_id = ? ORDER BY seq"), {entityId});
}

RecordedEvent lastAuditEvent(Library& library)
{
    return readEvents(library, QStringLiteral("ORDER BY seq DESC LIMIT 1"), {}).value(0);
}

QByteArray withPlaceholders(const QByteArray& document)
{
    QString text = QString::fromUtf8(document);
    const auto number = [&text](const QRegularExpression& pattern, const QString& label) {
        QHash<QString, QString> seen;
        QString out;
        qsizetype from = 0;
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            out += QStringView(text).mid(from, match.capturedStart() - from);
            QString& name = seen[match.captured()];
            if (name.isEmpty())
                name = QStringLiteral("<%1-%2>").arg(label).arg(seen.size());
            out += name;
            from = match.capturedEnd();
        }
        out += QStringView(text).mid(from);
        text = out;
    };
    // A library's creation moment (its identity events: {"created_at":…,"id":…}) is the migration's clock.
    number(QRegularExpression(
               QStringLiteral("(?<=\\\\\"created_at\\\\\":\\\\\")[^\\\\\"]*(?=\\\\\",\\\\\"id\\\\\")")),
           QStringLiteral("library-created"));
    number(QRegularExpression(QStringLiteral("\\$argon2id\\$[^\"\\\\]*")), QStringLiteral("pin-hash"));
    number(QRegularExpression(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
           QStringLiteral("id"));
    number(QRegularExpression(QStringLiteral("\\b[0-9a-f]{64}\\b")), QStringLiteral("hash"));
    return text.toUtf8();
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
