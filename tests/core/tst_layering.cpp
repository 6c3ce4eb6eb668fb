// core/ must build and test without a display: no Gui or Widgets header may appear in it. Qt Charts
// stays behind the console's chart panel.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestLayering : public QObject
{
    Q_OBJECT
private slots:
    void coreIncludesNoGuiHeaders()
    {
        const QStringList headers = {
            QStringLiteral("QtGui"), QStringLiteral("QtWidgets"), QStringLiteral("QtCharts"),
            QStringLiteral("QtPrintSupport"), QStringLiteral("QtSvg"), QStringLiteral("QWidget"),
            QStringLiteral("QApplication"), QStringLiteral("QGuiApplication"), QStringLiteral("QPainter"),
            QStringLiteral("QPixmap"), QStringLiteral("QImage"), QStringLiteral("QIcon"), QStringLiteral("QColor"),
            QStringLiteral("QFont"), QStringLiteral("QUndo\\w*"), QStringLiteral("QAction"),
            QStringLiteral("QTextDocument"), QStringLiteral("QPdfWriter"), QStringLiteral("QPrinter")};
        const QRegularExpression forbidden(QStringLiteral("^\\s*#\\s*include\\s*[<\"](") +
                                               headers.join(QLatin1Char('|')) + QStringLiteral(")\\b"),
                                           QRegularExpression::MultilineOption);
        QDirIterator it(QStringLiteral(STABLE_SOURCE_DIR "/core"), {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        QStringList offenders;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++files;
            const auto match = forbidden.match(QString::fromUtf8(file.readAll()));
            if (match.hasMatch())
                offenders << file.fileName() + QStringLiteral(": ") + match.captured(0).trimmed();
        }
        QVERIFY2(files > 10, "the core sources were not found");
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    // Qt Charts is deprecated from Qt 6.10 in favour of Qt Graphs (docs/ARCHITECTURE.md): it stays in the
    // console's chart panel and chart drawing, so that moving to Qt Graphs replaces those files only.
    void qtChartsStaysBehindTheChartPanel()
    {
        const QRegularExpression chartsInclude(
            QStringLiteral("^\\s*#\\s*include\\s*[<\"](QtCharts|QChart\\w*|Q\\w*Series|QBarSet|Q\\w*Axis|"
                           "QLegend\\w*)\\b"),
            QRegularExpression::MultilineOption);
        const QStringList allowed = {
            QStringLiteral("ui/console/chartpanel.cpp"), QStringLiteral("ui/console/chartpanel.h"),
            QStringLiteral("ui/console/consolecharts.cpp"), QStringLiteral("ui/console/consolecharts.h")};
        const QDir source(QStringLiteral(STABLE_SOURCE_DIR));
        QStringList users;
        QStringList offenders;
        for (const char* folder : {"core", "ui", "app"}) {
            QDirIterator it(source.filePath(QLatin1String(folder)),
                            {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const auto match = chartsInclude.match(QString::fromUtf8(file.readAll()));
                if (!match.hasMatch())
                    continue;
                const QString name = source.relativeFilePath(file.fileName());
                users << name;
                if (!allowed.contains(name))
                    offenders << name + QStringLiteral(": ") + match.captured(0).trimmed();
            }
        }
        QVERIFY2(users.contains(QStringLiteral("ui/console/consolecharts.cpp")),
                 "the chart sources were not found");
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    void coreLinksNoGuiModule()
    {
        QFile cmake(QStringLiteral(STABLE_SOURCE_DIR "/core/CMakeLists.txt"));
        QVERIFY(cmake.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(cmake.readAll());
        for (const char* module : {"Qt6::Gui", "Qt6::Widgets", "Qt6::Charts", "Qt6::PrintSupport", "Qt6::Svg"})
            QVERIFY2(!text.contains(QLatin1String(module)), module);
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
