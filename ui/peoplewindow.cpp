#include "peoplewindow.h"

#include "document.h"
#include "people.h"
#include "persondialogs.h"
#include "plaintext.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace stable {

namespace {

constexpr int idRole = Qt::UserRole + 1;
constexpr int activeRole = Qt::UserRole + 2;
constexpr int lockedRole = Qt::UserRole + 3;

QString statusText(const Person& person)
{
    if (!person.active)
        return PeopleWindow::tr("retired");
    if (person.locked)
        return PeopleWindow::tr("locked after %1 wrong PINs").arg(maxFailedPinAttempts);
    return PeopleWindow::tr("active");
}

} // namespace

PeopleWindow::PeopleWindow(Document& document, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("peopleWindow"));
    setWindowTitle(tr("People — %1").arg(document.title()));
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("peopleTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Initials"), tr("Role"), tr("Status")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("People"));
    m_table->setWordWrap(false);

    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_add->setToolTip(tr("Add a person who signs and publishes; they type their own PIN"));
    m_retire = new QPushButton(tr("&Retire…"), this);
    m_retire->setObjectName(QStringLiteral("retireButton"));
    m_retire->setToolTip(tr("The person stays in the history with their signatures, and can no longer sign"));
    m_unlock = new QPushButton(tr("&Unlock…"), this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setToolTip(tr("Unlock a person after %1 wrong PINs; another person confirms with their PIN")
                             .arg(maxFailedPinAttempts));
    m_changePin = new QPushButton(tr("Change My &PIN…"), this);
    m_changePin->setObjectName(QStringLiteral("changePinButton"));
    m_changePin->setToolTip(tr("The selected person changes their own PIN, the current one first"));
    m_message = plainLabel(new QLabel(this));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* side = new QVBoxLayout;
    for (QPushButton* button : {m_add, m_retire, m_unlock, m_changePin})
        side->addWidget(button);
    side->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addWidget(m_table, 1);
    top->addLayout(side);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_message);
    layout->addWidget(close);

    connect(m_add, &QPushButton::clicked, this, &PeopleWindow::addPerson);
    connect(m_retire, &QPushButton::clicked, this, &PeopleWindow::retireSelected);
    connect(m_unlock, &QPushButton::clicked, this, &PeopleWindow::unlockSelected);
    connect(m_changePin, &QPushButton::clicked, this, &PeopleWindow::changeSelectedPin);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PeopleWindow::updateButtons);
    connect(&m_document, &Document::changed, this, [this](Changes what) {
        if (what & (Change::People | Change::External))
            reload();
    });
    reload();
    resize(720, 420);
}

void PeopleWindow::reload()
{
    const QString selected = selectedId();
    m_table->setRowCount(0);
    auto people = listPeople(m_document.library(), true);
    if (!people.ok()) {
        showRefusal(people.message());
        return;
    }
    // Who can sign first, then the retired: the history keeps them, the list shows them last.
    QList<Person> ordered = people.value();
    std::stable_partition(ordered.begin(), ordered.end(), [](const Person& person) { return person.active; });
    for (const Person& person : std::as_const(ordered)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{person.name, person.initials, person.role, statusText(person)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setData(idRole, person.id);
            item->setData(activeRole, person.active);
            item->setData(lockedRole, person.locked);
            if (!person.active)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    select(selected);
    updateButtons();
}

QString PeopleWindow::selectedId() const
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(idRole).toString();
}

void PeopleWindow::select(const QString& personId)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->data(idRole).toString() == personId) {
            m_table->selectRow(row);
            return;
        }
}

void PeopleWindow::updateButtons()
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    const bool any = !items.isEmpty();
    const bool active = any && items.first()->data(activeRole).toBool();
    const bool locked = any && items.first()->data(lockedRole).toBool();
    m_retire->setEnabled(active);
    m_unlock->setEnabled(active && locked);
    m_changePin->setEnabled(active && !locked);
    const bool readOnly = m_document.library().isReadOnly();
    for (QPushButton* button : {m_add, m_retire, m_unlock, m_changePin})
        if (readOnly)
            button->setEnabled(false);
}

void PeopleWindow::showRefusal(const QString& message)
{
    m_message->setText(message);
}

void PeopleWindow::addPerson()
{
    auto* dialog = new AddPersonDialog(m_document, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        select(dialog->addedId());
        m_message->setText(tr("Added. They can now sign checklists and publish revisions."));
    });
    dialog->open();
}

void PeopleWindow::retireSelected()
{
    const QString id = selectedId();
    auto person = findPerson(m_document.library(), id);
    if (!person.ok()) {
        showRefusal(tr("Choose the person to retire in the list first."));
        return;
    }
    auto* question = new QMessageBox(QMessageBox::Question, tr("Retire %1?").arg(person->name),
                                     tr("Retire %1 (%2)? They stay in the library's history with every "
                                        "signature they gave, and can no longer sign or publish. This cannot "
                                        "be undone.")
                                         .arg(person->name, person->initials),
                                     QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("retireQuestion"));
    question->setTextFormat(Qt::PlainText); // a name is user text, never markup
    QPushButton* retire = question->addButton(tr("Retire"), QMessageBox::AcceptRole);
    retire->setObjectName(QStringLiteral("retireConfirm"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, retire, id] {
        if (question->clickedButton() != retire)
            return;
        const Status done = retirePerson(m_document.library(), id);
        showRefusal(done.ok() ? tr("Retired: kept in the history, can no longer sign.") : done.message());
    });
    question->open();
}

void PeopleWindow::unlockSelected()
{
    const QString id = selectedId();
    if (id.isEmpty()) {
        showRefusal(tr("Choose the locked person in the list first."));
        return;
    }
    auto* dialog = new UnlockPersonDialog(m_document, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this] { m_message->setText(tr("Unlocked: they can sign again.")); });
    dialog->open();
}

void PeopleWindow::changeSelectedPin()
{
    const QString id = selectedId();
    if (id.isEmpty()) {
        showRefusal(tr("Choose yourself in the list first."));
        return;
    }
    auto* dialog = new ChangePinDialog(m_document, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { m_message->setText(tr("PIN changed.")); });
    dialog->open();
}

} // namespace stable
