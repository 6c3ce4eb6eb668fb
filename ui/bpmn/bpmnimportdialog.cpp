#include "bpmnimportdialog.h"

#include "bpmn.h"
#include "document.h"
#include "plaintext.h"
#include "refusal.h"
#include "wording.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stable {

namespace {

enum Column { NameColumn, KeyColumn, RoleColumn, NoteColumn };

// Only a stream's key is edited here; steps get their keys from their names.
class StreamKeyDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override
    {
        if (index.column() != KeyColumn || index.parent().isValid())
            return nullptr;
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
};

} // namespace

BpmnImportDialog::BpmnImportDialog(Document& document, const QString& fileName, QList<ValueStream> streams,
                                   QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_fileName(fileName)
    , m_streams(std::move(streams))
    , m_tree(new QTreeWidget(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Import BPMN Model"));
    if (auto existing = listStreamNames(document.library()); existing.ok())
        for (const StreamSummary& stream : existing.value())
            m_takenKeys.append(stream.key);

    int steps = 0;
    for (const ValueStream& stream : std::as_const(m_streams))
        steps += static_cast<int>(stream.steps.size());
    auto* intro = new QLabel(
        tr("‘%1’ becomes %2 with %3. Double-click a value stream's key to change it; a value stream "
           "whose key the library has already gets its draft updated.")
            .arg(fileName,
                 counted(static_cast<int>(m_streams.size()), tr("%1 value stream"), tr("%1 value streams")),
                 counted(steps, tr("%1 step"), tr("%1 steps"))),
        this);
    intro->setWordWrap(true);

    m_tree->setObjectName(QStringLiteral("bpmnPreview"));
    m_tree->setAccessibleName(tr("Value streams and steps to import"));
    m_tree->setHeaderLabels({tr("Name"), tr("Key"), tr("Owner role"), tr("Import as")});
    m_tree->setItemDelegate(new StreamKeyDelegate(m_tree));
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    fillTree();
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        const int index = m_tree->indexOfTopLevelItem(item);
        if (column != KeyColumn || index < 0)
            return;
        m_streams[index].key = item->text(KeyColumn).trimmed();
        const QSignalBlocker blocker(m_tree);
        item->setText(NoteColumn, note(m_streams.at(index)));
    });

    m_message->setObjectName(QStringLiteral("message"));
    styleAsRefusal(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    importButton->setObjectName(QStringLiteral("import"));
    importButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &BpmnImportDialog::import);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 480);
}

QString BpmnImportDialog::note(const ValueStream& stream) const
{
    const QString steps = counted(static_cast<int>(stream.steps.size()), tr("%1 step"), tr("%1 steps"));
    return m_takenKeys.contains(stream.key) ? tr("Updates the draft, %1").arg(steps) : tr("New, %1").arg(steps);
}

void BpmnImportDialog::fillTree()
{
    const QSignalBlocker blocker(m_tree);
    for (const ValueStream& stream : std::as_const(m_streams)) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(NameColumn, stream.name);
        item->setText(KeyColumn, stream.key);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(KeyColumn, tr("Double-click to change the key"));
        QFont bold = item->font(NameColumn);
        bold.setBold(true);
        item->setFont(NameColumn, bold);
        item->setText(NoteColumn, note(stream));
        if (!stream.purpose.isEmpty())
            item->setToolTip(NameColumn, plainToolTip(stream.purpose));
        for (const Step& step : stream.steps) {
            auto* child = new QTreeWidgetItem(item);
            child->setText(NameColumn, step.name);
            child->setText(KeyColumn, step.key);
            child->setText(RoleColumn, step.ownerRole);
            if (!step.throughput.isEmpty())
                child->setToolTip(NameColumn, plainToolTip(step.throughput));
        }
        item->setExpanded(true);
    }
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    // A little air between columns: keys and roles otherwise run into each other.
    const int gap = 2 * m_tree->fontMetrics().averageCharWidth();
    for (int column : {KeyColumn, RoleColumn, NoteColumn}) {
        m_tree->resizeColumnToContents(column);
        m_tree->setColumnWidth(column, m_tree->columnWidth(column) + gap);
    }
}

void BpmnImportDialog::showRefusal(const QString& message)
{
    m_message->setText(message);
    m_message->show();
}

void BpmnImportDialog::import()
{
    QSet<QString> keys;
    for (const ValueStream& stream : std::as_const(m_streams)) {
        if (!isValidKey(stream.key))
            return showRefusal(tr("‘%1’ cannot be the key of ‘%2’: use letters, digits, ‘-’, ‘_’ and ‘.’, "
                                  "starting with a letter or digit.")
                                   .arg(stream.key, stream.name));
        if (keys.contains(stream.key))
            return showRefusal(tr("Two value streams have the key ‘%1’; give each its own.").arg(stream.key));
        keys.insert(stream.key);
    }
    auto imported = importBpmnStreams(m_document.library(), m_streams, m_fileName);
    if (!imported.ok())
        return showRefusal(imported.message());
    for (const ValueStream& stream : std::as_const(m_streams))
        m_imported.append(stream.key);
    accept();
}

} // namespace stable
