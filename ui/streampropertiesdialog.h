#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace stable {

class Document;

// Process → Stream Properties…: a value stream's name, purpose and owner, saved as one undoable edit.
// What cannot be saved (an empty name, a name past the bounds of every name) is said under the fields,
// and the dialog stays open.
class StreamPropertiesDialog final : public QDialog
{
    Q_OBJECT
public:
    StreamPropertiesDialog(Document& document, const QString& streamId, QWidget* parent = nullptr);
    void accept() override;

    QLineEdit* nameEdit() const { return m_name; }
    QPlainTextEdit* purposeEdit() const { return m_purpose; }
    QLineEdit* ownerEdit() const { return m_owner; }
    QLabel* messageLabel() const { return m_message; }

private:
    void refuse(const QString& message, QWidget* field);

    Document& m_document;
    QString m_streamId;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_purpose = nullptr;
    QLineEdit* m_owner = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace stable
