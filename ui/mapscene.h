#pragma once

#include "domain.h"
#include "process.h"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPalette>
#include <array>
#include <optional>

namespace stable {

// What the map shows about one step: the step itself plus its history (first-pass yield over closed
// runs, incidents injected at it).
struct MapStep
{
    Step step;
    std::optional<double> fpy; // none without closed runs
    int closedRuns = 0;
    int incidents = 0;
};

// One step drawn as a system: name, owner and hours on top, the entry / in-process / exit check badges
// in a band, then the inputs (with supplier) along the left edge and the outputs (with customer) along
// the right edge.
class StepBox final : public QGraphicsItem
{
public:
    StepBox(MapStep step, qreal height);

    static constexpr qreal width = 250;
    static qreal heightFor(const MapStep& step);

    QString stepId() const { return m_step.step.id; }
    const MapStep& mapStep() const { return m_step; }
    int checkCount(Stage stage) const { return m_checks.at(static_cast<std::size_t>(stage)); }
    int criticalCount(Stage stage) const { return m_critical.at(static_cast<std::size_t>(stage)); }
    QString badgeText(Stage stage) const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void paintBadge(QPainter* painter, const QPalette& palette, Stage stage, const QRectF& zone) const;
    void paintPorts(QPainter* painter, const QPalette& palette, const QList<Port>& ports,
                    const QRectF& column, bool outputs) const;

    MapStep m_step;
    qreal m_height = 0;
    std::array<int, 3> m_checks{};
    std::array<int, 3> m_critical{};
    bool m_hovered = false;
};

// The value stream map: one StepBox per step, left to right, with arrows between consecutive steps.
class MapScene final : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit MapScene(QObject* parent = nullptr);

    void setSteps(const QList<MapStep>& steps, const QString& emptyText);
    QList<StepBox*> stepBoxes() const { return m_boxes; }
    StepBox* box(const QString& stepId) const;

    // Called by a box when clicked.
    void activate(const QString& stepId);

signals:
    void stepActivated(const QString& stepId);

private:
    QList<StepBox*> m_boxes;
};

} // namespace stable
