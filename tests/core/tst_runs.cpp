// Runs and signing: the invariants of proof (DESIGN.md §2), each refusal asserted with nothing written.
#include "fixtures.h"
#include "process.h"
#include "revisions.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

struct Counts
{
    qint64 attestations, voids, events, runs;
    bool operator==(const Counts& o) const
    {
        return attestations == o.attestations && voids == o.voids && events == o.events && runs == o.runs;
    }
};

Counts counts(Library& library)
{
    return {rowCount(library, QStringLiteral("attestation")), rowCount(library, QStringLiteral("attestation_void")),
            rowCount(library, QStringLiteral("audit_event")), rowCount(library, QStringLiteral("run"))};
}

SignRequest signing(const QString& run, const QString& item, Outcome outcome = Outcome::Pass)
{
    SignRequest request;
    request.run = run;
    request.item = item;
    request.outcome = outcome;
    return request;
}

const RunItem& itemOf(const Run& run, const QString& ref)
{
    for (const RunItem& item : run.items)
        if (item.ref() == ref)
            return item;
    qFatal("no item %s", qPrintable(ref));
}

} // namespace

class TestRuns : public QObject
{
    Q_OBJECT
private:
    // A library with Alice and Bob and the sample stream published; a run started.
    struct Scene
    {
        TempLibrary lib;
        Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        Signer bob = lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BO"));
        QString streamId = publishSample(*lib, alice);
        QString runId;
        Scene()
        {
            auto run = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("Release 4.2.0"),
                                               RunKind::Release, 0, std::nullopt, std::nullopt});
            if (!run.ok())
                qFatal("%s", qPrintable(run.message()));
            runId = run->id;
        }
        Run run() { return loadRun(*lib, runId).value(); }
    };

private slots:
    void startFreezesTheRevisionsChecks()
    {
        Scene scene;
        Run run = scene.run();
        QCOMPARE(run.revisionNumber, 1);
        QCOMPARE(run.items.size(), 4);
        QCOMPARE(run.items[0].ref(), QStringLiteral("build/tests"));
        QVERIFY(itemOf(run, QStringLiteral("deploy/go")).critical);
        QCOMPARE(run.status, RunStatus::Open);

        // Changing the draft does not change the run: it follows its revision.
        ValueStream draft = loadDraft(*scene.lib, QStringLiteral("release")).value();
        draft.steps[0].checks[0].statement = QStringLiteral("Changed in the draft");
        QVERIFY(importProcess(*scene.lib, draft).ok());
        QCOMPARE(scene.run().items[0].statement, QStringLiteral("All unit and integration tests pass on the tagged commit"));
    }

    void startRefusesAnUnpublishedStreamAndBadInput()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, sampleProcess()).ok());
        const Counts before = counts(*lib);
        auto unpublished = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("R1"), RunKind::Release, 0,
                                                   std::nullopt, std::nullopt});
        QVERIFY(!unpublished.ok());
        QVERIFY2(unpublished.message().contains(QStringLiteral("no published revision")), qPrintable(unpublished.message()));
        auto untitled = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("  "), RunKind::Release, 0,
                                                std::nullopt, std::nullopt});
        QVERIFY2(untitled.message().contains(QStringLiteral("needs a title")), qPrintable(untitled.message()));
        const QDateTime start = testEpoch();
        auto backwards = startRun(*lib, StartRun{QStringLiteral("release"), QStringLiteral("Plan"), RunKind::Plan, 0,
                                                 start, start.addSecs(-3600)});
        QVERIFY2(backwards.message().contains(QStringLiteral("before the planned start")), qPrintable(backwards.message()));
        auto unknown = startRun(*lib, StartRun{QStringLiteral("nope"), QStringLiteral("R"), RunKind::Release, 0,
                                               std::nullopt, std::nullopt});
        QCOMPARE(unknown.kind(), ErrorKind::NotFound);
        QVERIFY(counts(*lib) == before);
    }

    void aPassSignsTheItemOnce()
    {
        Scene scene;
        auto signedItem = sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests")));
        QVERIFY2(signedItem.ok(), qPrintable(signedItem.message()));
        QCOMPARE(signedItem->attempt, 1);
        QCOMPARE(signedItem->signedAt, QStringLiteral("2026-03-01T10:00:00Z"));
        QCOMPARE(itemOf(scene.run(), QStringLiteral("build/tests")).state, ItemState::Passed);

        const Counts before = counts(*scene.lib);
        auto again = sign(*scene.lib, scene.bob, signing(scene.runId, QStringLiteral("build/tests")));
        QVERIFY(!again.ok());
        QVERIFY2(again.message().contains(QStringLiteral("already passed")), qPrintable(again.message()));
        QVERIFY(counts(*scene.lib) == before);
    }

    void aCriticalItemNeedsTwoDifferentPeople()
    {
        Scene scene;
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("deploy/go"))).ok());
        QCOMPARE(itemOf(scene.run(), QStringLiteral("deploy/go")).state, ItemState::Open);

        const Counts before = counts(*scene.lib);
        auto twice = sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("deploy/go")));
        QVERIFY(!twice.ok());
        QVERIFY2(twice.message().contains(QStringLiteral("two different people")), qPrintable(twice.message()));
        QVERIFY(counts(*scene.lib) == before);

        SignRequest verified = signing(scene.runId, QStringLiteral("deploy/go"));
        verified.meaning = Meaning::Verified;
        QVERIFY(sign(*scene.lib, scene.bob, verified).ok());
        const RunItem go = itemOf(scene.run(), QStringLiteral("deploy/go"));
        QCOMPARE(go.state, ItemState::Passed);
        QCOMPARE(go.attestations.size(), 2);
        QCOMPARE(go.attestations[1].meaning, Meaning::Verified);
        QCOMPARE(go.attestations[1].signerName, QStringLiteral("Bob Builder"));
    }

    void aFailOpensANewAttemptAfterRework()
    {
        Scene scene;
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests"), Outcome::Fail)).ok());
        RunItem tests = itemOf(scene.run(), QStringLiteral("build/tests"));
        QCOMPARE(tests.state, ItemState::Failed);
        QCOMPARE(tests.attempt, 2);
        auto recheck = sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests")));
        QVERIFY(recheck.ok());
        QCOMPARE(recheck->attempt, 2);
        QCOMPARE(itemOf(scene.run(), QStringLiteral("build/tests")).state, ItemState::Passed);
    }

    void notApplicableNeedsAReason()
    {
        Scene scene;
        const Counts before = counts(*scene.lib);
        auto bare = sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/artifact"), Outcome::NotApplicable));
        QVERIFY(!bare.ok());
        QVERIFY2(bare.message().contains(QStringLiteral("needs a reason")), qPrintable(bare.message()));
        QVERIFY(counts(*scene.lib) == before);
        SignRequest withReason = signing(scene.runId, QStringLiteral("build/artifact"), Outcome::NotApplicable);
        withReason.note = QStringLiteral("No package in a config-only release");
        QVERIFY(sign(*scene.lib, scene.alice, withReason).ok());
        QCOMPARE(itemOf(scene.run(), QStringLiteral("build/artifact")).state, ItemState::NotApplicable);
    }

    void refusesUnknownItemsAndFutureDates()
    {
        Scene scene;
        const Counts before = counts(*scene.lib);
        auto unknown = sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("deploy/nope")));
        QCOMPARE(unknown.kind(), ErrorKind::NotFound);
        QVERIFY2(unknown.message().contains(QStringLiteral("deploy/nope")), qPrintable(unknown.message()));
        SignRequest future = signing(scene.runId, QStringLiteral("build/tests"));
        future.at = testEpoch().addDays(1);
        QVERIFY(!sign(*scene.lib, scene.alice, future).ok());
        QVERIFY(counts(*scene.lib) == before);
    }

    void aVoidIsANewRecordAndReopensTheItem()
    {
        Scene scene;
        auto first = sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests")));
        QVERIFY(first.ok());
        const Counts before = counts(*scene.lib);
        QVERIFY(!voidAttestation(*scene.lib, scene.bob, scene.runId, first->id, QStringLiteral(" ")).ok());
        QVERIFY(counts(*scene.lib) == before);

        auto voided = voidAttestation(*scene.lib, scene.bob, scene.runId, first->id, QStringLiteral("Signed the wrong run"));
        QVERIFY2(voided.ok(), qPrintable(voided.message()));
        RunItem tests = itemOf(scene.run(), QStringLiteral("build/tests"));
        QCOMPARE(tests.state, ItemState::Open);
        QCOMPARE(tests.attestations.size(), 1); // still there, marked voided
        QVERIFY(tests.attestations[0].voided);
        QCOMPARE(tests.attestations[0].voidReason, QStringLiteral("Signed the wrong run"));
        QCOMPARE(tests.attestations[0].voidedByName, QStringLiteral("Bob Builder"));

        auto twice = voidAttestation(*scene.lib, scene.bob, scene.runId, first->id, QStringLiteral("again"));
        QVERIFY2(twice.message().contains(QStringLiteral("already voided")), qPrintable(twice.message()));
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests"))).ok());
    }

    void attestationsAreAppendOnlyInTheFileItself()
    {
        Scene scene;
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests"))).ok());
        QVERIFY(!execSql(scene.lib->db(), QStringLiteral("UPDATE attestation SET outcome = 'fail'")).ok());
        QVERIFY(!execSql(scene.lib->db(), QStringLiteral("DELETE FROM attestation")).ok());
        QVERIFY(!execSql(scene.lib->db(), QStringLiteral("DELETE FROM audit_event")).ok());
        QCOMPARE(rowCount(*scene.lib, QStringLiteral("attestation")), 1);
    }

    // Past five unfinished items the refusal names five and counts the rest, ending in a full stop.
    void aLongRefusalCountsWhatItDoesNotName()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        ValueStream stream;
        stream.key = QStringLiteral("long");
        stream.name = QStringLiteral("Long");
        Step step;
        step.key = QStringLiteral("s");
        step.name = QStringLiteral("S");
        for (int c = 1; c <= 8; ++c) {
            QualityCheck check;
            check.key = QStringLiteral("c%1").arg(c);
            check.statement = QStringLiteral("Check %1 done").arg(c);
            step.checks.append(check);
        }
        stream.steps = {step};
        QVERIFY(importProcess(*lib, stream).ok());
        QVERIFY(
            publish(*lib, alice, PublishRequest{QStringLiteral("long"), QStringLiteral("First"), {}}).ok());
        auto run = startRun(*lib, StartRun{QStringLiteral("long"), QStringLiteral("Long run"),
                                           RunKind::Release, 0, std::nullopt, std::nullopt});
        QVERIFY(run.ok());
        const QString eight = closeRun(*lib, CloseRun{run->id, false, {}}).message();
        QVERIFY2(
            eight.contains(QStringLiteral("8 of 8 items are not passed or n/a yet: s/c1 (open), s/c2 (open), "
                                          "s/c3 (open), s/c4 (open), s/c5 (open) and 3 more. Sign them")),
            qPrintable(eight));
        QVERIFY2(!eight.contains(QStringLiteral("…")), qPrintable(eight));
        for (int c = 2; c <= 8; ++c) {
            SignRequest request;
            request.run = run->id;
            request.item = QStringLiteral("s/c%1").arg(c);
            QVERIFY(sign(*lib, alice, request).ok());
        }
        const QString one = closeRun(*lib, CloseRun{run->id, false, {}}).message();
        QVERIFY2(
            one.contains(QStringLiteral("1 of 8 items is not passed or n/a yet: s/c1 (open). Sign them")),
            qPrintable(one));
    }

    void completingNeedsEveryItemFinal()
    {
        Scene scene;
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests"))).ok());
        const Counts before = counts(*scene.lib);
        auto early = closeRun(*scene.lib, CloseRun{scene.runId, false, {}});
        QVERIFY(!early.ok());
        QVERIFY2(early.message().contains(QStringLiteral("3 of 4 items")), qPrintable(early.message()));
        QVERIFY2(early.message().contains(QStringLiteral("deploy/go")), qPrintable(early.message()));
        QVERIFY(counts(*scene.lib) == before);

        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/artifact"))).ok());
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("deploy/go"))).ok());
        QVERIFY(sign(*scene.lib, scene.bob, signing(scene.runId, QStringLiteral("deploy/go"))).ok());
        QVERIFY(sign(*scene.lib, scene.bob, signing(scene.runId, QStringLiteral("deploy/smoke"))).ok());
        auto done = closeRun(*scene.lib, CloseRun{scene.runId, false, QStringLiteral("Tag earlier next time")});
        QVERIFY2(done.ok(), qPrintable(done.message()));
        Run run = scene.run();
        QCOMPARE(run.status, RunStatus::Completed);
        QCOMPARE(run.lessons, QStringLiteral("Tag earlier next time"));
        QCOMPARE(run.finalCount, 4);

        // Closed: nothing more is signed or voided, and it does not close twice.
        const Counts closed = counts(*scene.lib);
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests"))).message().contains(
            QStringLiteral("completed")));
        QVERIFY(!voidAttestation(*scene.lib, scene.bob, scene.runId, run.items[0].attestations[0].id,
                                 QStringLiteral("late"))
                     .ok());
        QVERIFY(!closeRun(*scene.lib, CloseRun{scene.runId, true, {}}).ok());
        QVERIFY(counts(*scene.lib) == closed);
    }

    void aRunCanBeRolledBackWithOpenItems()
    {
        Scene scene;
        auto rolledBack = closeRun(*scene.lib, CloseRun{scene.runId, true, QStringLiteral("Database upgrade stalled")});
        QVERIFY2(rolledBack.ok(), qPrintable(rolledBack.message()));
        QCOMPARE(scene.run().status, RunStatus::RolledBack);
        QCOMPARE(listRuns(*scene.lib, RunFilter{{}, RunStatus::RolledBack})->size(), 1);
        QCOMPARE(listRuns(*scene.lib, RunFilter{{}, RunStatus::Open})->size(), 0);
    }

    void anotherConnectionSeesASigningAtOnce()
    {
        Scene scene;
        auto other = Library::open(scene.lib.path());
        QVERIFY2(other.ok(), qPrintable(other.message()));
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests"))).ok());
        auto seen = loadRun(*other.value(), scene.runId);
        QVERIFY(seen.ok());
        QCOMPARE(itemOf(seen.value(), QStringLiteral("build/tests")).state, ItemState::Passed);
        QVERIFY(other.value()->pollExternalChanges());
    }

    void listShowsProgress()
    {
        Scene scene;
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("build/tests"))).ok());
        QVERIFY(sign(*scene.lib, scene.alice, signing(scene.runId, QStringLiteral("deploy/smoke"), Outcome::Fail)).ok());
        auto runs = listRuns(*scene.lib, RunFilter{QStringLiteral("release"), std::nullopt});
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().itemCount, 4);
        QCOMPARE(runs->first().finalCount, 1);
        QCOMPARE(runs->first().failedCount, 1);
        QCOMPARE(runs->first().streamKey, QStringLiteral("release"));
    }
};

QTEST_GUILESS_MAIN(TestRuns)
#include "tst_runs.moc"
