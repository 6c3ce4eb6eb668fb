#include "validationpanel.h"

#include "backgroundreader.h"
#include "document.h"
#include "library.h"
#include "plaintext.h"
#include "validation.h"
#include "wording.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stable {

namespace {

enum Role { EntityRole = Qt::UserRole, IdRole };

QString kindText(ValidationIssue::Kind kind)
{
    switch (kind) {
    case ValidationIssue::Kind::StepWithoutChecks:
        return ValidationPanel::tr("No checks");
    case ValidationIssue::Kind::StepWithoutInputs:
        return ValidationPanel::tr("No inputs");
    case ValidationIssue::Kind::StepWithoutOutputs:
        return ValidationPanel::tr("No outputs");
    case ValidationIssue::Kind::CriticalCheckUnguarded:
        return ValidationPanel::tr("Critical check unguarded");
    case ValidationIssue::Kind::StaleDraft:
        return ValidationPanel::tr("Stale draft");
    }
    return QString();
}

} // namespace

ValidationPanel::ValidationPanel(QWidget* parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_state(new QLabel(this))
    , m_reader(new BackgroundReader(this))
{
    connect(m_reader, &BackgroundReader::finished, this, [this](quint64, const QVariant& issues, const QString& error) {
        show(issues.value<QList<ValidationIssue>>(), error);
    });
    connect(m_reader, &BackgroundReader::busyChanged, this, [this](bool busy) { setProperty("busy", busy); });
    setObjectName(QStringLiteral("validationPanel"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Value stream"), tr("Issue"), tr("What to do")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAccessibleName(tr("Process issues"));
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    plainLabel(m_state);
    m_state->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_state);
    layout->addWidget(m_list, 1);
    layout->addStretch(0);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        emit issueActivated(item->data(0, EntityRole).toString(), item->data(0, IdRole).toString());
    });
    setDocument(nullptr);
}

bool ValidationPanel::isBusy() const
{
    return m_reader->isBusy();
}

void ValidationPanel::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &Document::changed, this, &ValidationPanel::refresh);
    reload();
}

void ValidationPanel::refresh(Changes what)
{
    if (what & (Change::Streams | Change::Drafts | Change::Revisions | Change::Settings | Change::External))
        reload();
}

void ValidationPanel::reload()
{
    if (!m_document) {
        m_reader->cancel();
        m_list->clear();
        m_list->setVisible(false);
        m_state->setText(tr("No library is open."));
        return;
    }
    // Every draft of a large library is read and compared with its revision: on the worker, so that
    // opening and editing never wait for it. The list shown stays until the new one arrives.
    if (m_list->topLevelItemCount() == 0)
        m_state->setText(tr("Checking the written processes…"));
    m_reader->request(m_document->path(), m_document->library().sharedClock(),
                      [](Library& library, QString& error) -> QVariant {
                          auto issues = validateLibrary(library);
                          if (!issues.ok()) {
                              error = issues.message();
                              return {};
                          }
                          return QVariant::fromValue(issues.value());
                      });
}

void ValidationPanel::show(const QList<ValidationIssue>& issues, const QString& error)
{
    // Keep the person's place: the issue they were on, when it is still there.
    QString current;
    if (QTreeWidgetItem* item = m_list->currentItem())
        current = item->data(0, IdRole).toString() + item->text(1);
    m_list->clear();
    // An empty table under "No issues" is only an empty pane: show the list when it has something.
    m_list->setVisible(!issues.isEmpty());
    if (!error.isEmpty()) {
        m_state->setText(error);
        return;
    }
    m_state->setText(
        issues.isEmpty()
            ? tr("No issues: every step has checks, inputs and outputs, every critical check says "
                 "what it guards against, and no draft has been left unpublished.")
            : counted(static_cast<int>(issues.size()),
                      tr("%1 issue weakens the written processes. Double-click it to go to it."),
                      tr("%1 issues weaken the written processes. Double-click one to go to it.")));
    for (const ValidationIssue& issue : issues) {
        auto* item = new QTreeWidgetItem(m_list, {issue.streamKey, kindText(issue.kind), issue.message});
        item->setData(0, EntityRole, issue.entity);
        item->setData(0, IdRole, issue.entityId);
        item->setToolTip(2, plainToolTip(issue.message));
        if (item->data(0, IdRole).toString() + item->text(1) == current)
            m_list->setCurrentItem(item);
    }
}

} // namespace stable
