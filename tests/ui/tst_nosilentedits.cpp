// Nothing a person typed or picked changes or vanishes without them meaning it: a mouse wheel turned
// over a field scrolls the panel and leaves the value alone; leaving an incident with unsaved edits asks
// Save / Discard / Cancel, and each answer does what it says.
#include "document.h"
#include "incidents.h"
#include "incidents/incidenteditor.h"
#include "incidents/incidentlistmodel.h"
#include "incidents/incidentsview.h"
#include "mainwindow.h"
#include "runstestsupport.h"
#include "wheelguard.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QWheelEvent>

using namespace stable;
using namespace stable::test;

namespace {

void addTwoIncidents(Library& library)
{
    for (const QString& title :
         {QStringLiteral("Unsigned package deployed"), QStringLiteral("Smoke test skipped")}) {
        NewIncident incident;
        incident.title = title;
        incident.stream = QStringLiteral("release");
        incident.detectedStep = QStringLiteral("deploy");
        incident.injectedStep = QStringLiteral("build");
        if (!addIncident(library, incident).ok())
            qFatal("cannot add an incident");
    }
}

// One notch of the wheel, down, over the middle of `widget`, as the window system delivers it.
void turnWheelOver(QWidget* widget)
{
    const QPointF local = QPointF(widget->rect().center());
    QWheelEvent wheel(local, widget->mapToGlobal(local), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &wheel);
}

void clickRow(QTableView* list, int row)
{
    const QModelIndex index = list->model()->index(row, IncidentListModel::Title);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
}

int rowOf(const IncidentsView& view, const QString& key)
{
    for (int row = 0; row < view.model()->rowCount(); ++row)
        if (view.model()->index(row, IncidentListModel::Key).data().toString() == key)
            return row;
    return -1;
}

// The Incidents view on its own window, small enough that the editor's panel scrolls.
struct IncidentsScene
{
    RunsFixture fixture{addTwoIncidents};
    IncidentsView view;
    IncidentsScene()
    {
        view.setDocument(fixture.document.get());
        view.resize(900, 420);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            qFatal("the view was not shown");
    }
    QStringList askedWith; // the question's Save and Discard buttons, as shown
    QLineEdit* title() { return view.editor()->findChild<QLineEdit*>(QStringLiteral("title")); }
    void open(const QString& key)
    {
        clickRow(view.list(), rowOf(view, key));
        QCoreApplication::processEvents();
    }
    void typeTitle(const QString& text)
    {
        title()->setFocus();
        title()->selectAll();
        QTest::keyClicks(title(), text);
    }
    void leaveTo(const QString& key, QMessageBox::StandardButton answer)
    {
        whenDialog<QMessageBox>([this, answer](QMessageBox& box) {
            askedWith = {box.button(QMessageBox::Save)->text(), box.button(QMessageBox::Discard)->text()};
            box.button(answer)->click();
        });
        open(key);
        QTest::qWait(50); // a Cancel puts the list back once the click is over
    }
};

} // namespace

class TestNoSilentEdits : public QObject
{
    Q_OBJECT
private slots:
    void theAppGuardsTheWheel()
    {
        MainWindow window;
        QVERIFY(qApp->findChild<QObject*>(QStringLiteral("stableWheelGuard"), Qt::FindDirectChildrenOnly));
    }

    void aWheelOverAFieldScrollsThePanelNotTheValue()
    {
        installWheelGuard(*qApp);
        IncidentsScene scene;
        scene.open(QStringLiteral("INC-1"));
        auto* detected = scene.view.editor()->findChild<QComboBox*>(QStringLiteral("detectedStep"));
        auto* severity = scene.view.editor()->findChild<QSpinBox*>(QStringLiteral("severity"));
        auto* panel = scene.view.editor()->findChild<QScrollArea*>();
        QVERIFY(detected && severity && panel);
        QVERIFY2(panel->verticalScrollBar()->maximum() > 0,
                 "the panel must scroll for this test to mean anything");
        const QString detectedBefore = detected->currentText();
        const int severityBefore = severity->value();
        severity->setFocus(); // focus makes no difference: a wheel never edits
        const int scrolledBefore = panel->verticalScrollBar()->value();
        turnWheelOver(detected);
        turnWheelOver(severity);
        QCOMPARE(detected->currentText(), detectedBefore);
        QCOMPARE(severity->value(), severityBefore);
        QVERIFY(panel->verticalScrollBar()->value() > scrolledBefore);
        // Nothing was edited, so leaving asks nothing.
        QVERIFY(!scene.view.editor()->hasUnsavedEdits());
    }

    void aWheelStillScrollsListsAndScrollBars()
    {
        installWheelGuard(*qApp);
        QScrollArea area;
        auto* content = new QWidget;
        content->setMinimumHeight(2000);
        area.setWidget(content);
        area.resize(200, 200);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        turnWheelOver(area.verticalScrollBar());
        QVERIFY(area.verticalScrollBar()->value() > 0);
    }

    void cancelKeepsTheIncidentAndWhatWasTyped()
    {
        IncidentsScene scene;
        scene.open(QStringLiteral("INC-1"));
        scene.typeTitle(QStringLiteral("Unsigned package reached production"));
        scene.leaveTo(QStringLiteral("INC-2"), QMessageBox::Cancel);
        QCOMPARE(scene.askedWith,
                 QStringList({QStringLiteral("&Save"), QStringLiteral("&Discard")})); // Alt+S, Alt+D
        QCOMPARE(scene.view.editor()->incident().key(), QStringLiteral("INC-1"));
        QCOMPARE(scene.view.currentIncidentId(), scene.view.editor()->incidentId());
        QCOMPARE(scene.title()->text(), QStringLiteral("Unsigned package reached production"));
        QCOMPARE(loadIncident(scene.fixture.library(), QStringLiteral("INC-1"))->title,
                 QStringLiteral("Unsigned package deployed"));
    }

    void saveWritesTheEditsThenMovesOn()
    {
        IncidentsScene scene;
        scene.open(QStringLiteral("INC-1"));
        scene.typeTitle(QStringLiteral("Unsigned package reached production"));
        scene.leaveTo(QStringLiteral("INC-2"), QMessageBox::Save);
        QCOMPARE(scene.view.editor()->incident().key(), QStringLiteral("INC-2"));
        QCOMPARE(loadIncident(scene.fixture.library(), QStringLiteral("INC-1"))->title,
                 QStringLiteral("Unsigned package reached production"));
    }

    void discardDropsTheEditsThenMovesOn()
    {
        IncidentsScene scene;
        scene.open(QStringLiteral("INC-1"));
        scene.typeTitle(QStringLiteral("A title nobody wanted"));
        scene.leaveTo(QStringLiteral("INC-2"), QMessageBox::Discard);
        QCOMPARE(scene.view.editor()->incident().key(), QStringLiteral("INC-2"));
        QCOMPARE(loadIncident(scene.fixture.library(), QStringLiteral("INC-1"))->title,
                 QStringLiteral("Unsigned package deployed"));
        scene.open(QStringLiteral("INC-1")); // nothing unsaved now: no question
        QCOMPARE(scene.title()->text(), QStringLiteral("Unsigned package deployed"));
    }
};

QTEST_MAIN(TestNoSilentEdits)
#include "tst_nosilentedits.moc"
