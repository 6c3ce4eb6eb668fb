#include "mapscene.h"

#include "tints.h"
#include "wording.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace stable {

namespace {

constexpr qreal padding = 10;
constexpr qreal lineHeight = 17;
constexpr qreal titleHeight = 36; // two lines of the bold name
constexpr qreal factsTop = padding + titleHeight;
constexpr qreal historyTop = factsTop + lineHeight + 2;
constexpr qreal bandTop = historyTop + lineHeight + 8;
constexpr qreal bandHeight = 30;
constexpr qreal portsTop = bandTop + bandHeight + 8;
constexpr qreal portHeight = 2 * lineHeight + 4;
constexpr qreal gap = 56;

QPalette paletteOf(const QStyleOptionGraphicsItem* option, const QWidget* widget)
{
    if (widget)
        return widget->palette();
    return option ? option->palette : QApplication::palette();
}

const QColor criticalHue(220, 40, 40);
const QColor goodHue(40, 160, 70);
const QColor warningHue(230, 150, 20);

// An arrow from one step to the next, at the height of the check band.
class FlowArrow final : public QGraphicsItem
{
public:
    FlowArrow(QPointF from, QPointF to)
        : m_from(from)
        , m_to(to)
    {
    }
    QRectF boundingRect() const override { return QRectF(m_from, m_to).normalized().adjusted(-2, -8, 2, 8); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override
    {
        const QPalette palette = paletteOf(option, widget);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(palette.color(QPalette::Text), 2));
        painter->drawLine(m_from, m_to - QPointF(8, 0));
        QPainterPath head;
        head.moveTo(m_to);
        head.lineTo(m_to + QPointF(-10, -6));
        head.lineTo(m_to + QPointF(-10, 6));
        head.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Text));
        painter->drawPath(head);
    }

private:
    QPointF m_from;
    QPointF m_to;
};

QString stageLabel(Stage stage)
{
    switch (stage) {
    case Stage::Entry:
        return QApplication::translate("stable::MapScene", "entry");
    case Stage::InProcess:
        return QApplication::translate("stable::MapScene", "in process");
    case Stage::Exit:
        return QApplication::translate("stable::MapScene", "exit");
    }
    return QString();
}

QString toolTipFor(const MapStep& mapStep)
{
    const Step& step = mapStep.step;
    QString html = QStringLiteral("<b>%1</b>").arg(step.name.toHtmlEscaped());
    if (!step.ownerRole.isEmpty())
        html += QStringLiteral("<br>%1").arg(step.ownerRole.toHtmlEscaped());
    auto ports = [](const QList<Port>& list, const QString& title) {
        if (list.isEmpty())
            return QString();
        QString part = QStringLiteral("<br><i>%1</i>").arg(title);
        for (const Port& port : list)
            part += QStringLiteral("<br>• %1%2")
                        .arg(port.name.toHtmlEscaped(),
                             port.party.isEmpty() ? QString()
                                                  : QStringLiteral(" — %1").arg(port.party.toHtmlEscaped()));
        return part;
    };
    html += ports(step.inputs, QApplication::translate("stable::MapScene", "Inputs (supplier)"));
    html += ports(step.outputs, QApplication::translate("stable::MapScene", "Outputs (customer)"));
    if (!step.checks.isEmpty()) {
        html += QStringLiteral("<br><i>%1</i>").arg(QApplication::translate("stable::MapScene", "Checks"));
        for (const QualityCheck& check : step.checks)
            html += QStringLiteral("<br>%1 %2 · %3")
                        .arg(check.critical ? QStringLiteral("❗") : QStringLiteral("•"),
                             stageLabel(check.stage), check.statement.toHtmlEscaped());
    }
    return html;
}

} // namespace

StepBox::StepBox(MapStep step, qreal height)
    : m_step(std::move(step))
    , m_height(height)
{
    for (const QualityCheck& check : m_step.step.checks) {
        const auto stage = static_cast<std::size_t>(check.stage);
        ++m_checks.at(stage);
        if (check.critical)
            ++m_critical.at(stage);
    }
    setAcceptHoverEvents(true);
    setFlag(ItemIsSelectable);
    setCursor(Qt::PointingHandCursor);
    setToolTip(toolTipFor(m_step));
}

qreal StepBox::heightFor(const MapStep& step)
{
    // Inputs first (along the left edge), then outputs (along the right edge), each at least one row.
    const auto rows =
        std::max<qsizetype>(step.step.inputs.size(), 1) + std::max<qsizetype>(step.step.outputs.size(), 1);
    return portsTop + static_cast<qreal>(rows) * portHeight + padding;
}

QString StepBox::badgeText(Stage stage) const
{
    QString text = QStringLiteral("%1 %2").arg(stageLabel(stage)).arg(checkCount(stage));
    return text;
}

QRectF StepBox::boundingRect() const
{
    return QRectF(0, 0, width, m_height).adjusted(-3, -3, 3, 3);
}

void StepBox::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    const QPalette palette = paletteOf(option, widget);
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF frame(0, 0, width, m_height);
    const bool highlighted = m_hovered || isSelected();
    painter->setPen(
        QPen(palette.color(highlighted ? QPalette::Highlight : QPalette::Mid), highlighted ? 2.5 : 1.2));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(frame, 6, 6);

    const qreal textWidth = width - 2 * padding;
    QFont font = painter->font();
    QFont bold = font;
    bold.setBold(true);
    bold.setPointSizeF(font.pointSizeF() * 1.1);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    // The name wraps onto a second line; what still does not fit is in the tooltip.
    painter->drawText(QRectF(padding, padding, textWidth, titleHeight),
                      Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_step.step.name);

    painter->setFont(font);
    const QFontMetrics metrics(font);
    QStringList facts;
    if (!m_step.step.ownerRole.isEmpty())
        facts.append(m_step.step.ownerRole);
    facts.append(QApplication::translate("stable::MapScene", "%1 h planned").arg(m_step.step.plannedHours));
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(
        QRectF(padding, factsTop, textWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(facts.join(QStringLiteral(" · ")), Qt::ElideRight, static_cast<int>(textWidth)));

    // History: first-pass yield and the incidents injected here.
    if (m_step.fpy || m_step.incidents > 0) {
        qreal x = padding;
        if (m_step.fpy) {
            const double fpy = *m_step.fpy;
            const QColor hue = fpy >= 0.95 ? goodHue : fpy >= 0.85 ? warningHue : criticalHue;
            const QString text =
                QApplication::translate("stable::MapScene", "FPY %1%").arg(fpy * 100, 0, 'f', 1);
            const QRectF pill(x, historyTop, metrics.horizontalAdvance(text) + 12, lineHeight + 2);
            painter->setPen(Qt::NoPen);
            painter->setBrush(tint(palette, hue, isDark(palette) ? 0.45 : 0.3));
            painter->drawRoundedRect(pill, 4, 4);
            painter->setPen(palette.color(QPalette::Text));
            painter->drawText(pill, Qt::AlignCenter, text);
            x = pill.right() + 8;
        }
        const QString incidents =
            counted(m_step.incidents, QApplication::translate("stable::MapScene", "%1 incident"),
                    QApplication::translate("stable::MapScene", "%1 incidents"));
        painter->setPen(palette.color(m_step.incidents > 0 ? QPalette::Text : QPalette::PlaceholderText));
        painter->drawText(
            QRectF(x, historyTop, width - padding - x, lineHeight + 2), Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(incidents, Qt::ElideRight, static_cast<int>(width - padding - x)));
    }

    // The check band: entry at the left edge, in-process in the middle, exit at the right edge.
    const QRectF band(1, bandTop, width - 2, bandHeight);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::AlternateBase));
    painter->drawRect(band);
    const qreal zone = band.width() / 3;
    for (Stage stage : {Stage::Entry, Stage::InProcess, Stage::Exit})
        paintBadge(painter, palette, stage,
                   QRectF(band.left() + zone * static_cast<int>(stage), band.top(), zone, band.height()));

    const qreal inputsHeight =
        static_cast<qreal>(std::max<qsizetype>(m_step.step.inputs.size(), 1)) * portHeight;
    paintPorts(painter, palette, m_step.step.inputs, QRectF(padding, portsTop, textWidth, inputsHeight),
               false);
    painter->setPen(QPen(palette.color(QPalette::Midlight), 1, Qt::DotLine));
    painter->drawLine(QPointF(padding, portsTop + inputsHeight - 3),
                      QPointF(width - padding, portsTop + inputsHeight - 3));
    paintPorts(painter, palette, m_step.step.outputs,
               QRectF(padding, portsTop + inputsHeight, textWidth, m_height - portsTop - inputsHeight), true);
}

void StepBox::paintBadge(QPainter* painter, const QPalette& palette, Stage stage, const QRectF& zone) const
{
    const QFontMetrics metrics(painter->font());
    const int count = checkCount(stage);
    const int critical = criticalCount(stage);
    const QString text = badgeText(stage);
    const QString mark = QStringLiteral("!%1").arg(critical);
    const qreal markWidth = critical > 0 ? metrics.horizontalAdvance(mark) + 10 : 0;
    const qreal textWidth = metrics.horizontalAdvance(text) + 12;
    const qreal total = textWidth + (critical > 0 ? markWidth + 3 : 0);
    QRectF pill(zone.center().x() - total / 2, zone.center().y() - 10, textWidth, 20);
    painter->setPen(count > 0 ? Qt::NoPen : QPen(palette.color(QPalette::Mid), 1, Qt::DashLine));
    painter->setBrush(count > 0 ? palette.color(QPalette::Highlight) : Qt::transparent);
    painter->drawRoundedRect(pill, 10, 10);
    painter->setPen(palette.color(count > 0 ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(pill, Qt::AlignCenter, text);
    if (critical > 0) {
        const QRectF markRect(pill.right() + 3, pill.top(), markWidth, 20);
        painter->setPen(Qt::NoPen);
        painter->setBrush(criticalHue);
        painter->drawRoundedRect(markRect, 10, 10);
        QFont bold = painter->font();
        bold.setBold(true);
        painter->save();
        painter->setFont(bold);
        painter->setPen(Qt::white); // on the fixed critical red, in light and dark palettes alike
        painter->drawText(markRect, Qt::AlignCenter, mark);
        painter->restore();
    }
}

void StepBox::paintPorts(QPainter* painter, const QPalette& palette, const QList<Port>& ports,
                         const QRectF& column, bool outputs) const
{
    const QFontMetrics metrics(painter->font());
    const int align =
        static_cast<int>(((outputs ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter).toInt());
    const int available = static_cast<int>(column.width());
    if (ports.isEmpty()) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(QRectF(column.left(), column.top(), column.width(), lineHeight), align,
                          outputs ? QApplication::translate("stable::MapScene", "no outputs")
                                  : QApplication::translate("stable::MapScene", "no inputs"));
        return;
    }
    qreal y = column.top();
    for (const Port& port : ports) {
        painter->setPen(palette.color(QPalette::Text));
        const QString name = (outputs ? QStringLiteral("%1 ▸") : QStringLiteral("▸ %1")).arg(port.name);
        painter->drawText(QRectF(column.left(), y, column.width(), lineHeight), align,
                          metrics.elidedText(name, Qt::ElideMiddle, available));
        if (!port.party.isEmpty()) {
            const QString party =
                outputs ? QApplication::translate("stable::MapScene", "to %1").arg(port.party)
                        : QApplication::translate("stable::MapScene", "from %1").arg(port.party);
            painter->setPen(palette.color(QPalette::PlaceholderText));
            painter->drawText(QRectF(column.left(), y + lineHeight, column.width(), lineHeight), align,
                              metrics.elidedText(party, Qt::ElideRight, available));
        }
        y += portHeight;
    }
}

void StepBox::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsItem::mousePressEvent(event);
        return;
    }
    if (scene()) {
        scene()->clearSelection();
        setSelected(true);
    }
    if (auto* map = qobject_cast<MapScene*>(scene()))
        map->activate(stepId());
    event->accept();
}

void StepBox::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    mousePressEvent(event);
}

void StepBox::hoverEnterEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = true;
    update();
}

void StepBox::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = false;
    update();
}

MapScene::MapScene(QObject* parent)
    : QGraphicsScene(parent)
{
}

void MapScene::setSteps(const QList<MapStep>& steps, const QString& emptyText)
{
    clear();
    m_boxes.clear();
    if (steps.isEmpty()) {
        QGraphicsSimpleTextItem* text = addSimpleText(emptyText);
        text->setBrush(palette().color(QPalette::PlaceholderText));
        setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
        return;
    }
    qreal height = 0;
    for (const MapStep& step : steps)
        height = std::max(height, StepBox::heightFor(step));
    qreal x = 0;
    for (int i = 0; i < steps.size(); ++i) {
        auto* box = new StepBox(steps.at(i), height);
        box->setPos(x, 0);
        addItem(box);
        m_boxes.append(box);
        if (i > 0)
            addItem(new FlowArrow(QPointF(x - gap + 2, bandTop + bandHeight / 2),
                                  QPointF(x - 2, bandTop + bandHeight / 2)));
        x += StepBox::width + gap;
    }
    setSceneRect(itemsBoundingRect().adjusted(-24, -24, 24, 24));
}

StepBox* MapScene::box(const QString& stepId) const
{
    for (StepBox* box : m_boxes)
        if (box->stepId() == stepId)
            return box;
    return nullptr;
}

void MapScene::activate(const QString& stepId)
{
    emit stepActivated(stepId);
}

} // namespace stable
