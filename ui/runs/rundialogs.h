#pragma once

#include "incidents.h"
#include "runs.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace stable {

class Document;

// After a fail: how many hours of rework it cost, and whether to raise an incident about it.
class FailureDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Choice { Skip, Record, RecordAndRaise };
    FailureDialog(const RunItem& item, QWidget* parent = nullptr);
    Choice choice() const { return m_choice; }
    double hours() const;
    QString note() const;

private:
    QDoubleSpinBox* m_hours = nullptr;
    QLineEdit* m_note = nullptr;
    Choice m_choice = Skip;
};

// "Raise Incident" pre-filled with the run, its stream and the step where the failure was detected;
// the step where it was injected is picked from the stream's steps; what happened quotes the signer's note.
class RaiseIncidentDialog final : public QDialog
{
    Q_OBJECT
public:
    RaiseIncidentDialog(Document& document, const Run& run, const RunItem& item, const QString& signerNote,
                        QWidget* parent = nullptr);
    const Incident& raised() const { return m_raised; }

private:
    void raiseNow();

    Document& m_document;
    QString m_runId;
    QString m_streamId;
    QString m_detectedStepId;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_whatHappened = nullptr;
    QComboBox* m_injected = nullptr;
    QSpinBox* m_severity = nullptr;
    QComboBox* m_category = nullptr;
    QLabel* m_message = nullptr;
    Incident m_raised;
};

// "Close Run…": lessons learned, and "rolled back" as the closing state. Core refuses to complete a run
// with items open; the refusal is shown here.
class CloseRunDialog final : public QDialog
{
    Q_OBJECT
public:
    CloseRunDialog(Document& document, const Run& run, QWidget* parent = nullptr);

private:
    void closeNow();

    Document& m_document;
    QString m_runId;
    QPlainTextEdit* m_lessons = nullptr;
    QCheckBox* m_rolledBack = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace stable
