#pragma once

#include <QDialog>

class QTreeWidget;

namespace stable {

class MainWindow;

// Help → Keyboard Shortcuts: every command of the window that has a shortcut, read from the actions
// themselves (so that the list is never out of date), by menu.
class KeyboardShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit KeyboardShortcutsDialog(QWidget* window, QWidget* parent = nullptr);
    QTreeWidget* table() const { return m_table; }

private:
    QTreeWidget* m_table = nullptr;
};

// Adds Help → Keyboard Shortcuts to the window.
void installKeyboardShortcutsHelp(MainWindow& window);

// "Publish Revision…" for "&Publish Revision…": the words a person reads in the menu.
QString actionWords(const QString& text);

} // namespace stable
