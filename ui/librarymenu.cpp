#include "librarymenu.h"

#include "document.h"
#include "librarysettingsdialog.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "people.h"
#include "peoplewindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>

namespace stable {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("LibraryMenu", text);
}

QString firstPersonText()
{
    return tr("Nobody in this library can sign or publish yet. Add yourself as the first person: your name, "
              "initials and a PIN of your own.");
}

bool hasNobody(Document& document)
{
    auto people = listPeople(document.library(), true);
    return people.ok() && people->isEmpty();
}

// One People window per main window; it goes with the document it shows.
class LibraryMenu final : public QObject
{
public:
    explicit LibraryMenu(MainWindow& window)
        : QObject(&window)
        , m_window(window)
    {
        auto* menu = new QMenu(tr("&Library"), &window);
        menu->setObjectName(QStringLiteral("libraryMenu"));
        m_people = menu->addAction(tr("&People…"), this, [this] { showPeople(); });
        m_people->setObjectName(QStringLiteral("peopleAction"));
        m_people->setToolTip(tr("Who signs and publishes: add, retire, unlock, change a PIN"));
        m_addPerson = menu->addAction(tr("&Add a Person…"), this, [this] { showPeople(true); });
        m_addPerson->setObjectName(QStringLiteral("addPersonAction"));
        m_addPerson->setToolTip(tr("Add someone who signs and publishes, with a PIN they type themselves"));
        m_settings = menu->addAction(tr("Library &Settings…"), this, [this] { showSettings(); });
        m_settings->setObjectName(QStringLiteral("librarySettingsAction"));
        m_settings->setToolTip(tr("Team hours, the hourly rate and its currency, the alert thresholds"));
        window.menuBar()->insertMenu(window.viewMenu()->menuAction(), menu);
        connect(&window, &MainWindow::documentChanged, this,
                [this](Document* document) { attach(document); });
        attach(window.document());
    }

    void showPeople(bool addFirst = false)
    {
        Document* document = m_window.document();
        if (!document)
            return;
        if (!m_peopleWindow) {
            m_peopleWindow = new PeopleWindow(*document, &m_window);
            m_peopleWindow->setAttribute(Qt::WA_DeleteOnClose);
        }
        m_peopleWindow->show();
        m_peopleWindow->raise();
        m_peopleWindow->activateWindow();
        if (addFirst)
            m_peopleWindow->addPerson();
    }

    void showSettings()
    {
        Document* document = m_window.document();
        if (!document)
            return;
        auto* dialog = new LibrarySettingsDialog(*document, &m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    }

private:
    void attach(Document* document)
    {
        delete m_peopleWindow; // it holds the document that closed
        m_people->setEnabled(document != nullptr);
        m_addPerson->setEnabled(document != nullptr && !document->library().isReadOnly());
        m_settings->setEnabled(document != nullptr);
        if (!document)
            return;
        connect(document, &Document::changed, this, [this, document](Changes what) {
            if ((what & (Change::People | Change::External)) && !hasNobody(*document) &&
                m_window.banner()->text() == firstPersonText())
                m_window.banner()->hide();
        });
        if (!document->library().isReadOnly() && hasNobody(*document))
            m_window.banner()->showMessage(firstPersonText(), tr("Add Yourself…"),
                                           [this] { showPeople(true); });
    }

    MainWindow& m_window;
    QAction* m_people = nullptr;
    QAction* m_addPerson = nullptr;
    QAction* m_settings = nullptr;
    QPointer<PeopleWindow> m_peopleWindow;
};

} // namespace

void installLibraryMenu(MainWindow& window)
{
    new LibraryMenu(window);
}

} // namespace stable
