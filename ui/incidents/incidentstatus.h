#pragma once

#include "refusal.h"

#include "domain.h"

#include <QColor>
#include <QLabel>
#include <QPalette>
#include <QString>

namespace stable {

// How an incident's status reads and looks everywhere in the app: a word and a tint of the palette's
// base (readable in light and dark palettes), so the eye finds the open ones.
QString statusText(IncidentStatus status);
QColor statusTint(const QPalette& palette, IncidentStatus status);


// The status as a badge: the word on its tint.
class StatusBadge final : public QLabel
{
    Q_OBJECT
public:
    explicit StatusBadge(QWidget* parent = nullptr);
    void setStatus(IncidentStatus status);
    IncidentStatus status() const { return m_status; }

private:
    IncidentStatus m_status = IncidentStatus::Open;
};

} // namespace stable
