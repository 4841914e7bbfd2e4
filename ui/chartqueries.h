#pragma once

#include "fleet/samples.h"
#include "predict/anomaly.h"
#include "predict/healthreport.h"
#include "series/chartpoint.h"

#include <QFuture>
#include <QList>
#include <functional>

class QObject;

namespace Umbra {

class Engine;

// What an entity's charts ask the Engine, and the one change they follow.
// Built in one place (chartQueries()) so the charts depend on these
// signatures, not on where the Engine keeps each query.
struct ChartQueries
{
    // The stored samples of a VM (by UUID) or host (by URI) in [fromMs, toMs].
    std::function<QFuture<QList<VmSample>>(const QString &uuid, qint64 fromMs, qint64 toMs)>
        vmHistory;
    std::function<QFuture<QList<HostSample>>(const QString &uri, qint64 fromMs, qint64 toMs)>
        hostHistory;
    // At most `widthPx` points of a stored series, each with its min/max envelope.
    std::function<QFuture<QList<Series::ChartPoint>>(const QString &series, qint64 fromMs,
                                                     qint64 toMs, int widthPx)>
        chart;
    std::function<QFuture<DemandForecast>(const QString &entity, const QString &metric,
                                          DemandForecast::Tier tier, int steps)>
        forecast;
    std::function<QFuture<QList<Anomaly>>(const QString &entity, qint64 fromMs, qint64 toMs)>
        anomalies;
    // The collection interval: the step of the live hour's forecast.
    std::function<int()> intervalMs;
    // Calls `changed` on `context`'s thread whenever an anomaly is found or judged.
    std::function<void(QObject *context, std::function<void(const Anomaly &)> changed)>
        watchAnomalies;
};

// The queries answered by `engine`; once it is gone they answer nothing.
ChartQueries chartQueries(Engine *engine);

} // namespace Umbra
