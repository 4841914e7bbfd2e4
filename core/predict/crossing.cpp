#include "predict/crossing.h"

#include <cmath>

namespace Umbra::Predict {

namespace {

// The first time `value(step)` reaches `capacity`.
template<typename Value>
std::optional<qint64> firstReach(const QList<ForecastStep> &forecast, double capacity,
                                 std::optional<qint64> startMs, double startValue, Value value)
{
    for (qsizetype i = 0; i < forecast.size(); ++i) {
        const double v = value(forecast[i]);
        if (!(v >= capacity))
            continue;
        const bool hasPrevious = i > 0 || startMs.has_value();
        if (!hasPrevious)
            return forecast[i].timeMs;
        const qint64 previousMs = i > 0 ? forecast[i - 1].timeMs : *startMs;
        const double previous = i > 0 ? value(forecast[i - 1]) : startValue;
        if (previous >= capacity || !(v > previous))
            return i > 0 ? forecast[i].timeMs : previousMs;
        const double t = (capacity - previous) / (v - previous);
        return previousMs + qint64(std::llround(t * double(forecast[i].timeMs - previousMs)));
    }
    return std::nullopt;
}

} // namespace

Crossing crossingOf(const QList<ForecastStep> &forecast, double capacity,
                    std::optional<qint64> startMs, double startValue)
{
    Crossing crossing;
    crossing.pointMs = firstReach(forecast, capacity, startMs, startValue,
                                  [](const ForecastStep &s) { return s.point; });
    crossing.earliestMs = firstReach(forecast, capacity, startMs, startValue,
                                     [](const ForecastStep &s) { return s.upper95; });
    crossing.latestMs = firstReach(forecast, capacity, startMs, startValue,
                                   [](const ForecastStep &s) { return s.lower95; });
    return crossing;
}

Crossing timeToCrossing(const Forecaster &forecaster, double capacity, int horizonSteps)
{
    return timeToCrossing(forecaster, forecaster.forecast(horizonSteps), capacity);
}

Crossing timeToCrossing(const Forecaster &forecaster, const QList<ForecastStep> &forecast,
                        double capacity)
{
    if (forecast.isEmpty())
        return {};
    // The band starts at the last observation too: nothing is uncertain yet.
    const double last = forecaster.lastValue();
    if (!std::isfinite(last))
        return crossingOf(forecast, capacity);
    return crossingOf(forecast, capacity, forecaster.lastTimeMs(), last);
}

} // namespace Umbra::Predict
