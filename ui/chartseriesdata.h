#pragma once

#include <QList>
#include <QPointF>
#include <vector>

namespace Umbra {

// The points of one chart line, kept in time order with their raw values, so
// the chart can rescale units and cut gaps without asking the engine again.
class ChartSeriesData
{
public:
    struct Point
    {
        qint64 timestampMs = 0;
        double value = 0; // NaN marks a gap
    };

    // Inserts in time order; a point with an existing timestamp replaces it
    // (history and live samples may overlap while a history load is in flight).
    void add(qint64 timestampMs, double value);
    void clear() { m_points.clear(); }
    void removeBefore(qint64 timestampMs);

    bool isEmpty() const { return m_points.empty(); }
    int finiteCount() const;
    qint64 firstTimestamp() const;
    qint64 lastTimestamp() const;
    double maxFinite() const; // NaN when there is no finite point

    // Lines to draw: split at NaN values and where two samples are further
    // apart than `gapMs` (the host was down or Umbra was not running) and
    // than three times the spacing of the samples on either side (so
    // history at a coarser pace than the samples that set `gapMs` stays a
    // line).
    // Values are divided by `divisor` for the axis' unit. With `bucketMs`, each
    // bucket of that many milliseconds (about a pixel) keeps only its lowest
    // and highest point: the line looks the same, spikes are never hidden, and
    // an hour of 1-second samples costs the chart a few hundred points.
    QList<QList<QPointF>> segments(double divisor, qint64 gapMs, qint64 bucketMs = 0) const;
    // A typical spacing of samples: the median interval, or 0 when unknown.
    qint64 medianIntervalMs() const;

private:
    std::vector<Point> m_points;
};

} // namespace Umbra
