// The value stream map over the demo library: one box per step, check badges per stage with the
// critical ones counted, history (first-pass yield, incidents) where runs have closed, a click or
// Enter on a step asks to open it, and the map follows changes without losing the chosen stream.
#include "demo.h"
#include "document.h"
#include "fixtures.h"
#include "incidents.h"
#include "mapscene.h"
#include "mapview.h"
#include "metrics.h"
#include "startup.h"
#include "testlibrary.h"

#include <QComboBox>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace stable;
using namespace stable::test;

class TestMapView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        DemoOptions options;
        options.months = 2;
        options.endDate = QDate(2026, 2, 28);
        QVERIFY(generateDemo(*m_lib, options).ok());
        m_lib.close();
        auto opened = Document::open(m_lib.path());
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        m_document = std::move(opened).value();
        m_document->setPollInterval(0);
    }

    void cleanupTestCase() { m_document.reset(); }

    void oneBoxPerStepWithBadgesAndHistory()
    {
        MapView view;
        view.setDocument(m_document.get());
        view.resize(1400, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        Library& library = m_document->library();
        const QString streamId = resolveStream(library, QStringLiteral("software-release")).value();
        view.setCurrentStream(streamId);
        QCOMPARE(view.currentStreamId(), streamId);

        const ValueStream draft = loadDraft(library, streamId).value();
        const QList<StepBox*> boxes = view.scene()->stepBoxes();
        QCOMPARE(boxes.size(), draft.steps.size());
        QVERIFY(draft.steps.size() >= 5);

        auto measures = computeMeasures(library, MeasureFilter{streamId, {}, {}});
        QVERIFY(measures.ok());
        auto incidents = listIncidents(library, IncidentFilter{streamId, std::nullopt});
        QVERIFY(incidents.ok());
        int boxesWithFpy = 0;
        int incidentsShown = 0;
        for (int i = 0; i < boxes.size(); ++i) {
            const Step& step = draft.steps.at(i);
            StepBox* box = boxes.at(i);
            QCOMPARE(box->stepId(), step.id);
            for (Stage stage : {Stage::Entry, Stage::InProcess, Stage::Exit}) {
                int checks = 0;
                int critical = 0;
                for (const QualityCheck& check : step.checks)
                    if (check.stage == stage) {
                        ++checks;
                        critical += check.critical ? 1 : 0;
                    }
                QCOMPARE(box->checkCount(stage), checks);
                QCOMPARE(box->criticalCount(stage), critical);
            }
            for (const StepYield& yield : measures->streams.value(0).steps)
                if (yield.stepId == step.id)
                    QCOMPARE(box->mapStep().fpy, yield.fpy);
            int injected = 0;
            for (const Incident& incident : incidents.value())
                injected += incident.injectedStepId == step.id ? 1 : 0;
            QCOMPARE(box->mapStep().incidents, injected);
            boxesWithFpy += box->mapStep().fpy ? 1 : 0;
            incidentsShown += box->mapStep().incidents;
        }
        QVERIFY2(boxesWithFpy == boxes.size(), "two months of demo history close runs through every step");
        QCOMPARE(incidentsShown, static_cast<int>(std::count_if(incidents->cbegin(), incidents->cend(),
                                                                [](const Incident& incident) {
                                                                    return !incident.injectedStepId.isEmpty();
                                                                })));

        // Boxes run left to right without overlapping.
        for (int i = 1; i < boxes.size(); ++i)
            QVERIFY(boxes.at(i)->sceneBoundingRect().left() > boxes.at(i - 1)->sceneBoundingRect().right());

        if (const QByteArray folder = qgetenv("STABLE_SCREENSHOT_DIR"); !folder.isEmpty()) {
            QVERIFY(saveScreenshot(
                        view, QDir(QString::fromLocal8Bit(folder)).filePath(QStringLiteral("map-view.png")))
                        .ok());
            // The same map on a dark palette: nothing may vanish into the background.
            QPalette dark;
            dark.setColor(QPalette::Window, QColor(45, 45, 48));
            dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
            dark.setColor(QPalette::Base, QColor(30, 30, 32));
            dark.setColor(QPalette::AlternateBase, QColor(55, 55, 60));
            dark.setColor(QPalette::Text, QColor(230, 230, 230));
            dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 155));
            dark.setColor(QPalette::Button, QColor(50, 50, 55));
            dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
            dark.setColor(QPalette::Mid, QColor(100, 100, 105));
            dark.setColor(QPalette::Midlight, QColor(80, 80, 85));
            view.setPalette(dark);
            view.canvas()->viewport()->update();
            QVERIFY(
                saveScreenshot(
                    view, QDir(QString::fromLocal8Bit(folder)).filePath(QStringLiteral("map-view-dark.png")))
                    .ok());
        }
    }

    void criticalChecksAreCountedOnTheirStage()
    {
        // The demo's streams all carry critical checks; one of them shows on a badge.
        MapView view;
        view.setDocument(m_document.get());
        int critical = 0;
        for (int s = 0; s < view.findChild<QComboBox*>()->count(); ++s) {
            view.findChild<QComboBox*>()->setCurrentIndex(s);
            for (StepBox* box : view.scene()->stepBoxes())
                for (Stage stage : {Stage::Entry, Stage::InProcess, Stage::Exit})
                    critical += box->criticalCount(stage);
        }
        QVERIFY(critical > 0);
    }

    void clickingAStepEmitsItsId()
    {
        MapView view;
        view.setDocument(m_document.get());
        view.resize(1400, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy activated(&view, &MapView::stepActivated);
        StepBox* second = view.scene()->stepBoxes().value(1);
        QVERIFY(second);
        view.canvas()->ensureVisible(second);
        const QPoint at = view.canvas()->mapFromScene(second->sceneBoundingRect().center());
        QTest::mouseClick(view.canvas()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), second->stepId());
        QVERIFY(second->isSelected());

        // Keyboard: Right moves to the next step, Enter opens it.
        view.canvas()->setFocus();
        QTest::keyClick(view.canvas(), Qt::Key_Right);
        QTest::keyClick(view.canvas(), Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), view.scene()->stepBoxes().at(2)->stepId());
    }

    void zoomButtonsHaveNamesAndZoom()
    {
        MapView view;
        view.setDocument(m_document.get());
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QToolButton* zoomIn = nullptr;
        for (QToolButton* button : view.findChildren<QToolButton*>()) {
            QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->text()));
            if (button->accessibleName() == QStringLiteral("Zoom in"))
                zoomIn = button;
        }
        QVERIFY(zoomIn);
        const qreal before = view.canvas()->zoom();
        zoomIn->click();
        QVERIFY(view.canvas()->zoom() > before);
    }

    void selectRecordShowsTheStepsStream()
    {
        MapView view;
        view.setDocument(m_document.get());
        Library& library = m_document->library();
        const QString patching = resolveStream(library, QStringLiteral("server-patching")).value();
        const Step verify = loadDraft(library, patching)->steps.last();
        QVERIFY(view.selectRecord(QStringLiteral("step"), verify.id));
        QCOMPARE(view.currentStreamId(), patching);
        QVERIFY(view.scene()->box(verify.id)->isSelected());
        QVERIFY(!view.selectRecord(QStringLiteral("step"), QStringLiteral("no-such-step")));
    }

    void followsChangesKeepingTheChosenStream()
    {
        MapView view;
        view.setDocument(m_document.get());
        Library& library = m_document->library();
        const QString patching = resolveStream(library, QStringLiteral("server-patching")).value();
        view.setCurrentStream(patching);
        const int streams = view.findChild<QComboBox*>()->count();
        const auto before = view.scene()->stepBoxes().size();

        // A new stream (as another part of the app would make it) appears; the chosen one stays.
        QVERIFY(importProcess(library, sampleProcess()).ok());
        QCOMPARE(view.findChild<QComboBox*>()->count(), streams + 1);
        QCOMPARE(view.currentStreamId(), patching);

        // A step removed from the shown stream disappears from the map.
        const Step first = loadDraft(library, patching)->steps.first();
        QVERIFY(removeStep(library, first.id).ok());
        QCOMPARE(view.scene()->stepBoxes().size(), before - 1);
        QVERIFY(!view.scene()->box(first.id));
    }

private:
    TempLibrary m_lib;
    std::unique_ptr<Document> m_document;
};

QTEST_MAIN(TestMapView)
#include "tst_mapview.moc"
