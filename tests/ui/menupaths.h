#pragma once

// Hints and guide pages name menu paths ("Process → New Value Stream…"); these read them out of a text
// and walk the menu bar, so that a test fails when a text names a command the menus do not have.
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStringList>

namespace stable::test {

inline QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

// "File → Import BPMN…" as a path through the menu bar: each part the text of a menu or action.
inline bool menuHas(QMenuBar* bar, const QStringList& path)
{
    QList<QAction*> actions = bar->actions();
    for (int depth = 0; depth < path.size(); ++depth) {
        QAction* found = nullptr;
        for (QAction* action : std::as_const(actions))
            if (plain(action->text()) == path.at(depth))
                found = action;
        if (!found)
            return false;
        if (depth + 1 < path.size()) {
            if (!found->menu())
                return false;
            actions = found->menu()->actions();
        }
    }
    return true;
}

// Every "A → B" (→ C …) menu path in `text`: parts of capitalised words ending at the punctuation after
// an ellipsis or at the end of a sentence.
inline QList<QStringList> menuPaths(const QString& text)
{
    static const QRegularExpression path(
        QStringLiteral("([A-Z][\\w ]*?)((?: → [A-Z][^→]*?(?:…|(?=[,.;:)]|$| →)))+)"));
    QList<QStringList> paths;
    for (auto match = path.globalMatch(text); match.hasNext();) {
        const auto found = match.next();
        QStringList parts{found.captured(1).trimmed()};
        for (const QString& part : found.captured(2).split(QStringLiteral(" → "), Qt::SkipEmptyParts))
            parts << part.trimmed();
        // The first part is the last word(s) before the arrow that a menu can be called.
        const QStringList words = parts.constFirst().split(QLatin1Char(' '));
        parts.first() = words.constLast();
        paths << parts;
    }
    return paths;
}

} // namespace stable::test
