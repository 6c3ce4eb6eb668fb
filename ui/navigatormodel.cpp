#include "navigatormodel.h"

#include "document.h"
#include "edits.h"
#include "incidents.h"
#include "plaintext.h"
#include "process.h"

#include <QDataStream>
#include <QFont>
#include <QHash>
#include <QIODevice>
#include <QMimeData>
#include <QRegularExpression>
#include <QTimer>
#include <algorithm>

namespace stable {

struct NavigatorModel::Node
{
    QString kind; // "root", "stream", "step", "check"
    QString id;
    QString name;
    QString detail;
    QString toolTip;
    QString searchText;
    bool emphasised = false; // a stream whose draft differs from its latest revision; a critical check
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        const auto& siblings = parent->children;
        const auto found = std::find_if(siblings.cbegin(), siblings.cend(),
                                        [this](const std::unique_ptr<Node>& n) { return n.get() == this; });
        return static_cast<int>(found - siblings.cbegin());
    }
    bool sameData(const Node& other) const
    {
        return name == other.name && detail == other.detail && toolTip == other.toolTip &&
               searchText == other.searchText && emphasised == other.emphasised;
    }
    void takeDataFrom(const Node& other)
    {
        name = other.name;
        detail = other.detail;
        toolTip = other.toolTip;
        searchText = other.searchText;
        emphasised = other.emphasised;
    }
    Node* add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

using Node = NavigatorModel::Node;

// Spelled out in English here: without a translation loaded, Qt leaves "%n check(s)" as it is.
QString checksText(int count)
{
    return count == 1 ? NavigatorModel::tr("1 check") : NavigatorModel::tr("%1 checks").arg(count);
}

QString stepsText(int count)
{
    return count == 1 ? NavigatorModel::tr("1 step") : NavigatorModel::tr("%1 steps").arg(count);
}

QString revisionText(const StreamSummary& summary)
{
    if (summary.latestRevision == 0)
        return NavigatorModel::tr("unpublished");
    const QString revision = NavigatorModel::tr("r%1").arg(summary.latestRevision);
    return summary.draftDiffers ? NavigatorModel::tr("%1 · draft changed").arg(revision) : revision;
}

// Incident text by the step it was detected or injected at.
Result<QHash<QString, QStringList>> incidentTextByStep(Library& library)
{
    auto incidents = listIncidents(library);
    STABLE_TRY(incidents);
    QHash<QString, QStringList> text;
    for (const Incident& incident : incidents.value()) {
        const QString words = incident.key() + QLatin1Char(' ') + incident.title + QLatin1Char(' ') + incident.rootCause;
        if (!incident.detectedStepId.isEmpty())
            text[incident.detectedStepId].append(words);
        if (!incident.injectedStepId.isEmpty() && incident.injectedStepId != incident.detectedStepId)
            text[incident.injectedStepId].append(words);
    }
    return text;
}

std::unique_ptr<Node> checkNode(const QualityCheck& check)
{
    auto node = std::make_unique<Node>();
    node->kind = QStringLiteral("check");
    node->id = check.id;
    node->name = check.statement;
    node->detail = check.critical ? NavigatorModel::tr("%1 · critical").arg(toText(check.stage)) : toText(check.stage);
    node->toolTip = NavigatorModel::tr("%1 (%2)\nGuards against: %3\nRisk priority %4")
                        .arg(check.statement, check.key,
                             check.guardsAgainst.isEmpty() ? NavigatorModel::tr("—") : check.guardsAgainst)
                        .arg(check.riskPriority());
    node->searchText = QStringList{check.statement, check.key, check.guardsAgainst}.join(QLatin1Char('\n'));
    node->emphasised = check.critical;
    return node;
}

// "I. Executive summary" or "3) Deploy" already carry their place; numbering them again reads "1. I. …".
QString numberedStepName(const Step& step, int position)
{
    static const QRegularExpression ownNumber(QStringLiteral("^\\s*([IVXLC]+|\\d+)[.)]\\s"));
    if (ownNumber.match(step.name).hasMatch())
        return step.name;
    return NavigatorModel::tr("%1. %2").arg(position + 1).arg(step.name);
}

const QString recordMimeType = QStringLiteral("application/x-stable-draft-record");

std::unique_ptr<Node> stepNode(const Step& step, int position, const QStringList& incidentText)
{
    auto node = std::make_unique<Node>();
    node->kind = QStringLiteral("step");
    node->id = step.id;
    node->name = numberedStepName(step, position);
    node->detail = checksText(static_cast<int>(step.checks.size()));
    node->toolTip = NavigatorModel::tr("%1 (%2)\nOwner: %3").arg(step.name, step.key,
                                                                 step.ownerRole.isEmpty() ? NavigatorModel::tr("—")
                                                                                          : step.ownerRole);
    node->searchText =
        (QStringList{step.name, step.key, step.ownerRole, step.throughput} + incidentText).join(QLatin1Char('\n'));
    for (const QualityCheck& check : step.checks)
        node->add(checkNode(check));
    return node;
}

Result<std::unique_ptr<Node>> loadTree(Library& library)
{
    auto streams = listStreams(library);
    STABLE_TRY(streams);
    auto incidents = incidentTextByStep(library);
    STABLE_TRY(incidents);
    auto root = std::make_unique<Node>();
    root->kind = QStringLiteral("root");
    for (const StreamSummary& summary : streams.value()) {
        auto draft = loadDraft(library, summary.id);
        STABLE_TRY(draft);
        auto stream = std::make_unique<Node>();
        stream->kind = QStringLiteral("stream");
        stream->id = summary.id;
        stream->name = summary.name;
        stream->detail = NavigatorModel::tr("%1 · %2 · %3")
                             .arg(stepsText(summary.stepCount),
                                  checksText(summary.checkCount), revisionText(summary));
        stream->toolTip = NavigatorModel::tr("%1 (%2)\n%3, %4\nRevision: %5")
                              .arg(summary.name, summary.key,
                                   stepsText(summary.stepCount),
                                   checksText(summary.checkCount), revisionText(summary));
        stream->searchText =
            QStringList{draft->name, draft->key, draft->purpose, draft->owner}.join(QLatin1Char('\n'));
        stream->emphasised = summary.latestRevision > 0 && summary.draftDiffers;
        for (int i = 0; i < draft->steps.size(); ++i)
            stream->add(stepNode(draft->steps.at(i), i, incidents->value(draft->steps.at(i).id)));
        root->add(std::move(stream));
    }
    return root;
}

} // namespace

NavigatorModel::NavigatorModel(QObject* parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    m_root->kind = QStringLiteral("root");
}

NavigatorModel::~NavigatorModel() = default;

void NavigatorModel::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->kind = QStringLiteral("root");
    endResetModel();
    if (m_document) {
        connect(m_document, &Document::changed, this, &NavigatorModel::onChanged);
        refresh();
    }
}

void NavigatorModel::onChanged(Changes what)
{
    const Changes shown = Changes(Change::Streams) | Change::Drafts | Change::Revisions | Change::Incidents |
                          Change::External;
    if (what & shown)
        refresh();
}

void NavigatorModel::refresh()
{
    if (!m_document)
        return;
    auto tree = loadTree(m_document->library());
    if (!tree.ok()) {
        // Keep showing what was there: the next change notification tries again.
        m_lastError = tree.message();
        return;
    }
    m_lastError.clear();
    sync(QModelIndex(), *m_root, *tree.value());
}

// Brings `current`'s children to `target`'s, row by row, so that persistent indexes follow their records.
void NavigatorModel::sync(const QModelIndex& parentIndex, Node& current, Node& target)
{
    auto& have = current.children;
    auto& want = target.children;
    for (int i = static_cast<int>(have.size()) - 1; i >= 0; --i) {
        const QString& id = have.at(static_cast<std::size_t>(i))->id;
        const bool kept = std::any_of(want.cbegin(), want.cend(), [&id](const auto& n) { return n->id == id; });
        if (kept)
            continue;
        beginRemoveRows(parentIndex, i, i);
        have.erase(have.begin() + i);
        endRemoveRows();
    }
    for (int i = 0; i < static_cast<int>(want.size()); ++i) {
        const auto wanted = static_cast<std::size_t>(i);
        Node& next = *want.at(wanted);
        const auto found = std::find_if(have.begin() + i, have.end(), [&next](const auto& n) { return n->id == next.id; });
        if (found == have.end()) {
            beginInsertRows(parentIndex, i, i);
            std::unique_ptr<Node> node = std::move(want.at(wanted));
            node->parent = &current;
            have.insert(have.begin() + i, std::move(node));
            endInsertRows();
            // The moved-in node keeps its own children; put a placeholder back so `want` stays aligned.
            want.at(wanted) = std::make_unique<Node>();
            want.at(wanted)->id = have.at(wanted)->id;
            continue;
        }
        const int from = static_cast<int>(found - have.begin());
        if (from != i) {
            beginMoveRows(parentIndex, from, from, parentIndex, i);
            std::unique_ptr<Node> node = std::move(*found);
            have.erase(found);
            have.insert(have.begin() + i, std::move(node));
            endMoveRows();
        }
        Node& node = *have.at(wanted);
        if (!node.sameData(next)) {
            node.takeDataFrom(next);
            emit dataChanged(createIndex(i, 0, &node), createIndex(i, ColumnCount - 1, &node));
        }
        sync(createIndex(i, 0, &node), node, next);
    }
}

const NavigatorModel::Node* NavigatorModel::nodeAt(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<const Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex NavigatorModel::indexOf(const QString& id) const
{
    std::vector<const Node*> pending{m_root.get()};
    while (!pending.empty()) {
        const Node* node = pending.back();
        pending.pop_back();
        for (const auto& child : node->children) {
            if (child->id == id)
                return createIndex(child->row(), 0, child.get());
            pending.push_back(child.get());
        }
    }
    return QModelIndex();
}

QModelIndex NavigatorModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    const Node* node = nodeAt(parent);
    return createIndex(row, column, node->children.at(static_cast<std::size_t>(row)).get());
}

QModelIndex NavigatorModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return QModelIndex();
    const Node* parentNode = static_cast<const Node*>(child.internalPointer())->parent;
    if (parentNode == m_root.get() || !parentNode)
        return QModelIndex();
    return createIndex(parentNode->row(), 0, const_cast<Node*>(parentNode));
}

int NavigatorModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeAt(parent)->children.size());
}

int NavigatorModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant NavigatorModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const Node& node = *nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? node.name : node.detail;
    case Qt::ToolTipRole:
        return plainToolTip(node.toolTip);
    case Qt::FontRole: {
        if (index.column() != NameColumn || (node.kind != QLatin1String("stream") && !node.emphasised))
            return QVariant();
        QFont font;
        font.setBold(node.kind == QLatin1String("stream"));
        font.setItalic(node.emphasised && node.kind == QLatin1String("stream"));
        font.setBold(font.bold() || (node.emphasised && node.kind == QLatin1String("check")));
        return font;
    }
    case IdRole:
        return node.id;
    case KindRole:
        return node.kind;
    case SearchTextRole:
        return node.searchText;
    default:
        return QVariant();
    }
}

QVariant NavigatorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    return section == NameColumn ? tr("Value streams, steps and checks") : tr("Details");
}

NavigatorFilter::NavigatorFilter(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void NavigatorFilter::setSearchText(const QString& text)
{
    const QStringList terms = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (terms == m_terms)
        return;
    m_terms = terms;
    invalidateFilter();
}

bool NavigatorFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    const QString text =
        sourceModel()->index(sourceRow, 0, sourceParent).data(NavigatorModel::SearchTextRole).toString();
    return std::all_of(m_terms.cbegin(), m_terms.cend(),
                       [&text](const QString& term) { return text.contains(term, Qt::CaseInsensitive); });
}

} // namespace stable

namespace stable {

Qt::ItemFlags NavigatorModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractItemModel::flags(index);
    const Node* node = nodeAt(index);
    if (node->kind == QLatin1String("step") || node->kind == QLatin1String("check"))
        flags |= Qt::ItemIsDragEnabled;
    // Dropping on a stream places a step, on a step a check; dropping on a sibling places before it.
    if (node->kind != QLatin1String("root"))
        flags |= Qt::ItemIsDropEnabled;
    return flags;
}

Qt::DropActions NavigatorModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList NavigatorModel::mimeTypes() const
{
    return {recordMimeType};
}

QMimeData* NavigatorModel::mimeData(const QModelIndexList& indexes) const
{
    // One record at a time: a step or a check keeps its place relative to the others.
    const auto first = std::find_if(indexes.cbegin(), indexes.cend(), [this](const QModelIndex& index) {
        const QString kind = nodeAt(index)->kind;
        return index.isValid() && (kind == QLatin1String("step") || kind == QLatin1String("check"));
    });
    if (first == indexes.cend())
        return nullptr;
    const Node* node = nodeAt(*first);
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << node->kind << node->id;
    auto* data = new QMimeData;
    data->setData(recordMimeType, encoded);
    return data;
}

std::optional<NavigatorModel::Drop> NavigatorModel::dropFor(const QMimeData* data, Qt::DropAction action, int row,
                                                            const QModelIndex& parent) const
{
    if (!m_document || action != Qt::MoveAction || !data || !data->hasFormat(recordMimeType))
        return std::nullopt;
    Drop drop;
    QDataStream stream(data->data(recordMimeType));
    stream >> drop.kind >> drop.id;
    const QModelIndex source = indexOf(drop.id);
    if (!source.isValid() || nodeAt(source)->kind != drop.kind)
        return std::nullopt;
    const Node* target = nodeAt(parent);
    if (target->kind == drop.kind) { // dropped on a sibling: in its place
        row = target->row();
        target = target->parent;
    }
    const Node* home = nodeAt(source)->parent;
    if (target != home)
        return std::nullopt; // steps stay in their stream, checks in their step
    const int from = source.row();
    const int count = static_cast<int>(home->children.size());
    const int insertAt = row < 0 || row > count ? count : row;
    drop.position = insertAt > from ? insertAt - 1 : insertAt;
    if (drop.position == from)
        return std::nullopt;
    return drop;
}

bool NavigatorModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                     const QModelIndex& parent) const
{
    return dropFor(data, action, row, parent).has_value();
}

bool NavigatorModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                  const QModelIndex& parent)
{
    const auto drop = dropFor(data, action, row, parent);
    if (!drop)
        return false;
    // After the drop event has finished with the indexes it holds; the rows then move with the change.
    QTimer::singleShot(0, this, [this, move = *drop] {
        if (!m_document)
            return;
        const Status moved = move.kind == QLatin1String("step") ? edits::moveStep(*m_document, move.id, move.position)
                                                                : edits::moveCheck(*m_document, move.id, move.position);
        if (!moved.ok())
            emit moveRefused(moved.message());
    });
    return true;
}

} // namespace stable
