#pragma once

#include "library.h"

#include <QPointer>
#include <QWidget>

class QTreeWidget;
class QLabel;

namespace stable {

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

signals:
    void issueActivated(const QString& entity, const QString& id);

private:
    void refresh(Changes what);
    void reload();

    QPointer<Document> m_document; // the window may delete it before saying so
    QTreeWidget* m_list = nullptr;
    QLabel* m_state = nullptr;
};

} // namespace stable
