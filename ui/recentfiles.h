#pragma once

// File › Open Recent: each library once, however its path was spelled (a "./", a symlinked folder),
// and each entry names its folder, so two libraries called "team.stable" can be told apart.

#include <QString>
#include <QStringList>

namespace stable {

// The path a recent entry is remembered by: absolute and clean, symlinks resolved when the file exists.
QString recentKey(const QString& path);

// `recent` (newest first) with `opened` in front, each library once, at most `limit`.
QStringList rememberedRecent(QStringList recent, const QString& opened, int limit);

// The menu text of entry `index` (0-based) of `recent`: "&1 team.stable — ~/ops/libraries", the
// file name's own ampersands kept as text, a file no longer there marked so.
QString recentLabel(const QStringList& recent, int index);

} // namespace stable
