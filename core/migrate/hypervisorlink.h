#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace Umbra {

struct HostFacts
{
    QString uri;
    QString hostname;
    QString uuid; // capabilities <host><uuid>; empty when the driver has none
    QString canonicalUri; // virConnectGetURI
    int cpus = 0;
    quint64 memoryKiB = 0;
    std::optional<quint64> freeMemoryKiB; // none when the driver keeps no such figure
    QString cpuXml; // capabilities <host><cpu>, for virConnectCompareCPU
};

// What active domains on a host hold.
struct HostAllocation
{
    quint64 memoryKiB = 0;
    int vcpus = 0;
    int domains = 0;
};

struct DomainFacts
{
    bool exists = false;
    QString uuid;
    QString name;
    int state = 0; // virDomainState
    bool active = false;
    bool persistent = false;
    quint64 memoryKiB = 0; // current allocation
    quint64 maxMemoryKiB = 0;
    int vcpus = 0;
    bool running() const { return active && state == 1; } // VIR_DOMAIN_RUNNING
};

struct JobStats
{
    bool active = false; // a job is in progress
    qint64 elapsedMs = 0;
    quint64 dataTotal = 0;
    quint64 dataProcessed = 0;
    quint64 dataRemaining = 0;
    double memoryBytesPerSec = 0;
    double dirtyBytesPerSec = 0;
    int iteration = 0;
    qint64 expectedDowntimeMs = -1;
    qint64 downtimeMs = -1; // of a completed migration
    qint64 totalTimeMs = -1; // of a completed migration
    bool postCopy = false;
};

struct MigrateParams
{
    QString targetUri; // libvirt URI of the target (peer-to-peer)
    class HypervisorLink *target = nullptr; // the target's link (direct)
    bool peerToPeer = true;
    QString migrationUri;
    int bandwidthMiBs = 0;
    bool autoConverge = false;
    bool postCopy = false;
    bool unsafe = false;
    bool copyStorage = false;
};

// A block job on one disk of a running domain, as libvirt reports it.
struct BlockJobState
{
    bool active = false;
    bool ready = false; // a copy mirrors every write (libvirt's <mirror ready='yes'>)
    qint64 cur = 0; // progress, in libvirt's arbitrary unit; not a time lag
    qint64 end = 0;
};

// A domain's disk writes so far, summed over its disks (libvirt's
// block.<n>.wr.reqs and wr.times): two readings give the mean time a write
// took between them.
struct DiskWriteTotals
{
    qint64 requests = 0;
    qint64 timeNs = 0;
};

// The mean write latency (ms) between two readings; absent when no write
// completed in between.
inline std::optional<double> meanWriteLatencyMs(const DiskWriteTotals &before,
                                                const DiskWriteTotals &after)
{
    const qint64 writes = after.requests - before.requests;
    if (writes <= 0 || after.timeNs < before.timeNs)
        return std::nullopt;
    return double(after.timeNs - before.timeNs) / double(writes) / 1e6;
}

// What the migration controller needs from one hypervisor host. One link is
// one connection; it is used from the job's thread and from the thread that
// runs the blocking migrate call (libvirt connections are thread-safe).
// LibvirtLink implements it with libvirt; tests script it.
class HypervisorLink
{
public:
    virtual ~HypervisorLink() = default;

    virtual QString uri() const = 0;
    virtual Result<HostFacts> host() = 0;
    virtual Result<HostAllocation> allocation() = 0;
    // exists == false when no domain has that name or UUID.
    virtual Result<DomainFacts> domain(const QString &nameOrUuid) = 0;
    virtual Result<QString> domainXml(const QString &uuid, bool inactive) = 0;
    // VIR_CPU_COMPARE_*: whether this host's hypervisor can give a guest of
    // virtType (kvm, qemu) that CPU; an Error when the driver cannot compare.
    virtual Result<int> compareCpu(const QString &cpuXml, const QString &virtType) = 0;
    // Whether a storage pool of this host holds a volume with that path.
    virtual Result<bool> hasVolume(const QString &path) = 0;
    // The type of the storage pool that holds that path (dir, fs, netfs,
    // logical, rbd, …); empty when no pool holds it or the driver cannot say.
    virtual Result<QString> volumePoolType(const QString &path)
    {
        Q_UNUSED(path);
        return QString();
    }
    // The guest's IP addresses, from the DHCP leases of libvirt's networks,
    // else its guest agent, else the host's ARP table; empty when none knows.
    virtual Result<QStringList> interfaceAddresses(const QString &uuid)
    {
        Q_UNUSED(uuid);
        return QStringList();
    }
    // How the link reaches its host, for the operator: empty for a real
    // hypervisor; a sentence when its migrations are simulated (the demo).
    virtual QString simulation() const { return {}; }
    // The guest's dirty-page rate in bytes per second, measured over seconds.
    virtual Result<double> dirtyRate(const QString &uuid, int seconds) = 0;

    // Blocks until the migration ends.
    virtual Result<void> migrate(const QString &uuid, const MigrateParams &params) = 0;
    virtual Result<JobStats> jobStats(const QString &uuid, bool completed) = 0;
    virtual Result<void> abortJob(const QString &uuid) = 0;
    virtual Result<void> setMaxDowntime(const QString &uuid, int ms) = 0;
    virtual Result<void> startPostCopy(const QString &uuid) = 0;

    virtual Result<void> define(const QString &xml) = 0;
    virtual Result<void> undefine(const QString &uuid) = 0;
    virtual Result<void> start(const QString &uuid) = 0;
    virtual Result<void> resume(const QString &uuid) = 0;
    virtual Result<void> destroy(const QString &uuid) = 0;

    // An external disk-only snapshot without libvirt metadata.
    virtual Result<void> diskSnapshot(const QString &uuid, const QString &snapshotXml, bool quiesce)
        = 0;
    // Folds the active overlay of disk into its backing file and pivots to it.
    virtual Result<void> commitActive(const QString &uuid, const QString &disk, int timeoutMs) = 0;
    // Deletes a file through the host's storage pools; an Error when none holds it.
    virtual Result<void> removeVolume(const QString &path) = 0;
    // qemu-guest-agent guest-ping; false when no agent answers.
    virtual Result<bool> agentPing(const QString &uuid, int timeoutS) = 0;

    // Continuous replication for shadows: a block copy of `disk` into
    // `destinationXml` (a <disk>, e.g. an NBD export on another host) that
    // reuses what is there, with synchronous writes once ready — every guest
    // write reaches the destination before it completes — and as a transient
    // job, which a persistent domain needs. It runs in libvirt until aborted.
    // A bandwidth above 0 (bytes/s) limits the first full copy, so seeding
    // does not starve the primary's own I/O.
    virtual Result<void> blockCopy(const QString &uuid, const QString &disk,
                                   const QString &destinationXml, qint64 bandwidthBytesPerSec)
    {
        Q_UNUSED(uuid)
        Q_UNUSED(disk)
        Q_UNUSED(destinationXml)
        Q_UNUSED(bandwidthBytesPerSec)
        return Error{ QStringLiteral("%1 cannot replicate disks.").arg(uri()) };
    }
    // The virtual size of a disk in bytes, as the guest sees it.
    virtual Result<qint64> diskCapacity(const QString &uuid, const QString &disk)
    {
        Q_UNUSED(uuid)
        Q_UNUSED(disk)
        return Error{ QStringLiteral("%1 cannot tell disk sizes.").arg(uri()) };
    }
    virtual Result<DiskWriteTotals> diskWrites(const QString &uuid)
    {
        Q_UNUSED(uuid)
        return Error{ QStringLiteral("%1 does not count disk writes.").arg(uri()) };
    }
    virtual Result<BlockJobState> blockJob(const QString &uuid, const QString &disk)
    {
        Q_UNUSED(uuid)
        Q_UNUSED(disk)
        return BlockJobState{};
    }
    // Ends a block job without pivoting: the domain stays on its own disk
    // and a copy's destination keeps what it had at that moment.
    virtual Result<void> abortBlockJob(const QString &uuid, const QString &disk)
    {
        Q_UNUSED(uuid)
        Q_UNUSED(disk)
        return {};
    }
};

using LinkFactory = std::function<Result<std::unique_ptr<HypervisorLink>>(const QString &uri)>;

} // namespace Umbra
