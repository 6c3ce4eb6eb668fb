#pragma once

#include "views.h"

#include <QWidget>

class QLineEdit;
class QStackedWidget;
class QTreeView;
class QModelIndex;

namespace stable {

class NavigatorFilter;
class NavigatorModel;
class StartPage;
class StepEditor;

// The Process Asset Library: the searchable navigator of value streams, steps and checks beside the
// editor of the selected step (or the summary of the selected stream). A library without a value stream
// shows the start page instead: what to do first.
class LibraryView final : public QWidget, public DocumentView
{
    Q_OBJECT
public:
    explicit LibraryView(QWidget* parent = nullptr);

    void setDocument(Document* document) override;
    bool selectRecord(const QString& entity, const QString& id) override;

    // The Process menu's commands, on what is selected.
    void addStep();
    void removeStep();
    void addCheck();
    void removeStream(); // undoable; its revisions, runs and incidents stay
    QString currentStreamId() const override;
    QString currentStepId() const;

    QTreeView* navigator() const { return m_tree; }
    QLineEdit* searchField() const { return m_search; }
    StepEditor* editor() const { return m_editor; }
    NavigatorModel* model() const { return m_model; }
    StartPage* startPage() const { return m_startPage; }

signals:
    void currentRecordChanged();
    void editRefused(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitDetailColumn();
    void showCurrent(const QModelIndex& current);
    void selectFirstStep();
    QModelIndex currentSourceIndex() const;
    void showStartPageWhenEmpty();

    Document* m_document = nullptr;
    NavigatorModel* m_model = nullptr;
    NavigatorFilter* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QTreeView* m_tree = nullptr;
    StepEditor* m_editor = nullptr;
    QStackedWidget* m_pages = nullptr; // the navigator and editor, or the start page
    QWidget* m_library = nullptr;
    StartPage* m_startPage = nullptr;
};

} // namespace stable
