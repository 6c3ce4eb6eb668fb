#pragma once

#include "incidents.h"
#include "library.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace stable {

class Document;
class StatusBadge;
class WhyChain;

// One incident, editable: what happened and where, the five whys and the root cause, the rework it
// caused, and the improvement that answers it ("Improve the Process…", then publishing). Sections
// being edited keep what is typed when the library changes underneath; the rest follows the file.
class IncidentEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentEditor(QWidget* parent = nullptr);

    void setDocument(Document* document);
    void showIncident(const QString& id); // empty: nothing
    QString incidentId() const { return m_incident.id; }
    const Incident& incident() const { return m_incident; }
    void refresh(Changes what);

    void saveDetails();
    void saveAnalysis();
    // Before another incident (or none) is shown: unsaved edits ask Save / Discard / Cancel. True when
    // the editor may move on (nothing unsaved, saved, or discarded); false keeps the incident shown.
    bool confirmLeave();
    bool hasUnsavedEdits() const { return !m_incident.id.isEmpty() && (m_detailsDirty || m_analysisDirty); }
    void logRework();
    void improveProcess();

    // How modal dialogs run (exec by default); tests drive the dialogs' widgets through it.
    using DialogRunner = std::function<int(QDialog&)>;
    void setDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }
    int runDialog(QDialog& dialog) { return m_runDialog(dialog); }

    WhyChain* whyChain() const { return m_whys; }
    QPlainTextEdit* rootCauseEdit() const { return m_rootCause; }
    StatusBadge* statusBadge() const { return m_badge; }
    QTableWidget* reworkTable() const { return m_rework; }
    QLabel* messageLabel() const { return m_message; }
    QLabel* answerLabel() const { return m_answer; }

signals:
    void status(const QString& message);

private:
    QWidget* makeDetails();
    QWidget* makeAnalysis();
    QWidget* makeImprovement();
    QWidget* makeRework();
    void loadDetails();
    void loadAnalysis();
    void loadRecord();
    void showRefusal(const QString& message);

    Document* m_document = nullptr;
    Incident m_incident;
    bool m_detailsDirty = false;
    bool m_analysisDirty = false;
    DialogRunner m_runDialog;

    QWidget* m_scroll = nullptr;
    QWidget* m_content = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_heading = nullptr;
    StatusBadge* m_badge = nullptr;
    QLabel* m_timeline = nullptr;
    QLabel* m_message = nullptr;

    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_whatHappened = nullptr;
    QLabel* m_stream = nullptr;
    QComboBox* m_detected = nullptr;
    QComboBox* m_injected = nullptr;
    QComboBox* m_run = nullptr;
    QSpinBox* m_severity = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_recurrenceOf = nullptr;
    QPushButton* m_saveDetails = nullptr;

    WhyChain* m_whys = nullptr;
    QPlainTextEdit* m_rootCause = nullptr;
    QPushButton* m_saveAnalysis = nullptr;

    QLabel* m_answer = nullptr;
    QLabel* m_checks = nullptr;
    QPushButton* m_improve = nullptr;

    QTableWidget* m_rework = nullptr;
    QLabel* m_reworkTotal = nullptr;
};

} // namespace stable
