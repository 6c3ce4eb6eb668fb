// verify reconciles every table with the audit log: a row changed, inserted or deleted behind the product's
// back is named with the field and both values; the fast path and the exact path agree; the library's
// identity is bound into the chain; what the log does not describe is "not covered", not a failure.
#include "audit.h"
#include "demo.h"
#include "integrity.h"
#include "integrityscan.h"
#include "libraryjson.h"
#include "sql.h"
#include "testlibrary.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QString valueOf(Library& library, const QString& sql)
{
    auto query = execSql(library.db(), sql);
    if (!query.ok() || !query->next())
        return QString();
    return query->value(0).toString();
}

VerifyReport verified(Library& library, bool fastPaths = true)
{
    verify::VerifyOptions options;
    options.fastPaths = fastPaths;
    options.parallel = fastPaths;
    options.inParts = fastPaths;
    auto report = verify::verifyLibraryWith(library, options);
    if (!report.ok())
        qFatal("%s", qPrintable(report.message()));
    return report.value();
}

// The witness folder of one test, put back when it ends.
struct WitnessIn
{
    explicit WitnessIn(const QString& folder)
        : saved(qgetenv("STABLE_WITNESS_DIR"))
    {
        qputenv("STABLE_WITNESS_DIR", folder.toUtf8());
    }
    ~WitnessIn() { qputenv("STABLE_WITNESS_DIR", saved); }
    QByteArray saved;
};

} // namespace

class TestReconcile : public QObject
{
    Q_OBJECT

private slots:
    void demoLibraryIsIntactBothWays()
    {
        TempLibrary lib;
        DemoOptions options;
        options.months = 2;
        QVERIFY(generateDemo(*lib, options).ok());
        for (const bool fast : {true, false}) {
            const VerifyReport report = verified(*lib, fast);
            QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char('\n'))));
            QVERIFY2(report.notCovered.isEmpty(), qPrintable(report.notCovered.join(QLatin1Char('\n'))));
        }
    }

    // Every kind of difference, the same words on the fast path (the parts, SQL first) and the exact path.
    void fastAndExactPathsAgree()
    {
        TempLibrary lib;
        DemoOptions options;
        options.months = 2;
        QVERIFY(generateDemo(*lib, options).ok());
        const QString run = valueOf(*lib, QStringLiteral("SELECT id FROM run WHERE status = 'completed' LIMIT 1"));
        const QString rework = valueOf(*lib, QStringLiteral("SELECT id FROM rework ORDER BY rowid LIMIT 1"));
        const QString incident = valueOf(*lib, QStringLiteral("SELECT incident_id FROM incident_why LIMIT 1"));
        const QString path = lib.path();
        lib.close();
        QVERIFY(rawExec(path, QStringLiteral("UPDATE run SET lessons = 'none' WHERE id = '%1'").arg(run)));
        QVERIFY(rawExec(path, QStringLiteral("UPDATE rework SET hours = hours * 10 WHERE id = '%1'").arg(rework)));
        QVERIFY(rawExec(path, QStringLiteral("UPDATE incident_why SET text = 'x' WHERE incident_id = '%1'").arg(incident)));
        QVERIFY(rawExec(path, QStringLiteral("INSERT INTO rework SELECT 'aaaaaaaa-0000-4000-8000-0000000000ee', date, "
                                             "hours, kind, stream_id, step_id, incident_id, run_id, note, created_at "
                                             "FROM rework WHERE id = '%1'")
                                  .arg(rework)));
        lib.reopen();
        const VerifyReport fast = verified(*lib, true);
        const VerifyReport exact = verified(*lib, false);
        QCOMPARE(fast.problems, exact.problems);
        const QString all = fast.problems.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("Record run %1 was changed behind Stable's back: lessons: stored ‘none’").arg(run)),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Record rework %1 was changed behind Stable's back: hours: stored").arg(rework)),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Record incident %1 was changed behind Stable's back: whys: stored [\"x\"")
                                  .arg(incident)),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Record rework aaaaaaaa-0000-4000-8000-0000000000ee has no audit record")),
                 qPrintable(all));
        // The triggers kept the summaries in step with those changes; one changed on its own is named.
        QVERIFY2(!all.contains(QStringLiteral("Derived table")), qPrintable(all));
        lib.close();
        QVERIFY(rawExec(path, QStringLiteral("UPDATE derived_run_items SET items = items + 1 WHERE run_id = '%1'").arg(run)));
        lib.reopen();
        const VerifyReport summaries = verified(*lib, true);
        QCOMPARE(summaries.problems, verified(*lib, false).problems);
        QVERIFY2(summaries.problems.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("Derived table derived_run_items (run: %1) holds a row").arg(run)),
                 qPrintable(summaries.problems.join(QLatin1Char('\n'))));
    }

    // A file whose log does not record its identity yet (an earlier build's, or one never written to) is
    // not covered there, not damaged; its next change records the identity first.
    void identityRecordedByTheFirstChange()
    {
        TempLibrary lib;
        VerifyReport before = verified(*lib);
        QVERIFY(before.ok);
        QCOMPARE(before.notCovered.size(), 1);
        QVERIFY(before.notCovered.first().contains(QStringLiteral("not in the audit log yet")));
        lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        QCOMPARE(valueOf(*lib, QStringLiteral("SELECT action || ' ' || entity_id FROM audit_event WHERE seq = 1")),
                 QStringLiteral("library.identity ") + lib->libraryId());
        const VerifyReport after = verified(*lib);
        QVERIFY2(after.ok, qPrintable(after.firstProblem));
        QVERIFY(after.notCovered.isEmpty());
    }

    // Item 16: the id that keys the witness is in the chain; a changed id breaks verify.
    void changedIdentityBreaksVerify()
    {
        TempLibrary lib;
        lib.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        const QString id = lib->libraryId();
        const QString path = lib.path();
        lib.close();
        QVERIFY(rawExec(path, QStringLiteral("UPDATE local_library SET id = 'aaaaaaaa-0000-4000-8000-00000000abcd'")));
        lib.reopen();
        const VerifyReport report = verified(*lib);
        QVERIFY(!report.ok);
        QVERIFY2(report.firstProblem.contains(QStringLiteral("Record local_library was changed")) &&
                     report.firstProblem.contains(id),
                 qPrintable(report.firstProblem));
    }

    // An imported library is a new file with an identity of its own, and the log says so.
    void importRecordsItsOwnIdentity()
    {
        TempLibrary source;
        source.signer(QStringLiteral("Alice"), QStringLiteral("AL"));
        auto document = exportLibrary(*source);
        QVERIFY2(document.ok(), qPrintable(document.message()));
        TempLibrary copy;
        const Status imported =
            importLibrary(*copy, QJsonDocument(document.value()).toJson(), QStringLiteral("source.json"));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QVERIFY(copy->libraryId() != source->libraryId());
        const VerifyReport report = verified(*copy);
        QVERIFY2(report.ok, qPrintable(report.firstProblem));
        QVERIFY(report.notCovered.isEmpty());
        const RecordedEvent last = lastAuditEvent(*copy);
        QCOMPARE(last.action, QStringLiteral("library.identity"));
        QCOMPARE(last.entityId, copy->libraryId());
        QCOMPARE(last.before.value(QStringLiteral("id")).toString(), source->libraryId());
    }

    // A copy used beside its original forks (library.fork, core/libraryfork.cpp): verify takes the fork's id
    // exactly as an identity event's, and nothing else; the id set back to the parent's, or the creation
    // time changed, is named with the fork's event.
    void aForkedCopysIdentityIsReconciledLikeAnyOther()
    {
        TempLibrary original;
        const WitnessIn witness(original.file(QStringLiteral("witness")));
        original.signer(QStringLiteral("Alice"), QStringLiteral("AL")); // the commit is witnessed here
        const QString parentId = original->libraryId();
        const QString copyPath = original.file(QStringLiteral("copy.stable"));
        QVERIFY(QFile::copy(original.path(), copyPath));
        {
            auto copy = Library::open(copyPath);
            QVERIFY2(copy.ok(), qPrintable(copy.message()));
            QCOMPARE(copy.value()->copyOf(), original.path());
            WriteTransaction transaction(*copy.value(), Change::None);
            QVERIFY(transaction.begin().ok());
            QVERIFY(transaction.commit().ok());
            const RecordedEvent last = lastAuditEvent(*copy.value());
            QCOMPARE(last.action, QStringLiteral("library.fork"));
            QVERIFY(last.entityId != parentId);
            QCOMPARE(copy.value()->libraryId(), last.entityId);
            for (const bool fast : {true, false}) {
                const VerifyReport report = verified(*copy.value(), fast);
                QVERIFY2(report.ok, qPrintable(report.firstProblem));
                QVERIFY(report.notCovered.isEmpty());
            }
        }
        const QString sets[] = {
            QStringLiteral("UPDATE local_library SET id = '%1'").arg(parentId),
            QStringLiteral("UPDATE local_library SET created_at = '2001-01-01T00:00:00Z'")};
        const QString words[] = {QStringLiteral("id: stored ‘%1’").arg(parentId),
                                 QStringLiteral("created_at: stored ‘2001-01-01T00:00:00Z’")};
        for (int i = 0; i < 2; ++i) {
            const QString tampered = original.file(QStringLiteral("tampered%1.stable").arg(i));
            QVERIFY(QFile::copy(copyPath, tampered));
            QVERIFY(rawExec(tampered, sets[i]));
            OpenOptions readOnly;
            readOnly.readOnly = true;
            auto opened = Library::open(tampered, readOnly);
            QVERIFY2(opened.ok(), qPrintable(opened.message()));
            for (const bool fast : {true, false}) {
                const VerifyReport report = verified(*opened.value(), fast);
                QVERIFY(!report.ok);
                QVERIFY2(report.firstProblem.contains(words[i]) &&
                             report.firstProblem.contains(QStringLiteral("library.fork")),
                         qPrintable(report.firstProblem));
            }
        }
    }

    // A guard trigger of the schema's own, dropped or changed, is named; so is a trigger of nobody's.
    void guardsAreTheMigrationsOwn()
    {
        TempLibrary lib;
        const QString path = lib.path();
        lib.close();
        QVERIFY(rawExec(path, QStringLiteral("DROP TRIGGER revision_immutable_d")));
        QVERIFY(rawExec(path, QStringLiteral("CREATE TRIGGER sneaky AFTER INSERT ON rework BEGIN SELECT 1; END")));
        lib.reopen();
        const VerifyReport report = verified(*lib);
        QVERIFY(!report.ok);
        const QString all = report.problems.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("The trigger revision_immutable_d is missing")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("The trigger sneaky was added")), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
