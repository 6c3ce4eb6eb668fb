#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace stable {

class Document;

// Library → People…: everyone who signs or signed in this library, with what can be done to them —
// add, retire, unlock after five wrong PINs, change one's own PIN. Follows the document's change
// channel, so a person added by stablectl meanwhile appears too.
class PeopleWindow final : public QDialog
{
    Q_OBJECT
public:
    explicit PeopleWindow(Document& document, QWidget* parent = nullptr);

    // The forms, opened window-modal (open(), not exec()) so that the window keeps painting.
    void addPerson();
    void retireSelected();
    void unlockSelected();
    void changeSelectedPin();

private:
    void reload();
    void updateButtons();
    QString selectedId() const;
    void select(const QString& personId);
    void showRefusal(const QString& message);

    Document& m_document;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_retire = nullptr;
    QPushButton* m_unlock = nullptr;
    QPushButton* m_changePin = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace stable
