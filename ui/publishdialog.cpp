#include "publishdialog.h"

#include "diffhtml.h"
#include "document.h"
#include "incidents.h"
#include "people.h"
#include "plaintext.h"
#include "refusal.h"
#include "revisiondiff.h"
#include "revisions.h"
#include "wording.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace stable {

PublishDialog::PublishDialog(Document& document, const QString& streamId, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_stream(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_changes(new QTextBrowser(this))
    , m_reason(new QLineEdit(this))
    , m_answers(new QListWidget(this))
    , m_publisher(new QComboBox(this))
    , m_pin(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Publish Revision"));
    m_stream->setObjectName(QStringLiteral("stream"));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_changes->setObjectName(QStringLiteral("changes"));
    m_reason->setObjectName(QStringLiteral("reason"));
    m_answers->setObjectName(QStringLiteral("answers"));
    m_publisher->setObjectName(QStringLiteral("publisher"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_message->setObjectName(QStringLiteral("message"));

    plainLabel(m_summary);
    m_summary->setWordWrap(true);
    m_changes->setAccessibleName(tr("What changed since the latest revision"));
    m_changes->setMinimumHeight(200);
    m_reason->setPlaceholderText(
        tr("What changed and why, e.g. “Check GO at the end of every procedure (INC-7)”"));
    m_answers->setAccessibleName(tr("Incidents this revision answers"));
    m_answers->setMaximumHeight(90);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setPlaceholderText(tr("The publisher's PIN"));
    styleAsRefusal(m_message);

    auto* form = new QFormLayout;
    form->addRow(tr("&Value stream:"), m_stream);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Answers incidents:"), m_answers);
    form->addRow(tr("Pu&blisher:"), m_publisher);
    form->addRow(tr("P&IN:"), m_pin);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_publish = buttons->addButton(tr("&Publish"), QDialogButtonBox::AcceptRole);
    m_publish->setObjectName(QStringLiteral("publishButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PublishDialog::publishNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    auto* changesTitle = new QLabel(tr("What changed:"), this);
    changesTitle->setBuddy(m_changes);
    layout->addWidget(changesTitle);
    layout->addWidget(m_summary);
    layout->addWidget(m_changes, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    auto streams = listStreamNames(document.library());
    if (streams.ok())
        for (const StreamSummary& stream : streams.value())
            m_stream->addItem(stream.name, stream.id);
    const int index = m_stream->findData(streamId);
    if (index >= 0)
        m_stream->setCurrentIndex(index);
    auto people = listPeople(document.library());
    if (people.ok())
        for (const Person& person : people.value())
            m_publisher->addItem(tr("%1 (%2)").arg(person.name, person.initials), person.id);
    m_publisher->setCurrentIndex(-1);
    m_publisher->setPlaceholderText(tr("Who publishes"));

    connect(m_stream, &QComboBox::currentIndexChanged, this, &PublishDialog::loadStream);
    loadStream();
    resize(820, 640);
}

QString PublishDialog::streamId() const
{
    return m_stream->currentData().toString();
}

void PublishDialog::tickAnswers(const QStringList& incidentKeys)
{
    for (int i = 0; i < m_answers->count(); ++i) {
        QListWidgetItem* item = m_answers->item(i);
        if (incidentKeys.contains(item->data(Qt::UserRole).toString()))
            item->setCheckState(Qt::Checked);
    }
}

void PublishDialog::loadStream()
{
    m_answers->clear();
    m_changes->clear();
    m_message->hide();
    Library& library = m_document.library();
    auto draft = loadDraft(library, streamId());
    if (!draft.ok()) {
        m_summary->setText(draft.message());
        return;
    }
    auto latest = loadRevision(library, streamId());
    if (latest.ok()) {
        const StreamDiff diff = compareStreams(latest->snapshot, draft.value());
        m_summary->setText(
            diff.isEmpty() ? tr("The draft is the same as revision %1: there is nothing new to publish.")
                                 .arg(latest->number)
                           : tr("Since revision %1: %2.").arg(latest->number).arg(streamDiffSummary(diff)));
        m_changes->setHtml(
            streamDiffHtml(diff, tr("Revision %1").arg(latest->number), tr("Draft"), palette()));
    } else {
        int checks = 0;
        for (const Step& step : draft->steps)
            checks += static_cast<int>(step.checks.size());
        m_summary->setText(
            tr("This will be the first revision of ‘%1’: %2, %3.")
                .arg(draft->name,
                     counted(static_cast<int>(draft->steps.size()), tr("%1 step"), tr("%1 steps")),
                     counted(checks, tr("%1 check"), tr("%1 checks"))));
        const StreamDiff everything = compareStreams(ValueStream{}, draft.value());
        m_changes->setHtml(streamDiffHtml(everything, tr("Nothing published"), tr("Draft"), palette()));
    }

    auto incidents = listIncidents(library, IncidentFilter{streamId(), std::nullopt});
    if (incidents.ok())
        for (const Incident& incident : incidents.value()) {
            if (incident.status != IncidentStatus::Open && incident.status != IncidentStatus::Analysed)
                continue;
            auto* item = new QListWidgetItem(
                tr("%1 — %2 (%3)").arg(incident.key(), incident.title, toText(incident.status)), m_answers);
            item->setData(Qt::UserRole, incident.key());
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    if (m_answers->count() == 0) {
        auto* none =
            new QListWidgetItem(tr("No open or analysed incidents in this value stream."), m_answers);
        none->setFlags(Qt::NoItemFlags);
    }
}

void PublishDialog::showRefusal(const QString& message)
{
    m_message->setText(message);
    m_message->show();
}

void PublishDialog::publishNow()
{
    if (m_publisher->currentIndex() < 0) {
        showRefusal(tr("Choose who publishes this revision."));
        m_publisher->setFocus();
        return;
    }
    if (m_reason->text().trimmed().isEmpty()) {
        showRefusal(tr("A revision needs a reason: say what changed and why."));
        m_reason->setFocus();
        return;
    }
    QStringList answers;
    for (int i = 0; i < m_answers->count(); ++i)
        if (m_answers->item(i)->checkState() == Qt::Checked)
            answers.append(m_answers->item(i)->data(Qt::UserRole).toString());

    Library& library = m_document.library();
    auto signer = authenticate(library, m_publisher->currentData().toString(), m_pin->text());
    m_pin->clear();
    if (!signer.ok()) {
        showRefusal(signer.message());
        m_pin->setFocus();
        return;
    }
    auto revision =
        publish(library, signer.value(), PublishRequest{streamId(), m_reason->text().trimmed(), answers});
    if (!revision.ok()) {
        showRefusal(revision.message());
        return;
    }
    m_published = revision->number;
    accept();
}

} // namespace stable
