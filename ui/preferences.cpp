#include "preferences.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace stable {

namespace {

const QString themeKey = QStringLiteral("preferences/theme");
const QString folderKey = QStringLiteral("preferences/libraryFolder");
const QString startViewKey = QStringLiteral("preferences/startView");

Theme parseTheme(const QString& name)
{
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark})
        if (themeName(theme) == name)
            return theme;
    return Theme::System;
}

} // namespace

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return QString();
}

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences preferences;
    preferences.theme = parseTheme(settings.value(themeKey).toString());
    preferences.libraryFolder = settings.value(folderKey).toString();
    preferences.startView = parseView(settings.value(startViewKey).toString()).value_or(View::Library);
    return preferences;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(themeKey, themeName(theme));
    settings.setValue(folderKey, libraryFolder);
    settings.setValue(startViewKey, viewName(startView));
}

QString defaultLibraryFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir())
        return documents;
    return QDir::homePath();
}

QString newLibraryFolder()
{
    const QString chosen = Preferences::load().libraryFolder;
    if (!chosen.isEmpty() && QFileInfo(chosen).isDir())
        return chosen;
    return defaultLibraryFolder();
}

} // namespace stable
