// Comparing two versions of a value stream: what a process owner reads before publishing and in the
// revision history — steps and checks added, removed and changed field by field, text word by word.
#include "fixtures.h"
#include "revisiondiff.h"

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

using Kind = WordSegment::Kind;

QString joined(const QList<WordSegment>& segments, Kind skipped)
{
    QString text;
    for (const WordSegment& segment : segments)
        if (segment.kind != skipped)
            text += segment.text;
    return text;
}

// The sample process with ids, as it would come out of the library.
ValueStream withIds()
{
    ValueStream stream = sampleProcess();
    stream.id = QStringLiteral("s");
    for (int s = 0; s < stream.steps.size(); ++s) {
        Step& step = stream.steps[s];
        step.id = QStringLiteral("step-") + step.key;
        for (QualityCheck& check : step.checks)
            check.id = QStringLiteral("check-") + check.key;
    }
    return stream;
}

QStringList fields(const QList<FieldChange>& changes)
{
    QStringList names;
    for (const FieldChange& change : changes)
        names.append(change.field);
    return names;
}

} // namespace

class TestRevisionDiff : public QObject
{
    Q_OBJECT
private slots:
    void wordsEqualTextIsOneEqualPiece()
    {
        const auto segments =
            diffWords(QStringLiteral("Run the pipeline"), QStringLiteral("Run the pipeline"));
        QCOMPARE(segments, (QList<WordSegment>{{Kind::Equal, QStringLiteral("Run the pipeline")}}));
        QVERIFY(diffWords(QString(), QString()).isEmpty());
    }

    void wordsOneReplacedWord()
    {
        const auto segments =
            diffWords(QStringLiteral("Run the release pipeline"), QStringLiteral("Run the nightly pipeline"));
        QCOMPARE(segments, (QList<WordSegment>{{Kind::Equal, QStringLiteral("Run the ")},
                                               {Kind::Deleted, QStringLiteral("release")},
                                               {Kind::Inserted, QStringLiteral("nightly")},
                                               {Kind::Equal, QStringLiteral(" pipeline")}}));
    }

    void wordsInsertedAndDeleted()
    {
        const auto segments = diffWords(QStringLiteral("Back up the database first"),
                                        QStringLiteral("Back up the production database"));
        QCOMPARE(segments, (QList<WordSegment>{{Kind::Equal, QStringLiteral("Back up the ")},
                                               {Kind::Inserted, QStringLiteral("production ")},
                                               {Kind::Equal, QStringLiteral("database")},
                                               {Kind::Deleted, QStringLiteral(" first")}}));
    }

    void wordsAChangedRunIsOnePairNotInterleaved()
    {
        const auto segments = diffWords(QStringLiteral("quick brown fox"), QStringLiteral("slow red fox"));
        QCOMPARE(segments, (QList<WordSegment>{{Kind::Deleted, QStringLiteral("quick brown")},
                                               {Kind::Inserted, QStringLiteral("slow red")},
                                               {Kind::Equal, QStringLiteral(" fox")}}));
    }

    void wordsFromAndToNothing()
    {
        QCOMPARE(diffWords(QString(), QStringLiteral("New text")),
                 (QList<WordSegment>{{Kind::Inserted, QStringLiteral("New text")}}));
        QCOMPARE(diffWords(QStringLiteral("Old text"), QString()),
                 (QList<WordSegment>{{Kind::Deleted, QStringLiteral("Old text")}}));
    }

    void wordsGiveBothTextsBack()
    {
        const QString before =
            QStringLiteral("Install the package on production during the window.\n\nThen check logs.");
        const QString after = QStringLiteral(
            "Install the signed package on  production after the backup.\nThen check the logs.");
        const auto segments = diffWords(before, after);
        QCOMPARE(joined(segments, Kind::Inserted), before);
        QCOMPARE(joined(segments, Kind::Deleted), after);
    }

    void identicalStreamsHaveNoDifference() { QVERIFY(compareStreams(withIds(), withIds()).isEmpty()); }

    void stepAddedRemovedAndChanged()
    {
        const ValueStream before = withIds();
        ValueStream after = withIds();
        after.steps[0].name = QStringLiteral("Build and sign");
        after.steps[0].plannedHours = 2;
        after.steps[0].inputs.append(Port{{}, QStringLiteral("Change ticket"), QString()});
        after.steps.removeAt(1); // deploy
        Step verify;
        verify.id = QStringLiteral("step-verify");
        verify.key = QStringLiteral("verify");
        verify.name = QStringLiteral("Verify");
        after.steps.append(verify);

        const StreamDiff diff = compareStreams(before, after);
        QCOMPARE(diff.steps.size(), 3);
        QCOMPARE(diff.steps[0].kind, DiffKind::Changed);
        QCOMPARE(diff.steps[0].key, QStringLiteral("build"));
        QCOMPARE(
            fields(diff.steps[0].changes),
            (QStringList{QStringLiteral("name"), QStringLiteral("planned hours"), QStringLiteral("inputs")}));
        QCOMPARE(diff.steps[0].changes[0].before, QStringLiteral("Build"));
        QCOMPARE(diff.steps[0].changes[0].after, QStringLiteral("Build and sign"));
        QCOMPARE(diff.steps[0].changes[1].before, QStringLiteral("1.5 h"));
        QCOMPARE(diff.steps[0].changes[1].after, QStringLiteral("2 h"));
        QCOMPARE(diff.steps[0].changes[2].before, QStringLiteral("Tagged commit (Developers)"));
        QCOMPARE(diff.steps[0].changes[2].after, QStringLiteral("Tagged commit (Developers); Change ticket"));
        QCOMPARE(diff.steps[1].kind, DiffKind::Added);
        QCOMPARE(diff.steps[1].key, QStringLiteral("verify"));
        QCOMPARE(diff.steps[2].kind, DiffKind::Removed);
        QCOMPARE(diff.steps[2].key, QStringLiteral("deploy"));
        QCOMPARE(diff.steps[2].name, QStringLiteral("Deploy"));

        // The removed step's checks are removed with it.
        QCOMPARE(diff.checks.size(), 2);
        QCOMPARE(diff.checks[0].kind, DiffKind::Removed);
        QCOMPARE(diff.checks[0].key, QStringLiteral("go"));
        QCOMPARE(diff.checks[0].stepKey, QStringLiteral("deploy"));
        QCOMPARE(diff.checks[1].key, QStringLiteral("smoke"));
    }

    void movedStepIsNamedAloneNotEveryShiftedOne()
    {
        ValueStream before = withIds();
        Step verify;
        verify.id = QStringLiteral("step-verify");
        verify.key = QStringLiteral("verify");
        verify.name = QStringLiteral("Verify");
        before.steps.append(verify);
        ValueStream after = before;
        after.steps.move(2, 0); // verify first

        const StreamDiff diff = compareStreams(before, after);
        QCOMPARE(diff.steps.size(), 1);
        QCOMPARE(diff.steps[0].key, QStringLiteral("verify"));
        QCOMPARE(diff.steps[0].changes.size(), 1);
        QCOMPARE(diff.steps[0].changes[0].field, QStringLiteral("position"));
        QCOMPARE(diff.steps[0].changes[0].before, QStringLiteral("3"));
        QCOMPARE(diff.steps[0].changes[0].after, QStringLiteral("1"));
    }

    void checkChangedFieldByField()
    {
        const ValueStream before = withIds();
        ValueStream after = withIds();
        QualityCheck& go = after.steps[1].checks[0];
        go.statement = QStringLiteral("All stored procedures confirmed to end with 'Go'");
        go.critical = false;
        go.stage = Stage::Exit;
        go.severity = 9;

        const StreamDiff diff = compareStreams(before, after);
        QVERIFY(diff.steps.isEmpty());
        QCOMPARE(diff.checks.size(), 1);
        const CheckDiff& check = diff.checks[0];
        QCOMPARE(check.kind, DiffKind::Changed);
        QCOMPARE(check.checkId, QStringLiteral("check-go"));
        QCOMPARE(check.stepKey, QStringLiteral("deploy"));
        QCOMPARE(fields(check.changes),
                 (QStringList{QStringLiteral("statement"), QStringLiteral("stage"),
                              QStringLiteral("critical"), QStringLiteral("severity")}));
        QCOMPARE(check.changes[1].before, QStringLiteral("entry"));
        QCOMPARE(check.changes[1].after, QStringLiteral("exit"));
        QCOMPARE(check.changes[2].before, QStringLiteral("critical"));
        QCOMPARE(check.changes[2].after, QStringLiteral("not critical"));
        QCOMPARE(check.changes[3].before, QStringLiteral("7"));
        QCOMPARE(check.changes[3].after, QStringLiteral("9"));
    }

    void checkKeepsItsIdentityWhenItsKeyChanges()
    {
        const ValueStream before = withIds();
        ValueStream after = withIds();
        after.steps[0].checks[1].key = QStringLiteral("checksum");

        const StreamDiff diff = compareStreams(before, after);
        QCOMPARE(diff.checks.size(), 1);
        QCOMPARE(diff.checks[0].kind, DiffKind::Changed);
        QCOMPARE(diff.checks[0].changes.size(), 1);
        QCOMPARE(diff.checks[0].changes[0].field, QStringLiteral("key"));
        QCOMPARE(diff.checks[0].changes[0].before, QStringLiteral("artifact"));
        QCOMPARE(diff.checks[0].changes[0].after, QStringLiteral("checksum"));
    }

    void checkMovedToAnotherStep()
    {
        const ValueStream before = withIds();
        ValueStream after = withIds();
        after.steps[1].checks.append(after.steps[0].checks.takeAt(1)); // artifact: build → deploy

        const StreamDiff diff = compareStreams(before, after);
        QCOMPARE(diff.checks.size(), 1);
        QCOMPARE(diff.checks[0].key, QStringLiteral("artifact"));
        QCOMPARE(diff.checks[0].changes.size(), 1);
        QCOMPARE(diff.checks[0].changes[0].field, QStringLiteral("step"));
        QCOMPARE(diff.checks[0].changes[0].before, QStringLiteral("build"));
        QCOMPARE(diff.checks[0].changes[0].after, QStringLiteral("deploy"));
    }

    void checksAddedAndRemovedAndReordered()
    {
        const ValueStream before = withIds();
        ValueStream after = withIds();
        after.steps[1].checks.move(1, 0);  // smoke before go
        after.steps[0].checks.removeAt(0); // tests
        QualityCheck rollback;
        rollback.id = QStringLiteral("check-rollback");
        rollback.key = QStringLiteral("rollback");
        rollback.statement = QStringLiteral("Rollback script rehearsed");
        after.steps[1].checks.append(rollback);

        const StreamDiff diff = compareStreams(before, after);
        QCOMPARE(diff.checks.size(), 3);
        QCOMPARE(diff.checks[0].kind, DiffKind::Changed);
        QCOMPARE(diff.checks[0].key, QStringLiteral("smoke"));
        QCOMPARE(diff.checks[0].changes[0].field, QStringLiteral("position"));
        QCOMPARE(diff.checks[0].changes[0].before, QStringLiteral("2"));
        QCOMPARE(diff.checks[0].changes[0].after, QStringLiteral("1"));
        QCOMPARE(diff.checks[1].kind, DiffKind::Added);
        QCOMPARE(diff.checks[1].key, QStringLiteral("rollback"));
        QCOMPARE(diff.checks[1].stepKey, QStringLiteral("deploy"));
        QCOMPARE(diff.checks[2].kind, DiffKind::Removed);
        QCOMPARE(diff.checks[2].key, QStringLiteral("tests"));
    }

    void withoutSharedIdsStepsAndChecksPairByKey()
    {
        // A process imported from a file compared with the library's copy: no ids on one side.
        const ValueStream before = sampleProcess();
        ValueStream after = withIds();
        after.steps[1].checks[1].statement = QStringLiteral("Smoke test passes");
        after.name = QStringLiteral("Release");

        const StreamDiff diff = compareStreams(before, after);
        QCOMPARE(diff.stream.size(), 1);
        QCOMPARE(diff.stream[0].field, QStringLiteral("name"));
        QVERIFY(diff.steps.isEmpty());
        QCOMPARE(diff.checks.size(), 1);
        QCOMPARE(diff.checks[0].key, QStringLiteral("smoke"));
        QCOMPARE(fields(diff.checks[0].changes), QStringList{QStringLiteral("statement")});
    }
};

QTEST_GUILESS_MAIN(TestRevisionDiff)
#include "tst_revisiondiff.moc"
