// Figures of the desktop side: the runs list and a run's checklist through their item models, the
// console charts painted offscreen, PDFs, and the app itself from process start to screenshot.
#include "bench.h"

#include "clock.h"
#include "console/chartpanel.h"
#include "console/consolecharts.h"
#include "console/consolecomputer.h"
#include "console/consoleview.h"
#include "consoleseries.h"
#include "document.h"
#include "incidents/incidentlistmodel.h"
#include "library.h"
#include "print/printing.h"
#include "receipt.h"
#include "runs/checklistmodel.h"
#include "runs/runlistmodel.h"
#include "sql.h"

#include <QBuffer>
#include <QEventLoop>
#include <QFile>
#include <QGridLayout>
#include <QPixmap>
#include <QProcess>
#include <QSqlError>
#include <QSqlQueryModel>
#include <QTableView>
#include <QTimer>
#include <QWidget>

#include <memory>

#include <sys/resource.h>

namespace stable::bench {

namespace {

// The run with the most items (the receipt and the checklist of one run are measured on it).
QString largestRun(Library& library)
{
    auto query = execSql(library.db(), QStringLiteral("SELECT run_id FROM run_item GROUP BY run_id "
                                                      "ORDER BY count(*) DESC LIMIT 1"));
    return query.ok() && query->next() ? query->value(0).toString() : QString();
}

// A list's figures through one model kind: the first page, the view dragged to the last row, and every
// row read in order (scrolling through everything). `make` builds a fresh model, so nothing is cached
// between runs but SQLite's pages.
struct ListModelFactory
{
    QString prefix;
    std::function<std::unique_ptr<QAbstractItemModel>()> make;
};

void benchList(const Context& context, const ListModelFactory& list, QJsonObject& out)
{
    int rows = 0;
    Figure first = measure(context.runs, [&] {
        auto model = list.make();
        rows = model->rowCount();
        return rows > 0 && !model->index(0, 0).data().toString().isEmpty() ? QString() : QStringLiteral("no rows");
    });
    first.note = QStringLiteral("a new model until row 0's data() is served; %1 rows then").arg(rows);
    out.insert(list.prefix + QStringLiteral("first_page_ms"), first.toJson());

    // What the user does with the scrollbar's thumb: the view is open on its first screen (not timed),
    // then the thumb goes to the bottom and the view paints the last rows. A model that appends
    // (canFetchMore) has to fetch everything before it has a last row.
    Figure jump;
    int last = -1;
    for (int i = 0; i < context.runs; ++i) {
        auto model = list.make();
        QTableView view;
        view.resize(1000, 700);
        view.setModel(model.get());
        view.show();
        (void)view.grab();
        QElapsedTimer timer;
        timer.start();
        while (model->canFetchMore({}))
            model->fetchMore({});
        view.scrollToBottom();
        const QPixmap painted = view.grab(); // paints like the screen would, exposed or not (offscreen)
        const double ms = elapsedMs(timer);
        // The row at the bottom of the viewport, or the last row when they all fit above it.
        last = view.rowAt(view.viewport()->height() - 2);
        if (last < 0 && model->rowCount() > 0 && view.rowViewportPosition(model->rowCount() - 1) >= 0)
            last = model->rowCount() - 1;
        if (painted.isNull() || last != model->rowCount() - 1 || model->index(last, 0).data().toString().isEmpty()) {
            jump.note = QStringLiteral("the last row was not shown (row %1 of %2)").arg(last).arg(model->rowCount());
            break;
        }
        jump.samples.append(ms);
    }
    if (jump.note.isEmpty())
        jump.note = QStringLiteral("QTableView 1000×700 on its first screen: thumb to the bottom until row %1 is painted (grab)")
                        .arg(last);
    out.insert(list.prefix + QStringLiteral("jump_to_last_row_ms"), jump.toJson());

    Figure through = measure(context.runs, [&] {
        auto model = list.make();
        int row = 0;
        for (; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().isNull())
                return QStringLiteral("row %1 has no data").arg(row);
            if (row + 1 == model->rowCount() && model->canFetchMore({}))
                model->fetchMore({});
        }
        rows = row;
        return QString();
    });
    through.note = QStringLiteral("a new model, every row's data() in order (page after page): %1 rows").arg(rows);
    out.insert(list.prefix + QStringLiteral("scroll_through_ms"), through.toJson());
}

// The console view as the window shows it (default period, last 12 months): from asking to the last
// chart drawn, and the longest the GUI thread went without turning its event loop meanwhile (a timer
// of 0 ms ticks on every turn; the gap between ticks is what a person would feel as a freeze).
void insertConsoleViewFigures(const Context& context, QJsonObject& out)
{
    auto document = Document::open(context.library);
    if (!document.ok())
        return;
    ConsoleView view;
    view.resize(1400, 900);
    view.show();
    view.setDocument(document.value().get());
    QEventLoop settle;
    QTimer::singleShot(0, &settle, &QEventLoop::quit);
    settle.exec();
    while (view.isBusy())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    Figure stall;
    const Figure total = measure(context.runs, [&] {
        QElapsedTimer sinceTick;
        double longest = 0;
        QTimer tick;
        tick.setInterval(0);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            longest = std::max(longest, elapsedMs(sinceTick));
            sinceTick.restart();
        });
        sinceTick.start();
        tick.start();
        view.recompute();
        QEventLoop loop;
        QObject::connect(&view, &ConsoleView::computed, &loop, &QEventLoop::quit);
        loop.exec();
        stall.samples.append(longest);
        return QString();
    });
    out.insert(QStringLiteral("console_view_request_to_charts_ms"), total.toJson());
    stall.note = QStringLiteral("longest GUI-thread stall while the console view computed and drew (target ≤ 16)");
    out.insert(QStringLiteral("console_view_longest_gui_stall_ms"), stall.toJson());
}

} // namespace

QJsonObject benchLists(const Context& context)
{
    QJsonObject out;
    auto document = Document::open(context.library);
    if (!document.ok())
        return {{QStringLiteral("note"), document.message()}};
    Document& doc = *document.value();
    QSqlDatabase db = doc.library().db();

    // What the runs list's first page is made of: the count that gives every run a row, and one page.
    int counted = 0;
    Figure count = measure(context.runs, [&] {
        auto runs = countRuns(doc.library(), RunPageFilter{});
        counted = runs.ok() ? runs.value() : 0;
        return runs.ok() ? QString() : runs.message();
    });
    count.note = QStringLiteral("countRuns, no filter (index-only): %1 runs").arg(counted);
    out.insert(QStringLiteral("runs_count_ms"), count.toJson());
    Figure page = measure(context.runs, [&] {
        auto rows = listRunPage(doc.library(), RunPageFilter{}, std::nullopt, RunListModel::pageSize);
        return rows.ok() ? QString() : rows.message();
    });
    page.note = QStringLiteral("listRunPage, the newest %1 runs").arg(RunListModel::pageSize);
    out.insert(QStringLiteral("runs_one_page_ms"), page.toJson());

    benchList(context, {QStringLiteral("runs_"), [&doc]() -> std::unique_ptr<QAbstractItemModel> {
                            auto model = std::make_unique<RunListModel>();
                            model->setDocument(&doc);
                            return model;
                        }},
              out);
    // What Qt gives for free: QSqlQueryModel over the same query (the list's columns, newest first).
    const QString runsSql = QStringLiteral(
        "SELECT r.title, s.name, v.number, r.kind, r.status, r.started_at, "
        "(SELECT count(*) FROM run_item i WHERE i.run_id = r.id) FROM run r JOIN stream s ON s.id = r.stream_id "
        "JOIN revision v ON v.id = r.revision_id ORDER BY r.started_at DESC, r.rowid DESC");
    benchList(context, {QStringLiteral("runs_qsqlquerymodel_"), [&db, &runsSql]() -> std::unique_ptr<QAbstractItemModel> {
                            auto model = std::make_unique<QSqlQueryModel>();
                            model->setQuery(runsSql, db);
                            return model;
                        }},
              out);

    benchList(context, {QStringLiteral("incidents_"), [&doc]() -> std::unique_ptr<QAbstractItemModel> {
                            auto model = std::make_unique<IncidentListModel>();
                            model->setLibrary(&doc.library());
                            return model;
                        }},
              out);
    const QString incidentsSql = QStringLiteral(
        "SELECT i.number, i.title, s.name, ds.name, js.name, i.severity, i.status, i.created_at FROM incident i "
        "JOIN stream s ON s.id = i.stream_id LEFT JOIN step ds ON ds.id = i.detected_step_id "
        "LEFT JOIN step js ON js.id = i.injected_step_id ORDER BY i.number DESC");
    benchList(context,
              {QStringLiteral("incidents_qsqlquerymodel_"), [&db, &incidentsSql]() -> std::unique_ptr<QAbstractItemModel> {
                   auto model = std::make_unique<QSqlQueryModel>();
                   model->setQuery(incidentsSql, db);
                   return model;
               }},
              out);

    const QString runId = largestRun(doc.library());
    int items = 0;
    Figure checklist = measure(context.runs, [&] {
        auto run = loadRun(doc.library(), runId);
        if (!run.ok())
            return run.message();
        ChecklistModel model;
        model.setRun(run.value());
        items = static_cast<int>(run->items.size());
        return model.rowCount() > 0 ? QString() : QStringLiteral("empty checklist");
    });
    checklist.note = QStringLiteral("loadRun + ChecklistModel of the largest run, %1 items").arg(items);
    out.insert(QStringLiteral("run_attestations_first_page_ms"), checklist.toJson());
    return out;
}

QJsonObject benchCharts(const Context& context)
{
    QJsonObject out;
    auto clock = std::make_shared<SystemClock>();
    out.insert(QStringLiteral("console_compute_ms"),
               measure(context.runs, [&] {
                   const ConsoleResult result = computeConsole(context.library, MeasureFilter{}, clock);
                   return result.error;
               }).toJson());
    const ConsoleResult computed = computeConsole(context.library, MeasureFilter{}, clock);
    if (!computed.error.isEmpty())
        return out;
    auto series = std::make_shared<const ConsoleSeries>(computed.series);
    const QList<std::pair<QString, ChartPanel::Draw>> charts = {
        {QStringLiteral("hiddenFactory"), &ConsoleCharts::hiddenFactory},
        {QStringLiteral("costOfPoorQuality"), &ConsoleCharts::costOfPoorQuality},
        {QStringLiteral("pareto"), &ConsoleCharts::pareto},
        {QStringLiteral("firstPassYield"), &ConsoleCharts::firstPassYield},
        {QStringLiteral("rolledThroughputYield"), &ConsoleCharts::rolledThroughputYield},
        {QStringLiteral("shiftLeft"), &ConsoleCharts::shiftLeft},
    };
    Figure paint = measure(context.runs, [&] {
        QWidget grid;
        auto* layout = new QGridLayout(&grid);
        int place = 0;
        for (const auto& [name, draw] : charts) {
            auto* panel = new ChartPanel(name, draw, &grid);
            layout->addWidget(panel, place / 3, place % 3);
            ++place;
        }
        grid.resize(1400, 900);
        grid.show();
        for (ChartPanel* panel : grid.findChildren<ChartPanel*>())
            panel->showSeries(series);
        const QPixmap picture = grid.grab();
        return picture.isNull() ? QStringLiteral("nothing painted") : QString();
    });
    // Each chart alone (drawn on the GUI thread, one per turn of the event loop in the console view).
    {
        QWidget grid;
        auto* layout = new QGridLayout(&grid);
        QList<ChartPanel*> panels;
        for (const auto& [name, draw] : charts) {
            panels.append(new ChartPanel(name, draw, &grid));
            layout->addWidget(panels.last(), static_cast<int>(panels.size() - 1) / 3, static_cast<int>(panels.size() - 1) % 3);
        }
        grid.resize(1400, 900);
        grid.show();
        QJsonObject each;
        for (ChartPanel* panel : std::as_const(panels))
            each.insert(panel->objectName(), measure(context.runs, [&] {
                                                 panel->showSeries(series);
                                                 return QString();
                                             }).toJson());
        out.insert(QStringLiteral("chart_draw_ms"), each);
    }
    paint.note = QStringLiteral("six ChartPanels at 1400×900: build, draw the series, paint (grab)");
    out.insert(QStringLiteral("charts_build_and_paint_ms"), paint.toJson());
    insertConsoleViewFigures(context, out);
    return out;
}

QJsonObject benchPrint(const Context& context)
{
    QJsonObject out;
    auto opened = Library::open(context.library, OpenOptions{});
    if (!opened.ok())
        return {{QStringLiteral("note"), opened.message()}};
    Library& library = *opened.value();
    auto stream = execSql(library.db(), QStringLiteral("SELECT s.key FROM stream s JOIN revision v ON "
                                                       "v.stream_id = s.id JOIN revision_check rc ON "
                                                       "rc.revision_id = v.id WHERE s.removed = 0 GROUP BY v.id "
                                                       "ORDER BY count(*) DESC LIMIT 1"));
    const QString streamKey = stream.ok() && stream->next() ? stream->value(0).toString() : QString();
    if (stream.ok())
        stream->finish();
    int pages = 0;
    Figure checklist = measure(context.runs, [&] {
        auto document = checklistDocument(library, streamKey);
        if (!document.ok())
            return document.message();
        QBuffer pdf;
        pdf.open(QIODevice::WriteOnly);
        auto rendered = renderPdf(document.value(), pdf, PaperSize::A4);
        pages = rendered.ok() ? rendered.value() : 0;
        return rendered.ok() ? QString() : rendered.message();
    });
    checklist.note = QStringLiteral("blank checklist of ‘%1’ (largest revision), %2 pages").arg(streamKey).arg(pages);
    out.insert(QStringLiteral("checklist_pdf_ms"), checklist.toJson());

    // A receipt of 200 items: the largest run's items repeated (with their attestations) up to 200.
    auto receipt = loadReceipt(library, largestRun(library));
    if (!receipt.ok())
        return out;
    Receipt big = receipt.value();
    if (big.run.items.size() > 200)
        big.run.items.resize(200);
    const QList<RunItem> original = big.run.items; // the 200 items of a large run, or repeated up to 200
    for (int copy = 1; big.run.items.size() < 200 && !original.isEmpty(); ++copy)
        for (RunItem item : original) {
            if (big.run.items.size() >= 200)
                break;
            item.checkKey += QStringLiteral("-%1").arg(copy);
            item.position += copy * 1000;
            big.run.items.append(item);
        }
    Figure receiptPdf = measure(context.runs, [&] {
        QBuffer pdf;
        pdf.open(QIODevice::WriteOnly);
        auto rendered = renderPdf(receiptDocument(big), pdf, PaperSize::A4);
        pages = rendered.ok() ? rendered.value() : 0;
        return rendered.ok() ? QString() : rendered.message();
    });
    receiptPdf.note = QStringLiteral("receipt of %1 items, %2 pages").arg(big.run.items.size()).arg(pages);
    out.insert(QStringLiteral("receipt_pdf_ms"), receiptPdf.toJson());
    return out;
}

QJsonObject benchApp(const Context& context, const QString& appPath)
{
    QJsonObject out;
    if (!QFile::exists(appPath))
        return {{QStringLiteral("note"), QStringLiteral("no app at %1").arg(appPath)}};
    const QString shot = context.workDir + QStringLiteral("/console.png");
    Figure start = measure(context.large ? std::min(context.runs, 3) : context.runs, [&] {
        QFile::remove(shot);
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        app.start(appPath, {context.library, QStringLiteral("--view"), QStringLiteral("console"),
                            QStringLiteral("--screenshot"), shot});
        if (!app.waitForFinished(120000))
            return QStringLiteral("the app did not finish");
        if (app.exitCode() != 0 || !QFile::exists(shot))
            return QStringLiteral("the app failed (exit %1)").arg(app.exitCode());
        return QString();
    });
    start.note = QStringLiteral("process start to screenshot written");
    out.insert(QStringLiteral("start_to_console_screenshot_ms"), start.toJson());
    // The largest resident set of any child that has ended: the app runs above were this process's only
    // children (and this group runs first, while this process is smaller than the app).
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    out.insert(QStringLiteral("peak_rss_mb"), Figure::round3(static_cast<double>(usage.ru_maxrss) / 1024.0));
    return out;
}

} // namespace stable::bench
