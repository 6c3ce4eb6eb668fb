// verify's fast path (UTF-8 bytes straight from SQLite, hashed texts built by hand) against the exact
// one (values as Qt reads them, the writers' own hash functions): the same bytes hashed, the same report
// with the scans on two connections in parallel or one after the other, the same first problem.
#include "audit.h"
#include "fixtures.h"
#include "integrity.h"
#include "integrityscan.h"
#include "rawsqlite.h"
#include "revisions.h"
#include "runrecords.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"
#include "verifyhash.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <limits>
#include <sqlite3.h>

using namespace stable;
using namespace stable::test;

namespace {

// Text a person could type or paste, and text only a tamperer would store.
QStringList oddTexts()
{
    return {QString(), QStringLiteral("plain"), QStringLiteral("Prüfung – größer als 5 €"),
            QStringLiteral("日本語のテキスト"), QStringLiteral("emoji 😀 and 𝄞"),
            QStringLiteral("quote \" and 'single'"), QStringLiteral("back\\slash \\u0041"),
            QStringLiteral("tab\tnew\nline\rcr"), QStringLiteral("bell \x07 unit \x1f del \x7f"),
            QString(QStringLiteral("nul ")) + QChar(0) + QStringLiteral(" inside"),
            // Not at the start: SQLite's sqlite3_bind_text16 (Qt's driver) drops a leading byte order mark.
            QStringLiteral("a byte order mark ") + QChar(0xFEFF) + QStringLiteral(" inside"),
            QStringLiteral("slash / </script> \u2028 separator"),
            QStringLiteral("{\"hash\":\"not this one\"}")};
}

// The odd texts the product itself stores: control characters other than in multi-line fields are
// refused on the way in (README "Field bounds"), so only a tamperer could store those.
QStringList storableTexts()
{
    QStringList storable;
    for (const QString& text : oddTexts()) {
        const bool control = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
            return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f);
        });
        if (!control)
            storable << text;
    }
    return storable;
}

// Runs statements straight on the file, several at once and with pragmas (rawExec runs one).
bool tamperWith(const QString& path, const QString& statements)
{
    sqlite3* db = nullptr;
    bool ok = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
              sqlite3_exec(db, statements.toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok)
        qWarning("%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return ok;
}

qint64 countRows(const QString& path, const char* table)
{
    sqlite3* db = nullptr;
    sqlite3_stmt* statement = nullptr;
    qint64 rows = -1;
    const std::string sql = std::string("SELECT count(*) FROM ") + table;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        rows = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

std::string utf8(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

// `text` as appendJsonString writes it, in a JSON array.
QByteArray jsonArrayOf(const QString& text)
{
    Bytes json;
    json += '[';
    appendJsonString(json, utf8(text));
    json += ']';
    return QByteArray(json.view().data(), static_cast<qsizetype>(json.size()));
}

QString reportText(const VerifyReport& report)
{
    return QStringLiteral("ok=%1 events=%2 attestations=%3 voids=%4 revisions=%5 head=%6\n%7")
        .arg(report.ok)
        .arg(report.events)
        .arg(report.attestations)
        .arg(report.voids)
        .arg(report.revisions)
        .arg(report.headHash, report.problems.join(QLatin1Char('\n')));
}

// A library whose every text field is odd, written through the product.
struct OddHistory
{
    TempLibrary lib;
    Signer alice = lib.signer(QStringLiteral("Älice ☃"), QStringLiteral("AL"));
    Signer bob = lib.signer(QStringLiteral("Bob \"B\""), QStringLiteral("BO"));

    OddHistory()
    {
        ValueStream stream = sampleProcess();
        const QStringList odd = storableTexts();
        int n = 0;
        for (Step& step : stream.steps) {
            step.name = odd.at(2 + n % (odd.size() - 2));
            for (QualityCheck& check : step.checks)
                check.statement = odd.at(2 + n++ % (odd.size() - 2)) + QStringLiteral(" check");
        }
        if (auto imported = importProcess(*lib, stream); !imported.ok())
            qFatal("%s", qPrintable(imported.message()));
        auto revision = publish(*lib, alice, PublishRequest{QStringLiteral("release"), odd.at(4), {}});
        if (!revision.ok())
            qFatal("%s", qPrintable(revision.message()));
        for (int r = 0; r < 3; ++r) {
            auto run = startRun(*lib, StartRun{QStringLiteral("release"), odd.at(2 + r), RunKind::Release, 0,
                                               std::nullopt, std::nullopt});
            if (!run.ok())
                qFatal("%s", qPrintable(run.message()));
            if (r == 1) {
                auto failed = sign(*lib, bob,
                                   SignRequest{run->id,
                                               run->items.at(0).ref(),
                                               Outcome::Fail,
                                               Meaning::Verified,
                                               {},
                                               odd.at(6),
                                               std::nullopt});
                if (!failed.ok() || !voidAttestation(*lib, alice, run->id, failed->id, odd.at(7)).ok())
                    qFatal("the void failed");
            }
            for (int i = 0; i < run->items.size(); ++i) {
                SignRequest request;
                request.run = run->id;
                request.item = run->items.at(i).ref();
                request.outcome = i == 1 ? Outcome::NotApplicable : Outcome::Pass;
                request.note = odd.at(1 + (i + r) % (odd.size() - 1));
                request.evidence = odd.at((i * 3 + r) % odd.size());
                auto signedOne = sign(*lib, alice, request);
                if (!signedOne.ok())
                    qFatal("%s", qPrintable(signedOne.message()));
                if (run->items.at(i).critical)
                    (void)sign(*lib, bob, request);
            }
        }
        // A run nothing was signed in yet: its items are read for the runs check alone.
        if (auto open = startRun(*lib, StartRun{QStringLiteral("release"), odd.at(5), RunKind::Release, 0,
                                                std::nullopt, std::nullopt});
            !open.ok())
            qFatal("%s", qPrintable(open.message()));
        lib.close();
    }
};

// Tampers as someone with the sqlite3 shell would: triggers and CHECK constraints out of the way first.
void tamper(const QString& path, const QString& statement)
{
    // The guards are put back afterwards, so that each case is found by what it changed.
    QStringList guards;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("guards"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%'"));
            while (q.next())
                guards.append(q.value(0).toString() + QLatin1Char(';'));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("guards"));
    QString script = QStringLiteral("PRAGMA ignore_check_constraints = ON;");
    for (const char* trigger : {"attestation_append_only_u", "attestation_append_only_d",
                                "void_append_only_u", "void_append_only_d", "revision_immutable_u",
                                "revision_immutable_d", "audit_append_only_u", "audit_append_only_d"})
        script += QStringLiteral("DROP TRIGGER IF EXISTS %1;").arg(QLatin1String(trigger));
    if (!tamperWith(path, script + statement + QLatin1Char(';') + guards.join(QString())))
        qFatal("tampering failed: %s", qPrintable(statement));
}

VerifyReport verifyFile(const QString& path, const verify::VerifyOptions& options)
{
    auto opened = Library::open(path);
    if (!opened.ok())
        qFatal("%s", qPrintable(opened.message()));
    auto verdict = verify::verifyLibraryWith(*opened.value(), options);
    if (!verdict.ok())
        qFatal("%s", qPrintable(verdict.message()));
    return verdict.value();
}

} // namespace

class TestVerifyFast : public QObject
{
    Q_OBJECT
    std::unique_ptr<OddHistory> m_pristine;
    // Written once; every tampering works on a copy.
    OddHistory& pristine()
    {
        if (!m_pristine)
            m_pristine = std::make_unique<OddHistory>();
        return *m_pristine;
    }

private slots:
    void hashedFieldsAreTheWritersBytes()
    {
        for (const QString& text : oddTexts()) {
            QByteArray written;
            appendHashField(written, text);
            appendHashField(written, QString::number(-42));
            HashText fast;
            fast.field(utf8(text));
            fast.field(qint64{-42});
            QCOMPARE(QByteArray(fast.bytes().data(), static_cast<qsizetype>(fast.bytes().size())), written);
            QCOMPARE(latin1(view(fast.sha256())), sha256Hex(written));
        }
    }

    void jsonIsWrittenAsQJsonDocumentWritesIt()
    {
        for (const QString& text : oddTexts()) {
            QCOMPARE(jsonArrayOf(text), QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact));
        }
        // Positions are written as integers, never in exponent form.
        for (const int position : {0, 7, 1000000, -3, std::numeric_limits<int>::max()}) {
            const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("position"), position}})
                                        .toJson(QJsonDocument::Compact);
            QCOMPARE(json, QByteArray("{\"position\":") + QByteArray::number(position) + '}');
        }
    }

    // Texts are searched sixteen bytes at a time (eight where there is no SSE2): whatever must be escaped is
    // found wherever it falls.
    void escapesAreFoundAtEveryOffset()
    {
        auto connection = RawConnection::openReadOnly(QStringLiteral(":memory:"));
        QVERIFY2(connection.ok(), qPrintable(connection.message()));
        RawQuery extract;
        QVERIFY(extract.prepare(*connection.value(), "SELECT json_extract(?1, '$.hash')").ok());
        const QList<QChar> odd = {QLatin1Char('"'), QLatin1Char('\\'), QChar(0x01),
                                  QChar(0x1f),      QLatin1Char('\n'), QChar(0x7f),
                                  QChar(0xe9),      QChar(0x20),       QChar(0x2028)};
        for (const QChar c : odd) {
            for (int at = 0; at < 36; ++at) {
                for (int after = 0; after < 10; ++after) {
                    const QString text = QString(at, QLatin1Char('x')) + c + QString(after, QLatin1Char('y'));
                    QCOMPARE(jsonArrayOf(text),
                             QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact));
                    const QString document = canonicalJson(
                        QJsonObject{{QStringLiteral("note"), text}, {QStringLiteral("hash"), text}});
                    std::string_view value;
                    const std::string bytes = utf8(document);
                    const JsonMember member = jsonStringMember(bytes, "hash", value);
                    if (member == JsonMember::Unsure)
                        continue;
                    extract.reset();
                    extract.bind(1, document);
                    auto row = extract.next();
                    QVERIFY2(row.ok() && row.value(), qPrintable(document));
                    QCOMPARE(member, JsonMember::Found);
                    QCOMPARE(extract.value(0).toString(), latin1(value));
                }
            }
        }
    }

    void aJsonMemberIsReadOnlyWhenCertain()
    {
        Attestation a;
        a.id = QStringLiteral("a1");
        a.hash = QString(64, QLatin1Char('f'));
        QStringList documents;
        for (const QString& text : oddTexts()) {
            a.note = text;
            a.evidence = text;
            documents << canonicalJson(attestationJson(a));
        }
        documents << QStringLiteral("{\"hash\":\"abc\"}") << QStringLiteral("{}")
                  << QStringLiteral("{\"a\":1,\"b\":true,\"c\":null}") << QStringLiteral("{\"hash\":5}")
                  << QStringLiteral("{\"hash\":\"a\\\"b\"}")
                  << QStringLiteral("{\"hash\":\"x\",\"hash\":\"y\"}") << QStringLiteral("{ \"hash\":\"x\"}")
                  << QStringLiteral("{\"hash\":\"x\"} ") << QString() << QStringLiteral("not json")
                  << QStringLiteral("{\"a\":{\"hash\":\"n\"}}") << QStringLiteral("{\"a\":-1,\"hash\":\"x\"}")
                  << QStringLiteral("{\"a\":1.5,\"hash\":\"x\"}")
                  << QStringLiteral("{\"a\":01,\"hash\":\"x\"}")
                  << QStringLiteral("{\"a\":\"\x01\",\"hash\":\"x\"}")
                  << QStringLiteral("{\"h\\u0061sh\":\"x\"}") << QStringLiteral("{\"hash\":\"é\"}")
                  << QStringLiteral("{\"hash\":\"x\",}");
        auto connection = RawConnection::openReadOnly(QStringLiteral(":memory:"));
        QVERIFY2(connection.ok(), qPrintable(connection.message()));
        RawQuery extract;
        QVERIFY(extract.prepare(*connection.value(), "SELECT json_extract(?1, '$.hash')").ok());
        int certain = 0;
        for (const QString& document : std::as_const(documents)) {
            std::string_view value;
            const std::string bytes = utf8(document);
            const JsonMember member = jsonStringMember(bytes, "hash", value);
            if (member == JsonMember::Unsure)
                continue;
            ++certain;
            extract.reset();
            extract.bind(1, document);
            auto row = extract.next();
            QVERIFY2(row.ok() && row.value(), qPrintable(document));
            if (member == JsonMember::Found)
                QCOMPARE(extract.value(0).toString(), latin1(value));
            else
                QVERIFY2(extract.value(0).isNull(), qPrintable(document));
        }
        // Every attestation Stable writes is read without asking SQLite.
        QVERIFY(certain >= oddTexts().size() + 3);
    }

    void rawValuesAreWhatQtReads()
    {
        TempLibrary lib;
        lib.close();
        QVERIFY(tamperWith(lib.path(),
                           QStringLiteral("CREATE TABLE odd (v); INSERT INTO odd VALUES (1), (-5), "
                                          "(4294967297), (2.5), (1e300), ('text'), "
                                          "('Prüfung 😀'), (X'00ff41'), (NULL), (''), (CAST(X'C328' AS "
                                          "TEXT)), (CAST(X'EFBBBF41' AS TEXT)), "
                                          "(CAST(X'F0808080' AS TEXT)), (CAST(X'6100620a' AS TEXT))")));
        lib.reopen();
        auto qt = execSql(lib->db(), QStringLiteral("SELECT v FROM odd ORDER BY rowid"));
        QVERIFY(qt.ok());
        auto connection = RawConnection::openReadOnly(lib.path());
        QVERIFY(connection.ok());
        RawQuery raw;
        QVERIFY(raw.prepare(*connection.value(), "SELECT v FROM odd ORDER BY rowid").ok());
        int rows = 0;
        while (qt->next()) {
            auto row = raw.next();
            QVERIFY(row.ok() && row.value());
            const QVariant expected = qt->value(0);
            const QVariant actual = raw.value(0);
            QCOMPARE(actual.typeId(), expected.typeId());
            QCOMPARE(actual.isNull(), expected.isNull());
            QCOMPARE(actual, expected);
            QCOMPARE(actual.toString(), expected.toString());
            ++rows;
        }
        QCOMPARE(rows, 14);
    }

    void anOddButIntactLibraryVerifiesOnTheFastPath()
    {
        const QString path = pristine().lib.path();
        verify::VerifyStats stats{-1, false};
        const VerifyReport fast = verifyFile(path, {true, true, &stats});
        QVERIFY2(fast.ok, qPrintable(reportText(fast)));
        // The fast path vouched for every row: its hashed bytes were the writers' bytes, odd text and all.
        QCOMPARE(stats.exactRows, 0);
        QVERIFY(stats.parallel);
        QCOMPARE(fast.voids, 1);
        QVERIFY(fast.attestations > 10);
        const VerifyReport exact = verifyFile(path, {false, false, nullptr});
        QCOMPARE(reportText(fast), reportText(exact));
    }

    // The first try cuts the chain into parts checked at once; however it is cut, it vouches for an
    // intact library with the report the scans give.
    void theIntactLibraryIsVouchedForInParts()
    {
        const QString path = pristine().lib.path();
        verify::VerifyStats scanned;
        const VerifyReport scans = verifyFile(path, {true, true, &scanned, false});
        QCOMPARE(scanned.parts, 0);
        QVERIFY(scans.ok);
        for (const qint64 parts : {qint64(0), qint64(1), qint64(2), qint64(3), qint64(7), scans.events}) {
            verify::VerifyStats stats;
            const VerifyReport inParts = verifyFile(path, {true, true, &stats, true, parts});
            QCOMPARE(stats.parts, parts == 0 ? std::min<qint64>(8, scans.events) : parts);
            QCOMPARE(stats.exactRows, 0);
            QCOMPARE(reportText(inParts), reportText(scans));
        }
    }

    // Every record is some part's: a change anywhere makes the parts doubt, wherever the cuts fall, and
    // the report is the scans'.
    void noRecordFallsBetweenTheParts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tampered.stable"));
        const auto rows = [&](const char* table) { return countRows(pristine().lib.path(), table); };
        const qint64 events = rows("audit_event");
        QStringList statements;
        for (qint64 seq = 1; seq <= events; ++seq) {
            statements << QStringLiteral("UPDATE audit_event SET why = why || '.' WHERE seq = %1").arg(seq);
            statements << QStringLiteral("DELETE FROM audit_event WHERE seq = %1").arg(seq);
        }
        for (qint64 row = 1; row <= rows("attestation"); ++row)
            statements
                << QStringLiteral("UPDATE attestation SET note = note || '.' WHERE rowid = %1").arg(row);
        for (qint64 row = 1; row <= rows("run_item"); ++row)
            statements
                << QStringLiteral("UPDATE run_item SET step_key = step_key || '.' WHERE rowid = %1").arg(row);
        QVERIFY2(events > 20 && statements.size() > 2 * events + 30,
                 qPrintable(QString::number(statements.size())));
        for (const QString& statement : std::as_const(statements)) {
            QFile::remove(path);
            QVERIFY(QFile::copy(pristine().lib.path(), path));
            tamper(path, statement);
            const VerifyReport scans = verifyFile(path, {true, true, nullptr, false});
            QVERIFY2(!scans.ok, qPrintable(statement));
            for (const qint64 parts : {qint64(3), events}) {
                verify::VerifyStats stats;
                const VerifyReport inParts = verifyFile(path, {true, true, &stats, true, parts});
                QVERIFY2(stats.parts == 0, qPrintable(statement));
                QCOMPARE(reportText(inParts), reportText(scans));
            }
        }
    }

    void tamperingGetsTheSameReportEitherWay_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("expected"); // in the first problem; empty: verify passes
        QTest::newRow("changed note")
            << QStringLiteral("UPDATE attestation SET note = 'fine' WHERE rowid = 3")
            << QStringLiteral("was changed after signing");
        QTest::newRow("note not UTF-8")
            << QStringLiteral("UPDATE attestation SET note = CAST(X'C328' AS TEXT) WHERE rowid = 2")
            << QStringLiteral("was changed after signing");
        QTest::newRow("note as a blob")
            << QStringLiteral("UPDATE attestation SET note = CAST(note AS BLOB) WHERE rowid = 4")
            << QString();
        QTest::newRow("attempt out of range")
            << QStringLiteral("UPDATE attestation SET attempt = attempt + 4294967296 WHERE rowid = 5")
            << QString();
        // Qt reads ' 1 ' as 1: the exact path says intact, and so must the fast one.
        QTest::newRow("attempt as text")
            << QStringLiteral("UPDATE attestation SET attempt = ' ' || attempt || ' ' WHERE rowid = 5")
            << QString();
        QTest::newRow("attempt not a number")
            << QStringLiteral("UPDATE attestation SET attempt = attempt || 'x' WHERE rowid = 5")
            << QStringLiteral("was changed after signing");
        QTest::newRow("outcome outside the words")
            << QStringLiteral("UPDATE attestation SET outcome = 'PASS' WHERE rowid = 1")
            << QStringLiteral("was changed after signing");
        QTest::newRow("deleted attestation") << QStringLiteral("DELETE FROM attestation WHERE rowid = 2")
                                             << QStringLiteral("is missing: it was deleted");
        QTest::newRow("inserted attestation")
            << QStringLiteral(
                   "INSERT INTO attestation SELECT 'aaaaaaaa-0000-4000-8000-000000000001', run_id, item_id, "
                   "attempt, outcome, signer_id, meaning, signed_at, recorded_at, note, evidence, hash "
                   "FROM attestation WHERE rowid = 1")
            << QStringLiteral("has no audit record");
        QTest::newRow("reordered attestations")
            << QStringLiteral("UPDATE attestation SET rowid = rowid + 1000 WHERE rowid = 2") << QString();
        QTest::newRow("moved attestation")
            << QStringLiteral("UPDATE attestation SET run_id = (SELECT id FROM run ORDER BY rowid DESC LIMIT "
                              "1) WHERE rowid = 3")
            << QStringLiteral("moved");
        QTest::newRow("edited audit event")
            << QStringLiteral("UPDATE audit_event SET why = 'nothing to see' WHERE seq = 5")
            << QStringLiteral("Audit event 5");
        QTest::newRow("audit text not UTF-8")
            << QStringLiteral("UPDATE audit_event SET why = CAST(X'FF' AS TEXT) WHERE seq = 7")
            << QStringLiteral("Audit event 7");
        QTest::newRow("audit hash as a blob")
            << QStringLiteral("UPDATE audit_event SET hash = CAST(hash AS BLOB) WHERE seq = 8") << QString();
        QTest::newRow("deleted audit event") << QStringLiteral("DELETE FROM audit_event WHERE seq = 6")
                                             << QStringLiteral("Audit events 6 to 6 are missing");
        QTest::newRow("sign event recorded another hash")
            << QStringLiteral(
                   "UPDATE audit_event SET after = replace(after, '\"hash\":\"', '\"hash\":\"0') "
                   "WHERE seq = (SELECT max(seq) FROM audit_event WHERE action = 'attestation.sign')")
            << QStringLiteral("Audit event");
        QTest::newRow("sign event JSON malformed")
            << QStringLiteral(
                   "UPDATE audit_event SET after = '{' WHERE seq = (SELECT min(seq) FROM audit_event "
                   "WHERE action = 'attestation.sign')")
            << QStringLiteral("Audit event");
        // The statement is signed too: its attestation is named first, the run after it.
        QTest::newRow("changed run item")
            << QStringLiteral("UPDATE run_item SET statement = 'Anything goes' WHERE rowid = 4")
            << QStringLiteral("was changed after signing");
        QTest::newRow("changed run item name")
            << QStringLiteral("UPDATE run_item SET step_name = 'Anything' WHERE rowid = 4")
            << QStringLiteral("items of run");
        QTest::newRow("run item stage outside the words")
            << QStringLiteral(
                   "UPDATE run_item SET stage = 'bogus' WHERE stage = 'exit' AND rowid = (SELECT min(rowid) "
                   "FROM run_item WHERE stage = 'exit')")
            << QString();
        QTest::newRow("run item position as text")
            << QStringLiteral("UPDATE run_item SET position = CAST(position AS TEXT) || 'x' WHERE rowid = 2")
            << QStringLiteral("items of run");
        QTest::newRow("run item reordered")
            << QStringLiteral("UPDATE run_item SET position = 99 WHERE rowid = 1")
            << QStringLiteral("items of run");
        // The runs are read on the chain's connection once the chain is done.
        QTest::newRow("inserted run")
            << QStringLiteral(
                   "INSERT INTO run (id, stream_id, revision_id, title, kind, started_at) "
                   "SELECT 'r-behind', stream_id, revision_id, 'Behind the back', kind, started_at "
                   "FROM run LIMIT 1")
            << QStringLiteral("Run r-behind (‘Behind the back’) has no audit record");
        QTest::newRow("run id as a blob")
            << QStringLiteral(
                   "PRAGMA foreign_keys = OFF; UPDATE run SET id = CAST(id AS BLOB) WHERE rowid = 2")
            << QStringLiteral("has no audit record");
        QTest::newRow("deleted void") << QStringLiteral("DELETE FROM attestation_void")
                                      << QStringLiteral("the signature it voided stands again");
        QTest::newRow("changed revision")
            << QStringLiteral("UPDATE revision SET reason = 'Approved by the board'")
            << QStringLiteral("was changed after it was published");
        QTest::newRow("everything at once")
            << QStringLiteral("UPDATE run_item SET statement = 'x' WHERE rowid = 1; "
                              "UPDATE attestation SET note = 'y' WHERE rowid = 2; "
                              "UPDATE audit_event SET why = 'z' WHERE seq = 9")
            << QStringLiteral("Audit event 9");
    }

    void tamperingGetsTheSameReportEitherWay()
    {
        QFETCH(QString, statement);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tampered.stable"));
        QVERIFY(QFile::copy(pristine().lib.path(), path));
        tamper(path, statement);
        const VerifyReport exact = verifyFile(path, {false, false, nullptr});
        verify::VerifyStats stats;
        const VerifyReport parallel = verifyFile(path, {true, true, &stats});
        QVERIFY(stats.parallel);
        const VerifyReport sequential = verifyFile(path, {true, false, nullptr});
        verify::VerifyStats inParts;
        const VerifyReport eventByEvent = verifyFile(path, {true, true, &inParts, true, exact.events});
        // The parts only ever vouch for an intact chain, attestations and runs (voids and revisions are
        // read the exact way either way); what they doubt, the scans word.
        if (inParts.parts > 0)
            for (const QString& problem : exact.problems)
                QVERIFY2(problem.startsWith(QLatin1String("Void ")) ||
                             problem.startsWith(QLatin1String("Revision ")) ||
                             problem.startsWith(QLatin1String("Derived table")),
                         qPrintable(problem));
        QCOMPARE(reportText(eventByEvent), reportText(exact));
        QCOMPARE(reportText(verifyFile(path, {true, true, nullptr, false})), reportText(exact));
        QCOMPARE(reportText(parallel), reportText(exact));
        QCOMPARE(reportText(sequential), reportText(exact));
        QCOMPARE(reportText(verifyFile(path, {false, true, nullptr})), reportText(exact));
        QVERIFY2(expected.isEmpty() == parallel.ok, qPrintable(reportText(parallel)));
        QVERIFY2(parallel.firstProblem.contains(expected), qPrintable(reportText(parallel)));
    }
};

QTEST_GUILESS_MAIN(TestVerifyFast)
#include "tst_verifyfast.moc"
