#include "engine/engine.h"

#include "collect/hostsession.h" // sessions are wired by pointer
#include "demo/simulatedlink.h"
#include "demo/simulatedreplicaagent.h"
#include "engine/heaptrim.h"
#include "engine/lifecycleservice.h"
#include "engine/metricsservice.h"
#include "engine/policyservice.h"
#include "engine/poolservice.h"
#include "engine/prometheusbackfill.h"
#include "migrate/libvirtlink.h"
#include "migrate/migrationmanager.h"
#include "shadow/shadowguard.h"
#include "shadow/shadowservice.h"
#include "traffic/trafficservice.h"

#include <QTimer>
#include <algorithm>

namespace Umbra {

namespace {

void registerMetaTypes()
{
    qRegisterMetaType<Umbra::HostConfig>();
    qRegisterMetaType<Umbra::HostInfo>();
    qRegisterMetaType<Umbra::HostStatus>();
    qRegisterMetaType<Umbra::VmInfo>();
    qRegisterMetaType<QList<Umbra::VmInfo>>();
    qRegisterMetaType<Umbra::VmSample>();
    qRegisterMetaType<QList<Umbra::VmSample>>();
    qRegisterMetaType<Umbra::HostSample>();
    qRegisterMetaType<Umbra::EventRecord>();
    qRegisterMetaType<Umbra::HealthReport>();
    qRegisterMetaType<QList<Umbra::HealthReport>>();
    qRegisterMetaType<Umbra::DemandForecast>();
    qRegisterMetaType<Umbra::ScopedCalendarEvent>();
    qRegisterMetaType<QList<Umbra::ScopedCalendarEvent>>();
    qRegisterMetaType<Umbra::Anomaly>();
    qRegisterMetaType<QList<Umbra::Anomaly>>();
    qRegisterMetaType<Umbra::Hardware::HostHardwareReport>();
}

} // namespace

Engine::Engine(QObject *parent)
    : QObject(parent)
    , m_fleet(std::make_unique<FleetService>())
    , m_history(std::make_unique<HistoryService>())
    , m_events(std::make_unique<EventLog>(m_fleet->state(), m_history.get()))
    , m_prediction(std::make_unique<PredictionProxy>(m_fleet->state()))
    , m_demoBackfill(std::make_unique<DemoBackfill>(m_fleet->state()))
    , m_metrics(std::make_unique<MetricsService>(m_fleet->state(), m_prediction.get()))
    , m_prometheusBackfill(std::make_unique<PrometheusBackfill>(m_fleet->state()))
    , m_heapTrim(std::make_unique<HeapTrim>())
{
    registerMetaTypes();

    // What the sessions report: the inventory is the fleet's own; events go
    // to the log, samples and the rest also straight to the models.
    connect(m_fleet.get(), &FleetService::sessionEventLogged, m_events.get(), &EventLog::announce);
    connect(m_fleet.get(), &FleetService::hostSilent, m_events.get(), &EventLog::hostSilent);
    connect(m_fleet.get(), &FleetService::sessionStarted, m_prediction.get(),
            &PredictionProxy::follow);
    connect(m_fleet.get(), &FleetService::hardwareSourceChanged, m_prediction.get(),
            &PredictionProxy::watchHardware);

    // The store's troubles are the operator's to read.
    connect(m_history.get(), &HistoryService::storeError, m_events.get(), &EventLog::storeFailed);
    connect(m_history.get(), &HistoryService::storeRecovered, m_events.get(),
            &EventLog::storeRecovered);
    connect(m_history.get(), &HistoryService::samplesDropped, m_events.get(),
            &EventLog::samplesDropped);
    // Models and detectors that started before the history was there learn
    // from it instead.
    connect(m_history.get(), &HistoryService::historyFilled, m_prediction.get(),
            &PredictionProxy::historyChanged);

    connect(m_prediction.get(), &PredictionProxy::flagged, m_events.get(), &EventLog::log);
    connect(m_prediction.get(), &PredictionProxy::anomaliesFound, m_events.get(),
            &EventLog::anomaliesFound);
    connect(m_prediction.get(), &PredictionProxy::failed, m_events.get(),
            &EventLog::predictionFailed);
    connect(m_fleet.get(), &FleetService::samplesCollected, m_metrics.get(),
            &MetricsService::noteSamples);
    connect(m_metrics.get(), &MetricsService::listening, m_events.get(),
            [this](const Metrics::ListenAddress &address) {
                m_events->metricsServing(
                    QStringLiteral("http://%1/metrics").arg(address.toString()));
            });
    connect(m_metrics.get(), &MetricsService::failed, m_events.get(), &EventLog::metricsFailed);
    connect(m_prometheusBackfill.get(), &PrometheusBackfill::failed, m_events.get(),
            &EventLog::predictionFailed);
}

Engine::~Engine()
{
    shutdown();
}

Result<void> Engine::openStore(const QString &path, StoreAccess access)
{
    const bool readOnly = access == StoreAccess::ReadOnly;
    auto stored = m_history->open(path, readOnly);
    if (!stored)
        return Error{ stored.error() };
    m_fleet->open(m_history->writer(), stored.value());
    m_demoBackfill->setWriter(m_history->writer());
    if (!readOnly)
        m_prometheusBackfill->setWriter(m_history->writer());
    // Read-only, nothing can be journalled, so nothing may move.
    if (!readOnly) {
        m_migrations
            = new MigrationManager(path, SimulatedLink::factory(LibvirtLink::factory()), this);
        m_pools = new PoolService(m_fleet->state(), m_prediction.get(), this);
        m_pools->open(path);
        m_migrations->setPlacement(m_pools->ledger(), m_pools->outlook());
        connect(m_pools, &PoolService::changed, m_migrations,
                [this](const Pools::PoolSettings &settings) { m_migrations->setPools(settings); });
        connect(m_migrations, &MigrationManager::jobFinished, m_events.get(),
                &EventLog::migrationFinished);
        m_traffic = new Traffic::TrafficService(this);
        m_traffic->open(path, m_history->writer());
        // A VM is found in a balancer by its address when no server is named
        // after it; the address is asked of its host.
        m_traffic->setAddressLookup([](const QString &vmUuid, const QString &hostUri) {
            auto link = LibvirtLink::open(hostUri);
            if (!link)
                return QStringList();
            auto addresses = link.value()->interfaceAddresses(vmUuid);
            return addresses ? addresses.value() : QStringList();
        });
        connect(m_traffic, &Traffic::TrafficService::actionFinished, m_events.get(),
                &EventLog::trafficActionFinished);
        connect(m_traffic, &Traffic::TrafficService::reported, m_events.get(),
                &EventLog::trafficReported);
        // A migration drains the VM's servers in the balancers known now.
        connect(m_traffic, &Traffic::TrafficService::balancersChanged, m_migrations,
                [this] { m_migrations->setTrafficRedirector(m_traffic->redirector()); });
        m_trafficTimer = new QTimer(this);
        connect(m_trafficTimer, &QTimer::timeout, m_traffic, &Traffic::TrafficService::refresh);
        openShadows(path);
        m_policy = new PolicyService(m_fleet->state(), m_prediction.get(), m_pools, m_migrations,
                                     m_shadows, m_traffic, this);
        // The policy proposes shadows' sizes, at the level the operator set.
        m_shadows->setAutomaticSizing(false);
        connect(m_policy, &PolicyService::reported, m_events.get(), &EventLog::policyReported);
        m_policyTimer = new QTimer(this);
        connect(m_policyTimer, &QTimer::timeout, m_policy, &PolicyService::evaluate);
        m_lifecycle = new LifecycleService(m_fleet.get(), this);
        m_lifecycle->open(path);
        connect(m_lifecycle, &LifecycleService::finished, m_events.get(),
                &EventLog::vmActionFinished);
        connect(m_lifecycle, &LifecycleService::reported, m_events.get(),
                &EventLog::lifecycleReported);
    }
    m_metrics->setStorePath(path, readOnly);
    m_metrics->setServices(m_migrations, m_traffic, m_shadows);
    return {};
}

void Engine::openShadows(const QString &path)
{
    const LinkFactory links = m_migrations->links();
    const PlacementContext placement{ m_pools->settings(), m_pools->ledger(), m_pools->outlook() };
    m_shadows = new Shadow::ShadowService(path, links, this);
    m_shadows->setAgents(SimulatedReplicaAgent::factory());
    m_shadows->setPlacement(placement);
    const FleetState *fleet = m_fleet->state();
    m_shadows->setFleetView([fleet](const QString &vmUuid) { return fleet->hostOfVm(vmUuid); },
                            [this](const QString &vmUuid) {
                                if (!m_migrations)
                                    return false;
                                const QList<MigrationRecord> running = m_migrations->running();
                                return std::any_of(
                                    running.cbegin(), running.cend(),
                                    [&](const MigrationRecord &r) { return r.vmUuid == vmUuid; });
                            });
    // A migration of a shadowed VM sets its replication aside and takes it
    // up again afterwards; the shadow service's checks see it back in sync.
    auto guard = [path, links](const PlacementContext &context) {
        return std::make_shared<Shadow::ShadowGuard>(
            Shadow::Environment{ path, links, SimulatedReplicaAgent::factory(), context });
    };
    m_migrations->setReplicationGuard(guard(placement));
    connect(m_pools, &PoolService::changed, m_shadows,
            [this, guard](const Pools::PoolSettings &settings) {
                m_shadows->setPools(settings);
                m_migrations->setReplicationGuard(
                    guard({ settings, m_pools->ledger(), m_pools->outlook() }));
            });
    connect(m_shadows, &Shadow::ShadowService::actionFinished, m_events.get(),
            &EventLog::shadowActionFinished);
    connect(m_shadows, &Shadow::ShadowService::reported, m_events.get(), &EventLog::shadowReported);
    // A shadow that failed its last validation counts against its VM's
    // health until one passes.
    connect(m_shadows, &Shadow::ShadowService::shadowsChanged, this, [this] {
        QHash<QString, QString> failed;
        for (const Shadow::ShadowRecord &shadow : m_shadows->shadows())
            if (shadow.lastValidation && !shadow.lastValidation->passed)
                failed.insert(shadow.primaryUuid,
                              shadow.lastValidation->reason.isEmpty()
                                  ? tr("no reason was recorded")
                                  : shadow.lastValidation->reason);
        m_prediction->setFailedValidations(failed);
    });
    connect(m_migrations, &MigrationManager::jobFinished, m_shadows,
            &Shadow::ShadowService::refresh);
    m_shadowTimer = new QTimer(this);
    connect(m_shadowTimer, &QTimer::timeout, m_shadows, &Shadow::ShadowService::refresh);
}

void Engine::setCredentialProvider(CredentialProvider *provider)
{
    m_fleet->setCredentialProvider(provider);
}

void Engine::setSecretStore(SecretStore *secrets)
{
    m_fleet->setSecretStore(secrets);
}

void Engine::setIntervalMs(int intervalMs)
{
    m_fleet->setIntervalMs(intervalMs);
    m_metrics->setIntervalMs(intervalMs);
    m_prometheusBackfill->setWindow(PrometheusBackfill::kDayMs, intervalMs);
}

void Engine::setSessionOptions(const SessionOptions &options)
{
    m_fleet->setSessionOptions(options);
}

void Engine::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_history->path().isEmpty())
        m_prediction->start(m_history->path(), m_history->heads(), m_history->isReadOnly(),
                            intervalMs());
    if (m_migrations)
        m_migrations->reconcile();
    if (m_traffic) {
        m_traffic->reconcile();
        m_trafficTimer->start(intervalMs());
    }
    if (m_shadows) {
        m_shadows->refresh(); // adopts what a stopped console left
        m_shadowTimer->start(intervalMs());
    }
    if (m_policy) {
        m_policy->open(m_history->path());
        // Each evaluation asks the prediction thread for a day-ahead forecast
        // of every host and VM: a fleet collected faster than once a second
        // changes its forecasts no faster, and the models being fitted would
        // wait.
        m_policyTimer->start(std::max(intervalMs(), 1000));
    }
    m_fleet->start();
    m_heapTrim->start();
}

void Engine::shutdown()
{
    // The snapshot reads the services below: the endpoint goes first.
    m_metrics->stop();
    m_metrics->setServices(nullptr, nullptr, nullptr);
    m_fleet->shutdown();
    m_heapTrim->stop();
    m_started = false;
    delete m_lifecycle; // waits for the actions under way
    m_lifecycle = nullptr;
    if (m_policy) {
        delete m_policyTimer;
        m_policyTimer = nullptr;
        delete m_policy;
        m_policy = nullptr;
    }
    if (m_shadows) {
        delete m_shadowTimer;
        m_shadowTimer = nullptr;
        delete m_shadows; // waits for its running actions
        m_shadows = nullptr;
    }
    if (m_migrations) {
        // Running jobs are cancelled and rolled back before the store closes.
        delete m_migrations;
        m_migrations = nullptr;
    }
    delete m_pools;
    m_pools = nullptr;
    if (m_traffic) {
        delete m_trafficTimer;
        m_trafficTimer = nullptr;
        delete m_traffic; // its running actions go back first
        m_traffic = nullptr;
    }
    // History still queued for simulated VMs is not waited for.
    m_demoBackfill->setWriter(nullptr);
    // Saves what the models learnt before the store closes.
    m_prediction->stop();
    m_prometheusBackfill->stop();
    m_history->close();
}

} // namespace Umbra
