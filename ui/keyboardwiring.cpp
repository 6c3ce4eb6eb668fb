#include "keyboardwiring.h"

#include "keyboardshortcutsdialog.h"
#include "mainwindow.h"
#include "shortcuts.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QMenu>

namespace stable {

namespace {

struct CommandKey
{
    const char* action; // the QAction's object name
    QKeyCombination key;
};

// Ctrl+Shift and a letter of the command's name; Ctrl+Return signs as before; Delete removes.
const CommandKey commandKeys[] = {
    {"newStreamAction", Qt::CTRL | Qt::SHIFT | Qt::Key_N},
    {"addStepAction", Qt::CTRL | Qt::SHIFT | Qt::Key_A},
    {"addCheckAction", Qt::CTRL | Qt::SHIFT | Qt::Key_K},
    {"removeStepAction", Qt::CTRL | Qt::Key_Delete},
    {"removeStreamAction", Qt::CTRL | Qt::SHIFT | Qt::Key_Delete},
    {"publishRevisionAction", Qt::CTRL | Qt::SHIFT | Qt::Key_P},
    {"revisionHistoryAction", Qt::CTRL | Qt::SHIFT | Qt::Key_H},
    {"startRunMenuAction", Qt::CTRL | Qt::SHIFT | Qt::Key_R},
    {"signItemMenuAction", Qt::CTRL | Qt::Key_Return},
    {"voidSignatureMenuAction", Qt::CTRL | Qt::SHIFT | Qt::Key_V},
    {"closeRunMenuAction", Qt::CTRL | Qt::SHIFT | Qt::Key_C},
    {"newIncidentAction", Qt::CTRL | Qt::SHIFT | Qt::Key_I},
    {"importBpmnAction", Qt::CTRL | Qt::SHIFT | Qt::Key_B},
    {"streamPropertiesAction", Qt::ALT | Qt::Key_Return},
};

void giveCommandsTheirKeys(MainWindow& window)
{
    for (const CommandKey& command : commandKeys)
        if (auto* action = window.findChild<QAction*>(QLatin1String(command.action)))
            giveShortcut(action, QKeySequence(command.key));
    window.processMenu()->setToolTipsVisible(true);
}

QAction* actionNamed(MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QLatin1String(name));
}

// The navigator's rows (streams and steps) offer the Process commands that act on the selection; the
// click selects its row first, so that they act on the row clicked.
void addNavigatorMenu(MainWindow& window)
{
    auto* navigator = window.findChild<QAbstractItemView*>(QStringLiteral("libraryNavigator"));
    if (!navigator)
        return;
    navigator->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        navigator, &QWidget::customContextMenuRequested, navigator, [navigator](const QPoint& at) {
            const QModelIndex index = navigator->indexAt(at);
            if (!index.isValid())
                return;
            navigator->setCurrentIndex(index);
            QMenu::exec(navigator->actions(), navigator->viewport()->mapToGlobal(at), nullptr, navigator);
        });
    for (const char* name : {"addStepAction", "addCheckAction", "removeStepAction"})
        if (QAction* action = actionNamed(window, name))
            navigator->addAction(action);
    auto* separator = new QAction(navigator);
    separator->setSeparator(true);
    navigator->addAction(separator);
    for (const char* name : {"publishRevisionAction", "revisionHistoryAction", "removeStreamAction"})
        if (QAction* action = actionNamed(window, name))
            navigator->addAction(action);
}

// An incident row offers what the editor beside it does with the incident; each entry presses the
// editor's button, so that it is enabled exactly when the button is.
void addIncidentMenu(MainWindow& window)
{
    auto* list = window.findChild<QAbstractItemView*>(QStringLiteral("incidentList"));
    if (!list)
        return;
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(list, &QWidget::customContextMenuRequested, list,
                     [&window, list](const QPoint& position) {
                         const QModelIndex index = list->indexAt(position);
                         if (index.isValid())
                             list->setCurrentIndex(index);
                         QMenu menu(list);
                         menu.setObjectName(QStringLiteral("incidentMenu"));
                         if (QAction* create = actionNamed(window, "newIncidentAction"))
                             menu.addAction(create);
                         menu.addSeparator();
                         for (const char* name : {"logRework", "improveProcess"}) {
                             auto* button = window.findChild<QAbstractButton*>(QLatin1String(name));
                             if (!button || !index.isValid())
                                 continue;
                             QAction* press = menu.addAction(button->text(), button, &QAbstractButton::click);
                             press->setEnabled(button->isEnabled());
                         }
                         menu.exec(list->viewport()->mapToGlobal(position));
                     });
}

} // namespace

void installKeyboardAccess(MainWindow& window)
{
    giveCommandsTheirKeys(window);
    addNavigatorMenu(window);
    addIncidentMenu(window);
    installKeyboardShortcutsHelp(window);
}

} // namespace stable
