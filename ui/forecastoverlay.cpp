#include "forecastoverlay.h"

#include "overlayaxes.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <cmath>

namespace Umbra {

namespace {

QAreaSeries *createArea(QChart *chart, const QString &name)
{
    auto *upper = new QLineSeries;
    auto *lower = new QLineSeries;
    auto *area = new QAreaSeries(upper, lower);
    // The area series does not own its boundaries.
    upper->setParent(area);
    lower->setParent(area);
    area->setName(name);
    area->setPen(Qt::NoPen);
    chart->addSeries(area);
    return area;
}

} // namespace

ForecastOverlay::ForecastOverlay(QChart *chart, const QString &name, const QColor &color)
    : m_chart(chart)
    , m_color(color)
{
    m_outer = createArea(chart, name);
    m_inner = createArea(chart, name);
    m_mean = new QLineSeries;
    m_mean->setName(name);
    chart->addSeries(m_mean);
    for (QAbstractSeries *series :
         { static_cast<QAbstractSeries *>(m_outer), static_cast<QAbstractSeries *>(m_inner),
           static_cast<QAbstractSeries *>(m_mean) })
        OverlayAxes::hideFromLegend(chart, series);
    m_mean->setPen(meanPen(color));
    setDark(false);
}

ForecastOverlay::~ForecastOverlay()
{
    for (QAbstractSeries *series :
         { static_cast<QAbstractSeries *>(m_outer), static_cast<QAbstractSeries *>(m_inner),
           static_cast<QAbstractSeries *>(m_mean) }) {
        m_chart->removeSeries(series);
        delete series;
    }
}

void ForecastOverlay::setBands(const QList<ForecastBand> &bands, double factor)
{
    m_bands = bands;
    m_factor = factor;
}

double ForecastOverlay::maxValue(qint64 fromMs, qint64 toMs) const
{
    double top = qQNaN();
    for (const ForecastBand &band : m_bands) {
        const double value = band.upper95 * m_factor;
        if (band.timeMs >= fromMs && band.timeMs <= toMs && std::isfinite(value) && !(value <= top))
            top = value;
    }
    return top;
}

void ForecastOverlay::attach(QAbstractAxis *timeAxis, QAbstractAxis *valueAxis)
{
    if (timeAxis == m_timeAxis)
        return;
    OverlayAxes::follow({ m_outer, m_inner, m_mean }, m_timeAxis, timeAxis, valueAxis);
    m_timeAxis = timeAxis;
}

ForecastPath ForecastOverlay::path(qint64 fromMs, qint64 toMs, double divisor) const
{
    ForecastPath path;
    const double scale = m_factor / divisor;
    for (const ForecastBand &band : m_bands) {
        if (band.timeMs < fromMs || band.timeMs > toMs || !std::isfinite(band.mean))
            continue;
        const double x = double(band.timeMs);
        // Demand is never negative; a band that says so would only mislead.
        const auto floor0 = [](double v) { return std::isfinite(v) ? std::max(0.0, v) : 0.0; };
        path.mean.append(QPointF(x, floor0(band.mean) * scale));
        path.lower80.append(QPointF(x, floor0(band.lower80) * scale));
        path.upper80.append(QPointF(x, floor0(band.upper80) * scale));
        path.lower95.append(QPointF(x, floor0(band.lower95) * scale));
        path.upper95.append(QPointF(x, floor0(band.upper95) * scale));
    }
    return path;
}

void ForecastOverlay::sync(QAbstractAxis *timeAxis, QAbstractAxis *valueAxis, qint64 fromMs,
                           qint64 toMs, double divisor)
{
    attach(timeAxis, valueAxis);
    draw(path(fromMs, toMs, divisor));
}

void ForecastOverlay::clear()
{
    draw({});
}

void ForecastOverlay::draw(ForecastPath path)
{
    // A replace() relayouts the series even when nothing moved.
    if (path == m_drawn)
        return;
    m_drawn = std::move(path);
    m_outer->upperSeries()->replace(m_drawn.upper95);
    m_outer->lowerSeries()->replace(m_drawn.lower95);
    m_inner->upperSeries()->replace(m_drawn.upper80);
    m_inner->lowerSeries()->replace(m_drawn.lower80);
    m_mean->replace(m_drawn.mean);
}

QColor ForecastOverlay::outerColor(const QColor &color, bool dark)
{
    QColor outer = color;
    outer.setAlpha(dark ? 45 : 35);
    return outer;
}

QColor ForecastOverlay::innerColor(const QColor &color, bool dark)
{
    QColor inner = color;
    inner.setAlpha(dark ? 90 : 70);
    return inner;
}

QPen ForecastOverlay::meanPen(const QColor &color)
{
    QPen pen(color);
    pen.setWidthF(1.4);
    pen.setStyle(Qt::DashLine);
    return pen;
}

void ForecastOverlay::setDark(bool dark)
{
    m_outer->setBrush(outerColor(m_color, dark));
    m_inner->setBrush(innerColor(m_color, dark));
}

} // namespace Umbra
