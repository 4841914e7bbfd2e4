#include "engine/predictionproxy.h"

#include "collect/hostsession.h"
#include "demo/demohardware.h"
#include "fleet/fleetstate.h"
#include "predict/predictionservice.h"

namespace Umbra {

PredictionProxy::PredictionProxy(const FleetState *fleet, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{
    m_thread.setObjectName(QStringLiteral("umbra-predict"));
    connect(fleet, &FleetState::hostRemoved, this, &PredictionProxy::onHostRemoved);
    connect(fleet, &FleetState::vmRemoved, this, &PredictionProxy::onVmRemoved);
}

PredictionProxy::~PredictionProxy()
{
    stop();
}

void PredictionProxy::start(const QString &databasePath, std::shared_ptr<Series::SeriesHeads> heads,
                            bool readOnly, int intervalMs)
{
    if (m_service)
        return;
    m_service = new PredictionService(intervalMs, std::move(heads));
    m_service->setMaxLagMs(3 * qint64(intervalMs) + 2000);
    m_service->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_service, &QObject::deleteLater);
    connect(m_service, &PredictionService::healthUpdated, this, &PredictionProxy::onHealthUpdated);
    connect(m_service, &PredictionService::flagged, this, &PredictionProxy::flagged);
    connect(m_service, &PredictionService::anomaliesFound, this,
            &PredictionProxy::onAnomaliesFound);
    connect(m_service, &PredictionService::anomalyChanged, this, &PredictionProxy::anomalyChanged);
    connect(m_service, &PredictionService::hardwareAssessed, this,
            &PredictionProxy::onHardwareAssessed);
    if (m_hardwareIntervalMs > 0)
        setHardwareIntervalMs(m_hardwareIntervalMs);
    if (!m_failedValidations.isEmpty())
        setFailedValidations(m_failedValidations);
    connect(m_service, &PredictionService::calendarChanged, this,
            [this](const QList<ScopedCalendarEvent> &events) {
                m_calendar = events;
                Q_EMIT calendarChanged(events);
            });
    connect(m_service, &PredictionService::failed, this, &PredictionProxy::failed);
    connect(m_service, &PredictionService::learningProgress, this,
            &PredictionProxy::learningProgress);
    m_thread.start();
    if (!readOnly)
        tell([databasePath](PredictionService &service) { service.open(databasePath); });
}

void PredictionProxy::stop()
{
    if (!m_service)
        return;
    QMetaObject::invokeMethod(m_service, &PredictionService::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_service = nullptr;
}

void PredictionProxy::follow(HostSession *session)
{
    // Straight from the session thread to the prediction thread.
    PredictionService *service = m_service;
    if (!service)
        return;
    connect(session, &HostSession::samplesCollected, service, &PredictionService::addSamples);
    connect(session, &HostSession::statusChanged, service, &PredictionService::setHostStatus);
    connect(session, &HostSession::inventoryReset, service, &PredictionService::setInventory);
    connect(session, &HostSession::vmChanged, service, &PredictionService::updateVm);
    connect(session, &HostSession::vmRemoved, service, &PredictionService::removeVm);
    connect(session, &HostSession::eventLogged, service, &PredictionService::noteEvent);
}

void PredictionProxy::watchHardware(const HostConfig &config, const QString &exporterUrl)
{
    tell([uri = config.uri, url = exporterUrl,
          simulated = config.simulatedUsage](PredictionService &service) {
        // An exporter, where one is given, wins over the simulation.
        service.setHardwareSource(
            uri,
            simulated && url.isEmpty()
                ? [uri](qint64 timeMs) { return DemoHardware::readings(uri, timeMs); }
                : Hardware::HardwareWatch::ReadingSource());
        service.setExporterUrl(uri, url);
    });
}

void PredictionProxy::historyChanged(const QString &key)
{
    tell([key](PredictionService &service) { service.historyChanged(key); });
}

QFuture<DemandForecast> PredictionProxy::forecast(const QString &entity, const QString &metric,
                                                  DemandForecast::Tier tier, int horizonSteps) const
{
    DemandForecast empty;
    empty.entity = entity;
    empty.metric = metric;
    empty.tier = tier;
    return ask(empty, [=](PredictionService &service) {
        return service.forecast(entity, metric, tier, horizonSteps);
    });
}

QFuture<std::optional<double>> PredictionProxy::cpuDayPeak(const QString &entity) const
{
    return ask(std::optional<double>(),
               [=](PredictionService &service) { return service.cpuDayPeak(entity); });
}

QFuture<QHash<QString, double>> PredictionProxy::cpuDayPeaks(const QStringList &entities) const
{
    return ask(QHash<QString, double>(), [=](PredictionService &service) {
        QHash<QString, double> peaks;
        peaks.reserve(entities.size());
        for (const QString &entity : entities) {
            if (const std::optional<double> peak = service.cpuDayPeak(entity))
                peaks.insert(entity, *peak);
        }
        return peaks;
    });
}

QFuture<QHash<QString, QList<HorizonForecast>>>
PredictionProxy::horizonForecasts(const QList<int> &horizonSeconds) const
{
    return ask(QHash<QString, QList<HorizonForecast>>(), [=](PredictionService &service) {
        return service.horizonForecasts(horizonSeconds);
    });
}

HealthReport PredictionProxy::health(const QString &entity) const
{
    HealthReport report = m_health.value(entity);
    report.entity = entity;
    return report;
}

void PredictionProxy::addCalendarEvent(const ScopedCalendarEvent &event)
{
    tell([event](PredictionService &service) { service.addCalendarEvent(event); });
}

void PredictionProxy::removeCalendarEvent(qint64 id)
{
    tell([id](PredictionService &service) { service.removeCalendarEvent(id); });
}

QFuture<QList<Anomaly>> PredictionProxy::anomalies(const QString &entity, qint64 fromMs,
                                                   qint64 toMs) const
{
    return ask(QList<Anomaly>(),
               [=](PredictionService &service) { return service.anomalies(entity, fromMs, toMs); });
}

void PredictionProxy::setAnomalyVerdict(qint64 id, AnomalyVerdict verdict)
{
    tell([id, verdict](PredictionService &service) { service.setAnomalyVerdict(id, verdict); });
}

Hardware::HostHardwareReport PredictionProxy::hardware(const QString &uri) const
{
    Hardware::HostHardwareReport report = m_hardware.value(uri);
    report.uri = uri;
    if (report.assessedAtMs == 0)
        report.exporterUrl = m_fleet->config(uri).exporterUrl;
    return report;
}

void PredictionProxy::setHardwareIntervalMs(int intervalMs)
{
    m_hardwareIntervalMs = intervalMs;
    tell([intervalMs](PredictionService &service) { service.setHardwareIntervalMs(intervalMs); });
}

void PredictionProxy::setFailedValidations(const QHash<QString, QString> &reasons)
{
    m_failedValidations = reasons;
    tell([reasons](PredictionService &service) { service.setFailedValidations(reasons); });
}

void PredictionProxy::onHealthUpdated(const QList<HealthReport> &reports)
{
    // Scores computed before a host or VM was removed may still arrive.
    QList<HealthReport> current;
    current.reserve(reports.size());
    for (const HealthReport &report : reports) {
        if (!m_fleet->contains(report.uri)
            || (report.isVm() && !m_fleet->hasVm(report.uri, report.uuid)))
            continue;
        m_health.insert(report.entity, report);
        current.append(report);
    }
    if (!current.isEmpty())
        Q_EMIT healthUpdated(current);
}

void PredictionProxy::onAnomaliesFound(const QList<Anomaly> &incident)
{
    if (incident.isEmpty())
        return;
    Q_EMIT anomaliesFound(incident);
    for (const Anomaly &anomaly : incident)
        Q_EMIT anomalyFound(anomaly);
}

void PredictionProxy::onHardwareAssessed(const Hardware::HostHardwareReport &report)
{
    if (!m_fleet->contains(report.uri))
        return; // removed meanwhile
    m_hardware.insert(report.uri, report);
    Q_EMIT hardwareAssessed(report);
}

void PredictionProxy::onHostRemoved(const QString &uri)
{
    m_hardware.remove(uri);
    // Scores of a host that is gone, and of its VMs, would rank in "At risk"
    // for ever.
    m_health.removeIf([&uri](const std::pair<const QString &, HealthReport &> &entry) {
        return entry.second.uri == uri;
    });
    tell([uri](PredictionService &service) { service.removeHost(uri); });
}

void PredictionProxy::onVmRemoved(const QString &uri, const QString &uuid)
{
    // Only if it was scored on this host: a VM that migrated away is scored
    // on its new host, perhaps already.
    const QString entity = QStringLiteral("vm/") + uuid;
    if (const auto found = m_health.constFind(entity);
        found != m_health.cend() && found->uri == uri)
        m_health.erase(found);
}

} // namespace Umbra
