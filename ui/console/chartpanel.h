#pragma once

#include "consoleseries.h"
#include "console/seriestablemodel.h"
#include "result.h"

#include <QFrame>

#include <functional>
#include <memory>

class QChart;
class QChartView;
class QTableView;
class QFont;
class QPaintDevice;
class QPainter;
class QToolButton;

namespace stable {

// One console chart with the table of its numbers under it, and its own export to PNG and PDF
// (button on the chart's corner and the chart's context menu). The button floats over the chart as the
// panel's child, not the chart's, so that an exported chart never shows it. Redraws itself when its width
// changes enough to show more or fewer points.
class ChartPanel final : public QFrame
{
    Q_OBJECT
public:
    using Draw = std::function<SeriesTable(QChart&, const ConsoleSeries&, int width, const QPalette&)>;

    ChartPanel(const QString& name, Draw draw, QWidget* parent = nullptr);

    void showSeries(std::shared_ptr<const ConsoleSeries> series);
    void clear(); // no document: no chart, no numbers
    QString title() const;
    // What the numbers are of ("All value streams · 2025-04 to 2026-03"): the exported picture's heading
    // says it under the chart's title.
    void setScope(const QString& scope) { m_scope = scope; }
    QString scope() const { return m_scope; }
    QString exportHeading() const;
    QToolButton* exportButton() const { return m_export; }
    QChartView* chartView() const { return m_view; }
    QTableView* tableView() const { return m_table; }
    SeriesTableModel* model() const { return m_model; }

    Status exportPng(const QString& path) const;
    Status exportPdf(const QString& path) const;

signals:
    void exported(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    void exportWithDialog(bool pdf);
    QString tableHtml() const;
    void placeExportButton();
    static int exportHeadingHeight(const QFont& font, QPaintDevice* device);
    // The heading and the chart (never the Export button over it) into `area` of `painter`'s device.
    void paintExport(QPainter& painter, const QRect& area, const QFont& headingFont) const;

    Draw m_draw;
    std::shared_ptr<const ConsoleSeries> m_series;
    QChartView* m_view = nullptr;
    QTableView* m_table = nullptr;
    SeriesTableModel* m_model = nullptr;
    QToolButton* m_export = nullptr;
    int m_drawnWidth = 0;
    QString m_scope;
};

} // namespace stable
