#include "runs/startrundialog.h"

#include "document.h"
#include "process.h"
#include "revisions.h"
#include "runs.h"
#include "runs/runwording.h"
#include "runs/signaturewidgets.h"

#include <QComboBox>
#include <algorithm>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace stable {

StartRunDialog::StartRunDialog(Document& document, const QString& streamId, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_stream(new QComboBox(this))
    , m_revision(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_plannedStart(new QDateTimeEdit(this))
    , m_rollbackPoint(new QDateTimeEdit(this))
    , m_message(makeRefusalLabel(this))
{
    setWindowTitle(tr("Start Run"));
    m_stream->setObjectName(QStringLiteral("stream"));
    m_revision->setObjectName(QStringLiteral("revision"));
    m_title->setObjectName(QStringLiteral("title"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_plannedStart->setObjectName(QStringLiteral("plannedStart"));
    m_rollbackPoint->setObjectName(QStringLiteral("rollbackPoint"));
    m_title->setPlaceholderText(tr("e.g. Release 4.2.0"));
    for (RunKind kind : {RunKind::Release, RunKind::Plan, RunKind::Routine})
        m_kind->addItem(runKindText(kind), static_cast<int>(kind));
    const QDateTime now = document.library().clock().now().toLocalTime();
    for (QDateTimeEdit* edit : {m_plannedStart, m_rollbackPoint}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_plannedStart->setDateTime(now);
    m_rollbackPoint->setDateTime(now.addSecs(2 * 3600));

    auto* form = new QFormLayout;
    form->addRow(tr("&Value stream:"), m_stream);
    form->addRow(tr("&Revision:"), m_revision);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Planned start:"), m_plannedStart);
    form->addRow(tr("R&ollback point:"), m_rollbackPoint);
    auto* hint = new QLabel(tr("An execution plan has a planned start and a rollback point: past it with "
                               "items open, the run is flagged."),
                            this);
    hint->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("&Start Run"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &StartRunDialog::startNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);

    auto streams = listStreamNames(document.library());
    if (streams.ok())
        for (const StreamSummary& stream : streams.value())
            m_stream->addItem(tr("%1 (%2)").arg(stream.name, stream.key), stream.id);
    const int index = m_stream->findData(streamId);
    if (index >= 0)
        m_stream->setCurrentIndex(index);
    connect(m_stream, &QComboBox::currentIndexChanged, this, &StartRunDialog::loadRevisions);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &StartRunDialog::kindChanged);
    loadRevisions();
    kindChanged();
    resize(520, sizeHint().height());
}

void StartRunDialog::showMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void StartRunDialog::loadRevisions()
{
    m_revision->clear();
    showMessage({});
    const QString streamId = m_stream->currentData().toString();
    auto revisions = listRevisions(m_document.library(), streamId);
    if (revisions.ok()) {
        QList<Revision> newestFirst = revisions.value();
        std::sort(newestFirst.begin(), newestFirst.end(),
                  [](const Revision& a, const Revision& b) { return a.number > b.number; });
        for (const Revision& revision : std::as_const(newestFirst))
            m_revision->addItem(revision.number == newestFirst.first().number
                                    ? tr("Revision %1 (latest): %2").arg(revision.number).arg(revision.reason)
                                    : tr("Revision %1: %2").arg(revision.number).arg(revision.reason),
                                revision.number);
    }
    const bool published = m_revision->count() > 0;
    m_start->setEnabled(published);
    if (!published && m_stream->count() > 0)
        showMessage(tr("‘%1’ has no published revision yet: publish it (Process ▸ Publish Revision…) before "
                       "starting a run.")
                        .arg(m_stream->currentText()));
    else if (m_stream->count() == 0)
        showMessage(tr("This library has no value streams yet."));
}

void StartRunDialog::kindChanged()
{
    const bool plan = static_cast<RunKind>(m_kind->currentData().toInt()) == RunKind::Plan;
    m_plannedStart->setEnabled(plan);
    m_rollbackPoint->setEnabled(plan);
}

void StartRunDialog::startNow()
{
    if (m_revision->count() == 0)
        return;
    StartRun request;
    request.stream = m_stream->currentData().toString();
    request.revision = m_revision->currentData().toInt();
    request.title = m_title->text();
    request.kind = static_cast<RunKind>(m_kind->currentData().toInt());
    if (request.kind == RunKind::Plan) {
        request.plannedStart = m_plannedStart->dateTime().toUTC();
        request.rollbackPoint = m_rollbackPoint->dateTime().toUTC();
    }
    auto run = startRun(m_document.library(), request);
    if (!run.ok()) {
        showMessage(run.message());
        m_title->setFocus();
        return;
    }
    m_started = run->id;
    accept();
}

} // namespace stable
