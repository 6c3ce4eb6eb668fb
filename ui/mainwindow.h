#pragma once

#include "result.h"
#include "views.h"

#include <QMainWindow>
#include <QMap>

#include <functional>
#include <memory>
#include <optional>

class QStackedWidget;
class QMenu;
class QActionGroup;
class QLabel;
class QDockWidget;

namespace stable {

class CurrentStream;
class Document;
class MessageBanner;

// Wires the open document to the views, menus and settings. Holds no domain logic.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a library in place of the current one; the message says why not.
    // Opens the library in `startView` (default: the view shown, else the one Preferences names).
    // An older library is upgraded only after the user agrees (a backup of the old version is kept).
    Status openLibrary(const QString& path, std::optional<View> startView = std::nullopt);
    void closeLibrary();
    // Asks whether to upgrade an older library; tests answer in place of the dialog.
    void setUpgradeQuestion(std::function<bool(const QString& path, int schema)> ask) { m_askUpgrade = std::move(ask); }
    Document* document() const { return m_document.get(); }

    void addView(View view, const QString& title, QWidget* widget, DocumentView* documentView);
    bool showView(View view);
    std::optional<View> currentView() const;
    QWidget* viewWidget(View view) const;
    bool selectRecord(View view, const QString& entity, const QString& id);
    // The one value stream every view shows and the stream commands act on. A view that is shown gets it
    // (when it changed since the view last had it); call takeStreamFrom when the user picks a stream in a
    // view: if that view is the one shown, its stream becomes current.
    CurrentStream* currentStream() const { return m_currentStream; }
    void takeStreamFrom(View view);

    // Extension points for the views' own commands and panels (wired in startup's installViews).
    QMenu* editMenu() const { return m_editMenu; }
    QMenu* processMenu() const { return m_processMenu; }
    QMenu* viewMenu() const { return m_viewMenu; }
    QMenu* helpMenu() const { return m_helpMenu; }
    void addPanel(QDockWidget* panel, Qt::DockWidgetArea area);
    void showStatus(const QString& message, int milliseconds = 10000);
    // Non-blocking message across the top: an undo or redo that no longer applies.
    MessageBanner* banner() const { return m_banner; }

signals:
    void documentChanged(stable::Document* document); // after open or close

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createActions();
    void updateTitle();
    void updateRecentMenu();
    void rememberRecent(const QString& path);
    void newLibrary();
    void newLibraryFromTemplate();
    void openWithDialog();
    void backUp();
    void showAbout();

    bool askToUpgrade(const QString& path, int schema);
    void showCurrentStreamIn(View view);

    std::unique_ptr<Document> m_document;
    std::function<bool(const QString&, int)> m_askUpgrade;
    QStackedWidget* m_stack = nullptr;
    MessageBanner* m_banner = nullptr;
    CurrentStream* m_currentStream = nullptr;
    QLabel* m_emptyState = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_processMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QActionGroup* m_viewActions = nullptr;
    bool m_stateRestored = false;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_backUpAction = nullptr;
    QAction* m_closeAction = nullptr;
    struct ViewEntry
    {
        QWidget* widget = nullptr;
        DocumentView* documentView = nullptr;
        QAction* action = nullptr;
        // Views get the document when first shown, so that opening a large library loads one view,
        // not all of them.
        bool attached = false;
        // The current stream when the view last showed or picked it: a view that shows all streams
        // (Runs, Incidents, Console) keeps "all" until another stream becomes current.
        QString streamShown;
    };
    void attach(ViewEntry& entry);
    QMap<View, ViewEntry> m_views;
};

} // namespace stable
