// BPMN 2.0 import: one test model per mapping rule (tests/data/bpmn), the refusals with file and line, and
// the import into a library as one transaction.
#include "bpmn.h"
#include "process.h"
#include "testlibrary.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QString model(const char* name)
{
    return QStringLiteral(STABLE_TEST_DATA_DIR "/bpmn/") + QLatin1String(name);
}

QList<ValueStream> read(const char* name, const QString& key = {})
{
    auto streams = readBpmnFile(model(name), key);
    if (!streams.ok())
        qWarning("%s", qPrintable(streams.message()));
    return streams.ok() ? streams.value() : QList<ValueStream>();
}

QStringList names(const ValueStream& stream)
{
    QStringList result;
    for (const Step& step : stream.steps)
        result.append(step.name);
    return result;
}

QStringList keys(const ValueStream& stream)
{
    QStringList result;
    for (const Step& step : stream.steps)
        result.append(step.key);
    return result;
}

QStringList roles(const ValueStream& stream)
{
    QStringList result;
    for (const Step& step : stream.steps)
        result.append(step.ownerRole);
    return result;
}

const QStringList countedTables{QStringLiteral("stream"), QStringLiteral("step"), QStringLiteral("audit_event")};

} // namespace

class TestBpmn : public QObject
{
    Q_OBJECT

private slots:
    void linearTasksFollowTheFlowsNotTheDocument()
    {
        const QList<ValueStream> streams = read("linear.bpmn");
        QCOMPARE(streams.size(), 1);
        QCOMPARE(streams.at(0).key, QStringLiteral("software-release"));
        QCOMPARE(streams.at(0).name, QStringLiteral("Software Release"));
        QCOMPARE(names(streams.at(0)), (QStringList{QStringLiteral("Build"), QStringLiteral("Test"),
                                                    QStringLiteral("Deploy")}));
        QCOMPARE(keys(streams.at(0)), (QStringList{QStringLiteral("build"), QStringLiteral("test"),
                                                   QStringLiteral("deploy")}));
    }

    void everyTaskTypeAndCallActivityIsAStep()
    {
        const QList<ValueStream> streams = read("task-types.bpmn");
        QCOMPARE(streams.size(), 1);
        QCOMPARE(names(streams.at(0)),
                 (QStringList{QStringLiteral("Plain task"), QStringLiteral("User task"),
                              QStringLiteral("Service task"), QStringLiteral("Script task"),
                              QStringLiteral("Manual task"), QStringLiteral("Business rule task"),
                              QStringLiteral("Send task"), QStringLiteral("Receive task"),
                              QStringLiteral("Call activity")}));
    }

    void aLoopBackDoesNotScrambleTheOrder()
    {
        const QList<ValueStream> streams = read("loop.bpmn");
        QCOMPARE(names(streams.value(0)), (QStringList{QStringLiteral("Write draft"), QStringLiteral("Review"),
                                                       QStringLiteral("Publish")}));
    }

    void gatewaysArePassedThroughBranchesInDocumentOrder()
    {
        const QList<ValueStream> streams = read("gateways.bpmn");
        QCOMPARE(names(streams.value(0)),
                 (QStringList{QStringLiteral("Receive order"), QStringLiteral("Standard handling"),
                              QStringLiteral("Express handling"), QStringLiteral("Invoice"),
                              QStringLiteral("Pack"), QStringLiteral("Ship")}));
    }

    void anExclusiveChoiceIsReportedWithItsBranches()
    {
        auto parsed = readBpmnModelFile(model("gateways.bpmn"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.message()));
        // The parallel fork and the merges are no choice; "Express?" is, its branches in document order.
        QCOMPARE(parsed->choices.size(), 1);
        QCOMPARE(parsed->choices.at(0).size(), 1);
        const BpmnChoice choice = parsed->choices.at(0).at(0);
        QCOMPARE(choice.gateway, QStringLiteral("Express?"));
        QCOMPARE(choice.branches.size(), 2);
        QCOMPARE(choice.branches.at(0).stepKeys, QStringList{QStringLiteral("standard-handling")});
        QCOMPARE(choice.branches.at(1).stepKeys, QStringList{QStringLiteral("express-handling")});
        // Without flow names, a branch reads as its steps.
        QCOMPARE(bpmnBranchLabel(parsed->streams.at(0), choice.branches.at(1)),
                 QStringLiteral("Express handling"));
        // The streams are those parseBpmn gives: the choice changes nothing until the person decides.
        QCOMPARE(names(parsed->streams.at(0)), names(read("gateways.bpmn").value(0)));
        QVERIFY(readBpmnModelFile(model("linear.bpmn"))->choices.at(0).isEmpty());
    }

    void aChoiceKeepsItsBranchesAsAlternativesOrOnlyOne()
    {
        auto parsed = readBpmnModelFile(model("choices.bpmn"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.message()));
        const ValueStream stream = parsed->streams.at(0);
        QCOMPARE(names(stream), (QStringList{QStringLiteral("Triage"), QStringLiteral("Page on-call"),
                                             QStringLiteral("Open bridge"), QStringLiteral("Log ticket"),
                                             QStringLiteral("Close")}));
        QCOMPARE(parsed->choices.at(0).size(), 1);
        const BpmnChoice choice = parsed->choices.at(0).at(0);
        QCOMPARE(choice.gateway, QStringLiteral("Severity?"));
        QCOMPARE(choice.branches.size(), 3);
        QCOMPARE(choice.branches.at(0).label, QStringLiteral("major"));
        QCOMPARE(choice.branches.at(0).stepKeys, (QStringList{keys(stream).at(1), keys(stream).at(2)}));
        QCOMPARE(choice.branches.at(1).label, QStringLiteral("minor"));
        QCOMPARE(choice.branches.at(1).stepKeys, QStringList{keys(stream).at(3)});
        QCOMPARE(choice.branches.at(2).label, QStringLiteral("duplicate")); // straight to the merge
        QVERIFY(choice.branches.at(2).stepKeys.isEmpty());

        ValueStream alternatives = stream;
        keepBpmnBranchesAsAlternatives(alternatives, choice);
        QCOMPARE(names(alternatives), names(stream));
        for (int i : {1, 2, 3}) {
            const QString note = alternatives.steps.at(i).throughput;
            QVERIFY2(
                note.contains(QStringLiteral("alternatives at ‘Severity?’ (‘major’, ‘minor’, ‘duplicate’)")),
                qPrintable(note));
            QVERIFY(note.contains(QStringLiteral("n/a")));
        }
        QVERIFY(alternatives.steps.at(1).throughput.contains(QStringLiteral("on the branch ‘major’")));
        QVERIFY(alternatives.steps.at(3).throughput.contains(QStringLiteral("on the branch ‘minor’")));
        QVERIFY(alternatives.steps.at(0).throughput.isEmpty()); // Triage and Close are on every path
        QVERIFY(alternatives.steps.at(4).throughput.isEmpty());

        ValueStream major = stream;
        keepOnlyBpmnBranch(major, choice, 0);
        QCOMPARE(names(major), (QStringList{QStringLiteral("Triage"), QStringLiteral("Page on-call"),
                                            QStringLiteral("Open bridge"), QStringLiteral("Close")}));
        ValueStream duplicate = stream;
        keepOnlyBpmnBranch(duplicate, choice, 2);
        QCOMPARE(names(duplicate), (QStringList{QStringLiteral("Triage"), QStringLiteral("Close")}));
    }

    void twoStartEventsThenUnreachableActivitiesInDocumentOrder()
    {
        const QList<ValueStream> streams = read("two-starts.bpmn");
        // Both starts lead in; the join waits for both paths; ties go to the earlier element in the file.
        QCOMPARE(names(streams.value(0)),
                 (QStringList{QStringLiteral("Log the mail"), QStringLiteral("Log the call"),
                              QStringLiteral("Resolve"), QStringLiteral("Tidy the queue"),
                              QStringLiteral("Weekly report")}));
    }

    void theInnermostLaneIsTheOwnerRole()
    {
        const QList<ValueStream> streams = read("nested-lanes.bpmn");
        const ValueStream stream = streams.value(0);
        QCOMPARE(names(stream), (QStringList{QStringLiteral("Announce the window"), QStringLiteral("Back up"),
                                             QStringLiteral("Apply the change"), QStringLiteral("Verify"),
                                             QStringLiteral("Close the ticket")}));
        QCOMPARE(roles(stream), (QStringList{QStringLiteral("Release manager"), QStringLiteral("DBA"),
                                             QStringLiteral("DBA"), QStringLiteral("QA"), QString()}));
    }

    void eachParticipantsProcessIsAStreamNamedAfterIt()
    {
        const QList<ValueStream> streams = read("collaboration.bpmn");
        QCOMPARE(streams.size(), 2); // the process with only events makes none; the bank has no process
        QCOMPARE(streams.at(0).name, QStringLiteral("Customer"));
        QCOMPARE(streams.at(0).key, QStringLiteral("customer"));
        QCOMPARE(names(streams.at(0)), (QStringList{QStringLiteral("Place order"), QStringLiteral("Receive goods")}));
        QCOMPARE(streams.at(1).name, QStringLiteral("Supplier"));
        QCOMPARE(names(streams.at(1)),
                 (QStringList{QStringLiteral("Take order"), QStringLiteral("Deliver"), QStringLiteral("Bill")}));
    }

    void keyOptionNumbersFurtherStreams()
    {
        const QList<ValueStream> streams = read("collaboration.bpmn", QStringLiteral("trade"));
        QCOMPARE(streams.size(), 2);
        QCOMPARE(streams.at(0).key, QStringLiteral("trade"));
        QCOMPARE(streams.at(1).key, QStringLiteral("trade-2"));
        QCOMPARE(bpmnStreamKey(QStringLiteral("k"), 2), QStringLiteral("k-3"));
    }

    void aSubProcessIsFlattenedAndAnEmptyOneIsAStep()
    {
        const ValueStream stream = read("subprocess.bpmn").value(0);
        QCOMPARE(names(stream), (QStringList{QStringLiteral("Prepare"), QStringLiteral("Compile"),
                                             QStringLiteral("Run the tests"), QStringLiteral("Sign off"),
                                             QStringLiteral("Release")}));
        // The activities inside a sub-process take its lane.
        QCOMPARE(roles(stream), (QStringList{QStringLiteral("Developer"), QStringLiteral("Developer"),
                                             QStringLiteral("Developer"), QStringLiteral("Team lead"),
                                             QStringLiteral("Team lead")}));
        QCOMPARE(stream.steps.at(3).throughput, QStringLiteral("The lead signs the release notes."));
    }

    void documentationIsTheThroughput()
    {
        const ValueStream stream = read("documentation.bpmn").value(0);
        QCOMPARE(stream.purpose, QStringLiteral("Keeps a copy of every database."));
        QCOMPARE(stream.steps.size(), 3);
        QCOMPARE(stream.steps.at(0).throughput,
                 QStringLiteral("Run pg_dump for each database.\nStore the files under /backup/<date>."));
        QCOMPARE(stream.steps.at(1).throughput,
                 QStringLiteral("Compare with **yesterday**: a drop of > 10% is a failure."));
        QCOMPARE(stream.steps.at(2).throughput, QString());
    }

    void lineBreaksInNamesBecomeSpaces()
    {
        const ValueStream stream = read("line-breaks.bpmn").value(0);
        QCOMPARE(stream.name, QStringLiteral("Shift handover"));
        QCOMPARE(names(stream), (QStringList{QStringLiteral("Write the handover note"),
                                             QStringLiteral("Walk through open incidents"), QStringLiteral("Sign")}));
        QCOMPARE(keys(stream).at(0), QStringLiteral("write-the-handover-note"));
    }

    void everyNamespacePrefixReads_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("steps");
        QTest::newRow("bpmn2:") << QStringLiteral("bpmn2-prefix.bpmn")
                                << QStringList{QStringLiteral("Register"), QStringLiteral("Triage")};
        QTest::newRow("semantic:") << QStringLiteral("semantic-prefix.bpmn")
                                   << QStringList{QStringLiteral("Sample records"), QStringLiteral("Report findings")};
        // An element of another namespace named "task" is not a task.
        QTest::newRow("default") << QStringLiteral("default-namespace.bpmn")
                                 << QStringList{QStringLiteral("Interview"), QStringLiteral("Make an offer")};
        QTest::newRow("extensions") << QStringLiteral("extensions.bpmn")
                                    << QStringList{QStringLiteral("Compute pay"), QStringLiteral("Approve pay")};
        QTest::newRow("diagram") << QStringLiteral("diagram.bpmn")
                                 << QStringList{QStringLiteral("Check invoice"), QStringLiteral("Pay")};
    }
    void everyNamespacePrefixReads()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, steps);
        auto streams = readBpmnFile(model(file.toLatin1().constData()));
        QVERIFY2(streams.ok(), qPrintable(streams.message()));
        QCOMPARE(streams->size(), 1);
        QCOMPARE(names(streams->at(0)), steps);
    }

    void vendorExtensionsAreIgnoredButDocumentationKept()
    {
        const ValueStream stream = read("extensions.bpmn").value(0);
        QCOMPARE(stream.steps.value(1).throughput, QStringLiteral("Two people approve."));
    }

    void latin1NamesAreReadAsDeclared()
    {
        QVERIFY(fileBytes(model("latin1.bpmn")).contains("Qualit\xe4tspr\xfc" "fung"));
        const ValueStream stream = read("latin1.bpmn").value(0);
        QCOMPARE(stream.name, QStringLiteral("Qualitätsprüfung"));
        QCOMPARE(stream.key, QStringLiteral("qualitatsprufung"));
        QCOMPARE(names(stream), (QStringList{QStringLiteral("Übergabe prüfen"),
                                             QStringLiteral("Café für das Team, 5 Euro? Nein: 5 Euro")}));
        QCOMPARE(stream.steps.at(0).ownerRole, QStringLiteral("Qualitätssicherung"));
    }

    void badFilesAreRefusedWithFileAndLine_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("words");
        QTest::newRow("malformed") << QStringLiteral("malformed.bpmn")
                                   << QStringLiteral("‘malformed.bpmn’, line 7: this is not well-formed XML");
        QTest::newRow("truncated") << QStringLiteral("truncated.bpmn")
                                   << QStringLiteral("‘truncated.bpmn’, line 8: the file ends before the model does");
        QTest::newRow("not bpmn") << QStringLiteral("not-bpmn.bpmn")
                                  << QStringLiteral("‘not-bpmn.bpmn’, line 3: this is not a BPMN 2.0 model");
        QTest::newRow("empty") << QStringLiteral("empty.bpmn")
                               << QStringLiteral("‘empty.bpmn’, line 1: the file is empty");
        QTest::newRow("no activities") << QStringLiteral("no-activities.bpmn")
                                       << QStringLiteral("‘no-activities.bpmn’, line 8: the model has no process "
                                                         "with activities");
    }
    void badFilesAreRefusedWithFileAndLine()
    {
        QFETCH(QString, file);
        QFETCH(QString, words);
        auto streams = readBpmnFile(model(file.toLatin1().constData()));
        QVERIFY(!streams.ok());
        QVERIFY2(streams.message().startsWith(words), qPrintable(streams.message()));
    }

    void aMissingFileIsNamed()
    {
        auto streams = readBpmnFile(QStringLiteral("/nowhere/model.bpmn"));
        QVERIFY(!streams.ok());
        QCOMPARE(streams.message(), QStringLiteral("‘/nowhere/model.bpmn’ does not exist."));
    }

    void importWritesEveryStreamWithAuditEvents()
    {
        TempLibrary lib;
        const QList<ValueStream> streams = read("collaboration.bpmn");
        auto imported = importBpmnStreams(*lib, streams, QStringLiteral("collaboration.bpmn"));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(imported->size(), 2);
        QVERIFY(imported->at(0).created);
        QCOMPARE(imported->at(1).steps, 3);
        auto supplier = loadDraft(*lib, QStringLiteral("supplier"));
        QVERIFY2(supplier.ok(), qPrintable(supplier.message()));
        QCOMPARE(names(supplier.value()), names(streams.at(1)));
        QCOMPARE(rowCount(*lib, QStringLiteral("stream")), 2);
        QCOMPARE(rowCount(*lib, QStringLiteral("step")), 5);
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), 1 + 2 + 5); // the library's identity first
        QCOMPARE(lastAuditEvent(*lib).why, QStringLiteral("Imported from the BPMN model ‘collaboration.bpmn’."));

        // The same model again: the drafts are as imported, so nothing is written.
        auto again = importBpmnStreams(*lib, streams, QStringLiteral("collaboration.bpmn"));
        QVERIFY(again.ok());
        QVERIFY(!again->at(0).created);
        QCOMPARE(rowCount(*lib, QStringLiteral("audit_event")), 1 + 2 + 5);
    }

    void anExistingKeyGetsItsDraftUpdated()
    {
        TempLibrary lib;
        QVERIFY(importBpmnStreams(*lib, read("linear.bpmn", QStringLiteral("flow")), QStringLiteral("a")).ok());
        auto updated = importBpmnStreams(*lib, read("loop.bpmn", QStringLiteral("flow")), QStringLiteral("b"));
        QVERIFY2(updated.ok(), qPrintable(updated.message()));
        QVERIFY(!updated->at(0).created);
        auto draft = loadDraft(*lib, QStringLiteral("flow"));
        QCOMPARE(draft->name, QStringLiteral("Article"));
        QCOMPARE(names(draft.value()), (QStringList{QStringLiteral("Write draft"), QStringLiteral("Review"),
                                                    QStringLiteral("Publish")}));
    }

    void oneRefusedStreamWritesNone()
    {
        TempLibrary lib;
        QList<ValueStream> streams = read("collaboration.bpmn");
        streams[1].key = QStringLiteral("not a key"); // the second fails after the first was written
        const RowCounts before = rowCounts(*lib, countedTables);
        expectRefused(*lib, importBpmnStreams(*lib, streams, QStringLiteral("collaboration.bpmn")),
                      QStringLiteral("‘not a key’ is not a valid value stream key"), before);
        streams[1].key = streams[0].key;
        expectRefused(*lib, importBpmnStreams(*lib, streams, QStringLiteral("collaboration.bpmn")),
                      QStringLiteral("would both become the value stream ‘customer’"), before);
    }

    // A generated model of about a megabyte: the parse time is printed (target ≤ 100 ms), never asserted.
    // A hostile model: thousands of choices one after another, each branch walk crossing the rest of the
    // model. The walks stop at their budget instead of costing gateways × nodes; the steps are all there.
    void manyChainedChoicesStayBounded()
    {
        const int gateways = 6000;
        QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n"
                         "<bpmn:process id=\"Chain\" name=\"Chain\"><bpmn:startEvent id=\"S\"/>\n";
        QByteArray previous = "S";
        for (int g = 0; g < gateways; ++g) {
            const QByteArray n = QByteArray::number(g);
            xml += "<bpmn:exclusiveGateway id=\"G" + n + "\" name=\"Choice " + n + "\"/><bpmn:task id=\"A" +
                   n + "\" name=\"Task " + n + "\"/><bpmn:exclusiveGateway id=\"M" + n + "\"/>\n" +
                   "<bpmn:sequenceFlow sourceRef=\"" + previous + "\" targetRef=\"G" + n + "\"/>" +
                   "<bpmn:sequenceFlow sourceRef=\"G" + n + "\" targetRef=\"A" + n + "\"/>" +
                   "<bpmn:sequenceFlow sourceRef=\"G" + n + "\" targetRef=\"M" + n + "\"/>" +
                   "<bpmn:sequenceFlow sourceRef=\"A" + n + "\" targetRef=\"M" + n + "\"/>\n";
            previous = "M" + n;
        }
        xml += "</bpmn:process></bpmn:definitions>\n";
        auto parsed = parseBpmnModel(xml, QStringLiteral("chain.bpmn"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.message()));
        QCOMPARE(parsed->streams.at(0).steps.size(), gateways);
        const QList<BpmnChoice>& choices = parsed->choices.at(0);
        QVERIFY(!choices.isEmpty());
        QVERIFY2(choices.size() < gateways,
                 qPrintable(QString::number(choices.size()))); // the budget ran out
        QCOMPARE(choices.at(0).gateway, QStringLiteral("Choice 0"));
        QCOMPARE(choices.at(0).branches.at(0).stepKeys, QStringList{parsed->streams.at(0).steps.at(0).key});
        QVERIFY(choices.at(0).branches.at(1).stepKeys.isEmpty());
    }

    void aLargeModelParses()
    {
        QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n";
        const int processes = 20;
        const int tasks = 250;
        for (int p = 0; p < processes; ++p) {
            xml += "<bpmn:process id=\"P" + QByteArray::number(p) + "\" name=\"Process " + QByteArray::number(p) +
                   "\">\n<bpmn:laneSet><bpmn:lane name=\"Team\">\n";
            for (int t = 0; t < tasks; ++t)
                xml += "<bpmn:flowNodeRef>P" + QByteArray::number(p) + "T" + QByteArray::number(t) +
                       "</bpmn:flowNodeRef>\n";
            xml += "</bpmn:lane></bpmn:laneSet>\n<bpmn:startEvent id=\"P" + QByteArray::number(p) + "S\"/>\n";
            for (int t = tasks - 1; t >= 0; --t) // reversed, so the flows decide the order
                xml += "<bpmn:userTask id=\"P" + QByteArray::number(p) + "T" + QByteArray::number(t) +
                       "\" name=\"Task number " + QByteArray::number(t) +
                       "\"><bpmn:documentation>Do the work of this step carefully.</bpmn:documentation>"
                       "</bpmn:userTask>\n";
            for (int t = 0; t < tasks; ++t) {
                const QByteArray from = t == 0 ? QByteArray("S") : QByteArray("T" + QByteArray::number(t - 1));
                xml += "<bpmn:sequenceFlow id=\"P" + QByteArray::number(p) + "F" + QByteArray::number(t) +
                       "\" sourceRef=\"P" + QByteArray::number(p) + from + "\" targetRef=\"P" +
                       QByteArray::number(p) + "T" + QByteArray::number(t) + "\"/>\n";
            }
            xml += "</bpmn:process>\n";
        }
        xml += "</bpmn:definitions>\n";
        QElapsedTimer timer;
        timer.start();
        auto streams = parseBpmn(xml, QStringLiteral("large.bpmn"));
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(streams.ok(), qPrintable(streams.message()));
        QCOMPARE(streams->size(), processes);
        QCOMPARE(streams->at(3).steps.size(), tasks);
        QCOMPARE(streams->at(3).steps.at(tasks - 1).name, QStringLiteral("Task number %1").arg(tasks - 1));
        qInfo("BPMN parse of %.2f MB, %d activities: %lld ms (target 100 ms)",
              static_cast<double>(xml.size()) / (1024.0 * 1024.0), processes * tasks, elapsed);
    }
};

QTEST_GUILESS_MAIN(TestBpmn)
#include "tst_bpmn.moc"
