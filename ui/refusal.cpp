#include "refusal.h"

#include "tints.h"

#include <QLabel>

namespace stable {

void styleAsRefusal(QLabel* label)
{
    const QPalette base = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    QPalette refusal = label->palette();
    refusal.setColor(QPalette::Window, tint(base, QColor(220, 50, 50), isDark(base) ? 0.35 : 0.2));
    refusal.setColor(QPalette::WindowText, base.color(QPalette::Text));
    label->setPalette(refusal);
    label->setAutoFillBackground(true);
    label->setTextFormat(Qt::PlainText); // a refusal may quote what was typed
    label->setWordWrap(true);
    label->setMargin(6);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
}

QLabel* makeRefusalLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("message"));
    styleAsRefusal(label);
    return label;
}

void showRefusal(QLabel* label, const QString& message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

} // namespace stable
