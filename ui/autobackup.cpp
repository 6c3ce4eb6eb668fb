#include "autobackup.h"

#include "edits/document.h"
#include "library.h"
#include "mainwindow.h"
#include "rotatingbackups.h"
#include "witness.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTimer>

namespace stable {

namespace {

// Looks at the open library every so often; runAutoBackup itself knows whether one is due.
constexpr int checkEveryMs = 30 * 60 * 1000;
// Not in the first minutes after opening: opening stays quick, and a short look makes no backup.
constexpr int firstCheckMs = 2 * 60 * 1000;

AutoBackupPolicy policyFromSettings()
{
    const QSettings settings;
    AutoBackupPolicy policy;
    policy.intervalHours = std::max(1, settings.value(QStringLiteral("backup/intervalHours"), 24).toInt());
    policy.keep = std::max(1, settings.value(QStringLiteral("backup/keep"), 7).toInt());
    policy.folder = settings.value(QStringLiteral("backup/folder")).toString();
    return policy;
}

void backUpIfDue(MainWindow& window)
{
    Document* document = window.document();
    if (!document)
        return;
    auto outcome = runAutoBackup(document->library(), policyFromSettings());
    if (!outcome.ok())
        window.showStatus(QObject::tr("Automatic backup failed: %1").arg(outcome.message()), 30000);
    else if (outcome->made)
        window.showStatus(QObject::tr("Backed up and verified: %1").arg(QDir::toNativeSeparators(outcome->path)));
}

void checkWitnessOnOpen(MainWindow& window, Document& document)
{
    Library& library = document.library();
    auto report = checkWitness(library);
    if (!report.ok()) {
        window.showStatus(report.message(), 30000);
        return;
    }
    if (report->ok) {
        (void)recordWitness(library);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, QObject::tr("This library fell behind"),
                                report->problem, QMessageBox::NoButton, &window);
    box->setInformativeText(QObject::tr("If you restored this file from a backup on purpose, accept it as it is "
                                        "now. Otherwise keep the warning and find the newer file."));
    box->addButton(QObject::tr("Keep the Warning"), QMessageBox::RejectRole);
    QPushButton* accept = box->addButton(QObject::tr("Accept This File"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, &window, [&window, box, accept](int) {
        if (box->clickedButton() != accept || !window.document())
            return;
        const Status accepted = acceptWitness(window.document()->library());
        if (!accepted.ok())
            window.showStatus(accepted.message(), 30000);
    });
    box->open(); // window-modal, never blocks the event loop
}

} // namespace

void installAutoBackup(MainWindow& window)
{
    auto* timer = new QTimer(&window);
    timer->setInterval(checkEveryMs);
    QObject::connect(timer, &QTimer::timeout, &window, [&window] { backUpIfDue(window); });
    QObject::connect(&window, &MainWindow::documentChanged, &window, [&window, timer](Document* document) {
        timer->stop();
        if (!document)
            return;
        checkWitnessOnOpen(window, *document);
        QTimer::singleShot(firstCheckMs, timer, [&window, timer] {
            backUpIfDue(window);
            timer->start();
        });
    });
}

} // namespace stable
