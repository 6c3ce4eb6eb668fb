// File → Import BPMN…'s preview: the tree shows the streams and steps a model becomes, a stream's key can
// be changed, and Import writes them into the library (the views hear of it through Document::changed).
#include "bpmn.h"
#include "bpmn/bpmnimportdialog.h"
#include "document.h"
#include "process.h"
#include "testlibrary.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace stable;
using namespace stable::test;

namespace {

BpmnModel modelStreams(const char* name)
{
    auto model = readBpmnModelFile(QStringLiteral(STABLE_TEST_DATA_DIR "/bpmn/") + QLatin1String(name));
    if (!model.ok())
        qFatal("cannot read the test model: %s", qPrintable(model.message()));
    return model.value();
}

std::unique_ptr<Document> openDocument(TempLibrary& lib)
{
    lib.close();
    auto document = Document::open(lib.path());
    if (!document.ok())
        qFatal("cannot open the library: %s", qPrintable(document.message()));
    document.value()->setPollInterval(0);
    return std::move(document).value();
}

} // namespace

class TestBpmnImport : public QObject
{
    Q_OBJECT

private slots:
    void theTreeShowsStreamsStepsAndRoles()
    {
        TempLibrary lib;
        auto document = openDocument(lib);
        BpmnImportDialog dialog(*document, QStringLiteral("collaboration.bpmn"), modelStreams("collaboration.bpmn"));
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("bpmnPreview"));
        QVERIFY(tree);
        // No QAbstractItemModelTester: the model is QTreeWidget's own, which gives every column of a row the
        // same children and so fails the tester's "second column" check by design.
        QCOMPARE(tree->topLevelItemCount(), 2);
        QTreeWidgetItem* supplier = tree->topLevelItem(1);
        QCOMPARE(supplier->text(0), QStringLiteral("Supplier"));
        QCOMPARE(supplier->text(1), QStringLiteral("supplier"));
        QCOMPARE(supplier->text(3), QStringLiteral("New, 3 steps"));
        QCOMPARE(supplier->childCount(), 3);
        QCOMPARE(supplier->child(0)->text(0), QStringLiteral("Take order"));
        QCOMPARE(supplier->child(2)->text(0), QStringLiteral("Bill"));

        BpmnImportDialog lanes(*document, QStringLiteral("nested-lanes.bpmn"), modelStreams("nested-lanes.bpmn"));
        auto* laneTree = lanes.findChild<QTreeWidget*>(QStringLiteral("bpmnPreview"));
        QCOMPARE(laneTree->topLevelItem(0)->child(0)->text(2), QStringLiteral("Release manager"));
        QCOMPARE(laneTree->topLevelItem(0)->child(1)->text(2), QStringLiteral("DBA"));

        // STABLE_SCREENSHOT_DIR=/tmp keeps a picture of the preview, to look at.
        const QString shots = qEnvironmentVariable("STABLE_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            lanes.show();
            QVERIFY(QTest::qWaitForWindowExposed(&lanes));
            QVERIFY(lanes.grab().save(shots + QStringLiteral("/bpmn-preview.png")));
        }
    }

    void importWritesTheStreamsUnderTheEditedKey()
    {
        TempLibrary lib;
        auto document = openDocument(lib);
        QSignalSpy changed(document.get(), &Document::changed);
        BpmnImportDialog dialog(*document, QStringLiteral("collaboration.bpmn"), modelStreams("collaboration.bpmn"));
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("bpmnPreview"));
        tree->topLevelItem(0)->setText(1, QStringLiteral("buyer")); // as the key editor commits it
        QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("buyer"));
        QCOMPARE(tree->topLevelItemCount(), 2);

        auto* import = dialog.findChild<QPushButton*>(QStringLiteral("import"));
        QVERIFY(import);
        import->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.importedKeys(), (QStringList{QStringLiteral("buyer"), QStringLiteral("supplier")}));
        auto buyer = loadDraft(document->library(), QStringLiteral("buyer"));
        QVERIFY2(buyer.ok(), qPrintable(buyer.message()));
        QCOMPARE(buyer->name, QStringLiteral("Customer"));
        QCOMPARE(buyer->steps.size(), 2);
        QCOMPARE(rowCount(document->library(), QStringLiteral("stream")), 2);
        QCOMPARE(changed.size(), 1);

        // The same model again: the preview says the drafts will be updated.
        BpmnImportDialog again(*document, QStringLiteral("collaboration.bpmn"), modelStreams("collaboration.bpmn"));
        auto* againTree = again.findChild<QTreeWidget*>(QStringLiteral("bpmnPreview"));
        QCOMPARE(againTree->topLevelItem(1)->text(3), QStringLiteral("Updates the draft, 3 steps"));
    }

    void aChoiceIsShownAndOnlyTheKeptBranchIsImported()
    {
        TempLibrary lib;
        auto document = openDocument(lib);
        BpmnImportDialog dialog(*document, QStringLiteral("choices.bpmn"), modelStreams("choices.bpmn"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("bpmnPreview"));
        QTreeWidgetItem* stream = tree->topLevelItem(0);
        QCOMPARE(stream->childCount(), 5);
        QCOMPARE(stream->child(0)->text(3), QString()); // Triage is on every path
        QCOMPARE(stream->child(1)->text(3), QStringLiteral("Alternative at ‘Severity?’: major"));
        QCOMPARE(stream->child(3)->text(3), QStringLiteral("Alternative at ‘Severity?’: minor"));

        auto* choices = dialog.findChild<QGroupBox*>(QStringLiteral("choices"));
        QVERIFY(choices && choices->isVisible());
        auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("choice0"));
        QVERIFY(combo && combo->isVisible());
        QCOMPARE(combo->count(), 4);
        QCOMPARE(combo->itemText(1), QStringLiteral("Keep only ‘major’"));
        QCOMPARE(combo->itemText(3), QStringLiteral("Keep only ‘duplicate’"));

        // With the keyboard, as a person would: the second branch only.
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentText(), QStringLiteral("Keep only ‘minor’"));
        stream = tree->topLevelItem(0);
        QCOMPARE(stream->childCount(), 3);
        QCOMPARE(stream->child(1)->text(0), QStringLiteral("Log ticket"));
        QCOMPARE(stream->child(1)->text(3), QString()); // decided: a plain step
        QCOMPARE(stream->text(3), QStringLiteral("New, 3 steps"));
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("intro"))->text().contains(QStringLiteral("3 steps")));

        dialog.findChild<QPushButton*>(QStringLiteral("import"))->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto draft = loadDraft(document->library(), QStringLiteral("incident-handling"));
        QVERIFY2(draft.ok(), qPrintable(draft.message()));
        QCOMPARE(draft->steps.size(), 3);
        QCOMPARE(draft->steps.at(1).name, QStringLiteral("Log ticket"));
        QVERIFY(!draft->steps.at(1).throughput.contains(QStringLiteral("alternatives"))); // decided: no note
    }

    void everyBranchIsKeptAsAlternativesUnlessTheyChooseOtherwise()
    {
        TempLibrary lib;
        auto document = openDocument(lib);
        BpmnImportDialog dialog(*document, QStringLiteral("choices.bpmn"), modelStreams("choices.bpmn"));
        dialog.findChild<QPushButton*>(QStringLiteral("import"))->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto draft = loadDraft(document->library(), QStringLiteral("incident-handling"));
        QVERIFY2(draft.ok(), qPrintable(draft.message()));
        QCOMPARE(draft->steps.size(), 5);
        QVERIFY(
            draft->steps.at(1).throughput.contains(QStringLiteral("One of the alternatives at ‘Severity?’")));
        QVERIFY(draft->steps.at(4).throughput.isEmpty());

        // A model without a choice has no panel for them.
        BpmnImportDialog linear(*document, QStringLiteral("collaboration.bpmn"),
                                modelStreams("collaboration.bpmn"));
        QVERIFY(!linear.findChild<QGroupBox*>(QStringLiteral("choices")));
    }

    void anInvalidKeyIsRefusedInTheDialog()
    {
        TempLibrary lib;
        auto document = openDocument(lib);
        const qint64 events = rowCount(document->library(), QStringLiteral("audit_event"));
        BpmnImportDialog dialog(*document, QStringLiteral("collaboration.bpmn"), modelStreams("collaboration.bpmn"));
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("bpmnPreview"));
        tree->topLevelItem(1)->setText(1, QStringLiteral("customer"));
        dialog.findChild<QPushButton*>(QStringLiteral("import"))->click();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        auto* message = dialog.findChild<QLabel*>(QStringLiteral("message"));
        QCOMPARE(message->text(), QStringLiteral("Two value streams have the key ‘customer’; give each its own."));
        tree->topLevelItem(1)->setText(1, QStringLiteral("no spaces"));
        dialog.findChild<QPushButton*>(QStringLiteral("import"))->click();
        QVERIFY(message->text().startsWith(QStringLiteral("‘no spaces’ cannot be the key of ‘Supplier’")));
        QCOMPARE(rowCount(document->library(), QStringLiteral("audit_event")), events);
        QCOMPARE(rowCount(document->library(), QStringLiteral("stream")), 0);
    }
};

QTEST_MAIN(TestBpmnImport)
#include "tst_bpmnimport.moc"
