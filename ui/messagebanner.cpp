#include "messagebanner.h"

#include "plaintext.h"
#include "tints.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace stable {

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent), m_text(new QLabel(this)), m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette warning = palette();
    warning.setColor(QPalette::Window, tint(palette(), QColor(230, 160, 30), isDark(palette()) ? 0.35 : 0.25));
    warning.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    setPalette(warning);

    auto* icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    plainLabel(m_text);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setAccessibleName(tr("Dismiss the message"));
    m_dismiss->setAutoRaise(true);
    connect(m_dismiss, &QToolButton::clicked, this, &QWidget::hide);
    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("bannerAction"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, [this] {
        hide();
        if (const std::function<void()> action = m_do)
            action();
    });

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_dismiss);
    hide();
}

void MessageBanner::showMessage(const QString& text)
{
    showMessage(text, QString(), {});
}

void MessageBanner::showMessage(const QString& text, const QString& actionText, std::function<void()> action)
{
    m_do = std::move(action);
    m_action->setText(actionText);
    m_action->setVisible(m_do != nullptr);
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace stable
