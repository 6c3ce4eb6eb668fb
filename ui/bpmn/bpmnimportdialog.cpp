#include "bpmnimportdialog.h"

#include "bpmn.h"
#include "document.h"
#include "plaintext.h"
#include "refusal.h"
#include "wording.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
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

BpmnImportDialog::BpmnImportDialog(Document& document, const QString& fileName, BpmnModel model,
                                   QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_fileName(fileName)
    , m_model(std::move(model))
    , m_streams(m_model.streams)
    , m_tree(new QTreeWidget(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Import BPMN Model"));
    if (auto existing = listStreamNames(document.library()); existing.ok())
        for (const StreamSummary& stream : existing.value())
            m_takenKeys.append(stream.key);

    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("intro"));
    m_intro->setTextFormat(Qt::PlainText);
    m_intro->setWordWrap(true);

    m_tree->setObjectName(QStringLiteral("bpmnPreview"));
    m_tree->setAccessibleName(tr("Value streams and steps to import"));
    m_tree->setHeaderLabels({tr("Name"), tr("Key"), tr("Owner role"), tr("Import as")});
    m_tree->setItemDelegate(new StreamKeyDelegate(m_tree));
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    QWidget* choices = makeChoices();
    applyChoices();
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
    layout->addWidget(m_intro);
    layout->addWidget(m_tree, 1);
    if (choices)
        layout->addWidget(choices);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 480);
}

QString BpmnImportDialog::note(const ValueStream& stream) const
{
    const QString steps = counted(static_cast<int>(stream.steps.size()), tr("%1 step"), tr("%1 steps"));
    return m_takenKeys.contains(stream.key) ? tr("Updates the draft, %1").arg(steps) : tr("New, %1").arg(steps);
}

QWidget* BpmnImportDialog::makeChoices()
{
    int count = 0;
    for (const QList<BpmnChoice>& choices : std::as_const(m_model.choices))
        count += static_cast<int>(choices.size());
    if (count == 0)
        return nullptr;
    auto* box = new QGroupBox(tr("Choices in the model"), this);
    box->setObjectName(QStringLiteral("choices"));
    auto* layout = new QFormLayout(box);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* intro =
        new QLabel(count == 1 ? tr("The model has a choice: a run takes one of its branches, but the "
                                   "steps of every branch would follow one another. Decide what to import.")
                              : tr("The model has %1 choices: a run takes one branch of each, but the "
                                   "steps of every branch would follow one another. Decide what to import.")
                                    .arg(count),
                   box);
    intro->setWordWrap(true);
    layout->addRow(intro);
    for (int s = 0; s < m_model.streams.size(); ++s) {
        const ValueStream& stream = m_model.streams.at(s);
        for (const BpmnChoice& choice : m_model.choices.value(s)) {
            auto* combo = new QComboBox(box);
            combo->setObjectName(QStringLiteral("choice%1").arg(m_choiceBoxes.size()));
            combo->addItem(tr("Keep every branch, as alternatives (n/a in a run that takes another)"));
            for (const BpmnChoice::Branch& branch : choice.branches)
                combo->addItem(tr("Keep only ‘%1’").arg(bpmnBranchLabel(stream, branch)));
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(30);
            connect(combo, &QComboBox::currentIndexChanged, this, &BpmnImportDialog::applyChoices);
            const QString where = m_model.streams.size() > 1
                                      ? tr("‘%1’ in %2").arg(choice.gateway, stream.name)
                                      : tr("‘%1’").arg(choice.gateway);
            auto* label = new QLabel(tr("At %1:").arg(where), box);
            label->setTextFormat(Qt::PlainText);
            label->setBuddy(combo);
            label->setAccessibleName(tr("Choice at %1").arg(choice.gateway));
            combo->setAccessibleName(tr("What to import of the choice at %1").arg(choice.gateway));
            layout->addRow(label, combo);
            m_choiceBoxes.append(combo);
        }
    }
    return box;
}

// From the model as read: each stream's edited key kept, each choice as its box says.
void BpmnImportDialog::applyChoices()
{
    QList<ValueStream> streams = m_model.streams;
    int box = 0;
    for (int s = 0; s < streams.size(); ++s) {
        if (s < m_streams.size())
            streams[s].key = m_streams.at(s).key;
        for (const BpmnChoice& choice : m_model.choices.value(s)) {
            const int picked = m_choiceBoxes.value(box++) ? m_choiceBoxes.at(box - 1)->currentIndex() : 0;
            if (picked <= 0)
                keepBpmnBranchesAsAlternatives(streams[s], choice);
            else
                keepOnlyBpmnBranch(streams[s], choice, picked - 1);
        }
    }
    m_streams = streams;
    int steps = 0;
    for (const ValueStream& stream : std::as_const(m_streams))
        steps += static_cast<int>(stream.steps.size());
    m_intro->setText(
        tr("‘%1’ becomes %2 with %3. Double-click a value stream's key to change it; a value stream "
           "whose key the library has already gets its draft updated.")
            .arg(m_fileName,
                 counted(static_cast<int>(m_streams.size()), tr("%1 value stream"), tr("%1 value streams")),
                 counted(steps, tr("%1 step"), tr("%1 steps"))));
    m_tree->clear();
    fillTree();
}

// The note column of a step: on which branch of which choice it is.
QString BpmnImportDialog::stepNote(int stream, const QString& stepKey) const
{
    int box = 0;
    for (int s = 0; s < stream; ++s)
        box += static_cast<int>(m_model.choices.value(s).size());
    for (const BpmnChoice& choice : m_model.choices.value(stream)) {
        if (m_choiceBoxes.at(box++)->currentIndex() != 0)
            continue; // one branch kept: its steps are plain steps
        for (const BpmnChoice::Branch& branch : choice.branches)
            if (branch.stepKeys.contains(stepKey))
                return tr("Alternative at ‘%1’: %2")
                    .arg(choice.gateway, bpmnBranchLabel(m_model.streams.at(stream), branch));
    }
    return {};
}

void BpmnImportDialog::fillTree()
{
    const QSignalBlocker blocker(m_tree);
    for (int s = 0; s < m_streams.size(); ++s) {
        const ValueStream& stream = m_streams.at(s);
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
            child->setText(NoteColumn, stepNote(s, step.key));
            if (!step.throughput.isEmpty())
                child->setToolTip(NameColumn, plainToolTip(step.throughput));
        }
        item->setExpanded(true);
    }
    if (m_columnsSized)
        return; // a choice changed: the columns keep the widths the whole model gave them
    m_columnsSized = true;
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
