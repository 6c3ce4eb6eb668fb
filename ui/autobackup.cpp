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
#include <QThread>
#include <QTimer>

#include <memory>
#include <optional>

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

// A backup of a large library takes a while (VACUUM INTO copies every page, then the copy is verified), so
// it runs on a thread of its own with its own read-only connection; the window only hears the outcome.
// Q_OBJECT: backUpNowIfDue finds it with findChild, whose qobject_cast needs the class's own meta-object
// (Qt 6.8 refuses the call at compile time without it; 6.4 took any child of that name for one).
class BackupRunner final : public QObject
{
    Q_OBJECT
public:
    explicit BackupRunner(MainWindow& window) : QObject(&window), m_window(window)
    {
        setObjectName(QStringLiteral("autoBackupRunner"));
    }

    void backUpIfDue()
    {
        Document* document = m_window.document();
        if (!document || m_running)
            return;
        m_running = true;
        auto outcome = std::make_shared<std::optional<Result<AutoBackupOutcome>>>();
        QThread* thread = QThread::create([path = document->path(), policy = policyFromSettings(), outcome] {
            OpenOptions readOnly;
            readOnly.readOnly = true;
            auto library = Library::open(path, readOnly);
            if (!library.ok())
                *outcome = Result<AutoBackupOutcome>(library.error());
            else
                *outcome = runAutoBackup(*library.value(), policy);
        });
        connect(thread, &QThread::finished, this, [this, thread, outcome] {
            thread->deleteLater();
            m_running = false;
            if (!outcome->has_value())
                return;
            const Result<AutoBackupOutcome>& done = **outcome;
            if (!done.ok())
                m_window.showStatus(QObject::tr("Automatic backup failed: %1").arg(done.message()), 30000);
            else if (done->made)
                m_window.showStatus(QObject::tr("Backed up and verified: %1").arg(QDir::toNativeSeparators(done->path)));
        });
        thread->start(QThread::LowPriority);
    }

private:
    MainWindow& m_window;
    bool m_running = false;
};

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
    auto* runner = new BackupRunner(window);
    QObject::connect(timer, &QTimer::timeout, runner, &BackupRunner::backUpIfDue);
    QObject::connect(&window, &MainWindow::documentChanged, &window, [&window, timer, runner](Document* document) {
        timer->stop();
        if (!document)
            return;
        checkWitnessOnOpen(window, *document);
        QTimer::singleShot(firstCheckMs, timer, [runner, timer] {
            runner->backUpIfDue();
            timer->start();
        });
    });
}

void backUpNowIfDue(MainWindow& window)
{
    if (auto* runner = window.findChild<BackupRunner*>(QStringLiteral("autoBackupRunner"), Qt::FindDirectChildrenOnly))
        runner->backUpIfDue();
}

} // namespace stable

#include "autobackup.moc"
