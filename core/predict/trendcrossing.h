#pragma once

#include "predict/crossing.h"

#include <QList>
#include <QPointF>

namespace Umbra::Predict {

// "At this rate it is full in 80 minutes": a robust straight line (Theil–Sen)
// through recent points (x in ms, y in % of capacity), extrapolated to
// `capacity`, with a band of ±2 robust standard deviations of the residuals.
// Only a rise that clearly stands out of the noise counts: over the window
// it must exceed three times the residuals' spread. Empty otherwise, or when
// the line would take longer than `horizonMs` from `nowMs`.
Crossing trendCrossing(const QList<QPointF> &points, double capacity, qint64 nowMs,
                       qint64 horizonMs);

} // namespace Umbra::Predict
