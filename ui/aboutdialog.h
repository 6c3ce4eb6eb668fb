#pragma once

#include <QDialog>
#include <QIcon>
#include <QString>

namespace stable {

class Document;

// The app's identity, set once in the top-level CMakeLists.txt (STABLE_APP_ID, STABLE_LICENSE).
QString applicationId();   // reverse-DNS: the desktop file's, AppStream's and the icon's name
QString licenceText();     // for people: "All rights reserved" or the SPDX expression
QIcon applicationIcon();   // drawn once as SVG, compiled in as :/icons/<id>.svg

// Names the app to Qt and the desktop before any window or setting exists: name, organisation and
// domain (QSettings, data folders), the desktop file (the Wayland app id), the windows' icon.
void applyApplicationIdentity();

// The SQLite library that Qt's driver runs, asked through the open library (or a scratch in-memory
// database when none is open): the one that reads and writes the files, not the one compiled against.
QString sqliteVersionInUse(Document* document);

// Help › About Stable: version, licence, the Qt and SQLite versions in use, the open library's file.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(Document* document, QWidget* parent = nullptr);
};

} // namespace stable
