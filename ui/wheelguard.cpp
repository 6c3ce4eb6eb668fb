#include "wheelguard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QWheelEvent>

namespace stable {

namespace {

const char* const guardName = "stableWheelGuard";

bool editsOnWheel(const QWidget* widget)
{
    return qobject_cast<const QAbstractSpinBox*>(widget) || qobject_cast<const QComboBox*>(widget) ||
           (qobject_cast<const QAbstractSlider*>(widget) && !qobject_cast<const QScrollBar*>(widget));
}

class WheelGuard final : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Wheel || !watched->isWidgetType())
            return false;
        // The first thing up from the pointer that reacts to a wheel decides: a scrollable area scrolls;
        // a control that would change its value passes the turn to the area around it.
        for (auto* widget = static_cast<QWidget*>(watched); widget && !widget->isWindow();
             widget = widget->parentWidget()) {
            if (qobject_cast<QAbstractScrollArea*>(widget) || qobject_cast<QScrollBar*>(widget))
                return false;
            if (editsOnWheel(widget))
                return forwardToArea(widget, *static_cast<QWheelEvent*>(event));
        }
        return false;
    }

private:
    static bool forwardToArea(QWidget* control, const QWheelEvent& wheel)
    {
        for (QWidget* up = control->parentWidget(); up; up = up->parentWidget()) {
            auto* area = qobject_cast<QAbstractScrollArea*>(up);
            if (!area)
                continue;
            QWidget* viewport = area->viewport();
            QWheelEvent forwarded(viewport->mapFromGlobal(wheel.globalPosition()), wheel.globalPosition(),
                                  wheel.pixelDelta(), wheel.angleDelta(), wheel.buttons(), wheel.modifiers(),
                                  wheel.phase(), wheel.inverted(), wheel.source());
            QCoreApplication::sendEvent(viewport, &forwarded);
            break;
        }
        return true; // the control itself never sees the turn
    }
};

} // namespace

void installWheelGuard(QApplication& application)
{
    if (application.findChild<QObject*>(QLatin1String(guardName), Qt::FindDirectChildrenOnly))
        return;
    auto* guard = new WheelGuard(&application);
    guard->setObjectName(QLatin1String(guardName));
    application.installEventFilter(guard);
}

} // namespace stable
