#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace stable {

class Document;

// The main window's views, by the names `stable --view NAME` takes.
enum class View { Library, Map, Runs, Incidents, Console };
QString viewName(View view);
std::optional<View> parseView(const QString& name);

// What every view in the main window offers: it follows the open document (nullptr when closed) and
// can be asked to select a record (a step, a check, a value stream …) by id, for jump-to from panels
// and search.
class DocumentView
{
public:
    virtual ~DocumentView() = default;
    virtual void setDocument(Document* document) = 0;
    virtual bool selectRecord(const QString& entity, const QString& id) = 0;
    // The value stream the view shows (empty: none, or all of them). The window keeps one current
    // stream (MainWindow::currentStream): the stream picked here becomes current, and the view is shown
    // the current one with selectRecord("stream", id).
    virtual QString currentStreamId() const { return {}; }
};

} // namespace stable
