// The performance console as a user meets it: computed off the GUI thread, its tables showing the
// numbers of a small hand-made library, the filters changing them, alerts jumping, charts exported.
#include "console/alertsmodel.h"
#include "console/chartpanel.h"
#include "console/consolecharts.h"
#include "console/consolecomputer.h"
#include "console/consoleview.h"
#include "console/consolewiring.h"
#include "document.h"
#include "fixtures.h"
#include "incidents.h"
#include "mainwindow.h"
#include "process.h"
#include "rework.h"
#include "testlibrary.h"
#include "trywait.h"

#include <QAbstractItemModelTester>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDynamicPropertyChangeEvent>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>

using namespace stable;
using namespace stable::test;

namespace {

// The library: release (build, deploy) published, ops (patch) imported. Rework 2026-01-10 8 h on
// release/build, 2026-02-05 12 h fire-fighting on ops/patch. Team hours 2026-01 160, 2026-02 120.
// INC-1 on release, opened 2026-01-02 and never analysed (an alert after 14 days). "Now": 2026-03-01.
void fillLibrary(TempLibrary& lib)
{
    publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
    if (!importProcess(*lib, opsProcess()).ok())
        qFatal("import ops");
    lib.clock().set(parseIsoMoment(QStringLiteral("2026-01-02T09:00:00Z")).value());
    NewIncident incident;
    incident.title = QStringLiteral("Deploy window missed");
    incident.stream = QStringLiteral("release");
    incident.detectedStep = QStringLiteral("deploy");
    if (!addIncident(*lib, incident).ok())
        qFatal("incident");
    lib.clock().set(testEpoch());
    NewRework build;
    build.date = QDate(2026, 1, 10);
    build.hours = 8;
    build.stream = QStringLiteral("release");
    build.step = QStringLiteral("build");
    NewRework patch;
    patch.date = QDate(2026, 2, 5);
    patch.hours = 12;
    patch.kind = ReworkKind::FireFighting;
    patch.stream = QStringLiteral("ops");
    patch.step = QStringLiteral("patch");
    if (!addRework(*lib, build).ok() || !addRework(*lib, patch).ok() ||
        !setTeamHours(*lib, QStringLiteral("2026-01"), 160).ok() ||
        !setTeamHours(*lib, QStringLiteral("2026-02"), 120).ok())
        qFatal("rework");
}

// The row of a month in a table whose first column is the month.
QList<QVariant> monthRow(SeriesTableModel* model, const QString& month)
{
    for (const QList<QVariant>& row : model->table().rows)
        if (row.value(0).toString() == month)
            return row;
    return {};
}

int column(SeriesTableModel* model, const QString& title)
{
    return static_cast<int>(model->table().columns.indexOf(title));
}

// The tick labels of a value axis as Qt Charts writes them (integer formats get the value as an integer).
QStringList tickLabels(const QValueAxis& axis)
{
    QList<double> values;
    if (axis.tickType() == QValueAxis::TicksDynamic) {
        for (double v = axis.tickAnchor(); v <= axis.max() + 1e-9; v += axis.tickInterval())
            if (v >= axis.min() - 1e-9)
                values.append(v);
    } else {
        for (int i = 0; i < axis.tickCount(); ++i)
            values.append(axis.min() + i * (axis.max() - axis.min()) / (axis.tickCount() - 1));
    }
    // The formats the console uses: "%d", and "%.Nf" with or without a "%%" after it.
    static const QRegularExpression fixed(QStringLiteral("^%\\.(\\d)f(%%)?$"));
    const QRegularExpressionMatch match = fixed.match(axis.labelFormat());
    QStringList labels;
    for (double value : std::as_const(values)) {
        if (axis.labelFormat() == QLatin1String("%d"))
            labels.append(QString::number(static_cast<qint64>(value)));
        else if (match.hasMatch())
            labels.append(QString::number(value, 'f', match.captured(1).toInt()) +
                          (match.capturedLength(2) > 0 ? QStringLiteral("%") : QString()));
        else
            labels.append(QStringLiteral("unknown format ") + axis.labelFormat());
    }
    return labels;
}

QStringList monthLabels(QChart* chart)
{
    QStringList labels;
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal))
        if (auto* months = qobject_cast<QCategoryAxis*>(axis))
            labels += months->categoriesLabels();
    return labels;
}

QString pdfText(const QString& pdf)
{
    QProcess reader;
    reader.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (!reader.waitForFinished(10000))
        return {};
    return QString::fromUtf8(reader.readAllStandardOutput());
}

} // namespace

// Calls back whenever a dynamic property of the object changes (Qt sends the object an event then).
class PropertyWatch final : public QObject
{
public:
    PropertyWatch(QObject* watched, const char* name, std::function<void(const QVariant&)> changed)
        : m_name(name), m_changed(std::move(changed))
    {
        watched->installEventFilter(this);
    }
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::DynamicPropertyChange &&
            static_cast<QDynamicPropertyChangeEvent*>(event)->propertyName() == m_name)
            m_changed(watched->property(m_name.constData()));
        return false;
    }

private:
    QByteArray m_name;
    std::function<void(const QVariant&)> m_changed;
};

class TestConsoleView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_lib = std::make_unique<TempLibrary>();
        fillLibrary(*m_lib);
        m_clock = std::make_shared<FixedClock>(testEpoch());
        m_lib->close();
        auto document = Document::open(m_lib->path());
        QVERIFY2(document.ok(), qPrintable(document.message()));
        m_document = std::move(document).value();
        m_document->setPollInterval(0);
        m_document->library().setClock(m_clock);
        m_view = std::make_unique<ConsoleView>();
        m_factoryTester = std::make_unique<QAbstractItemModelTester>(
            m_view->panel(QStringLiteral("hiddenFactory"))->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_alertsTester = std::make_unique<QAbstractItemModelTester>(
            m_view->alertsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_view->resize(1400, 900);
        m_view->setDocument(m_document.get());
    }

    void cleanup()
    {
        m_factoryTester.reset();
        m_alertsTester.reset();
        m_view.reset();
        m_document.reset();
        m_lib.reset();
    }

    // The screenshot (and anything else watching the "busy" property) must not see an idle view with
    // charts still to draw: they are drawn one per turn of the event loop after the result arrives.
    void isBusyUntilEveryChartIsDrawn()
    {
        // At the moment "busy" turns false, every panel has its chart (a cleared panel has no title).
        QStringList undrawnWhenIdle;
        bool becameIdle = false;
        PropertyWatch watch(m_view.get(), "busy", [&](const QVariant& busy) {
            if (busy.toBool())
                return;
            becameIdle = true;
            for (ChartPanel* panel : m_view->panels())
                if (panel->title().isEmpty())
                    undrawnWhenIdle << panel->objectName();
        });
        m_view->show();
        QVERIFY(m_view->property("busy").toBool());
        STABLE_TRY_VERIFY(becameIdle);
        QVERIFY2(undrawnWhenIdle.isEmpty(), qPrintable(undrawnWhenIdle.join(QLatin1String(", "))));
        // The summary line of the result stays (drawing does not say "Computing…" over it).
        QVERIFY2(m_view->stateLabel()->text().startsWith(QStringLiteral("2025-04 to 2026-03 (to date) · ")),
                 qPrintable(m_view->stateLabel()->text()));
    }

    void computesInTheBackgroundWhenShown()
    {
        QSignalSpy computed(m_view.get(), &ConsoleView::computed);
        QVERIFY(!m_view->isBusy()); // nothing is computed for a hidden view
        m_view->show();
        QVERIFY(m_view->isBusy());
        QCOMPARE(m_view->stateLabel()->text(), QStringLiteral("Computing…"));
        QCOMPARE(m_view->property("busy").toBool(), true);
        STABLE_TRY_COMPARE(computed.size(), 1);
        QCOMPARE(m_view->property("busy").toBool(), false);

        // Last 12 months from "now" (2026-03): April 2025 to March 2026, one table row each.
        SeriesTableModel* factory = m_view->panel(QStringLiteral("hiddenFactory"))->model();
        QCOMPARE(factory->rowCount(), 12);
        QCOMPARE(factory->text(0, 0), QStringLiteral("2025-04"));
        // January: 8 h of 160 → 5 %; February: 12 h of 120 → 10 %.
        const QList<QVariant> january = monthRow(factory, QStringLiteral("2026-01"));
        QCOMPARE(january.value(column(factory, QStringLiteral("Rework hours"))).toDouble(), 8.0);
        QCOMPARE(january.value(column(factory, QStringLiteral("Team hours"))).toDouble(), 160.0);
        QCOMPARE(january.value(column(factory, QStringLiteral("Hidden factory %"))).toDouble(), 5.0);
        const QList<QVariant> february = monthRow(factory, QStringLiteral("2026-02"));
        QCOMPARE(february.value(column(factory, QStringLiteral("Fire-fighting"))).toDouble(), 12.0);
        QCOMPARE(february.value(column(factory, QStringLiteral("Hidden factory %"))).toDouble(), 10.0);
        // The shown table says the same.
        const int row = static_cast<int>(factory->table().rows.indexOf(february));
        QCOMPARE(factory->data(factory->index(row, column(factory, QStringLiteral("Hidden factory %")))).toString(),
                 QLocale().toString(10.0, 'f', 1));

        // Pareto: patch 12 h (60 %), then build 8 h (100 %).
        SeriesTableModel* pareto = m_view->panel(QStringLiteral("pareto"))->model();
        QCOMPARE(pareto->rowCount(), 2);
        QCOMPARE(pareto->text(0, 0), QStringLiteral("Patch"));
        QCOMPARE(pareto->table().rows[0][3].toDouble(), 60.0);
        QCOMPARE(pareto->table().rows[1][3].toDouble(), 100.0);
        // March 2026 is "now": its bars are the month so far, and the month axes say so.
        for (const char* name :
             {"hiddenFactory", "costOfPoorQuality", "rolledThroughputYield", "shiftLeft"}) {
            const QStringList labels =
                monthLabels(m_view->panel(QString::fromLatin1(name))->chartView()->chart());
            QVERIFY2(
                !labels.isEmpty() && labels.last() == ConsoleCharts::toDateLabel(QStringLiteral("2026-03")),
                qPrintable(QString::fromLatin1(name) + QStringLiteral(": ") + labels.join(QLatin1Char('|'))));
            QCOMPARE(labels.filter(QStringLiteral("to date")).size(), 1);
        }
        // Cost at the default rate: every chart has its title.
        for (ChartPanel* panel : m_view->panels())
            QVERIFY2(!panel->title().isEmpty(), qPrintable(panel->objectName()));
    }

    void filtersChangeTheNumbers()
    {
        QSignalSpy computed(m_view.get(), &ConsoleView::computed);
        m_view->show();
        STABLE_TRY_COMPARE(computed.size(), 1);
        SeriesTableModel* factory = m_view->panel(QStringLiteral("hiddenFactory"))->model();

        // Release only: February's fire-fighting was on ops → 0 of 120.
        m_view->setStream(QStringLiteral("release"));
        STABLE_TRY_COMPARE(computed.size(), 2);
        QCOMPARE(m_view->filter().stream.isEmpty(), false);
        QCOMPARE(monthRow(factory, QStringLiteral("2026-02")).value(column(factory, QStringLiteral("Hidden factory %")))
                     .toDouble(),
                 0.0);
        QCOMPARE(m_view->panel(QStringLiteral("pareto"))->model()->rowCount(), 1);
        // The alerts follow the stream: INC-1 is release's; ops has none.
        QCOMPARE(m_view->alertsModel()->rowCount(), 1);
        m_view->setStream(QStringLiteral("ops"));
        STABLE_TRY_VERIFY(computed.size() == 3 && !m_view->isBusy());
        QCOMPARE(m_view->alertsModel()->rowCount(), 0);
        m_view->setStream(QStringLiteral("release"));
        STABLE_TRY_VERIFY(computed.size() == 4 && !m_view->isBusy());
        QCOMPARE(m_view->alertsModel()->rowCount(), 1);

        // All history: only the months with something in them, January and February.
        m_view->setPeriod(ConsoleView::Period::All);
        STABLE_TRY_COMPARE(computed.size(), 5);
        QCOMPARE(factory->rowCount(), 2);

        // Chosen months, all streams: February alone.
        m_view->setStream(QString());
        m_view->setMonths(QStringLiteral("2026-02"), QStringLiteral("2026-02"));
        STABLE_TRY_VERIFY(!m_view->isBusy());
        QCOMPARE(factory->rowCount(), 1);
        QCOMPARE(factory->table().rows[0][column(factory, QStringLiteral("Rework hours"))].toDouble(), 12.0);
        // A period that ended before this month has no month "to date".
        QVERIFY2(m_view->stateLabel()->text().startsWith(QStringLiteral("2026-02 · ")),
                 qPrintable(m_view->stateLabel()->text()));
        QCOMPARE(monthLabels(m_view->panel(QStringLiteral("hiddenFactory"))->chartView()->chart()),
                 QStringList{QStringLiteral("2026-02")});
    }

    // A library with nothing in it yet: every value axis counts in whole, distinct steps ("0 1 2 3 4",
    // never "0 0 0 1 1 1").
    void anEmptyLibraryHasDistinctTicks()
    {
        TempLibrary empty;
        empty.close();
        auto document = Document::open(empty.path());
        QVERIFY(document.ok());
        document.value()->setPollInterval(0);
        document.value()->library().setClock(m_clock);
        ConsoleView view;
        QSignalSpy computed(&view, &ConsoleView::computed);
        view.resize(1024, 768);
        view.setDocument(document.value().get());
        view.show();
        STABLE_TRY_COMPARE(computed.size(), 1);
        int axes = 0;
        for (ChartPanel* panel : view.panels()) {
            for (QAbstractAxis* axis : panel->chartView()->chart()->axes()) {
                auto* values = qobject_cast<QValueAxis*>(axis);
                if (!values || qobject_cast<QCategoryAxis*>(axis)) // months are categories on a value axis
                    continue;
                ++axes;
                const QStringList labels = tickLabels(*values);
                QVERIFY2(labels.size() >= 3, qPrintable(panel->objectName() + QStringLiteral(": ") +
                                                        labels.join(QLatin1Char(' '))));
                QVERIFY2(
                    QSet<QString>(labels.cbegin(), labels.cend()).size() == labels.size(),
                    qPrintable(panel->objectName() + QStringLiteral(": ") + labels.join(QLatin1Char(' '))));
            }
        }
        QVERIFY(axes >= 6);
        view.setDocument(nullptr);
    }

    void recomputesWhenTheLibraryChanges()
    {
        QSignalSpy computed(m_view.get(), &ConsoleView::computed);
        m_view->show();
        STABLE_TRY_COMPARE(computed.size(), 1);
        NewRework more;
        more.date = QDate(2026, 2, 20);
        more.hours = 6;
        QVERIFY(addRework(m_document->library(), more).ok());
        QVERIFY(m_view->isBusy()); // debounced, then computed again
        STABLE_TRY_COMPARE(computed.size(), 2);
        SeriesTableModel* factory = m_view->panel(QStringLiteral("hiddenFactory"))->model();
        // February: 12 + 6 = 18 h of 120 → 15 %.
        QCOMPARE(monthRow(factory, QStringLiteral("2026-02")).value(column(factory, QStringLiteral("Hidden factory %")))
                     .toDouble(),
                 15.0);

        // Closing the library empties the console rather than leaving numbers of a file no longer open.
        m_view->setDocument(nullptr);
        QCOMPARE(factory->rowCount(), 0);
        QCOMPARE(m_view->alertsModel()->rowCount(), 0);
        QVERIFY(!m_view->isBusy());
    }

    void newerRequestSupersedesOlder()
    {
        ConsoleComputer computer;
        QSignalSpy computed(&computer, &ConsoleComputer::computed);
        QSignalSpy busy(&computer, &ConsoleComputer::busyChanged);
        computer.request(m_lib->path(), MeasureFilter{}, m_clock);
        const quint64 latest = computer.request(
            m_lib->path(), MeasureFilter{QStringLiteral("ops"), QStringLiteral("2026-02"), QStringLiteral("2026-02")},
            m_clock);
        QVERIFY(computer.isBusy());
        STABLE_TRY_VERIFY(!computer.isBusy());
        QTest::qWait(50); // an older result arriving late would show here
        QCOMPARE(computed.size(), 1);
        const auto result = computed.at(0).at(0).value<ConsoleResult>();
        QCOMPARE(result.request, latest);
        QCOMPARE(result.series.months, QStringList{QStringLiteral("2026-02")});
        QCOMPARE(result.series.measures.reworkHours, 12.0);
        QCOMPARE(busy.size(), 2); // once busy, once done
    }

    void aFileThatCannotBeReadSaysWhy()
    {
        const ConsoleResult result = computeConsole(m_lib->file(QStringLiteral("missing.stable")), {}, m_clock);
        QVERIFY(result.error.contains(QStringLiteral("does not exist")));
    }

    void alertsJumpOrSayWhyNot()
    {
        MainWindow window;
        installConsoleView(window);
        m_view->setDocument(nullptr);
        m_document.reset(); // the window opens its own
        QVERIFY(window.openLibrary(m_lib->path()).ok());
        window.document()->setPollInterval(0);
        window.document()->library().setClock(m_clock);
        auto* console = qobject_cast<ConsoleView*>(window.viewWidget(View::Console));
        QVERIFY(console);
        QSignalSpy computed(console, &ConsoleView::computed);
        QVERIFY(window.showView(View::Console));
        window.resize(1400, 900);
        window.show();
        STABLE_TRY_COMPARE(computed.size(), 1);
        // INC-1 open since 2026-01-02: 58 days without analysis.
        QCOMPARE(console->alertsModel()->rowCount(), 1);
        const QModelIndex alert = console->alertsModel()->index(0);
        QCOMPARE(alert.data(AlertsModel::EntityRole).toString(), QStringLiteral("incident"));
        QVERIFY(alert.data().toString().contains(QStringLiteral("INC-1")));
        QVERIFY(alert.data().toString().contains(QStringLiteral("58 days")));

        // This window has no Incidents view: the jump says so instead of doing nothing.
        QListView* list = console->alertsView();
        const QRect rect = list->visualRect(alert);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        STABLE_TRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Cannot show")));
        window.closeLibrary();
    }

    void exportsEachChartAsPngAndPdf()
    {
        QSignalSpy computed(m_view.get(), &ConsoleView::computed);
        m_view->show();
        STABLE_TRY_COMPARE(computed.size(), 1);
        ChartPanel* pareto = m_view->panel(QStringLiteral("pareto"));
        // The Export button floats over the chart's corner but is not part of the chart: a picture of
        // the chart cannot show it.
        QToolButton* button = pareto->exportButton();
        QVERIFY(button->isVisible());
        QVERIFY(pareto->chartView()->geometry().contains(button->geometry()));
        QVERIFY(!pareto->chartView()->isAncestorOf(button));
        const QString png = m_lib->file(QStringLiteral("pareto.png"));
        const QString pdf = m_lib->file(QStringLiteral("pareto.pdf"));
        QVERIFY(pareto->exportPng(png).ok());
        const QImage picture(png);
        QVERIFY(!picture.isNull());
        // The chart's area and a heading line above it.
        const qreal ratio = pareto->chartView()->devicePixelRatio();
        const QSize chart = pareto->chartView()->viewport()->size() * ratio;
        QCOMPARE(picture.width(), chart.width());
        QVERIFY2(picture.height() > chart.height() + 10 * ratio &&
                     picture.height() < chart.height() + 60 * ratio,
                 qPrintable(QStringLiteral("%1 against %2").arg(picture.height()).arg(chart.height())));
        QCOMPARE(pareto->exportHeading(),
                 pareto->title() + QStringLiteral(" — All value streams · 2025-04 to 2026-03 (to date)"));
        QVERIFY(pareto->exportPdf(pdf).ok());
        QVERIFY(QFileInfo(pdf).size() > 1000);

        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read");
        QProcess reader;
        reader.start(pdftotext, {pdf, QStringLiteral("-")});
        QVERIFY(reader.waitForFinished(10000));
        const QString text = QString::fromUtf8(reader.readAllStandardOutput());
        QVERIFY2(text.contains(pareto->title()), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("All value streams · 2025-04 to 2026-03 (to date)")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("Export")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Patch")), qPrintable(text)); // its numbers come along
        QVERIFY2(text.contains(QStringLiteral("Cumulative %")), qPrintable(text));
        QVERIFY(!pareto->exportPng(m_lib->file(QStringLiteral("no/such/folder/x.png"))).ok());

        // One stream: the heading names it.
        QSignalSpy again(m_view.get(), &ConsoleView::computed);
        m_view->setStream(QStringLiteral("ops"));
        STABLE_TRY_VERIFY(again.size() == 1 && !m_view->isBusy());
        QVERIFY(pareto->exportPdf(pdf).ok());
        const QString ops = pdfText(pdf);
        QVERIFY2(ops.contains(QStringLiteral("Operations (ops) · 2025-04 to 2026-03 (to date)")),
                 qPrintable(ops));
    }

private:
    std::unique_ptr<TempLibrary> m_lib;
    std::shared_ptr<FixedClock> m_clock;
    std::unique_ptr<Document> m_document;
    std::unique_ptr<ConsoleView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_factoryTester;
    std::unique_ptr<QAbstractItemModelTester> m_alertsTester;
};

QTEST_MAIN(TestConsoleView)
#include "tst_consoleview.moc"
