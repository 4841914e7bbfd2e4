#pragma once

#include "predict/confidence.h"
#include "predict/crossing.h"
#include "predict/forecaster.h"
#include "predict/healthscore.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Umbra {

// The health of one VM ("vm/<uuid>") or host ("host/<uri>") as last scored,
// with the figures it was scored from. Value type for the GUI.
struct HealthReport
{
    QString entity;
    QString uri; // the host (of the VM)
    QString uuid; // empty for a host
    qint64 atMs = 0;
    Predict::HealthScore health;
    double cpuPercent = qQNaN();
    double memoryPercent = qQNaN();
    // Absolute times (ms) at which CPU or memory is predicted to saturate,
    // from the point forecast and its 95 % band; empty unless the forecast
    // has earned the confidence to warn (Predict::Confidence).
    Predict::Crossing cpuCrossing;
    Predict::Crossing memoryCrossing;
    // What those forecasts rest on ("learning: 4 of 30 minutes").
    Predict::Confidence cpuConfidence;
    Predict::Confidence memoryConfidence;
    // The open anomaly score (0..1) the health was scored with, NaN when
    // anomaly detection has nothing open on the entity.
    double anomalyScore = qQNaN();

    bool isVm() const { return !uuid.isEmpty(); }
};

// The forecast of one metric of a VM or host, as a chart draws it.
struct DemandForecast
{
    enum class Tier {
        Fine, // at the collection interval: the next minutes
        Coarse, // at five minutes: the next hours and days
    };

    QString entity;
    // "cpu" or "memory" (in % of capacity), or for a VM "disk_rd", "disk_wr",
    // "net_rx", "net_tx" (bytes/s, no capacity: no crossing).
    QString metric;
    Tier tier = Tier::Fine;
    qint64 stepMs = 0;
    int seasonSteps = 0; // the cycle the model follows, 0 when none
    bool fitted = false;
    QList<Predict::ForecastStep> steps;
    Predict::Crossing crossing; // of 100 %, as the forecast shows it
    // What the forecast rests on at its crossing (or at its last step):
    // a crossing whose confidence is not earned is shown, not warned about.
    Predict::Confidence confidence;
};

// A forecast read at one horizon from now, for exporting: the point and its
// 80 and 95 % bands of "cpu" or "memory" (in % of capacity).
struct HorizonForecast
{
    QString metric;
    int horizonSeconds = 0;
    Predict::ForecastStep step;
};

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::HealthReport)
Q_DECLARE_METATYPE(Umbra::DemandForecast)
