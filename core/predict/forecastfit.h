#pragma once

#include "predict/calendarevent.h"
#include "predict/forecastmodel.h"
#include "predict/seasonality.h"

#include <QList>
#include <vector>

namespace Umbra::Predict {

// Everything a fit looks at: a copy of the retained history, so that the fit
// can run on any thread while the forecaster keeps taking samples.
struct FitInput
{
    std::vector<float> values; // one per slot, oldest first; NaN = missing
    qint64 firstSlot = 0; // slot of values[0]
    qint64 originMs = 0; // time of slot 0
    int intervalSeconds = 300;
    QList<CalendarEvent> events;
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
