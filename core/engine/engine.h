#pragma once

#include "collect/sessionoptions.h"
#include "demo/demobackfill.h"
#include "engine/eventlog.h"
#include "engine/fleetservice.h"
#include "engine/historyservice.h"
#include "engine/predictionproxy.h"
#include "util/result.h"

#include <QObject>

class QTimer;
#include <memory>

namespace Umbra {

class CredentialProvider;
class SecretStore;
class MetricsService;
class PrometheusBackfill;
class MigrationManager;
class PolicyService;
class LifecycleService;
class PoolService;
class HeapTrim;
namespace Traffic {
class TrafficService;
}
namespace Shadow {
class ShadowService;
}

// The composition root the console is built on. It creates the engine's
// services, wires them to each other and hands them out as typed APIs:
//
//   fleet()        hosts, their sessions (one thread each) and the inventory
//   history()      the database: stored samples, charts, CSV exports, retention
//   events()       the event log everyone writes through
//   prediction()   forecasts, health, anomalies, the calendar, hardware health
//   demoBackfill() the demo hosts' simulated first day
//   migrations()   live migrations
//   traffic()      load balancers and traffic shifts, drains and restores
//   pools()        resource pools, reservations and the capacity ledger
//   shadows()      shadow replicas: create, fail over, remove, and their upkeep
//   policy()       proposals from predictions, the approval queue, automation
//   metrics()      the /metrics endpoint for Prometheus
//
// Everything the services report arrives as queued signals on the thread the
// Engine lives in (the GUI thread in the console). Nothing blocks on libvirt;
// queries return futures. The Engine itself only opens the store, starts and
// shuts down.
class Engine : public QObject
{
    Q_OBJECT

public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    // Opens (creating or migrating) the database. Called once, before start().
    // Read-only serves a damaged database the operator chose to look at:
    // its history is shown, nothing is written to it (no samples, events,
    // models or migrations), and no lock is taken.
    enum class StoreAccess { ReadWrite, ReadOnly };
    Result<void> openStore(const QString &path, StoreAccess access = StoreAccess::ReadWrite);
    bool storeIsReadOnly() const { return m_history->isReadOnly(); }
    QString storePath() const { return m_history->path(); }

    void setCredentialProvider(CredentialProvider *provider);
    // Where logins an operator chose to remember are kept: the desktop
    // keyring (keyring/desktopkeyring.h); without one, nothing is remembered.
    void setSecretStore(SecretStore *secrets);
    void setIntervalMs(int intervalMs);
    int intervalMs() const { return m_fleet->sessionOptions().intervalMs; }
    void setSessionOptions(const SessionOptions &options);

    // Starts prediction and a session for every host stored in the database.
    void start();
    // Stops every session and flushes the store. Idempotent.
    void shutdown();

    FleetService *fleet() const { return m_fleet.get(); }
    HistoryService *history() const { return m_history.get(); }
    EventLog *events() const { return m_events.get(); }
    PredictionProxy *prediction() const { return m_prediction.get(); }
    DemoBackfill *demoBackfill() const { return m_demoBackfill.get(); }
    // The history of hosts whose usage comes from Prometheus, read from it.
    PrometheusBackfill *prometheusBackfill() const { return m_prometheusBackfill.get(); }
    // Live migrations: each job on its own thread, journalled in the
    // database. Jobs a crashed console left unfinished are reconciled at
    // start(). Null before openStore() and on a read-only store.
    MigrationManager *migrations() const { return m_migrations; }
    // Load balancers and traffic actions; their journal is in the database,
    // so like migrations: null before openStore() and on a read-only store.
    Traffic::TrafficService *traffic() const { return m_traffic; }
    // Pools, membership and customers (stored in the database) and the one
    // capacity ledger placements claim through. Null before openStore() and
    // on a read-only store.
    PoolService *pools() const { return m_pools; }
    // Shadows, journalled in the database: null before openStore() and on a
    // read-only store. Checked and reconciled on every collection interval.
    Shadow::ShadowService *shadows() const { return m_shadows; }
    // The policy: proposals with evidence on every collection, approved by
    // an operator or by the automation level; its plans are in the
    // database, so null before openStore() and on a read-only store.
    PolicyService *policy() const { return m_policy; }
    // Start, shut down, pause… a VM, as audited plans: null before
    // openStore() and on a read-only store.
    LifecycleService *lifecycle() const { return m_lifecycle; }
    // Umbra's figures for Prometheus at /metrics; serving only once asked
    // to listen.
    MetricsService *metrics() const { return m_metrics.get(); }

private:
    void openShadows(const QString &path);

    // Declared in the order they are built; each is built on those before it.
    std::unique_ptr<FleetService> m_fleet;
    std::unique_ptr<HistoryService> m_history;
    std::unique_ptr<EventLog> m_events;
    std::unique_ptr<PredictionProxy> m_prediction;
    std::unique_ptr<DemoBackfill> m_demoBackfill;
    std::unique_ptr<MetricsService> m_metrics;
    std::unique_ptr<PrometheusBackfill> m_prometheusBackfill;
    std::unique_ptr<HeapTrim> m_heapTrim;
    MigrationManager *m_migrations = nullptr;
    Traffic::TrafficService *m_traffic = nullptr;
    PoolService *m_pools = nullptr;
    Shadow::ShadowService *m_shadows = nullptr;
    PolicyService *m_policy = nullptr;
    LifecycleService *m_lifecycle = nullptr;
    QTimer *m_trafficTimer = nullptr;
    QTimer *m_policyTimer = nullptr;
    QTimer *m_shadowTimer = nullptr;
    bool m_started = false;
};

} // namespace Umbra
