#include "livelines.h"

#include <QPainter>
#include <QPolygonF>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>
#include <limits>

namespace Umbra {

namespace {

constexpr double kPenWidth = 1.6;
// Room either side of a changed point: the pen's width, its anti-aliasing
// and the dot of a lone sample.
constexpr double kMarginPx = 4;

} // namespace

LiveLines::LiveLines(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    // The exposed rectangle, not the whole item, in paint(): a new sample
    // then strokes the few points around it, not the hour.
    setFlag(ItemUsesExtendedStyleOption);
}

void LiveLines::setFrame(const QRectF &plot, double fromMs, double toMs, double top)
{
    if (plot == m_plot && fromMs == m_fromMs && toMs == m_toMs && top == m_top)
        return;
    prepareGeometryChange();
    m_plot = plot;
    m_fromMs = fromMs;
    m_toMs = toMs > fromMs ? toMs : fromMs + 1;
    m_top = top > 0 ? top : 1;
    update();
}

void LiveLines::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    update();
}

void LiveLines::setLines(QList<Line> lines)
{
    constexpr double infinity = std::numeric_limits<double>::infinity();
    double from = infinity;
    if (lines.size() != m_lines.size()) {
        from = -infinity;
    } else {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].color != m_lines[i].color) {
                from = -infinity;
                continue;
            }
            from = std::min(from, firstDifference(lines[i], m_lines[i]));
            const ForecastPath &was = m_lines[i].forecast;
            const ForecastPath &is = lines[i].forecast;
            if (was != is) {
                // A forecast is a few dozen steps: redrawn whole.
                for (const ForecastPath *path : { &was, &is }) {
                    if (!path->isEmpty())
                        from = std::min(from, path->mean.first().x());
                }
            }
        }
    }
    m_lines = std::move(lines);
    if (std::isinf(from) && from > 0)
        return;
    const double left = std::isinf(from) ? m_plot.left() : toPixel(QPointF(from, 0)).x();
    QRectF dirty = m_plot;
    dirty.setLeft(std::clamp(left - kMarginPx, m_plot.left(), m_plot.right()));
    update(dirty);
}

double LiveLines::firstDifference(const Line &a, const Line &b)
{
    const qsizetype segments = std::min(a.segments.size(), b.segments.size());
    for (qsizetype s = 0; s < segments; ++s) {
        const QList<QPointF> &x = a.segments[s];
        const QList<QPointF> &y = b.segments[s];
        const qsizetype common = std::min(x.size(), y.size());
        for (qsizetype i = 0; i < common; ++i) {
            if (x[i] != y[i])
                return std::min(x[i].x(), y[i].x());
        }
        if (x.size() != y.size()) {
            // The longer one goes on from its last common point, which
            // changes from a dot to a line when it was alone.
            const QList<QPointF> &longer = x.size() > y.size() ? x : y;
            return longer[std::max<qsizetype>(0, common - 1)].x();
        }
    }
    const QList<QList<QPointF>> &more
        = a.segments.size() > b.segments.size() ? a.segments : b.segments;
    for (qsizetype s = segments; s < more.size(); ++s) {
        if (!more[s].isEmpty())
            return more[s].first().x();
    }
    return std::numeric_limits<double>::infinity();
}

QPointF LiveLines::toPixel(const QPointF &point) const
{
    const double x = m_plot.left() + (point.x() - m_fromMs) / (m_toMs - m_fromMs) * m_plot.width();
    const double y = m_plot.bottom() - point.y() / m_top * m_plot.height();
    return { x, y };
}

double LiveLines::toTime(double x) const
{
    return m_fromMs + (x - m_plot.left()) / m_plot.width() * (m_toMs - m_fromMs);
}

template<typename Iterator>
void LiveLines::appendPixels(QPolygonF &polygon, Iterator first, Iterator last) const
{
    for (; first != last; ++first)
        polygon.append(toPixel(*first));
}

QPen LiveLines::linePen(const QColor &color)
{
    QPen pen(color);
    pen.setWidthF(kPenWidth);
    return pen;
}

void LiveLines::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_plot.isEmpty())
        return;
    const QRectF exposed = option->exposedRect.isEmpty() ? m_plot : option->exposedRect & m_plot;
    painter->save();
    painter->setClipRect(m_plot);
    painter->setRenderHint(QPainter::Antialiasing);
    // Bands first, so that every line is drawn over every band.
    for (const Line &line : std::as_const(m_lines))
        paintForecast(painter, line);
    for (const Line &line : std::as_const(m_lines))
        paintSegments(painter, line, toTime(exposed.left() - kMarginPx),
                      toTime(exposed.right() + kMarginPx));
    painter->restore();
}

void LiveLines::paintForecast(QPainter *painter, const Line &line) const
{
    const ForecastPath &forecast = line.forecast;
    if (forecast.isEmpty())
        return;
    const auto band = [this](const QList<QPointF> &upper, const QList<QPointF> &lower) {
        QPolygonF polygon;
        polygon.reserve(upper.size() + lower.size());
        appendPixels(polygon, upper.cbegin(), upper.cend());
        appendPixels(polygon, lower.crbegin(), lower.crend());
        return polygon;
    };
    painter->setPen(Qt::NoPen);
    painter->setBrush(ForecastOverlay::outerColor(line.color, m_dark));
    painter->drawPolygon(band(forecast.upper95, forecast.lower95));
    painter->setBrush(ForecastOverlay::innerColor(line.color, m_dark));
    painter->drawPolygon(band(forecast.upper80, forecast.lower80));
    painter->setPen(ForecastOverlay::meanPen(line.color));
    painter->setBrush(Qt::NoBrush);
    QPolygonF mean;
    mean.reserve(forecast.mean.size());
    appendPixels(mean, forecast.mean.cbegin(), forecast.mean.cend());
    painter->drawPolyline(mean);
}

void LiveLines::paintSegments(QPainter *painter, const Line &line, double fromMs, double toMs) const
{
    // Only the points in the exposed columns, with one neighbour either side
    // so the lines leaving them are drawn too.
    const auto byTime = [](const QPointF &point, double timeMs) { return point.x() < timeMs; };
    painter->setPen(linePen(line.color));
    painter->setBrush(line.color);
    QPolygonF pixels;
    for (const QList<QPointF> &segment : line.segments) {
        if (segment.isEmpty() || segment.last().x() < fromMs || segment.first().x() > toMs)
            continue;
        if (segment.size() == 1) {
            painter->drawEllipse(toPixel(segment.first()), 2.5, 2.5);
            continue;
        }
        auto begin = std::lower_bound(segment.cbegin(), segment.cend(), fromMs, byTime);
        auto end = std::lower_bound(begin, segment.cend(), toMs, byTime);
        if (begin != segment.cbegin())
            --begin;
        if (end != segment.cend())
            ++end;
        pixels.clear();
        appendPixels(pixels, begin, end);
        painter->drawPolyline(pixels);
    }
}

} // namespace Umbra
