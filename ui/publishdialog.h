#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace stable {

class Document;

// "Publish Revision…": shows what changed since the latest revision, asks why, which incidents the
// change answers, who publishes and their PIN, then records the revision. Not undoable (a record). A
// refusal (wrong PIN, nothing changed…) is shown in the dialog and nothing typed is lost.
class PublishDialog final : public QDialog
{
    Q_OBJECT
public:
    PublishDialog(Document& document, const QString& streamId, QWidget* parent = nullptr);

    // The number of the revision made, 0 until one is.
    int publishedRevision() const { return m_published; }
    QString streamId() const;
    // Ticks these incidents (keys) as answered by the revision, e.g. after "Improve the Process…".
    void tickAnswers(const QStringList& incidentKeys);

private:
    void loadStream();
    void publishNow();
    void showRefusal(const QString& message);

    Document& m_document;
    QComboBox* m_stream = nullptr;
    QLabel* m_summary = nullptr;
    QTextBrowser* m_changes = nullptr;
    QLineEdit* m_reason = nullptr;
    QListWidget* m_answers = nullptr;
    QComboBox* m_publisher = nullptr;
    QLineEdit* m_pin = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_publish = nullptr;
    int m_published = 0;
};

} // namespace stable
