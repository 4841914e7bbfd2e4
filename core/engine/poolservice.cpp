#include "engine/poolservice.h"

#include "engine/predictionproxy.h"
#include "fleet/fleetstate.h"

#include <QFuture>
#include <QMutexLocker>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <algorithm>

namespace Umbra {

namespace {

// The largest point of a forecast in % of `capacity` CPUs, as CPUs.
// A peak in % of capacity, in CPUs.
std::optional<double> cpusOf(std::optional<double> percent, int capacity)
{
    if (!percent || capacity <= 0)
        return std::nullopt;
    return std::clamp(*percent, 0.0, 100.0) / 100.0 * capacity;
}

// Reads or writes the pools off the GUI thread. The worker is one of
// `workers`, so the service does not go (nor the process end) under it.
template<typename T, typename F>
void onWorker(QObject *context, WorkerThreads &workers, const char *name, F work,
              std::function<void(T)> done)
{
    QPointer<QObject> guard(context);
    QThread *worker = QThread::create([guard, work, done] {
        T result = work();
        if (guard)
            QMetaObject::invokeMethod(
                guard, [done, result] { done(result); }, Qt::QueuedConnection);
    });
    worker->setObjectName(QLatin1String(name));
    workers.start(worker);
}

} // namespace

// What the prediction thread last said of hosts, kept where worker threads
// may read it: health and failure risk arrive by signal on the GUI thread.
struct PoolService::Predictions
{
    QMutex mutex;
    QHash<QString, double> risk; // host URI →
    QHash<QString, int> health; // entity →
    QHash<QString, int> cpus; // host URI or VM UUID → CPUs
    QSet<QString> maintenance; // host URIs the operator is servicing
    PredictionProxy *proxy = nullptr; // forecasts: thread-safe to ask
};

PoolService::PoolService(const FleetState *fleet, PredictionProxy *prediction, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_prediction(prediction)
    , m_ledger(std::make_shared<Pools::CapacityLedger>())
    , m_predictions(std::make_shared<Predictions>())
{
    m_predictions->proxy = prediction;
    connect(fleet, &FleetState::hostInfoChanged, this,
            [this](const HostInfo &info) { observe(info.uri); });
    connect(fleet, &FleetState::inventoryReset, this, [this](const QString &uri) { observe(uri); });
    connect(fleet, &FleetState::vmChanged, this, [this](const QString &uri) { observe(uri); });
    connect(fleet, &FleetState::vmRemoved, this, [this](const QString &uri) { observe(uri); });
    connect(prediction, &PredictionProxy::healthUpdated, this,
            [p = m_predictions](const QList<HealthReport> &reports) {
                QMutexLocker lock(&p->mutex);
                for (const HealthReport &r : reports)
                    p->health.insert(r.entity, r.health.score);
            });
    connect(prediction, &PredictionProxy::hardwareAssessed, this,
            [p = m_predictions](const Hardware::HostHardwareReport &report) {
                QMutexLocker lock(&p->mutex);
                p->risk.insert(report.uri, report.risk.risk);
            });
    auto maintenance = [p = m_predictions](const HostConfig &config) {
        QMutexLocker lock(&p->mutex);
        if (config.maintenance)
            p->maintenance.insert(config.uri);
        else
            p->maintenance.remove(config.uri);
    };
    connect(fleet, &FleetState::hostAdded, this, maintenance);
    connect(fleet, &FleetState::hostConfigChanged, this, maintenance);
    for (const HostConfig &config : fleet->hosts())
        maintenance(config);
}

PoolService::~PoolService()
{
    QMutexLocker lock(&m_predictions->mutex);
    m_predictions->proxy = nullptr;
}

void PoolService::open(const QString &databasePath)
{
    m_path = databasePath;
    onWorker<Result<Pools::PoolSettings>>(
        this, m_workers, "umbra-pools-load",
        [databasePath] { return Pools::PoolSettings::load(databasePath); },
        [this](const Result<Pools::PoolSettings> &loaded) {
            if (loaded)
                apply(loaded.value());
            else
                qWarning("umbra: the pools cannot be read: %s", qUtf8Printable(loaded.error()));
        });
}

void PoolService::save(const Pools::PoolSettings &settings)
{
    if (auto valid = settings.validate(); !valid) {
        Q_EMIT saveFailed(valid.error());
        return;
    }
    const QString path = m_path;
    onWorker<Result<void>>(
        this, m_workers, "umbra-pools-save", [path, settings] { return settings.save(path); },
        [this, settings](const Result<void> &saved) {
            if (saved)
                apply(settings);
            else
                Q_EMIT saveFailed(saved.error());
        });
}

void PoolService::apply(const Pools::PoolSettings &settings)
{
    m_settings = settings;
    for (const HostConfig &config : m_fleet->hosts())
        observe(config.uri);
    Q_EMIT changed(m_settings);
}

void PoolService::observe(const QString &uri)
{
    const HostInfo info = m_fleet->info(uri);
    const Pools::Pool &pool = m_settings.poolOfHost(uri);
    m_ledger->setReservation(
        uri, pool.kind == Pools::PoolKind::Shadow ? std::optional(pool.reservation) : std::nullopt);
    if (info.cpus <= 0 && info.memoryKiB == 0)
        return;
    Pools::HostCapacity capacity;
    capacity.memoryKiB = info.memoryKiB;
    capacity.cpus = info.cpus;
    QMutexLocker lock(&m_predictions->mutex);
    m_predictions->cpus.insert(uri, info.cpus);
    for (const VmInfo &vm : m_fleet->vms(uri)) {
        m_predictions->cpus.insert(vm.uuid, vm.vcpus);
        if (!vmStateIsActive(vm.state))
            continue;
        capacity.allocatedMemoryKiB += vm.memoryKiB;
        capacity.allocatedVcpus += vm.vcpus;
        ++capacity.runningVms;
    }
    lock.unlock();
    m_ledger->observe(uri, capacity, Pools::PlacementLimits{});
}

HostPoolView PoolService::host(const QString &uri) const
{
    HostPoolView view;
    view.uri = uri;
    view.pool = m_settings.poolOfHost(uri);
    view.failureDomain = m_settings.failureDomainOf(uri);
    auto forVm = m_ledger->headroom(uri, Pools::Placing::Vm);
    if (!forVm)
        return view;
    view.known = true;
    view.freeKiB = forVm->memoryKiB();
    view.freeVcpuSlots = forVm->vcpuSlots();
    view.reservedKiB = forVm->reservedKiB + forVm->standbyKiB;
    view.reservedVcpus = forVm->reservedVcpus + forVm->standbyVcpus;
    return view;
}

Pools::Outlook PoolService::outlook() const
{
    const std::shared_ptr<Predictions> p = m_predictions;
    auto peak = [p](const QString &entity, const QString &key) -> std::optional<double> {
        QFuture<std::optional<double>> future;
        int cpus = 0;
        {
            QMutexLocker lock(&p->mutex);
            if (!p->proxy)
                return std::nullopt;
            cpus = p->cpus.value(key);
            future = p->proxy->cpuDayPeak(entity);
        }
        future.waitForFinished();
        if (future.isCanceled() || future.resultCount() == 0)
            return std::nullopt;
        return cpusOf(future.result(), cpus);
    };
    Pools::Outlook outlook;
    outlook.host = [p, peak](const QString &uri) {
        Pools::HostOutlook o;
        {
            QMutexLocker lock(&p->mutex);
            if (auto it = p->risk.constFind(uri); it != p->risk.cend())
                o.failureRisk = it.value();
            const QString entity = QStringLiteral("host/") + uri;
            if (auto it = p->health.constFind(entity); it != p->health.cend())
                o.health = it.value();
            o.maintenance = p->maintenance.contains(uri);
        }
        o.peakCpus = peak(QStringLiteral("host/") + uri, uri);
        return o;
    };
    outlook.vmPeakCpus
        = [peak](const QString &uuid) { return peak(QStringLiteral("vm/") + uuid, uuid); };
    outlook.vmPeaksCpus = [p](const QStringList &uuids) {
        QHash<QString, double> peaks;
        QFuture<QHash<QString, double>> future;
        {
            QMutexLocker lock(&p->mutex);
            if (!p->proxy)
                return peaks;
            QStringList entities;
            entities.reserve(uuids.size());
            for (const QString &uuid : uuids)
                entities.append(QStringLiteral("vm/") + uuid);
            future = p->proxy->cpuDayPeaks(entities);
        }
        future.waitForFinished();
        if (future.isCanceled() || future.resultCount() == 0)
            return peaks;
        const QHash<QString, double> percents = future.result();
        QMutexLocker lock(&p->mutex);
        for (auto it = percents.cbegin(); it != percents.cend(); ++it) {
            const QString uuid = it.key().mid(3); // after "vm/"
            if (const auto cpus = cpusOf(it.value(), p->cpus.value(uuid)))
                peaks.insert(uuid, *cpus);
        }
        return peaks;
    };
    outlook.vmHealth = [p](const QString &uuid) -> std::optional<int> {
        QMutexLocker lock(&p->mutex);
        if (auto it = p->health.constFind(QStringLiteral("vm/") + uuid); it != p->health.cend())
            return it.value();
        return std::nullopt;
    };
    return outlook;
}

} // namespace Umbra
