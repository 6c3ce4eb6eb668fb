#pragma once

#include "library.h"
#include "runs.h"
#include "views.h"

#include <QTimer>
#include <QWidget>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;
class QTextBrowser;
class QTreeView;

namespace stable {

class ChecklistModel;
class RunListModel;

// Proof: the runs of the library (filtered, paged) beside the checklist of the selected run, with the
// statement, signatures and the step's past incidents of the selected item. Signing, voiding and
// closing go through dialogs; every one is a record, never an undoable edit.
class RunsView final : public QWidget, public DocumentView
{
    Q_OBJECT
public:
    explicit RunsView(QWidget* parent = nullptr);
    ~RunsView() override;

    void setDocument(Document* document) override;
    bool selectRecord(const QString& entity, const QString& id) override; // a run, or a stream to filter by
    QString currentStreamId() const override;                             // the stream filter's; empty: all
    QComboBox* streamFilter() const { return m_streamFilter; }

    RunListModel* runList() const { return m_runs; }
    ChecklistModel* checklist() const { return m_checklist; }
    QString currentRunId() const { return m_run.id; }
    const Run& currentRun() const { return m_run; }
    QString currentItemId() const;
    bool selectItem(const QString& itemId);

    QAction* startRunAction() const { return m_startAction; }
    // The commands on the selected item and run; the Process menu mirrors them (runswiring).
    QAction* signAction() const { return m_signAction; }
    QAction* voidAction() const { return m_voidAction; }
    QAction* closeRunAction() const { return m_closeAction; }

public slots:
    void startRun();
    void signItem();
    void voidSignature();
    void closeRun();
    // Updates the execution plan's countdown and flag (every second).
    void tick();

signals:
    void incidentRaised(const QString& incidentId, const QString& key);
    void incidentActivated(const QString& incidentId);
    void statusMessage(const QString& message);

private:
    void selectNextOpenItem(const QString& doneItemId);
    void buildFilters(QWidget* pane);
    void applyFilter();
    void onDocumentChanged(stable::Changes what);
    void showRun(const QString& runId);
    void reloadRun();
    void showHeader();
    void showItem();
    void afterFailure(const RunItem& item, const QString& signerNote);
    void signAs(std::optional<Outcome> outcome);
    void showItemMenu(const QPoint& position);
    void updateActions();
    void openLink(const QUrl& url);

    Document* m_document = nullptr;
    RunListModel* m_runs = nullptr;
    ChecklistModel* m_checklist = nullptr;
    QComboBox* m_streamFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QCheckBox* m_dateFilter = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_list = nullptr;
    QLabel* m_header = nullptr;
    QLabel* m_countdown = nullptr;
    QLabel* m_flag = nullptr;
    QTreeView* m_tree = nullptr;
    QTextBrowser* m_details = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_signAction = nullptr;
    QAction* m_voidAction = nullptr;
    QAction* m_passAction = nullptr;
    QAction* m_failAction = nullptr;
    QAction* m_notApplicableAction = nullptr;
    QAction* m_closeAction = nullptr;
    QTimer m_ticker;
    Run m_run;
};

} // namespace stable
