#pragma once

#include <QObject>
#include <QString>

namespace stable {

// The value stream the whole window works on: picked in any view, shown by every view, and the one the
// stream commands (Publish Revision…, Revision History…, Stream Properties…, Print Checklist) act on.
class CurrentStream final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    QString id() const { return m_id; }
    void set(const QString& streamId); // empty: none (no library, or a library without streams)

signals:
    void currentStreamChanged(const QString& streamId);

private:
    QString m_id;
};

} // namespace stable
