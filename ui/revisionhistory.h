#pragma once

#include "revisions.h"

#include <QAbstractTableModel>
#include <QDialog>

class QComboBox;
class QTableView;
class QTextBrowser;

namespace stable {

class Document;

// Every revision of one stream: number, when (local time and UTC), who, why, incidents answered.
class RevisionListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Number, PublishedLocal, PublishedUtc, Publisher, Reason, Answers, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setRevisions(QList<Revision> revisions);
    const Revision& revision(int row) const { return m_revisions.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Revision> m_revisions;
};

// "Revision History…": the list of a stream's revisions and a side-by-side comparison of any two of
// them, or of a revision and the draft.
class RevisionHistoryDialog final : public QDialog
{
    Q_OBJECT
public:
    RevisionHistoryDialog(Document& document, const QString& streamId, QWidget* parent = nullptr);

    RevisionListModel* model() const { return m_model; }
    // 0 stands for the draft on the newer side.
    void compare(int olderNumber, int newerNumber);
    QString comparisonHtml() const;

private:
    void loadStream();
    void showComparison();

    Document& m_document;
    QComboBox* m_stream = nullptr;
    QTableView* m_table = nullptr;
    RevisionListModel* m_model = nullptr;
    QComboBox* m_older = nullptr;
    QComboBox* m_newer = nullptr;
    QTextBrowser* m_comparison = nullptr;
};

} // namespace stable
