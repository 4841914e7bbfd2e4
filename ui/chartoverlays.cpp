#include "chartoverlays.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace Umbra::ChartOverlays {

QList<ForecastBand> forecastBands(const DemandForecast &forecast)
{
    QList<ForecastBand> bands;
    bands.reserve(forecast.steps.size());
    for (const Predict::ForecastStep &step : forecast.steps)
        bands.append(
            { step.timeMs, step.point, step.lower80, step.upper80, step.lower95, step.upper95 });
    return bands;
}

ChartMarker anomalyMarker(const Anomaly &anomaly, double factor)
{
    QString text = QCoreApplication::translate("Umbra::ChartOverlays", "%1\n%2 · score %3")
                       .arg(anomalyReason(anomaly),
                            QLocale().toString(QDateTime::fromMSecsSinceEpoch(anomaly.timeMs),
                                               QLocale::ShortFormat))
                       .arg(anomaly.score, 0, 'f', 2);
    if (anomaly.verdict != AnomalyVerdict::Open)
        text += QCoreApplication::translate("Umbra::ChartOverlays", " · marked %1")
                    .arg(anomalyVerdictName(anomaly.verdict));
    return { anomaly.timeMs, anomaly.observed * factor, text,
             anomaly.verdict == AnomalyVerdict::Open };
}

} // namespace Umbra::ChartOverlays
