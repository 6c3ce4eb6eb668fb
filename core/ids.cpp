#include "ids.h"

#include <QRegularExpression>

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace stable {

QString newId()
{
    // One generator per thread: seeding it reads the system's entropy source, which is slow.
    thread_local boost::uuids::random_generator generator;
    return QString::fromStdString(boost::uuids::to_string(generator()));
}

bool looksLikeId(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return pattern.match(text).hasMatch();
}

} // namespace stable
