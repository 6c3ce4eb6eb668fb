// The library file: creation, identification, refusals that leave the file untouched, migration.
#include "library.h"
#include "sql.h"
#include "testlibrary.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

int pragmaInt(Library& library, const char* pragma)
{
    auto query = execSql(library.db(), QStringLiteral("PRAGMA ") + QLatin1String(pragma));
    return query.ok() && query->next() ? query->value(0).toInt() : -1;
}

QString pragmaText(Library& library, const char* pragma)
{
    auto query = execSql(library.db(), QStringLiteral("PRAGMA ") + QLatin1String(pragma));
    return query.ok() && query->next() ? query->value(0).toString() : QString();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// A plain SQLite file made by "another program", with optional header values.
void makeSqlite(const QString& path, int applicationId, int userVersion)
{
    QVERIFY(rawExec(path, QStringLiteral("CREATE TABLE other (x)")));
    QVERIFY(rawExec(path, QStringLiteral("PRAGMA application_id = %1").arg(applicationId)));
    QVERIFY(rawExec(path, QStringLiteral("PRAGMA user_version = %1").arg(userVersion)));
}

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT
private slots:
    void createSetsIdentityAndPragmas()
    {
        TempLibrary lib;
        QCOMPARE(pragmaInt(*lib, "application_id"), Library::applicationId);
        QCOMPARE(pragmaInt(*lib, "user_version"), Library::schemaVersion());
        QCOMPARE(pragmaInt(*lib, "foreign_keys"), 1);
        QCOMPARE(pragmaInt(*lib, "synchronous"), 2); // FULL
        QCOMPARE(pragmaInt(*lib, "trusted_schema"), 0);
        // Large pages from the first write on: years of history are read through in order.
        QCOMPARE(pragmaInt(*lib, "page_size"), 16384);
        // Locks are waited for by the library's own fair busy handler (PRAGMA busy_timeout reports 0 for
        // it); tests/reliability/tst_writers.cpp proves two writers never see "locked".
        QCOMPARE(pragmaText(*lib, "journal_mode"), QStringLiteral("wal"));
        QCOMPARE(lib->journalMode(), JournalMode::Wal);
        QVERIFY(Library::schemaVersion() >= 1);
        // Defensive mode: even with writable_schema asked for, the schema cannot be rewritten.
        (void)execSql(lib->db(), QStringLiteral("PRAGMA writable_schema = ON"));
        auto rewrite =
            execSql(lib->db(), QStringLiteral("UPDATE sqlite_schema SET sql = sql WHERE name = 'person'"));
        QVERIFY(!rewrite.ok());
    }

    void aSecondInstanceOpensANewLibraryWhileTheFirstHasItOpen()
    {
        // The header (application id, schema version) must be on disk, not only in the WAL.
        TempLibrary lib;
        auto other = Library::open(lib.path());
        QVERIFY2(other.ok(), qPrintable(other.message()));
        QCOMPARE(identifyFile(lib.path()).kind, FileIdentity::Kind::Stable);
    }

    void createRefusesAnExistingFile()
    {
        TempLibrary lib;
        const QByteArray before = fileBytes(lib.path());
        auto again = Library::create(lib.path());
        QVERIFY(!again.ok());
        QVERIFY2(again.message().contains(QStringLiteral("already exists")), qPrintable(again.message()));
        QCOMPARE(fileBytes(lib.path()), before);
    }

    void networkFilesystemUsesRollbackJournal()
    {
        QTemporaryDir dir;
        OpenOptions options;
        options.networkFilesystem = true;
        auto created = Library::create(dir.filePath(QStringLiteral("net.stable")), options);
        QVERIFY2(created.ok(), qPrintable(created.message()));
        QCOMPARE(created.value()->journalMode(), JournalMode::Rollback);
        QCOMPARE(pragmaText(*created.value(), "journal_mode"), QStringLiteral("delete"));
    }

    void refusesWhatIsNotALibrary_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty");
        QTest::newRow("text") << QByteArray("name,hours\nAlice,3\n")
                              << QStringLiteral("not an SQLite database");
        QTest::newRow("short header")
            << QByteArray("SQLite format 3") << QStringLiteral("not an SQLite database");
    }

    void refusesWhatIsNotALibrary()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.stable"));
        writeFile(path, content);
        auto opened = Library::open(path);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.message().contains(expected), qPrintable(opened.message()));
        QVERIFY2(opened.message().contains(QStringLiteral("x.stable")), "the message names the file");
        QCOMPARE(fileBytes(path), content);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void refusesAForeignSqliteFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        makeSqlite(path, 0, 0);
        const QByteArray before = fileBytes(path);
        auto opened = Library::open(path);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.message().contains(QStringLiteral("another program")), qPrintable(opened.message()));
        QCOMPARE(fileBytes(path), before);
    }

    void refusesANewerLibraryUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.stable"));
        makeSqlite(path, Library::applicationId, Library::schemaVersion() + 7);
        const QByteArray before = fileBytes(path);
        auto opened = Library::open(path);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.message().contains(QStringLiteral("newer Stable")), qPrintable(opened.message()));
        QVERIFY2(opened.message().contains(QString::number(Library::schemaVersion() + 7)),
                 qPrintable(opened.message()));
        QCOMPARE(fileBytes(path), before);
    }

    void refusesAMissingFile()
    {
        auto opened = Library::open(QStringLiteral("/nonexistent/folder/team.stable"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.kind(), ErrorKind::NotFound);
        QVERIFY(!QFile::exists(QStringLiteral("/nonexistent/folder/team.stable")));
    }

    void refusesADamagedSchemaUntouched()
    {
        TempLibrary lib;
        const QString path = lib.path();
        lib.close();
        QByteArray bytes = fileBytes(path);
        QVERIFY(bytes.size() > 4096);
        // Keep the header (so it still looks like a Stable library) and wreck the schema page.
        for (int i = 100; i < 4096; ++i)
            bytes[i] = static_cast<char>(0xA5);
        writeFile(path, bytes);
        auto opened = Library::open(path);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.message().contains(QStringLiteral("damaged")), qPrintable(opened.message()));
        QCOMPARE(fileBytes(path), bytes);
    }

    void migratesAnOlderLibraryAfterBackingItUp()
    {
        // The fixture of schema 0: a Stable file from before the first migration (application id set,
        // no tables). It must be backed up and migrated to the current schema.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.stable"));
        QVERIFY(QFile::copy(QStringLiteral(STABLE_TEST_DATA_DIR "/schema0.stable"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(identifyFile(path).kind, FileIdentity::Kind::Stable);
        auto opened = Library::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        QCOMPARE(pragmaInt(*opened.value(), "user_version"), Library::schemaVersion());
        const QString backup = opened.value()->migrationBackupPath();
        QVERIFY(!backup.isEmpty());
        QVERIFY(QFile::exists(backup));
        QCOMPARE(identifyFile(backup).schemaVersion, 0);
        QCOMPARE(rowCount(*opened.value(), QStringLiteral("person")), 0);
    }

    void readOnlyRefusesWrites()
    {
        TempLibrary lib;
        const QString path = lib.path();
        lib.close();
        OpenOptions options;
        options.readOnly = true;
        auto opened = Library::open(path, options);
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        WriteTransaction transaction(*opened.value(), Change::Settings);
        QVERIFY(!transaction.begin().ok());
    }
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
