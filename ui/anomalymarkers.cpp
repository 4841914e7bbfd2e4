#include "anomalymarkers.h"

#include "overlayaxes.h"

#include <QChart>
#include <QCursor>
#include <QScatterSeries>
#include <QToolTip>
#include <QWidget>
#include <cmath>

namespace Umbra {

namespace {

QScatterSeries *createDots(QChart *chart, qreal size)
{
    auto *series = new QScatterSeries;
    series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    series->setMarkerSize(size);
    chart->addSeries(series);
    OverlayAxes::hideFromLegend(chart, series);
    return series;
}

} // namespace

AnomalyMarkers::AnomalyMarkers(QChart *chart, QWidget *view)
    : m_chart(chart)
    , m_view(view)
{
    m_judged = createDots(chart, 9);
    m_open = createDots(chart, 10);
    for (QScatterSeries *series : { m_open, m_judged })
        connect(series, &QScatterSeries::hovered, this, &AnomalyMarkers::showTip);
    setDark(false);
}

AnomalyMarkers::~AnomalyMarkers()
{
    for (QScatterSeries *series : { m_open, m_judged }) {
        m_chart->removeSeries(series);
        delete series;
    }
}

void AnomalyMarkers::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
}

int AnomalyMarkers::sync(QAbstractAxis *timeAxis, QAbstractAxis *valueAxis, qint64 fromMs,
                         qint64 toMs, double divisor)
{
    OverlayAxes::follow({ m_open, m_judged }, m_timeAxis, timeAxis, valueAxis);
    m_timeAxis = timeAxis;
    m_divisor = divisor;
    QList<QPointF> open, judged;
    for (const ChartMarker &marker : std::as_const(m_markers)) {
        if (marker.timeMs < fromMs || marker.timeMs > toMs || !std::isfinite(marker.value))
            continue;
        (marker.open ? open : judged)
            .append(QPointF(double(marker.timeMs), std::max(0.0, marker.value) / divisor));
    }
    // Replacing with the same points would still relayout the series.
    if (open != m_open->points())
        m_open->replace(open);
    if (judged != m_judged->points())
        m_judged->replace(judged);
    m_drawn = int(open.size() + judged.size());
    return m_drawn;
}

void AnomalyMarkers::setDark(bool dark)
{
    const QColor warning = dark ? QColor(0xff, 0x9f, 0x43) : QColor(0xd9, 0x48, 0x1c);
    m_open->setColor(warning);
    m_open->setBorderColor(dark ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
    const QColor grey = dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x80, 0x80, 0x80);
    m_judged->setColor(Qt::transparent);
    QPen ring(grey);
    ring.setWidthF(1.5);
    m_judged->setPen(ring);
}

void AnomalyMarkers::showTip(const QPointF &point, bool entered)
{
    if (!entered) {
        QToolTip::hideText();
        return;
    }
    // The marker under the cursor: nearest in time, then in value.
    const ChartMarker *nearest = nullptr;
    std::pair<double, double> best;
    for (const ChartMarker &marker : std::as_const(m_markers)) {
        const std::pair<double, double> distance{ std::abs(double(marker.timeMs) - point.x()),
                                                  std::abs(marker.value / m_divisor - point.y()) };
        if (!nearest || distance < best) {
            nearest = &marker;
            best = distance;
        }
    }
    if (nearest)
        QToolTip::showText(QCursor::pos(), nearest->text, m_view);
}

} // namespace Umbra
