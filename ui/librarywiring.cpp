#include "librarywiring.h"

#include "currentstream.h"
#include "document.h"
#include "libraryview.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "streampropertiesdialog.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QTreeView>
#include <QUndoView>

namespace stable {

namespace {

void addUndoHistory(MainWindow& window)
{
    auto* dock = new QDockWidget(LibraryView::tr("Undo History"), &window);
    dock->setObjectName(QStringLiteral("undoHistoryPanel"));
    auto* history = new QUndoView(dock);
    history->setEmptyLabel(LibraryView::tr("As opened"));
    history->setAccessibleName(LibraryView::tr("Undo history"));
    dock->setWidget(history);
    window.addPanel(dock, Qt::RightDockWidgetArea);
    dock->hide(); // on demand, from the View menu
    const auto follow = [history](Document* document) { history->setStack(document ? &document->undoStack() : nullptr); };
    QObject::connect(&window, &MainWindow::documentChanged, history, follow);
    follow(window.document());
}

// Process → Stream Properties… and the navigator's context menu: the current stream's name, purpose
// and owner.
void installStreamProperties(MainWindow& window, LibraryView* view)
{
    CurrentStream* current = window.currentStream();
    QAction* properties = window.processMenu()->addAction(LibraryView::tr("Str&eam Properties…"));
    properties->setObjectName(QStringLiteral("streamPropertiesAction"));
    properties->setToolTip(LibraryView::tr("Edit the name, purpose and owner of the current value stream"));
    QObject::connect(properties, &QAction::triggered, &window, [&window, current] {
        if (!window.document() || current->id().isEmpty())
            return;
        StreamPropertiesDialog dialog(*window.document(), current->id(), &window);
        if (dialog.exec() == QDialog::Accepted)
            window.showStatus(
                LibraryView::tr("Saved the properties of ‘%1’.").arg(dialog.nameEdit()->text().trimmed()));
    });
    const auto update = [&window, current, properties] {
        properties->setEnabled(window.document() && !current->id().isEmpty());
    };
    QObject::connect(current, &CurrentStream::currentStreamChanged, properties, update);
    QObject::connect(&window, &MainWindow::documentChanged, properties, update);
    update();

    // First in the navigator's context menu (keyboardwiring adds the other Process commands).
    view->navigator()->addAction(properties);
}

} // namespace

void installLibraryView(MainWindow& window)
{
    auto* view = new LibraryView(&window);
    window.addView(View::Library, LibraryView::tr("&Library"), view, view);
    addUndoHistory(window);
    QObject::connect(view, &LibraryView::editRefused, &window, [&window](const QString& message) { window.showStatus(message); });

    QMenu* menu = window.processMenu();
    const auto inLibrary = [&window, view](void (LibraryView::*command)()) {
        return [&window, view, command] {
            window.showView(View::Library);
            (view->*command)();
        };
    };
    QAction* addStep = menu->addAction(LibraryView::tr("Add &Step"), view, inLibrary(&LibraryView::addStep));
    addStep->setObjectName(QStringLiteral("addStepAction"));
    addStep->setToolTip(LibraryView::tr("Add a step after the selected one"));
    QAction* removeStep = menu->addAction(LibraryView::tr("&Remove Step"), view, inLibrary(&LibraryView::removeStep));
    removeStep->setObjectName(QStringLiteral("removeStepAction"));
    QAction* addCheck = menu->addAction(LibraryView::tr("Add &Check"), view, inLibrary(&LibraryView::addCheck));
    addCheck->setObjectName(QStringLiteral("addCheckAction"));
    QAction* removeStream = menu->addAction(LibraryView::tr("Remove &Value Stream…"), view, [&window, view] {
        window.showView(View::Library);
        const QModelIndex current = view->navigator()->currentIndex();
        QModelIndex stream = current;
        while (stream.parent().isValid())
            stream = stream.parent();
        const QString name = stream.data().toString();
        const auto answer = plainMessage(
            &window, QMessageBox::Question, LibraryView::tr("Remove Value Stream"),
            LibraryView::tr(
                "Remove the value stream ‘%1’ from the library?\n\nIts revisions, runs and incidents "
                "are kept, and Undo brings it back.")
                .arg(name),
            QMessageBox::Yes | QMessageBox::No);
        if (answer == QMessageBox::Yes)
            view->removeStream();
    });
    removeStream->setObjectName(QStringLiteral("removeStreamAction"));
    installStreamProperties(window, view);
    const auto update = [view, addStep, removeStep, addCheck, removeStream] {
        addStep->setEnabled(!view->currentStreamId().isEmpty());
        removeStream->setEnabled(!view->currentStreamId().isEmpty());
        removeStep->setEnabled(!view->currentStepId().isEmpty());
        addCheck->setEnabled(!view->currentStepId().isEmpty());
    };
    QObject::connect(view, &LibraryView::currentRecordChanged, view, update);
    QObject::connect(view, &LibraryView::currentRecordChanged, &window,
                     [&window] { window.takeStreamFrom(View::Library); });
    update();
}

} // namespace stable
