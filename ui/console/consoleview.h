#pragma once

#include "console/consolecomputer.h"
#include "views.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;
class QListView;

namespace stable {

class AlertsModel;
class ChartPanel;
class Document;

// The performance console: the measures of DESIGN.md §3 as charts with their numbers, for a value
// stream and a period, and the alerts that need someone now. Computed off the GUI thread; the
// dynamic property "busy" is true while a computation is under way (the screenshot waits for it).
class ConsoleView final : public QWidget, public DocumentView
{
    Q_OBJECT
public:
    explicit ConsoleView(QWidget* parent = nullptr);
    ~ConsoleView() override;

    void setDocument(Document* document) override;
    bool selectRecord(const QString& entity, const QString& id) override;
    QString currentStreamId() const override; // the stream filter's; empty: all
    QComboBox* streamFilter() const { return m_stream; }

    enum class Period { LastTwelveMonths, All, Custom };
    void setPeriod(Period period);
    void setMonths(const QString& from, const QString& to); // YYYY-MM; switches to Custom
    void setStream(const QString& key);                     // empty: all value streams
    MeasureFilter filter() const;

    bool isBusy() const;
    QList<ChartPanel*> panels() const { return m_panels; }
    ChartPanel* panel(const QString& name) const;
    AlertsModel* alertsModel() const { return m_alertsModel; }
    QListView* alertsView() const { return m_alerts; }
    QLabel* stateLabel() const { return m_state; }
    std::shared_ptr<const ConsoleSeries> series() const { return m_series; }

    // Asks for a new computation now (filters and document changes do it by themselves).
    void recompute();

signals:
    void computed();
    void alertActivated(const QString& entity, const QString& id);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void scheduleRecompute(int delay);
    void reloadStreams();
    void onComputed(const ConsoleResult& result);
    void drawNextPanel();
    void setBusy(bool busy);
    QWidget* makeFilterBar();
    QWidget* makeAlerts();
    QString scopeText(const ConsoleResult& result) const;
    static QString periodText(const ConsoleSeries& series);

    Document* m_document = nullptr;
    ConsoleComputer* m_computer = nullptr;
    QTimer m_debounce;
    QTimer m_drawNext;
    int m_nextPanel = -1; // the chart to draw next; -1: all drawn
    bool m_dirty = true;
    bool m_settingFilters = false;
    QComboBox* m_stream = nullptr;
    QComboBox* m_period = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_state = nullptr;
    QList<ChartPanel*> m_panels;
    AlertsModel* m_alertsModel = nullptr;
    QListView* m_alerts = nullptr;
    QLabel* m_alertsTitle = nullptr;
    std::shared_ptr<const ConsoleSeries> m_series;
};

} // namespace stable
