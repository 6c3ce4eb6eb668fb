#include "mainwindow.h"

#include "aboutdialog.h"
#include "currentstream.h"
#include "document.h"
#include "integrity.h"
#include "messagebanner.h"
#include "newlibrarydialog.h"
#include "plaintext.h"
#include "preferences.h"
#include "recentfiles.h"
#include "wheelguard.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoGroup>
#include <QVBoxLayout>

namespace stable {

namespace {

constexpr int maxRecentFiles = 8;

QUndoGroup& undoGroup()
{
    static QUndoGroup group;
    return group;
}

QString libraryFilter()
{
    return MainWindow::tr("Stable libraries (*.stable);;All files (*)");
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget(this))
    , m_currentStream(new CurrentStream(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    connect(m_currentStream, &CurrentStream::currentStreamChanged, this, [this] {
        if (const std::optional<View> shown = currentView())
            showCurrentStreamIn(*shown);
    });
    if (auto* application = qobject_cast<QApplication*>(QCoreApplication::instance()))
        installWheelGuard(*application);
    m_emptyState = new QLabel(tr("<h2>No library is open</h2><p>Open the team's library with <b>File → Open…</b>, "
                                 "or make a new one with <b>File → New Library…</b>.</p>"),
                              m_stack);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setTextFormat(Qt::RichText);
    m_stack->addWidget(m_emptyState);
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_banner = new MessageBanner(central);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);
    createActions();
    if (!restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray())) {
        // A first start: room for a view beside the panels, on a small screen all of it.
        const QRect available = screen()->availableGeometry();
        QRect frame(QPoint(), QSize(1280, 800).boundedTo(available.size()));
        frame.moveCenter(available.center());
        resize(frame.size());
        move(frame.topLeft());
    }
    updateTitle();
}

void MainWindow::showEvent(QShowEvent* event)
{
    // The panels are added after the window is made (startup's installViews), so their saved places and
    // visibility are restored once they all exist.
    if (!m_stateRestored) {
        m_stateRestored = true;
        restoreState(QSettings().value(QStringLiteral("window/state")).toByteArray());
    }
    QMainWindow::showEvent(event);
}

MainWindow::~MainWindow()
{
    closeLibrary();
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New Library…"), this, &MainWindow::newLibrary);
    newAction->setShortcut(QKeySequence::New);
    QAction* fromTemplate = file->addAction(tr("New Library from &Template…"), this, &MainWindow::newLibraryFromTemplate);
    fromTemplate->setObjectName(QStringLiteral("newLibraryFromTemplateAction"));
    QAction* openAction = file->addAction(tr("&Open…"), this, &MainWindow::openWithDialog);
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    m_backUpAction = file->addAction(tr("&Back Up…"), this, &MainWindow::backUp);
    m_backUpAction->setToolTip(tr("Save a consistent, verified copy of the library while it stays open"));
    m_closeAction = file->addAction(tr("C&lose"), this, &MainWindow::closeLibrary);
    m_closeAction->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_editMenu = edit;
    m_undoAction = undoGroup().createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = undoGroup().createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    m_processMenu = menuBar()->addMenu(tr("&Process"));
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewActions = new QActionGroup(this);
    m_viewActions->setExclusive(true);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_helpMenu = help;
    help->addAction(tr("&About Stable"), this, &MainWindow::showAbout);
    updateRecentMenu();
}

void MainWindow::addPanel(QDockWidget* panel, Qt::DockWidgetArea area)
{
    addDockWidget(area, panel);
    m_viewMenu->addAction(panel->toggleViewAction());
}

void MainWindow::showStatus(const QString& message, int milliseconds)
{
    statusBar()->showMessage(message, milliseconds);
}

void MainWindow::addView(View view, const QString& title, QWidget* widget, DocumentView* documentView)
{
    m_stack->addWidget(widget);
    QAction* action = m_viewMenu->addAction(title, this, [this, view] { showView(view); });
    action->setCheckable(true);
    action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + static_cast<int>(m_views.size()))));
    m_viewActions->addAction(action);
    m_views.insert(view, ViewEntry{widget, documentView, action, false, {}});
    documentView->setDocument(nullptr);
    if (m_document && m_views.size() == 1)
        showView(view);
}

void MainWindow::attach(ViewEntry& entry)
{
    if (entry.attached || !m_document)
        return;
    entry.attached = true;
    entry.documentView->setDocument(m_document.get());
}

bool MainWindow::showView(View view)
{
    const auto entry = m_views.find(view);
    if (entry == m_views.end() || !m_document)
        return false;
    attach(*entry);
    m_stack->setCurrentWidget(entry->widget);
    entry->action->setChecked(true);
    showCurrentStreamIn(view);
    return true;
}

void MainWindow::showCurrentStreamIn(View view)
{
    const auto entry = m_views.find(view);
    if (entry == m_views.end() || !entry->attached)
        return;
    const QString current = m_currentStream->id();
    if (!current.isEmpty() && entry->streamShown != current &&
        entry->documentView->currentStreamId() != current)
        entry->documentView->selectRecord(QStringLiteral("stream"), current);
    entry->streamShown = current;
    // Nothing was current yet, or the view could not show it (removed meanwhile): the view's stream is.
    takeStreamFrom(view);
}

void MainWindow::takeStreamFrom(View view)
{
    const auto entry = m_views.find(view);
    if (entry == m_views.end() || currentView() != view)
        return;
    const QString picked = entry->documentView->currentStreamId();
    if (picked.isEmpty())
        return;
    entry->streamShown = picked;
    m_currentStream->set(picked);
}

std::optional<View> MainWindow::currentView() const
{
    for (auto it = m_views.cbegin(); it != m_views.cend(); ++it)
        if (m_stack->currentWidget() == it->widget)
            return it.key();
    return std::nullopt;
}

QWidget* MainWindow::viewWidget(View view) const
{
    return m_views.value(view).widget;
}

bool MainWindow::selectRecord(View view, const QString& entity, const QString& id)
{
    if (!showView(view))
        return false;
    DocumentView* target = m_views.value(view).documentView;
    return target && target->selectRecord(entity, id);
}

Status MainWindow::openLibrary(const QString& path, std::optional<View> startView)
{
    std::optional<View> shown = startView ? startView : currentView();
    if (!shown) // a window that had no library open starts where Preferences says
        shown = Preferences::load().startView;
    const FileIdentity identity = identifyFile(path);
    if (identity.kind == FileIdentity::Kind::Stable && identity.schemaVersion < Library::schemaVersion() &&
        !askToUpgrade(path, identity.schemaVersion))
        return refused(tr("‘%1’ was not opened and was left as it was: it is in an older format, and this "
                          "version of Stable opens it only after upgrading it.")
                           .arg(QFileInfo(path).fileName()));
    auto opened = Document::open(path);
    if (!opened.ok())
        return opened.error();
    closeLibrary();
    m_document = std::move(opened).value();
    undoGroup().addStack(&m_document->undoStack());
    undoGroup().setActiveStack(&m_document->undoStack());
    connect(m_document.get(), &Document::editFailed, this,
            [this](const QString& message) { m_banner->showMessage(message); });
    rememberRecent(m_document->path());
    emit documentChanged(m_document.get());
    if (!m_views.isEmpty() && !(shown && showView(*shown)))
        showView(m_views.firstKey());
    // Another machine holds the writer lease of a library in a network folder: it is open to read only.
    if (const QString reason = m_document->library().readOnlyReason(); !reason.isEmpty())
        m_banner->showMessage(reason);
    if (!m_document->library().migrationBackupPath().isEmpty())
        statusBar()->showMessage(tr("This library was upgraded to the current format; the old file was kept as %1.")
                                     .arg(m_document->library().migrationBackupPath()));
    updateTitle();
    return success();
}

bool MainWindow::askToUpgrade(const QString& path, int schema)
{
    if (m_askUpgrade)
        return m_askUpgrade(path, schema);
    QMessageBox question(QMessageBox::Question, tr("Upgrade the library?"),
                         tr("‘%1’ was made by an older version of Stable (format %2). To open it, this version "
                            "upgrades it to format %3; a copy of the old file is kept beside it, and older "
                            "versions of Stable cannot open the upgraded file.")
                             .arg(QFileInfo(path).fileName())
                             .arg(schema)
                             .arg(Library::schemaVersion()),
                         QMessageBox::Cancel, this);
    question.setTextFormat(Qt::PlainText);
    QPushButton* upgrade = question.addButton(tr("Upgrade, with a Backup"), QMessageBox::AcceptRole);
    question.setDefaultButton(QMessageBox::Cancel);
    question.exec();
    return question.clickedButton() == upgrade;
}

void MainWindow::closeLibrary()
{
    if (!m_document)
        return;
    // Everyone lets go of the document while it still exists, then it goes.
    for (ViewEntry& entry : m_views) {
        if (entry.attached)
            entry.documentView->setDocument(nullptr);
        entry.attached = false;
        entry.streamShown.clear();
    }
    m_currentStream->set({});
    emit documentChanged(nullptr);
    undoGroup().removeStack(&m_document->undoStack());
    m_document.reset();
    m_banner->hide();
    m_stack->setCurrentWidget(m_emptyState);
    updateTitle();
}

void MainWindow::updateTitle()
{
    const bool open = m_document != nullptr;
    setWindowTitle(open ? tr("%1 — Stable").arg(m_document->title()) : tr("Stable"));
    m_backUpAction->setEnabled(open);
    m_closeAction->setEnabled(open);
    m_processMenu->setEnabled(open);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("files/recent")).toStringList();
    for (int index = 0; index < recent.size(); ++index) {
        const QString path = recent.at(index);
        QAction* action = m_recentMenu->addAction(recentLabel(recent, index), this, [this, path] {
            const Status opened = openLibrary(path);
            if (!opened.ok())
                plainMessage(this, QMessageBox::Warning, tr("Cannot open the library"), opened.message());
        });
        action->setToolTip(plainToolTip(path));
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    settings.setValue(QStringLiteral("files/recent"),
                      rememberedRecent(settings.value(QStringLiteral("files/recent")).toStringList(), path,
                                       maxRecentFiles));
    settings.setValue(QStringLiteral("files/last"), path);
    settings.setValue(QStringLiteral("files/lastFolder"), QFileInfo(path).absolutePath());
    updateRecentMenu();
}

void MainWindow::newLibrary()
{
    const QString folder = newLibraryFolder();
    QString path = QFileDialog::getSaveFileName(this, tr("New Library"), folder, libraryFilter());
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".stable")))
        path += QStringLiteral(".stable");
    auto created = Document::create(path);
    if (!created.ok()) {
        plainMessage(this, QMessageBox::Warning, tr("Cannot make the library"), created.message());
        return;
    }
    created.value().reset(); // close it, then open it like any other library
    const Status opened = openLibrary(path);
    if (!opened.ok())
        plainMessage(this, QMessageBox::Warning, tr("Cannot open the library"), opened.message());
}

void MainWindow::newLibraryFromTemplate()
{
    NewLibraryDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Status opened = openLibrary(dialog.createdPath());
    if (!opened.ok()) {
        plainMessage(this, QMessageBox::Warning, tr("Cannot open the library"), opened.message());
        return;
    }
    const QString name = QFileInfo(dialog.createdPath()).fileName();
    showStatus(dialog.streamsCopied() == 1 ? tr("Made %1 with 1 value stream to start from.").arg(name)
                                           : tr("Made %1 with %2 value streams to start from.")
                                                 .arg(name)
                                                 .arg(dialog.streamsCopied()));
}

void MainWindow::openWithDialog()
{
    const QString folder = QSettings().value(QStringLiteral("files/lastFolder")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Library"), folder, libraryFilter());
    if (path.isEmpty())
        return;
    const Status opened = openLibrary(path);
    if (!opened.ok())
        plainMessage(this, QMessageBox::Warning, tr("Cannot open the library"), opened.message());
}

void MainWindow::backUp()
{
    if (!m_document)
        return;
    const QFileInfo current(m_document->path());
    const QString suggestion = current.absoluteDir().filePath(
        current.completeBaseName() + QStringLiteral("-backup-%1.stable")
                                         .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString path = QFileDialog::getSaveFileName(this, tr("Back Up Library"), suggestion, libraryFilter());
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    // The save dialog asked before replacing a file; the library itself is refused with a message.
    OutputRules rules;
    rules.replace = true;
    const Status done = backupLibrary(m_document->library(), path, rules);
    QApplication::restoreOverrideCursor();
    if (!done.ok())
        plainMessage(this, QMessageBox::Warning, tr("The backup failed"), done.message());
    else
        statusBar()->showMessage(tr("Backed up and verified: %1").arg(path), 10000);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_document.get(), this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace stable
