// Opening a library: only the view shown reads it (a ten-year library opens in the console without the
// library view reading every draft), and the issues panel reads the drafts on a worker thread and still
// follows changes made elsewhere.
#include "fixtures.h"
#include "mainwindow.h"
#include "navigatormodel.h"
#include "process.h"
#include "startup.h"
#include "testlibrary.h"
#include "trywait.h"
#include "validationpanel.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace stable;
using namespace stable::test;

namespace {

NavigatorModel* navigatorOf(MainWindow& window)
{
    return window.viewWidget(View::Library)->findChild<NavigatorModel*>();
}

} // namespace

class TestStartup : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void onlyTheViewShownReadsTheLibrary()
    {
        TempLibrary lib;
        publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        lib.close();

        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(lib.path(), View::Console).ok());
        QCOMPARE(window.currentView(), std::optional<View>(View::Console));
        NavigatorModel* navigator = navigatorOf(window);
        QVERIFY(navigator);
        QCOMPARE(navigator->rowCount(), 0); // not read yet

        QVERIFY(window.showView(View::Library));
        QVERIFY(navigator->rowCount() > 0);
        const int streams = navigator->rowCount();

        // Opening again keeps the view the person was in, and the others wait again.
        QVERIFY(window.openLibrary(lib.path()).ok());
        QCOMPARE(window.currentView(), std::optional<View>(View::Library));
        QCOMPARE(navigator->rowCount(), streams);

        // Jumping to a record shows (and so loads) its view.
        QVERIFY(window.openLibrary(lib.path(), View::Console).ok());
        QCOMPARE(navigator->rowCount(), 0);
        auto reader = Library::open(lib.path());
        QVERIFY2(reader.ok(), qPrintable(reader.message()));
        const ValueStream sample = sampleProcess();
        auto stepId = resolveStep(*reader.value(), sample.key, sample.steps.first().key);
        QVERIFY2(stepId.ok(), qPrintable(stepId.message()));
        QVERIFY(window.selectRecord(View::Library, QStringLiteral("step"), stepId.value()));
        QCOMPARE(window.currentView(), std::optional<View>(View::Library));
        QVERIFY(navigator->rowCount() > 0);
    }

    void theIssuesPanelReadsInTheBackgroundAndFollowsChanges()
    {
        TempLibrary lib;
        ValueStream stream = sampleProcess();
        stream.steps[0].checks.clear(); // an issue: a step without checks
        QVERIFY(importProcess(*lib, stream).ok());

        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(lib.path()).ok());
        auto* panel = window.findChild<ValidationPanel*>();
        QVERIFY(panel);
        STABLE_TRY_VERIFY(!panel->isBusy());
        QTreeWidget* list = panel->list();
        const auto stepsWithoutChecks = [list] {
            int found = 0;
            for (int i = 0; i < list->topLevelItemCount(); ++i)
                found += list->topLevelItem(i)->text(1) == ValidationPanel::tr("No checks") ? 1 : 0;
            return found;
        };
        STABLE_TRY_COMPARE(stepsWithoutChecks(), 1);

        // Another instance adds the missing check: the panel reads again (live refresh) and the issue goes.
        auto other = Library::open(lib.path());
        QVERIFY2(other.ok(), qPrintable(other.message()));
        auto stepId = resolveStep(*other.value(), stream.key, stream.steps[0].key);
        QVERIFY(stepId.ok());
        QualityCheck check;
        check.key = QStringLiteral("reviewed");
        check.statement = QStringLiteral("Reviewed by a second person");
        QVERIFY(addCheck(*other.value(), stepId.value(), check).ok());
        STABLE_TRY_COMPARE_WITH_TIMEOUT(stepsWithoutChecks(), 0, 10000);
        QVERIFY(!panel->findChild<QLabel*>()->text().contains(ValidationPanel::tr("No checks")));
    }
};

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
