#include "document.h"

namespace stable {

Result<std::unique_ptr<Document>> Document::open(const QString& path)
{
    auto library = Library::open(path);
    if (!library.ok())
        return library.error();
    return std::make_unique<Document>(std::move(library).value());
}

Result<std::unique_ptr<Document>> Document::create(const QString& path)
{
    auto library = Library::create(path);
    if (!library.ok())
        return library.error();
    return std::make_unique<Document>(std::move(library).value());
}

Document::Document(std::unique_ptr<Library> library, QObject* parent) : QObject(parent), m_library(std::move(library))
{
    connect(m_library.get(), &Library::changed, this, &Document::changed);
    connect(&m_poll, &QTimer::timeout, this, &Document::checkForChanges);
    setPollInterval(1000);
}

Document::~Document()
{
    // Undo commands refer to the library; drop them before it goes.
    m_undoStack.clear();
}

void Document::setPollInterval(int milliseconds)
{
    m_poll.stop();
    if (milliseconds > 0)
        m_poll.start(milliseconds);
}

void Document::checkForChanges()
{
    m_library->pollExternalChanges();
}

void Document::reportEditFailure(const QString& message)
{
    emit editFailed(message);
}

} // namespace stable
