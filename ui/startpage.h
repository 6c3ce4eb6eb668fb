#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace stable {

class Document;

// What a library with no value stream shows in the Library view: what to do first, each with a button
// that does it — add yourself, set the team's hours, make a value stream from a template or import a
// BPMN model — ticked as each is done, and what comes after. The buttons trigger the main window's own
// actions (found by object name), so the start page and the menus never disagree.
class StartPage final : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    void setDocument(Document* document);
    // Reads the library again: who can sign, this month's team hours.
    void refresh();

    // The texts a person reads, for tests of the menu paths they name.
    QString text() const;

private:
    struct Task
    {
        QLabel* state = nullptr;
        QLabel* title = nullptr;
        QLabel* detail = nullptr;
    };
    Task addTask(const QString& title, const QString& detail);
    QPushButton* actionButton(const QString& text, const QString& actionName);
    static void setDone(const Task& task, bool done, const QString& detail);
    void trigger(const QString& actionName);

    QPointer<Document> m_document;
    QLabel* m_title = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_after = nullptr;
    QPushButton* m_addPerson = nullptr;
    Task m_person;
    Task m_hours;
    Task m_stream;
    QList<QLabel*> m_texts;
};

} // namespace stable
