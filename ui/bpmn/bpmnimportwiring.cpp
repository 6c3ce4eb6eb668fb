#include "bpmnimportwiring.h"

#include "bpmn.h"
#include "bpmn/bpmnimportdialog.h"
#include "document.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "wording.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>

namespace stable {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("BpmnImport", text);
}

const QString lastFolderSetting = QStringLiteral("bpmnImport/lastFolder");

void importWithDialog(MainWindow& window)
{
    Document* document = window.document();
    if (!document)
        return;
    QSettings settings;
    const QString folder = settings.value(lastFolderSetting, QFileInfo(document->path()).absolutePath()).toString();
    const QString path = QFileDialog::getOpenFileName(&window, tr("Import BPMN Model"), folder,
                                                      tr("BPMN 2.0 models (*.bpmn *.bpmn2 *.xml);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(lastFolderSetting, QFileInfo(path).absolutePath());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto model = readBpmnModelFile(path);
    QApplication::restoreOverrideCursor();
    if (!model.ok()) {
        plainMessage(&window, QMessageBox::Warning, tr("The BPMN model cannot be imported"), model.message());
        return;
    }
    BpmnImportDialog dialog(*document, QFileInfo(path).fileName(), model.value(), &window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The views refresh from the library's change signal; the Library view shows what came in.
    const QStringList keys = dialog.importedKeys();
    window.showView(View::Library);
    window.showStatus(tr("Imported %1 from %2: %3")
                          .arg(counted(static_cast<int>(keys.size()), tr("%1 value stream"),
                                       tr("%1 value streams")),
                               QFileInfo(path).fileName(), keys.join(QStringLiteral(", "))));
}

// After New, Open and Open Recent (and before an Export submenu): the File menu is the menu bar's first.
void addToFileMenu(MainWindow& window, QAction* action)
{
    const QList<QAction*> bar = window.menuBar()->actions();
    QMenu* file = bar.isEmpty() ? nullptr : bar.constFirst()->menu();
    if (!file) {
        window.menuBar()->addAction(action);
        return;
    }
    QAction* before = nullptr;
    for (QAction* candidate : file->actions()) {
        const bool exportMenu = candidate->menu() &&
                                candidate->menu()->objectName() == QLatin1String("exportMenu");
        if (candidate->isSeparator() || exportMenu) {
            before = candidate;
            break;
        }
    }
    file->insertAction(before, action);
}

} // namespace

void installBpmnImport(MainWindow& window)
{
    auto* action = new QAction(tr("&Import BPMN…"), &window);
    action->setObjectName(QStringLiteral("importBpmnAction"));
    action->setToolTip(tr("Bring the processes of a BPMN 2.0 model (Visio, Signavio, Camunda, Bizagi) in as "
                          "value streams"));
    QObject::connect(action, &QAction::triggered, &window, [&window] { importWithDialog(window); });
    addToFileMenu(window, action);
    action->setEnabled(window.document() != nullptr);
    QObject::connect(&window, &MainWindow::documentChanged, action,
                     [action](Document* document) { action->setEnabled(document != nullptr); });
}

} // namespace stable
