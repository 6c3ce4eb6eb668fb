// stablectl import-bpmn: the streams a BPMN model makes, as text and as JSON, the --key numbering, and a
// bad model refused with its file and line, leaving the library as it was.
#include "stablectl_harness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stable::test;

namespace {

QString model(const char* name)
{
    return QStringLiteral(STABLE_TEST_DATA_DIR "/bpmn/") + QLatin1String(name);
}

} // namespace

class TestStablectlBpmn : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_libraries = 0;

    QString newLibrary()
    {
        const QString path = m_dir.filePath(QStringLiteral("lib%1.stable").arg(++m_libraries));
        const CtlResult made = ctl({QStringLiteral("init"), path});
        return made.exitCode == 0 ? path : QString();
    }

private slots:
    void printsEachStreamWithItsStepCount()
    {
        const QString lib = newLibrary();
        const CtlResult result = ctl({QStringLiteral("import-bpmn"), lib, model("collaboration.bpmn")});
        CTL_OK(result);
        QCOMPARE(result.out, QStringLiteral("Created ‘customer’ (Customer): 2 steps\n"
                                            "Created ‘supplier’ (Supplier): 3 steps\n"));
        QCOMPARE(rows(lib, QStringLiteral("stream")), 2);
        QCOMPARE(rows(lib, QStringLiteral("step")), 5);
        QCOMPARE(auditEvents(lib), 1 + 7); // the library's identity first

        // Again: the drafts are updated in place (here: nothing to change, nothing written).
        const CtlResult again = ctl({QStringLiteral("import-bpmn"), lib, model("collaboration.bpmn")});
        CTL_OK(again);
        QVERIFY(again.out.startsWith(QStringLiteral("Updated the draft of ‘customer’ (Customer): 2 steps\n")));
        QCOMPARE(auditEvents(lib), 1 + 7); // the library's identity first
    }

    void jsonListsKeyNameAndSteps()
    {
        const QString lib = newLibrary();
        const CtlResult result =
            ctl({QStringLiteral("import-bpmn"), lib, model("subprocess.bpmn"), QStringLiteral("--json")});
        CTL_OK(result);
        const QJsonArray made = result.json().array();
        QCOMPARE(made.size(), 1);
        QCOMPARE(made.at(0).toObject(), (QJsonObject{{QStringLiteral("key"), QStringLiteral("delivery")},
                                                     {QStringLiteral("name"), QStringLiteral("Delivery")},
                                                     {QStringLiteral("steps"), 5},
                                                     {QStringLiteral("choices"), QJsonArray()}}));
    }

    void aChoiceIsListedAndAlternativesNoteIt()
    {
        const QString lib = newLibrary();
        const CtlResult result = ctl({QStringLiteral("import-bpmn"), lib, model("choices.bpmn")});
        CTL_OK(result);
        QCOMPARE(result.out,
                 QStringLiteral(
                     "Created ‘incident-handling’ (Incident handling): 5 steps\n"
                     "  ‘Severity?’ is a choice between ‘major’, ‘minor’, ‘duplicate’: its branches are "
                     "consecutive steps (--alternatives notes them as alternatives; the app's Import "
                     "BPMN… can keep one branch).\n"));

        const QString second = newLibrary();
        const CtlResult json = ctl({QStringLiteral("import-bpmn"), second, model("choices.bpmn"),
                                    QStringLiteral("--alternatives"), QStringLiteral("--json")});
        CTL_OK(json);
        const QJsonArray choices =
            json.json().array().at(0).toObject().value(QStringLiteral("choices")).toArray();
        QCOMPARE(choices.size(), 1);
        QCOMPARE(choices.at(0).toObject().value(QStringLiteral("gateway")).toString(),
                 QStringLiteral("Severity?"));
        const QJsonArray branches = choices.at(0).toObject().value(QStringLiteral("branches")).toArray();
        QCOMPARE(branches.size(), 3);
        QCOMPARE(branches.at(0).toObject().value(QStringLiteral("label")).toString(),
                 QStringLiteral("major"));
        QCOMPARE(branches.at(0).toObject().value(QStringLiteral("steps")).toArray().size(), 2);
        QVERIFY(branches.at(2).toObject().value(QStringLiteral("steps")).toArray().isEmpty());
        // --alternatives wrote the note into the branch steps' throughput.
        const QString exported = m_dir.filePath(QStringLiteral("alternatives.json"));
        CTL_OK(ctl({QStringLiteral("export"), second, exported}));
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray steps = QJsonDocument::fromJson(file.readAll())
                                     .object()
                                     .value(QStringLiteral("streams"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("steps"))
                                     .toArray();
        QCOMPARE(steps.size(), 5);
        for (int i = 0; i < steps.size(); ++i) {
            const bool noted = steps.at(i)
                                   .toObject()
                                   .value(QStringLiteral("throughput"))
                                   .toString()
                                   .contains(QStringLiteral("One of the alternatives at ‘Severity?’"));
            QCOMPARE(noted, i >= 1 && i <= 3); // Triage and Close are on every path
        }
    }

    void keyNamesTheFirstStreamAndNumbersTheOthers()
    {
        const QString lib = newLibrary();
        const CtlResult result = ctl({QStringLiteral("import-bpmn"), lib, model("collaboration.bpmn"),
                                      QStringLiteral("--key"), QStringLiteral("trade"), QStringLiteral("--json")});
        CTL_OK(result);
        const QJsonArray made = result.json().array();
        QCOMPARE(made.size(), 2);
        QCOMPARE(made.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("trade"));
        QCOMPARE(made.at(1).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("trade-2"));
        QCOMPARE(made.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Supplier"));
        QCOMPARE(rows(lib, QStringLiteral("stream")), 2);
    }

    void aBadModelIsRefusedWithFileAndLine_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("words");
        QTest::newRow("malformed") << QStringLiteral("malformed.bpmn") << QStringLiteral("‘malformed.bpmn’, line 7:");
        QTest::newRow("truncated") << QStringLiteral("truncated.bpmn") << QStringLiteral("‘truncated.bpmn’, line ");
        QTest::newRow("not bpmn") << QStringLiteral("not-bpmn.bpmn")
                                  << QStringLiteral("‘not-bpmn.bpmn’, line 3: this is not a BPMN 2.0 model");
        QTest::newRow("empty") << QStringLiteral("empty.bpmn") << QStringLiteral("‘empty.bpmn’, line 1:");
    }
    void aBadModelIsRefusedWithFileAndLine()
    {
        QFETCH(QString, file);
        QFETCH(QString, words);
        const QString lib = newLibrary();
        const qint64 before = auditEvents(lib);
        const CtlResult result = ctl({QStringLiteral("import-bpmn"), lib, model(file.toLatin1().constData())});
        QVERIFY2(result.exitCode == 1, result.said().constData());
        QCOMPARE(result.errLines().size(), 1);
        QVERIFY2(result.err.startsWith(QStringLiteral("stablectl: ") + words), result.said().constData());
        QCOMPARE(result.out, QString());
        QCOMPARE(auditEvents(lib), before);
        QCOMPARE(rows(lib, QStringLiteral("stream")), 0);
    }

    void refusalsAndUsageErrors()
    {
        const QString lib = newLibrary();
        const qint64 before = auditEvents(lib);
        CTL_REFUSED(ctl({QStringLiteral("import-bpmn"), lib, model("linear.bpmn"), QStringLiteral("--key"),
                         QStringLiteral("no spaces")}),
                    "--key ‘no spaces’ is not a valid value stream key", lib, before);
        CTL_REFUSED(ctl({QStringLiteral("import-bpmn"), lib, m_dir.filePath(QStringLiteral("missing.bpmn"))}),
                    "missing.bpmn’ does not exist", lib, before);
        const CtlResult noModel = ctl({QStringLiteral("import-bpmn"), lib});
        QCOMPARE(noModel.exitCode, 2);
        const CtlResult unknown =
            ctl({QStringLiteral("import-bpmn"), lib, model("linear.bpmn"), QStringLiteral("--frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(auditEvents(lib), before);
    }
};

QTEST_GUILESS_MAIN(TestStablectlBpmn)
#include "tst_stablectl_bpmn.moc"
