#pragma once

#include <initializer_list>

class QAbstractAxis;
class QAbstractSeries;
class QChart;

// What the overlays drawn over a chart's lines (forecasts, anomaly markers)
// share: they stay out of the legend, and follow the chart when it swaps
// time axes (live hour, long ranges).
namespace Umbra::OverlayAxes {

void hideFromLegend(QChart *chart, QAbstractSeries *series);
// Moves `series` from time axis `previous` (null: none yet) to `timeAxis`,
// and onto `valueAxis` if they are not on it.
void follow(std::initializer_list<QAbstractSeries *> series, QAbstractAxis *previous,
            QAbstractAxis *timeAxis, QAbstractAxis *valueAxis);

} // namespace Umbra::OverlayAxes
