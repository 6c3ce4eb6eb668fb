#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace stable {

class Document;

// The small forms of the People window. Each writes through core (people.h) when its OK is pressed and
// stays open with the refusal shown inline until the write is done or the person cancels.

// A new person: name, initials, role, and the PIN typed twice by that person (masked).
class AddPersonDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AddPersonDialog(Document& document, QWidget* parent = nullptr);
    QString addedId() const { return m_addedId; }
    void accept() override;

private:
    void showPinCharacters();
    Document& m_document;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_initials = nullptr;
    QLineEdit* m_role = nullptr;
    QLineEdit* m_pin = nullptr;
    QLineEdit* m_pinAgain = nullptr;
    QLabel* m_message = nullptr;
    QString m_addedId;
};

// Unlocks a person locked after five wrong PINs: another, active person gives their PIN.
class UnlockPersonDialog final : public QDialog
{
    Q_OBJECT
public:
    UnlockPersonDialog(Document& document, const QString& personId, QWidget* parent = nullptr);
    void accept() override;

private:
    Document& m_document;
    QString m_personId;
    QComboBox* m_by = nullptr;
    QLineEdit* m_pin = nullptr;
    QLabel* m_message = nullptr;
};

// A person changes their own PIN: the old one first, then the new one twice.
class ChangePinDialog final : public QDialog
{
    Q_OBJECT
public:
    ChangePinDialog(Document& document, const QString& personId, QWidget* parent = nullptr);
    void accept() override;

private:
    Document& m_document;
    QString m_personId;
    QLineEdit* m_oldPin = nullptr;
    QLineEdit* m_newPin = nullptr;
    QLineEdit* m_newPinAgain = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace stable
