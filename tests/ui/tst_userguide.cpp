// Help → User Guide (F1) in the real main window: it opens offline at the page of the view shown, its
// contents list and links reach every page, the loop's picture is drawn, and every menu path a page names
// is one the menus have.
#include "document.h"
#include "mainwindow.h"
#include "menupaths.h"
#include "startup.h"
#include "trywait.h"
#include "userguide.h"
#include "widgetdriving.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QPixmap>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

using namespace stable;
using namespace stable::test;

class TestUserGuide : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = showAppWindow();
        QVERIFY(m_window->isVisible());
        QVERIFY(openNewLibrary(*m_window,
                               m_folder.filePath(QStringLiteral("guide%1.stable").arg(++m_libraries))));
    }

    void cleanup() { m_window.reset(); }

    void f1OpensTheGuideAtThePageOfTheViewShown()
    {
        auto* action = m_window->findChild<QAction*>(QStringLiteral("userGuideAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&User Guide"));
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QVERIFY(menuHas(m_window->menuBar(), {QStringLiteral("Help"), QStringLiteral("User Guide")}));

        QVERIFY(m_window->showView(View::Runs));
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        UserGuide* guide = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            guide = m_window->findChild<UserGuide*>(QStringLiteral("userGuide"));
            return guide && guide->isVisible();
        }));
        QCOMPARE(guide->currentPage(), QStringLiteral("proof.html"));
        QVERIFY2(guide->browser()->toPlainText().contains(
                     QStringLiteral("critical item needs a second signature")),
                 qPrintable(guide->browser()->toPlainText()));
        auto* contents = guide->findChild<QListWidget*>(QStringLiteral("guideContents"));
        QCOMPARE(contents->currentItem()->text(), QStringLiteral("Proof: runs and signatures"));

        // The contents list, by keyboard: Home is the loop, with its picture drawn.
        contents->setFocus();
        QTest::keyClick(contents, Qt::Key_Home);
        QCOMPARE(guide->currentPage(), QStringLiteral("index.html"));
        QVERIFY(guide->browser()->toPlainText().contains(QStringLiteral("Process")));
        const QVariant picture = guide->browser()->document()->resource(QTextDocument::ImageResource,
                                                                        QUrl(QStringLiteral("loop.svg")));
        QVERIFY2(picture.isValid(), "the page did not load its picture");
        const QImage drawn(
            QStringLiteral(":/guide/loop.svg")); // through the SVG image plugin, as the page does
        QVERIFY2(!drawn.isNull(), "the loop's picture cannot be drawn");
        QCOMPARE(drawn.size(), QSize(560, 230));

        // F1 again from the Console: the same window, at the Console's page.
        guide->close();
        QVERIFY(m_window->showView(View::Console));
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QVERIFY(QTest::qWaitFor([&] { return guide->isVisible(); }));
        QCOMPARE(guide->currentPage(), QStringLiteral("console.html"));
        QCOMPARE(m_window->findChildren<UserGuide*>().size(), 1);
    }

    void everyPageLoadsAndItsLinksAndMenuPathsAreReal()
    {
        UserGuide guide(m_window.get());
        int paths = 0;
        for (const QString& page : UserGuide::pages()) {
            QFile file(QStringLiteral(":/guide/") + page);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(page));
            const QString html = QString::fromUtf8(file.readAll());
            // Every link and picture points at a file of the guide.
            static const QRegularExpression reference(QStringLiteral("(?:href|src)=\"([^\"]+)\""));
            for (auto match = reference.globalMatch(html); match.hasNext();) {
                const QString target = match.next().captured(1);
                QVERIFY2(
                    QFile::exists(QStringLiteral(":/guide/") + target),
                    qPrintable(
                        QStringLiteral("%1 links to %2, which the guide does not have").arg(page, target)));
            }
            guide.showPage(page);
            QCOMPARE(guide.currentPage(), page);
            const QString text = guide.browser()->toPlainText();
            QVERIFY2(text.size() > 300, qPrintable(page));
            QVERIFY(!guide.browser()->documentTitle().isEmpty());
            for (const QStringList& path : menuPaths(text)) {
                ++paths;
                QVERIFY2(menuHas(m_window->menuBar(), path),
                         qPrintable(QStringLiteral("%1 names ‘%2’, which is not a menu path")
                                        .arg(page, path.join(QStringLiteral(" → ")))));
            }
        }
        QVERIFY2(paths >= 25, qPrintable(QString::number(paths)));
        // Following a link goes to its page.
        guide.showPage(QStringLiteral("index.html"));
        emit guide.browser()->anchorClicked(QUrl(QStringLiteral("improvement.html")));
        QCOMPARE(guide.currentPage(), QStringLiteral("improvement.html"));
    }

private:
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_folder;
    int m_libraries = 0;
};

QTEST_MAIN(TestUserGuide)
#include "tst_userguide.moc"
