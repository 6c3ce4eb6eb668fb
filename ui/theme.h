#pragma once

#include "preferences.h"

class QPalette;

namespace stable {

// Applies a theme to the whole application: Light and Dark use the Fusion style with a light or dark
// palette, System keeps the platform's style and palette. In every theme focus is drawn as a clear
// frame in the highlight colour, and check boxes and radio buttons keep a visible edge on dark
// palettes (Fusion draws them darker than a dark window, so that unchecked ones vanished).
void applyTheme(Theme theme);

// The palette the Dark theme uses.
QPalette darkPalette();

} // namespace stable
