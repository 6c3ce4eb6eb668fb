// Library → People… as a person meets it, in the real main window: the first person offered on a new,
// empty library; adding by typing (the PIN twice, masked); retiring; five wrong PINs locking and another
// person unlocking; changing one's own PIN, the old one first. Each write is checked in the file.
#include "document.h"
#include "fixtures.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "people.h"
#include "peoplewindow.h"
#include "persondialogs.h"
#include "process.h"
#include "publishdialog.h"
#include "startup.h"
#include "testlibrary.h"
#include "trywait.h"
#include "widgetdriving.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

// The visible dialog of that name, once it is open.
template <typename T> T* openDialog(QWidget* window, const QString& name)
{
    T* found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        found = window->findChild<T*>(name);
        return found && found->isVisible();
    });
    return shown ? found : nullptr;
}

QString statusOf(QTableWidget* table, const QString& initials)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 1)->text() == initials)
            return table->item(row, 3)->text();
    return QStringLiteral("(not listed)");
}

void clickRow(QTableWidget* table, const QString& initials)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 1)->text() == initials) {
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                              table->visualItemRect(table->item(row, 0)).center());
            return;
        }
    QFAIL(qPrintable(QStringLiteral("%1 is not listed").arg(initials)));
}

} // namespace

class TestPeopleWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = showAppWindow();
        QVERIFY(m_window->isVisible());
    }

    void cleanup()
    {
        m_window.reset();
        m_lib.reset();
    }

    void theFirstPersonIsOfferedOnAnEmptyLibrary()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("new.stable"));
        QVERIFY(Document::create(path).ok());
        QVERIFY(m_window->openLibrary(path).ok());
        fastPins();
        MessageBanner* banner = m_window->banner();
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("Add yourself as the first person")),
                 qPrintable(banner->text()));
        QVERIFY(!QApplication::activeModalWidget()); // offered, not forced
        click(banner, QStringLiteral("bannerAction"));

        auto* dialog = openDialog<AddPersonDialog>(m_window.get(), QStringLiteral("addPersonDialog"));
        QVERIFY(dialog);
        type(dialog, QStringLiteral("name"), QStringLiteral("Rosa Diaz"));
        type(dialog, QStringLiteral("initials"), QStringLiteral("RD"));
        type(dialog, QStringLiteral("role"), QStringLiteral("Process owner"));
        type(dialog, QStringLiteral("pin"), QStringLiteral("4711"));
        type(dialog, QStringLiteral("pinAgain"), QStringLiteral("4711"));
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("pin"))->echoMode(), QLineEdit::Password);
        click(dialog, QStringLiteral("okButton"));

        Library& library = m_window->document()->library();
        STABLE_TRY_COMPARE(listPeople(library)->size(), 1);
        const Person rosa = findPerson(library, QStringLiteral("RD")).value();
        QCOMPARE(rosa.name, QStringLiteral("Rosa Diaz"));
        QCOMPARE(rosa.role, QStringLiteral("Process owner"));
        QVERIFY(authenticate(library, QStringLiteral("RD"), QStringLiteral("4711")).ok());
        STABLE_TRY_VERIFY(!banner->isVisible());
        auto* table = child<QTableWidget>(m_window.get(), QStringLiteral("peopleTable"));
        QVERIFY(table && table->isVisible());
        QCOMPARE(statusOf(table, QStringLiteral("RD")), QStringLiteral("active"));

        // The publisher list asks the library when it opens: the new person is there.
        QVERIFY(importProcess(library, sampleProcess()).ok());
        PublishDialog publish(*m_window->document(),
                              resolveStream(library, QStringLiteral("release")).value());
        auto* publisher = child<QComboBox>(&publish, QStringLiteral("publisher"));
        QVERIFY(publisher);
        QCOMPARE(publisher->findData(rosa.id) >= 0, true);
    }

    void aLibraryWithPeopleOffersNothing()
    {
        openWithPeople();
        QVERIFY(!m_window->banner()->isVisible());
    }

    void theLibraryMenuOpensPeopleByItsMnemonics()
    {
        openWithPeople();
        QStringList mnemonics;
        for (QAction* menu : m_window->menuBar()->actions()) {
            const qsizetype amp = menu->text().indexOf(QLatin1Char('&'));
            QVERIFY2(amp >= 0, qPrintable(menu->text()));
            mnemonics << menu->text().mid(amp + 1, 1).toUpper();
        }
        QVERIFY2(mnemonics.removeDuplicates() == 0, qPrintable(mnemonics.join(QLatin1Char(' '))));
        QVERIFY(mnemonics.contains(QStringLiteral("L")));

        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::AltModifier);
        QWidget* menu = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (menu = QApplication::activePopupWidget()) != nullptr; }));
        QCOMPARE(menu->objectName(), QStringLiteral("libraryMenu"));
        QTest::keyClick(menu, Qt::Key_P);
        auto* people = openDialog<PeopleWindow>(m_window.get(), QStringLiteral("peopleWindow"));
        QVERIFY(people);
        QCOMPARE(child<QTableWidget>(people, QStringLiteral("peopleTable"))->rowCount(), 2);
    }

    void twoDifferentPinsAreRefused()
    {
        openWithPeople();
        PeopleWindow* people = showPeople();
        click(people, QStringLiteral("addButton"));
        auto* dialog = openDialog<AddPersonDialog>(people, QStringLiteral("addPersonDialog"));
        QVERIFY(dialog);
        type(dialog, QStringLiteral("name"), QStringLiteral("Carl"));
        type(dialog, QStringLiteral("initials"), QStringLiteral("CA"));
        type(dialog, QStringLiteral("pin"), QStringLiteral("    "));
        auto* message = child<QLabel>(dialog, QStringLiteral("message"));
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), QStringLiteral("A PIN cannot be only spaces.")); // as it is typed
        QTest::keyClick(child<QLineEdit>(dialog, QStringLiteral("pin")), Qt::Key_A, Qt::ControlModifier);
        type(dialog, QStringLiteral("pin"), QStringLiteral("1234"));
        QVERIFY(!message->isVisible());
        type(dialog, QStringLiteral("pinAgain"), QStringLiteral("1243"));
        click(dialog, QStringLiteral("okButton"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(message->text(), QStringLiteral("The two PINs differ: type the same PIN in both fields."));
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("pinAgain"))->text(), QString());
        QCOMPARE(rowCount(m_window->document()->library(), QStringLiteral("person")), 2);

        // Core's refusal shows in the same place: the initials are taken.
        QTest::keyClick(child<QLineEdit>(dialog, QStringLiteral("initials")), Qt::Key_A, Qt::ControlModifier);
        type(dialog, QStringLiteral("initials"), QStringLiteral("al"));
        type(dialog, QStringLiteral("pinAgain"), QStringLiteral("1234"));
        click(dialog, QStringLiteral("okButton"));
        QCOMPARE(message->text(), QStringLiteral("The initials ‘al’ already belong to Alice Example."));
        QCOMPARE(rowCount(m_window->document()->library(), QStringLiteral("person")), 2);
    }

    void aRetiredPersonIsListedAndCannotSign()
    {
        openWithPeople();
        PeopleWindow* people = showPeople();
        auto* table = child<QTableWidget>(people, QStringLiteral("peopleTable"));
        clickRow(table, QStringLiteral("AL"));
        click(people, QStringLiteral("retireButton"));
        auto* question = openDialog<QMessageBox>(people, QStringLiteral("retireQuestion"));
        QVERIFY(question);
        QVERIFY(question->text().contains(QStringLiteral("Retire Alice Example (AL)?")));
        click(question, QStringLiteral("retireConfirm"));

        Library& library = m_window->document()->library();
        STABLE_TRY_COMPARE(statusOf(table, QStringLiteral("AL")), QStringLiteral("retired"));
        QCOMPARE(statusOf(table, QStringLiteral("BO")), QStringLiteral("active"));
        auto signing = authenticate(library, QStringLiteral("AL"), QStringLiteral("1234"));
        QVERIFY(!signing.ok());
        QCOMPARE(signing.message(), QStringLiteral("Alice Example is retired and cannot sign."));
        clickRow(table, QStringLiteral("AL"));
        QVERIFY(!child<QPushButton>(people, QStringLiteral("retireButton"))->isEnabled());
        QVERIFY(!child<QPushButton>(people, QStringLiteral("changePinButton"))->isEnabled());

        // Who publishes: only Bob now.
        PublishDialog publish(*m_window->document(), m_streamId);
        auto* publisher = child<QComboBox>(&publish, QStringLiteral("publisher"));
        QCOMPARE(publisher->count(), 1);
        QVERIFY(publisher->itemText(0).contains(QStringLiteral("Bob Other")));
    }

    void fiveWrongPinsLockUntilAnotherPersonUnlocks()
    {
        openWithPeople();
        PeopleWindow* people = showPeople();
        auto* table = child<QTableWidget>(people, QStringLiteral("peopleTable"));
        clickRow(table, QStringLiteral("AL"));
        // Five wrong current PINs in Change My PIN count like five wrong signatures.
        for (int attempt = 1; attempt <= maxFailedPinAttempts; ++attempt) {
            click(people, QStringLiteral("changePinButton"));
            auto* dialog = openDialog<ChangePinDialog>(people, QStringLiteral("changePinDialog"));
            QVERIFY(dialog);
            type(dialog, QStringLiteral("oldPin"), QStringLiteral("0000"));
            type(dialog, QStringLiteral("newPin"), QStringLiteral("5555"));
            type(dialog, QStringLiteral("newPinAgain"), QStringLiteral("5555"));
            click(dialog, QStringLiteral("okButton"));
            auto* message = child<QLabel>(dialog, QStringLiteral("message"));
            if (attempt < maxFailedPinAttempts)
                QVERIFY2(message->text().contains(
                             QStringLiteral("Wrong PIN for Alice Example (%1 of 5").arg(attempt)),
                         qPrintable(message->text()));
            else
                QVERIFY2(message->text().contains(QStringLiteral("is now locked after 5 wrong PINs")),
                         qPrintable(message->text()));
            dialog->reject();
            QTest::qWait(0);
        }
        STABLE_TRY_COMPARE(statusOf(table, QStringLiteral("AL")),
                           QStringLiteral("locked after 5 wrong PINs"));
        clickRow(table, QStringLiteral("AL"));
        QVERIFY(!child<QPushButton>(people, QStringLiteral("changePinButton"))->isEnabled());

        click(people, QStringLiteral("unlockButton"));
        auto* unlock = openDialog<UnlockPersonDialog>(people, QStringLiteral("unlockPersonDialog"));
        QVERIFY(unlock);
        auto* by = child<QComboBox>(unlock, QStringLiteral("by"));
        QCOMPARE(by->count(), 1); // not Alice herself
        QCOMPARE(by->currentText(), QStringLiteral("Bob Other (BO)"));
        type(unlock, QStringLiteral("pin"), QStringLiteral("9999"));
        click(unlock, QStringLiteral("okButton"));
        QVERIFY2(child<QLabel>(unlock, QStringLiteral("message"))
                     ->text()
                     .contains(QStringLiteral("Wrong PIN for Bob Other")),
                 qPrintable(child<QLabel>(unlock, QStringLiteral("message"))->text()));
        QVERIFY(findPerson(m_window->document()->library(), QStringLiteral("AL"))->locked);
        type(unlock, QStringLiteral("pin"), QStringLiteral("1234"));
        click(unlock, QStringLiteral("okButton"));

        STABLE_TRY_COMPARE(statusOf(table, QStringLiteral("AL")), QStringLiteral("active"));
        QVERIFY(
            authenticate(m_window->document()->library(), QStringLiteral("AL"), QStringLiteral("1234")).ok());
    }

    void aPersonChangesTheirPinWithTheOldOneFirst()
    {
        openWithPeople();
        PeopleWindow* people = showPeople();
        clickRow(child<QTableWidget>(people, QStringLiteral("peopleTable")), QStringLiteral("BO"));
        click(people, QStringLiteral("changePinButton"));
        auto* dialog = openDialog<ChangePinDialog>(people, QStringLiteral("changePinDialog"));
        QVERIFY(dialog);
        auto* message = child<QLabel>(dialog, QStringLiteral("message"));
        type(dialog, QStringLiteral("oldPin"), QStringLiteral("1234"));
        type(dialog, QStringLiteral("newPin"), QStringLiteral("2468"));
        type(dialog, QStringLiteral("newPinAgain"), QStringLiteral("2486"));
        click(dialog, QStringLiteral("okButton"));
        QCOMPARE(message->text(),
                 QStringLiteral("The two new PINs differ: type the same PIN in both fields."));
        QCOMPARE(findPerson(m_window->document()->library(), QStringLiteral("BO"))->failedAttempts, 0);

        type(dialog, QStringLiteral("newPinAgain"), QStringLiteral("2468"));
        click(dialog, QStringLiteral("okButton"));
        STABLE_TRY_VERIFY(!dialog->isVisible());
        Library& library = m_window->document()->library();
        QVERIFY(!authenticate(library, QStringLiteral("BO"), QStringLiteral("1234")).ok());
        QVERIFY(authenticate(library, QStringLiteral("BO"), QStringLiteral("2468")).ok());
    }

private:
    // Tests hash PINs at the cheapest cost; the app's is tuned to take a noticeable moment.
    void fastPins() { m_window->document()->library().setPinCost(PinCost::minimal()); }

    // Alice Example (AL) and Bob Other (BO), both with PIN 1234, and the sample stream published.
    void openWithPeople()
    {
        m_lib = std::make_unique<TempLibrary>();
        m_streamId =
            publishSample(**m_lib, m_lib->signer(QStringLiteral("Alice Example"), QStringLiteral("AL")));
        m_lib->signer(QStringLiteral("Bob Other"), QStringLiteral("BO"));
        m_lib->close();
        QVERIFY(m_window->openLibrary(m_lib->path()).ok());
        fastPins();
    }

    PeopleWindow* showPeople()
    {
        auto* action = m_window->findChild<QAction*>(QStringLiteral("peopleAction"));
        if (!action || !action->isEnabled())
            return nullptr;
        action->trigger();
        return openDialog<PeopleWindow>(m_window.get(), QStringLiteral("peopleWindow"));
    }

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TempLibrary> m_lib;
    QString m_streamId;
};

QTEST_MAIN(TestPeopleWindow)
#include "tst_peoplewindow.moc"
