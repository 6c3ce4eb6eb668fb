#include "console/alertsmodel.h"

#include "plaintext.h"

#include <QApplication>
#include <QStyle>

namespace stable {

AlertsModel::AlertsModel(QObject* parent) : QAbstractListModel(parent) {}

void AlertsModel::setAlerts(QList<Alert> alerts)
{
    beginResetModel();
    m_alerts = std::move(alerts);
    endResetModel();
}

int AlertsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_alerts.size());
}

QString AlertsModel::kindTitle(Alert::Kind kind)
{
    switch (kind) {
    case Alert::Kind::LowFirstPassYield:
        return tr("Low first-pass yield");
    case Alert::Kind::RepeatDefect:
        return tr("Repeat defect");
    case Alert::Kind::PastRollbackPoint:
        return tr("Past the rollback point");
    case Alert::Kind::FailedCriticalCheck:
        return tr("Failed critical check");
    case Alert::Kind::UnanalysedIncident:
        return tr("Incident not analysed");
    }
    return QString();
}

QVariant AlertsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert& alert = m_alerts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return alert.message; // it names what it is about
    case Qt::ToolTipRole:
        return plainToolTip(
            tr("%1: %2\nDouble-click to go there.").arg(kindTitle(alert.kind), alert.message));
    case Qt::AccessibleDescriptionRole:
        return kindTitle(alert.kind);
    case Qt::DecorationRole: {
        const bool severe = alert.kind == Alert::Kind::FailedCriticalCheck ||
                            alert.kind == Alert::Kind::PastRollbackPoint || alert.kind == Alert::Kind::RepeatDefect;
        return QApplication::style()->standardIcon(severe ? QStyle::SP_MessageBoxCritical
                                                          : QStyle::SP_MessageBoxWarning);
    }
    case EntityRole:
        return alert.entity;
    case EntityIdRole:
        return alert.entityId;
    case KindRole:
        return toText(alert.kind);
    default:
        return {};
    }
}

} // namespace stable
