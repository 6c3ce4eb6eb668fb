#include "persondialogs.h"

#include "document.h"
#include "people.h"
#include "plaintext.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace stable {

namespace {

QLineEdit* field(QWidget* parent, const QString& name)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    return edit;
}

QLineEdit* pinField(QWidget* parent, const QString& name)
{
    QLineEdit* edit = field(parent, name);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(64);
    return edit;
}

// The refusal under the form, in the words core gives it.
QLabel* messageLabel(QWidget* parent)
{
    QLabel* label = plainLabel(new QLabel(parent));
    label->setObjectName(QStringLiteral("message"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette red = label->palette();
    red.setColor(QPalette::WindowText, QColor(190, 30, 30));
    label->setPalette(red);
    label->hide();
    return label;
}

void showMessage(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QDialogButtonBox* buttons(QDialog* dialog, const QString& okText)
{
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    box->button(QDialogButtonBox::Ok)->setText(okText);
    box->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    QObject::connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return box;
}

// Hashing a PIN is slow on purpose; the cursor says the app is working.
struct BusyCursor
{
    BusyCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;
};

} // namespace

AddPersonDialog::AddPersonDialog(Document& document, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("addPersonDialog"));
    setWindowTitle(tr("Add a Person"));
    m_name = field(this, QStringLiteral("name"));
    m_initials = field(this, QStringLiteral("initials"));
    m_initials->setMaxLength(8);
    m_role = field(this, QStringLiteral("role"));
    m_role->setPlaceholderText(tr("e.g. Release engineer"));
    m_pin = pinField(this, QStringLiteral("pin"));
    m_pin->setPlaceholderText(tr("at least 4 characters"));
    m_pinAgain = pinField(this, QStringLiteral("pinAgain"));
    m_message = messageLabel(this);

    auto* intro = new QLabel(tr("The person types their own PIN: they give it with their initials whenever "
                                "they sign or publish. Nobody else can see it, and it cannot be read back."),
                             this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Initials:"), m_initials);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&PIN:"), m_pin);
    form->addRow(tr("PIN &again:"), m_pinAgain);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons(this, tr("Add Person")));
    connect(m_pin, &QLineEdit::textChanged, this, &AddPersonDialog::showPinCharacters);
    resize(440, sizeHint().height());
}

void AddPersonDialog::showPinCharacters()
{
    const QString pin = m_pin->text();
    const Status characters = pin.isEmpty() ? success() : checkPinCharacters(pin);
    showMessage(m_message, characters.ok() ? QString() : characters.message());
}

void AddPersonDialog::accept()
{
    if (m_pin->text() != m_pinAgain->text()) {
        showMessage(m_message, tr("The two PINs differ: type the same PIN in both fields."));
        m_pinAgain->clear();
        m_pinAgain->setFocus();
        return;
    }
    NewPerson person{m_name->text(), m_initials->text(), m_role->text(), m_pin->text()};
    Result<Person> added = [&] {
        BusyCursor busy;
        return stable::addPerson(m_document.library(), person);
    }();
    if (!added.ok()) {
        showMessage(m_message, added.message());
        return;
    }
    m_addedId = added->id;
    QDialog::accept();
}

UnlockPersonDialog::UnlockPersonDialog(Document& document, const QString& personId, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_personId(personId)
{
    setObjectName(QStringLiteral("unlockPersonDialog"));
    setWindowTitle(tr("Unlock a Person"));
    auto locked = findPerson(document.library(), personId);
    m_by = new QComboBox(this);
    m_by->setObjectName(QStringLiteral("by"));
    auto people = listPeople(document.library());
    if (people.ok())
        for (const Person& person : people.value())
            if (person.id != personId && !person.locked)
                m_by->addItem(tr("%1 (%2)").arg(person.name, person.initials), person.id);
    m_by->setCurrentIndex(m_by->count() == 1 ? 0 : -1);
    m_by->setPlaceholderText(tr("Who unlocks"));
    m_pin = pinField(this, QStringLiteral("pin"));
    m_message = messageLabel(this);

    QLabel* intro = plainLabel(new QLabel(
        tr("%1 is locked after %2 wrong PINs. Another person confirms the unlock with their own PIN.")
            .arg(locked.ok() ? locked->name : personId)
            .arg(maxFailedPinAttempts),
        this));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Unlocked by:"), m_by);
    form->addRow(tr("Their &PIN:"), m_pin);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons(this, tr("Unlock")));
    if (m_by->count() == 0)
        showMessage(m_message,
                    tr("Nobody else can unlock: add another person first (Add… in the People window)."));
    resize(440, sizeHint().height());
}

void UnlockPersonDialog::accept()
{
    const QString by = m_by->currentData().toString();
    if (by.isEmpty()) {
        showMessage(m_message, tr("Choose who unlocks: another person, with their own PIN."));
        return;
    }
    BusyCursor busy;
    auto signer = authenticate(m_document.library(), by, m_pin->text());
    m_pin->clear();
    if (!signer.ok()) {
        showMessage(m_message, signer.message());
        return;
    }
    const Status unlocked = unlockPerson(m_document.library(), m_personId, signer.value());
    if (!unlocked.ok()) {
        showMessage(m_message, unlocked.message());
        return;
    }
    QDialog::accept();
}

ChangePinDialog::ChangePinDialog(Document& document, const QString& personId, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_personId(personId)
{
    setObjectName(QStringLiteral("changePinDialog"));
    setWindowTitle(tr("Change My PIN"));
    auto person = findPerson(document.library(), personId);
    m_oldPin = pinField(this, QStringLiteral("oldPin"));
    m_newPin = pinField(this, QStringLiteral("newPin"));
    m_newPin->setPlaceholderText(tr("at least 4 characters"));
    m_newPinAgain = pinField(this, QStringLiteral("newPinAgain"));
    m_message = messageLabel(this);
    QLabel* intro = plainLabel(
        new QLabel(tr("%1 changes their own PIN: the current PIN first, then the new one twice.")
                       .arg(person.ok() ? tr("%1 (%2)").arg(person->name, person->initials) : personId),
                   this));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Current PIN:"), m_oldPin);
    form->addRow(tr("&New PIN:"), m_newPin);
    form->addRow(tr("New PIN &again:"), m_newPinAgain);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons(this, tr("Change PIN")));
    connect(m_newPin, &QLineEdit::textChanged, this, [this](const QString& pin) {
        const Status characters = pin.isEmpty() ? success() : checkPinCharacters(pin);
        showMessage(m_message, characters.ok() ? QString() : characters.message());
    });
    resize(440, sizeHint().height());
}

void ChangePinDialog::accept()
{
    if (m_newPin->text() != m_newPinAgain->text()) {
        showMessage(m_message, tr("The two new PINs differ: type the same PIN in both fields."));
        m_newPinAgain->clear();
        m_newPinAgain->setFocus();
        return;
    }
    BusyCursor busy;
    const Status changed = changePin(m_document.library(), m_personId, m_oldPin->text(), m_newPin->text());
    m_oldPin->clear();
    if (!changed.ok()) {
        showMessage(m_message, changed.message());
        return;
    }
    QDialog::accept();
}

} // namespace stable
