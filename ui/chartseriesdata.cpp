#include "chartseriesdata.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Umbra {

void ChartSeriesData::add(qint64 timestampMs, double value)
{
    if (m_points.empty() || m_points.back().timestampMs < timestampMs) {
        m_points.push_back({ timestampMs, value });
        return;
    }
    const auto at
        = std::lower_bound(m_points.begin(), m_points.end(), timestampMs,
                           [](const Point &point, qint64 t) { return point.timestampMs < t; });
    if (at != m_points.end() && at->timestampMs == timestampMs)
        at->value = value;
    else
        m_points.insert(at, { timestampMs, value });
}

void ChartSeriesData::removeBefore(qint64 timestampMs)
{
    const auto keep
        = std::lower_bound(m_points.begin(), m_points.end(), timestampMs,
                           [](const Point &point, qint64 t) { return point.timestampMs < t; });
    m_points.erase(m_points.begin(), keep);
}

int ChartSeriesData::finiteCount() const
{
    return int(std::count_if(m_points.begin(), m_points.end(),
                             [](const Point &point) { return std::isfinite(point.value); }));
}

qint64 ChartSeriesData::firstTimestamp() const
{
    return m_points.empty() ? 0 : m_points.front().timestampMs;
}

qint64 ChartSeriesData::lastTimestamp() const
{
    return m_points.empty() ? 0 : m_points.back().timestampMs;
}

double ChartSeriesData::maxFinite() const
{
    double best = std::numeric_limits<double>::quiet_NaN();
    for (const Point &point : m_points) {
        if (std::isfinite(point.value) && !(point.value <= best))
            best = point.value;
    }
    return best;
}

qint64 ChartSeriesData::medianIntervalMs() const
{
    if (m_points.size() < 3)
        return 0;
    std::vector<qint64> intervals;
    intervals.reserve(m_points.size() - 1);
    for (size_t i = 1; i < m_points.size(); ++i)
        intervals.push_back(m_points[i].timestampMs - m_points[i - 1].timestampMs);
    const auto middle = intervals.begin() + intervals.size() / 2;
    std::nth_element(intervals.begin(), middle, intervals.end());
    return *middle;
}

QList<QList<QPointF>> ChartSeriesData::segments(double divisor, qint64 gapMs, qint64 bucketMs) const
{
    QList<QList<QPointF>> result;
    QList<QPointF> current;
    qint64 previous = 0;

    // The spacing of finite samples around index i (0 when unknown): history
    // kept at a coarser pace than today's samples (the demo's first day at
    // 15 s, a changed interval) is no row of gaps just because the fast
    // samples set the median, so a gap must also stand out from its
    // neighbours' spacing.
    const auto spacing = [this](size_t from, size_t to) -> qint64 {
        if (to >= m_points.size() || !std::isfinite(m_points[from].value)
            || !std::isfinite(m_points[to].value))
            return 0;
        return m_points[to].timestampMs - m_points[from].timestampMs;
    };

    // The bucket being collapsed: its extreme points, in time order on output.
    bool open = false;
    qint64 bucket = 0;
    Point low, high;
    auto closeBucket = [&] {
        if (!open)
            return;
        const Point &first = low.timestampMs <= high.timestampMs ? low : high;
        const Point &second = low.timestampMs <= high.timestampMs ? high : low;
        current.append(QPointF(double(first.timestampMs), first.value / divisor));
        if (second.timestampMs != first.timestampMs)
            current.append(QPointF(double(second.timestampMs), second.value / divisor));
        open = false;
    };

    for (size_t i = 0; i < m_points.size(); ++i) {
        const Point &point = m_points[i];
        const bool finite = std::isfinite(point.value);
        bool gap = !finite;
        if (finite && gapMs > 0 && (open || !current.isEmpty())) {
            const qint64 before = i >= 2 ? spacing(i - 2, i - 1) : 0;
            const qint64 after = spacing(i, i + 1);
            gap = point.timestampMs - previous > std::max({ gapMs, 3 * before, 3 * after });
        }
        if (gap) {
            closeBucket();
            if (!current.isEmpty())
                result.append(std::exchange(current, {}));
        }
        if (!finite)
            continue;
        previous = point.timestampMs;
        if (bucketMs <= 0) {
            current.append(QPointF(double(point.timestampMs), point.value / divisor));
            continue;
        }
        const qint64 index = point.timestampMs / bucketMs;
        if (open && index == bucket) {
            if (point.value < low.value)
                low = point;
            if (point.value > high.value)
                high = point;
        } else {
            closeBucket();
            open = true;
            bucket = index;
            low = high = point;
        }
    }
    closeBucket();
    if (!current.isEmpty())
        result.append(current);
    return result;
}

} // namespace Umbra
