// Renders an SVG icon to square PNGs at the build, so that only the SVG is kept in the repository:
//   svgtopng IN.svg OUT_FOLDER SIZE... → OUT_FOLDER/<size>x<size>/apps/<basename of IN>.png
// (the hicolor theme's layout), or svgtopng IN.svg OUT.ico|OUT.icns SIZE → one icon file (Windows,
// macOS; the format comes from Qt's image plugins).
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 4) {
        err << "usage: svgtopng IN.svg OUT_FOLDER SIZE...\n";
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        err << "svgtopng: cannot read the SVG ‘" << arguments.at(1) << "’\n";
        return 1;
    }
    const QString name = QFileInfo(arguments.at(1)).completeBaseName();
    const QString target = arguments.at(2);
    const bool oneFile = target.endsWith(QLatin1String(".ico")) || target.endsWith(QLatin1String(".icns"));
    for (const QString& text : arguments.mid(3)) {
        bool ok = false;
        const int size = text.toInt(&ok);
        if (!ok || size <= 0 || size > 1024) {
            err << "svgtopng: ‘" << text << "’ is not an icon size\n";
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString folder = oneFile ? QFileInfo(target).absolutePath()
                                       : QStringLiteral("%1/%2x%2/apps").arg(target).arg(size);
        const QString out = oneFile ? target : QStringLiteral("%1/%2.png").arg(folder, name);
        if (!QDir().mkpath(folder) || !image.save(out)) {
            err << "svgtopng: cannot write ‘" << out << "’\n";
            return 1;
        }
    }
    return 0;
}
