#pragma once

#include <QDialog>
#include <QMap>

class QDateEdit;
class QLabel;
class QLineEdit;

namespace stable {

class Document;

// Library → Library Settings…: the team hours of a month (the hidden factory's denominator), the hourly
// rate and its currency, the alert thresholds. Saved as the same records `stablectl team-hours set` and
// `stablectl settings set` write; nothing is written when a field is refused, nor for an unchanged one.
class LibrarySettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit LibrarySettingsDialog(Document& document, QWidget* parent = nullptr);
    void accept() override;

private:
    void loadTeamHours();
    QString problem() const; // the first refused field, as a sentence; empty when all are fine
    QLineEdit* settingField(const QString& name, const QString& objectName);

    Document& m_document;
    QDateEdit* m_month = nullptr;
    QLineEdit* m_teamHours = nullptr;
    QString m_storedTeamHours;
    QMap<QString, QLineEdit*> m_settings; // by setting name
    QMap<QString, QString> m_labels;      // a setting's name as the form shows it
    QLabel* m_message = nullptr;
};

} // namespace stable
