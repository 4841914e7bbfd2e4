#pragma once

#include "fleet/eventrecord.h"
#include "fleet/hostinfo.h"
#include "fleet/samples.h"
#include "fleet/vminfo.h"
#include "predict/anomaly.h"
#include "predict/anomalywatch.h"
#include "predict/calendarstore.h"
#include "predict/demandmodel.h"
#include "predict/hardwarewatch.h"
#include "predict/healthreport.h"
#include "predict/hosthardware.h"
#include "predict/modelstatestore.h"
#include "series/seriesreader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace Umbra {

// The predictive side of the engine, on its own thread: every VM and host
// sample updates the demand models of its CPU and memory, and is scored for
// health from utilisation, forecast headroom and error signals. Health goes
// out as one batch per collection; forecasts are answered on request. Models
// are saved to the database every ten minutes and on close, and picked up
// again when their VM or host reappears.
namespace Hardware {
class HardwareWatch;
}

class PredictionService : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSaveIntervalMs = 10 * 60 * 1000;
    // States written per transaction when saving.
    static constexpr int kSaveSlice = 1000;
    // Refits per collection, so a fleet's refits spread over time.
    static constexpr int kRefitsPerBatch = 8;
    // ...and at most this long of them after the first.
    static constexpr int kRefitBudgetMs = 5;

    // Models of a VM or host seen for the first time learn from this much
    // stored history: raw samples for the fine tier, five-minute means
    // before that for the coarse one.
    static constexpr qint64 kPrimeRawMs = 2 * 3600 * 1000;
    static constexpr qint64 kPrimeCoarseMs = 14 * 24 * 3600 * 1000LL;
    // New anomaly detectors learn from this much raw history: their day of
    // learning and an hour in which they already report.
    static constexpr qint64 kPrimeDetectorMs = Predict::AnomalyWatch::kLearningMs + 3600 * 1000;
    // A disk or network model is dropped this long after its forecast was
    // last asked for; it is primed from the store again when it is.
    static constexpr qint64 kRateIdleMs = 10 * 60 * 1000;
    static constexpr int kProgressMs = 250;

    PredictionService(int intervalMs, std::shared_ptr<Series::SeriesHeads> heads,
                      QObject *parent = nullptr);
    ~PredictionService() override;

    // Slots, called on the service's thread.
    void open(const QString &databasePath);
    void close();
    void addSamples(const Umbra::HostSample &host, const QList<Umbra::VmSample> &vms);
    void setHostStatus(const Umbra::HostStatus &status);
    void setInventory(const QString &uri, const QList<Umbra::VmInfo> &vms);
    void updateVm(const QString &uri, const Umbra::VmInfo &vm);
    void removeVm(const QString &uri, const QString &uuid);
    void removeHost(const QString &uri);
    // The stored history of a VM (UUID) or host (URI) was filled in behind
    // the live samples: its models and detectors start over from it.
    void historyChanged(const QString &uuidOrUri);
    // Where a host publishes its hardware health; empty for none.
    void setExporterUrl(const QString &uri, const QString &url);
    // Readings of a host that has no exporter page (the demo's simulated
    // hardware); an empty source stops them.
    void setHardwareSource(const QString &uri, Hardware::HardwareWatch::ReadingSource source);
    // How often exporters are read and hosts' failure risk assessed.
    void setHardwareIntervalMs(int intervalMs);
    Hardware::HostHardwareReport hardware(const QString &uri) const;
    // Events from the hosts; I/O errors of a VM count against its health
    // for an hour, and with memory failures and lost connections against
    // its host's failure risk for a day.
    void noteEvent(const Umbra::EventRecord &event);
    // VMs (by UUID) whose shadow failed its last validation, with why; each
    // loses points of health until a validation passes.
    void setFailedValidations(const QHash<QString, QString> &reasons);

    // `entity` is "vm/<uuid>" or "host/<uri>", `metric` "cpu" or "memory".
    DemandForecast forecast(const QString &entity, const QString &metric, DemandForecast::Tier tier,
                            int horizonSteps);
    // The highest CPU (in % of its capacity) the five-minute tier of an
    // entity forecasts over the next day; none before that tier is fitted.
    // Kept by the model until its tier changes: the policy asks it of every
    // VM and host at every evaluation.
    std::optional<double> cpuDayPeak(const QString &entity);
    // The CPU and memory forecasts of every entity at each horizon (seconds
    // from its last sample), read off the five-minute tier; an entity whose
    // tier holds no samples yet is left out. By entity.
    QHash<QString, QList<HorizonForecast>> horizonForecasts(const QList<int> &horizonSeconds);
    void saveModels();
    // Anomalies of one entity (every entity when empty) in [fromMs, toMs].
    QList<Umbra::Anomaly> anomalies(const QString &entity, qint64 fromMs, qint64 toMs);
    // Records an operator's verdict and tunes the series' detector by it;
    // announced with anomalyChanged (errors with failed).
    void setAnomalyVerdict(qint64 id, Umbra::AnomalyVerdict verdict);
    // Known events: stored, applied to the models they concern, and
    // announced with calendarChanged (errors with failed).
    void addCalendarEvent(const Umbra::ScopedCalendarEvent &event);
    void removeCalendarEvent(qint64 id);
    // Batches whose samples are older than this when they arrive are dropped
    // (0: none are); the engine sets a few collection intervals.
    void setMaxLagMs(qint64 lagMs) { m_maxLagMs = lagMs; }
    // Batches dropped because they arrived too late to matter.
    int shedBatches() const { return m_shedBatches; }
    // Demand models held: CPU and memory of every entity, and the disk and
    // network rates whose forecast was asked for lately.
    qsizetype modelCount() const;
    // How long an unasked rate model is kept (kRateIdleMs; tests shorten it).
    void setRateIdleMs(qint64 idleMs) { m_rateIdleMs = idleMs; }

Q_SIGNALS:
    void healthUpdated(const QList<Umbra::HealthReport> &reports);
    // A VM or host newly flagged as unhealthy now or soon, for the event log.
    void flagged(const Umbra::EventRecord &event);
    void failed(const QString &message);
    // New anomalies (stored, with their ids) of one VM or host at one
    // sample: one incident, which the engine logs as one event (a burst
    // shows on CPU, disk and network at once).
    void anomaliesFound(const QList<Umbra::Anomaly> &incident);
    // An anomaly whose verdict changed.
    void anomalyChanged(const Umbra::Anomaly &anomaly);
    // A host's hardware health and failure risk, as assessed.
    void hardwareAssessed(const Umbra::Hardware::HostHardwareReport &report);
    void calendarChanged(const QList<Umbra::ScopedCalendarEvent> &events);
    // While the fleet's models are first restored or learnt from the store
    // (after a start, a large fleet's takes a while): how many running VMs
    // have theirs, of how many. At most every kProgressMs, and once more
    // when all have; not after that.
    void learningProgress(int ready, int running);

private:
    void reportLearning();

    struct Entity
    {
        QString uri;
        QString uuid;
        std::unique_ptr<Predict::DemandModel> cpu;
        std::unique_ptr<Predict::DemandModel> memory;
        // A VM's disk and network rates (bytes/s) by their catalogue key,
        // modelled only while their forecast is asked for (a chart shows
        // it): they have no capacity to saturate, so nothing else needs
        // them, and a fleet's worth would be two thirds of its models.
        struct Rate
        {
            std::unique_ptr<Predict::DemandModel> model;
            qint64 askedMs = 0; // wall clock
        };
        std::map<QString, Rate> rates;

        // Every model with its key suffix ("cpu", "memory", "disk_rd", …).
        template<typename Visit> void forEachModel(Visit visit)
        {
            visit(QStringLiteral("cpu"), *cpu);
            visit(QStringLiteral("memory"), *memory);
            for (auto &[key, rate] : rates)
                visit(key, *rate.model);
        }
    };
    // The VM rates that are modelled besides CPU and memory.
    static const QStringList &rateKeys();

    Entity &entity(const QString &key, const QString &uri, const QString &uuid, qint64 nowMs,
                   double memoryCapacityKiB);
    std::unique_ptr<Predict::DemandModel> restore(const QString &key);
    // The store's id of `series`; 0 when there is no store or no such series.
    int storedId(const QString &series);
    // Feeds a new model what the store holds of `series`, each value
    // divided by `capacity` (percent of it) unless capacity is 0.
    // The raw samples (in percent when capacity is given) also go to
    // `alsoRaw` when set, from kPrimeDetectorMs back: a new anomaly
    // detector learns from them.
    void prime(Predict::DemandModel &model, const QString &series, double capacity, qint64 nowMs,
               const std::function<void(qint64, double)> &alsoRaw = {});
    // Where a model's coarse tier reads the month it refits on: the store's
    // five-minute means of `series`, in percent of `capacity` unless it is 0.
    Predict::DemandModel::CoarseHistory storedMeans(const QString &series, double capacity);
    // Feeds a new anomaly detector the raw history of `series`.
    void primeDetector(const QString &series, qint64 nowMs,
                       const std::function<void(qint64, double)> &learn);
    // The model of one metric of an entity; a rate's is made (primed from
    // the store and fitted) when first asked for. Null for an unknown metric.
    Predict::DemandModel *model(const QString &key, Entity &entity, const QString &metric);
    // Drops the rate models whose forecast nobody asked for in kRateIdleMs.
    void dropIdleRates();
    HealthReport score(const QString &key, Entity &entity, qint64 nowMs, double cpu, double memory);
    // Refits what is due among the next `visits` entities of the round robin.
    void refitSome(qsizetype visits);
    // The known events that apply to an entity.
    QList<Predict::CalendarEvent> eventsFor(const QString &key) const;
    void applyCalendar(const QString &key, Entity &entity);
    void noteFlag(const QString &key, Entity &entity, const HealthReport &report);
    // Runs the anomaly detectors of an entity's metrics on one sample.
    void watch(const QString &key, qint64 timeMs,
               std::initializer_list<std::pair<QString, double>> values);
    void watchOne(const QString &key, const QString &metric, qint64 timeMs, double value);
    // Emits what watchOne() found since the last call, one signal per
    // entity and sample, oldest first.
    void reportAnomalies();
    // Returns the metrics whose detector had a saved state.
    QSet<QString> restoreDetectors(const QString &key, const QString &uuid);
    QString displayName(const QString &key, const Entity &entity) const;
    int failedReconnects(const QString &uri, qint64 nowMs);

    int m_intervalSeconds;
    ModelStateStore m_states;
    std::shared_ptr<Series::SeriesHeads> m_heads;
    std::unique_ptr<Series::SeriesReader> m_history;
    QHash<QString, std::shared_ptr<Entity>> m_entities; // by entity key
    QHash<QString, VmInfo> m_vms; // by UUID
    QHash<QString, std::deque<qint64>> m_reconnectFailures; // by host URI, times in ms
    QHash<QString, int> m_lastFailedAttempts;
    QHash<QString, std::deque<qint64>> m_ioErrors; // by VM UUID, times in ms
    QHash<QString, QString> m_failedValidations; // by VM UUID
    QList<QString> m_refitQueue; // entity keys, round robin
    qsizetype m_refitCursor = 0;
    int m_shedBatches = 0;
    QElapsedTimer m_progressShown; // since learningProgress was last emitted
    QElapsedTimer m_sinceNewVm; // since a VM's models were last made
    bool m_learnt = false; // every running VM had its models once
    qint64 m_maxLagMs = 0;
    qint64 m_rateIdleMs = kRateIdleMs;
    QList<ScopedCalendarEvent> m_calendar;
    QTimer *m_saveTimer = nullptr;
    Predict::AnomalyWatch m_anomalies;
    QList<Anomaly> m_found; // stored, not yet reported
    // Entities flagged in the event log, by key; kept when an entity starts
    // over from filled-in history, so the warning is not repeated.
    QSet<QString> m_flagged;
    Hardware::HardwareWatch *m_hardware; // a child: on this thread
    QHash<QString, Hardware::HostRisk> m_hostRisks; // by host URI
};

} // namespace Umbra
