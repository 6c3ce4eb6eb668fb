#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace stable {

class Document;

// "New Incident…": what went wrong, where it was found and where it was put in, the run it happened in,
// how bad, and whether it happened before. A refusal is shown in the dialog; nothing typed is lost.
class NewIncidentDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit NewIncidentDialog(Document& document, QWidget* parent = nullptr);

    // Pre-fills from where the incident was noticed (e.g. a failed item of a run); empty parts are left.
    void prefill(const QString& streamId, const QString& runId, const QString& detectedStepId);

    // The id of the incident recorded, empty until one is.
    QString createdIncidentId() const { return m_created; }

private:
    void loadStream();
    void create();

    Document& m_document;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_whatHappened = nullptr;
    QComboBox* m_stream = nullptr;
    QComboBox* m_detected = nullptr;
    QComboBox* m_injected = nullptr;
    QComboBox* m_run = nullptr;
    QSpinBox* m_severity = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_recurrenceOf = nullptr;
    QLabel* m_message = nullptr;
    QString m_created;
};

} // namespace stable
