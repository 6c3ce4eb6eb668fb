#pragma once

#include "process.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStyledItemDelegate>

namespace stable {

class Document;

// The checks of one draft step in their order, editable in place: every change goes through the edits
// facade (one undo step per field), and the model follows the document's change channel.
class CheckTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PositionColumn,
        KeyColumn,
        StatementColumn,
        StageColumn,
        CriticalColumn,
        GuardsAgainstColumn,
        SeverityColumn,
        OccurrenceColumn,
        DetectionColumn,
        RiskPriorityColumn,
        OriginColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, SortRole, OriginIncidentRole };

    explicit CheckTableModel(QObject* parent = nullptr);
    void setDocument(Document* document);
    void setStep(const QString& stepId);
    QString stepId() const { return m_stepId; }
    void refresh();
    int rowOf(const QString& checkId) const;
    QString checkIdAt(int row) const;
    QStringList keys() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void editRefused(const QString& message);

private:
    QVariant displayData(const QualityCheck& check, int row, int column) const;

    Document* m_document = nullptr;
    QString m_stepId;
    QList<QualityCheck> m_checks;
    QHash<QString, QString> m_incidentKeys; // origin incident id → "INC-7"
};

// Editors that fit the check columns: a list of stages, 1–10 spin boxes for S/O/D.
class CheckDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

QString stageLabel(Stage stage);

} // namespace stable
