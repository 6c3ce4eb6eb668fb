#include "csvexportaction.h"

#include "csvexport.h"
#include "document.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "wording.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace stable {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CsvExport", text);
}

// The File menu is the menu bar's first; its Export submenu is shared with whoever adds an export.
QMenu* exportMenu(MainWindow& window)
{
    const QList<QAction*> bar = window.menuBar()->actions();
    QMenu* file = bar.isEmpty() ? nullptr : bar.constFirst()->menu();
    if (!file)
        return window.menuBar()->addMenu(tr("&Export"));
    const QString objectName = QStringLiteral("exportMenu");
    if (auto* existing = file->findChild<QMenu*>(objectName))
        return existing;
    auto* menu = new QMenu(tr("&Export"), file);
    menu->setObjectName(objectName);
    // After New, Open and Open Recent: before the first separator.
    QAction* before = nullptr;
    for (QAction* action : file->actions()) {
        if (action->isSeparator()) {
            before = action;
            break;
        }
    }
    file->insertMenu(before, menu);
    return menu;
}

void exportWithDialog(MainWindow& window)
{
    Document* document = window.document();
    if (!document)
        return;
    const QFileInfo library(document->path());
    const QString folder = QFileDialog::getExistingDirectory(
        &window, tr("Export CSV Files Into"), library.absolutePath(), QFileDialog::ShowDirsOnly);
    if (folder.isEmpty())
        return;
    // A folder dialog asks nothing about the files in it: files of an earlier export are replaced only
    // when the user says so here.
    OutputRules rules;
    int existing = 0;
    for (const QString& name : csvFileNames())
        existing += QFileInfo(QDir(folder).filePath(name)).exists() ? 1 : 0;
    if (existing > 0) {
        if (QMessageBox::question(
                &window, tr("Replace the CSV files?"),
                existing == 1 ? tr("%1 already holds one of the CSV files of an earlier export. Replace it?")
                                    .arg(QDir::toNativeSeparators(folder))
                              : tr("%1 already holds %2 of the CSV files of an earlier export. Replace them?")
                                    .arg(QDir::toNativeSeparators(folder))
                                    .arg(existing),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            return;
        rules.replace = true;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto exported = exportCsv(document->library(), folder, rules);
    QApplication::restoreOverrideCursor();
    if (!exported.ok()) {
        plainMessage(&window, QMessageBox::Warning, tr("The CSV export failed"), exported.message());
        return;
    }
    qint64 rows = 0;
    for (const CsvFileWritten& file : exported->files)
        rows += file.rows;
    window.showStatus(
        tr("Exported %1 (%2) into %3")
            .arg(counted(static_cast<int>(exported->files.size()), tr("%1 CSV file"), tr("%1 CSV files")),
                 rows == 1 ? tr("1 row") : tr("%1 rows").arg(rows), QDir::toNativeSeparators(folder)));
}

} // namespace

void installCsvExport(MainWindow& window)
{
    QAction* action =
        exportMenu(window)->addAction(tr("&CSV…"), &window, [&window] { exportWithDialog(window); });
    action->setObjectName(QStringLiteral("exportCsvAction"));
    action->setToolTip(tr("Runs, items, attestations, incidents, rework and the hidden factory as CSV files "
                          "for a spreadsheet"));
    action->setEnabled(window.document() != nullptr);
    QObject::connect(&window, &MainWindow::documentChanged, action,
                     [action](Document* document) { action->setEnabled(document != nullptr); });
}

} // namespace stable
