#include "mapview.h"

#include "document.h"
#include "incidents.h"
#include "mapscene.h"
#include "metrics.h"
#include "plaintext.h"
#include "sql.h"
#include "wording.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace stable {

namespace {

constexpr qreal minZoom = 0.2;
constexpr qreal maxZoom = 3.0;
// Fitting a long stream into the window stops where the text would become too small to read.
constexpr qreal minFitZoom = 0.7;
constexpr qreal maxFitZoom = 1.2;

QToolButton* zoomButton(const QString& text, const QString& name, const QString& tip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setAccessibleName(name);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

MapCanvas::MapCanvas(QWidget* parent)
    : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Value stream map"));
    setBackgroundRole(QPalette::Window);
    // A stream shorter than the window sits at the top, where the eye starts.
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
}

qreal MapCanvas::zoom() const
{
    return transform().m11();
}

void MapCanvas::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, minZoom, maxZoom);
    const qreal applied = target / zoom();
    scale(applied, applied);
}

void MapCanvas::fitAll()
{
    if (!scene())
        return;
    const QRectF content = scene()->sceneRect();
    const QSize room = viewport()->size();
    if (content.isEmpty() || room.isEmpty())
        return;
    const qreal fit = std::min(room.width() / content.width(), room.height() / content.height());
    const qreal wanted = std::clamp(fit, minFitZoom, maxFitZoom);
    resetTransform();
    scale(wanted, wanted);
    // A stream too long to fit starts at its first step.
    if (wanted > fit)
        centerOn(content.left() + room.width() / wanted / 2, content.center().y());
    else
        centerOn(content.center());
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0)
            zoomBy(std::pow(1.0015, delta));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    auto* map = qobject_cast<MapScene*>(scene());
    if (!map || map->stepBoxes().isEmpty()) {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    const QList<StepBox*> boxes = map->stepBoxes();
    int current = -1;
    for (int i = 0; i < boxes.size(); ++i)
        if (boxes.at(i)->isSelected())
            current = i;
    const int last = static_cast<int>(boxes.size()) - 1;
    int next = current;
    switch (event->key()) {
    case Qt::Key_Right:
        next = current < 0 ? 0 : std::min(current + 1, last);
        break;
    case Qt::Key_Left:
        next = current < 0 ? 0 : std::max(current - 1, 0);
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = last;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (current >= 0)
            map->activate(boxes.at(current)->stepId());
        event->accept();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    map->clearSelection();
    boxes.at(next)->setSelected(true);
    ensureVisible(boxes.at(next), 24, 24);
    event->accept();
}

MapView::MapView(QWidget* parent)
    : QWidget(parent)
    , m_streams(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_canvas(new MapCanvas(this))
    , m_scene(new MapScene(this))
{
    setObjectName(QStringLiteral("mapView"));
    auto* label = new QLabel(tr("Value &stream:"), this);
    label->setBuddy(m_streams);
    m_streams->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_streams->setMinimumContentsLength(20);
    plainLabel(m_summary);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_zoomOut = zoomButton(QStringLiteral("−"), tr("Zoom out"), tr("Zoom out (Ctrl+wheel)"), this);
    m_zoomIn = zoomButton(QStringLiteral("+"), tr("Zoom in"), tr("Zoom in (Ctrl+wheel)"), this);
    m_fit = zoomButton(tr("Fit"), tr("Fit the map to the window"), tr("Show the whole value stream"), this);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);

    auto* bar = new QHBoxLayout;
    bar->addWidget(label);
    bar->addWidget(m_streams);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_zoomIn);
    bar->addWidget(m_fit);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);

    m_canvas->setScene(m_scene);
    connect(m_scene, &MapScene::stepActivated, this, &MapView::stepActivated);
    connect(m_zoomIn, &QToolButton::clicked, m_canvas, [this] { m_canvas->zoomBy(1.25); });
    connect(m_zoomOut, &QToolButton::clicked, m_canvas, [this] { m_canvas->zoomBy(0.8); });
    connect(m_fit, &QToolButton::clicked, m_canvas, &MapCanvas::fitAll);
    connect(m_streams, &QComboBox::currentIndexChanged, this, [this] {
        m_fitPending = true;
        rebuildMap();
        emit currentStreamChanged(currentStreamId());
    });
    setDocument(nullptr);
}

void MapView::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &Document::changed, this, &MapView::refresh);
    m_fitPending = true;
    reloadStreams();
}

QString MapView::currentStreamId() const
{
    return m_streams->currentData().toString();
}

void MapView::setCurrentStream(const QString& streamId)
{
    const int index = m_streams->findData(streamId);
    if (index >= 0)
        m_streams->setCurrentIndex(index);
}

bool MapView::selectRecord(const QString& entity, const QString& id)
{
    if (!m_document)
        return false;
    QString streamId = id;
    if (entity == QLatin1String("step")) {
        auto query = execSql(m_document->library().db(),
                             QStringLiteral("SELECT stream_id FROM step WHERE id = ? AND removed = 0"), {id});
        if (!query.ok() || !query->next())
            return false;
        streamId = query->value(0).toString();
    } else if (entity != QLatin1String("stream")) {
        return false;
    }
    if (m_streams->findData(streamId) < 0)
        return false;
    setCurrentStream(streamId);
    if (entity == QLatin1String("step")) {
        StepBox* box = m_scene->box(id);
        if (!box)
            return false;
        m_scene->clearSelection();
        box->setSelected(true);
        m_canvas->ensureVisible(box, 24, 24);
    }
    return true;
}

void MapView::refresh(Changes what)
{
    const Changes relevant = Change::Streams | Change::Drafts | Change::Revisions | Change::Runs |
                             Change::Attestations | Change::Incidents | Change::External;
    if (what & relevant)
        reloadStreams();
}

void MapView::reloadStreams()
{
    const QString current = currentStreamId();
    QList<StreamSummary> streams;
    if (m_document) {
        auto listed = listStreamNames(m_document->library());
        if (listed.ok())
            streams = listed.value();
    }
    {
        const QSignalBlocker blocker(m_streams);
        m_streams->clear();
        for (const StreamSummary& stream : streams) {
            m_streams->addItem(stream.name, stream.id);
            const QString revision = stream.latestRevision == 0
                                         ? tr("never published")
                                         : tr("revision %1").arg(stream.latestRevision);
            m_streams->setItemData(m_streams->count() - 1,
                                   plainToolTip(tr("%1 (%2) · %3").arg(stream.name, stream.key, revision)),
                                   Qt::ToolTipRole);
        }
        const int index = m_streams->findData(current);
        m_streams->setCurrentIndex(index >= 0 ? index : (m_streams->count() > 0 ? 0 : -1));
    }
    m_streams->setEnabled(m_streams->count() > 0);
    for (QToolButton* button : {m_zoomIn, m_zoomOut, m_fit})
        button->setEnabled(m_streams->count() > 0);
    if (currentStreamId() != current) {
        m_fitPending = true;
        emit currentStreamChanged(currentStreamId());
    }
    rebuildMap();
}

void MapView::rebuildMap()
{
    const QString streamId = currentStreamId();
    if (!m_document || streamId.isEmpty()) {
        m_summary->clear();
        m_scene->setSteps({}, m_document ? tr("This library has no value streams yet. Make one with Process "
                                              "→ New Value Stream… or File → Import BPMN….")
                                         : QString());
        return;
    }
    Library& library = m_document->library();
    auto draft = loadDraft(library, streamId);
    if (!draft.ok()) {
        m_summary->clear();
        m_scene->setSteps({}, draft.message());
        return;
    }
    // History for the badges; a failure leaves the map without it rather than empty.
    QHash<QString, StepYield> yields;
    if (auto measures = computeMeasures(library, MeasureFilter{streamId, {}, {}}); measures.ok())
        for (const StreamYield& stream : measures->streams)
            for (const StepYield& step : stream.steps)
                yields.insert(step.stepId, step);
    QHash<QString, int> incidents;
    if (auto listed = listIncidents(library, IncidentFilter{streamId, std::nullopt}); listed.ok())
        for (const Incident& incident : listed.value())
            if (!incident.injectedStepId.isEmpty())
                ++incidents[incident.injectedStepId];

    QList<MapStep> steps;
    int checks = 0;
    int critical = 0;
    for (const Step& step : draft->steps) {
        MapStep mapStep{step, std::nullopt, 0, incidents.value(step.id)};
        const auto yield = yields.constFind(step.id);
        if (yield != yields.cend()) {
            mapStep.fpy = yield->fpy;
            mapStep.closedRuns = yield->closedRuns;
        }
        checks += static_cast<int>(step.checks.size());
        critical += static_cast<int>(std::count_if(step.checks.cbegin(), step.checks.cend(),
                                                   [](const QualityCheck& check) { return check.critical; }));
        steps.append(mapStep);
    }
    m_summary->setText(tr("%1 · %2 · %3 critical")
                           .arg(counted(static_cast<int>(steps.size()), tr("%1 step"), tr("%1 steps")),
                                counted(checks, tr("%1 check"), tr("%1 checks")))
                           .arg(critical));

    // Keep the person's place across refreshes: the same zoom and the same spot in the middle.
    const QPointF centre = m_canvas->mapToScene(m_canvas->viewport()->rect().center());
    QString selected;
    for (StepBox* box : m_scene->stepBoxes())
        if (box->isSelected())
            selected = box->stepId();
    m_scene->setSteps(steps, tr("‘%1’ has no steps yet.").arg(draft->name));
    if (StepBox* box = m_scene->box(selected))
        box->setSelected(true);
    if (m_fitPending)
        fitIfPending();
    else
        m_canvas->centerOn(centre);
}

void MapView::fitIfPending()
{
    if (!m_fitPending || !isVisible() || m_canvas->viewport()->width() < 50)
        return;
    m_canvas->fitAll();
    m_fitPending = false;
}

void MapView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitIfPending();
}

void MapView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitIfPending();
}

} // namespace stable
