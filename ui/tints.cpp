#include "tints.h"

namespace stable {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5f;
}

QColor tint(const QPalette& palette, const QColor& hue, qreal strength)
{
    const QColor base = palette.color(QPalette::Base);
    auto mix = [strength](int a, int b) { return static_cast<int>(a + (b - a) * strength); };
    return QColor(mix(base.red(), hue.red()), mix(base.green(), hue.green()), mix(base.blue(), hue.blue()));
}

} // namespace stable
