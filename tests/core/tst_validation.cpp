// The issues panel's findings: gaps in a written process (steps without checks, inputs or outputs,
// critical checks that guard against nothing) and drafts left unpublished too long.
#include "fixtures.h"
#include "revisions.h"
#include "rework.h"
#include "validation.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QStringList messages(const QList<ValidationIssue>& issues)
{
    QStringList texts;
    for (const ValidationIssue& issue : issues)
        texts.append(issue.message);
    return texts;
}

ValueStream weakProcess()
{
    ValueStream stream = sampleProcess();
    Step verify;
    verify.key = QStringLiteral("verify");
    verify.name = QStringLiteral("Verify");
    stream.steps.append(verify);                     // no checks, inputs or outputs
    stream.steps[1].checks[0].guardsAgainst.clear(); // deploy/go is critical
    return stream;
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT
private slots:
    void soundProcessHasNoIssues() { QVERIFY(validateStream(sampleProcess()).isEmpty()); }

    void gapsAreNamedWithTheRecordToJumpTo()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, weakProcess()).ok());
        auto draft = loadDraft(*lib, QStringLiteral("release"));
        QVERIFY(draft.ok());

        auto issues = validateLibrary(*lib);
        QVERIFY2(issues.ok(), qPrintable(issues.message()));
        QCOMPARE(messages(issues.value()),
                 (QStringList{
                     QStringLiteral("Critical check ‘go’ of step ‘Deploy’ in ‘release’ does not say what "
                                    "failure it guards against."),
                     QStringLiteral("Step ‘Verify’ of ‘release’ has no checks."),
                     QStringLiteral("Step ‘Verify’ of ‘release’ has no inputs."),
                     QStringLiteral("Step ‘Verify’ of ‘release’ has no outputs."),
                 }));
        const ValidationIssue& critical = issues->at(0);
        QCOMPARE(critical.kind, ValidationIssue::Kind::CriticalCheckUnguarded);
        QCOMPARE(critical.entity, QStringLiteral("check"));
        QCOMPARE(critical.entityId, draft->steps[1].checks[0].id);
        QCOMPARE(critical.streamKey, QStringLiteral("release"));
        QCOMPARE(issues->at(1).kind, ValidationIssue::Kind::StepWithoutChecks);
        QCOMPARE(issues->at(1).entity, QStringLiteral("step"));
        QCOMPARE(issues->at(1).entityId, draft->steps[2].id);
        QCOMPARE(issues->at(2).kind, ValidationIssue::Kind::StepWithoutInputs);
        QCOMPARE(issues->at(3).kind, ValidationIssue::Kind::StepWithoutOutputs);
    }

    void unpublishedDraftBecomesStaleAfterTheSetDays()
    {
        TempLibrary lib;
        QVERIFY(importProcess(*lib, sampleProcess()).ok());
        QVERIFY(setSetting(*lib, QStringLiteral("stale-draft-days"), QStringLiteral("7")).ok());

        lib.clock().advance(7 * 86400);
        auto fresh = validateLibrary(*lib);
        QVERIFY(fresh.ok());
        QVERIFY2(fresh->isEmpty(), qPrintable(messages(fresh.value()).join(QLatin1Char('\n'))));

        lib.clock().advance(86400);
        auto stale = validateLibrary(*lib);
        QVERIFY(stale.ok());
        QCOMPARE(messages(stale.value()),
                 QStringList{QStringLiteral("The draft of ‘release’ has never been published and was last "
                                            "changed 8 days ago (2026-03-01).")});
        QCOMPARE(stale->at(0).kind, ValidationIssue::Kind::StaleDraft);
        QCOMPARE(stale->at(0).entity, QStringLiteral("stream"));
        QCOMPARE(stale->at(0).entityId, resolveStream(*lib, QStringLiteral("release")).value());
    }

    void publishedDraftIsNotStaleUntilItDiffersAgain()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        publishSample(*lib, alice);
        lib.clock().advance(90 * 86400);
        auto published = validateLibrary(*lib);
        QVERIFY(published.ok());
        QVERIFY(published->isEmpty());

        Step changed = loadDraft(*lib, QStringLiteral("release"))->steps[0];
        changed.plannedHours = 3;
        QVERIFY(updateStep(*lib, changed).ok());
        lib.clock().advance(31 * 86400);
        auto stale = validateLibrary(*lib);
        QVERIFY(stale.ok());
        QCOMPARE(messages(stale.value()),
                 QStringList{QStringLiteral("The draft of ‘release’ differs from revision 1 and was last "
                                            "changed 31 days ago (2026-05-30).")});
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
