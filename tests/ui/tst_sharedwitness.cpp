// One witness per operating-system account (issue 14 item 15): the app and stablectl remember a library's
// audit log in the same folder, whatever their application names. A file stablectl flags as re-hashed
// warns when the app opens it, and the app does not take the forged head for the truth.
#include "aboutdialog.h"
#include "audit.h"
#include "library.h"
#include "mainwindow.h"
#include "startup.h"
#include "testlibrary.h"
#include "trywait.h"
#include "witness.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

struct Ctl
{
    int exitCode = -1;
    QString out;
    QString err;
};

Ctl ctl(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PIN_AL"), QStringLiteral("2580"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(STABLECTL_PATH), arguments);
    Ctl result;
    if (!process.waitForStarted(10000) || (process.closeWriteChannel(), !process.waitForFinished(60000)))
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// What a tamperer does with the sqlite3 shell and a script: one event changed, and it and every event after
// it re-hashed, so that the file agrees with itself.
bool reHashFrom(const QString& path, qint64 fromSeq)
{
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rehash"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            // The guard is put back afterwards (verify names a missing guard): the re-hashed chain is what
            // the witness must catch.
            QString guard;
            if (q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'audit_append_only_u'")) &&
                q.next())
                guard = q.value(0).toString();
            q.finish();
            done = !guard.isEmpty() && q.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_append_only_u")) &&
                   q.exec(QStringLiteral("BEGIN")) &&
                   q.exec(QStringLiteral(
                       "SELECT seq, at, actor, action, entity, entity_id, before, after, why, prev_hash "
                       "FROM audit_event ORDER BY seq"));
            QString previous;
            QList<AuditEvent> rewritten;
            while (done && q.next()) {
                AuditEvent e;
                e.seq = q.value(0).toLongLong();
                e.at = q.value(1).toString();
                e.actor = q.value(2).toString();
                e.action = q.value(3).toString();
                e.entity = q.value(4).toString();
                e.entityId = q.value(5).toString();
                e.before = q.value(6).toString();
                e.after = q.value(7).toString();
                e.why = q.value(8).toString();
                e.prevHash = e.seq == 1 ? q.value(9).toString() : previous;
                if (e.seq == fromSeq)
                    e.actor = QStringLiteral("user:someone@else");
                e.hash = auditHash(e);
                previous = e.hash;
                if (e.seq >= fromSeq)
                    rewritten.append(e);
            }
            for (const AuditEvent& e : std::as_const(rewritten)) {
                QSqlQuery w(db);
                w.prepare(QStringLiteral(
                    "UPDATE audit_event SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?"));
                w.addBindValue(e.actor);
                w.addBindValue(e.prevHash);
                w.addBindValue(e.hash);
                w.addBindValue(e.seq);
                done = done && w.exec();
            }
            done = done && !rewritten.isEmpty() && q.exec(guard) && q.exec(QStringLiteral("COMMIT"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rehash"));
    return done;
}

QJsonObject witnessOf(const QString& folder, const QString& libraryId)
{
    QFile file(QDir(folder).filePath(libraryId + QStringLiteral(".json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestSharedWitness : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        // As on a user's computer: no override, the account's data folder (here a fresh one).
        qunsetenv("STABLE_WITNESS_DIR");
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        applyApplicationIdentity();
    }

    void bothProgramsUseOneFolder()
    {
        QCOMPARE(witnessFolder(), m_dir.filePath(QStringLiteral("data/Stable/witness")));
    }

    void aFileStablectlFlagsAsReHashedWarnsInTheApp()
    {
        const QString lib = m_dir.filePath(QStringLiteral("team.stable"));
        QCOMPARE(ctl({QStringLiteral("init"), lib}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("person"), QStringLiteral("add"), lib, QStringLiteral("--name"),
                      QStringLiteral("Alice"), QStringLiteral("--initials"), QStringLiteral("AL"),
                      QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")})
                     .exitCode,
                 0);
        QCOMPARE(ctl({QStringLiteral("team-hours"), QStringLiteral("set"), lib, QStringLiteral("2026-03"),
                      QStringLiteral("160")})
                     .exitCode,
                 0);
        QCOMPARE(ctl({QStringLiteral("verify"), lib}).exitCode, 0);
        QString id;
        {
            auto library = Library::open(lib, OpenOptions{true, {}});
            QVERIFY(library.ok());
            id = library.value()->libraryId();
        }
        const QJsonObject seen = witnessOf(witnessFolder(), id);
        QVERIFY2(!seen.isEmpty(), "stablectl keeps its witness in the shared folder");
        const QString seenHash = seen[QStringLiteral("hash")].toString();

        QVERIFY(reHashFrom(lib, 2));
        const Ctl flagged = ctl({QStringLiteral("verify"), lib});
        QVERIFY2(flagged.exitCode == 1 && flagged.err.contains(QLatin1String("re-hashed")),
                 qPrintable(flagged.err));

        // The app's open path: the warning, and the forged head not recorded.
        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(lib).ok());
        QMessageBox* warning = nullptr;
        STABLE_TRY_VERIFY_WITH_TIMEOUT((warning = window.findChild<QMessageBox*>()) != nullptr, 5000);
        QVERIFY2(warning->text().contains(QLatin1String("re-hashed")), qPrintable(warning->text()));
        QCOMPARE(witnessOf(witnessFolder(), id)[QStringLiteral("hash")].toString(), seenHash);
        warning->reject();
        QCOMPARE(witnessOf(witnessFolder(), id)[QStringLiteral("hash")].toString(), seenHash);
        const Ctl still = ctl({QStringLiteral("verify"), lib});
        QVERIFY2(still.exitCode == 1 && still.err.contains(QLatin1String("re-hashed")),
                 qPrintable(still.err));
    }
};

QTEST_MAIN(TestSharedWitness)
#include "tst_sharedwitness.moc"
