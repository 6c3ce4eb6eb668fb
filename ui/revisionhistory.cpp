#include "revisionhistory.h"

#include "clock.h"
#include "diffhtml.h"
#include "document.h"
#include "plaintext.h"
#include "revisiondiff.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace stable {

void RevisionListModel::setRevisions(QList<Revision> revisions)
{
    beginResetModel();
    m_revisions = std::move(revisions);
    endResetModel();
}

int RevisionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_revisions.size());
}

int RevisionListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Revision& revision = m_revisions.at(index.row());
    const auto moment = parseIsoMoment(revision.publishedAt);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Number:
            return revision.number;
        case PublishedLocal:
            return moment ? QLocale().toString(moment->toLocalTime(), QLocale::ShortFormat)
                          : revision.publishedAt;
        case PublishedUtc:
            return moment ? moment->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                          : revision.publishedAt;
        case Publisher:
            return revision.publisherName;
        case Reason:
            return revision.reason;
        case Answers:
            return revision.answers.join(QStringLiteral(", "));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Reason)
        return plainToolTip(revision.reason);
    if (role == Qt::TextAlignmentRole && index.column() == Number)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RevisionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("Revision");
    case PublishedLocal:
        return tr("Published");
    case PublishedUtc:
        return tr("Published (UTC)");
    case Publisher:
        return tr("By");
    case Reason:
        return tr("Reason");
    case Answers:
        return tr("Answers");
    default:
        return {};
    }
}

RevisionHistoryDialog::RevisionHistoryDialog(Document& document, const QString& streamId, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_stream(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_model(new RevisionListModel(this))
    , m_older(new QComboBox(this))
    , m_newer(new QComboBox(this))
    , m_comparison(new QTextBrowser(this))
{
    setWindowTitle(tr("Revision History"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RevisionListModel::Reason, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Revisions"));
    m_older->setAccessibleName(tr("Older version"));
    m_newer->setAccessibleName(tr("Newer version"));
    m_comparison->setAccessibleName(tr("Comparison"));

    auto* streamLabel = new QLabel(tr("&Value stream:"), this);
    streamLabel->setBuddy(m_stream);
    auto* top = new QHBoxLayout;
    top->addWidget(streamLabel);
    top->addWidget(m_stream, 1);

    auto* compareLabel = new QLabel(tr("&Compare"), this);
    compareLabel->setBuddy(m_older);
    auto* compareRow = new QHBoxLayout;
    compareRow->addWidget(compareLabel);
    compareRow->addWidget(m_older, 1);
    compareRow->addWidget(new QLabel(tr("with"), this));
    compareRow->addWidget(m_newer, 1);
    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(compareRow);
    lowerLayout->addWidget(m_comparison, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    auto streams = listStreamNames(document.library());
    if (streams.ok())
        for (const StreamSummary& stream : streams.value())
            m_stream->addItem(stream.name, stream.id);
    if (const int index = m_stream->findData(streamId); index >= 0)
        m_stream->setCurrentIndex(index);
    connect(m_stream, &QComboBox::currentIndexChanged, this, &RevisionHistoryDialog::loadStream);
    connect(m_older, &QComboBox::currentIndexChanged, this, &RevisionHistoryDialog::showComparison);
    connect(m_newer, &QComboBox::currentIndexChanged, this, &RevisionHistoryDialog::showComparison);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                // Picking a revision compares it with the one before it.
                if (!current.isValid())
                    return;
                const int number = m_model->revision(current.row()).number;
                compare(std::max(number - 1, 1), number == 1 ? 0 : number);
            });
    loadStream();
    resize(1000, 720);
}

void RevisionHistoryDialog::loadStream()
{
    const QString streamId = m_stream->currentData().toString();
    auto revisions = listRevisions(m_document.library(), streamId);
    m_model->setRevisions(revisions.ok() ? revisions.value() : QList<Revision>{});
    {
        const QSignalBlocker olderBlocker(m_older);
        const QSignalBlocker newerBlocker(m_newer);
        m_older->clear();
        m_newer->clear();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const Revision& revision = m_model->revision(row);
            const QString label = tr("Revision %1 — %2").arg(revision.number).arg(revision.reason);
            m_older->addItem(label, revision.number);
            m_newer->addItem(label, revision.number);
        }
        m_newer->addItem(tr("Draft (not published)"), 0);
    }
    const int count = m_model->rowCount();
    if (count == 0) {
        m_comparison->setHtml(tr("<p><i>‘%1’ has no published revision yet.</i></p>")
                                  .arg(m_stream->currentText().toHtmlEscaped()));
        m_older->setEnabled(false);
        return;
    }
    m_older->setEnabled(true);
    // The latest change first: the last two revisions, or the only one against the draft.
    if (count >= 2)
        compare(m_model->revision(count - 2).number, m_model->revision(count - 1).number);
    else
        compare(m_model->revision(0).number, 0);
}

void RevisionHistoryDialog::compare(int olderNumber, int newerNumber)
{
    const QSignalBlocker olderBlocker(m_older);
    const QSignalBlocker newerBlocker(m_newer);
    m_older->setCurrentIndex(m_older->findData(olderNumber));
    m_newer->setCurrentIndex(m_newer->findData(newerNumber));
    showComparison();
}

QString RevisionHistoryDialog::comparisonHtml() const
{
    return m_comparison->toHtml();
}

void RevisionHistoryDialog::showComparison()
{
    if (m_older->currentIndex() < 0 || m_newer->currentIndex() < 0)
        return;
    const int olderNumber = m_older->currentData().toInt();
    const int newerNumber = m_newer->currentData().toInt();
    ValueStream older;
    ValueStream newer;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->revision(row).number == olderNumber)
            older = m_model->revision(row).snapshot;
        if (m_model->revision(row).number == newerNumber)
            newer = m_model->revision(row).snapshot;
    }
    if (newerNumber == 0) {
        auto draft = loadDraft(m_document.library(), m_stream->currentData().toString());
        if (!draft.ok()) {
            m_comparison->setPlainText(draft.message());
            return;
        }
        newer = draft.value();
    }
    const StreamDiff diff = compareStreams(older, newer);
    m_comparison->setHtml(streamDiffHtml(diff, tr("Revision %1").arg(olderNumber),
                                         newerNumber == 0 ? tr("Draft") : tr("Revision %1").arg(newerNumber),
                                         palette()));
}

} // namespace stable
