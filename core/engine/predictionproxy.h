#pragma once

#include "fleet/eventrecord.h"
#include "fleet/hostinfo.h"
#include "predict/anomaly.h"
#include "predict/healthreport.h"
#include "predict/hosthardware.h"
#include "predict/scopedcalendarevent.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <memory>

namespace Umbra {

class FleetState;
class HostSession;
class PredictionService;

namespace Series {
class SeriesHeads;
}

// What the console asks of prediction, answered from the prediction thread:
// forecasts, health, anomalies and their verdicts, the calendar of known
// events, and hosts' hardware health. It runs the PredictionService on that
// thread, keeps the latest health and hardware reports and the calendar for
// reading at once, and re-emits what the service reports on its own thread.
// It follows the fleet's inventory: reports of hosts and VMs that are gone
// are dropped.
class PredictionProxy : public QObject
{
    Q_OBJECT

public:
    explicit PredictionProxy(const FleetState *fleet, QObject *parent = nullptr);
    ~PredictionProxy() override;

    // Starts the service on its thread; read-only, models learn from live
    // samples alone and nothing is saved. Idempotent.
    void start(const QString &databasePath, std::shared_ptr<Series::SeriesHeads> heads,
               bool readOnly, int intervalMs);
    // Saves what the models learnt and stops the thread, before the store closes.
    void stop();
    // Feeds a host session's samples, status, inventory and events straight
    // from its thread to the models. Nothing before start().
    void follow(HostSession *session);
    // Where a host's hardware readings come from: its exporter (URL as
    // given, credentials included), the demo's simulation for a simulated
    // host without one, or nothing.
    void watchHardware(const Umbra::HostConfig &config, const QString &exporterUrl);
    // The stored history of a VM (UUID) or host (URI) was filled in: models
    // and detectors that started before it learn from it instead.
    void historyChanged(const QString &key);

    // The forecast of "cpu" or "memory" (in % of capacity) of a VM
    // ("vm/<uuid>") or host ("host/<uri>"), computed on the prediction thread.
    // Empty steps until the entity has samples.
    QFuture<DemandForecast> forecast(const QString &entity, const QString &metric,
                                     DemandForecast::Tier tier, int horizonSteps) const;
    // The highest CPU, in % of capacity, forecast for a VM or host over the
    // next day (PredictionService::cpuDayPeak).
    QFuture<std::optional<double>> cpuDayPeak(const QString &entity) const;
    // The same for many entities in one question; those without one are left out.
    QFuture<QHash<QString, double>> cpuDayPeaks(const QStringList &entities) const;
    // CPU and memory forecasts of every VM and host at these horizons, by
    // entity (see PredictionService::horizonForecasts).
    QFuture<QHash<QString, QList<HorizonForecast>>>
    horizonForecasts(const QList<int> &horizonSeconds) const;
    // The latest health of a VM or host (a default report, score 100 with no
    // breakdown, before its first sample), and of everything scored so far.
    HealthReport health(const QString &entity) const;
    QList<HealthReport> healthReports() const { return m_health.values(); }

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
    // VMs (by UUID) whose shadow failed its last validation, with why: it
    // counts against their health from their next sample.
    void setFailedValidations(const QHash<QString, QString> &reasons);

Q_SIGNALS:
    // Health scores of one collection (a host and its VMs).
    void healthUpdated(const QList<Umbra::HealthReport> &reports);
    void calendarChanged(const QList<Umbra::ScopedCalendarEvent> &events);
    void anomalyFound(const Umbra::Anomaly &anomaly);
    void anomalyChanged(const Umbra::Anomaly &anomaly);
    void hardwareAssessed(const Umbra::Hardware::HostHardwareReport &report);
    // For the event log: an incident of anomalies (before anomalyFound of
    // each), a VM or host newly flagged as unhealthy, and a failure.
    void anomaliesFound(const QList<Umbra::Anomaly> &incident);
    void flagged(const Umbra::EventRecord &event);
    void failed(const QString &message);
    // While the fleet's models are first restored or learnt after a start:
    // how many running VMs have theirs, of how many (the last time, ready
    // equals running).
    void learningProgress(int ready, int running);

private:
    void onHealthUpdated(const QList<HealthReport> &reports);
    void onAnomaliesFound(const QList<Anomaly> &incident);
    void onHardwareAssessed(const Hardware::HostHardwareReport &report);
    void onHostRemoved(const QString &uri);
    void onVmRemoved(const QString &uri, const QString &uuid);
    // Runs `call` on the prediction thread, if the service runs.
    template<typename Call> void tell(Call call)
    {
        if (m_service)
            QMetaObject::invokeMethod(
                m_service, [service = m_service, call] { call(*service); }, Qt::QueuedConnection);
    }
    // Runs `ask` on the prediction thread and resolves to what it returns,
    // or to `fallback` when prediction has not started.
    template<typename T, typename Ask> QFuture<T> ask(T fallback, Ask ask) const
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        if (!m_service) {
            promise->addResult(std::move(fallback));
            promise->finish();
            return future;
        }
        QMetaObject::invokeMethod(
            m_service,
            [service = m_service, promise, ask] {
                promise->addResult(ask(*service));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    const FleetState *m_fleet;
    QThread m_thread;
    PredictionService *m_service = nullptr;
    QHash<QString, HealthReport> m_health; // by entity
    QHash<QString, Hardware::HostHardwareReport> m_hardware; // by host URI
    int m_hardwareIntervalMs = 0; // 0: the watch's default
    QHash<QString, QString> m_failedValidations; // by VM UUID
    QList<ScopedCalendarEvent> m_calendar;
};

} // namespace Umbra
