#pragma once

#include "edits.h"

#include <QSet>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace stable {

class InertTextBrowser;

class CheckTableModel;
class Document;
class PortTableModel;

// Edits one draft step as a system: what it is (name, key, owner, hours), what goes in and comes out,
// how it is done (the procedure, as markdown with a preview), how it is checked (the ordered checks with
// their risk priority), and what went wrong there before. With a stream but no step selected it shows
// the stream's summary. Every change goes through the edits facade, so each one can be undone.
class StepEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit StepEditor(QWidget* parent = nullptr);

    void setDocument(Document* document);
    void showStep(const QString& stepId);
    void showStream(const QString& streamId);
    void showNothing();
    QString stepId() const { return m_stepId; }
    QString streamId() const { return m_streamId; }

    QString currentCheckId() const;
    bool selectCheck(const QString& checkId);
    void addCheck();
    void removeCheck();
    void moveCheck(int delta);

    // Sends what is typed but not yet sent (the editor sends after a short pause or on leaving a field).
    void commitPendingEdits();

    QLineEdit* nameEdit() const { return m_name; }

signals:
    void checkSelected(const QString& checkId);
    void editRefused(const QString& message);

private:
    QWidget* createStepPage();
    QWidget* createFieldsBox();
    QWidget* createPortsBox();
    QWidget* createChecksBox();
    QWidget* createDetailTabs();
    QWidget* createPortTable(PortTableModel* model, const QString& what, QTableView*& view);

    void reload();
    void loadStep();
    void loadStream();
    void loadIncidents(const QString& streamId);
    void fieldEdited(edits::StepField field);
    void commitField(edits::StepField field, bool leaving);
    void setPorts(const QList<Port>& inputs, const QList<Port>& outputs);
    void addPort(PortTableModel* model);
    void removePort(PortTableModel* model, QTableView* view);
    void updateCheckButtons();
    void showMessage(const QString& message);

    Document* m_document = nullptr;
    QString m_stepId;
    QString m_streamId;
    QSet<int> m_pending; // edits::StepField values typed but not yet sent
    QTimer* m_commitTimer = nullptr;

    QStackedWidget* m_pages = nullptr;
    QLabel* m_emptyPage = nullptr;
    QTextBrowser* m_streamPage = nullptr;
    QWidget* m_stepPage = nullptr;

    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_key = nullptr;
    QLineEdit* m_ownerRole = nullptr;
    QDoubleSpinBox* m_hours = nullptr;
    PortTableModel* m_inputs = nullptr;
    PortTableModel* m_outputs = nullptr;
    QTableView* m_inputView = nullptr;
    QTableView* m_outputView = nullptr;
    CheckTableModel* m_checks = nullptr;
    QSortFilterProxyModel* m_sortedChecks = nullptr;
    QTableView* m_checkView = nullptr;
    QToolButton* m_removeCheck = nullptr;
    QToolButton* m_moveUp = nullptr;
    QToolButton* m_moveDown = nullptr;
    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_procedure = nullptr;
    InertTextBrowser* m_preview = nullptr;
    QTreeWidget* m_incidents = nullptr;
};

} // namespace stable
