#pragma once

#include "predict/crossing.h"

#include <QList>
#include <QPointF>

namespace Umbra::Predict {

// "At this rate it is full in 80 minutes": a robust straight line (Theil–Sen)
// through recent points (x in ms, y in % of capacity), with a band of ±2
// robust standard deviations of the residuals. Only a rise that clearly
// stands out of the noise counts: over the window it must exceed three times
// the residuals' spread.
struct TrendLine
{
    bool rising = false;
    double slope = 0; // per ms
    double intercept = 0;
    double band = 0;

    // Where the line (and its band's edges) reaches `capacity`, no earlier
    // than `nowMs`. Empty when it is not rising, or when the line would take
    // longer than `horizonMs` from `nowMs`.
    Crossing crossing(double capacity, qint64 nowMs, qint64 horizonMs) const;
};

// Fitting costs a median of every pair's slope; a caller whose points change
// less often than it asks keeps the line.
TrendLine fitTrendLine(const QList<QPointF> &points);

} // namespace Umbra::Predict
