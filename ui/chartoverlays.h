#pragma once

#include "anomalymarkers.h"
#include "forecastoverlay.h"
#include "predict/anomaly.h"
#include "predict/healthreport.h"

#include <QList>

// What the engine's forecasts and anomalies look like on a chart.
namespace Umbra::ChartOverlays {

// A forecast's steps as the bands its overlay draws.
QList<ForecastBand> forecastBands(const DemandForecast &forecast);

// An anomaly as a dot at its time and observed value (times `factor`, into
// the chart's unit), hovered for its reason, its time, score and verdict.
ChartMarker anomalyMarker(const Anomaly &anomaly, double factor);

} // namespace Umbra::ChartOverlays
