#pragma once

#include "views.h"

#include <QString>

namespace stable {

// The person's own settings, kept in QSettings (not in a library): how the app looks, where new
// libraries go, the view a window starts in.
enum class Theme { System, Light, Dark };

struct Preferences
{
    Theme theme = Theme::System;
    QString libraryFolder; // empty: Documents, else the home folder
    View startView = View::Library;

    static Preferences load();
    void save() const;
};

QString themeName(Theme theme);

// Where New Library… and New Library from Template… open: the chosen folder if it still exists, else
// Documents, else the home folder.
QString newLibraryFolder();
QString defaultLibraryFolder();

} // namespace stable
