#include "console/consoleview.h"

#include "console/alertsmodel.h"
#include "console/chartpanel.h"
#include "console/consolecharts.h"
#include "document.h"
#include "plaintext.h"
#include "process.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <numeric>

namespace stable {

namespace {

const QString monthFormat = QStringLiteral("yyyy-MM");
constexpr int streamKeyRole = Qt::UserRole + 1;

QDate firstOfMonth(const QDate& date)
{
    return QDate(date.year(), date.month(), 1);
}

} // namespace

ConsoleView::ConsoleView(QWidget* parent) : QWidget(parent), m_computer(new ConsoleComputer(this))
{
    setObjectName(QStringLiteral("consoleView"));
    setProperty("busy", false);
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &ConsoleView::recompute);
    m_drawNext.setSingleShot(true);
    m_drawNext.setInterval(0);
    connect(&m_drawNext, &QTimer::timeout, this, &ConsoleView::drawNextPanel);
    connect(m_computer, &ConsoleComputer::computed, this, &ConsoleView::onComputed);
    connect(m_computer, &ConsoleComputer::busyChanged, this, &ConsoleView::setBusy);

    auto* grid = new QWidget;
    auto* gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(4, 4, 4, 4);
    gridLayout->setSpacing(6);
    // The hidden factory first and widest: the pitch of the whole product is that it shrinks.
    struct Place
    {
        QString name;
        ChartPanel::Draw draw;
        int row, column, columns;
    };
    const QList<Place> places = {
        {QStringLiteral("hiddenFactory"), &ConsoleCharts::hiddenFactory, 0, 0, 2},
        {QStringLiteral("costOfPoorQuality"), &ConsoleCharts::costOfPoorQuality, 0, 2, 1},
        {QStringLiteral("pareto"), &ConsoleCharts::pareto, 1, 0, 1},
        {QStringLiteral("firstPassYield"), &ConsoleCharts::firstPassYield, 1, 1, 1},
        {QStringLiteral("rolledThroughputYield"), &ConsoleCharts::rolledThroughputYield, 1, 2, 1},
        {QStringLiteral("shiftLeft"), &ConsoleCharts::shiftLeft, 2, 0, 3},
    };
    for (const Place& place : places) {
        auto* panel = new ChartPanel(place.name, place.draw, grid);
        connect(panel, &ChartPanel::exported, this, [this](const QString& message) { m_state->setText(message); });
        gridLayout->addWidget(panel, place.row, place.column, 1, place.columns);
        m_panels.append(panel);
    }
    for (int column = 0; column < 3; ++column)
        gridLayout->setColumnStretch(column, 1);
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("consoleCharts"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(grid);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(scroll);
    splitter->addWidget(makeAlerts());
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(makeFilterBar());
    layout->addWidget(splitter, 1);
    setPeriod(Period::LastTwelveMonths);
}

ConsoleView::~ConsoleView() = default;

QWidget* ConsoleView::makeFilterBar()
{
    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 4, 8, 4);
    m_stream = new QComboBox;
    m_stream->setObjectName(QStringLiteral("consoleStream"));
    // Wide enough for most names; a library of fifty long stream names must not push the summary out,
    // nor the window past a 1024-pixel screen.
    m_stream->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_stream->setMinimumContentsLength(20);
    auto* streamLabel = new QLabel(tr("Value &stream:"));
    streamLabel->setBuddy(m_stream);

    m_period = new QComboBox;
    m_period->setObjectName(QStringLiteral("consolePeriod"));
    m_period->addItem(tr("Last 12 months"), static_cast<int>(Period::LastTwelveMonths));
    m_period->addItem(tr("All history"), static_cast<int>(Period::All));
    m_period->addItem(tr("Chosen months"), static_cast<int>(Period::Custom));
    auto* periodLabel = new QLabel(tr("Pe&riod:"));
    periodLabel->setBuddy(m_period);

    m_from = new QDateEdit;
    m_to = new QDateEdit;
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setDisplayFormat(monthFormat);
        edit->setCalendarPopup(false);
    }
    m_from->setObjectName(QStringLiteral("consoleFrom"));
    m_to->setObjectName(QStringLiteral("consoleTo"));
    m_from->setAccessibleName(tr("First month"));
    m_to->setAccessibleName(tr("Last month"));
    auto* fromLabel = new QLabel(tr("Fr&om"));
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&to"));
    toLabel->setBuddy(m_to);

    m_state = plainLabel(new QLabel);
    m_state->setObjectName(QStringLiteral("consoleState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The summary wraps in a narrow window instead of setting the window's least width.
    m_state->setWordWrap(true);

    layout->addWidget(streamLabel);
    layout->addWidget(m_stream);
    layout->addSpacing(12);
    layout->addWidget(periodLabel);
    layout->addWidget(m_period);
    layout->addWidget(fromLabel);
    layout->addWidget(m_from);
    layout->addWidget(toLabel);
    layout->addWidget(m_to);
    layout->addSpacing(12);
    layout->addWidget(m_state, 1);

    connect(m_stream, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_settingFilters)
            scheduleRecompute(0);
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_settingFilters)
            setPeriod(static_cast<Period>(m_period->currentData().toInt()));
    });
    for (QDateEdit* edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_settingFilters)
                return;
            m_settingFilters = true;
            m_period->setCurrentIndex(m_period->findData(static_cast<int>(Period::Custom)));
            m_settingFilters = false;
            scheduleRecompute(300); // typing a month goes through several
        });
    }
    return bar;
}

QWidget* ConsoleView::makeAlerts()
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 2, 8, 4);
    layout->setSpacing(2);
    m_alertsTitle = plainLabel(new QLabel(tr("Alerts")));
    QFont bold = m_alertsTitle->font();
    bold.setBold(true);
    m_alertsTitle->setFont(bold);
    m_alertsModel = new AlertsModel(this);
    m_alerts = new QListView;
    m_alerts->setObjectName(QStringLiteral("consoleAlerts"));
    m_alerts->setModel(m_alertsModel);
    m_alerts->setAccessibleName(tr("Alerts"));
    m_alerts->setUniformItemSizes(true);
    m_alerts->setMinimumHeight(m_alerts->fontMetrics().height() * 3);
    m_alertsTitle->setBuddy(m_alerts);
    layout->addWidget(m_alertsTitle);
    layout->addWidget(m_alerts, 1);
    const auto jump = [this](const QModelIndex& index) {
        if (index.isValid())
            emit alertActivated(index.data(AlertsModel::EntityRole).toString(),
                                index.data(AlertsModel::EntityIdRole).toString());
    };
    connect(m_alerts, &QListView::activated, this, jump);
    return box;
}

void ConsoleView::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_computer->cancel();
    m_nextPanel = -1;
    m_drawNext.stop();
    m_series.reset();
    for (ChartPanel* panel : std::as_const(m_panels))
        panel->clear();
    m_alertsModel->setAlerts({});
    m_state->clear();
    if (m_document) {
        connect(m_document, &Document::changed, this, [this](Changes what) {
            if (what & (Change::Streams | Change::External))
                reloadStreams();
            if (what != Changes(Change::People))
                scheduleRecompute(300); // a burst of signings is one recomputation
        });
    }
    reloadStreams();
    if (m_period->currentData().toInt() == static_cast<int>(Period::LastTwelveMonths))
        setPeriod(Period::LastTwelveMonths); // "now" is the document's clock
    m_dirty = true;
    if (isVisible())
        scheduleRecompute(0);
}

bool ConsoleView::selectRecord(const QString& entity, const QString& id)
{
    // The console shows aggregates; its one record is a value stream to filter by.
    if (entity != QStringLiteral("stream") || !m_document)
        return false;
    const int index = m_stream->findData(id);
    if (index < 0)
        return false;
    m_stream->setCurrentIndex(index);
    return true;
}

QString ConsoleView::currentStreamId() const
{
    return m_stream->currentData().toString();
}

void ConsoleView::reloadStreams()
{
    const QString current = m_stream->currentData().toString();
    m_settingFilters = true;
    m_stream->clear();
    m_stream->addItem(tr("All value streams"), QString());
    if (m_document) {
        auto streams = listStreamNames(m_document->library());
        if (streams.ok())
            for (const StreamSummary& stream : streams.value())
            {
                m_stream->addItem(tr("%1 (%2)").arg(stream.name, stream.key), stream.id);
                m_stream->setItemData(m_stream->count() - 1, stream.key, streamKeyRole);
            }
    }
    m_stream->setCurrentIndex(std::max(0, m_stream->findData(current)));
    m_settingFilters = false;
}

void ConsoleView::setPeriod(Period period)
{
    m_settingFilters = true;
    m_period->setCurrentIndex(m_period->findData(static_cast<int>(period)));
    const bool custom = period == Period::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (period == Period::LastTwelveMonths) {
        const QDate now = m_document ? m_document->library().clock().now().date() : QDate::currentDate();
        m_to->setDate(firstOfMonth(now));
        m_from->setDate(firstOfMonth(now).addMonths(-11));
    }
    m_settingFilters = false;
    scheduleRecompute(0);
}

void ConsoleView::setMonths(const QString& from, const QString& to)
{
    m_settingFilters = true;
    m_from->setDate(QDate::fromString(from, monthFormat));
    m_to->setDate(QDate::fromString(to, monthFormat));
    m_settingFilters = false;
    setPeriod(Period::Custom);
}

void ConsoleView::setStream(const QString& key)
{
    if (key.isEmpty()) {
        m_stream->setCurrentIndex(0);
        return;
    }
    const int index = m_stream->findData(key, streamKeyRole);
    if (index >= 0)
        m_stream->setCurrentIndex(index);
}

MeasureFilter ConsoleView::filter() const
{
    MeasureFilter filter;
    filter.stream = m_stream->currentData().toString();
    if (m_period->currentData().toInt() != static_cast<int>(Period::All)) {
        QDate from = m_from->date();
        QDate to = m_to->date();
        if (to < from)
            std::swap(from, to);
        filter.fromMonth = from.toString(monthFormat);
        filter.toMonth = to.toString(monthFormat);
    }
    return filter;
}

bool ConsoleView::isBusy() const
{
    return m_computer->isBusy() || (m_debounce.isActive() && m_document) || m_nextPanel >= 0;
}

void ConsoleView::scheduleRecompute(int delay)
{
    m_dirty = true;
    if (!m_document || !isVisible())
        return; // computed when shown
    m_debounce.start(delay);
    setBusy(true);
}

void ConsoleView::recompute()
{
    m_debounce.stop();
    if (!m_document)
        return;
    m_dirty = false;
    m_computer->request(m_document->path(), filter(), m_document->library().sharedClock());
}

void ConsoleView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty && m_document)
        scheduleRecompute(0);
}

void ConsoleView::setBusy(bool busy)
{
    const bool computing = busy || m_computer->isBusy() || m_debounce.isActive();
    if (computing)
        m_state->setText(tr("Computing…"));
    else if (m_state->text() == tr("Computing…"))
        m_state->clear();
    // Drawing the charts of a result keeps the view busy, under the result's summary line.
    setProperty("busy", computing || m_nextPanel >= 0);
}

void ConsoleView::onComputed(const ConsoleResult& result)
{
    if (!result.error.isEmpty()) {
        m_nextPanel = -1;
        m_drawNext.stop();
        setBusy(false);
        m_state->setText(tr("Could not compute the console: %1").arg(result.error));
        return;
    }
    m_series = std::make_shared<const ConsoleSeries>(result.series);
    const QString scope = scopeText(result);
    for (ChartPanel* panel : std::as_const(m_panels))
        panel->setScope(scope);
    // One chart per turn of the event loop: the window keeps answering while six charts are built.
    m_nextPanel = 0;
    m_drawNext.start();
    setProperty("busy", true); // until the last chart is drawn (the screenshot waits for that)
    m_alertsModel->setAlerts(result.alerts);
    m_alertsTitle->setText(result.alerts.isEmpty() ? tr("Alerts: none") : tr("Alerts (%1): double-click one to go there")
                                                                                 .arg(result.alerts.size()));
    const QStringList& months = result.series.months;
    m_state->setText(
        months.isEmpty()
            ? tr("Nothing recorded in this period.")
            : tr("%1 · %2 rework hours · %3 closed runs")
                  .arg(periodText(result.series))
                  .arg(QLocale().toString(result.series.measures.reworkHours, 'f', 0))
                  .arg(std::accumulate(
                      result.series.yields.cbegin(), result.series.yields.cend(), 0,
                      [](int total, const StreamYield& stream) { return total + stream.closedRuns; })));
}

// "2025-04 to 2026-03 (to date)": the period of a result, its month still under way marked.
QString ConsoleView::periodText(const ConsoleSeries& series)
{
    const QStringList& months = series.months;
    if (months.isEmpty())
        return tr("no months");
    QString text =
        months.first() == months.last() ? months.first() : tr("%1 to %2").arg(months.first(), months.last());
    if (series.partialMonth == months.last())
        text += tr(" (to date)");
    else if (!series.partialMonth.isEmpty())
        text += tr(" (%1 to date)").arg(series.partialMonth);
    return text;
}

// What an exported chart is of: the stream (or all of them) and the period.
QString ConsoleView::scopeText(const ConsoleResult& result) const
{
    const int index = result.filter.stream.isEmpty() ? -1 : m_stream->findData(result.filter.stream);
    const QString stream = index > 0 ? m_stream->itemText(index) : tr("All value streams");
    return tr("%1 · %2").arg(stream, periodText(result.series));
}

void ConsoleView::drawNextPanel()
{
    if (m_nextPanel < 0)
        return;
    if (m_nextPanel < m_panels.size()) {
        m_panels.at(m_nextPanel++)->showSeries(m_series);
        m_drawNext.start();
        return;
    }
    m_nextPanel = -1;
    setBusy(false);
    emit computed();
}

ChartPanel* ConsoleView::panel(const QString& name) const
{
    for (ChartPanel* panel : m_panels)
        if (panel->objectName() == name)
            return panel;
    return nullptr;
}

} // namespace stable
