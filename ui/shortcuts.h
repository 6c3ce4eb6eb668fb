#pragma once

#include <QKeySequence>
#include <QString>

class QAction;

namespace stable {

// Gives a command its shortcut and says it in the tooltip too ("Publish a revision (Ctrl+Shift+P)"),
// so that toolbar buttons and menus with tooltips teach the key.
void giveShortcut(QAction* action, const QKeySequence& shortcut, const QString& toolTip = QString());

// "Text (Ctrl+X)" in the platform's words for the keys; the text alone without a shortcut.
QString withShortcut(const QString& text, const QKeySequence& shortcut);

} // namespace stable
