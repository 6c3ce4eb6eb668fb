// Tampering behind the product's back (the sqlite3 shell, or a program of one's own): each case is
// found by `stablectl verify`, exit 1, naming the record. A log cut short, re-hashed consistently or
// swapped for an older backup agrees with itself; the per-machine witness catches those.
#include "audit.h"
#include "library.h"
#include "people.h"
#include "reliability.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"
#include "witness.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

const char* const triggers[] = {"attestation_append_only_u", "attestation_append_only_d", "void_append_only_u",
                                "void_append_only_d", "audit_append_only_u", "audit_append_only_d"};

// As a tamperer would: the sqlite3 shell when installed, else a connection of our own.
bool shell(const QString& path, const QString& sql)
{
    QString script;
    for (const char* trigger : triggers)
        script += QStringLiteral("DROP TRIGGER IF EXISTS %1;\n").arg(QLatin1String(trigger));
    script += sql + QStringLiteral(";\n");
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        return rawExec(path, script);
    const ProgramResult done = runProgram(sqlite3, {path, script}, 30000);
    return done.exitCode == 0 && done.err.isEmpty();
}

// The newest audit events cut off, with the records they wrote, so that the file agrees with itself.
bool truncateLog(const QString& path, int events)
{
    return shell(path, QStringLiteral("DELETE FROM attestation WHERE id IN (SELECT entity_id FROM audit_event "
                                      "WHERE seq > (SELECT max(seq) - %1 FROM audit_event) AND entity = "
                                      "'attestation'); DELETE FROM audit_event WHERE seq > (SELECT max(seq) - %1 "
                                      "FROM audit_event)")
                           .arg(events));
}

// A signature forged through the whole chain: the attestation, its hash, its audit event and every
// hash after it recomputed with the product's own functions.
bool forgeThroughTheChain(const QString& path, const QString& attestationId)
{
    if (!shell(path, QStringLiteral("SELECT 1")))
        return false;
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("forger"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("BEGIN"));
            q.exec(QStringLiteral("SELECT a.id, a.run_id, a.item_id, a.attempt, a.outcome, a.signer_id, a.meaning, "
                                  "a.signed_at, a.recorded_at, a.evidence, i.statement FROM attestation a "
                                  "JOIN run_item i ON i.id = a.item_id WHERE a.id = '%1'")
                       .arg(attestationId));
            if (q.next()) {
                Attestation a;
                a.id = q.value(0).toString();
                a.runId = q.value(1).toString();
                a.itemId = q.value(2).toString();
                a.attempt = q.value(3).toInt();
                a.outcome = Outcome::Pass;
                a.signerId = q.value(5).toString();
                a.meaning = Meaning::Verified;
                a.signedAt = q.value(7).toString();
                a.recordedAt = q.value(8).toString();
                a.note = QStringLiteral("checked twice");
                a.evidence = q.value(9).toString();
                const QString hash = attestationHash(a, q.value(10).toString());
                QSqlQuery u(db);
                u.exec(QStringLiteral("UPDATE attestation SET meaning = 'verified', note = 'checked twice', "
                                      "hash = '%1' WHERE id = '%2'")
                           .arg(hash, a.id));
                QSqlQuery events(db);
                events.exec(QStringLiteral("SELECT seq, at, actor, action, entity, entity_id, before, after, why "
                                           "FROM audit_event ORDER BY seq"));
                QString previous;
                bool rewriting = false;
                while (events.next()) {
                    AuditEvent e;
                    e.seq = events.value(0).toLongLong();
                    e.at = events.value(1).toString();
                    e.actor = events.value(2).toString();
                    e.action = events.value(3).toString();
                    e.entity = events.value(4).toString();
                    e.entityId = events.value(5).toString();
                    e.before = events.value(6).toString();
                    e.after = events.value(7).toString();
                    e.why = events.value(8).toString();
                    e.prevHash = previous;
                    if (e.entityId == a.id) {
                        QJsonObject after = QJsonDocument::fromJson(e.after.toUtf8()).object();
                        after.insert(QStringLiteral("meaning"), QStringLiteral("verified"));
                        after.insert(QStringLiteral("note"), a.note);
                        after.insert(QStringLiteral("hash"), hash);
                        e.after = canonicalJson(after);
                        rewriting = true;
                    }
                    e.hash = auditHash(e);
                    if (rewriting) {
                        QSqlQuery w(db);
                        w.prepare(QStringLiteral("UPDATE audit_event SET after = ?, prev_hash = ?, hash = ? WHERE seq = ?"));
                        w.addBindValue(e.after);
                        w.addBindValue(e.prevHash);
                        w.addBindValue(e.hash);
                        w.addBindValue(e.seq);
                        w.exec();
                    }
                    previous = e.hash;
                }
                done = rewriting && q.exec(QStringLiteral("COMMIT"));
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("forger"));
    return done;
}

} // namespace

class TestTamper : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_pristine;
    QString m_backup;
    QStringList m_attestations; // in signing order
    int m_tried = 0;
    int m_detected = 0;

    QString copyOfPristine(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QFile::copy(m_pristine, path);
        return path;
    }
    void expectNamed(const QString& path, const QStringList& words)
    {
        ++m_tried;
        const ProgramResult verify = runStablectl({QStringLiteral("verify"), path});
        QVERIFY2(verify.exitCode == 1, verify.said().constData());
        for (const QString& word : words)
            QVERIFY2(QString(verify.out + verify.err).contains(word), verify.said().constData());
        ++m_detected;
        qInfo("  %s", qPrintable(verify.err.trimmed()));
    }

private slots:
    void initTestCase()
    {
        qputenv("STABLE_WITNESS_DIR", m_dir.filePath(QStringLiteral("witness")).toUtf8());
        m_pristine = m_dir.filePath(QStringLiteral("pristine.stable"));
        makeSigningLibrary(m_pristine);
        auto library = Library::open(m_pristine);
        QVERIFY(library.ok());
        auto alice = authenticate(*library.value(), QStringLiteral("AL"), QLatin1String(childPin));
        auto bob = authenticate(*library.value(), QStringLiteral("BO"), QLatin1String(childPin));
        QVERIFY(alice.ok() && bob.ok());
        QStringList runs;
        for (const QString& title : {QStringLiteral("Release 1"), QStringLiteral("Release 2")}) {
            auto run = startRun(*library.value(), StartRun{QStringLiteral("release"), title, RunKind::Release, 0,
                                                           std::nullopt, std::nullopt});
            QVERIFY(run.ok());
            runs << run->id;
        }
        for (const QString& run : std::as_const(runs)) {
            for (const char* ref : {"build/tests", "build/artifact", "deploy/smoke", "deploy/go"}) {
                SignRequest request;
                request.run = run;
                request.item = QLatin1String(ref);
                auto done = sign(*library.value(), alice.value(), request);
                QVERIFY2(done.ok(), qPrintable(done.message()));
                m_attestations << done->id;
            }
            if (run == runs.first()) { // an older copy, kept as a backup would be
                m_backup = m_dir.filePath(QStringLiteral("backup.stable"));
                QVERIFY(runStablectl({QStringLiteral("backup"), m_pristine, m_backup}).exitCode == 0);
            }
        }
        library.value().reset();
        // This computer sees the library whole: verify passes and the witness remembers its head.
        const ProgramResult clean = runStablectl({QStringLiteral("verify"), m_pristine});
        QVERIFY2(clean.exitCode == 0, clean.said().constData());
    }

    void changedAttestation()
    {
        const QString path = copyOfPristine(QStringLiteral("changed.stable"));
        QVERIFY(shell(path, QStringLiteral("UPDATE attestation SET outcome = 'na' WHERE id = '%1'").arg(m_attestations[1])));
        expectNamed(path, {m_attestations[1], QStringLiteral("was changed after signing")});
    }
    void deletedAttestation()
    {
        const QString path = copyOfPristine(QStringLiteral("deleted.stable"));
        QVERIFY(shell(path, QStringLiteral("DELETE FROM attestation WHERE id = '%1'").arg(m_attestations[2])));
        expectNamed(path, {m_attestations[2], QStringLiteral("is missing: it was deleted")});
    }
    void insertedAttestation()
    {
        const QString path = copyOfPristine(QStringLiteral("inserted.stable"));
        QVERIFY(shell(path, QStringLiteral("INSERT INTO attestation SELECT 'aaaaaaaa-0000-4000-8000-000000000001', "
                                           "run_id, item_id, attempt, outcome, signer_id, meaning, signed_at, "
                                           "recorded_at, note, evidence, hash FROM attestation WHERE id = '%1'")
                                .arg(m_attestations[0])));
        expectNamed(path, {QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"), QStringLiteral("no audit record")});
    }
    void movedAttestation()
    {
        const QString path = copyOfPristine(QStringLiteral("moved.stable"));
        QVERIFY(shell(path, QStringLiteral("UPDATE attestation SET run_id = (SELECT id FROM run WHERE title = "
                                           "'Release 2') WHERE id = '%1'")
                                .arg(m_attestations[0])));
        expectNamed(path, {m_attestations[0], QStringLiteral("moved")});
    }
    void deletedAuditEvent()
    {
        const QString path = copyOfPristine(QStringLiteral("deleted-event.stable"));
        QVERIFY(shell(path, QStringLiteral("DELETE FROM audit_event WHERE seq = 7")));
        expectNamed(path, {QStringLiteral("Audit events 7 to 7 are missing")});
    }
    void editedAuditEvent()
    {
        const QString path = copyOfPristine(QStringLiteral("edited-event.stable"));
        QVERIFY(shell(path, QStringLiteral("UPDATE audit_event SET actor = 'user:someone@else' WHERE seq = 9")));
        expectNamed(path, {QStringLiteral("Audit event 9")});
    }
    void reHashedChain()
    {
        const QString path = copyOfPristine(QStringLiteral("rehashed.stable"));
        QVERIFY(forgeThroughTheChain(path, m_attestations[1]));
        // The file agrees with itself: only the witness can tell.
        const FileVerdict own = inspect(path);
        QVERIFY2(own.checkOk && own.verifyOk, qPrintable(own.problem));
        expectNamed(path, {QStringLiteral("the audit log was rewritten (re-hashed)")});
    }
    void truncatedLog()
    {
        const QString path = copyOfPristine(QStringLiteral("truncated.stable"));
        QVERIFY(truncateLog(path, 3));
        const FileVerdict own = inspect(path);
        QVERIFY2(own.checkOk && own.verifyOk, qPrintable(own.problem));
        const qint64 seen = own.auditEvents + 3;
        expectNamed(path, {QStringLiteral("ends at event %1 but this computer saw event %2").arg(own.auditEvents).arg(seen),
                           QStringLiteral("events were removed or the file was replaced by an older copy")});
    }
    void olderBackupSwappedIn()
    {
        const QString path = copyOfPristine(QStringLiteral("swapped.stable"));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_backup, path));
        const FileVerdict own = inspect(path);
        QVERIFY2(own.checkOk && own.verifyOk, qPrintable(own.problem));
        expectNamed(path, {QStringLiteral("ends at event %1").arg(own.auditEvents),
                           QStringLiteral("replaced by an older copy")});
    }

    // A deliberate restore from a backup: the user accepts the file as it is, and it verifies again.
    void acceptingARestoredCopy()
    {
        const QString path = m_dir.filePath(QStringLiteral("swapped.stable"));
        {
            auto library = Library::open(path);
            QVERIFY(library.ok());
            auto before = checkWitness(*library.value());
            QVERIFY(before.ok() && !before->ok && before->known);
            QVERIFY(acceptWitness(*library.value()).ok());
        }
        const ProgramResult verify = runStablectl({QStringLiteral("verify"), path});
        QVERIFY2(verify.exitCode == 0, verify.said().constData());
    }

    void cleanupTestCase()
    {
        qInfo("tamper: %d cases tried, %d detected by stablectl verify (exit 1, the record named)", m_tried,
              m_detected);
        QCOMPARE(m_detected, m_tried);
    }
};

QTEST_GUILESS_MAIN(TestTamper)
#include "tst_tamper.moc"
