#pragma once

#include "runs.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace stable {

class Document;

// Signs one run item: who, their PIN, the outcome (n/a needs a reason), what the signature means, a
// note, where the evidence is, and optionally when it was done. A refusal (wrong PIN, the same person
// twice on a critical item, a locked person) is shown here and the dialog stays open with the input
// kept (all but the PIN). Not undoable: signatures are records; Void… is the only correction.
class SignDialog final : public QDialog
{
    Q_OBJECT
public:
    SignDialog(Document& document, const Run& run, const RunItem& item, QWidget* parent = nullptr);
    const Attestation& signedAttestation() const { return m_signed; }
    // Starts with this outcome chosen (Pass…, Fail…, N/A… from the item's context menu).
    void setOutcome(Outcome outcome);

private:
    void signNow();
    void browseEvidence();

    Document& m_document;
    QString m_runId;
    QString m_itemId;
    QComboBox* m_person = nullptr;
    QLineEdit* m_pin = nullptr;
    QComboBox* m_outcome = nullptr;
    QComboBox* m_meaning = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QLineEdit* m_evidence = nullptr;
    QCheckBox* m_setDoneAt = nullptr;
    QDateTimeEdit* m_doneAt = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_sign = nullptr;
    Attestation m_signed;
};

// Voids one standing signature of a run item with a reason, confirmed by a person's PIN.
class VoidDialog final : public QDialog
{
    Q_OBJECT
public:
    VoidDialog(Document& document, const Run& run, const RunItem& item, QWidget* parent = nullptr);

private:
    void voidNow();

    Document& m_document;
    QString m_runId;
    QComboBox* m_attestation = nullptr;
    QLineEdit* m_reason = nullptr;
    QComboBox* m_person = nullptr;
    QLineEdit* m_pin = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace stable
