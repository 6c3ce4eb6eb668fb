// Signing a checklist through the widgets: a wrong PIN is refused in the dialog with nothing signed, the
// right one adds an attestation and the item's state changes on screen; a critical item refuses the
// same person twice; a void strikes a signature; a fail asks for rework and raises an incident; closing
// refuses open items unless rolled back.
#include "consoleseries.h"
#include "incidents.h"
#include "incidents/incidenteditor.h"
#include "people.h"
#include "process.h"
#include "revisions.h"
#include "rework.h"
#include "runs/checklistmodel.h"
#include "runs/rundialogs.h"
#include "runs/runlistmodel.h"
#include "runs/runsview.h"
#include "runs/signdialog.h"
#include "runstestsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>

using namespace stable;
using namespace stable::test;

namespace {

struct SignFields
{
    explicit SignFields(QDialog& dialog)
        : person(dialog.findChild<QComboBox*>(QStringLiteral("person")))
        , pin(dialog.findChild<QLineEdit*>(QStringLiteral("pin")))
        , outcome(dialog.findChild<QComboBox*>(QStringLiteral("outcome")))
        , note(dialog.findChild<QPlainTextEdit*>(QStringLiteral("note")))
        , evidence(dialog.findChild<QLineEdit*>(QStringLiteral("evidence")))
        , message(dialog.findChild<QLabel*>(QStringLiteral("message")))
        , sign(dialog.findChild<QPushButton*>(QStringLiteral("signButton")))
    {
    }
    void who(const QString& initials) { person->setCurrentIndex(person->findText(initials, Qt::MatchContains)); }
    QString shown() const { return message->isHidden() ? QString() : message->text(); }
    QComboBox* person;
    QLineEdit* pin;
    QComboBox* outcome;
    QPlainTextEdit* note;
    QLineEdit* evidence;
    QLabel* message;
    QPushButton* sign;
};

QString stateOf(RunsView& view, const QString& itemId)
{
    return view.checklist()->indexOfItem(itemId, ChecklistModel::State).data().toString();
}

// Signs the selected item through the dialog as `initials` with the right PIN; returns what the dialog
// showed if it refused (the dialog is then cancelled).
QString signAs(RunsView& view, const QString& initials, const QString& outcome = QStringLiteral("Pass"),
               const QString& note = {})
{
    QString refusal;
    whenDialog<SignDialog>([&](SignDialog& dialog) {
        SignFields fields(dialog);
        fields.who(initials);
        fields.outcome->setCurrentIndex(fields.outcome->findText(outcome));
        if (!note.isEmpty())
            QTest::keyClicks(fields.note, note);
        fields.pin->setText(QStringLiteral("1234"));
        QTest::mouseClick(fields.sign, Qt::LeftButton);
        refusal = fields.shown();
    });
    view.signItem();
    return refusal;
}

} // namespace

class TestRunSigning : public QObject
{
    Q_OBJECT
private slots:
    void wrongPinIsRefusedInTheDialogThenTheRightOneSigns()
    {
        RunsFixture fixture;
        const Run run = fixture.start(QStringLiteral("Release 4.2.0"));
        RunsView view;
        view.setDocument(fixture.document.get());
        const QString tests = run.items.at(0).id;
        QVERIFY(view.selectItem(tests));
        QString refusal;
        qint64 attestationsAfterRefusal = -1;
        QString evidenceKept;
        whenDialog<SignDialog>([&](SignDialog& dialog) {
            SignFields fields(dialog);
            fields.who(QStringLiteral("AL"));
            fields.evidence->setText(QStringLiteral("https://ci.example.com/build/812"));
            fields.pin->setText(QStringLiteral("9999"));
            QTest::mouseClick(fields.sign, Qt::LeftButton);
            refusal = fields.shown();
            attestationsAfterRefusal = fixture.count(QStringLiteral("attestation"));
            evidenceKept = fields.evidence->text();
            QVERIFY(dialog.isVisible());
            fields.pin->setText(QStringLiteral("1234"));
            QTest::mouseClick(fields.sign, Qt::LeftButton);
        });
        view.signItem();
        QVERIFY2(refusal.contains(QStringLiteral("Wrong PIN for Ann Lee (1 of 5 attempts")), qPrintable(refusal));
        QCOMPARE(attestationsAfterRefusal, 0);
        QCOMPARE(evidenceKept, QStringLiteral("https://ci.example.com/build/812"));
        QCOMPARE(fixture.count(QStringLiteral("attestation")), 1);
        QCOMPARE(stateOf(view, tests), QStringLiteral("Passed"));
        QCOMPARE(view.currentItemId(), run.items.at(1).id); // on to the next open item
        QVERIFY(view.selectItem(tests));
        const QString details = view.findChild<QTextBrowser*>(QStringLiteral("itemDetails"))->toHtml();
        QVERIFY(details.contains(QStringLiteral("Ann Lee")));
        QVERIFY(details.contains(QStringLiteral("2026-03-01 10:00:00"))); // UTC time of the signature
        QVERIFY(details.contains(QStringLiteral("https://ci.example.com/build/812")));
        QVERIFY(details.contains(QStringLiteral("Performed")));

        // In a narrow pane the signatures table keeps its words whole: "Performed", never "Performe d".
        QTextDocument* document = view.findChild<QTextBrowser*>(QStringLiteral("itemDetails"))->document();
        document->setTextWidth(300);
        document->size(); // lays it out
        int whole = 0;
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            if (block.text() == QLatin1String("Performed") || block.text() == QLatin1String("Meaning") ||
                block.text() == QLatin1String("Outcome")) {
                QVERIFY(block.layout());
                QCOMPARE(block.layout()->lineCount(), 1);
                ++whole;
            }
        }
        QCOMPARE(whole, 3);
    }

    void notApplicableNeedsAReason()
    {
        RunsFixture fixture;
        const Run run = fixture.start(QStringLiteral("Release 4.2.0"));
        RunsView view;
        view.setDocument(fixture.document.get());
        QVERIFY(view.selectItem(run.items.at(1).id));
        const QString refusal = signAs(view, QStringLiteral("AL"), QStringLiteral("Not applicable"));
        QVERIFY2(refusal.contains(QStringLiteral("needs a reason")), qPrintable(refusal));
        QCOMPARE(fixture.count(QStringLiteral("attestation")), 0);
    }

    void criticalItemRefusesTheSamePersonTwice()
    {
        RunsFixture fixture;
        const Run run = fixture.start(QStringLiteral("Release 4.2.0"));
        RunsView view;
        view.setDocument(fixture.document.get());
        const QString go = run.items.at(2).id;
        QVERIFY(view.selectItem(go));
        QCOMPARE(signAs(view, QStringLiteral("AL")), QString());
        QCOMPARE(stateOf(view, go), QStringLiteral("Open"));
        QCOMPARE(view.checklist()->indexOfItem(go, ChecklistModel::Signatures).data().toString(),
                 QStringLiteral("AL (pass) · —"));
        // Waiting for its second signer, the item stays selected; the dialog names who signed it and
        // offers only the others.
        QCOMPARE(view.currentItemId(), go);
        QStringList offered;
        QString alreadySigned;
        whenDialog<SignDialog>([&](SignDialog& dialog) {
            auto* person = dialog.findChild<QComboBox*>(QStringLiteral("person"));
            for (int i = 0; i < person->count(); ++i)
                offered << person->itemText(i);
            auto* label = dialog.findChild<QLabel*>(QStringLiteral("alreadySigned"));
            alreadySigned = label->isHidden() ? QString() : label->text();
        });
        view.signItem();
        QCOMPARE(offered, QStringList{QStringLiteral("Bob King (BK)")});
        QVERIFY2(alreadySigned.startsWith(QStringLiteral("Already signed by Ann Lee (AL): pass, ")),
                 qPrintable(alreadySigned));
        QCOMPARE(fixture.count(QStringLiteral("attestation")), 1);
        QCOMPARE(signAs(view, QStringLiteral("BK")), QString());
        QCOMPARE(stateOf(view, go), QStringLiteral("Passed"));
        QCOMPARE(view.checklist()->indexOfItem(go, ChecklistModel::Signatures).data().toString(),
                 QStringLiteral("AL (pass) · BK (pass)"));
        QCOMPARE(view.currentItemId(), run.items.at(3).id);
    }

    // After each signature that finishes an item, the next item still to do is selected, wrapping round
    // past the last one to an open item earlier in the run; a fail keeps its item for the retry.
    void signingMovesToTheNextOpenItem()
    {
        RunsFixture fixture;
        const Run run = fixture.start(QStringLiteral("Release 4.2.0"));
        RunsView view;
        view.setDocument(fixture.document.get());
        QVERIFY(view.selectItem(run.items.at(1).id));
        QCOMPARE(signAs(view, QStringLiteral("AL")), QString());
        QCOMPARE(view.currentItemId(), run.items.at(2).id);
        QVERIFY(view.selectItem(run.items.at(3).id));
        QCOMPARE(signAs(view, QStringLiteral("AL")), QString());
        QCOMPARE(view.currentItemId(), run.items.at(0).id); // wrapped round: item 1 is passed, item 0 open
        whenDialog<FailureDialog>([](FailureDialog& failure) { failure.reject(); });
        QCOMPARE(signAs(view, QStringLiteral("BK"), QStringLiteral("Fail")), QString());
        QCOMPARE(view.currentItemId(), run.items.at(0).id);
    }

    // "Next" is the next row of the checklist as shown (entry checks before exit checks), not the next
    // check in the order the step lists them.
    void nextOpenItemFollowsTheChecklistAsShown()
    {
        RunsFixture fixture([](Library& library) {
            ValueStream stream;
            stream.key = QStringLiteral("patching");
            stream.name = QStringLiteral("Patching");
            Step patch;
            patch.key = QStringLiteral("patch");
            patch.name = QStringLiteral("Patch");
            for (const auto& [key, stage] :
                 {std::pair{"applied", Stage::Exit}, std::pair{"window", Stage::Entry},
                  std::pair{"rebooted", Stage::Exit}}) {
                QualityCheck check;
                check.key = QString::fromLatin1(key);
                check.statement = QStringLiteral("Check %1").arg(check.key);
                check.stage = stage;
                patch.checks.append(check);
            }
            stream.steps = {patch};
            if (!importProcess(library, stream).ok())
                qFatal("cannot import patching");
            const Signer ann = authenticate(library, QStringLiteral("AL"), QStringLiteral("1234")).value();
            if (!publish(library, ann,
                         PublishRequest{QStringLiteral("patching"), QStringLiteral("First"), {}})
                     .ok())
                qFatal("cannot publish patching");
        });
        auto run =
            startRun(fixture.library(), StartRun{QStringLiteral("patching"), QStringLiteral("Patch night"),
                                                 RunKind::Routine, 0, std::nullopt, std::nullopt});
        QVERIFY(run.ok());
        RunsView view;
        view.setDocument(fixture.document.get());
        const auto idOf = [&run](const QString& ref) {
            for (const RunItem& item : run->items)
                if (item.ref() == ref)
                    return item.id;
            return QString();
        };
        QVERIFY(view.selectItem(idOf(QStringLiteral("patch/window"))));
        QCOMPARE(signAs(view, QStringLiteral("AL")), QString());
        QCOMPARE(view.currentItemId(),
                 idOf(QStringLiteral("patch/applied"))); // the row below, not "rebooted"
    }

    void voidStrikesTheSignatureWithItsReason()
    {
        RunsFixture fixture;
        const Run run = fixture.start(QStringLiteral("Release 4.2.0"));
        RunsView view;
        view.setDocument(fixture.document.get());
        const QString tests = run.items.at(0).id;
        QVERIFY(view.selectItem(tests));
        QCOMPARE(signAs(view, QStringLiteral("AL")), QString());
        QVERIFY(view.selectItem(tests));
        QString refusal;
        whenDialog<VoidDialog>([&](VoidDialog& dialog) {
            dialog.findChild<QLineEdit*>(QStringLiteral("reason"))->setText(QStringLiteral("Signed the wrong item"));
            auto* person = dialog.findChild<QComboBox*>(QStringLiteral("person"));
            person->setCurrentIndex(person->findText(QStringLiteral("BK"), Qt::MatchContains));
            dialog.findChild<QLineEdit*>(QStringLiteral("pin"))->setText(QStringLiteral("1234"));
            QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("voidButton")), Qt::LeftButton);
            auto* message = dialog.findChild<QLabel*>(QStringLiteral("message"));
            refusal = message->isHidden() ? QString() : message->text();
        });
        view.voidSignature();
        QCOMPARE(refusal, QString());
        QCOMPARE(fixture.count(QStringLiteral("attestation_void")), 1);
        QCOMPARE(fixture.count(QStringLiteral("attestation")), 1); // the signature stays on record
        QCOMPARE(stateOf(view, tests), QStringLiteral("Open"));
        const QString details = view.findChild<QTextBrowser*>(QStringLiteral("itemDetails"))->toHtml();
        QVERIFY(details.contains(QStringLiteral("line-through")));
        QVERIFY(details.contains(QStringLiteral("Signed the wrong item")));
        QVERIFY(details.contains(QStringLiteral("Voided by Bob King")));
    }

    void failureRecordsReworkAndRaisesAnIncident()
    {
        RunsFixture fixture;
        const Run run = fixture.start(QStringLiteral("Release 4.2.0"));
        RunsView view;
        view.setDocument(fixture.document.get());
        QSignalSpy raised(&view, &RunsView::incidentRaised);
        const QString smoke = run.items.at(3).id;
        QVERIFY(view.selectItem(smoke));
        QString prefilledTitle;
        QString prefilledWhat;
        whenDialog<FailureDialog>([&](FailureDialog& failure) {
            QTest::keyClick(failure.findChild<QDoubleSpinBox*>(QStringLiteral("hours")), Qt::Key_A,
                            Qt::ControlModifier);
            QTest::keyClicks(failure.findChild<QDoubleSpinBox*>(QStringLiteral("hours")),
                             QStringLiteral("2.5"));
            whenDialog<RaiseIncidentDialog>([&](RaiseIncidentDialog& dialog) {
                prefilledTitle = dialog.findChild<QLineEdit*>(QStringLiteral("title"))->text();
                prefilledWhat =
                    dialog.findChild<QPlainTextEdit*>(QStringLiteral("whatHappened"))->toPlainText();
                auto* injected = dialog.findChild<QComboBox*>(QStringLiteral("injected"));
                injected->setCurrentIndex(injected->findText(QStringLiteral("Build (build)")));
                dialog.findChild<QComboBox*>(QStringLiteral("category"))->setCurrentText(QStringLiteral("Testing"));
                QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("raiseButton")), Qt::LeftButton);
            });
            QTest::mouseClick(failure.findChild<QPushButton*>(QStringLiteral("raiseIncident")), Qt::LeftButton);
        });
        QCOMPARE(signAs(view, QStringLiteral("AL"), QStringLiteral("Fail"),
                        QStringLiteral("502 from the health check")),
                 QString());
        QCOMPARE(stateOf(view, smoke), QStringLiteral("Failed"));
        QCOMPARE(prefilledTitle, QStringLiteral("Release 4.2.0: deploy/smoke failed"));
        QVERIFY2(prefilledWhat.contains(QStringLiteral("502 from the health check")),
                 qPrintable(prefilledWhat));

        QCOMPARE(raised.count(), 1);
        auto incident = loadIncident(fixture.library(), raised.at(0).at(0).toString());
        QVERIFY(incident.ok());
        // The rework is the incident's: the incident lists it, and the Pareto charges the hours to the
        // step where the defect was injected (build), not where it was found (deploy).
        auto rework = execSql(fixture.library().db(),
                              QStringLiteral("SELECT kind, hours, run_id, step_id, incident_id FROM rework"));
        QVERIFY(rework.ok() && rework->next());
        QCOMPARE(rework->value(0).toString(), QStringLiteral("rework"));
        QCOMPARE(rework->value(1).toDouble(), 2.5);
        QCOMPARE(rework->value(2).toString(), run.id);
        QCOMPARE(rework->value(4).toString(), incident->id);
        QVERIFY(!rework->next());
        auto series = computeConsoleSeries(fixture.library());
        QVERIFY(series.ok());
        QCOMPARE(series->pareto.size(), 1);
        QCOMPARE(series->pareto.at(0).stepKey, QStringLiteral("build"));
        QCOMPARE(series->pareto.at(0).hours, 2.5);
        IncidentEditor editor;
        editor.setDocument(fixture.document.get());
        editor.showIncident(incident->id);
        const QString total = editor.findChild<QLabel*>(QStringLiteral("reworkTotal"))->text();
        QCOMPARE(total, QStringLiteral("%1 hours in 1 entry").arg(QLocale().toString(2.5, 'f', 1)));
        QCOMPARE(incident->runId, run.id);
        QCOMPARE(incident->detectedStepKey, QStringLiteral("deploy"));
        QCOMPARE(incident->injectedStepKey, QStringLiteral("build"));
        QCOMPARE(incident->category, QStringLiteral("Testing"));
        QCOMPARE(raised.at(0).at(1).toString(), incident->key());

        // The item is signed again after the rework: attempt 2, and the step's incident is shown.
        QCOMPARE(view.checklist()->indexOfItem(smoke, ChecklistModel::Attempt).data().toString(),
                 QStringLiteral("attempt 2"));
        QVERIFY(view.findChild<QTextBrowser*>(QStringLiteral("itemDetails"))->toHtml().contains(incident->key()));
        QCOMPARE(signAs(view, QStringLiteral("BK")), QString());
        QCOMPARE(stateOf(view, smoke), QStringLiteral("Passed"));
    }

    void closingRefusesOpenItemsUnlessRolledBack()
    {
        RunsFixture fixture;
        const Run run = fixture.start(QStringLiteral("Night change 12"), RunKind::Plan);
        RunsView view;
        view.setDocument(fixture.document.get());
        QString refusal;
        whenDialog<CloseRunDialog>([&](CloseRunDialog& dialog) {
            auto* rolledBack = dialog.findChild<QCheckBox*>(QStringLiteral("rolledBack"));
            rolledBack->setChecked(false);
            dialog.findChild<QPlainTextEdit*>(QStringLiteral("lessons"))->setPlainText(QStringLiteral("Start earlier."));
            QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
            auto* message = dialog.findChild<QLabel*>(QStringLiteral("message"));
            refusal = message->isHidden() ? QString() : message->text();
            rolledBack->setChecked(true);
            QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
        });
        view.closeRun();
        QVERIFY2(refusal.contains(QStringLiteral("cannot complete: 4 of 4 items")), qPrintable(refusal));
        auto closed = findRun(fixture.library(), run.id);
        QVERIFY(closed.ok());
        QCOMPARE(closed->status, RunStatus::RolledBack);
        QCOMPARE(closed->lessons, QStringLiteral("Start earlier."));
        QCOMPARE(view.currentRun().status, RunStatus::RolledBack);
        QCOMPARE(view.runList()->index(0, RunListModel::Status).data().toString(), QStringLiteral("Rolled back"));
    }
};

QTEST_MAIN(TestRunSigning)
#include "tst_runsigning.moc"
