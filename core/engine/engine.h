#pragma once

#include "collect/sessionoptions.h"
#include "fleet/eventrecord.h"
#include "fleet/hostinfo.h"
#include "fleet/samples.h"
#include "fleet/vminfo.h"
#include "predict/anomaly.h"
#include "predict/healthreport.h"
#include "predict/hosthardware.h"
#include "predict/scopedcalendarevent.h"
#include "series/chartpoint.h"
#include "series/retention.h"
#include "util/result.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <QTimer>
#include <memory>

namespace Umbra {

class CredentialProvider;
class DatabaseLock;
class HostSession;
class MigrationManager;
class PredictionService;
class SessionCredentials;
class StoreReader;
class StoreWriter;

namespace Series {
class SeriesHeads;
}

// The one API the UI sees. It owns the host sessions (one thread each), the
// store writer thread and the reader, and re-emits what they report as queued
// signals on the thread the Engine lives in (the GUI thread in the console).
// Nothing here blocks on libvirt; queries return futures.
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
    bool storeIsReadOnly() const { return m_storeReadOnly; }
    QString storePath() const { return m_storePath; }

    void setCredentialProvider(CredentialProvider *provider);
    void setIntervalMs(int intervalMs);
    int intervalMs() const { return m_sessionOptions.intervalMs; }
    void setSessionOptions(const SessionOptions &options);
    // Demo hosts start with this much simulated history (default on): a day
    // and more, so the demo's anomaly detectors have had their day of
    // learning (Predict::AnomalyWatch::kLearningMs) and its charts show one.
    static constexpr qint64 kSimulatedHistoryMs = 26 * 3600 * 1000;
    void setBackfillSimulatedHistory(bool enabled) { m_backfillSimulated = enabled; }

    // Starts a session for every host stored in the database.
    void start();
    // Stops every session and flushes the store. Idempotent.
    void shutdown();

    // Validates the URI, stores the host and starts its session.
    Result<void> addHost(const HostConfig &config);
    void removeHost(const QString &uri);
    // Where a host publishes its hardware health (a Prometheus node or
    // smartctl exporter, http or https); empty to stop reading it.
    Result<void> setExporterUrl(const QString &uri, const QString &url);

    QList<HostConfig> hosts() const;
    bool hasHost(const QString &uri) const;
    bool isSimulated(const QString &uri) const;
    HostStatus hostStatus(const QString &uri) const;
    HostInfo hostInfo(const QString &uri) const;
    QList<VmInfo> vms(const QString &uri) const;

    QFuture<QList<VmSample>> vmHistory(const QString &uuid, qint64 fromMs, qint64 toMs) const;
    QFuture<QList<HostSample>> hostHistory(const QString &uri, qint64 fromMs, qint64 toMs) const;
    QFuture<QList<EventRecord>> recentEvents(int limit) const;

    // A chart of one series (names: store/metriccatalog.h): at most widthPx
    // points, each with the min/max envelope of what it covers, read from the
    // coarsest resolution fine enough for the width.
    QFuture<QList<Series::ChartPoint>> chart(const QString &series, qint64 fromMs, qint64 toMs,
                                             int widthPx) const;
    // Writes every series of a VM ("vm/<uuid>") or host ("host/<uri>") in
    // [fromMs, toMs] to a CSV file. Resolves to an empty string on success,
    // otherwise to the reason it failed.
    QFuture<QString> exportCsv(const QString &entity, qint64 fromMs, qint64 toMs,
                               const QString &filePath) const;
    // How long each resolution of history is kept (defaults: raw 48 h,
    // 1 min 14 days, 5 min 90 days, 1 h 2 years).
    void setRetention(const Series::Retention &retention);

    void logEvent(const EventRecord &event);

    // The forecast of "cpu" or "memory" (in % of capacity) of a VM
    // ("vm/<uuid>") or host ("host/<uri>"), computed on the prediction thread.
    // Empty steps until the entity has samples.
    QFuture<DemandForecast> forecast(const QString &entity, const QString &metric,
                                     DemandForecast::Tier tier, int horizonSteps) const;
    // The latest health of a VM or host (a default report, score 100 with no
    // breakdown, before its first sample), and of everything scored so far.
    HealthReport health(const QString &entity) const;
    QList<HealthReport> healthReports() const;

    // Live migrations: each job on its own thread, journalled in the
    // database. Jobs a crashed console left unfinished are reconciled at
    // start(). Null before openStore().
    MigrationManager *migrations() const { return m_migrations; }

    // Known events (a sale, a batch window) that forecasts account for;
    // stored in the database. Changes arrive with calendarChanged().
    QList<ScopedCalendarEvent> calendarEvents() const { return m_calendar; }
    void addCalendarEvent(const ScopedCalendarEvent &event);
    void removeCalendarEvent(qint64 id);

    // Anomalies found on the series of a VM ("vm/<uuid>") or host
    // ("host/<uri>"), or of every entity when `entity` is empty, in
    // [fromMs, toMs], oldest first.
    QFuture<QList<Anomaly>> anomalies(const QString &entity, qint64 fromMs, qint64 toMs) const;
    // An operator's verdict; the change arrives with anomalyChanged().
    void setAnomalyVerdict(qint64 id, AnomalyVerdict verdict);

    // A host's hardware health as last assessed: its exporter readings,
    // drive risks and failure risk with the breakdown (assessedAtMs 0
    // before the first assessment). Updates arrive with hardwareAssessed().
    Hardware::HostHardwareReport hardware(const QString &uri) const;
    // How often exporters are read (default a minute).
    void setHardwareIntervalMs(int intervalMs);

Q_SIGNALS:
    void hostAdded(const Umbra::HostConfig &config);
    void hostRemoved(const QString &uri);
    void hostConfigChanged(const Umbra::HostConfig &config);
    void hostStatusChanged(const Umbra::HostStatus &status);
    void hostInfoChanged(const Umbra::HostInfo &info);
    void inventoryReset(const QString &uri, const QList<Umbra::VmInfo> &vms);
    void vmChanged(const QString &uri, const Umbra::VmInfo &vm);
    void vmRemoved(const QString &uri, const QString &uuid);
    void samplesCollected(const Umbra::HostSample &host, const QList<Umbra::VmSample> &vms);
    void eventLogged(const Umbra::EventRecord &event);
    // Stored history of a VM (UUID) or host (URI) changed behind the live
    // samples (the demo's first day); views showing it read it again.
    void historyFilled(const QString &key);
    // The store could not write; collection goes on, the message says why.
    void storeError(const QString &message);
    // Health scores of one collection (a host and its VMs).
    void healthUpdated(const QList<Umbra::HealthReport> &reports);
    void calendarChanged(const QList<Umbra::ScopedCalendarEvent> &events);
    void anomalyFound(const Umbra::Anomaly &anomaly);
    void anomalyChanged(const Umbra::Anomaly &anomaly);
    void hardwareAssessed(const Umbra::Hardware::HostHardwareReport &report);

private:
    struct Session
    {
        HostConfig config;
        QString exporterUrl; // as given, with any credentials; config's has none
        QThread *thread = nullptr;
        HostSession *session = nullptr;
        HostStatus status;
        HostInfo info;
        QHash<QString, VmInfo> vms;
    };

    void startSession(const HostConfig &config);
    void stopSession(Session &session);
    void onStatusChanged(const HostStatus &status);
    void onHostInfoChanged(const HostInfo &info);
    void onInventoryReset(const QString &uri, const QList<VmInfo> &vms);
    void onVmChanged(const QString &uri, const VmInfo &vm);
    void onVmRemoved(const QString &uri, const QString &uuid);
    void checkSilentHosts();
    void startPrediction();
    void onHealthUpdated(const QList<HealthReport> &reports);
    void onAnomaliesFound(const QList<Anomaly> &incident);
    void onSamplesDropped(const QString &entity, qint64 heldUntilMs);
    // The name an operator knows "vm/<uuid>" or "host/<uri>" by; fills in the
    // event's VM and host.
    QString describeEntity(const QString &entity, EventRecord &event) const;
    void watchHardware(const HostConfig &config);
    // Runs `ask` on the prediction thread and resolves to what it returns,
    // or to `fallback` when prediction has not started.
    template<typename T, typename Ask> QFuture<T> askPrediction(T fallback, Ask ask) const
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        if (!m_prediction) {
            promise->addResult(std::move(fallback));
            promise->finish();
            return future;
        }
        QMetaObject::invokeMethod(
            m_prediction,
            [prediction = m_prediction, promise, ask] {
                promise->addResult(ask(*prediction));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    QString m_storePath;
    std::unique_ptr<DatabaseLock> m_storeLock;
    bool m_storeReadOnly = false;
    SessionOptions m_sessionOptions;
    std::unique_ptr<SessionCredentials> m_sessionCredentials; // for the sessions' threads
    QHash<QString, Session> m_sessions;
    QList<QString> m_order; // hosts in the order they were added
    QThread m_storeThread;
    StoreWriter *m_writer = nullptr;
    std::unique_ptr<StoreReader> m_reader;
    std::shared_ptr<Series::SeriesHeads> m_heads; // shared by writer, readers and models
    QThread m_predictThread;
    PredictionService *m_prediction = nullptr;
    QHash<QString, HealthReport> m_health; // by entity
    QHash<QString, Hardware::HostHardwareReport> m_hardware; // by host URI
    int m_hardwareIntervalMs = 0; // 0: the watch's default
    MigrationManager *m_migrations = nullptr;
    QList<ScopedCalendarEvent> m_calendar;
    QTimer *m_watchdog = nullptr;
    bool m_started = false;
    bool m_backfillSimulated = true;
    Series::Retention m_retention;
};

} // namespace Umbra
