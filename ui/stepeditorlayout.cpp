// How the step editor is laid out: its fields, the inputs and outputs tables, the checks and the detail
// tabs. What the widgets do lives in stepeditor.cpp.
#include "checktablemodel.h"
#include "linkopener.h"
#include "plaintext.h"
#include "porttablemodel.h"
#include "stepeditor.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stable {

namespace {

QToolButton* textButton(const QString& text, const QString& toolTip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

QTableView* plainTable(QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::AnyKeyPressed);
    view->verticalHeader()->hide();
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

QWidget* StepEditor::createStepPage()
{
    auto* page = new QWidget(this);
    m_title = new QLabel(page);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_message = plainLabel(new QLabel(page));
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::Highlight);
    m_message->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(createFieldsBox(), 1);
    top->addWidget(createPortsBox(), 2);

    auto* split = new QSplitter(Qt::Vertical, page);
    split->setChildrenCollapsible(false);
    split->addWidget(createChecksBox());
    split->addWidget(createDetailTabs());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    return page;
}

QWidget* StepEditor::createFieldsBox()
{
    auto* box = new QGroupBox(tr("Step"), this);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("stepName"));
    m_key = new QLineEdit(box);
    m_key->setToolTip(tr("Letters, digits, ‘-’, ‘_’ and ‘.’: how files and the command line name this step"));
    m_ownerRole = new QLineEdit(box);
    m_ownerRole->setPlaceholderText(tr("Who does this step, e.g. DBA"));
    m_hours = new QDoubleSpinBox(box);
    m_hours->setRange(0, 10000);
    m_hours->setDecimals(2);
    m_hours->setSingleStep(0.5);
    m_hours->setSuffix(tr(" h"));

    const auto follow = [this](QLineEdit* edit, edits::StepField field) {
        connect(edit, &QLineEdit::textEdited, this, [this, field] { fieldEdited(field); });
        connect(edit, &QLineEdit::editingFinished, this, [this, field] { commitField(field, true); });
    };
    follow(m_name, edits::StepField::Name);
    follow(m_key, edits::StepField::Key);
    follow(m_ownerRole, edits::StepField::OwnerRole);
    connect(m_hours, &QDoubleSpinBox::valueChanged, this, [this] { fieldEdited(edits::StepField::PlannedHours); });
    connect(m_hours, &QDoubleSpinBox::editingFinished, this,
            [this] { commitField(edits::StepField::PlannedHours, true); });

    auto* form = new QFormLayout(box);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("&Owner role:"), m_ownerRole);
    form->addRow(tr("Planned ho&urs:"), m_hours);
    return box;
}

QWidget* StepEditor::createPortTable(PortTableModel* model, const QString& what, QTableView*& view)
{
    auto* box = new QGroupBox(model == m_inputs ? tr("Inputs") : tr("Outputs"), this);
    view = plainTable(box);
    view->setModel(model);
    view->setAccessibleName(model == m_inputs ? tr("Inputs") : tr("Outputs"));
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    // Room for the header and four ports: most steps have one to three.
    const int rowHeight = view->verticalHeader()->defaultSectionSize();
    view->setMinimumHeight(rowHeight * 3);
    view->setMaximumHeight(rowHeight * 5 + 2 * view->frameWidth() + 4);
    auto* add = textButton(tr("Add"), tr("Add an %1").arg(what), box);
    auto* remove = textButton(tr("Remove"), tr("Remove the selected %1").arg(what), box);
    QTableView* table = view;
    connect(add, &QToolButton::clicked, this, [this, model] { addPort(model); });
    connect(remove, &QToolButton::clicked, this, [this, model, table] { removePort(model, table); });
    connect(model, &PortTableModel::portsEdited, this, [this, model](const QList<Port>& ports) {
        if (model == m_inputs)
            setPorts(ports, m_outputs->ports());
        else
            setPorts(m_inputs->ports(), ports);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(view, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget* StepEditor::createPortsBox()
{
    auto* box = new QWidget(this);
    m_inputs = new PortTableModel(PortTableModel::Direction::Inputs, this);
    m_outputs = new PortTableModel(PortTableModel::Direction::Outputs, this);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createPortTable(m_inputs, tr("input"), m_inputView));
    layout->addWidget(createPortTable(m_outputs, tr("output"), m_outputView));
    return box;
}

QWidget* StepEditor::createChecksBox()
{
    auto* box = new QGroupBox(tr("Checks, in the order they are signed"), this);
    m_checks = new CheckTableModel(this);
    m_sortedChecks = new QSortFilterProxyModel(this);
    m_sortedChecks->setSourceModel(m_checks);
    m_sortedChecks->setSortRole(CheckTableModel::SortRole);
    m_checkView = plainTable(box);
    m_checkView->setObjectName(QStringLiteral("checkTable"));
    m_checkView->setAccessibleName(tr("Checks"));
    m_checkView->setModel(m_sortedChecks);
    m_checkView->setItemDelegate(new CheckDelegate(m_checkView));
    m_checkView->setSortingEnabled(true);
    m_checkView->sortByColumn(CheckTableModel::PositionColumn, Qt::AscendingOrder);
    QHeaderView* header = m_checkView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CheckTableModel::StatementColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CheckTableModel::GuardsAgainstColumn, QHeaderView::Interactive);
    header->resizeSection(CheckTableModel::GuardsAgainstColumn, 200);
    m_checkView->verticalHeader()->setDefaultSectionSize(m_checkView->fontMetrics().height() + 10);
    connect(m_checks, &CheckTableModel::editRefused, this, &StepEditor::showMessage);
    connect(m_checkView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateCheckButtons();
        emit checkSelected(currentCheckId());
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this, &StepEditor::updateCheckButtons);
    connect(m_checks, &QAbstractItemModel::modelReset, this, &StepEditor::updateCheckButtons);

    auto* add = textButton(tr("Add Check"), tr("Add a check to this step"), box);
    m_removeCheck = textButton(tr("Remove"), tr("Remove the selected check"), box);
    m_moveUp = textButton(tr("Move Up"), tr("Move the selected check up"), box);
    m_moveDown = textButton(tr("Move Down"), tr("Move the selected check down"), box);
    connect(add, &QToolButton::clicked, this, &StepEditor::addCheck);
    connect(m_removeCheck, &QToolButton::clicked, this, &StepEditor::removeCheck);
    connect(m_moveUp, &QToolButton::clicked, this, [this] { moveCheck(-1); });
    connect(m_moveDown, &QToolButton::clicked, this, [this] { moveCheck(1); });
    auto* buttons = new QHBoxLayout;
    for (QToolButton* button : {add, m_removeCheck, m_moveUp, m_moveDown})
        buttons->addWidget(button);
    buttons->addStretch();
    auto* hint = new QLabel(tr("Sort by RPN to see the riskiest first; sort by # to reorder."), box);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true); // on two lines in a narrow window, rather than keeping it wide
    hint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    buttons->addWidget(hint, 1);

    auto* layout = new QVBoxLayout(box);
    layout->addLayout(buttons);
    layout->addWidget(m_checkView, 1);
    updateCheckButtons();
    return box;
}

QWidget* StepEditor::createDetailTabs()
{
    m_tabs = new QTabWidget(this);
    auto* procedure = new QSplitter(Qt::Horizontal, m_tabs);
    m_procedure = new QPlainTextEdit(procedure);
    m_procedure->setObjectName(QStringLiteral("procedureSource"));
    m_procedure->setAccessibleName(tr("Procedure (markdown)"));
    m_procedure->setPlaceholderText(tr("How the step is done, in markdown: numbered steps, commands, links…"));
    m_preview = new InertTextBrowser(procedure);
    m_preview->setObjectName(QStringLiteral("procedurePreview"));
    m_preview->setAccessibleName(tr("Procedure preview"));
    connect(m_preview, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) { openLink(this, url); });
    procedure->addWidget(m_procedure);
    procedure->addWidget(m_preview);
    connect(m_procedure, &QPlainTextEdit::textChanged, this, [this] {
        m_preview->showMarkdown(m_procedure->toPlainText());
        if (!m_procedure->signalsBlocked())
            fieldEdited(edits::StepField::Throughput);
    });
    m_tabs->addTab(procedure, tr("Proce&dure"));

    m_incidents = new QTreeWidget(m_tabs);
    m_incidents->setRootIsDecorated(false);
    m_incidents->setAccessibleName(tr("Past incidents of this step"));
    m_incidents->setHeaderLabels({tr("Incident"), tr("Title"), tr("Status"), tr("Here it was")});
    m_incidents->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_incidents->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_incidents->header()->setStretchLastSection(false);
    m_tabs->addTab(m_incidents, tr("Past &incidents"));
    return m_tabs;
}

} // namespace stable
