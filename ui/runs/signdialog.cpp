#include "runs/signdialog.h"

#include "document.h"
#include "people.h"
#include "plaintext.h"
#include "runs/runwording.h"
#include "runs/signaturewidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace stable {

SignDialog::SignDialog(Document& document, const Run& run, const RunItem& item, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_runId(run.id)
    , m_itemId(item.id)
    , m_person(new QComboBox(this))
    , m_pin(new QLineEdit(this))
    , m_outcome(new QComboBox(this))
    , m_meaning(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
    , m_evidence(new QLineEdit(this))
    , m_setDoneAt(new QCheckBox(tr("Done &earlier, at:"), this))
    , m_doneAt(new QDateTimeEdit(this))
    , m_message(makeRefusalLabel(this))
{
    setWindowTitle(tr("Sign %1").arg(item.ref()));
    m_person->setObjectName(QStringLiteral("person"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_outcome->setObjectName(QStringLiteral("outcome"));
    m_meaning->setObjectName(QStringLiteral("meaning"));
    m_note->setObjectName(QStringLiteral("note"));
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_setDoneAt->setObjectName(QStringLiteral("setDoneAt"));
    m_doneAt->setObjectName(QStringLiteral("doneAt"));

    auto* statement = new QLabel(this);
    statement->setObjectName(QStringLiteral("statement"));
    statement->setWordWrap(true);
    statement->setTextFormat(Qt::PlainText);
    QString about = tr("%1 — %2 (%3)").arg(item.stepName, item.statement, stageText(item.stage));
    if (item.critical)
        about += QLatin1Char('\n') + tr("Critical: two different people must sign this attempt.");
    if (item.attempt > 1)
        about += QLatin1Char('\n') + tr("This is attempt %1 (after a failure).").arg(item.attempt);
    statement->setText(about);

    fillPeople(m_person, document.library());
    // A critical item's second slot: who has signed this attempt already is named, and not offered again.
    auto* signedBy = plainLabel(new QLabel(this));
    signedBy->setObjectName(QStringLiteral("alreadySigned"));
    signedBy->setWordWrap(true);
    signedBy->hide();
    if (item.critical) {
        QStringList names;
        for (const Attestation& a : item.attestations) {
            if (a.voided || a.attempt != item.attempt)
                continue;
            names << tr("%1 (%2): %3, %4")
                         .arg(a.signerName, a.signerInitials, outcomeText(a.outcome).toLower(),
                              localTimeText(a.signedAt));
            const int index = m_person->findData(a.signerId);
            if (index >= 0)
                m_person->removeItem(index);
        }
        m_person->setCurrentIndex(-1);
        if (!names.isEmpty()) {
            signedBy->setText(tr("Already signed by %1. A different person signs the second slot.")
                                  .arg(names.join(tr("; "))));
            signedBy->show();
        }
    }
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setPlaceholderText(tr("The signer's PIN"));
    for (Outcome outcome : {Outcome::Pass, Outcome::Fail, Outcome::NotApplicable})
        m_outcome->addItem(outcomeText(outcome), static_cast<int>(outcome));
    for (Meaning meaning : {Meaning::Performed, Meaning::Verified})
        m_meaning->addItem(meaningText(meaning), static_cast<int>(meaning));
    m_note->setPlaceholderText(tr("Optional; required for “Not applicable”: the reason"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(80);
    m_evidence->setPlaceholderText(tr("A path or URL, e.g. https://ci.example.com/build/812"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browse"));
    connect(browse, &QPushButton::clicked, this, &SignDialog::browseEvidence);
    auto* evidenceRow = new QHBoxLayout;
    evidenceRow->addWidget(m_evidence, 1);
    evidenceRow->addWidget(browse);

    const QDateTime now = document.library().clock().now();
    m_doneAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_doneAt->setCalendarPopup(true);
    m_doneAt->setDateTime(now.toLocalTime());
    m_doneAt->setMaximumDateTime(now.toLocalTime());
    m_doneAt->setEnabled(false);
    m_doneAt->setAccessibleName(tr("Done at"));
    connect(m_setDoneAt, &QCheckBox::toggled, m_doneAt, &QWidget::setEnabled);
    auto* doneRow = new QHBoxLayout;
    doneRow->addWidget(m_setDoneAt);
    doneRow->addWidget(m_doneAt, 1);

    auto* form = new QFormLayout;
    form->addRow(tr("&Who:"), m_person);
    form->addRow(tr("P&IN:"), m_pin);
    form->addRow(tr("&Outcome:"), m_outcome);
    form->addRow(tr("&Meaning:"), m_meaning);
    form->addRow(tr("&Note:"), m_note);
    auto* evidenceLabel = new QLabel(tr("E&vidence:"), this);
    evidenceLabel->setBuddy(m_evidence); // the row is a layout: QFormLayout sets no buddy for it
    form->addRow(evidenceLabel, evidenceRow);
    form->addRow(QString(), doneRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_sign = buttons->addButton(tr("&Sign"), QDialogButtonBox::AcceptRole);
    m_sign->setObjectName(QStringLiteral("signButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignDialog::signNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(statement);
    layout->addWidget(signedBy);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

void SignDialog::setOutcome(Outcome outcome)
{
    m_outcome->setCurrentIndex(std::max(0, m_outcome->findData(static_cast<int>(outcome))));
}

void SignDialog::browseEvidence()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Evidence"), m_evidence->text());
    if (!file.isEmpty())
        m_evidence->setText(file);
}

void SignDialog::signNow()
{
    if (m_person->currentIndex() < 0) {
        showRefusal(m_message, tr("Choose who signs."));
        m_person->setFocus();
        return;
    }
    const auto outcome = static_cast<Outcome>(m_outcome->currentData().toInt());
    if (outcome == Outcome::NotApplicable && m_note->toPlainText().trimmed().isEmpty()) {
        showRefusal(m_message, tr("“Not applicable” needs a reason: write it in the note."));
        m_note->setFocus();
        return;
    }
    Library& library = m_document.library();
    auto signer = authenticate(library, m_person->currentData().toString(), m_pin->text());
    m_pin->clear();
    if (!signer.ok()) {
        showRefusal(m_message, signer.message());
        m_pin->setFocus();
        return;
    }
    SignRequest request;
    request.run = m_runId;
    request.item = m_itemId;
    request.outcome = outcome;
    request.meaning = static_cast<Meaning>(m_meaning->currentData().toInt());
    request.note = m_note->toPlainText();
    request.evidence = m_evidence->text();
    if (m_setDoneAt->isChecked())
        request.at = m_doneAt->dateTime().toUTC();
    auto attestation = sign(library, signer.value(), request);
    if (!attestation.ok()) {
        showRefusal(m_message, attestation.message());
        return;
    }
    m_signed = attestation.value();
    accept();
}

VoidDialog::VoidDialog(Document& document, const Run& run, const RunItem& item, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_runId(run.id)
    , m_attestation(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_person(new QComboBox(this))
    , m_pin(new QLineEdit(this))
    , m_message(makeRefusalLabel(this))
{
    setWindowTitle(tr("Void a Signature of %1").arg(item.ref()));
    m_attestation->setObjectName(QStringLiteral("attestation"));
    m_reason->setObjectName(QStringLiteral("reason"));
    m_person->setObjectName(QStringLiteral("person"));
    m_pin->setObjectName(QStringLiteral("pin"));
    for (const Attestation& a : item.attestations)
        if (!a.voided)
            m_attestation->addItem(tr("%1 — %2, %3, %4 (attempt %5)")
                                       .arg(a.signerName, outcomeText(a.outcome), meaningText(a.meaning),
                                            localTimeText(a.signedAt))
                                       .arg(a.attempt),
                                   a.id);
    m_attestation->setCurrentIndex(m_attestation->count() - 1); // the latest, the usual mistake
    m_reason->setPlaceholderText(tr("Why this signature does not stand, e.g. “signed the wrong item”"));
    fillPeople(m_person, document.library());
    m_person->setPlaceholderText(tr("Who voids"));
    m_pin->setEchoMode(QLineEdit::Password);

    auto* explanation = new QLabel(tr("The signature stays on record, struck through with your reason."), this);
    explanation->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Signature:"), m_attestation);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Who:"), m_person);
    form->addRow(tr("P&IN:"), m_pin);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* voidButton = buttons->addButton(tr("&Void"), QDialogButtonBox::AcceptRole);
    voidButton->setObjectName(QStringLiteral("voidButton"));
    voidButton->setEnabled(m_attestation->count() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &VoidDialog::voidNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

void VoidDialog::voidNow()
{
    if (m_reason->text().trimmed().isEmpty()) {
        showRefusal(m_message, tr("A void needs a reason."));
        m_reason->setFocus();
        return;
    }
    if (m_person->currentIndex() < 0) {
        showRefusal(m_message, tr("Choose who voids the signature."));
        m_person->setFocus();
        return;
    }
    Library& library = m_document.library();
    auto signer = authenticate(library, m_person->currentData().toString(), m_pin->text());
    m_pin->clear();
    if (!signer.ok()) {
        showRefusal(m_message, signer.message());
        m_pin->setFocus();
        return;
    }
    auto voided = voidAttestation(library, signer.value(), m_runId, m_attestation->currentData().toString(),
                                  m_reason->text());
    if (!voided.ok()) {
        showRefusal(m_message, voided.message());
        return;
    }
    accept();
}

} // namespace stable
