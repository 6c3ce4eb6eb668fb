#include "theme.h"

#include "tints.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QGraphicsView>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTextEdit>
#include <algorithm>

namespace stable {

namespace {

// Fields and lists that take the keyboard: their frame turns into the focus frame.
bool showsFocusFrame(const QWidget* widget)
{
    return qobject_cast<const QAbstractItemView*>(widget) || qobject_cast<const QTextEdit*>(widget) ||
           qobject_cast<const QPlainTextEdit*>(widget) || qobject_cast<const QGraphicsView*>(widget) ||
           qobject_cast<const QLineEdit*>(widget);
}

QColor mixed(const QColor& a, const QColor& b, qreal share)
{
    const auto mix = [share](int x, int y) { return static_cast<int>(x + (y - x) * share); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

class StableStyle final : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    int pixelMetric(PixelMetric metric, const QStyleOption* option, const QWidget* widget) const override
    {
        const int base = QProxyStyle::pixelMetric(metric, option, widget);
        // Room for a two-pixel focus frame around lists and text areas.
        if (metric == PM_DefaultFrameWidth && widget && !qobject_cast<const QLineEdit*>(widget) &&
            showsFocusFrame(widget))
            return std::max(base, 2);
        return base;
    }

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        switch (element) {
        case PE_IndicatorCheckBox:
        case PE_IndicatorItemViewItemCheck:
        case PE_IndicatorRadioButton:
            if (isDark(option->palette))
                drawIndicatorEdge(element, option, painter);
            break;
        case PE_Frame:
        case PE_FrameLineEdit:
            if ((option->state & State_HasFocus) && showsFocusFrame(widget))
                drawFocusFrame(option->rect, option->palette, painter);
            break;
        case PE_FrameFocusRect:
            // Buttons and check boxes: a solid line, not Fusion's faint one.
            if (widget && !qobject_cast<const QAbstractItemView*>(widget)) {
                painter->save();
                painter->setPen(QPen(option->palette.color(QPalette::Highlight), 1));
                painter->setBrush(Qt::NoBrush);
                painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
                painter->restore();
            }
            break;
        default:
            break;
        }
    }

private:
    static void drawFocusFrame(const QRect& rect, const QPalette& palette, QPainter* painter)
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        QPen pen(palette.color(QPalette::Highlight), 2);
        pen.setJoinStyle(Qt::MiterJoin);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(rect).adjusted(1, 1, -1, -1));
        painter->restore();
    }

    static void drawIndicatorEdge(PrimitiveElement element, const QStyleOption* option, QPainter* painter)
    {
        const QPalette& palette = option->palette;
        const QColor edge = mixed(palette.color(QPalette::Window), palette.color(QPalette::WindowText), 0.55);
        painter->save();
        painter->setPen(QPen(edge, 1));
        painter->setBrush(Qt::NoBrush);
        const QRectF box = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (element == PE_IndicatorRadioButton) {
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->drawEllipse(box);
        } else {
            painter->drawRect(box);
        }
        painter->restore();
    }
};

struct SystemLook
{
    QString styleName;
    bool saved = false;
};

SystemLook& systemLook()
{
    static SystemLook look;
    return look;
}

} // namespace

QPalette darkPalette()
{
    const QColor window(53, 53, 53);
    const QColor base(35, 35, 35);
    const QColor text(230, 230, 230);
    const QColor disabledText(128, 128, 128);
    const QColor highlight(42, 130, 218);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(45, 45, 45));
    palette.setColor(QPalette::ToolTipBase, QColor(25, 25, 25));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(255, 90, 90));
    palette.setColor(QPalette::Light, QColor(80, 80, 80));
    palette.setColor(QPalette::Midlight, QColor(66, 66, 66));
    palette.setColor(QPalette::Mid, QColor(40, 40, 40));
    palette.setColor(QPalette::Dark, QColor(30, 30, 30));
    palette.setColor(QPalette::Shadow, QColor(15, 15, 15));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(100, 170, 240));
    palette.setColor(QPalette::LinkVisited, QColor(170, 140, 230));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 80));
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    return palette;
}

void applyTheme(Theme theme)
{
    SystemLook& look = systemLook();
    if (!look.saved) {
        const QStyle* current = QApplication::style();
        const auto* proxy = qobject_cast<const QProxyStyle*>(current);
        look.styleName = (proxy && proxy->baseStyle() ? proxy->baseStyle() : current)->name();
        look.saved = true;
    }
    const QString styleName = theme == Theme::System ? look.styleName : QStringLiteral("Fusion");
    QStyle* base = QStyleFactory::create(styleName);
    if (!base)
        base = QStyleFactory::create(QStringLiteral("Fusion"));
    QApplication::setStyle(new StableStyle(base));
    switch (theme) {
    case Theme::System:
        // A palette with no roles set resolves to the platform's, and keeps following it (a desktop
        // switched to dark while the app runs).
        QApplication::setPalette(QPalette());
        break;
    case Theme::Light:
        QApplication::setPalette(base->standardPalette());
        break;
    case Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace stable
