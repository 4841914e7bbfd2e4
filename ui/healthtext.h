#pragma once

#include "predict/healthreport.h"

#include <QColor>
#include <QString>

// How a health score reads in the console: its colour, a one-line summary,
// and the breakdown that explains it, the same in the tree's tooltip, the
// VM and host pages and the overview's list of what is at risk.
namespace Umbra::HealthText {

// Green from 80, amber down to the unhealthy threshold, red below it; amber
// too when the score is forecast to cross that threshold within
// `soonSeconds` (the At-risk list passes its horizon).
QColor color(const Predict::HealthScore &health, qint64 soonSeconds = Predict::kSoonSeconds);
// "Health 72 — CPU at 92 % of its vCPUs" or "Health 100 — nothing to report".
QString summary(const HealthReport &report);
// The score and every deduction, one per line, with its points.
QString breakdown(const HealthReport &report);
// "CPU reaches 100 % in about 3 hours (between about 2 hours and about 6
// hours)", or an empty string when no saturation is forecast.
QString saturation(const QString &resource, const Predict::Crossing &crossing, qint64 nowMs);

// One line under a page's charts: when CPU and memory reach 100 %, or that
// neither does within the forecasts' reach. Empty before any forecast.
QString forecastCaption(const QList<DemandForecast> &forecasts, qint64 nowMs);

} // namespace Umbra::HealthText
