#pragma once

#include "metrics/listenaddress.h"
#include "metrics/metricssnapshot.h"

#include <QHash>
#include <QObject>
#include <QThread>
#include <memory>

class QTimer;

namespace Umbra {

class FleetState;
class MigrationManager;
class PredictionProxy;
struct HostSample;
struct VmSample;
namespace Metrics {
class MetricsServer;
class SnapshotRenderer;
} // namespace Metrics
namespace Shadow {
class ShadowService;
}
namespace Traffic {
class TrafficService;
}

// Umbra's figures for Prometheus. On every collection interval it takes a
// snapshot of what the engine holds (health and its factors, saturation,
// anomalies, failure risk, collectors, the journal's plans), renders it on
// a worker thread and hands the page to the /metrics server, which answers
// scrapes from the last page on a thread of its own. Forecasts at the
// exported horizons are asked of the prediction thread once a minute: the
// five-minute tier they are read from changes no faster.
class MetricsService : public QObject
{
    Q_OBJECT

public:
    // The horizons forecasts are exported at: 15 minutes, an hour and a day.
    static const QList<int> kHorizonSeconds;

    MetricsService(const FleetState *fleet, PredictionProxy *prediction, QObject *parent = nullptr);
    ~MetricsService() override;

    // The services whose state is counted; each may be null (read-only store).
    void setServices(MigrationManager *migrations, Traffic::TrafficService *traffic,
                     Shadow::ShadowService *shadows);
    void setStorePath(const QString &path, bool readOnly);
    void setIntervalMs(int intervalMs);

    // Starts serving; listening() or failed() tells how it went.
    void listen(const Metrics::ListenAddress &address);
    void stop();
    bool isServing() const { return m_server != nullptr; }
    Metrics::ListenAddress address() const { return m_address; }
    Metrics::MetricsServer *server() const { return m_server.get(); }

    // Takes a snapshot and publishes it once rendered (published() then).
    void refresh();
    // What the next page will say; for the tests and the benchmark.
    Metrics::MetricsSnapshot snapshot() const;

    void noteSamples(const HostSample &host, const QList<VmSample> &vms);

Q_SIGNALS:
    void listening(const Umbra::Metrics::ListenAddress &address);
    void failed(const QString &error);
    void published(qint64 snapshotMs, qsizetype bytes);

private:
    void askForecasts();

    const FleetState *m_fleet;
    PredictionProxy *m_prediction;
    MigrationManager *m_migrations = nullptr;
    Traffic::TrafficService *m_traffic = nullptr;
    Shadow::ShadowService *m_shadows = nullptr;
    QString m_storePath;
    bool m_readOnly = false;
    int m_intervalMs = 1000;

    std::unique_ptr<Metrics::MetricsServer> m_server;
    Metrics::ListenAddress m_address;
    QThread m_renderThread;
    Metrics::SnapshotRenderer *m_renderer = nullptr;
    bool m_rendering = false;
    double m_lastRenderSeconds = qQNaN();
    QTimer *m_timer = nullptr;
    qint64 m_forecastsAskedMs = 0;
    QHash<QString, QList<HorizonForecast>> m_forecasts; // by entity
    struct Collected
    {
        qint64 atMs = 0;
        double seconds = qQNaN();
    };
    QHash<QString, Collected> m_collected; // by host URI
};

} // namespace Umbra
