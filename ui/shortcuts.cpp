#include "shortcuts.h"

#include <QAction>

namespace stable {

QString withShortcut(const QString& text, const QKeySequence& shortcut)
{
    if (shortcut.isEmpty())
        return text;
    return QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
}

void giveShortcut(QAction* action, const QKeySequence& shortcut, const QString& toolTip)
{
    action->setShortcut(shortcut);
    // Without a tooltip of its own, QAction's tooltip is its text without the & and the ….
    const QString text = toolTip.isEmpty() ? action->toolTip() : toolTip;
    action->setToolTip(withShortcut(text, shortcut));
}

} // namespace stable
