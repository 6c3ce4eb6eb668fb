#pragma once

#include "metrics.h"

#include <QAbstractListModel>
#include <QList>

namespace stable {

// The console's alerts (DESIGN.md §3), one row each; the entity and id say where a double-click jumps.
class AlertsModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { EntityRole = Qt::UserRole + 1, EntityIdRole, KindRole };

    explicit AlertsModel(QObject* parent = nullptr);
    void setAlerts(QList<Alert> alerts);
    const QList<Alert>& alerts() const { return m_alerts; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    static QString kindTitle(Alert::Kind kind);

private:
    QList<Alert> m_alerts;
};

} // namespace stable
