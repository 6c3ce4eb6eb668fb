#pragma once

#include "incidents.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace stable {

class Document;

// "Log Rework…" against an incident: the hours of the hidden factory it caused, with date and kind.
class ReworkDialog final : public QDialog
{
    Q_OBJECT
public:
    ReworkDialog(Document& document, const Incident& incident, QWidget* parent = nullptr);

private:
    void logNow();

    Document& m_document;
    Incident m_incident;
    QDateEdit* m_date = nullptr;
    QDoubleSpinBox* m_hours = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_message = nullptr;
};

// "Improve the Process…": the check that prevents the incident, added to the draft of the step where it
// was injected, with the incident as its origin. Offers to publish right after.
class ImproveDialog final : public QDialog
{
    Q_OBJECT
public:
    ImproveDialog(Document& document, const Incident& incident, QWidget* parent = nullptr);

    QString addedCheckKey() const { return m_addedKey; }
    bool publishNext() const;

private:
    void improveNow();
    static QString checkLeadIn();

    Document& m_document;
    Incident m_incident;
    QPlainTextEdit* m_statement = nullptr;
    QComboBox* m_stage = nullptr;
    QCheckBox* m_critical = nullptr;
    QLineEdit* m_key = nullptr;
    QCheckBox* m_publish = nullptr;
    QLabel* m_message = nullptr;
    QString m_addedKey;
};

} // namespace stable
