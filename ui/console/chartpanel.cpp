#include "console/chartpanel.h"

#include "filesafety.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QTableView>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>
#include <cstdlib>

namespace stable {

ChartPanel::ChartPanel(const QString& name, Draw draw, QWidget* parent) : QFrame(parent), m_draw(std::move(draw))
{
    setObjectName(name);
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);

    m_view = new QChartView(new QChart, this);
    m_view->setObjectName(name + QStringLiteral("Chart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(270);
    m_view->installEventFilter(this);
    layout->addWidget(m_view, 1);

    m_model = new SeriesTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(name + QStringLiteral("Table"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Column widths from the first rows, not from all 2,000 steps of a large library (each row's text
    // would be laid out on the GUI thread at every redraw).
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // A header and about four rows; the rest scrolls.
    m_table->setMinimumHeight((m_table->fontMetrics().height() + 6) * 5 + 4);
    m_table->setMaximumHeight((m_table->fontMetrics().height() + 6) * 5 + 4);
    layout->addWidget(m_table);

    auto* png = new QAction(tr("Save Chart as &PNG…"), this);
    auto* pdf = new QAction(tr("Save Chart as P&DF…"), this);
    connect(png, &QAction::triggered, this, [this] { exportWithDialog(false); });
    connect(pdf, &QAction::triggered, this, [this] { exportWithDialog(true); });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({png, pdf});
    auto* menu = new QMenu(this);
    menu->addActions({png, pdf});
    m_export = new QToolButton(this);
    m_export->setObjectName(name + QStringLiteral("Export"));
    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("Save this chart as a PNG picture or a PDF page"));
    m_export->setAccessibleName(tr("Export chart"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setMenu(menu);
    m_export->setAutoRaise(true);
}

void ChartPanel::showSeries(std::shared_ptr<const ConsoleSeries> series)
{
    m_series = std::move(series);
    redraw();
}

void ChartPanel::clear()
{
    m_series.reset();
    QChart* old = m_view->chart();
    m_view->setChart(new QChart);
    delete old;
    m_model->setTable({});
}

QString ChartPanel::title() const
{
    return m_view->chart()->title();
}

void ChartPanel::redraw()
{
    if (!m_series)
        return;
    m_drawnWidth = m_view->width();
    // A fresh chart each time: Qt Charts 6.4 keeps the label room of removed axes, and a chart drawn
    // twice shows its category labels as "…".
    QChart* old = m_view->chart();
    m_view->setChart(new QChart);
    delete old;
    m_model->setTable(m_draw(*m_view->chart(), *m_series, m_drawnWidth, palette()));
    m_view->setAccessibleName(title());
}

bool ChartPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Move)
        placeExportButton();
    if (watched == m_view && event->type() == QEvent::Resize) {
        placeExportButton();
        // Enough room for other month groups or labels: draw again from the same numbers.
        if (m_series && std::abs(m_view->width() - m_drawnWidth) > 40)
            redraw();
    }
    return QFrame::eventFilter(watched, event);
}

// The chart's bottom right corner: the title is centred on top, the legend centred below.
void ChartPanel::placeExportButton()
{
    const QSize hint = m_export->sizeHint();
    const QRect chart = m_view->geometry();
    m_export->setGeometry(chart.right() - hint.width() - 4, chart.bottom() - hint.height() - 4, hint.width(),
                          hint.height());
    m_export->raise();
}

int ChartPanel::exportHeadingHeight(const QFont& font, QPaintDevice* device)
{
    const QFontMetrics metrics = device ? QFontMetrics(font, device) : QFontMetrics(font);
    return metrics.height() + metrics.height() / 2;
}

QString ChartPanel::exportHeading() const
{
    return m_scope.isEmpty() ? title() : tr("%1 — %2").arg(title(), m_scope);
}

void ChartPanel::paintExport(QPainter& painter, const QRect& area, const QFont& headingFont) const
{
    const QFontMetrics metrics(headingFont, painter.device());
    const int headingHeight = exportHeadingHeight(headingFont, painter.device());
    painter.fillRect(area, palette().base());
    painter.setFont(headingFont);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(
        QRect(area.left() + metrics.averageCharWidth(), area.top(), area.width(), headingHeight),
        Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        metrics.elidedText(exportHeading(), Qt::ElideRight, area.width() - 2 * metrics.averageCharWidth()));
    // The scene, not the widget: the view's scroll bars and anything over it stay out of the picture.
    const QRect source = m_view->viewport()->rect();
    const QSize target =
        source.size().scaled(area.width(), area.height() - headingHeight, Qt::KeepAspectRatio);
    m_view->render(&painter, QRectF(QPointF(area.left(), area.top() + headingHeight), target), source);
}

void ChartPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        redraw();
    QFrame::changeEvent(event);
}

// The chart at its size on screen with a heading line above it.
Status ChartPanel::exportPng(const QString& path) const
{
    const qreal ratio = m_view->devicePixelRatioF();
    const QSize chart = m_view->viewport()->size();
    QFont heading = font();
    heading.setBold(true);
    const int headingHeight = exportHeadingHeight(heading, nullptr);
    QImage picture(QSize(chart.width(), chart.height() + headingHeight) * ratio,
                   QImage::Format_ARGB32_Premultiplied);
    picture.setDevicePixelRatio(ratio);
    picture.fill(palette().color(QPalette::Base));
    {
        QPainter painter(&picture);
        painter.setRenderHint(QPainter::Antialiasing);
        paintExport(painter, QRect(QPoint(0, 0), QSize(chart.width(), chart.height() + headingHeight)),
                    heading);
    }
    // After the save dialog's own confirmation: an existing file may be replaced, a library or link never.
    OutputRules rules;
    rules.replace = true;
    OutputFile file(path, rules);
    STABLE_TRY(file.open());
    if (picture.isNull() || !picture.save(&file.device(), "PNG"))
        return storageError(tr("Could not write the picture to %1.").arg(path));
    return file.commit();
}

QString ChartPanel::tableHtml() const
{
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>");
    for (int column = 0; column < m_model->columnCount(); ++column)
        html += QStringLiteral("<th>%1</th>")
                    .arg(m_model->headerData(column, Qt::Horizontal).toString().toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (int row = 0; row < m_model->rowCount(); ++row) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < m_model->columnCount(); ++column)
            html += QStringLiteral("<td>%1</td>").arg(m_model->text(row, column).toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

// A landscape page with the chart as vector drawing (its text stays text), then its numbers.
Status ChartPanel::exportPdf(const QString& path) const
{
    OutputRules rules;
    rules.replace = true;
    OutputFile file(path, rules);
    STABLE_TRY(file.open());
    QPdfWriter writer(&file.device());
    writer.setTitle(exportHeading());
    writer.setCreator(QStringLiteral("Stable"));
    writer.setResolution(96);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(&writer))
        return storageError(tr("Could not write the PDF to %1.").arg(path));
    const QRect area(0, 0, writer.width(), writer.height());

    QFont heading = font();
    heading.setPointSizeF(14);
    heading.setBold(true);
    painter.setRenderHint(QPainter::Antialiasing);
    paintExport(painter, area, heading);

    QTextDocument numbers;
    numbers.setDefaultFont(font());
    numbers.setHtml(tableHtml());
    numbers.setPageSize(area.size());
    const int pages = numbers.pageCount();
    for (int i = 0; i < pages; ++i) {
        writer.newPage();
        painter.save();
        painter.translate(0, -i * area.height());
        numbers.drawContents(&painter, QRectF(0, i * area.height(), area.width(), area.height()));
        painter.restore();
    }
    if (!painter.end())
        return storageError(tr("Could not finish the PDF %1.").arg(path));
    return file.commit();
}

void ChartPanel::exportWithDialog(bool pdf)
{
    const QString suggested = objectName() + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".png"));
    const QString path = QFileDialog::getSaveFileName(
        this, pdf ? tr("Save Chart as PDF") : tr("Save Chart as PNG"), suggested,
        pdf ? tr("PDF documents (*.pdf)") : tr("PNG pictures (*.png)"));
    if (path.isEmpty())
        return;
    const Status saved = pdf ? exportPdf(path) : exportPng(path);
    emit exported(saved.ok() ? tr("Saved ‘%1’ to %2.").arg(title(), path) : saved.message());
}

} // namespace stable
