#include "recentfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace stable {

QString recentKey(const QString& path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QStringList rememberedRecent(QStringList recent, const QString& opened, int limit)
{
    QStringList kept{recentKey(opened)};
    for (const QString& path : recent) {
        const QString key = recentKey(path);
        if (!kept.contains(key))
            kept << key;
    }
    while (kept.size() > limit)
        kept.removeLast();
    return kept;
}

QString recentLabel(const QStringList& recent, int index)
{
    const QString path = recent.at(index);
    const QFileInfo info(path);
    QString folder = QDir::toNativeSeparators(info.absolutePath());
    const QString home = QDir::toNativeSeparators(QDir::homePath());
    if (folder == home || folder.startsWith(home + QDir::separator()))
        folder = QStringLiteral("~") + folder.mid(home.size());
    QString label = QStringLiteral("%1 — %2").arg(info.fileName(), folder);
    label.replace(QLatin1Char('&'), QStringLiteral("&&"));
    if (!info.exists())
        label += QCoreApplication::translate("RecentFiles", " (not found)");
    // 1–9 as mnemonics, then none.
    return index < 9 ? QStringLiteral("&%1 %2").arg(index + 1).arg(label) : label;
}

} // namespace stable
