#pragma once

#include "library.h"
#include "validation.h"

#include <QPointer>
#include <QWidget>

class QTreeWidget;
class QLabel;

namespace stable {

class BackgroundReader;
class Document;

// The issues panel: what weakens the library's processes (core/validation), one line each; a
// double-click (or Enter) asks to jump to the step, check or stream concerned.
class ValidationPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ValidationPanel(QWidget* parent = nullptr);
    void setDocument(Document* document);
    QTreeWidget* list() const { return m_list; }
    bool isBusy() const; // the issues are being read again

signals:
    void issueActivated(const QString& entity, const QString& id);

private:
    void refresh(Changes what);
    void reload();
    void show(const QList<ValidationIssue>& issues, const QString& error);

    QPointer<Document> m_document; // the window may delete it before saying so
    QTreeWidget* m_list = nullptr;
    QLabel* m_state = nullptr;
    BackgroundReader* m_reader = nullptr;
};

} // namespace stable

Q_DECLARE_METATYPE(QList<stable::ValidationIssue>)
