#include "predict/predictionservice.h"

#include "fleet/hosturi.h"
#include "predict/anomalystore.h"
#include "predict/hardwarewatch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <algorithm>
#include <cmath>

namespace Umbra {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
// Verdicts older than this no longer tune a series' detector.
constexpr qint64 kFeedbackMemoryMs = 30 * 24 * kHourMs;
// Detector states are kept beside the demand models under this prefix.
const QLatin1StringView kDetectorPrefix("anomaly:");
// The hosts' drive readings of the last 30 days, behind the drive model's changes.
const QLatin1StringView kDriveHistoryKey("hardware:drives");

QString vmKey(const QString &uuid)
{
    return QStringLiteral("vm/") + uuid;
}

QString hostKey(const QString &uri)
{
    return QStringLiteral("host/") + uri;
}

double percentOf(double used, double total)
{
    return std::isfinite(used) && total > 0 ? std::clamp(100.0 * used / total, 0.0, 100.0)
                                            : qQNaN();
}

std::optional<double> known(double value)
{
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

// Seconds from now until the 95 % band first reaches saturation.
std::optional<qint64> secondsUntil(const Predict::Crossing &crossing, qint64 nowMs)
{
    if (!crossing.earliestMs)
        return std::nullopt;
    return std::max<qint64>(0, (*crossing.earliestMs - nowMs) / 1000);
}

} // namespace

const QStringList &PredictionService::rateKeys()
{
    static const QStringList keys = { QStringLiteral("disk_rd"), QStringLiteral("disk_wr"),
                                      QStringLiteral("net_rx"), QStringLiteral("net_tx") };
    return keys;
}

PredictionService::PredictionService(int intervalMs, std::shared_ptr<Series::SeriesHeads> heads,
                                     QObject *parent)
    : QObject(parent)
    , m_intervalSeconds(std::max(1, intervalMs / 1000))
    , m_heads(std::move(heads))
    , m_hardware(new Hardware::HardwareWatch(this))
{
    connect(m_hardware, &Hardware::HardwareWatch::assessed, this,
            [this](const Hardware::HostHardwareReport &report) {
                m_hostRisks.insert(report.uri, report.risk);
                Q_EMIT hardwareAssessed(report);
            });
    connect(m_hardware, &Hardware::HardwareWatch::flagged, this, &PredictionService::flagged);
}

void PredictionService::setExporterUrl(const QString &uri, const QString &url)
{
    m_hardware->setExporter(uri, url);
}

void PredictionService::setHardwareSource(const QString &uri,
                                          Hardware::HardwareWatch::ReadingSource source)
{
    m_hardware->setReadingSource(uri, std::move(source));
}

void PredictionService::setHardwareIntervalMs(int intervalMs)
{
    m_hardware->setIntervalMs(intervalMs);
}

Hardware::HostHardwareReport PredictionService::hardware(const QString &uri) const
{
    Hardware::HostHardwareReport report = m_hardware->report(uri);
    report.uri = uri;
    return report;
}

PredictionService::~PredictionService() = default;

void PredictionService::open(const QString &databasePath)
{
    if (auto opened = m_states.open(databasePath); !opened)
        Q_EMIT failed(opened.error());
    else if (m_heads)
        m_history = std::make_unique<Series::SeriesReader>(m_states.sql(), m_heads);
    if (m_states.isOpen()) {
        if (auto events = CalendarStore::load(m_states.sql()))
            m_calendar = events.value();
        else
            Q_EMIT failed(events.error());
        Q_EMIT calendarChanged(m_calendar);
        const qint64 since = QDateTime::currentMSecsSinceEpoch() - kFeedbackMemoryMs;
        if (auto counts = AnomalyStore::falseAlarms(m_states.sql(), since))
            m_anomalies.setFalseAlarms(counts.value());
        else
            Q_EMIT failed(counts.error());
        if (auto drives = m_states.load(kDriveHistoryKey); !drives)
            Q_EMIT failed(drives.error());
        else if (!drives.value().isEmpty() && !m_hardware->restoreDriveHistory(drives.value()))
            Q_EMIT failed(tr("The saved drive readings could not be read; drive changes are "
                             "measured from the next readings."));
    }
    m_saveTimer = new QTimer(this);
    m_saveTimer->setInterval(kSaveIntervalMs);
    connect(m_saveTimer, &QTimer::timeout, this, &PredictionService::saveModels);
    m_saveTimer->start();
}

void PredictionService::close()
{
    saveModels();
    if (m_saveTimer)
        m_saveTimer->stop();
}

std::unique_ptr<Predict::DemandModel> PredictionService::restore(const QString &key)
{
    if (auto blob = m_states.load(key); blob && !blob.value().isEmpty()) {
        if (auto model = Predict::DemandModel::loadState(blob.value(), m_intervalSeconds))
            return std::make_unique<Predict::DemandModel>(std::move(*model));
    }
    return std::make_unique<Predict::DemandModel>(m_intervalSeconds);
}

int PredictionService::storedId(const QString &series)
{
    if (!m_history)
        return 0;
    const auto id = m_history->seriesId(series);
    return id ? id.value() : 0;
}

void PredictionService::prime(Predict::DemandModel &model, const QString &series, double capacity,
                              qint64 nowMs, const std::function<void(qint64, double)> &alsoRaw)
{
    const int id = storedId(series);
    if (id == 0)
        return;
    const auto percent
        = [capacity](double value) { return capacity > 0 ? 100.0 * value / capacity : value; };
    const qint64 rawFrom = nowMs - kPrimeRawMs;
    for (const QPointF &mean : storedMeans(series, capacity)(nowMs - kPrimeCoarseMs, rawFrom))
        model.addCoarse(qint64(mean.x()), mean.y());
    if (alsoRaw) {
        if (auto older = m_history->samples(id, nowMs - kPrimeDetectorMs, rawFrom - 1)) {
            for (const Series::TimedValue &sample : older.value())
                alsoRaw(sample.timeMs, percent(sample.value));
        }
    }
    if (auto raw = m_history->samples(id, rawFrom, nowMs)) {
        // History kept at a coarser pace than today's interval (the demo's
        // first day, a changed --interval) is drawn in between, so the fine
        // tier sees a series rather than a comb of gaps.
        const qint64 stepMs = qint64(m_intervalSeconds) * 1000;
        const Series::TimedValue *previous = nullptr;
        for (const Series::TimedValue &sample : raw.value()) {
            if (previous && std::isfinite(previous->value) && std::isfinite(sample.value)
                && sample.timeMs - previous->timeMs <= std::max<qint64>(10 * stepMs, 300 * 1000)) {
                for (qint64 t = previous->timeMs + stepMs; t < sample.timeMs - stepMs / 2;
                     t += stepMs) {
                    const double f
                        = double(t - previous->timeMs) / double(sample.timeMs - previous->timeMs);
                    model.add(t, percent(previous->value + f * (sample.value - previous->value)));
                }
            }
            model.add(sample.timeMs, percent(sample.value));
            if (alsoRaw)
                alsoRaw(sample.timeMs, percent(sample.value));
            previous = &sample;
        }
    }
}

Predict::DemandModel::CoarseHistory PredictionService::storedMeans(const QString &series,
                                                                   double capacity)
{
    return [this, series, capacity](qint64 fromMs, qint64 toMs) {
        QList<QPointF> means;
        const int id = toMs > fromMs ? storedId(series) : 0;
        if (id == 0)
            return means;
        const qint64 stepMs = qint64(Predict::DemandModel::kCoarseIntervalSeconds) * 1000;
        const int columns = int((toMs - fromMs + stepMs - 1) / stepMs);
        if (auto points = m_history->chart(id, fromMs, toMs - 1, columns)) {
            means.reserve(points.value().size());
            for (const Series::ChartPoint &point : points.value()) {
                if (std::isfinite(point.mean))
                    means.append(
                        QPointF(double(point.timeMs),
                                capacity > 0 ? 100.0 * point.mean / capacity : point.mean));
            }
        }
        return means;
    };
}

void PredictionService::primeDetector(const QString &series, qint64 nowMs,
                                      const std::function<void(qint64, double)> &learn)
{
    const int id = storedId(series);
    if (id == 0)
        return;
    if (auto raw = m_history->samples(id, nowMs - kPrimeDetectorMs, nowMs)) {
        for (const Series::TimedValue &sample : raw.value())
            learn(sample.timeMs, sample.value);
    }
}

Predict::DemandModel *PredictionService::model(const QString &key, Entity &entity,
                                               const QString &metric)
{
    if (metric == QLatin1String("cpu"))
        return entity.cpu.get();
    if (metric == QLatin1String("memory"))
        return entity.memory.get();
    if (entity.uuid.isEmpty() || !rateKeys().contains(metric))
        return nullptr;
    Entity::Rate &rate = entity.rates[metric];
    if (!rate.model) {
        rate.model = std::make_unique<Predict::DemandModel>(m_intervalSeconds);
        rate.model->setCoarseHistory(storedMeans(key + u'/' + metric, 0));
        const qint64 lastMs = entity.cpu->fine().lastTimeMs();
        prime(*rate.model, key + u'/' + metric, 0,
              lastMs > 0 ? lastMs : QDateTime::currentMSecsSinceEpoch());
        rate.model->setEvents(eventsFor(key));
        // Asked for now: both tiers fitted at once, not in the round robin.
        while (rate.model->refitIfDue()) { }
    }
    rate.askedMs = QDateTime::currentMSecsSinceEpoch();
    return rate.model.get();
}

qsizetype PredictionService::modelCount() const
{
    qsizetype count = 0;
    for (const std::shared_ptr<Entity> &entity : m_entities)
        count += 2 + qsizetype(entity->rates.size());
    return count;
}

void PredictionService::dropIdleRates()
{
    const qint64 idleSince = QDateTime::currentMSecsSinceEpoch() - m_rateIdleMs;
    for (const std::shared_ptr<Entity> &entity : std::as_const(m_entities))
        std::erase_if(entity->rates,
                      [idleSince](const auto &rate) { return rate.second.askedMs < idleSince; });
}

PredictionService::Entity &PredictionService::entity(const QString &key, const QString &uri,
                                                     const QString &uuid, qint64 nowMs,
                                                     double memoryCapacityKiB)
{
    std::shared_ptr<Entity> &found = m_entities[key];
    if (!found) {
        if (!uuid.isEmpty())
            m_sinceNewVm.start();
        found = std::make_shared<Entity>();
        found->uuid = uuid;
        found->cpu = restore(key + QStringLiteral("/cpu"));
        found->memory = restore(key + QStringLiteral("/memory"));
        found->cpu->setCoarseHistory(storedMeans(key + QStringLiteral("/cpu"), 0));
        found->memory->setCoarseHistory(
            storedMeans(key + QStringLiteral("/mem_used"), memoryCapacityKiB));
        // Anomaly detectors without a saved state learn from the same history
        // as the models, and report what they find in it.
        const QSet<QString> restored = restoreDetectors(key, uuid);
        const auto learn = [&](const QString &metric) -> std::function<void(qint64, double)> {
            if (restored.contains(metric))
                return {};
            return [this, key, metric](qint64 t, double v) { watchOne(key, metric, t, v); };
        };
        // Without a saved model, learn from what the store already holds.
        if (found->cpu->fine().retainedSamples() == 0)
            prime(*found->cpu, key + QStringLiteral("/cpu"), 0, nowMs,
                  learn(QStringLiteral("cpu")));
        if (!uuid.isEmpty()) {
            for (const QString &rate : rateKeys()) {
                if (const auto detector = learn(rate))
                    primeDetector(key + u'/' + rate, nowMs, detector);
            }
        }
        if (found->memory->fine().retainedSamples() == 0 && memoryCapacityKiB > 0)
            prime(*found->memory, key + QStringLiteral("/mem_used"), memoryCapacityKiB, nowMs,
                  learn(QStringLiteral("memory")));
        m_refitQueue.append(key);
        applyCalendar(key, *found);
    }
    found->uri = uri;
    return *found;
}

void PredictionService::addSamples(const HostSample &host, const QList<VmSample> &vms)
{
    // A batch that waited behind others for several intervals is dropped:
    // the models lose a sample, but the thread catches up instead of
    // falling further behind (and a shutdown never waits behind a backlog).
    if (m_maxLagMs > 0 && QDateTime::currentMSecsSinceEpoch() - host.timestampMs > m_maxLagMs) {
        ++m_shedBatches;
        return;
    }
    QList<HealthReport> reports;
    reports.reserve(vms.size() + 1);
    const qint64 now = host.timestampMs;

    const QString hostEntity = hostKey(host.uri);
    Entity &h = entity(hostEntity, host.uri, {}, now, host.memoryTotalKiB);
    const double hostMemory = percentOf(host.memoryUsedKiB, host.memoryTotalKiB);
    m_hardware->noteMemory(host.uri, 1.0 - hostMemory / 100.0);
    h.cpu->add(host.timestampMs, host.cpuPercent);
    h.memory->add(host.timestampMs, hostMemory);
    watch(hostEntity, now,
          { { QStringLiteral("cpu"), host.cpuPercent }, { QStringLiteral("memory"), hostMemory } });
    reports.append(score(hostEntity, h, now, host.cpuPercent, hostMemory));

    for (const VmSample &sample : vms) {
        const QString key = vmKey(sample.uuid);
        const auto info = m_vms.constFind(sample.uuid);
        const double allocated = info != m_vms.cend() ? double(info->memoryKiB) : qQNaN();
        Entity &vm = entity(key, host.uri, sample.uuid, sample.timestampMs,
                            std::isfinite(allocated) ? allocated : 0.0);
        const double memory = percentOf(sample.memoryUsedKiB, allocated);
        vm.cpu->add(sample.timestampMs, sample.cpuPercent);
        vm.memory->add(sample.timestampMs, memory);
        const double rates[] = { sample.diskReadBytesPerSec, sample.diskWriteBytesPerSec,
                                 sample.netRxBytesPerSec, sample.netTxBytesPerSec };
        for (auto &[metric, rate] : vm.rates)
            rate.model->add(sample.timestampMs, rates[rateKeys().indexOf(metric)]);
        watch(key, sample.timestampMs,
              { { QStringLiteral("cpu"), sample.cpuPercent },
                { QStringLiteral("memory"), memory },
                { rateKeys()[0], rates[0] },
                { rateKeys()[1], rates[1] },
                { rateKeys()[2], rates[2] },
                { rateKeys()[3], rates[3] } });
        reports.append(score(key, vm, sample.timestampMs, sample.cpuPercent, memory));
    }
    // As many entities as this batch brought: a collection round visits
    // the whole fleet once, whatever its size.
    refitSome(vms.size() + 1);
    reportAnomalies();
    Q_EMIT healthUpdated(reports);
    reportLearning();
}

void PredictionService::reportLearning()
{
    if (m_learnt || (m_progressShown.isValid() && m_progressShown.elapsed() < kProgressMs))
        return;
    int running = 0;
    int ready = 0;
    for (auto it = m_vms.cbegin(); it != m_vms.cend(); ++it) {
        if (it->state != VmState::Running)
            continue;
        ++running;
        ready += m_entities.contains(vmKey(it.key())) ? 1 : 0;
    }
    if (running == 0)
        return;
    // Done once every running VM has its models and none was new for two
    // intervals: the hosts of a large fleet connect over several seconds,
    // and the inventory known at first may be a host's alone.
    m_learnt = ready >= running && m_sinceNewVm.isValid()
        && m_sinceNewVm.elapsed() >= 2000 * qint64(m_intervalSeconds);
    m_progressShown.start();
    Q_EMIT learningProgress(ready, running);
}

HealthReport PredictionService::score(const QString &key, Entity &entity, qint64 nowMs, double cpu,
                                      double memory)
{
    HealthReport report;
    report.entity = key;
    report.uri = entity.uri;
    report.uuid = entity.uuid;
    report.atMs = nowMs;
    report.cpuPercent = cpu;
    report.memoryPercent = memory;
    report.cpuCrossing = entity.cpu->saturation();
    report.memoryCrossing = entity.memory->saturation();
    report.cpuConfidence = entity.cpu->saturationConfidence();
    report.memoryConfidence = entity.memory->saturationConfidence();

    Predict::HealthInputs inputs;
    inputs.cpuPercent = known(cpu);
    inputs.memoryPercent = known(memory);
    inputs.cpuSaturationSeconds = secondsUntil(report.cpuCrossing, nowMs);
    inputs.memorySaturationSeconds = secondsUntil(report.memoryCrossing, nowMs);
    if (entity.uuid.isEmpty()) {
        inputs.failedReconnects = failedReconnects(entity.uri, nowMs);
        if (const auto risk = m_hostRisks.constFind(entity.uri); risk != m_hostRisks.cend()) {
            inputs.failureRisk = risk->risk;
            inputs.evacuate = risk->moveVms;
            if (!risk->breakdown.isEmpty())
                inputs.failureReason = risk->breakdown.first().sentence;
        }
    } else {
        const auto info = m_vms.constFind(entity.uuid);
        inputs.guestUnresponsive = info != m_vms.cend() && info->state == VmState::Crashed;
        if (auto errors = m_ioErrors.find(entity.uuid); errors != m_ioErrors.end()) {
            while (!errors->empty() && errors->front() < nowMs - kHourMs)
                errors->pop_front();
            inputs.ioErrors = int(errors->size());
        }
        inputs.shadowValidationFailure = m_failedValidations.value(entity.uuid);
    }
    inputs.anomaly = m_anomalies.openScore(key, nowMs - Predict::AnomalyWatch::kHealthWindowMs);
    if (inputs.anomaly)
        report.anomalyScore = *inputs.anomaly;
    report.health = Predict::scoreHealth(inputs);
    noteFlag(key, entity, report);
    return report;
}

void PredictionService::noteFlag(const QString &key, Entity &entity, const HealthReport &report)
{
    // Flagged when unhealthy now or soon (Predict::kSoonSeconds); once
    // flagged, it stays so until the forecast moves beyond twice that, so a
    // forecast that wavers around the edge does not repeat the warning.
    const std::optional<qint64> within = report.health.unhealthyWithinSeconds;
    const bool wasFlagged = m_flagged.contains(key);
    const qint64 horizon = wasFlagged ? 2 * Predict::kSoonSeconds : Predict::kSoonSeconds;
    const bool flagged = report.health.unhealthyNow || (within && *within <= horizon);
    if (flagged == wasFlagged)
        return;
    if (!flagged) {
        // A model that starts over (history filled in behind it) learns for
        // a few samples and cannot judge meanwhile: its silence does not
        // clear the warning. (A model without a good track record can: it
        // does not warn at all.)
        if (report.cpuConfidence.learning() || report.memoryConfidence.learning())
            return;
        m_flagged.remove(key);
        return;
    }
    m_flagged.insert(key);
    const QString name = displayName(key, entity);
    const QString reason = Predict::flagReason(report.health);
    EventRecord event;
    event.timestampMs = report.atMs;
    event.severity = EventRecord::Severity::Warning;
    event.kind = QStringLiteral("health.flagged");
    event.hostUri = entity.uri;
    event.vmUuid = entity.uuid;
    event.message = report.health.unhealthyNow
        ? tr("%1 is unhealthy (health %2): %3").arg(name).arg(report.health.score).arg(reason)
        : tr("%1 is predicted to be unhealthy within %2 (health %3): %4")
              .arg(name, Predict::approximateDuration(*report.health.unhealthyWithinSeconds))
              .arg(report.health.score)
              .arg(reason);
    Q_EMIT this->flagged(event);
}

QString PredictionService::displayName(const QString &key, const Entity &entity) const
{
    QString name
        = entity.uuid.isEmpty() ? HostUri::displayName(entity.uri) : m_vms.value(entity.uuid).name;
    return name.isEmpty() ? key : name;
}

QSet<QString> PredictionService::restoreDetectors(const QString &key, const QString &uuid)
{
    QSet<QString> restored;
    if (!m_states.isOpen())
        return restored;
    QStringList metrics = { QStringLiteral("cpu"), QStringLiteral("memory") };
    if (!uuid.isEmpty())
        metrics += rateKeys();
    for (const QString &metric : std::as_const(metrics)) {
        if (auto blob = m_states.load(kDetectorPrefix + key + u'/' + metric);
            blob && !blob.value().isEmpty()) {
            m_anomalies.restoreState(key, metric, blob.value());
            restored.insert(metric);
        }
    }
    return restored;
}

void PredictionService::refitSome(qsizetype visits)
{
    int refits = 0;
    QElapsedTimer spent;
    spent.start();
    visits = std::min(visits, m_refitQueue.size());
    for (qsizetype visited = 0; visited < visits && refits < kRefitsPerBatch
         && (refits == 0 || spent.elapsed() < kRefitBudgetMs);
         ++visited) {
        m_refitCursor = m_refitCursor % m_refitQueue.size();
        const std::shared_ptr<Entity> found = m_entities.value(m_refitQueue[m_refitCursor++]);
        if (!found)
            continue;
        found->forEachModel([&refits](const QString &, Predict::DemandModel &model) {
            refits += model.refitIfDue() ? 1 : 0;
        });
    }
}

void PredictionService::setHostStatus(const HostStatus &status)
{
    // Each new failed attempt is a failed reconnect, kept for an hour.
    const int previous = m_lastFailedAttempts.value(status.uri);
    if (status.failedAttempts > previous) {
        auto &times = m_reconnectFailures[status.uri];
        for (int i = previous; i < status.failedAttempts; ++i)
            times.push_back(QDateTime::currentMSecsSinceEpoch());
    }
    m_lastFailedAttempts.insert(status.uri, status.failedAttempts);
}

int PredictionService::failedReconnects(const QString &uri, qint64 nowMs)
{
    auto found = m_reconnectFailures.find(uri);
    if (found == m_reconnectFailures.end())
        return 0;
    while (!found->empty() && found->front() < nowMs - kHourMs)
        found->pop_front();
    return int(found->size());
}

void PredictionService::setInventory(const QString &uri, const QList<VmInfo> &vms)
{
    for (auto it = m_vms.begin(); it != m_vms.end();) {
        const std::shared_ptr<Entity> owner = m_entities.value(vmKey(it.key()));
        if (owner && owner->uri == uri)
            it = m_vms.erase(it);
        else
            ++it;
    }
    for (const VmInfo &vm : vms)
        updateVm(uri, vm);
    // The VMs whose models are still to come are known from now on.
    reportLearning();
}

void PredictionService::updateVm(const QString &uri, const VmInfo &vm)
{
    m_vms.insert(vm.uuid, vm);
    if (const std::shared_ptr<Entity> found = m_entities.value(vmKey(vm.uuid)))
        found->uri = uri;
}

void PredictionService::removeVm(const QString &uri, const QString &uuid)
{
    const std::shared_ptr<Entity> found = m_entities.value(vmKey(uuid));
    // A VM that moved to another host keeps its models.
    if (found && found->uri != uri)
        return;
    m_vms.remove(uuid);
}

void PredictionService::noteEvent(const EventRecord &event)
{
    m_hardware->noteEvent(event);
    if (event.kind != QLatin1String("vm.io_error") || event.vmUuid.isEmpty()
        || event.timestampMs < QDateTime::currentMSecsSinceEpoch() - kHourMs)
        return;
    // Kept in time order, so that expiry only ever looks at the front.
    auto &times = m_ioErrors[event.vmUuid];
    times.insert(std::upper_bound(times.begin(), times.end(), event.timestampMs),
                 event.timestampMs);
}

void PredictionService::setFailedValidations(const QHash<QString, QString> &reasons)
{
    m_failedValidations = reasons;
}

void PredictionService::historyChanged(const QString &uuidOrUri)
{
    for (const QString &key : { vmKey(uuidOrUri), hostKey(uuidOrUri) }) {
        if (m_entities.remove(key) == 0)
            continue;
        // Recreated, and primed from the store, with the next sample.
        m_refitQueue.removeAll(key);
        m_anomalies.removeEntity(key);
    }
}

void PredictionService::removeHost(const QString &uri)
{
    m_hardware->removeHost(uri);
    m_hostRisks.remove(uri);
    m_reconnectFailures.remove(uri);
    m_lastFailedAttempts.remove(uri);
}

DemandForecast PredictionService::forecast(const QString &entity, const QString &metric,
                                           DemandForecast::Tier tier, int horizonSteps)
{
    DemandForecast out;
    out.entity = entity;
    out.metric = metric;
    out.tier = tier;
    const std::shared_ptr<Entity> found = m_entities.value(entity);
    if (!found)
        return out;
    Predict::DemandModel *model = this->model(entity, *found, metric);
    if (!model)
        return out;
    const Predict::Forecaster &forecaster
        = tier == DemandForecast::Tier::Fine ? model->fine() : model->coarse();
    out.stepMs = qint64(forecaster.options().intervalSeconds) * 1000;
    out.seasonSteps = forecaster.modelPeriod();
    out.fitted = forecaster.isFitted();
    if (forecaster.retainedSamples() == 0)
        return out;
    out.steps = forecaster.forecast(std::clamp(horizonSteps, 1, 20000));
    // Only percentages of a capacity saturate.
    if (model == found->cpu.get() || model == found->memory.get())
        out.crossing
            = Predict::crossingOf(out.steps, 100, forecaster.lastTimeMs(), forecaster.lastValue());
    const std::optional<qint64> at
        = out.crossing.earliestMs ? out.crossing.earliestMs : out.crossing.pointMs;
    const qint64 leadMs = at
        ? *at - forecaster.lastTimeMs()
        : (out.steps.isEmpty() ? 0 : out.steps.last().timeMs - forecaster.lastTimeMs());
    out.confidence = model->confidence(std::max<qint64>(0, leadMs));
    return out;
}

std::optional<double> PredictionService::cpuDayPeak(const QString &entity)
{
    const std::shared_ptr<Entity> found = m_entities.value(entity);
    if (!found || !found->cpu)
        return std::nullopt;
    return found->cpu->dayPeak();
}

QHash<QString, QList<HorizonForecast>>
PredictionService::horizonForecasts(const QList<int> &horizonSeconds)
{
    QHash<QString, QList<HorizonForecast>> out;
    if (horizonSeconds.isEmpty())
        return out;
    const int furthest = *std::max_element(horizonSeconds.cbegin(), horizonSeconds.cend());
    for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
        QList<HorizonForecast> forecasts;
        const std::pair<QString, const Predict::DemandModel *> models[]
            = { { QStringLiteral("cpu"), it.value()->cpu.get() },
                { QStringLiteral("memory"), it.value()->memory.get() } };
        for (const auto &[metric, model] : models) {
            if (!model)
                continue;
            const Predict::Forecaster &forecaster = model->coarse();
            const int stepSeconds = forecaster.options().intervalSeconds;
            if (forecaster.retainedSamples() == 0 || stepSeconds <= 0)
                continue;
            // One forecast to the furthest horizon; the nearer ones are its steps.
            const QList<Predict::ForecastStep> steps
                = forecaster.forecast((furthest + stepSeconds - 1) / stepSeconds);
            for (int horizon : horizonSeconds) {
                const qsizetype index = (horizon + stepSeconds - 1) / stepSeconds - 1;
                if (index >= 0 && index < steps.size())
                    forecasts.append({ metric, horizon, steps.at(index) });
            }
        }
        if (!forecasts.isEmpty())
            out.insert(it.key(), forecasts);
    }
    return out;
}

QList<Predict::CalendarEvent> PredictionService::eventsFor(const QString &key) const
{
    QList<Predict::CalendarEvent> events;
    for (const ScopedCalendarEvent &scoped : m_calendar) {
        if (scoped.appliesTo(key))
            events.append(scoped.event);
    }
    return events;
}

void PredictionService::applyCalendar(const QString &key, Entity &entity)
{
    const QList<Predict::CalendarEvent> events = eventsFor(key);
    entity.forEachModel(
        [&events](const QString &, Predict::DemandModel &model) { model.setEvents(events); });
}

void PredictionService::addCalendarEvent(const ScopedCalendarEvent &event)
{
    auto stored = CalendarStore::add(m_states.sql(), event);
    if (!stored) {
        Q_EMIT failed(stored.error());
        return;
    }
    m_calendar.append(stored.value());
    for (auto it = m_entities.begin(); it != m_entities.end(); ++it)
        applyCalendar(it.key(), *it.value());
    Q_EMIT calendarChanged(m_calendar);
}

void PredictionService::removeCalendarEvent(qint64 id)
{
    if (auto removed = CalendarStore::remove(m_states.sql(), id); !removed) {
        Q_EMIT failed(removed.error());
        return;
    }
    m_calendar.removeIf([id](const ScopedCalendarEvent &e) { return e.id == id; });
    for (auto it = m_entities.begin(); it != m_entities.end(); ++it)
        applyCalendar(it.key(), *it.value());
    Q_EMIT calendarChanged(m_calendar);
}

void PredictionService::saveModels()
{
    dropIdleRates();
    // Written a slice at a time: a fleet's states serialised at once would
    // weigh as much again as its models and detectors. Each state stands
    // alone, so a failed slice loses nothing the next save cannot write.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, QByteArray> slice;
    QString failure;
    const auto keep = [&](const QString &key, QByteArray state) {
        slice.insert(key, std::move(state));
        if (slice.size() < kSaveSlice)
            return;
        if (auto saved = m_states.save(slice, nowMs); !saved && failure.isEmpty())
            failure = saved.error();
        slice.clear();
    };
    // CPU and memory only: a rate's model is primed from the store when its
    // forecast is next asked for.
    for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
        keep(it.key() + QStringLiteral("/cpu"), it.value()->cpu->saveState());
        keep(it.key() + QStringLiteral("/memory"), it.value()->memory->saveState());
    }
    m_anomalies.forEachState([&](const QString &key, QByteArray state) {
        keep(kDetectorPrefix + key, std::move(state));
    });
    slice.insert(kDriveHistoryKey, m_hardware->saveDriveHistory());
    if (auto saved = m_states.save(slice, nowMs); !saved && failure.isEmpty())
        failure = saved.error();
    if (!failure.isEmpty())
        Q_EMIT failed(failure);
}

} // namespace Umbra
