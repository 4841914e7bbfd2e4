#include "engine/metricsservice.h"

#include "engine/predictionproxy.h"
#include "fleet/fleetstate.h"
#include "fleet/hosturi.h"
#include "fleet/samples.h"
#include "jobs/planstore.h"
#include "metrics/metricsexposition.h"
#include "metrics/metricsserver.h"
#include "migrate/migrationmanager.h"
#include "shadow/shadowrecord.h"
#include "shadow/shadowservice.h"
#include "store/database.h"
#include "traffic/trafficservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>
#include <atomic>

namespace Umbra {

namespace Metrics {

// Connection names are process-wide; two engines may serve metrics at once.
QString connectionName()
{
    return Database::uniqueConnectionName(QStringLiteral("umbra-metrics-plans"));
}

// Lives on the render thread: adds what the journal says, renders the page
// and publishes it. Its own connection to the database, opened on first use.
class SnapshotRenderer : public QObject
{
public:
    SnapshotRenderer(MetricsServer *server, QString storePath, bool readOnly)
        : m_server(server)
        , m_storePath(std::move(storePath))
        , m_readOnly(readOnly)
    { }

    // Returns the seconds the render took.
    double render(MetricsSnapshot snapshot)
    {
        QElapsedTimer clock;
        clock.start();
        if (!m_storePath.isEmpty()) {
            snapshot.storeBytes = QFileInfo(m_storePath).size()
                + QFileInfo(m_storePath + QStringLiteral("-wal")).size();
            if (!m_readOnly && !m_plans)
                if (auto opened = Jobs::PlanStore::open(m_storePath, connectionName()))
                    m_plans = std::move(opened.value());
            if (m_plans)
                if (auto counts = m_plans->counts()) {
                    snapshot.plansKnown = true;
                    for (const Jobs::PlanStore::Count &count : counts.value())
                        snapshot.plans.append({ count.kind, count.state, count.count });
                }
        }
        const QByteArray page = renderExposition(snapshot);
        m_server->publish(page);
        m_lastBytes = page.size();
        return double(clock.nsecsElapsed()) / 1e9;
    }

    qsizetype lastBytes() const { return m_lastBytes; }

private:
    MetricsServer *m_server;
    QString m_storePath;
    bool m_readOnly;
    std::unique_ptr<Jobs::PlanStore> m_plans;
    qsizetype m_lastBytes = 0;
};

} // namespace Metrics

const QList<int> MetricsService::kHorizonSeconds = { 15 * 60, 3600, 24 * 3600 };

MetricsService::MetricsService(const FleetState *fleet, PredictionProxy *prediction,
                               QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_prediction(prediction)
{
    m_renderThread.setObjectName(QStringLiteral("umbra-metrics"));
}

MetricsService::~MetricsService()
{
    stop();
}

void MetricsService::setServices(MigrationManager *migrations, Traffic::TrafficService *traffic,
                                 Shadow::ShadowService *shadows)
{
    m_migrations = migrations;
    m_traffic = traffic;
    m_shadows = shadows;
}

void MetricsService::setStorePath(const QString &path, bool readOnly)
{
    m_storePath = path;
    m_readOnly = readOnly;
}

void MetricsService::setIntervalMs(int intervalMs)
{
    // Prometheus scrapes every 15 s or so: a page fresher than a second
    // would only cost renders nobody reads.
    m_intervalMs = std::clamp(intervalMs, 1000, 15000);
    if (m_timer)
        m_timer->setInterval(m_intervalMs);
}

void MetricsService::listen(const Metrics::ListenAddress &address)
{
    if (!m_server) {
        m_server = std::make_unique<Metrics::MetricsServer>();
        connect(m_server.get(), &Metrics::MetricsServer::listening, this,
                [this](const Metrics::ListenAddress &bound) {
                    m_address = bound;
                    Q_EMIT listening(bound);
                });
        connect(m_server.get(), &Metrics::MetricsServer::failed, this, &MetricsService::failed);
        m_renderer = new Metrics::SnapshotRenderer(m_server.get(), m_storePath, m_readOnly);
        m_renderer->moveToThread(&m_renderThread);
        connect(&m_renderThread, &QThread::finished, m_renderer, &QObject::deleteLater);
        m_renderThread.start();
        m_timer = new QTimer(this);
        m_timer->setInterval(m_intervalMs);
        connect(m_timer, &QTimer::timeout, this, &MetricsService::refresh);
        m_timer->start();
    }
    m_server->listen(address);
    refresh();
}

void MetricsService::stop()
{
    if (!m_server)
        return;
    delete m_timer;
    m_timer = nullptr;
    m_server->stop();
    m_renderThread.quit();
    m_renderThread.wait();
    m_renderer = nullptr;
    m_server.reset();
    m_rendering = false;
}

void MetricsService::noteSamples(const HostSample &host, const QList<VmSample> &)
{
    m_collected.insert(host.uri, { host.timestampMs, host.collectionSeconds });
}

void MetricsService::askForecasts()
{
    // Until the models have a five-minute tier to read (the first minutes
    // after start), asked again every few seconds.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 every = m_forecasts.isEmpty() ? 5'000 : 60'000;
    if (m_forecastsAskedMs > 0 && now - m_forecastsAskedMs < every)
        return;
    m_forecastsAskedMs = now;
    QPointer<MetricsService> self(this);
    m_prediction->horizonForecasts(kHorizonSeconds)
        .then(this, [self](const QHash<QString, QList<HorizonForecast>> &forecasts) {
            if (self)
                self->m_forecasts = forecasts;
        });
}

Metrics::MetricsSnapshot MetricsService::snapshot() const
{
    Metrics::MetricsSnapshot snapshot;
    snapshot.atMs = QDateTime::currentMSecsSinceEpoch();
    snapshot.version = QCoreApplication::applicationVersion();
    for (const HostConfig &config : m_fleet->hosts()) {
        Metrics::HostMetrics host;
        host.uri = config.uri;
        host.name = HostUri::displayName(config.uri);
        host.state = m_fleet->status(config.uri).state;
        const QString entity = QStringLiteral("host/") + config.uri;
        host.health = m_prediction->health(entity);
        host.forecasts = m_forecasts.value(entity);
        const Hardware::HostHardwareReport hardware = m_prediction->hardware(config.uri);
        host.riskAssessed = hardware.assessedAtMs > 0;
        host.risk = hardware.risk;
        const Collected collected = m_collected.value(config.uri);
        host.lastSampleMs = collected.atMs;
        host.collectionSeconds = collected.seconds;
        const QList<VmInfo> vms = m_fleet->vms(config.uri);
        host.vms = int(vms.size());
        for (const VmInfo &info : vms) {
            Metrics::VmMetrics vm;
            vm.uuid = info.uuid;
            vm.name = info.name;
            vm.host = host.name;
            const QString vmEntity = QStringLiteral("vm/") + info.uuid;
            vm.health = m_prediction->health(vmEntity);
            vm.forecasts = m_forecasts.value(vmEntity);
            snapshot.vms.append(std::move(vm));
        }
        snapshot.hosts.append(std::move(host));
    }
    if (m_shadows) {
        QHash<int, int> byState;
        for (const Shadow::ShadowRecord &shadow : m_shadows->shadows())
            ++byState[int(shadow.state)];
        for (Shadow::State state :
             { Shadow::State::Creating, Shadow::State::Seeding, Shadow::State::InSync,
               Shadow::State::Degraded, Shadow::State::Suspended, Shadow::State::FailedOver,
               Shadow::State::Removed, Shadow::State::Failed })
            snapshot.shadows.append({ Shadow::stateKey(state), byState.value(int(state)) });
    }
    if (m_migrations)
        snapshot.migrationsRunning = int(m_migrations->running().size());
    if (m_traffic)
        snapshot.trafficActionsRunning = m_traffic->runningCount();
    snapshot.modelledEntities = int(m_prediction->healthReports().size());
    snapshot.lastRenderSeconds = m_lastRenderSeconds;
    return snapshot;
}

void MetricsService::refresh()
{
    if (!m_server || m_rendering)
        return;
    askForecasts();
    m_rendering = true;
    QPointer<MetricsService> self(this);
    Metrics::SnapshotRenderer *renderer = m_renderer;
    QMetaObject::invokeMethod(
        renderer,
        [self, renderer, snapshot = snapshot()]() mutable {
            const qint64 atMs = snapshot.atMs;
            const double seconds = renderer->render(std::move(snapshot));
            const qsizetype bytes = renderer->lastBytes();
            QMetaObject::invokeMethod(
                qApp,
                [self, seconds, atMs, bytes] {
                    if (!self)
                        return;
                    self->m_rendering = false;
                    self->m_lastRenderSeconds = seconds;
                    Q_EMIT self->published(atMs, bytes);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace Umbra
