#pragma once

#include "library.h"
#include "views.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace stable {

class IncidentEditor;
class IncidentListModel;

// The incidents of the library, newest first and filterable, beside the editor of the selected one:
// where prevention over inspection is worked — analysed, answered by a check, proven by later runs.
class IncidentsView final : public QWidget, public DocumentView
{
    Q_OBJECT
public:
    explicit IncidentsView(QWidget* parent = nullptr);

    void setDocument(Document* document) override;
    // entity "incident", by key ("INC-7") or id; entity "stream" sets the stream filter.
    bool selectRecord(const QString& entity, const QString& id) override;
    QString currentStreamId() const override; // the stream filter's; empty: all

    // "New Incident…", optionally pre-filled from where it was noticed; selects what was recorded.
    void newIncident(const QString& streamId = {}, const QString& runId = {}, const QString& detectedStepId = {});

    QString currentIncidentId() const;
    IncidentListModel* model() const { return m_model; }
    QTableView* list() const { return m_list; }
    IncidentEditor* editor() const { return m_editor; }
    QComboBox* statusFilter() const { return m_status; }
    QComboBox* streamFilter() const { return m_stream; }
    QLineEdit* searchField() const { return m_search; }

signals:
    void status(const QString& message);

private:
    void documentChanged(Changes what);
    void loadStreams();
    void applyFilters();
    void selectId(const QString& id);
    void selectLatestAnalysed();
    void updateCount();

    Document* m_document = nullptr;
    IncidentListModel* m_model = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_stream = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_list = nullptr;
    QLabel* m_count = nullptr;
    IncidentEditor* m_editor = nullptr;
};

} // namespace stable
