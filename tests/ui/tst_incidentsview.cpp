// The Incidents view through its widgets: the paged list and its filters, recording an incident, the five
// whys edited as a chain and saved, rework logged, "Improve the Process…" through to publishing a revision
// that answers the incident, and jump-to by key.
#include "document.h"
#include "fixtures.h"
#include "incidents.h"
#include "incidents/incidenteditor.h"
#include "incidents/incidentlistmodel.h"
#include "incidents/incidentsview.h"
#include "incidents/incidentstatus.h"
#include "incidents/whychain.h"
#include "librarytestsupport.h"
#include "mainwindow.h"
#include "publishdialog.h"
#include "startup.h"
#include "testlibrary.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace stable;
using namespace stable::test;

namespace {

NewIncident incidentIn(const QString& stream, const QString& title, const QString& injected)
{
    NewIncident incident;
    incident.title = title;
    incident.stream = stream;
    incident.detectedStep = injected;
    incident.injectedStep = injected;
    return incident;
}

// The sample "release" stream published, an "ops" stream beside it, and three incidents.
std::unique_ptr<Document> sceneDocument(TempLibrary& lib)
{
    publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
    if (!importProcess(*lib, opsProcess()).ok())
        qFatal("cannot import ops");
    for (const NewIncident& incident :
         {incidentIn(QStringLiteral("release"), QStringLiteral("Unsigned package deployed"), QStringLiteral("build")),
          incidentIn(QStringLiteral("ops"), QStringLiteral("Patch without backup"), QStringLiteral("patch")),
          incidentIn(QStringLiteral("release"), QStringLiteral("Procedure without GO"), QStringLiteral("deploy"))})
        if (!addIncident(*lib, incident).ok())
            qFatal("cannot add an incident");
    if (!analyseIncident(*lib, QStringLiteral("INC-2"), {QStringLiteral("No backup step")}, QStringLiteral("Runbook"))
             .ok())
        qFatal("cannot analyse");
    return openAsDocument(lib);
}

QStringList keysShown(const QAbstractItemModel& model)
{
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys << model.index(row, IncidentListModel::Key).data().toString();
    return keys;
}

void grabIfAsked(QWidget& widget, const QString& name)
{
    if (const QByteArray folder = qgetenv("STABLE_SCREENSHOT_DIR"); !folder.isEmpty())
        QVERIFY(saveScreenshot(widget, QDir(QString::fromLocal8Bit(folder)).filePath(name)).ok());
}

template <typename T>
T* child(QWidget& parent, const QString& name)
{
    T* found = parent.findChild<T*>(name);
    if (!found)
        qFatal("no %s", qPrintable(name));
    return found;
}

QToolButton* toolButton(QWidget& parent, const QString& accessibleName)
{
    for (QToolButton* button : parent.findChildren<QToolButton*>())
        if (button->accessibleName() == accessibleName && !button->parentWidget()->isHidden())
            return button;
    qFatal("no button %s", qPrintable(accessibleName));
}

} // namespace

class TestIncidentsView : public QObject
{
    Q_OBJECT
private slots:
    void listIsNewestFirstAndFilters()
    {
        TempLibrary lib;
        auto document = sceneDocument(lib);
        IncidentsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setDocument(document.get());
        QCOMPARE(keysShown(*view.model()), (QStringList{QStringLiteral("INC-3"), QStringLiteral("INC-2"),
                                                        QStringLiteral("INC-1")}));
        const QAbstractItemModel& model = *view.model();
        QCOMPARE(model.index(0, IncidentListModel::Title).data().toString(), QStringLiteral("Procedure without GO"));
        QCOMPARE(model.index(0, IncidentListModel::Stream).data().toString(), QStringLiteral("Software Release"));
        QCOMPARE(model.index(0, IncidentListModel::Injected).data().toString(), QStringLiteral("Deploy"));
        QCOMPARE(model.index(1, IncidentListModel::Status).data().toString(), QStringLiteral("analysed"));
        QCOMPARE(model.headerData(IncidentListModel::Detected, Qt::Horizontal).toString(), QStringLiteral("Detected at"));
        // Opens on the newest incident worked through (INC-3 is still open).
        QCOMPARE(view.editor()->incident().key(), QStringLiteral("INC-2"));
        QCOMPARE(view.currentIncidentId(), view.model()->idAt(1));

        view.statusFilter()->setCurrentIndex(view.statusFilter()->findData(QStringLiteral("open")));
        QCOMPARE(keysShown(model), (QStringList{QStringLiteral("INC-3"), QStringLiteral("INC-1")}));
        view.statusFilter()->setCurrentIndex(0);
        view.streamFilter()->setCurrentIndex(view.streamFilter()->findText(QStringLiteral("Software Release")));
        QCOMPARE(keysShown(model), (QStringList{QStringLiteral("INC-3"), QStringLiteral("INC-1")}));
        QTest::keyClicks(view.searchField(), QStringLiteral("unsigned"));
        QCOMPARE(keysShown(model), QStringList{QStringLiteral("INC-1")});
        view.streamFilter()->setCurrentIndex(0);
        view.searchField()->setText(QStringLiteral("inc-2"));
        QCOMPARE(keysShown(model), QStringList{QStringLiteral("INC-2")});
        QCOMPARE(child<QLabel>(view, QStringLiteral("incidentCount"))->text(), QStringLiteral("1 incident"));
    }

    void longHistoryIsReadAPageAtATime()
    {
        TempLibrary lib;
        publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        const int total = IncidentListModel::pageSize + 30;
        for (int i = 1; i <= total; ++i)
            QVERIFY(addIncident(*lib, incidentIn(QStringLiteral("release"), QStringLiteral("Defect %1").arg(i),
                                                 QStringLiteral("build")))
                        .ok());
        IncidentListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLibrary(&*lib);
        QCOMPARE(model.rowCount(), total); // every incident has a row; pages are read as rows are asked for
        QCOMPARE(model.matchingCount(), total);
        QCOMPARE(model.index(total - 1, IncidentListModel::Key).data().toString(), QStringLiteral("INC-1"));
        QCOMPARE(model.index(0, IncidentListModel::Key).data().toString(), QStringLiteral("INC-%1").arg(total));

        // Jump-to finds the row of an incident whose page was never read.
        IncidentListModel fresh;
        fresh.setLibrary(&*lib);
        QCOMPARE(fresh.rowOfId(resolveIncident(*lib, QStringLiteral("INC-2")).value()), total - 2);
        QCOMPARE(fresh.idAt(total - 2), resolveIncident(*lib, QStringLiteral("INC-2")).value());
    }

    void recordThroughTheDialog()
    {
        TempLibrary lib;
        auto document = sceneDocument(lib);
        Library& library = document->library();
        IncidentsView view;
        view.setDocument(document.get());
        view.editor()->setDialogRunner([](QDialog& dialog) {
            dialog.show();
            QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("title")), QStringLiteral("Smoke test skipped"));
            QTest::keyClicks(child<QPlainTextEdit>(dialog, QStringLiteral("whatHappened")),
                             QStringLiteral("Checkout broke after the release."));
            auto* stream = child<QComboBox>(dialog, QStringLiteral("stream"));
            stream->setCurrentIndex(stream->findText(QStringLiteral("Software Release")));
            auto* detected = child<QComboBox>(dialog, QStringLiteral("detectedStep"));
            detected->setCurrentIndex(detected->findText(QStringLiteral("Deploy (deploy)")));
            auto* injected = child<QComboBox>(dialog, QStringLiteral("injectedStep"));
            injected->setCurrentIndex(injected->findText(QStringLiteral("Build (build)")));
            child<QSpinBox>(dialog, QStringLiteral("severity"))->setValue(7);
            child<QComboBox>(dialog, QStringLiteral("category"))->setEditText(QStringLiteral("Testing"));
            auto* recurrence = child<QComboBox>(dialog, QStringLiteral("recurrenceOf"));
            recurrence->setCurrentIndex(recurrence->findData(QStringLiteral("INC-1")));
            grabIfAsked(dialog, QStringLiteral("new-incident-dialog.png"));
            child<QPushButton>(dialog, QStringLiteral("createButton"))->click();
            return dialog.result();
        });
        view.newIncident();

        auto recorded = loadIncident(library, QStringLiteral("INC-4"));
        QVERIFY2(recorded.ok(), qPrintable(recorded.message()));
        QCOMPARE(recorded->title, QStringLiteral("Smoke test skipped"));
        QCOMPARE(recorded->whatHappened, QStringLiteral("Checkout broke after the release."));
        QCOMPARE(recorded->detectedStepKey, QStringLiteral("deploy"));
        QCOMPARE(recorded->injectedStepKey, QStringLiteral("build"));
        QCOMPARE(recorded->severity, 7);
        QCOMPARE(recorded->category, QStringLiteral("Testing"));
        QCOMPARE(recorded->recurrenceOfKey, QStringLiteral("INC-1"));
        QCOMPARE(view.model()->index(0, IncidentListModel::Key).data().toString(), QStringLiteral("INC-4"));
        QCOMPARE(view.currentIncidentId(), recorded->id);
        QCOMPARE(view.editor()->incidentId(), recorded->id);

        // A refusal is shown in the dialog and records nothing.
        QString refusal;
        view.editor()->setDialogRunner([&refusal](QDialog& dialog) {
            child<QPushButton>(dialog, QStringLiteral("createButton"))->click();
            refusal = child<QLabel>(dialog, QStringLiteral("message"))->text();
            return dialog.result();
        });
        view.newIncident();
        QCOMPARE(refusal, QStringLiteral("An incident needs a title that says what went wrong."));
        QCOMPARE(rowCount(library, QStringLiteral("incident")), qint64(4));
    }

    void whysAreAnEditableChain()
    {
        TempLibrary lib;
        auto document = sceneDocument(lib);
        Library& library = document->library();
        IncidentsView view;
        view.setDocument(document.get());
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.selectRecord(QStringLiteral("incident"), QStringLiteral("INC-1")));
        IncidentEditor& editor = *view.editor();
        WhyChain& chain = *editor.whyChain();
        QCOMPARE(chain.count(), 1);
        QCOMPARE(chain.answer(0)->placeholderText(), QStringLiteral("Why did “Unsigned package deployed” happen?"));

        // Saving without an answer is refused with core's words and changes nothing.
        child<QPushButton>(editor, QStringLiteral("saveAnalysis"))->click();
        QCOMPARE(editor.messageLabel()->text(), QStringLiteral("Analysing INC-1 needs at least one why."));
        QCOMPARE(rowCount(library, QStringLiteral("incident_why")), qint64(1));

        QTest::keyClicks(chain.answer(0), QStringLiteral("The signing step was skipped"));
        QTest::keyClick(chain.answer(0), Qt::Key_Return); // asks the next why
        QCOMPARE(chain.count(), 2);
        QCOMPARE(chain.answer(1)->placeholderText(), QStringLiteral("Why did “The signing step was skipped” happen?"));
        QTest::keyClicks(chain.answer(1), QStringLiteral("The key lives on one laptop"));
        child<QPushButton>(editor, QStringLiteral("addWhy"))->click();
        QTest::keyClicks(chain.answer(2), QStringLiteral("Nobody owns the release keys"));
        child<QPushButton>(editor, QStringLiteral("addWhy"))->click();
        QTest::keyClicks(chain.answer(3), QStringLiteral("A wrong guess"));
        toolButton(editor, QStringLiteral("Move why 3 up"))->click();
        QCOMPARE(chain.whys().at(1), QStringLiteral("Nobody owns the release keys"));
        toolButton(editor, QStringLiteral("Remove why 4"))->click();
        QCOMPARE(chain.count(), 3);
        QTest::keyClicks(editor.rootCauseEdit(), QStringLiteral("Release signing depends on one person"));
        child<QPushButton>(editor, QStringLiteral("saveAnalysis"))->click();

        QVERIFY(editor.messageLabel()->isHidden());
        const QString id = resolveIncident(library, QStringLiteral("INC-1")).value();
        QCOMPARE(selectRows(library, QStringLiteral("SELECT position, text FROM incident_why WHERE incident_id = '%1' "
                                                    "ORDER BY position")
                                         .arg(id)),
                 (QStringList{QStringLiteral("1|The signing step was skipped"),
                              QStringLiteral("2|Nobody owns the release keys"),
                              QStringLiteral("3|The key lives on one laptop")}));
        QCOMPARE(loadIncident(library, id)->status, IncidentStatus::Analysed);
        QCOMPARE(editor.statusBadge()->text(), QStringLiteral("analysed"));
        QCOMPARE(view.currentIncidentId(), id); // the refresh kept the selection
        grabIfAsked(view, QStringLiteral("incidents-view-analysed.png"));
    }

    void reworkIsLoggedAgainstTheIncident()
    {
        TempLibrary lib;
        auto document = sceneDocument(lib);
        IncidentsView view;
        view.setDocument(document.get());
        QVERIFY(view.selectRecord(QStringLiteral("incident"), QStringLiteral("INC-3")));
        view.editor()->setDialogRunner([](QDialog& dialog) {
            child<QDoubleSpinBox>(dialog, QStringLiteral("hours"))->setValue(2.5);
            auto* kind = child<QComboBox>(dialog, QStringLiteral("kind"));
            kind->setCurrentIndex(kind->findText(QStringLiteral("Fire-fighting")));
            QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("note")), QStringLiteral("Hotfix at night"));
            child<QPushButton>(dialog, QStringLiteral("logButton"))->click();
            return dialog.result();
        });
        child<QPushButton>(*view.editor(), QStringLiteral("logRework"))->click();
        Library& library = document->library();
        QCOMPARE(selectRows(library, QStringLiteral("SELECT r.hours, r.kind, r.note, s.key FROM rework r "
                                                    "JOIN incident i ON i.id = r.incident_id "
                                                    "JOIN step s ON s.id = r.step_id")),
                 QStringList{QStringLiteral("2.5|fire-fighting|Hotfix at night|deploy")});
        QTableWidget* table = view.editor()->reworkTable();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Fire-fighting"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("Hotfix at night"));
    }

    void improveThenPublishPreventsTheIncident()
    {
        TempLibrary lib;
        auto document = sceneDocument(lib);
        Library& library = document->library();
        QVERIFY(analyseIncident(library, QStringLiteral("INC-3"), {QStringLiteral("Script not linted")},
                                QStringLiteral("Stored procedures end without GO"))
                    .ok());
        IncidentsView view;
        view.setDocument(document.get());
        QVERIFY(view.selectRecord(QStringLiteral("incident"), QStringLiteral("INC-3")));
        QCOMPARE(view.editor()->statusBadge()->text(), QStringLiteral("analysed"));

        QString prefilled;
        QString cause;
        QString unfinished;
        QString keyShown;
        bool ticked = false;
        view.editor()->setDialogRunner([&](QDialog& dialog) {
            dialog.show();
            if (auto* publish = qobject_cast<PublishDialog*>(&dialog)) {
                auto* answers = child<QListWidget>(dialog, QStringLiteral("answers"));
                for (int i = 0; i < answers->count(); ++i)
                    if (answers->item(i)->data(Qt::UserRole).toString() == QLatin1String("INC-3"))
                        ticked = answers->item(i)->checkState() == Qt::Checked;
                QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("reason")), QStringLiteral("Lint for GO"));
                auto* publisher = child<QComboBox>(dialog, QStringLiteral("publisher"));
                publisher->setCurrentIndex(publisher->findText(QStringLiteral("Ann Lee (AL)")));
                QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("pin")), QStringLiteral("1234"));
                child<QPushButton>(dialog, QStringLiteral("publishButton"))->click();
                return publish->result();
            }
            auto* statement = child<QPlainTextEdit>(dialog, QStringLiteral("statement"));
            prefilled = statement->toPlainText();
            cause = child<QLabel>(dialog, QStringLiteral("rootCause"))->text();
            // The lead-in alone is not a check.
            child<QPushButton>(dialog, QStringLiteral("addCheckButton"))->click();
            auto* message = child<QLabel>(dialog, QStringLiteral("message"));
            unfinished = message->isVisible() ? message->text() : QString();
            QTest::keyClicks(statement, QStringLiteral("every stored procedure ends with GO"));
            keyShown = child<QLineEdit>(dialog, QStringLiteral("key"))->placeholderText();
            grabIfAsked(dialog, QStringLiteral("improve-dialog.png"));
            child<QPushButton>(dialog, QStringLiteral("addCheckButton"))->click();
            return dialog.result();
        });
        child<QPushButton>(*view.editor(), QStringLiteral("improveProcess"))->click();

        // The check starts positive, the (negative) root cause quoted beside it, and its key is cut from
        // what follows the lead-in.
        QCOMPARE(prefilled, QStringLiteral("Check that "));
        QCOMPARE(cause, QStringLiteral("Root cause of INC-3: “Stored procedures end without GO”"));
        QVERIFY2(unfinished.startsWith(QStringLiteral("Finish the check")), qPrintable(unfinished));
        QCOMPARE(keyShown, QStringLiteral("every-stored-procedure-ends-with-go"));
        QVERIFY(ticked);
        const QString id = resolveIncident(library, QStringLiteral("INC-3")).value();
        QCOMPARE(
            selectRows(library,
                       QStringLiteral("SELECT s.key, q.key, q.statement FROM quality_check q JOIN step s "
                                      "ON s.id = q.step_id WHERE q.origin_incident_id = '%1'")
                           .arg(id)),
            QStringList{QStringLiteral("deploy|every-stored-procedure-ends-with-go|Check that every stored "
                                       "procedure ends with GO")});
        QCOMPARE(loadIncident(library, id)->status, IncidentStatus::Prevented);
        QCOMPARE(view.editor()->statusBadge()->text(), QStringLiteral("prevented"));
        QVERIFY(view.editor()->answerLabel()->text().startsWith(QStringLiteral("Answered by revision 2 of ‘release’")));
        QCOMPARE(view.model()->index(0, IncidentListModel::Status).data().toString(), QStringLiteral("prevented"));
        // A prevented incident's analysis is part of the record.
        QVERIFY(view.editor()->whyChain()->isReadOnly());
        QCOMPARE(view.editor()->whyChain()->whys(), QStringList{QStringLiteral("Script not linted")});
    }

    void jumpToByKeyFromTheWindow()
    {
        TempLibrary lib;
        auto document = sceneDocument(lib);
        document.reset();
        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(lib.path()).ok());
        window.document()->setPollInterval(0);
        auto* view = qobject_cast<IncidentsView*>(window.viewWidget(View::Incidents));
        QVERIFY(view);
        view->statusFilter()->setCurrentIndex(view->statusFilter()->findData(QStringLiteral("analysed")));
        QVERIFY(window.selectRecord(View::Incidents, QStringLiteral("incident"), QStringLiteral("INC-3")));
        QCOMPARE(view->editor()->incident().key(), QStringLiteral("INC-3"));
        QCOMPARE(view->statusFilter()->currentIndex(), 0); // the filter that hid it was cleared
        QVERIFY(!window.selectRecord(View::Incidents, QStringLiteral("incident"), QStringLiteral("INC-99")));

        // Someone else's write arrives through the change channel; the selection stays.
        QVERIFY(analyseIncident(window.document()->library(), QStringLiteral("INC-3"), {QStringLiteral("Why")},
                                QStringLiteral("Cause"))
                    .ok());
        QCOMPARE(view->editor()->incident().key(), QStringLiteral("INC-3"));
        QCOMPARE(view->editor()->statusBadge()->text(), QStringLiteral("analysed"));
        QCOMPARE(view->model()->idAt(view->list()->currentIndex().row()), view->editor()->incidentId());
    }
};

QTEST_MAIN(TestIncidentsView)
#include "tst_incidentsview.moc"
