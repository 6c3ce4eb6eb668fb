// core/ must build and test without a display: no Gui or Widgets header may appear in it.
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
