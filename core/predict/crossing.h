#pragma once

#include "predict/forecaster.h"

#include <QList>
#include <optional>

namespace Umbra::Predict {

// When a forecast reaches a capacity (100 % CPU, a VM's memory size), read
// from its point forecast and from its 95 % band: the upper bound reaches it
// first (earliest), the lower bound last (latest). Times are absolute, in ms,
// linearly interpolated between forecast steps; std::nullopt means "not within
// the forecast horizon". A forecast that starts above the capacity crosses at
// its first step.
struct Crossing
{
    std::optional<qint64> pointMs;
    std::optional<qint64> earliestMs;
    std::optional<qint64> latestMs;

    bool withinHorizon() const { return pointMs.has_value(); }
};

// `startMs`/`startValue` (the last observation) anchor the interpolation into
// the first step; without them the first step counts as reached at its time.
Crossing crossingOf(const QList<ForecastStep> &forecast, double capacity,
                    std::optional<qint64> startMs = {}, double startValue = 0);

// The same from a forecaster: forecasts `horizonSteps` and anchors at its
// last sample.
Crossing timeToCrossing(const Forecaster &forecaster, double capacity, int horizonSteps);
// The same from a forecast the forecaster already made.
Crossing timeToCrossing(const Forecaster &forecaster, const QList<ForecastStep> &forecast,
                        double capacity);

} // namespace Umbra::Predict
