#include "librarywiring.h"

#include "document.h"
#include "libraryview.h"
#include "mainwindow.h"
#include "plaintext.h"

#include <QAction>
#include <QDockWidget>
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
    addStep->setToolTip(LibraryView::tr("Add a step after the selected one"));
    QAction* removeStep = menu->addAction(LibraryView::tr("&Remove Step"), view, inLibrary(&LibraryView::removeStep));
    QAction* addCheck = menu->addAction(LibraryView::tr("Add &Check"), view, inLibrary(&LibraryView::addCheck));
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
