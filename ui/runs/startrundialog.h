#pragma once

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace stable {

class Document;

// "Start Run…": a run of a published revision of a value stream. Execution plans need a planned start
// and a rollback point. A refusal is shown in the dialog, which stays open.
class StartRunDialog final : public QDialog
{
    Q_OBJECT
public:
    StartRunDialog(Document& document, const QString& streamId, QWidget* parent = nullptr);
    QString startedRunId() const { return m_started; }

private:
    void loadRevisions();
    void kindChanged();
    void startNow();
    void showMessage(const QString& message);

    Document& m_document;
    QComboBox* m_stream = nullptr;
    QComboBox* m_revision = nullptr;
    QLineEdit* m_title = nullptr;
    QComboBox* m_kind = nullptr;
    QDateTimeEdit* m_plannedStart = nullptr;
    QDateTimeEdit* m_rollbackPoint = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_start = nullptr;
    QString m_started;
};

} // namespace stable
