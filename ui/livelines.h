#pragma once

#include "forecastoverlay.h"

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QPolygonF>

namespace Umbra {

// The lines of a chart's live hour and their forecasts, painted straight
// from their points over the plot area. A QLineSeries recomputes its whole
// geometry on every replace(), and every series of a chart does when an axis
// moves: 8 ms for one line of an hour at one sample a second, 5–13 ms for a
// chart's forecast bands, in software. This item keeps the points as they
// are and, while the axes stand still, repaints only the columns that a new
// sample or forecast changes.
class LiveLines : public QGraphicsItem
{
public:
    struct Line
    {
        QColor color;
        // Unbroken stretches in axis units: x in ms since the epoch, y in the
        // value axis' unit. A stretch of one point is drawn as a dot.
        QList<QList<QPointF>> segments;
        // Its forecast, drawn under the lines like ForecastOverlay draws it.
        ForecastPath forecast;
    };

    explicit LiveLines(QGraphicsItem *parent = nullptr);

    // The plot rectangle (in the parent's coordinates) and the axis ranges it
    // shows; any change repaints everything.
    void setFrame(const QRectF &plot, double fromMs, double toMs, double top);
    // Repaints from the first point where a line differs from what was drawn.
    void setLines(QList<Line> lines);
    void setDark(bool dark);
    // The pen of a live line, also its legend entry's.
    static QPen linePen(const QColor &color);

    QRectF boundingRect() const override { return m_plot; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPointF toPixel(const QPointF &point) const;
    double toTime(double x) const;
    template<typename Iterator>
    void appendPixels(QPolygonF &polygon, Iterator first, Iterator last) const;
    // The earliest time (ms) at which two lines differ; +inf when they are equal.
    static double firstDifference(const Line &a, const Line &b);
    void paintForecast(QPainter *painter, const Line &line) const;
    void paintSegments(QPainter *painter, const Line &line, double fromMs, double toMs) const;

    QRectF m_plot;
    double m_fromMs = 0;
    double m_toMs = 1;
    double m_top = 1;
    bool m_dark = false;
    QList<Line> m_lines;
};

} // namespace Umbra
