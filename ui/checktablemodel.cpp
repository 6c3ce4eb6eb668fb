#include "checktablemodel.h"

#include "document.h"
#include "draftlookup.h"
#include "edits.h"
#include "incidents.h"
#include "plaintext.h"

#include <QComboBox>
#include <QSpinBox>

namespace stable {

namespace {

std::optional<edits::CheckField> fieldOf(int column)
{
    switch (column) {
    case CheckTableModel::KeyColumn:
        return edits::CheckField::Key;
    case CheckTableModel::StatementColumn:
        return edits::CheckField::Statement;
    case CheckTableModel::StageColumn:
        return edits::CheckField::Stage;
    case CheckTableModel::CriticalColumn:
        return edits::CheckField::Critical;
    case CheckTableModel::GuardsAgainstColumn:
        return edits::CheckField::GuardsAgainst;
    case CheckTableModel::SeverityColumn:
        return edits::CheckField::Severity;
    case CheckTableModel::OccurrenceColumn:
        return edits::CheckField::Occurrence;
    case CheckTableModel::DetectionColumn:
        return edits::CheckField::Detection;
    default:
        return std::nullopt;
    }
}

bool isRating(int column)
{
    return column == CheckTableModel::SeverityColumn || column == CheckTableModel::OccurrenceColumn ||
           column == CheckTableModel::DetectionColumn;
}

} // namespace

QString stageLabel(Stage stage)
{
    switch (stage) {
    case Stage::Entry:
        return CheckTableModel::tr("Entry");
    case Stage::InProcess:
        return CheckTableModel::tr("In-process");
    case Stage::Exit:
        return CheckTableModel::tr("Exit");
    }
    return QString();
}

CheckTableModel::CheckTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void CheckTableModel::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &Document::changed, this, [this](Changes what) {
            if (what & (Changes(Change::Drafts) | Change::Incidents | Change::External))
                refresh();
        });
    m_stepId.clear();
    refresh();
}

void CheckTableModel::setStep(const QString& stepId)
{
    if (stepId == m_stepId)
        return;
    m_stepId = stepId;
    refresh();
}

void CheckTableModel::refresh()
{
    QList<QualityCheck> checks;
    QHash<QString, QString> incidentKeys;
    if (m_document && !m_stepId.isEmpty()) {
        auto state = findDraftStep(m_document->library(), m_stepId);
        if (state.ok() && !state->removed)
            checks = state->step.checks;
        for (const QualityCheck& check : std::as_const(checks)) {
            if (check.originIncidentId.isEmpty() || incidentKeys.contains(check.originIncidentId))
                continue;
            auto incident = loadIncident(m_document->library(), check.originIncidentId);
            if (incident.ok())
                incidentKeys.insert(check.originIncidentId, incident->key());
        }
    }
    const bool sameRows = checks.size() == m_checks.size() &&
                          std::equal(checks.cbegin(), checks.cend(), m_checks.cbegin(),
                                     [](const QualityCheck& a, const QualityCheck& b) { return a.id == b.id; });
    if (!sameRows) {
        beginResetModel();
        m_checks = checks;
        m_incidentKeys = incidentKeys;
        endResetModel();
        return;
    }
    m_checks = checks;
    m_incidentKeys = incidentKeys;
    if (!m_checks.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int CheckTableModel::rowOf(const QString& checkId) const
{
    for (int row = 0; row < m_checks.size(); ++row)
        if (m_checks.at(row).id == checkId)
            return row;
    return -1;
}

QString CheckTableModel::checkIdAt(int row) const
{
    return row >= 0 && row < m_checks.size() ? m_checks.at(row).id : QString();
}

QStringList CheckTableModel::keys() const
{
    QStringList keys;
    for (const QualityCheck& check : m_checks)
        keys.append(check.key);
    return keys;
}

int CheckTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_checks.size());
}

int CheckTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckTableModel::displayData(const QualityCheck& check, int row, int column) const
{
    switch (column) {
    case PositionColumn:
        return row + 1;
    case KeyColumn:
        return check.key;
    case StatementColumn:
        return check.statement;
    case StageColumn:
        return stageLabel(check.stage);
    case CriticalColumn:
        return QVariant();
    case GuardsAgainstColumn:
        return check.guardsAgainst;
    case SeverityColumn:
        return check.severity;
    case OccurrenceColumn:
        return check.occurrence;
    case DetectionColumn:
        return check.detection;
    case RiskPriorityColumn:
        return check.riskPriority();
    case OriginColumn:
        return m_incidentKeys.value(check.originIncidentId);
    default:
        return QVariant();
    }
}

QVariant CheckTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const QualityCheck& check = m_checks.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(check, index.row(), column);
    case Qt::EditRole:
        if (column == StageColumn)
            return toText(check.stage);
        return displayData(check, index.row(), column);
    case Qt::CheckStateRole:
        if (column == CriticalColumn)
            return check.critical ? Qt::Checked : Qt::Unchecked;
        return QVariant();
    case Qt::ToolTipRole:
        if (column == StatementColumn || column == GuardsAgainstColumn)
            return plainToolTip(displayData(check, index.row(), column).toString());
        if (column == RiskPriorityColumn)
            return tr("Severity × occurrence × detection = %1 × %2 × %3")
                .arg(check.severity)
                .arg(check.occurrence)
                .arg(check.detection);
        if (column == OriginColumn && !check.originIncidentId.isEmpty())
            return tr("This check was added to prevent %1 from happening again.")
                .arg(m_incidentKeys.value(check.originIncidentId));
        return QVariant();
    case Qt::TextAlignmentRole:
        if (column == PositionColumn || isRating(column) || column == RiskPriorityColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case SortRole:
        if (column == StageColumn)
            return static_cast<int>(check.stage);
        if (column == CriticalColumn)
            return check.critical ? 1 : 0;
        return displayData(check, index.row(), column);
    case IdRole:
        return check.id;
    case OriginIncidentRole:
        return check.originIncidentId;
    default:
        return QVariant();
    }
}

QVariant CheckTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SeverityColumn:
            return tr("Severity: how bad it is when this check's failure gets through (1–10)");
        case OccurrenceColumn:
            return tr("Occurrence: how often the failure happens (1–10)");
        case DetectionColumn:
            return tr("Detection: how likely the failure slips past unseen (1–10, higher is worse)");
        case RiskPriorityColumn:
            return tr("Risk priority number: severity × occurrence × detection");
        case OriginColumn:
            return tr("The incident this check was born from");
        default:
            return QVariant();
        }
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case PositionColumn:
        return tr("#");
    case KeyColumn:
        return tr("Key");
    case StatementColumn:
        return tr("Statement");
    case StageColumn:
        return tr("Stage");
    case CriticalColumn:
        return tr("Critical");
    case GuardsAgainstColumn:
        return tr("Guards against");
    case SeverityColumn:
        return tr("S");
    case OccurrenceColumn:
        return tr("O");
    case DetectionColumn:
        return tr("D");
    case RiskPriorityColumn:
        return tr("RPN");
    case OriginColumn:
        return tr("Origin");
    default:
        return QVariant();
    }
}

Qt::ItemFlags CheckTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    if (index.column() == CriticalColumn)
        return flags | Qt::ItemIsUserCheckable;
    if (fieldOf(index.column()))
        return flags | Qt::ItemIsEditable;
    return flags;
}

bool CheckTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!m_document || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const auto field = fieldOf(index.column());
    if (!field)
        return false;
    QVariant newValue = value;
    if (index.column() == CriticalColumn) {
        if (role != Qt::CheckStateRole)
            return false;
        newValue = value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked;
    } else if (role != Qt::EditRole) {
        return false;
    }
    // The edit's commit refreshes this model through the change channel.
    const QString checkId = m_checks.at(index.row()).id;
    const Status done = edits::setCheckField(*m_document, checkId, *field, newValue);
    if (!done.ok()) {
        emit editRefused(done.message());
        return false;
    }
    return true;
}

QWidget* CheckDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (index.column() == CheckTableModel::StageColumn) {
        auto* combo = new QComboBox(parent);
        for (Stage stage : {Stage::Entry, Stage::InProcess, Stage::Exit})
            combo->addItem(stageLabel(stage), toText(stage));
        return combo;
    }
    if (isRating(index.column())) {
        auto* spin = new QSpinBox(parent);
        spin->setRange(1, 10);
        return spin;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void CheckDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void CheckDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace stable
