#include "incidents/incidentstatus.h"

#include "tints.h"

#include <QCoreApplication>

namespace stable {

QString statusText(IncidentStatus status)
{
    switch (status) {
    case IncidentStatus::Open:
        return QCoreApplication::translate("stable::IncidentStatus", "open");
    case IncidentStatus::Analysed:
        return QCoreApplication::translate("stable::IncidentStatus", "analysed");
    case IncidentStatus::Prevented:
        return QCoreApplication::translate("stable::IncidentStatus", "prevented");
    case IncidentStatus::Verified:
        return QCoreApplication::translate("stable::IncidentStatus", "verified");
    }
    return {};
}

QColor statusTint(const QPalette& palette, IncidentStatus status)
{
    // Red for what still needs work, amber for a cause known but not yet prevented, green for done.
    const qreal strength = isDark(palette) ? 0.4 : 0.25;
    switch (status) {
    case IncidentStatus::Open:
        return tint(palette, QColor(220, 50, 50), strength);
    case IncidentStatus::Analysed:
        return tint(palette, QColor(230, 160, 20), strength);
    case IncidentStatus::Prevented:
        return tint(palette, QColor(40, 120, 220), strength);
    case IncidentStatus::Verified:
        return tint(palette, QColor(40, 170, 80), strength);
    }
    return palette.color(QPalette::Base);
}

StatusBadge::StatusBadge(QWidget* parent) : QLabel(parent)
{
    setAutoFillBackground(true);
    setMargin(4);
    setAlignment(Qt::AlignCenter);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    setStatus(IncidentStatus::Open);
}

void StatusBadge::setStatus(IncidentStatus status)
{
    m_status = status;
    QPalette shown = palette();
    shown.setColor(QPalette::Window, statusTint(palette(), status));
    shown.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    setPalette(shown);
    setText(statusText(status));
    setAccessibleName(tr("Status: %1").arg(statusText(status)));
}

} // namespace stable
