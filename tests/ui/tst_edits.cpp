// The edits facade and its undo commands, without widgets: every edit is checked against the rows in
// the file after do, undo and redo; typing merges; a conflicting undo is reported, not crashed on.
#include "edits.h"
#include "librarytestsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace stable;
using namespace stable::test;

class TestEdits : public QObject
{
    Q_OBJECT
private slots:
    void renameStepUndoRedo();
    void typingMergesIntoOneStep();
    void editBackToOriginalLeavesNothingToUndo();
    void editThatChangesNothingPushesNothing();
    void refusedEditPushesNothing();
    void portsUndoRedo();
    void addStepUndoRedo();
    void removeStepUndoRestoresItsChecks();
    void moveStepUndoRedo();
    void checkFieldsUndoRedo();
    void removeCheckUndoRestoresSameId();
    void addAndMoveCheckUndoRedo();
    void undoAfterAnotherInstanceRemovedTheStep();
    void addStreamUndoRedo();
    void removeStreamUndoBringsItBack();
};

void TestEdits::renameStepUndoRedo()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QString deploy = stepIdOf(library, QStringLiteral("deploy"));
    const QStringList original = stepRows(library);

    QVERIFY(edits::setStepField(*document, deploy, edits::StepField::Name, QStringLiteral("Deploy to production")).ok());
    const QStringList renamed = stepRows(library);
    QVERIFY(renamed != original);
    QVERIFY(renamed.join(QLatin1Char('\n')).contains(QStringLiteral("|Deploy to production|")));
    QCOMPARE(document->undoStack().count(), 1);
    QCOMPARE(document->undoStack().undoText(), QStringLiteral("Rename step ‘Deploy’"));

    document->undoStack().undo();
    QCOMPARE(stepRows(library), original);
    document->undoStack().redo();
    QCOMPARE(stepRows(library), renamed);
}

void TestEdits::typingMergesIntoOneStep()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QString build = stepIdOf(library, QStringLiteral("build"));
    const QStringList original = stepRows(library);

    for (const char* typed : {"Build ", "Build a", "Build an", "Build and"})
        QVERIFY(edits::setStepField(*document, build, edits::StepField::Name, QLatin1String(typed)).ok());
    QVERIFY(edits::setStepField(*document, build, edits::StepField::PlannedHours, 2.5).ok());
    QVERIFY(edits::setStepField(*document, build, edits::StepField::PlannedHours, 3.0).ok());
    QCOMPARE(document->undoStack().count(), 2); // one for the name, one for the hours
    const QStringList typed = stepRows(library);

    document->undoStack().undo();
    document->undoStack().undo();
    QCOMPARE(stepRows(library), original);
    document->undoStack().redo();
    document->undoStack().redo();
    QCOMPARE(stepRows(library), typed);
}

void TestEdits::editBackToOriginalLeavesNothingToUndo()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QString build = stepIdOf(library, QStringLiteral("build"));
    const QStringList original = stepRows(library);

    QVERIFY(edits::setStepField(*document, build, edits::StepField::OwnerRole, QStringLiteral("Dev")).ok());
    QVERIFY(edits::setStepField(*document, build, edits::StepField::OwnerRole, QStringLiteral("Developer")).ok());
    QCOMPARE(stepRows(library), original);
    QCOMPARE(document->undoStack().count(), 0);
    QVERIFY(!document->undoStack().canUndo());
}

void TestEdits::editThatChangesNothingPushesNothing()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const qint64 events = rowCount(library, QStringLiteral("audit_event"));
    QVERIFY(edits::setStepField(*document, stepIdOf(library, QStringLiteral("build")), edits::StepField::Name,
                                QStringLiteral("Build"))
                .ok());
    QVERIFY(edits::setCheckField(*document, checkIdOf(library, QStringLiteral("go")), edits::CheckField::Critical, true)
                .ok());
    QCOMPARE(document->undoStack().count(), 0);
    QCOMPARE(rowCount(library, QStringLiteral("audit_event")), events);
}

void TestEdits::refusedEditPushesNothing()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QStringList original = stepRows(library);
    const qint64 events = rowCount(library, QStringLiteral("audit_event"));

    const Status taken = edits::setStepField(*document, stepIdOf(library, QStringLiteral("build")),
                                             edits::StepField::Key, QStringLiteral("deploy"));
    QVERIFY(!taken.ok());
    QCOMPARE(taken.message(), QStringLiteral("‘Software Release’ already has a step with the key ‘deploy’ (‘Deploy’)."));
    const Status rating = edits::setCheckField(*document, checkIdOf(library, QStringLiteral("go")),
                                               edits::CheckField::Severity, 11);
    QVERIFY(!rating.ok());
    const Status stage = edits::setCheckField(*document, checkIdOf(library, QStringLiteral("go")),
                                              edits::CheckField::Stage, QStringLiteral("later"));
    QCOMPARE(stage.message(), QStringLiteral("‘later’ is not a stage (entry, in-process or exit)."));
    QCOMPARE(document->undoStack().count(), 0);
    QCOMPARE(stepRows(library), original);
    QCOMPARE(rowCount(library, QStringLiteral("audit_event")), events);
}

void TestEdits::portsUndoRedo()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QString deploy = stepIdOf(library, QStringLiteral("deploy"));
    const QStringList original = portRows(library);

    const QList<Port> inputs = {Port{{}, QStringLiteral("Install package"), QStringLiteral("build")},
                                Port{{}, QStringLiteral("Change ticket"), QStringLiteral("CAB")}};
    const QList<Port> outputs = {Port{{}, QStringLiteral("Production release"), QStringLiteral("Users")}};
    QVERIFY(edits::setStepPorts(*document, deploy, inputs, outputs).ok());
    const QStringList changed = portRows(library);
    QCOMPARE(changed.size(), original.size() + 1);
    QVERIFY(changed.join(QLatin1Char('\n')).contains(QStringLiteral("|input|1|Change ticket|CAB")));

    document->undoStack().undo();
    QCOMPARE(portRows(library), original);
    document->undoStack().redo();
    QCOMPARE(portRows(library), changed);
}

void TestEdits::addStepUndoRedo()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QStringList originalSteps = stepRows(library);
    const QStringList originalChecks = checkRows(library);

    Step verify;
    verify.key = QStringLiteral("verify");
    verify.name = QStringLiteral("Verify");
    QualityCheck smoke;
    smoke.key = QStringLiteral("monitor");
    smoke.statement = QStringLiteral("Error rate stays under 1% for an hour");
    verify.checks = {smoke};
    auto added = edits::addStep(*document, QStringLiteral("release"), verify, 1);
    QVERIFY2(added.ok(), qPrintable(added.message()));
    const QStringList steps = stepRows(library);
    const QStringList checks = checkRows(library);
    QCOMPARE(steps.size(), originalSteps.size() + 1);
    QVERIFY(steps.join(QLatin1Char('\n')).contains(added.value() + QStringLiteral("|verify|Verify|1|")));

    document->undoStack().undo();
    QCOMPARE(rowCount(library, QStringLiteral("step")), 3); // marked removed, never deleted
    QVERIFY(stepRows(library).join(QLatin1Char('\n')).contains(added.value() + QStringLiteral("|verify|Verify|")));
    QCOMPARE(selectRows(library, QStringLiteral("SELECT key FROM step WHERE removed = 0 ORDER BY position")),
             QStringList({QStringLiteral("build"), QStringLiteral("deploy")}));
    document->undoStack().redo();
    QCOMPARE(stepRows(library), steps);
    QCOMPARE(checkRows(library), checks);
    Q_UNUSED(originalChecks)
}

void TestEdits::removeStepUndoRestoresItsChecks()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QStringList steps = stepRows(library);
    const QStringList checks = checkRows(library);

    QVERIFY(edits::removeStep(*document, stepIdOf(library, QStringLiteral("build"))).ok());
    QCOMPARE(selectRows(library, QStringLiteral("SELECT key, position FROM step WHERE removed = 0")),
             QStringList({QStringLiteral("deploy|0")}));
    const QStringList removed = stepRows(library);

    document->undoStack().undo();
    QCOMPARE(stepRows(library), steps);
    QCOMPARE(checkRows(library), checks);
    document->undoStack().redo();
    QCOMPARE(stepRows(library), removed);
}

void TestEdits::moveStepUndoRedo()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QStringList original = stepRows(library);
    const QString order = QStringLiteral("SELECT key FROM step WHERE removed = 0 ORDER BY position");

    QVERIFY(edits::moveStep(*document, stepIdOf(library, QStringLiteral("deploy")), 0).ok());
    QCOMPARE(selectRows(library, order), QStringList({QStringLiteral("deploy"), QStringLiteral("build")}));
    const QStringList moved = stepRows(library);
    QVERIFY(edits::moveStep(*document, stepIdOf(library, QStringLiteral("deploy")), 0).ok());
    QCOMPARE(document->undoStack().count(), 1); // moving to where it is does nothing

    document->undoStack().undo();
    QCOMPARE(stepRows(library), original);
    document->undoStack().redo();
    QCOMPARE(stepRows(library), moved);
}

void TestEdits::checkFieldsUndoRedo()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QString go = checkIdOf(library, QStringLiteral("go"));
    const QStringList original = checkRows(library);

    QVERIFY(edits::setCheckField(*document, go, edits::CheckField::Stage, QStringLiteral("in-process")).ok());
    QVERIFY(edits::setCheckField(*document, go, edits::CheckField::Critical, false).ok());
    QVERIFY(edits::setCheckField(*document, go, edits::CheckField::Severity, 9).ok());
    QVERIFY(edits::setCheckField(*document, go, edits::CheckField::Statement, QStringLiteral("GO at the end")).ok());
    QVERIFY(edits::setCheckField(*document, go, edits::CheckField::Statement, QStringLiteral("GO at the end of each")).ok());
    QCOMPARE(document->undoStack().count(), 4);
    const QStringList changed = checkRows(library);
    QVERIFY(changed.join(QLatin1Char('\n'))
                .contains(go + QStringLiteral("|") + stepIdOf(library, QStringLiteral("deploy")) +
                          QStringLiteral("|go|0|GO at the end of each|in-process|0|Procedure deployed without GO|9|4|3|0")));

    while (document->undoStack().canUndo())
        document->undoStack().undo();
    QCOMPARE(checkRows(library), original);
    while (document->undoStack().canRedo())
        document->undoStack().redo();
    QCOMPARE(checkRows(library), changed);
}

void TestEdits::removeCheckUndoRestoresSameId()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QString go = checkIdOf(library, QStringLiteral("go"));
    const QStringList original = checkRows(library);

    QVERIFY(edits::removeCheck(*document, go).ok());
    const QStringList removed = checkRows(library);
    QCOMPARE(selectRows(library, QStringLiteral("SELECT removed FROM quality_check WHERE id = ?").replace(
                                     QLatin1Char('?'), QLatin1Char('\'') + go + QLatin1Char('\''))),
             QStringList({QStringLiteral("1")}));

    document->undoStack().undo();
    QCOMPARE(checkRows(library), original);
    QCOMPARE(checkIdOf(library, QStringLiteral("go")), go);
    document->undoStack().redo();
    QCOMPARE(checkRows(library), removed);
}

void TestEdits::addAndMoveCheckUndoRedo()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QString deploy = stepIdOf(library, QStringLiteral("deploy"));
    const QStringList original = checkRows(library);

    QualityCheck backup;
    backup.key = QStringLiteral("backup");
    backup.statement = QStringLiteral("Database backed up before the window");
    backup.stage = Stage::Entry;
    auto added = edits::addCheck(*document, deploy, backup);
    QVERIFY2(added.ok(), qPrintable(added.message()));
    QVERIFY(edits::moveCheck(*document, added.value(), 0).ok());
    const QString order = QStringLiteral("SELECT key FROM quality_check WHERE step_id = '%1' AND removed = 0 "
                                         "ORDER BY position").arg(deploy);
    QCOMPARE(selectRows(library, order),
             QStringList({QStringLiteral("backup"), QStringLiteral("go"), QStringLiteral("smoke")}));
    const QStringList done = checkRows(library);

    document->undoStack().undo();
    QCOMPARE(selectRows(library, order),
             QStringList({QStringLiteral("go"), QStringLiteral("smoke"), QStringLiteral("backup")}));
    document->undoStack().undo();
    QCOMPARE(selectRows(library, order), QStringList({QStringLiteral("go"), QStringLiteral("smoke")}));
    QCOMPARE(checkRows(library).size(), original.size() + 1); // the added check stays, marked removed
    document->undoStack().redo();
    document->undoStack().redo();
    QCOMPARE(checkRows(library), done);
}

void TestEdits::undoAfterAnotherInstanceRemovedTheStep()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QString deploy = stepIdOf(library, QStringLiteral("deploy"));
    QVERIFY(edits::setStepField(*document, deploy, edits::StepField::Name, QStringLiteral("Deploy it")).ok());

    {
        auto other = Library::open(lib.path());
        QVERIFY(other.ok());
        QVERIFY(removeStep(*other.value(), deploy).ok());
    }
    const QStringList afterOther = stepRows(library);
    QSignalSpy failures(document.get(), &Document::editFailed);
    document->undoStack().undo();
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).at(0).toString(),
             QStringLiteral("Cannot undo “Rename step ‘Deploy’”: The step ‘Deploy it’ was removed from the draft."));
    QCOMPARE(stepRows(library), afterOther);
    QCOMPARE(document->undoStack().count(), 0); // the command no longer applies and is gone
    QVERIFY(!document->undoStack().canRedo());
}

namespace {

QStringList liveStreamKeys(Library& library)
{
    return selectRows(library, QStringLiteral("SELECT key FROM stream WHERE removed = 0 ORDER BY key"));
}

} // namespace

void TestEdits::addStreamUndoRedo()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    ValueStream blank;
    blank.key = QStringLiteral("onboarding");
    blank.name = QStringLiteral("Onboarding");
    const auto added = edits::addStream(*document, blank);
    QVERIFY2(added.ok(), qPrintable(added.message()));
    QCOMPARE(liveStreamKeys(library), (QStringList{QStringLiteral("onboarding"), QStringLiteral("release")}));
    QCOMPARE(document->undoStack().undoText(), QStringLiteral("Add value stream ‘Onboarding’"));

    document->undoStack().undo();
    QCOMPARE(liveStreamKeys(library), QStringList{QStringLiteral("release")});
    document->undoStack().redo();
    QCOMPARE(liveStreamKeys(library), (QStringList{QStringLiteral("onboarding"), QStringLiteral("release")}));

    // A key a live stream has is refused: importing under it would replace that stream's draft.
    const int commands = document->undoStack().count();
    const QStringList steps = stepRows(library);
    blank.key = QStringLiteral("release");
    const auto taken = edits::addStream(*document, blank);
    QVERIFY(!taken.ok());
    QCOMPARE(taken.message(), QStringLiteral("A value stream with the key ‘release’ is already in the library."));
    QCOMPARE(document->undoStack().count(), commands);
    QCOMPARE(stepRows(library), steps);
}

void TestEdits::removeStreamUndoBringsItBack()
{
    TempLibrary lib;
    auto document = openSampleDocument(lib);
    Library& library = document->library();
    const QStringList steps = stepRows(library);
    const QStringList checks = checkRows(library);
    const QString release = resolveStream(library, QStringLiteral("release")).value();

    QVERIFY(edits::removeStream(*document, release).ok());
    QVERIFY(liveStreamKeys(library).isEmpty());
    QCOMPARE(document->undoStack().undoText(), QStringLiteral("Remove value stream ‘Software Release’"));
    document->undoStack().undo();
    QCOMPARE(liveStreamKeys(library), QStringList{QStringLiteral("release")});
    // The same steps and checks, ids and all: runs and incidents keep pointing at them.
    QCOMPARE(stepRows(library), steps);
    QCOMPARE(checkRows(library), checks);
    document->undoStack().redo();
    QVERIFY(liveStreamKeys(library).isEmpty());
}

QTEST_GUILESS_MAIN(TestEdits)
#include "tst_edits.moc"
