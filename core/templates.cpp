#include "templates.h"

#include "processjson.h"

#include <QFile>

namespace stable {

namespace {

struct BuiltIn
{
    const char* name;
    const char* title;
};

constexpr BuiltIn builtIns[] = {{"execution-plan", "Execution Plan"},
                                {"software-release", "Software Release"}};

} // namespace

QStringList templateNames()
{
    QStringList names;
    for (const BuiltIn& builtIn : builtIns)
        names.append(QLatin1String(builtIn.name));
    return names;
}

QString templateTitle(const QString& name)
{
    for (const BuiltIn& builtIn : builtIns)
        if (name == QLatin1String(builtIn.name))
            return QLatin1String(builtIn.title);
    return QString();
}

Result<ValueStream> loadTemplate(const QString& name)
{
    if (!templateNames().contains(name))
        return notFound(QStringLiteral("No built-in template ‘%1’; there are %2.")
                            .arg(name, templateNames().join(QStringLiteral(" and "))));
    const QString fileName = name + QStringLiteral(".json");
    QFile file(QStringLiteral(":/templates/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return storageError(
            QStringLiteral("The built-in template ‘%1’ is missing from this build.").arg(name));
    return parseProcessJson(file.readAll(), fileName);
}

} // namespace stable
