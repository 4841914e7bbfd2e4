#include "demo/simulatedlink.h"

#include "fleet/hosturi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QThread>
#include <algorithm>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::SimulatedLink)
};

// The simulated guest dirties memory at this rate; the copy runs at the
// rate that moves the VM in kTransferMs.
constexpr double kDirtyBytesPerSec = 24.0 * 1048576;
constexpr qint64 kDowntimeMs = 40;

Error simulatedOnly(const QString &what)
{
    return Error{ Tr::tr("%1 is not simulated in the demo.").arg(what) };
}

// A simulated disk's size, and how long its first copy takes.
constexpr qint64 kDiskBytes = 20LL * 1024 * 1048576;
constexpr qint64 kSeedMs = 6000;

// The demo's block copies, shared by every link of the process as libvirt
// keeps them for every connection: "uri uuid disk" → when the copy started.
struct BlockCopies
{
    QMutex mutex;
    QHash<QString, qint64> startedMs;

    static BlockCopies &instance()
    {
        static BlockCopies copies;
        return copies;
    }
    static QString key(const QString &uri, const QString &uuid, const QString &disk)
    {
        return uri + u' ' + uuid + u' ' + disk;
    }
    bool any(const QString &uri, const QString &uuid)
    {
        QMutexLocker lock(&mutex);
        const QString prefix = key(uri, uuid, {});
        for (auto it = startedMs.cbegin(); it != startedMs.cend(); ++it)
            if (it.key().startsWith(prefix))
                return true;
        return false;
    }
};

Error activeBlockJob()
{
    return Error{ Tr::tr("Requested operation is not valid: domain has an active block job "
                         "(simulated)") };
}

} // namespace

bool SimulatedLink::simulates(const QString &uri)
{
    return HostUri::isTestDriver(uri);
}

LinkFactory SimulatedLink::factory(LinkFactory real)
{
    return [real](const QString &uri) -> Result<std::unique_ptr<HypervisorLink>> {
        auto link = real(uri);
        if (!link || !simulates(uri))
            return link;
        return std::unique_ptr<HypervisorLink>(new SimulatedLink(std::move(link.value()), real));
    };
}

SimulatedLink::SimulatedLink(std::unique_ptr<HypervisorLink> real, LinkFactory realLinks)
    : m_real(std::move(real))
    , m_realLinks(std::move(realLinks))
{ }

SimulatedLink::~SimulatedLink() = default;

QString SimulatedLink::simulation() const
{
    return Tr::tr("Simulated migration: %1 is a demo host (libvirt's test driver). Nothing is "
                  "copied; the progress is simulated and the VM's definition moves to the "
                  "target.")
        .arg(m_real->uri());
}

Result<int> SimulatedLink::compareCpu(const QString &, const QString &)
{
    return 1; // VIR_CPU_COMPARE_IDENTICAL: the demo's hosts share one simulated CPU
}

Result<bool> SimulatedLink::hasVolume(const QString &)
{
    return true; // the demo's hosts share their (simulated) storage
}

Result<QString> SimulatedLink::volumePoolType(const QString &)
{
    return QStringLiteral("netfs");
}

Result<double> SimulatedLink::dirtyRate(const QString &uuid, int seconds)
{
    auto dom = m_real->domain(uuid);
    if (!dom)
        return Error{ dom.error() };
    if (!dom->running())
        return Error{ Tr::tr("%1 is not running.").arg(uuid) };
    // A real measurement takes `seconds`; the simulated one a moment.
    QThread::msleep(ulong(std::clamp(seconds, 0, 1)) * 200);
    return kDirtyBytesPerSec;
}

Result<void> SimulatedLink::migrate(const QString &uuid, const MigrateParams &params)
{
    const QString targetUri
        = params.peerToPeer || !params.target ? params.targetUri : params.target->uri();
    if (!simulates(targetUri))
        return Error{
            Tr::tr("A demo host can only move a VM to another demo host, not to %1.").arg(targetUri)
        };
    auto target = m_realLinks(targetUri);
    if (!target)
        return Error{ target.error() };
    auto dom = m_real->domain(uuid);
    if (!dom)
        return Error{ dom.error() };
    if (!dom->exists || !dom->running())
        return Error{ Tr::tr("Requested operation is not valid: domain is not running") };
    // As libvirt does: a domain whose disks are being copied does not move.
    if (BlockCopies::instance().any(uri(), uuid))
        return activeBlockJob();
    auto xml = m_real->domainXml(uuid, true);
    if (!xml)
        return Error{ xml.error() };

    // Pre-copy rounds: all of memory, then what the guest dirtied meanwhile.
    const double memory = double(dom->memoryKiB) * 1024.0;
    const QList<double> rounds = { memory, memory * 0.08, memory * 0.006 };
    double total = 0;
    for (double r : rounds)
        total += r;
    const double bytesPerMs = total / kTransferMs;
    m_abort.store(false);
    {
        QMutexLocker lock(&m_mutex);
        m_jobUuid = uuid;
        m_running = JobStats{};
        m_running.active = true;
        m_running.dataTotal = quint64(memory);
        m_running.memoryBytesPerSec = bytesPerMs * 1000.0;
        m_running.dirtyBytesPerSec = kDirtyBytesPerSec;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kTransferMs) {
        if (m_abort.load()) {
            QMutexLocker lock(&m_mutex);
            m_jobUuid.clear();
            m_running = JobStats{};
            return Error{ Tr::tr("operation aborted: simulated migration canceled by client") };
        }
        QThread::msleep(50);
        const double copied = std::min(total, double(clock.elapsed()) * bytesPerMs);
        double before = 0;
        int iteration = 1;
        for (double r : rounds) {
            if (copied <= before + r)
                break;
            before += r;
            ++iteration;
        }
        iteration = std::min<int>(iteration, int(rounds.size()));
        QMutexLocker lock(&m_mutex);
        m_running.elapsedMs = clock.elapsed();
        m_running.dataProcessed = quint64(copied);
        m_running.dataTotal
            = quint64(memory + (iteration > 1 ? rounds[1] : 0) + (iteration > 2 ? rounds[2] : 0));
        m_running.dataRemaining = m_running.dataTotal > m_running.dataProcessed
            ? m_running.dataTotal - m_running.dataProcessed
            : 0;
        m_running.iteration = iteration;
        m_running.expectedDowntimeMs = kDowntimeMs;
    }

    // The switch-over: the VM's definition runs on the target, the source stops it.
    auto there = target.value()->domain(uuid);
    if (there && there->exists && there->active)
        return Error{ Tr::tr("%1 is already active on %2.").arg(dom->name, targetUri) };
    Result<void> moved = target.value()->define(xml.value());
    if (moved)
        moved = target.value()->start(uuid);
    if (moved)
        moved = m_real->destroy(uuid);
    QMutexLocker lock(&m_mutex);
    m_jobUuid.clear();
    m_running = JobStats{};
    if (!moved)
        return Error{ Tr::tr("The simulated switch-over failed: %1").arg(moved.error()) };
    m_completedUuid = uuid;
    m_completed = JobStats{};
    m_completed.elapsedMs = clock.elapsed();
    m_completed.dataTotal = quint64(total);
    m_completed.dataProcessed = quint64(total);
    m_completed.memoryBytesPerSec = bytesPerMs * 1000.0;
    m_completed.dirtyBytesPerSec = kDirtyBytesPerSec;
    m_completed.iteration = int(rounds.size());
    m_completed.downtimeMs = kDowntimeMs;
    m_completed.totalTimeMs = clock.elapsed();
    return {};
}

Result<JobStats> SimulatedLink::jobStats(const QString &uuid, bool completed)
{
    QMutexLocker lock(&m_mutex);
    if (completed)
        return uuid == m_completedUuid ? m_completed : JobStats{};
    return uuid == m_jobUuid ? m_running : JobStats{};
}

Result<void> SimulatedLink::abortJob(const QString &uuid)
{
    QMutexLocker lock(&m_mutex);
    if (uuid != m_jobUuid)
        return Error{
            Tr::tr("Requested operation is not valid: no job is active on %1").arg(uuid)
        };
    m_abort.store(true);
    return {};
}

Result<void> SimulatedLink::setMaxDowntime(const QString &, int)
{
    return {};
}

Result<void> SimulatedLink::startPostCopy(const QString &)
{
    return simulatedOnly(Tr::tr("Post-copy"));
}

Result<void> SimulatedLink::diskSnapshot(const QString &, const QString &, bool)
{
    return simulatedOnly(Tr::tr("A disk restore point"));
}

Result<void> SimulatedLink::commitActive(const QString &, const QString &, int)
{
    return simulatedOnly(Tr::tr("Folding an overlay back"));
}

Result<void> SimulatedLink::removeVolume(const QString &)
{
    return simulatedOnly(Tr::tr("Deleting a volume"));
}

Result<bool> SimulatedLink::agentPing(const QString &, int)
{
    return false;
}

Result<void> SimulatedLink::blockCopy(const QString &uuid, const QString &disk,
                                      const QString &destinationXml, qint64 bandwidthBytesPerSec)
{
    Q_UNUSED(destinationXml)
    Q_UNUSED(bandwidthBytesPerSec) // a simulated copy takes the same few seconds
    auto dom = m_real->domain(uuid);
    if (!dom)
        return Error{ dom.error() };
    if (!dom->running())
        return Error{ Tr::tr("Requested operation is not valid: domain is not running") };
    BlockCopies &copies = BlockCopies::instance();
    QMutexLocker lock(&copies.mutex);
    const QString key = BlockCopies::key(uri(), uuid, disk);
    if (copies.startedMs.contains(key))
        return Error{ Tr::tr("disk '%1' already in an active block job (simulated)").arg(disk) };
    copies.startedMs.insert(key, QDateTime::currentMSecsSinceEpoch());
    return {};
}

Result<qint64> SimulatedLink::diskCapacity(const QString &uuid, const QString &disk)
{
    Q_UNUSED(uuid)
    Q_UNUSED(disk)
    return kDiskBytes;
}

Result<BlockJobState> SimulatedLink::blockJob(const QString &uuid, const QString &disk)
{
    BlockCopies &copies = BlockCopies::instance();
    QMutexLocker lock(&copies.mutex);
    const QString key = BlockCopies::key(uri(), uuid, disk);
    BlockJobState job;
    if (!copies.startedMs.contains(key))
        return job;
    // The copy ends with its domain, as libvirt's does.
    lock.unlock();
    auto dom = m_real->domain(uuid);
    lock.relock();
    if (dom && (!dom->exists || !dom->active)) {
        copies.startedMs.remove(key);
        return job;
    }
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - copies.startedMs.value(key);
    job.active = true;
    job.end = kDiskBytes;
    job.cur = std::min(kDiskBytes, kDiskBytes / kSeedMs * elapsed);
    job.ready = elapsed >= kSeedMs;
    return job;
}

Result<DiskWriteTotals> SimulatedLink::diskWrites(const QString &uuid)
{
    auto dom = m_real->domain(uuid);
    if (!dom)
        return Error{ dom.error() };
    // 200 writes a second since the epoch; the mirror's share of them is
    // what has passed since its copy started.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 mirroredMs = 0;
    {
        BlockCopies &copies = BlockCopies::instance();
        QMutexLocker lock(&copies.mutex);
        const QString prefix = BlockCopies::key(uri(), uuid, {});
        for (auto it = copies.startedMs.cbegin(); it != copies.startedMs.cend(); ++it)
            if (it.key().startsWith(prefix))
                mirroredMs = std::max(mirroredMs, now - it.value());
    }
    DiskWriteTotals totals;
    totals.requests = now / 5;
    totals.timeNs = (now / 5) * 350'000 + (mirroredMs / 5) * 200'000;
    return totals;
}

Result<void> SimulatedLink::abortBlockJob(const QString &uuid, const QString &disk)
{
    BlockCopies &copies = BlockCopies::instance();
    QMutexLocker lock(&copies.mutex);
    copies.startedMs.remove(BlockCopies::key(uri(), uuid, disk));
    return {};
}

} // namespace Umbra
