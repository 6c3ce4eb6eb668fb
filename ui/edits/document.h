#pragma once

#include "library.h"
#include "result.h"

#include <QObject>
#include <QTimer>
#include <QUndoStack>

#include <memory>

namespace stable {

// One open library in the desktop app: the connection, the undo stack of draft edits, and the one
// change channel every view listens to. Commits by this window arrive typed; commits by another
// instance (found by polling PRAGMA data_version) arrive as Change::External.
class Document final : public QObject
{
    Q_OBJECT
public:
    static Result<std::unique_ptr<Document>> open(const QString& path);
    static Result<std::unique_ptr<Document>> create(const QString& path);
    explicit Document(std::unique_ptr<Library> library, QObject* parent = nullptr);
    ~Document() override;

    Library& library() { return *m_library; }
    QUndoStack& undoStack() { return m_undoStack; }
    QString path() const { return m_library->path(); }
    QString title() const { return m_library->displayName(); }

    // How often to look for other instances' commits; 0 stops looking (tests drive checkForChanges()).
    void setPollInterval(int milliseconds);
    void checkForChanges();

    // An undo or redo that the library refused (e.g. the step was removed by someone else meanwhile).
    void reportEditFailure(const QString& message);

signals:
    void changed(stable::Changes what);
    void editFailed(const QString& message);

private:
    std::unique_ptr<Library> m_library;
    QUndoStack m_undoStack;
    QTimer m_poll;
};

} // namespace stable
