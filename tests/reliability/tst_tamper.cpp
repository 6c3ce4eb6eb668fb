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

// The guard triggers of the file (those that refuse a change), by name with their SQL.
QList<QPair<QString, QString>> guardTriggers(const QString& path)
{
    QList<QPair<QString, QString>> guards;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("guards"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE "
                                  "'%RAISE(ABORT%' ORDER BY name"));
            while (q.next())
                guards.append({q.value(0).toString(), q.value(1).toString()});
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("guards"));
    return guards;
}

enum class Guards { Restored, LeftDropped };

// As a tamperer would: the sqlite3 shell when installed, else a connection of our own; the guard
// triggers dropped first and, as a careful tamperer does, put back after (so that each case is found by
// what it changed, not by the missing guards).
bool shell(const QString& path, const QString& sql, Guards guards = Guards::Restored)
{
    const auto dropped = guardTriggers(path);
    QString script;
    for (const auto& trigger : dropped)
        script += QStringLiteral("DROP TRIGGER IF EXISTS %1;\n").arg(trigger.first);
    script += sql + QStringLiteral(";\n");
    if (guards == Guards::Restored)
        for (const auto& trigger : dropped)
            script += trigger.second + QStringLiteral(";\n");
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        return rawExec(path, script);
    const ProgramResult done = runProgram(sqlite3, {path, script}, 30000);
    return done.exitCode == 0 && done.err.isEmpty();
}

// One value read from the file (the id of the record a case tampers with).
QString valueOf(const QString& path, const QString& sql)
{
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    return value;
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
    const auto guards = guardTriggers(path);
    if (!shell(path, QStringLiteral("SELECT 1"), Guards::LeftDropped))
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
    for (const auto& guard : guards) // put back, as they were
        done = rawExec(path, guard.second) && done;
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

    QString m_demo; // a few months of demo history: every kind of record

    QString copyOfDemo(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QFile::copy(m_demo, path);
        return path;
    }
    // A copy of the demo library changed by `change` (its %1 the value `pick` reads), found and named.
    void tamperDemo(const char* name, const char* pickSql, const char* changeSql,
                    std::initializer_list<const char*> expected, Guards guards = Guards::Restored)
    {
        const QString path = copyOfDemo(QLatin1String(name) + QStringLiteral(".stable"));
        const QString pick = QString::fromUtf8(pickSql);
        const QString change = QString::fromUtf8(changeSql);
        const QString picked = pick.isEmpty() ? QString() : valueOf(path, pick);
        QVERIFY2(pick.isEmpty() || !picked.isEmpty(), qPrintable(pick));
        QVERIFY2(shell(path, pick.isEmpty() ? change : QString(change).replace(QStringLiteral("%1"), picked), guards),
                 qPrintable(change));
        QStringList words;
        for (const char* word : expected)
            words.append(QString::fromUtf8(word).replace(QStringLiteral("%1"), picked));
        expectNamed(path, words);
    }

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

        m_demo = m_dir.filePath(QStringLiteral("demo.stable"));
        const ProgramResult demo =
            runStablectl({QStringLiteral("demo"), m_demo, QStringLiteral("--months"), QStringLiteral("3")}, 120000);
        QVERIFY2(demo.exitCode == 0, demo.said().constData());
        const ProgramResult demoClean = runStablectl({QStringLiteral("verify"), m_demo});
        QVERIFY2(demoClean.exitCode == 0, demoClean.said().constData());
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

    // Every other table is reconciled with what the audit log last recorded for each row.
    void personPinHash()
    {
        tamperDemo("pin", "SELECT id FROM person ORDER BY rowid LIMIT 1",
                   "UPDATE person SET pin_hash = (SELECT pin_hash FROM person ORDER BY rowid DESC LIMIT 1) "
                   "WHERE id = '%1'",
                   {"Record person %1 was changed", "pin_hash_sha256: stored"});
    }
    void personLock()
    {
        tamperDemo("lock", "SELECT id FROM person ORDER BY rowid LIMIT 1",
                   "UPDATE person SET locked = 1, failed_attempts = 5 WHERE id = '%1'",
                   {"Record person %1 was changed", "locked: stored true, recorded false"});
    }
    void personName()
    {
        tamperDemo("name", "SELECT id FROM person ORDER BY rowid LIMIT 1",
                   "UPDATE person SET name = 'Mallory' WHERE id = '%1'",
                   {"Record person %1 was changed", "name: stored ‘Mallory’"});
    }
    void personRole()
    {
        tamperDemo("role", "SELECT id FROM person ORDER BY rowid LIMIT 1",
                   "UPDATE person SET role = 'auditor' WHERE id = '%1'",
                   {"Record person %1 was changed", "role: stored ‘auditor’"});
    }
    void runReopened()
    {
        tamperDemo("reopened", "SELECT id FROM run WHERE status = 'completed' ORDER BY rowid LIMIT 1",
                   "UPDATE run SET status = 'open', closed_at = NULL WHERE id = '%1'",
                   {"Record run %1 was changed", "status: stored ‘open’, recorded ‘completed’", "closed_at: stored ‘’"});
    }
    void runReopenedVoidedClosedAgain()
    {
        // Re-opened, a signature in it voided (with a void of its own making), closed again later.
        tamperDemo("reclosed",
                   "SELECT run_id FROM attestation WHERE outcome = 'pass' AND run_id IN (SELECT id FROM run WHERE "
                   "status = 'completed') ORDER BY rowid LIMIT 1",
                   "UPDATE run SET status = 'open', closed_at = NULL WHERE id = '%1'; INSERT INTO attestation_void "
                   "(id, attestation_id, reason, voided_by, voided_at, hash) SELECT 'aaaaaaaa-0000-4000-8000-"
                   "00000000000f', a.id, 'redo', a.signer_id, a.signed_at, 'x' FROM attestation a WHERE a.run_id = "
                   "'%1' ORDER BY a.rowid LIMIT 1; UPDATE run SET status = 'completed', closed_at = "
                   "'2031-01-01T00:00:00Z' WHERE id = '%1'",
                   {"Record run %1 was changed", "closed_at: stored ‘2031-01-01T00:00:00Z’"});
    }
    void runTitle()
    {
        tamperDemo("title", "SELECT id FROM run ORDER BY rowid LIMIT 1",
                   "UPDATE run SET title = 'Nothing to see' WHERE id = '%1'",
                   {"Record run %1 was changed", "title: stored ‘Nothing to see’"});
    }
    void runLessons()
    {
        tamperDemo("lessons", "SELECT id FROM run WHERE status <> 'open' ORDER BY rowid LIMIT 1",
                   "UPDATE run SET lessons = 'all fine' WHERE id = '%1'",
                   {"Record run %1 was changed", "lessons: stored ‘all fine’"});
    }
    void runKind()
    {
        tamperDemo("kind", "SELECT id FROM run WHERE kind <> 'plan' ORDER BY rowid LIMIT 1",
                   "UPDATE run SET kind = 'plan' WHERE id = '%1'",
                   {"Record run %1 was changed", "kind: stored ‘plan’"});
    }
    void runPlannedStart()
    {
        tamperDemo("planned", "SELECT id FROM run ORDER BY rowid LIMIT 1",
                   "UPDATE run SET planned_start = '2020-01-01T00:00:00Z' WHERE id = '%1'",
                   {"Record run %1 was changed", "planned_start: stored ‘2020-01-01T00:00:00Z’"});
    }
    void runRollbackPoint()
    {
        tamperDemo("rollback", "SELECT id FROM run ORDER BY rowid LIMIT 1",
                   "UPDATE run SET rollback_point = '2020-01-02T00:00:00Z' WHERE id = '%1'",
                   {"Record run %1 was changed", "rollback_point: stored ‘2020-01-02T00:00:00Z’"});
    }
    void incidentTitle()
    {
        tamperDemo("incident-title", "SELECT id FROM incident ORDER BY number LIMIT 1",
                   "UPDATE incident SET title = 'A minor glitch' WHERE id = '%1'",
                   {"Record incident %1 was changed", "title: stored ‘A minor glitch’"});
    }
    void incidentStatus()
    {
        tamperDemo("incident-status", "SELECT id FROM incident WHERE status <> 'verified' ORDER BY number LIMIT 1",
                   "UPDATE incident SET status = 'verified', verified_at = '2030-01-01T00:00:00Z' WHERE id = '%1'",
                   {"Record incident %1 was changed", "status: stored ‘verified’"});
    }
    void incidentWhy()
    {
        tamperDemo("why", "SELECT incident_id FROM incident_why ORDER BY incident_id, position LIMIT 1",
                   "UPDATE incident_why SET text = 'nobody knows' WHERE incident_id = '%1' AND position = (SELECT "
                   "min(position) FROM incident_why WHERE incident_id = '%1')",
                   {"Record incident %1 was changed", "whys: stored [\"nobody knows\""});
    }
    void incidentDeleted()
    {
        tamperDemo("incident-deleted", "SELECT id FROM incident ORDER BY number DESC LIMIT 1",
                   "DELETE FROM incident_why WHERE incident_id = '%1'; DELETE FROM rework WHERE incident_id = '%1'; "
                   "UPDATE rework SET incident_id = NULL WHERE incident_id = '%1'; DELETE FROM revision_answer "
                   "WHERE incident_id = '%1'; DELETE FROM incident WHERE id = '%1'",
                   {"Record incident %1 is missing", "deleted behind Stable's back"});
    }
    void reworkAllDeleted()
    {
        tamperDemo("rework", "SELECT id FROM rework ORDER BY rowid LIMIT 1", "DELETE FROM rework",
                   {"Record rework %1 is missing", "rework.add"});
    }
    void teamHoursTimesTen()
    {
        tamperDemo("team-hours", "SELECT month FROM team_hours ORDER BY month LIMIT 1",
                   "UPDATE team_hours SET hours = hours * 10 WHERE month = '%1'",
                   {"Record team_hours %1 was changed", "hours: stored"});
    }
    void hourlyRate()
    {
        tamperDemo("rate", "SELECT value FROM setting WHERE key = 'hourly-rate'",
                   "UPDATE setting SET value = '1' WHERE key = 'hourly-rate'",
                   {"Record setting hourly-rate was changed", "value: stored ‘1’, recorded ‘%1’"});
    }
    void revisionAnswer()
    {
        tamperDemo("answer", "SELECT revision_id FROM revision_answer ORDER BY revision_id LIMIT 1",
                   "DELETE FROM revision_answer WHERE revision_id = '%1'",
                   {"Record revision %1 was changed", "answers (revision_answer): stored []"});
    }
    void draftStep()
    {
        tamperDemo("step", "SELECT id FROM step ORDER BY rowid LIMIT 1",
                   "UPDATE step SET name = 'Skipped', planned_hours = 99 WHERE id = '%1'",
                   {"Record step %1 was changed", "name: stored ‘Skipped’", "planned_hours: stored 99"});
    }
    void draftCheck()
    {
        tamperDemo("check", "SELECT id FROM quality_check WHERE critical = 1 ORDER BY rowid LIMIT 1",
                   "UPDATE quality_check SET critical = 0 WHERE id = '%1'",
                   {"Record quality_check %1 was changed", "critical: stored false, recorded true"});
    }
    void derivedStepMonth()
    {
        tamperDemo("derived-fpy", "SELECT step_id FROM derived_step_month WHERE first_pass < closed_runs LIMIT 1",
                   "UPDATE derived_step_month SET first_pass = closed_runs WHERE step_id = '%1'; UPDATE "
                   "derived_step_total SET first_pass = closed_runs WHERE step_id = '%1'",
                   {"Derived table derived_step_month (step, month, stream: %1", "Derived table derived_step_total"});
    }
    void derivedRework()
    {
        tamperDemo("derived-rework", {}, "UPDATE derived_rework_month SET hours = hours / 10",
                   {"Derived table derived_rework_month", "holds a row the records do not give"});
    }
    void derivedIncidentAnswer()
    {
        tamperDemo("derived-answer", "SELECT incident_id FROM derived_incident_answer ORDER BY number LIMIT 1",
                   "DELETE FROM derived_incident_answer WHERE incident_id = '%1'",
                   {"Derived table derived_incident_answer (incident: %1)", "lacks or differs"});
    }
    void guardDropped()
    {
        tamperDemo("guard-dropped", {}, "SELECT 1", {"The trigger attestation_append_only_u is missing"},
                   Guards::LeftDropped);
    }
    void guardAltered()
    {
        tamperDemo("guard-altered", {},
                   "DROP TRIGGER derived_run_month_on_insert; CREATE TRIGGER derived_run_month_on_insert AFTER "
                   "INSERT ON run BEGIN SELECT 1; END",
                   {"The trigger derived_run_month_on_insert was altered"});
    }
    // Item 16: the library's identity is bound into the chain.
    void libraryIdChanged()
    {
        tamperDemo("identity", "SELECT id FROM local_library",
                   "UPDATE local_library SET id = 'aaaaaaaa-0000-4000-8000-00000000abcd'",
                   {"Record local_library was changed", "stored ‘aaaaaaaa-0000-4000-8000-00000000abcd’, recorded ‘%1’"});
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
