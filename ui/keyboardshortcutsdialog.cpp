#include "keyboardshortcutsdialog.h"

#include "mainwindow.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stable {

namespace {

// Where a person finds the command: "Process", "File ▸ Export PDF", or the view's toolbar.
QString placeOf(QAction* action)
{
    for (QObject* object : action->associatedObjects()) {
        auto* menu = qobject_cast<QMenu*>(object);
        if (!menu)
            continue;
        QStringList path{actionWords(menu->title())};
        for (QObject* parent = menu->parent(); parent; parent = parent->parent())
            if (auto* outer = qobject_cast<QMenu*>(parent))
                path.prepend(actionWords(outer->title()));
        return path.join(QStringLiteral(" ▸ "));
    }
    for (QObject* object : action->associatedObjects())
        if (auto* widget = qobject_cast<QWidget*>(object); widget && !qobject_cast<QMenuBar*>(widget))
            return KeyboardShortcutsDialog::tr("In the view");
    return QString();
}

} // namespace

QString actionWords(const QString& text)
{
    QString words;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size()) {
            ++i; // "&&" is one "&"; "&X" is X
        }
        words.append(text.at(i));
    }
    return words;
}

KeyboardShortcutsDialog::KeyboardShortcutsDialog(QWidget* window, QWidget* parent)
    : QDialog(parent ? parent : window)
    , m_table(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("keyboardShortcutsDialog"));
    m_table->setObjectName(QStringLiteral("shortcutTable"));
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setColumnCount(3);
    m_table->setHeaderLabels({tr("Command"), tr("Shortcut"), tr("Menu")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);

    QSet<QAction*> seen;
    QList<QTreeWidgetItem*> rows;
    const QList<QAction*> actions = window->findChildren<QAction*>();
    for (QAction* action : actions) {
        if (seen.contains(action) || action->shortcuts().isEmpty() || action->isSeparator())
            continue;
        seen.insert(action);
        QStringList keys;
        for (const QKeySequence& shortcut : action->shortcuts())
            keys.append(shortcut.toString(QKeySequence::NativeText));
        auto* row = new QTreeWidgetItem(
            {actionWords(action->text()), keys.join(QStringLiteral(", ")), placeOf(action)});
        row->setToolTip(0, action->toolTip());
        rows.append(row);
    }
    m_table->addTopLevelItems(rows);
    m_table->sortItems(2, Qt::AscendingOrder);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(false);

    auto* note =
        new QLabel(tr("Alt and the underlined letter opens a menu or reaches a field; in a list, the "
                      "context menu key shows the commands for the selected row."),
                   this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(620, 520);
}

void installKeyboardShortcutsHelp(MainWindow& window)
{
    QMenu* help = window.helpMenu();
    auto* action = new QAction(KeyboardShortcutsDialog::tr("&Keyboard Shortcuts"), help);
    action->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    action->setToolTip(KeyboardShortcutsDialog::tr("Every command that has a shortcut"));
    const QList<QAction*> existing = help->actions();
    help->insertAction(existing.isEmpty() ? nullptr : existing.constLast(), action);
    QObject::connect(action, &QAction::triggered, &window, [&window] {
        KeyboardShortcutsDialog dialog(&window);
        dialog.exec();
    });
}

} // namespace stable
