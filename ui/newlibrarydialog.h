#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace stable {

// "New Library from Template…": a new library file that starts with value streams — the built-in
// templates, or the drafts of another library's streams (a team's house style). Only processes are
// copied; people, revisions, runs and incidents stay where they are. A library that could not be seeded
// is deleted again, so a failure leaves no half-made file.
class NewLibraryDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit NewLibraryDialog(QWidget* parent = nullptr);
    // The library made, empty until one is.
    QString createdPath() const { return m_created; }
    int streamsCopied() const { return m_copied; }

private:
    void sourceChosen();
    void browseTemplate();
    void browseTarget();
    void create();
    void refuse(const QString& message);

    QComboBox* m_source = nullptr;
    QLineEdit* m_templatePath = nullptr;
    QPushButton* m_browseTemplate = nullptr;
    QLineEdit* m_targetPath = nullptr;
    QLabel* m_message = nullptr;
    QString m_created;
    int m_copied = 0;
};

} // namespace stable
