#include "currentstream.h"

namespace stable {

void CurrentStream::set(const QString& streamId)
{
    if (streamId == m_id)
        return;
    m_id = streamId;
    emit currentStreamChanged(m_id);
}

} // namespace stable
