#pragma once

#include "predict/calendarevent.h"
#include "predict/forecastmodel.h"
#include "predict/seasonality.h"

#include <QList>
#include <vector>

namespace Umbra::Predict {

// The constants that shape the prediction intervals. Errors measured on the
// history the parameters were fitted to understate the errors to come (the
// fit has seen those data; VM load drifts between regimes), and their tails
// most: the measured error quantiles are widened, the 95 % ones more than
// the 80 % ones. Intervals follow the recent step size only partly
// (typical^(1-blend) · recent^blend): a calm hour is no promise that the
// next one stays calm. Chosen by leave-one-out over the public trace
// families (bench_forecast --leave-one-out, docs/prediction.md).
struct FitTuning
{
    double widening80 = 1.3;
    double widening95 = 1.7;
    double scaleBlend = 0.0;
};

// Everything a fit looks at: a copy of the retained history, so that the fit
// can run on any thread while the forecaster keeps taking samples.
struct FitInput
{
    std::vector<float> values; // one per slot, oldest first; NaN = missing
    qint64 firstSlot = 0; // slot of values[0]
    qint64 originMs = 0; // time of slot 0
    int intervalSeconds = 300;
    QList<CalendarEvent> events;
    FitTuning tuning;
};

struct FitResult
{
    Seasonality seasonality;
    ModelParams params;
    ModelState state; // after the last slot of the input
    QList<EventUplift> uplifts;
};

// Re-detects the seasonality, re-estimates every member, measures each
// member's errors per horizon on the history itself (rolling origins) to set
// the combination weights and the error quantiles that become the prediction
// intervals, and learns the uplift of every calendar event seen in the data.
// A pure function of its input.
FitResult fitModel(const FitInput &input);

// The cycle the models use: a week only when three of them are retained (two
// samples per phase would make a noisy profile), else a day, else any other
// detected cycle; 0 when fewer than two cycles are available.
int modelPeriod(const Seasonality &seasonality, int samples, int intervalSeconds);

} // namespace Umbra::Predict
