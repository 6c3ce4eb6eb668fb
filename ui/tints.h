#pragma once

#include <QColor>
#include <QPalette>

namespace stable {

// Colours that stay readable on light and dark palettes: a hue mixed into the palette's base colour.
QColor tint(const QPalette& palette, const QColor& hue, qreal strength);
bool isDark(const QPalette& palette);

} // namespace stable
