#include "chartqueries.h"

#include "engine/engine.h"

#include <QPointer>

namespace Umbra {

ChartQueries chartQueries(Engine *engine)
{
    // Once the engine is gone (the console shuts down) every query answers
    // with a canceled future, which nobody applies.
    const QPointer<Engine> e(engine);
    ChartQueries q;
    q.vmHistory = [e](const QString &uuid, qint64 fromMs, qint64 toMs) {
        return e ? e->history()->vmHistory(uuid, fromMs, toMs) : QFuture<QList<VmSample>>();
    };
    q.hostHistory = [e](const QString &uri, qint64 fromMs, qint64 toMs) {
        return e ? e->history()->hostHistory(uri, fromMs, toMs) : QFuture<QList<HostSample>>();
    };
    q.chart = [e](const QString &series, qint64 fromMs, qint64 toMs, int widthPx) {
        return e ? e->history()->chart(series, fromMs, toMs, widthPx)
                 : QFuture<QList<Series::ChartPoint>>();
    };
    q.forecast
        = [e](const QString &entity, const QString &metric, DemandForecast::Tier tier, int steps) {
              return e ? e->prediction()->forecast(entity, metric, tier, steps)
                       : QFuture<DemandForecast>();
          };
    q.anomalies = [e](const QString &entity, qint64 fromMs, qint64 toMs) {
        return e ? e->prediction()->anomalies(entity, fromMs, toMs) : QFuture<QList<Anomaly>>();
    };
    q.intervalMs = [e] { return e ? e->intervalMs() : 1000; };
    q.watchAnomalies = [e](QObject *context, std::function<void(const Anomaly &)> changed) {
        if (!e)
            return;
        QObject::connect(e->prediction(), &PredictionProxy::anomalyFound, context, changed);
        QObject::connect(e->prediction(), &PredictionProxy::anomalyChanged, context, changed);
    };
    return q;
}

} // namespace Umbra
