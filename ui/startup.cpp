#include "startup.h"

#include "demo.h"
#include "filesafety.h"
#include "library.h"
#include "mainwindow.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

namespace stable {

QString demoLibraryPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo.stable"));
}

Result<QString> libraryToOpenAtStart()
{
    const QString last = QSettings().value(QStringLiteral("files/last")).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    const QString demo = demoLibraryPath();
    if (QFileInfo::exists(demo))
        return demo;
    if (!QDir().mkpath(QFileInfo(demo).absolutePath()))
        return storageError(QStringLiteral("Cannot make the folder %1 for the demo library.").arg(QFileInfo(demo).absolutePath()));
    {
        auto created = Library::create(demo);
        if (!created.ok())
            return created.error();
        const Status filled = generateDemo(*created.value(), DemoOptions{});
        if (!filled.ok()) {
            created.value().reset();
            QFile::remove(demo);
            return filled.error();
        }
    }
    return demo;
}

Status saveScreenshot(QWidget& widget, const QString& path)
{
    const QPixmap shot = widget.grab();
    OutputRules rules;
    rules.replace = true; // a screenshot named on the command line is made again on every run
    OutputFile file(path, rules);
    STABLE_TRY(file.open());
    if (shot.isNull() || !shot.save(&file.device(), "PNG"))
        return storageError(QStringLiteral("Could not write the screenshot to %1.").arg(path));
    return file.commit();
}

} // namespace stable
