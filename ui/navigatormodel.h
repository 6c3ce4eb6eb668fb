#pragma once

#include "library.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <memory>
#include <optional>

class QMimeData;

namespace stable {

class Document;

// The library as a tree: value streams → steps → checks, with counts and the latest revision. It
// follows the document's change channel and updates rows in place (insert, remove, move, dataChanged),
// so selection and expansion survive edits, undo and other instances' commits.
class NavigatorModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, KindRole, SearchTextRole };
    enum Column { NameColumn, DetailColumn, ColumnCount };

    explicit NavigatorModel(QObject* parent = nullptr);
    ~NavigatorModel() override;

    void setDocument(Document* document);
    void refresh();
    // "stream", "step" or "check" with its id; invalid when not in the tree.
    QModelIndex indexOf(const QString& id) const;
    QString lastError() const { return m_lastError; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Drag to reorder: a step among the steps of its stream, a check among the checks of its step. The
    // move goes through the undoable draft edits once the drop has finished, and the rows follow from the
    // change it makes.
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    struct Node;

signals:
    void moveRefused(const QString& message);

private:
    void onChanged(Changes what);
    void sync(const QModelIndex& parentIndex, Node& current, Node& target);
    const Node* nodeAt(const QModelIndex& index) const;
    struct Drop
    {
        QString kind;
        QString id;
        int position = 0;
    };
    std::optional<Drop> dropFor(const QMimeData* data, Qt::DropAction action, int row, const QModelIndex& parent) const;

    Document* m_document = nullptr;
    std::unique_ptr<Node> m_root;
    QString m_lastError;
};

// Search across the tree: a row shows when every word typed is found in its stream or step names,
// keys, procedure, check statements, or the titles and root causes of incidents detected or injected
// at the step. Parents of a match show too, and so do the checks of a matching step.
class NavigatorFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NavigatorFilter(QObject* parent = nullptr);
    void setSearchText(const QString& text);
    QString searchText() const { return m_terms.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_terms;
};

} // namespace stable
