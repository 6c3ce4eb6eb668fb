// The built-in templates: they load from the build's resources, say what the design promises (the ten
// sections of an execution plan, in order), every step carries real checks, and they publish as they are.
#include "incidents.h"
#include "process.h"
#include "processjson.h"
#include "revisions.h"
#include "templates.h"
#include "testlibrary.h"

#include <QFile>

#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

// A Software Release stream whose first step has a check born from an incident, as a library used as a
// template would have.
void seedWithOrigin(Library& library)
{
    ValueStream stream = loadTemplate(QStringLiteral("software-release")).value();
    stream.key = QStringLiteral("release");
    QVERIFY(importProcess(library, stream).ok());
    NewIncident incident;
    incident.title = QStringLiteral("Deployed without GO");
    incident.stream = stream.key;
    incident.detectedStep = stream.steps.at(0).key;
    incident.injectedStep = stream.steps.at(0).key;
    const auto added = addIncident(library, incident);
    QVERIFY2(added.ok(), qPrintable(added.message()));
    QVERIFY(analyseIncident(library, added->id, {QStringLiteral("No check")}, QStringLiteral("No check")).ok());
    Improvement improvement;
    improvement.incident = added->id;
    improvement.statement = QStringLiteral("Every stored procedure ends with GO");
    const auto improved = improveProcess(library, improvement);
    QVERIFY2(improved.ok(), qPrintable(improved.message()));
}

bool anyOrigin(const ValueStream& stream)
{
    for (const Step& step : stream.steps)
        for (const QualityCheck& check : step.checks)
            if (!check.originIncidentId.isEmpty())
                return true;
    return false;
}

} // namespace

class TestTemplates : public QObject
{
    Q_OBJECT
private slots:
    void namesAndTitles()
    {
        QCOMPARE(templateNames(),
                 (QStringList{QStringLiteral("execution-plan"), QStringLiteral("software-release")}));
        QCOMPARE(templateTitle(QStringLiteral("execution-plan")), QStringLiteral("Execution Plan"));
        QCOMPARE(templateTitle(QStringLiteral("software-release")), QStringLiteral("Software Release"));
        auto unknown = loadTemplate(QStringLiteral("payroll"));
        QCOMPARE(
            unknown.message(),
            QStringLiteral("No built-in template ‘payroll’; there are execution-plan and software-release."));
        QCOMPARE(unknown.kind(), ErrorKind::NotFound);
    }

    void executionPlanHasTheTenSectionsInOrder()
    {
        auto plan = loadTemplate(QStringLiteral("execution-plan"));
        QVERIFY2(plan.ok(), qPrintable(plan.message()));
        QCOMPARE(plan->key, QStringLiteral("execution-plan"));
        QCOMPARE(plan->name, QStringLiteral("Execution Plan"));
        const QStringList keys{QStringLiteral("executive-summary"), QStringLiteral("review-of-discovery"),
                               QStringLiteral("pre-procedures"),    QStringLiteral("during-procedures"),
                               QStringLiteral("post-procedures"),   QStringLiteral("test-plan"),
                               QStringLiteral("rollback-plan"),     QStringLiteral("situational-awareness"),
                               QStringLiteral("risk-management"),   QStringLiteral("schedule")};
        const QStringList numerals{QStringLiteral("I."),   QStringLiteral("II."),   QStringLiteral("III."),
                                   QStringLiteral("IV."),  QStringLiteral("V."),    QStringLiteral("VI."),
                                   QStringLiteral("VII."), QStringLiteral("VIII."), QStringLiteral("IX."),
                                   QStringLiteral("X.")};
        QCOMPARE(plan->steps.size(), 10);
        for (int i = 0; i < 10; ++i) {
            const Step& step = plan->steps.at(i);
            QCOMPARE(step.key, keys.at(i));
            QVERIFY2(step.name.startsWith(numerals.at(i) + QLatin1Char(' ')), qPrintable(step.name));
            QVERIFY2(step.checks.size() >= 2 && step.checks.size() <= 4, qPrintable(step.key));
        }
        // What a change manager signs before the window: the rollback rehearsed, the point agreed.
        QCOMPARE(plan->steps.at(6).checks.at(0).statement,
                 QStringLiteral("Rollback tested on staging within the last 7 days"));
        QVERIFY(plan->steps.at(6).checks.at(0).critical);
        QCOMPARE(plan->steps.at(9).checks.at(0).statement,
                 QStringLiteral("Rollback point agreed and written in the schedule"));
        QVERIFY(plan->steps.at(9).checks.at(0).critical);
        QCOMPARE(plan->steps.at(5).checks.at(0).statement,
                 QStringLiteral("Success criteria are measurable and agreed by the service owner"));
    }

    void softwareReleaseFollowsTheThreePs()
    {
        auto release = loadTemplate(QStringLiteral("software-release"));
        QVERIFY2(release.ok(), qPrintable(release.message()));
        QCOMPARE(release->key, QStringLiteral("software-release"));
        QStringList keys;
        for (const Step& step : release->steps)
            keys.append(step.key);
        QCOMPARE(keys.first(), QStringLiteral("requirements"));
        for (const char* key :
             {"source", "build", "help-file", "database-scripts", "deploy", "verify", "release-notes"})
            QVERIFY2(keys.contains(QLatin1String(key)), key);
        QVERIFY(keys.indexOf(QStringLiteral("database-scripts")) < keys.indexOf(QStringLiteral("deploy")));
        QVERIFY(keys.indexOf(QStringLiteral("deploy")) < keys.indexOf(QStringLiteral("verify")));

        const Step& requirements = release->steps.at(0);
        bool signedByAll = false;
        for (const QualityCheck& check : requirements.checks)
            signedByAll |= check.critical && check.statement.contains(QStringLiteral("customer")) &&
                           check.statement.contains(QStringLiteral("stakeholder")) &&
                           check.statement.contains(QStringLiteral("tester")) &&
                           check.statement.contains(QStringLiteral("developer"));
        QVERIFY2(signedByAll,
                 "requirements are signed by customer, stakeholder, tester and developer (critical)");
        const Step& scripts =
            release->steps.at(static_cast<int>(keys.indexOf(QStringLiteral("database-scripts"))));
        QCOMPARE(scripts.checks.at(0).key, QStringLiteral("go"));
        QVERIFY(scripts.checks.at(0).statement.contains(QStringLiteral("GO")));
    }

    void everyStepIsASystemWithRealChecks_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : templateNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void everyStepIsASystemWithRealChecks()
    {
        QFETCH(QString, name);
        auto process = loadTemplate(name);
        QVERIFY2(process.ok(), qPrintable(process.message()));
        QVERIFY(!process->purpose.isEmpty());
        QVERIFY(!process->owner.isEmpty());
        int critical = 0;
        for (const Step& step : process->steps) {
            QVERIFY2(!step.checks.isEmpty(), qPrintable(step.key));
            QVERIFY2(step.throughput.size() > 80, qPrintable(step.key));
            QVERIFY2(!step.inputs.isEmpty() && !step.outputs.isEmpty(), qPrintable(step.key));
            QVERIFY2(!step.ownerRole.isEmpty() && step.plannedHours > 0, qPrintable(step.key));
            for (const QualityCheck& check : step.checks) {
                QVERIFY2(!check.guardsAgainst.isEmpty(), qPrintable(step.key + QLatin1Char('/') + check.key));
                QVERIFY2(!check.statement.endsWith(QLatin1Char('.')), qPrintable(check.statement));
                critical += check.critical ? 1 : 0;
            }
        }
        QVERIFY(critical >= 3);
        // What it says is what it writes back: nothing in the file is lost or ignored.
        auto again = processFromJson(processToJson(process.value(), false), name);
        QVERIFY(again.ok());
        QCOMPARE(processToJson(again.value(), false), processToJson(process.value(), false));
    }

    void importsAndPublishes_data() { everyStepIsASystemWithRealChecks_data(); }

    void importsAndPublishes()
    {
        QFETCH(QString, name);
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        auto process = loadTemplate(name);
        QVERIFY(process.ok());
        auto imported = importProcess(*lib, process.value());
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(imported->steps, static_cast<int>(process->steps.size()));
        auto revision =
            publish(*lib, alice, PublishRequest{name, QStringLiteral("Adopted the built-in template"), {}});
        QVERIFY2(revision.ok(), qPrintable(revision.message()));
        QCOMPARE(revision->number, 1);
        QCOMPARE(rowCount(*lib, QStringLiteral("revision_check")), imported->checks);
        QCOMPARE(processToJson(revision->snapshot, false), processToJson(process.value(), false));
    }

    // "New Library from Template…" with another library as the template: its value streams' drafts, under
    // new ids, without the history, people or incidents the template carries.
    void aNewLibraryStartsFromAnotherLibrarysProcesses()
    {
        TempLibrary source;
        seedWithOrigin(*source);
        QVERIFY(!copyBuiltInTemplates(*source).ok()); // a library that has streams is not seeded again
        const ValueStream original = loadDraft(*source, QStringLiteral("release")).value();
        const QString sourcePath = source.path();

        TempLibrary target;
        const auto copied = copyTemplateLibrary(sourcePath, *target);
        QVERIFY2(copied.ok(), qPrintable(copied.message()));
        QCOMPARE(copied.value(), 1);
        const ValueStream copy = loadDraft(*target, QStringLiteral("release")).value();
        QCOMPARE(copy.name, original.name);
        QCOMPARE(copy.steps.size(), original.steps.size());
        QVERIFY(copy.id != original.id);
        QCOMPARE(copy.steps.at(0).checks.at(0).statement, original.steps.at(0).checks.at(0).statement);
        QVERIFY(copy.steps.at(0).checks.at(0).id != original.steps.at(0).checks.at(0).id);
        QVERIFY(anyOrigin(original));
        QVERIFY(!anyOrigin(copy));
        QCOMPARE(copy.steps.at(0).checks.size(), original.steps.at(0).checks.size());
        QCOMPARE(rowCount(*target, QStringLiteral("incident")), 0);
        QCOMPARE(rowCount(*target, QStringLiteral("revision")), 0);
        QCOMPARE(rowCount(*target, QStringLiteral("person")), 0);
    }

    void theBuiltInTemplatesSeedANewLibrary()
    {
        TempLibrary target;
        const auto copied = copyBuiltInTemplates(*target);
        QVERIFY2(copied.ok(), qPrintable(copied.message()));
        QCOMPARE(copied.value(), static_cast<int>(templateNames().size()));
        QCOMPARE(listStreams(*target)->size(), templateNames().size());
    }

    void aTemplateThatIsNotALibraryIsRefusedAndWritesNothing()
    {
        TempLibrary target;
        const QString notALibrary = target.file(QStringLiteral("notes.stable"));
        QFile file(notALibrary);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just some notes, not a library\n");
        file.close();
        const QByteArray before = fileBytes(notALibrary);
        const qint64 events = rowCount(*target, QStringLiteral("audit_event"));
        const auto copied = copyTemplateLibrary(notALibrary, *target);
        QVERIFY(!copied.ok());
        QVERIFY2(copied.message().contains(QStringLiteral("‘notes.stable’")), qPrintable(copied.message()));
        QCOMPARE(rowCount(*target, QStringLiteral("audit_event")), events);
        QCOMPARE(fileBytes(notALibrary), before);

        TempLibrary empty;
        const auto nothing = copyTemplateLibrary(empty.path(), *target);
        QVERIFY(!nothing.ok());
        QVERIFY2(nothing.message().contains(QStringLiteral("has no value streams")), qPrintable(nothing.message()));
    }
};

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
