#pragma once

#include <QColor>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QtGlobal>

class QAbstractAxis;
class QAreaSeries;
class QChart;
class QLineSeries;

namespace Umbra {

// One step of a forecast as a chart draws it: the expected value and the
// 80 % and 95 % prediction intervals around it, in the chart's stored unit.
struct ForecastBand
{
    qint64 timeMs = 0;
    double mean = 0;
    double lower80 = 0;
    double upper80 = 0;
    double lower95 = 0;
    double upper95 = 0;
};

// A forecast ready to draw: its steps inside the axis, in the axis' units
// (x in ms since the epoch), never below zero.
struct ForecastPath
{
    QList<QPointF> mean;
    QList<QPointF> lower80;
    QList<QPointF> upper80;
    QList<QPointF> lower95;
    QList<QPointF> upper95;

    bool isEmpty() const { return mean.isEmpty(); }
    bool operator==(const ForecastPath &) const = default;
};

// The forecast of one line of a chart: a dashed line over two shaded
// bands, the 95 % one lighter than the 80 % one, in the line's colour. It
// owns its series in the chart and re-attaches them when the chart swaps
// time axes (live hour, long ranges).
class ForecastOverlay
{
public:
    ForecastOverlay(QChart *chart, const QString &name, const QColor &color);
    ~ForecastOverlay();
    ForecastOverlay(const ForecastOverlay &) = delete;
    ForecastOverlay &operator=(const ForecastOverlay &) = delete;

    void setBands(const QList<ForecastBand> &bands, double factor);
    const QList<ForecastBand> &bands() const { return m_bands; }
    bool isEmpty() const { return m_bands.isEmpty(); }
    // The highest upper 95 % bound inside [fromMs, toMs], in stored units
    // times the factor; NaN when none.
    double maxValue(qint64 fromMs, qint64 toMs) const;
    // The steps inside [fromMs, toMs], divided into the axis' unit.
    ForecastPath path(qint64 fromMs, qint64 toMs, double divisor) const;
    // Draws the bands inside [fromMs, toMs] against `timeAxis`, divided into
    // the axis' unit.
    void sync(QAbstractAxis *timeAxis, QAbstractAxis *valueAxis, qint64 fromMs, qint64 toMs,
              double divisor);
    // Draws nothing in the chart (someone else draws the forecast).
    void clear();
    void setDark(bool dark);
    // The colours of the 95 % and 80 % bands and the pen of the mean line.
    static QColor outerColor(const QColor &color, bool dark);
    static QColor innerColor(const QColor &color, bool dark);
    static QPen meanPen(const QColor &color);

private:
    void draw(ForecastPath path);
    void attach(QAbstractAxis *timeAxis, QAbstractAxis *valueAxis);

    QChart *m_chart;
    QColor m_color;
    QList<ForecastBand> m_bands;
    double m_factor = 1;
    QAbstractAxis *m_timeAxis = nullptr;
    QAreaSeries *m_outer = nullptr; // 95 %
    QAreaSeries *m_inner = nullptr; // 80 %
    QLineSeries *m_mean = nullptr;
    ForecastPath m_drawn; // what the series hold
};

} // namespace Umbra
