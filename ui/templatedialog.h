#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace stable {

class Document;

// "New Value Stream…": a blank stream, or a built-in template (Execution Plan, Software Release) as a new
// stream's draft, under a key and name the person chooses, so a second copy gets its own key. Undoable.
class TemplateDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit TemplateDialog(Document& document, QWidget* parent = nullptr);
    // The stream made, empty until one is.
    QString createdStreamId() const { return m_created; }

private:
    void templateChosen();
    void create();

    Document& m_document;
    QComboBox* m_template = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_key = nullptr;
    QLabel* m_message = nullptr;
    QStringList m_takenKeys;
    QString m_created;
};

} // namespace stable
