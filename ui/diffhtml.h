#pragma once

#include "revisiondiff.h"

#include <QPalette>
#include <QString>

namespace stable {

// The comparison of two versions of a value stream as a side-by-side HTML table: the older version on
// the left, the newer on the right; added in green, removed in red and struck through, changed text
// with the words that changed highlighted. Colours are tints of the palette, so dark mode reads too.
QString streamDiffHtml(const StreamDiff& diff, const QString& beforeTitle, const QString& afterTitle,
                       const QPalette& palette);

// A short phrase for the publish dialog: "2 steps changed, 1 check added" ("no differences").
QString streamDiffSummary(const StreamDiff& diff);

} // namespace stable
