// Edit → Preferences…: the theme (with the dark palette unchecked boxes stay visible), the folder new
// libraries go to, and the view a new window starts in; kept in the person's settings.
#include "fixtures.h"
#include "mainwindow.h"
#include "newlibrarydialog.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "runstestsupport.h"
#include "startup.h"
#include "testlibrary.h"
#include "theme.h"
#include "trywait.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

// How far the darkest or lightest pixel of a check box's indicator stands from the window behind it.
int indicatorContrast(QCheckBox& box)
{
    QStyleOptionButton option;
    option.initFrom(&box);
    const QRect indicator = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
    const QImage image = box.grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const int background = qGray(box.palette().color(QPalette::Window).rgb());
    int contrast = 0;
    for (int y = indicator.top(); y <= indicator.bottom(); ++y)
        for (int x = indicator.left(); x <= indicator.right(); ++x) {
            const QPoint at(static_cast<int>(x * ratio), static_cast<int>(y * ratio));
            contrast = std::max(contrast, std::abs(qGray(image.pixel(at)) - background));
        }
    return contrast;
}

QPushButton* okButton(QDialog& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

void choose(QComboBox* box, const QString& text)
{
    const int index = box->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    box->setCurrentIndex(index);
}

} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }
    void cleanup() { applyTheme(Theme::Light); }

    void darkThemeKeepsUncheckedBoxesVisible_data()
    {
        QTest::addColumn<bool>("chosen");
        QTest::newRow("the Dark theme") << true;
        QTest::newRow("a dark system palette") << false;
    }

    void darkThemeKeepsUncheckedBoxesVisible()
    {
        QFETCH(bool, chosen);
        if (chosen) {
            PreferencesDialog dialog;
            choose(dialog.findChild<QComboBox*>(QStringLiteral("theme")), PreferencesDialog::tr("Dark"));
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            QCOMPARE(Preferences::load().theme, Theme::Dark);
        } else {
            applyTheme(Theme::System);
            QApplication::setPalette(darkPalette()); // what a dark desktop hands the app
        }
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        QCheckBox box(QStringLiteral("Critical: two people sign it"));
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        QVERIFY(!box.isChecked());
        const int contrast = indicatorContrast(box);
        QVERIFY2(
            contrast >= 60,
            qPrintable(QStringLiteral("the unchecked box stands out by only %1 grey levels").arg(contrast)));
    }

    void lightThemeIsLight()
    {
        applyTheme(Theme::Dark);
        PreferencesDialog dialog;
        choose(dialog.findChild<QComboBox*>(QStringLiteral("theme")), PreferencesDialog::tr("Light"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QCOMPARE(Preferences::load().theme, Theme::Light);
    }

    void followingTheSystemLeavesTheDarkPaletteBehind()
    {
        Preferences dark;
        dark.theme = Theme::Dark;
        dark.save();
        applyTheme(Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        PreferencesDialog dialog;
        choose(dialog.findChild<QComboBox*>(QStringLiteral("theme")),
               PreferencesDialog::tr("Follow the system"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(Preferences::load().theme, Theme::System);
        // The offscreen platform's own palette is light.
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    }

    void newLibrariesGoToTheChosenFolder()
    {
        // An unrelated folder was the last one a library was opened from (the demo's data folder).
        QTemporaryDir elsewhere;
        QSettings().setValue(QStringLiteral("files/lastFolder"), elsewhere.path());
        QCOMPARE(newLibraryFolder(), defaultLibraryFolder());
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QCOMPARE(defaultLibraryFolder(), QFileInfo(documents).isDir() ? documents : QDir::homePath());

        QTemporaryDir chosen;
        {
            PreferencesDialog dialog;
            auto* folder = dialog.findChild<QLineEdit*>(QStringLiteral("libraryFolder"));
            QCOMPARE(QDir::fromNativeSeparators(folder->text()), defaultLibraryFolder());
            folder->selectAll();
            QTest::keyClicks(folder, QDir::toNativeSeparators(chosen.path()));
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        }
        QCOMPARE(newLibraryFolder(), chosen.path());

        // New Library from Template…: its Browse… for the new file opens there.
        QString opened;
        {
            NewLibraryDialog dialog;
            dialog.show();
            QPushButton* browse = nullptr;
            for (QPushButton* button : dialog.findChildren<QPushButton*>())
                if (button->accessibleName() == NewLibraryDialog::tr("Choose where to make the new library"))
                    browse = button;
            QVERIFY(browse);
            whenDialog<QFileDialog>(
                [&opened](QFileDialog& files) { opened = files.directory().absolutePath(); });
            QTest::mouseClick(browse, Qt::LeftButton);
            STABLE_TRY_VERIFY(!opened.isEmpty());
        }
        QCOMPARE(opened, QDir(chosen.path()).absolutePath());

        // File → New Library… too, even after a library was opened from somewhere else.
        TempLibrary lib;
        lib.close();
        MainWindow window;
        installViews(window);
        QVERIFY(window.openLibrary(lib.path()).ok());
        opened.clear();
        whenDialog<QFileDialog>([&opened](QFileDialog& files) { opened = files.directory().absolutePath(); });
        QAction* newLibrary = nullptr;
        for (QAction* action : window.findChildren<QAction*>())
            if (action->shortcut() == QKeySequence(QKeySequence::New))
                newLibrary = action;
        QVERIFY(newLibrary);
        newLibrary->trigger();
        STABLE_TRY_VERIFY(!opened.isEmpty());
        QCOMPARE(opened, QDir(chosen.path()).absolutePath());
    }

    void aNewWindowStartsInTheChosenView()
    {
        TempLibrary lib;
        publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        lib.close();
        {
            MainWindow window;
            installViews(window);
            QVERIFY(window.openLibrary(lib.path()).ok());
            QCOMPARE(window.currentView(), std::optional<View>(View::Library)); // the default
        }
        {
            PreferencesDialog dialog;
            choose(dialog.findChild<QComboBox*>(QStringLiteral("startView")),
                   PreferencesDialog::tr("Incidents"));
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        }
        {
            MainWindow window;
            installViews(window);
            QVERIFY(window.openLibrary(lib.path()).ok());
            QCOMPARE(window.currentView(), std::optional<View>(View::Incidents));
            // Opening another library keeps the view the person is in.
            QVERIFY(window.showView(View::Runs));
            QVERIFY(window.openLibrary(lib.path()).ok());
            QCOMPARE(window.currentView(), std::optional<View>(View::Runs));
        }
        {
            // `stable --view console` still wins.
            MainWindow window;
            installViews(window);
            QVERIFY(window.openLibrary(lib.path(), View::Console).ok());
            QCOMPARE(window.currentView(), std::optional<View>(View::Console));
        }
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
