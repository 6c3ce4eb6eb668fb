#pragma once

// Mnemonics as a person meets them: Alt and a letter reaches one thing in a window. Collects the
// underlined letters of what is on screen in one scope (a window's menu bar titles, visible buttons,
// labels with buddies, group boxes and tabs; or one menu's entries) and reports letters used twice.
#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QMainWindow>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QStringList>
#include <QTabBar>

namespace stable::test {

inline QChar mnemonicOf(const QString& text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return QChar();
}

class MnemonicScope
{
public:
    explicit MnemonicScope(QString name)
        : m_name(std::move(name))
    {
    }
    void add(const QString& text)
    {
        const QChar letter = mnemonicOf(text);
        if (!letter.isNull())
            m_texts[letter].append(text);
    }
    // A letter that leads nowhere: a label without a buddy shows its "&", a buddy that takes no focus
    // is not reached.
    void dead(const QString& text, const QString& why)
    {
        m_dead.append(QStringLiteral("%1: %2 %3").arg(m_name, text, why));
    }
    QStringList clashes() const
    {
        QStringList found = m_dead;
        for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
            if (it.value().size() > 1)
                found.append(QStringLiteral("%1: Alt+%2 is %3")
                                 .arg(m_name, it.key().toUpper(), it.value().join(QStringLiteral(" and "))));
        return found;
    }

private:
    QString m_name;
    QMap<QChar, QStringList> m_texts;
    QStringList m_dead;
};

// What Alt+letter reaches in `window` as it is shown now.
inline QStringList windowClashes(QWidget& window, const QString& name)
{
    MnemonicScope scope(name);
    if (auto* main = qobject_cast<QMainWindow*>(&window); main && main->menuWidget())
        for (QAction* action : main->menuBar()->actions())
            if (action->isVisible())
                scope.add(action->text());
    const QList<QWidget*> widgets = window.findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        if (widget->window() != &window || !widget->isVisible())
            continue;
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            scope.add(button->text());
        else if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy()) {
            scope.add(label->text());
            QWidget* buddy = label->buddy();
            while (buddy->focusProxy())
                buddy = buddy->focusProxy();
            if (!mnemonicOf(label->text()).isNull() && buddy->focusPolicy() == Qt::NoFocus)
                scope.dead(label->text(), QStringLiteral("leads to a field that takes no focus"));
        } else if (auto* plain = qobject_cast<QLabel*>(widget);
                   plain && plain->textFormat() != Qt::RichText && !mnemonicOf(plain->text()).isNull())
            scope.dead(plain->text(), QStringLiteral("shows its & (the label has no buddy)"));
        else if (auto* box = qobject_cast<QGroupBox*>(widget))
            scope.add(box->title());
        else if (auto* tabs = qobject_cast<QTabBar*>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                scope.add(tabs->tabText(i));
    }
    return scope.clashes();
}

// Each menu's entries, and its submenus', among themselves.
inline QStringList menuClashes(QMenu& menu, const QString& path)
{
    MnemonicScope scope(path);
    QStringList found;
    for (QAction* action : menu.actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        scope.add(action->text());
        if (QMenu* sub = action->menu())
            found += menuClashes(*sub, path + QStringLiteral(" ▸ ") + action->text());
    }
    return scope.clashes() + found;
}

inline QStringList menuBarClashes(QMainWindow& window)
{
    QStringList found;
    for (QAction* action : window.menuBar()->actions())
        if (QMenu* menu = action->menu())
            found += menuClashes(*menu, action->text());
    return found;
}

} // namespace stable::test
