#include "runs/runwording.h"

#include "clock.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace stable {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("stable::RunWording", text);
}

} // namespace

QString runKindText(RunKind kind)
{
    switch (kind) {
    case RunKind::Release:
        return tr("Release");
    case RunKind::Plan:
        return tr("Execution plan");
    case RunKind::Routine:
        return tr("Routine");
    }
    return {};
}

QString runStatusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Open:
        return tr("Open");
    case RunStatus::Completed:
        return tr("Completed");
    case RunStatus::RolledBack:
        return tr("Rolled back");
    }
    return {};
}

QString itemStateText(ItemState state)
{
    switch (state) {
    case ItemState::Open:
        return tr("Open");
    case ItemState::Passed:
        return tr("Passed");
    case ItemState::Failed:
        return tr("Failed");
    case ItemState::NotApplicable:
        return tr("N/A");
    }
    return {};
}

QString outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return tr("Pass");
    case Outcome::Fail:
        return tr("Fail");
    case Outcome::NotApplicable:
        return tr("Not applicable");
    }
    return {};
}

QString meaningText(Meaning meaning)
{
    return meaning == Meaning::Performed ? tr("Performed") : tr("Verified");
}

QString stageText(Stage stage)
{
    switch (stage) {
    case Stage::Entry:
        return tr("Entry");
    case Stage::InProcess:
        return tr("In-process");
    case Stage::Exit:
        return tr("Exit");
    }
    return {};
}

QString localTimeText(const QString& isoUtcTime)
{
    const auto moment = parseIsoMoment(isoUtcTime);
    if (!moment)
        return isoUtcTime;
    return moment->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString runTimeText(const QString& isoUtcTime)
{
    const auto moment = parseIsoMoment(isoUtcTime);
    if (!moment)
        return isoUtcTime;
    return tr("%1 UTC (%2 local)")
        .arg(moment->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             moment->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

QString spanText(qint64 seconds)
{
    seconds = std::abs(seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 rest = seconds % 60;
    const QString clock = tr("%1 h %2 min %3 s")
                              .arg(hours)
                              .arg(minutes, 2, 10, QLatin1Char('0'))
                              .arg(rest, 2, 10, QLatin1Char('0'));
    return days > 0 ? tr("%1 d %2").arg(days).arg(clock) : clock;
}

QIcon itemStateIcon(ItemState state, const QPalette& palette)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor ink = state == ItemState::Open ? palette.color(QPalette::PlaceholderText)
                       : state == ItemState::Failed ? palette.color(QPalette::Text)
                                                    : palette.color(QPalette::Highlight);
    painter.setPen(QPen(ink, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    switch (state) {
    case ItemState::Open:
        painter.drawEllipse(QRectF(6, 6, 20, 20));
        break;
    case ItemState::Passed: {
        QPainterPath tick;
        tick.moveTo(6, 17);
        tick.lineTo(13, 24);
        tick.lineTo(26, 8);
        painter.drawPath(tick);
        break;
    }
    case ItemState::Failed:
        painter.drawLine(QPointF(8, 8), QPointF(24, 24));
        painter.drawLine(QPointF(24, 8), QPointF(8, 24));
        break;
    case ItemState::NotApplicable:
        painter.drawLine(QPointF(7, 16), QPointF(25, 16));
        break;
    }
    painter.end();
    return QIcon(pixmap);
}

} // namespace stable
