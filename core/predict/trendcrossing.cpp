#include "predict/trendcrossing.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace Umbra::Predict {

namespace {

double median(std::vector<double> &values)
{
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

} // namespace

TrendLine fitTrendLine(const QList<QPointF> &points)
{
    std::vector<QPointF> finite;
    for (const QPointF &p : points) {
        if (std::isfinite(p.x()) && std::isfinite(p.y()))
            finite.push_back(p);
    }
    if (finite.size() < 8)
        return {};
    std::vector<double> slopes;
    slopes.reserve(finite.size() * (finite.size() - 1) / 2);
    for (size_t i = 0; i < finite.size(); ++i) {
        for (size_t j = i + 1; j < finite.size(); ++j) {
            const double dx = finite[j].x() - finite[i].x();
            if (dx > 0)
                slopes.push_back((finite[j].y() - finite[i].y()) / dx);
        }
    }
    if (slopes.empty())
        return {};
    const double slope = median(slopes);
    std::vector<double> offsets;
    offsets.reserve(finite.size());
    for (const QPointF &p : finite)
        offsets.push_back(p.y() - slope * p.x());
    const double intercept = median(offsets);
    std::vector<double> residuals;
    residuals.reserve(finite.size());
    for (const QPointF &p : finite)
        residuals.push_back(std::abs(p.y() - (intercept + slope * p.x())));
    const double sigma = 1.4826 * median(residuals); // MAD as a standard deviation

    const double span = finite.back().x() - finite.front().x();
    if (!(slope > 0) || slope * span <= 3 * sigma)
        return {};
    TrendLine line;
    line.rising = true;
    line.slope = slope;
    line.intercept = intercept;
    line.band = 2 * sigma;
    return line;
}

Crossing TrendLine::crossing(double capacity, qint64 nowMs, qint64 horizonMs) const
{
    if (!rising)
        return {};
    // Where the line (and its band's upper and lower edge) reaches capacity.
    const auto reach = [&](double offset) -> std::optional<qint64> {
        const double x = (capacity - offset - intercept) / slope;
        const qint64 at = std::max<qint64>(nowMs, qint64(x));
        if (at - nowMs > horizonMs)
            return std::nullopt;
        return at;
    };
    Crossing crossing;
    crossing.pointMs = reach(0);
    crossing.earliestMs = reach(band);
    crossing.latestMs = reach(-band);
    return crossing;
}

} // namespace Umbra::Predict
