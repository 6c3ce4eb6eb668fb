#pragma once

#include "library.h"
#include "views.h"

#include <QGraphicsView>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace stable {

class MapScene;

// The canvas of the map: Ctrl+wheel zooms, arrow keys walk the steps, Enter opens the chosen one.
class MapCanvas final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit MapCanvas(QWidget* parent = nullptr);
    void zoomBy(qreal factor);
    void fitAll();
    qreal zoom() const;

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
};

// The value stream map: one stream at a time (picked on top), steps left to right as systems with
// their check badges and, when runs have closed, their first-pass yield and incidents.
class MapView final : public QWidget, public DocumentView
{
    Q_OBJECT
public:
    explicit MapView(QWidget* parent = nullptr);

    void setDocument(Document* document) override;
    bool selectRecord(const QString& entity, const QString& id) override;

    QString currentStreamId() const override;
    void setCurrentStream(const QString& streamId);
    MapScene* scene() const { return m_scene; }
    MapCanvas* canvas() const { return m_canvas; }

signals:
    void stepActivated(const QString& stepId);
    void currentStreamChanged(const QString& streamId);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh(Changes what);
    void reloadStreams();
    void rebuildMap();
    void fitIfPending();

    QPointer<Document> m_document; // the window may delete it before saying so
    QComboBox* m_streams = nullptr;
    QLabel* m_summary = nullptr;
    QToolButton* m_zoomIn = nullptr;
    QToolButton* m_zoomOut = nullptr;
    QToolButton* m_fit = nullptr;
    MapCanvas* m_canvas = nullptr;
    MapScene* m_scene = nullptr;
    bool m_fitPending = true;
};

} // namespace stable
