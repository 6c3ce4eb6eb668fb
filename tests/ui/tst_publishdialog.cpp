// Publishing and comparing through the widgets: the dialog shows what changed since the latest
// revision, a wrong PIN is refused in the dialog with nothing lost and nothing recorded, the right PIN
// makes the next revision answering the ticked incidents; the history lists and compares revisions.
#include "document.h"
#include "fixtures.h"
#include "incidents.h"
#include "publishdialog.h"
#include "revisionhistory.h"
#include "revisions.h"
#include "startup.h"
#include "templatedialog.h"
#include "templates.h"
#include "testlibrary.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>

using namespace stable;
using namespace stable::test;

namespace {

// The sample process published as revision 1, then improved in the draft, with an incident to answer.
std::unique_ptr<Document> improvedSample(TempLibrary& lib)
{
    publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
    Step deploy = loadDraft(*lib, QStringLiteral("release"))->steps[1];
    deploy.throughput = QStringLiteral("Install the signed package on production during the window.");
    if (!updateStep(*lib, deploy).ok())
        qFatal("cannot change the draft");
    NewIncident incident;
    incident.title = QStringLiteral("Unsigned package deployed");
    incident.stream = QStringLiteral("release");
    incident.detectedStep = QStringLiteral("deploy");
    incident.injectedStep = QStringLiteral("build");
    if (!addIncident(*lib, incident).ok())
        qFatal("cannot add the incident");
    lib.close();
    auto document = Document::open(lib.path());
    if (!document.ok())
        qFatal("cannot open: %s", qPrintable(document.message()));
    document.value()->setPollInterval(0);
    return std::move(document).value();
}

void grabIfAsked(QWidget& widget, const QString& name)
{
    if (const QByteArray folder = qgetenv("STABLE_SCREENSHOT_DIR"); !folder.isEmpty())
        QVERIFY(saveScreenshot(widget, QDir(QString::fromLocal8Bit(folder)).filePath(name)).ok());
}

struct Fields
{
    explicit Fields(QDialog& dialog)
        : reason(dialog.findChild<QLineEdit*>(QStringLiteral("reason")))
        , pin(dialog.findChild<QLineEdit*>(QStringLiteral("pin")))
        , publisher(dialog.findChild<QComboBox*>(QStringLiteral("publisher")))
        , answers(dialog.findChild<QListWidget*>(QStringLiteral("answers")))
        , message(dialog.findChild<QLabel*>(QStringLiteral("message")))
        , summary(dialog.findChild<QLabel*>(QStringLiteral("summary")))
        , changes(dialog.findChild<QTextBrowser*>(QStringLiteral("changes")))
        , publish(dialog.findChild<QPushButton*>(QStringLiteral("publishButton")))
    {
    }
    QLineEdit* reason;
    QLineEdit* pin;
    QComboBox* publisher;
    QListWidget* answers;
    QLabel* message;
    QLabel* summary;
    QTextBrowser* changes;
    QPushButton* publish;
};

} // namespace

class TestPublishDialog : public QObject
{
    Q_OBJECT
private slots:
    void wrongPinThenRightPinPublishesRevisionTwo()
    {
        TempLibrary lib;
        auto document = improvedSample(lib);
        Library& library = document->library();
        const QString streamId = resolveStream(library, QStringLiteral("release")).value();

        PublishDialog dialog(*document, streamId);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        Fields fields(dialog);
        QVERIFY(fields.reason && fields.pin && fields.publisher && fields.answers && fields.message &&
                fields.publish);
        QCOMPARE(fields.pin->echoMode(), QLineEdit::Password);
        QCOMPARE(fields.summary->text(), QStringLiteral("Since revision 1: 1 step changed."));
        QVERIFY(fields.changes->toPlainText().contains(QStringLiteral("signed")));
        QCOMPARE(fields.answers->count(), 1);
        QCOMPARE(fields.answers->item(0)->text(), QStringLiteral("INC-1 — Unsigned package deployed (open)"));

        QTest::keyClicks(fields.reason, QStringLiteral("Deploy only signed packages (INC-1)"));
        fields.answers->item(0)->setCheckState(Qt::Checked);
        fields.publisher->setCurrentIndex(fields.publisher->findText(QStringLiteral("Ann Lee (AL)")));
        QTest::keyClicks(fields.pin, QStringLiteral("9999"));
        grabIfAsked(dialog, QStringLiteral("publish-dialog.png"));
        fields.publish->click();

        QVERIFY(dialog.isVisible());
        QVERIFY(!fields.message->isHidden());
        QCOMPARE(fields.message->text(),
                 QStringLiteral("Wrong PIN for Ann Lee (1 of 5 attempts before the lock)."));
        QCOMPARE(listRevisions(library, QStringLiteral("release"))->size(), 1);
        QCOMPARE(dialog.publishedRevision(), 0);
        // Nothing typed is lost but the PIN.
        QCOMPARE(fields.reason->text(), QStringLiteral("Deploy only signed packages (INC-1)"));
        QCOMPARE(fields.answers->item(0)->checkState(), Qt::Checked);
        QVERIFY(fields.pin->text().isEmpty());
        grabIfAsked(dialog, QStringLiteral("publish-dialog-refused.png"));

        QTest::keyClicks(fields.pin, QStringLiteral("1234"));
        fields.publish->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.publishedRevision(), 2);
        auto revisions = listRevisions(library, QStringLiteral("release"));
        QCOMPARE(revisions->size(), 2);
        QCOMPARE(revisions->at(1).reason, QStringLiteral("Deploy only signed packages (INC-1)"));
        QCOMPARE(revisions->at(1).publisherName, QStringLiteral("Ann Lee"));
        QCOMPARE(revisions->at(1).answers, QStringList{QStringLiteral("INC-1")});
        QCOMPARE(loadIncident(library, QStringLiteral("INC-1"))->status, IncidentStatus::Prevented);
    }

    void refusalsAreShownInTheDialog()
    {
        TempLibrary lib;
        publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        lib.close();
        auto document = Document::open(lib.path());
        QVERIFY(document.ok());
        PublishDialog dialog(*document.value(),
                             resolveStream(document.value()->library(), QStringLiteral("release")).value());
        Fields fields(dialog);
        QCOMPARE(fields.summary->text(),
                 QStringLiteral("The draft is the same as revision 1: there is nothing new to publish."));
        QTest::keyClicks(fields.reason, QStringLiteral("Again"));
        fields.publisher->setCurrentIndex(0);
        QTest::keyClicks(fields.pin, QStringLiteral("1234"));
        fields.publish->click();
        QCOMPARE(fields.message->text(), QStringLiteral("Nothing changed since revision 1."));
        QCOMPARE(dialog.publishedRevision(), 0);
        QCOMPARE(fields.reason->text(), QStringLiteral("Again"));
        QCOMPARE(listRevisions(document.value()->library(), QStringLiteral("release"))->size(), 1);
    }

    void firstRevisionIsSaidSo()
    {
        TempLibrary lib;
        lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, sampleProcess()).ok());
        lib.close();
        auto document = Document::open(lib.path());
        QVERIFY(document.ok());
        PublishDialog dialog(*document.value(),
                             resolveStream(document.value()->library(), QStringLiteral("release")).value());
        Fields fields(dialog);
        QCOMPARE(fields.summary->text(),
                 QStringLiteral("This will be the first revision of ‘Software Release’: 2 steps, 4 checks."));
        QCOMPARE(fields.answers->count(), 1);
        QCOMPARE(fields.answers->item(0)->flags(), Qt::NoItemFlags);

        // Publishing needs a publisher and a reason, asked for before any PIN is checked.
        fields.publish->click();
        QCOMPARE(fields.message->text(), QStringLiteral("Choose who publishes this revision."));
        fields.publisher->setCurrentIndex(0);
        fields.publish->click();
        QCOMPARE(fields.message->text(),
                 QStringLiteral("A revision needs a reason: say what changed and why."));
        QCOMPARE(listRevisions(document.value()->library(), QStringLiteral("release"))->size(), 0);

        QTest::keyClicks(fields.reason, QStringLiteral("First version"));
        QTest::keyClicks(fields.pin, QStringLiteral("1234"));
        fields.publish->click();
        QCOMPARE(dialog.publishedRevision(), 1);
    }

    void historyListsAndComparesRevisions()
    {
        TempLibrary lib;
        auto document = improvedSample(lib);
        Library& library = document->library();
        auto signer = authenticate(library, QStringLiteral("AL"), QStringLiteral("1234"));
        QVERIFY(signer.ok());
        QVERIFY(publish(library, signer.value(),
                        PublishRequest{QStringLiteral("release"), QStringLiteral("Signed packages"), {}})
                    .ok());

        RevisionHistoryDialog dialog(*document, resolveStream(library, QStringLiteral("release")).value());
        QAbstractItemModelTester tester(dialog.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dialog.model()->rowCount(), 2);
        QCOMPARE(dialog.model()->index(0, RevisionListModel::Reason).data().toString(),
                 QStringLiteral("First version"));
        QCOMPARE(dialog.model()->index(1, RevisionListModel::Publisher).data().toString(),
                 QStringLiteral("Ann Lee"));
        QVERIFY(dialog.model()
                    ->index(1, RevisionListModel::PublishedUtc)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("UTC")));

        // Opens on the latest change: revision 1 against revision 2, the new word highlighted.
        const QString html = dialog.comparisonHtml();
        QVERIFY(html.contains(QStringLiteral("Revision 1")));
        QVERIFY(html.contains(QStringLiteral("Revision 2")));
        QVERIFY(html.contains(QStringLiteral(">signed </span>")));

        // Revision against the draft after the draft moves on.
        const ValueStream draft = loadDraft(library, QStringLiteral("release")).value();
        Step build = draft.steps[0];
        build.name = QStringLiteral("Build and sign");
        QVERIFY(updateStep(library, build).ok());
        QVERIFY(removeCheck(library, draft.steps[1].checks[1].id).ok()); // smoke
        QualityCheck rollback;
        rollback.key = QStringLiteral("rollback");
        rollback.statement = QStringLiteral("Rollback script rehearsed on staging");
        QVERIFY(addCheck(library, draft.steps[1].id, rollback).ok());
        dialog.compare(2, 0);
        const QString withDraft = dialog.comparisonHtml();
        QVERIFY(withDraft.contains(QStringLiteral("Draft")));
        QVERIFY(withDraft.contains(QStringLiteral("and sign</span>")));
        QVERIFY(withDraft.contains(QStringLiteral("Rollback script rehearsed on staging")));
        QVERIFY(withDraft.contains(QStringLiteral("line-through")));
        dialog.resize(1000, 700);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        grabIfAsked(dialog, QStringLiteral("revision-history.png"));
    }

    void templateMakesASecondCopyUnderAFreshKey()
    {
        TempLibrary lib;
        lib.close();
        auto document = Document::open(lib.path());
        QVERIFY(document.ok());
        Library& library = document.value()->library();
        for (int copy = 1; copy <= 2; ++copy) {
            TemplateDialog dialog(*document.value());
            auto* chosen = dialog.findChild<QComboBox*>(QStringLiteral("template"));
            chosen->setCurrentIndex(chosen->findData(QStringLiteral("execution-plan")));
            auto* key = dialog.findChild<QLineEdit*>(QStringLiteral("key"));
            QCOMPARE(key->text(),
                     copy == 1 ? QStringLiteral("execution-plan") : QStringLiteral("execution-plan-2"));
            QMetaObject::invokeMethod(dialog.findChild<QDialogButtonBox*>(), "accepted");
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QVERIFY(!dialog.createdStreamId().isEmpty());
        }
        auto streams = listStreams(library);
        QCOMPARE(streams->size(), 2);
        QCOMPARE(loadDraft(library, QStringLiteral("execution-plan-2"))->steps.size(),
                 loadTemplate(QStringLiteral("execution-plan"))->steps.size());

        // A taken key is refused in the dialog: importing would overwrite that stream's draft.
        TemplateDialog dialog(*document.value());
        auto* key = dialog.findChild<QLineEdit*>(QStringLiteral("key"));
        key->setText(QStringLiteral("execution-plan"));
        QMetaObject::invokeMethod(dialog.findChild<QDialogButtonBox*>(), "accepted");
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("message"))->text(),
                 QStringLiteral(
                     "A value stream with the key ‘execution-plan’ exists already; choose another key."));
        QCOMPARE(listStreams(library)->size(), 2);
    }
};

QTEST_MAIN(TestPublishDialog)
#include "tst_publishdialog.moc"
