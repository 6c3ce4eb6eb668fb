#include "views.h"

namespace stable {

QString viewName(View view)
{
    switch (view) {
    case View::Library:
        return QStringLiteral("library");
    case View::Map:
        return QStringLiteral("map");
    case View::Runs:
        return QStringLiteral("runs");
    case View::Incidents:
        return QStringLiteral("incidents");
    case View::Console:
        return QStringLiteral("console");
    }
    return QString();
}

std::optional<View> parseView(const QString& name)
{
    for (View view : {View::Library, View::Map, View::Runs, View::Incidents, View::Console})
        if (viewName(view) == name)
            return view;
    return std::nullopt;
}

} // namespace stable
