#include "migrate/libvirtlink.h"

#include "collect/libvirteventloop.h"
#include "collect/sharedconnection.h"
#include "fleet/hosturi.h"
#include "migrate/domainxml.h"
#include "util/displaytext.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUuid>
#include <cstdlib>
#include <cstring>
#include <libvirt/libvirt-qemu.h>
#include <libvirt/virterror.h>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::LibvirtLink)
};

QString lastError()
{
    const char *message = virGetLastErrorMessage();
    return message ? DisplayText::errorMessage(QString::fromUtf8(message))
                   : Tr::tr("unknown libvirt error");
}

int lastErrorCode()
{
    const virErrorPtr error = virGetLastError();
    return error ? error->code : 0;
}

Error failure(const QString &what)
{
    return Error{ Tr::tr("%1: %2").arg(what, lastError()) };
}

QString takeString(char *text)
{
    const QString s = text ? QString::fromUtf8(text) : QString();
    std::free(text);
    return s;
}

struct TypedParams
{
    virTypedParameterPtr params = nullptr;
    int count = 0;
    int max = 0;
    ~TypedParams() { virTypedParamsFree(params, count); }
    void addString(const char *name, const QString &value)
    {
        virTypedParamsAddString(&params, &count, &max, name, value.toUtf8().constData());
    }
    void addULLong(const char *name, unsigned long long value)
    {
        virTypedParamsAddULLong(&params, &count, &max, name, value);
    }
};

unsigned long long ullong(virTypedParameterPtr params, int n, const char *name,
                          unsigned long long fallback = 0)
{
    unsigned long long value = fallback;
    if (virTypedParamsGetULLong(params, n, name, &value) != 1)
        return fallback;
    return value;
}

} // namespace

// Frees a domain handle when it goes.
struct DomainRef
{
    virDomainPtr ptr = nullptr;
    explicit DomainRef(virDomainPtr p)
        : ptr(p)
    { }
    ~DomainRef()
    {
        if (ptr)
            virDomainFree(ptr);
    }
    DomainRef(const DomainRef &) = delete;
    DomainRef &operator=(const DomainRef &) = delete;
};

LibvirtLink::LibvirtLink(QString uri, virConnectPtr conn)
    : m_uri(std::move(uri))
    , m_conn(conn)
{ }

LibvirtLink::~LibvirtLink()
{
    if (m_conn)
        SharedConnection::close(m_conn);
}

Result<std::unique_ptr<HypervisorLink>> LibvirtLink::open(const QString &uri)
{
    auto valid = HostUri::validate(uri);
    if (!valid)
        return Error{ valid.error() };
    LibvirtEventLoop::ensureRunning();
    virConnectPtr conn = SharedConnection::open(valid.value());
    if (!conn)
        return Error{ Tr::tr("%1 is unreachable: %2").arg(uri, lastError()) };
    // A host that dies mid-job is noticed within 15 s instead of a TCP timeout.
    virConnectSetKeepAlive(conn, 5, 3); // not every driver has keepalives
    virResetLastError();
    return std::unique_ptr<HypervisorLink>(new LibvirtLink(uri, conn));
}

LinkFactory LibvirtLink::factory()
{
    return [](const QString &uri) { return LibvirtLink::open(uri); };
}

Result<std::shared_ptr<DomainRef>> LibvirtLink::definedDomain(const QString &uuid)
{
    auto found = lookup(uuid);
    if (!found)
        return Error{ found.error() };
    if (!found.value())
        return Error{ Tr::tr("%1 is not defined on %2.").arg(uuid, m_uri) };
    return std::make_shared<DomainRef>(found.value());
}

Result<void> LibvirtLink::callOnDomain(const QString &uuid, const QString &what,
                                       const std::function<int(virDomainPtr)> &call)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    if (call(defined.value()->ptr) < 0)
        return failure(what);
    return {};
}

Result<virDomainPtr> LibvirtLink::lookup(const QString &nameOrUuid)
{
    virResetLastError();
    virDomainPtr dom = nullptr;
    const QByteArray key = nameOrUuid.toUtf8();
    if (!QUuid::fromString(nameOrUuid).isNull())
        dom = virDomainLookupByUUIDString(m_conn, key.constData());
    if (!dom && lastErrorCode() != VIR_ERR_NO_DOMAIN && lastErrorCode() != 0)
        return failure(Tr::tr("Looking up %1 on %2").arg(nameOrUuid, m_uri));
    if (!dom)
        dom = virDomainLookupByName(m_conn, key.constData());
    if (!dom) {
        if (lastErrorCode() == VIR_ERR_NO_DOMAIN)
            return virDomainPtr(nullptr);
        return failure(Tr::tr("Looking up %1 on %2").arg(nameOrUuid, m_uri));
    }
    return dom;
}

Result<HostFacts> LibvirtLink::host()
{
    HostFacts facts;
    facts.uri = m_uri;
    virNodeInfo info;
    if (virNodeGetInfo(m_conn, &info) < 0)
        return failure(Tr::tr("Reading the host facts of %1").arg(m_uri));
    facts.cpus = int(info.cpus);
    facts.memoryKiB = info.memory;
    // 0 is an error or a driver that keeps no such figure (the test driver).
    if (const unsigned long long freeBytes = virNodeGetFreeMemory(m_conn); freeBytes > 0)
        facts.freeMemoryKiB = freeBytes / 1024;
    virResetLastError();
    // MemAvailable-like: free plus reclaimable page cache where the host says so.
    int nparams = 0;
    if (virNodeGetMemoryStats(m_conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, nullptr, &nparams, 0) == 0
        && nparams > 0) {
        QList<virNodeMemoryStats> stats(nparams);
        if (virNodeGetMemoryStats(m_conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, stats.data(), &nparams,
                                  0)
            == 0) {
            quint64 free = 0, cached = 0, buffers = 0;
            for (int i = 0; i < nparams; ++i) {
                const QLatin1String field(stats[i].field);
                if (field == QLatin1String(VIR_NODE_MEMORY_STATS_FREE))
                    free = stats[i].value;
                else if (field == QLatin1String(VIR_NODE_MEMORY_STATS_CACHED))
                    cached = stats[i].value;
                else if (field == QLatin1String(VIR_NODE_MEMORY_STATS_BUFFERS))
                    buffers = stats[i].value;
            }
            if (free > 0)
                facts.freeMemoryKiB
                    = std::max<quint64>(facts.freeMemoryKiB.value_or(0), free + cached + buffers);
        }
    }
    virResetLastError();
    if (facts.memoryKiB > 0 && facts.freeMemoryKiB)
        facts.freeMemoryKiB = std::min<quint64>(*facts.freeMemoryKiB, facts.memoryKiB);
    facts.hostname = takeString(virConnectGetHostname(m_conn));
    facts.canonicalUri = takeString(virConnectGetURI(m_conn));
    const QString caps = takeString(virConnectGetCapabilities(m_conn));
    facts.uuid = DomainXml::hostUuid(caps);
    facts.cpuXml = DomainXml::hostCpu(caps);
    return facts;
}

Result<HostAllocation> LibvirtLink::allocation()
{
    virDomainPtr *domains = nullptr;
    const int n = virConnectListAllDomains(m_conn, &domains, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
    if (n < 0)
        return failure(Tr::tr("Listing the domains of %1").arg(m_uri));
    HostAllocation total;
    for (int i = 0; i < n; ++i) {
        virDomainInfo info;
        if (virDomainGetInfo(domains[i], &info) == 0) {
            total.memoryKiB += info.memory;
            total.vcpus += info.nrVirtCpu;
            ++total.domains;
        }
        virDomainFree(domains[i]);
    }
    std::free(domains);
    return total;
}

Result<DomainFacts> LibvirtLink::domain(const QString &nameOrUuid)
{
    auto found = lookup(nameOrUuid);
    if (!found)
        return Error{ found.error() };
    DomainFacts facts;
    if (!found.value())
        return facts;
    DomainRef dom(found.value());
    facts.exists = true;
    char uuid[VIR_UUID_STRING_BUFLEN];
    if (virDomainGetUUIDString(dom.ptr, uuid) == 0)
        facts.uuid = QString::fromLatin1(uuid);
    facts.name = QString::fromUtf8(virDomainGetName(dom.ptr));
    virDomainInfo info;
    if (virDomainGetInfo(dom.ptr, &info) < 0) {
        // Gone between the lookup and now (an incoming copy cleaned up).
        if (lastErrorCode() == VIR_ERR_NO_DOMAIN)
            return DomainFacts{};
        return failure(Tr::tr("Reading the state of %1 on %2").arg(nameOrUuid, m_uri));
    }
    facts.state = info.state;
    facts.memoryKiB = info.memory;
    facts.maxMemoryKiB = info.maxMem;
    facts.vcpus = info.nrVirtCpu;
    facts.active = virDomainIsActive(dom.ptr) == 1;
    facts.persistent = virDomainIsPersistent(dom.ptr) == 1;
    if (!facts.active)
        facts.memoryKiB = 0;
    return facts;
}

Result<QString> LibvirtLink::domainXml(const QString &uuid, bool inactive)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const DomainRef &dom = *defined.value();
    char *xml = virDomainGetXMLDesc(dom.ptr, inactive ? VIR_DOMAIN_XML_INACTIVE : 0);
    if (!xml)
        return failure(Tr::tr("Reading the definition of %1 on %2").arg(uuid, m_uri));
    return takeString(xml);
}

Result<int> LibvirtLink::compareCpu(const QString &cpuXml, const QString &virtType)
{
    // What the hypervisor can give a guest (right for emulated CPUs too),
    // else the host CPU itself.
    const QByteArray xml = cpuXml.toUtf8();
    const QByteArray type = virtType.toUtf8();
    int result = virConnectCompareHypervisorCPU(m_conn, nullptr, nullptr, nullptr,
                                                type.isEmpty() ? nullptr : type.constData(),
                                                xml.constData(), 0);
    if (result == VIR_CPU_COMPARE_ERROR && lastErrorCode() == VIR_ERR_NO_SUPPORT
        && virtType == QLatin1String("kvm"))
        result = virConnectCompareCPU(m_conn, xml.constData(), 0);
    if (result == VIR_CPU_COMPARE_ERROR)
        return failure(Tr::tr("Comparing CPUs on %1").arg(m_uri));
    return result;
}

virStorageVolPtr LibvirtLink::lookupVolume(const QString &path)
{
    const QByteArray key = path.toUtf8();
    virStorageVolPtr vol = virStorageVolLookupByPath(m_conn, key.constData());
    if (vol || lastErrorCode() != VIR_ERR_NO_STORAGE_VOL)
        return vol;
    virStoragePoolPtr *pools = nullptr;
    const int n
        = virConnectListAllStoragePools(m_conn, &pools, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    for (int i = 0; i < n; ++i) {
        virStoragePoolRefresh(pools[i], 0);
        virStoragePoolFree(pools[i]);
    }
    std::free(pools);
    return virStorageVolLookupByPath(m_conn, key.constData());
}

Result<bool> LibvirtLink::hasVolume(const QString &path)
{
    virStorageVolPtr vol = lookupVolume(path);
    if (vol) {
        virStorageVolFree(vol);
        return true;
    }
    if (lastErrorCode() == VIR_ERR_NO_STORAGE_VOL || lastErrorCode() == VIR_ERR_NO_SUPPORT)
        return false;
    return failure(Tr::tr("Looking up %1 on %2").arg(path, m_uri));
}

Result<QString> LibvirtLink::volumePoolType(const QString &path)
{
    virStorageVolPtr vol = lookupVolume(path);
    if (!vol) {
        if (lastErrorCode() == VIR_ERR_NO_STORAGE_VOL || lastErrorCode() == VIR_ERR_NO_SUPPORT)
            return QString();
        return failure(Tr::tr("Looking up %1 on %2").arg(path, m_uri));
    }
    virStoragePoolPtr pool = virStoragePoolLookupByVolume(vol);
    virStorageVolFree(vol);
    if (!pool)
        return failure(Tr::tr("Looking up the storage pool of %1 on %2").arg(path, m_uri));
    const QString xml = takeString(virStoragePoolGetXMLDesc(pool, 0));
    virStoragePoolFree(pool);
    return DomainXml::rootAttribute(xml, QStringLiteral("type"));
}

Result<double> LibvirtLink::dirtyRate(const QString &uuid, int seconds)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const DomainRef &dom = *defined.value();
    if (virDomainStartDirtyRateCalc(dom.ptr, std::max(1, seconds), 0) < 0)
        return failure(Tr::tr("Measuring the dirty-page rate of %1").arg(uuid));
    QDeadlineTimer deadline(qint64(seconds) * 1000 + 5000);
    QThread::msleep(ulong(seconds) * 1000 + 100);
    while (!deadline.hasExpired()) {
        virDomainStatsRecordPtr *records = nullptr;
        virDomainPtr list[] = { dom.ptr, nullptr };
        const int n = virDomainListGetStats(list, VIR_DOMAIN_STATS_DIRTYRATE, &records, 0);
        if (n < 0)
            return failure(Tr::tr("Reading the dirty-page rate of %1").arg(uuid));
        int status = -1;
        long long mbps = -1;
        if (n > 0) {
            virTypedParamsGetInt(records[0]->params, records[0]->nparams, "dirtyrate.calc_status",
                                 &status);
            virTypedParamsGetLLong(records[0]->params, records[0]->nparams,
                                   "dirtyrate.megabytes_per_second", &mbps);
        }
        virDomainStatsRecordListFree(records);
        if (status == 2 && mbps >= 0) // VIR_DOMAIN_DIRTYRATE_MEASURED
            return double(mbps) * 1024 * 1024;
        QThread::msleep(200);
    }
    return Error{ Tr::tr("The dirty-page rate of %1 was not measured in time.").arg(uuid) };
}

Result<DiskWriteTotals> LibvirtLink::diskWrites(const QString &uuid)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    virDomainStatsRecordPtr *records = nullptr;
    virDomainPtr list[] = { defined.value()->ptr, nullptr };
    const int n = virDomainListGetStats(list, VIR_DOMAIN_STATS_BLOCK, &records, 0);
    if (n < 0)
        return failure(Tr::tr("Reading the disk statistics of %1").arg(uuid));
    DiskWriteTotals totals;
    for (int i = 0; n > 0 && i < records[0]->nparams; ++i) {
        const virTypedParameter &p = records[0]->params[i];
        const QByteArray field(p.field);
        if (p.type != VIR_TYPED_PARAM_ULLONG)
            continue;
        if (field.endsWith(".wr.reqs"))
            totals.requests += qint64(p.value.ul);
        else if (field.endsWith(".wr.times"))
            totals.timeNs += qint64(p.value.ul);
    }
    virDomainStatsRecordListFree(records);
    return totals;
}

Result<void> LibvirtLink::migrate(const QString &uuid, const MigrateParams &p)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const DomainRef &dom = *defined.value();
    TypedParams params;
    if (!p.migrationUri.isEmpty())
        params.addString(VIR_MIGRATE_PARAM_URI, p.migrationUri);
    if (p.bandwidthMiBs > 0)
        params.addULLong(VIR_MIGRATE_PARAM_BANDWIDTH, ulong(p.bandwidthMiBs));
    unsigned flags = VIR_MIGRATE_LIVE | VIR_MIGRATE_PERSIST_DEST;
    if (p.autoConverge)
        flags |= VIR_MIGRATE_AUTO_CONVERGE;
    if (p.postCopy)
        flags |= VIR_MIGRATE_POSTCOPY;
    if (p.unsafe)
        flags |= VIR_MIGRATE_UNSAFE;
    if (p.copyStorage)
        flags |= VIR_MIGRATE_NON_SHARED_DISK;
    if (p.peerToPeer) {
        flags |= VIR_MIGRATE_PEER2PEER;
        if (virDomainMigrateToURI3(dom.ptr, p.targetUri.toUtf8().constData(), params.params,
                                   unsigned(params.count), flags)
            < 0)
            return failure(Tr::tr("Migrating to %1").arg(p.targetUri));
        return {};
    }
    auto *target = dynamic_cast<LibvirtLink *>(p.target);
    if (!target)
        return Error{ Tr::tr("A direct migration needs a libvirt connection to the target.") };
    virDomainPtr moved
        = virDomainMigrate3(dom.ptr, target->m_conn, params.params, unsigned(params.count), flags);
    if (!moved)
        return failure(Tr::tr("Migrating to %1").arg(target->uri()));
    virDomainFree(moved);
    return {};
}

Result<JobStats> LibvirtLink::jobStats(const QString &uuid, bool completed)
{
    auto found = lookup(uuid);
    if (!found)
        return Error{ found.error() };
    JobStats stats;
    if (!found.value())
        return stats;
    DomainRef dom(found.value());
    int type = VIR_DOMAIN_JOB_NONE;
    virTypedParameterPtr params = nullptr;
    int n = 0;
    if (virDomainGetJobStats(dom.ptr, &type, &params, &n,
                             completed ? VIR_DOMAIN_JOB_STATS_COMPLETED : 0)
        < 0)
        return failure(Tr::tr("Reading the job statistics of %1").arg(uuid));
    stats.active = type == VIR_DOMAIN_JOB_BOUNDED || type == VIR_DOMAIN_JOB_UNBOUNDED;
    stats.elapsedMs = qint64(ullong(params, n, VIR_DOMAIN_JOB_TIME_ELAPSED));
    stats.dataTotal = ullong(params, n, VIR_DOMAIN_JOB_DATA_TOTAL);
    stats.dataProcessed = ullong(params, n, VIR_DOMAIN_JOB_DATA_PROCESSED);
    stats.dataRemaining = ullong(params, n, VIR_DOMAIN_JOB_DATA_REMAINING);
    stats.memoryBytesPerSec = double(ullong(params, n, VIR_DOMAIN_JOB_MEMORY_BPS));
    const double pageSize = double(ullong(params, n, VIR_DOMAIN_JOB_MEMORY_PAGE_SIZE, 4096));
    stats.dirtyBytesPerSec = double(ullong(params, n, VIR_DOMAIN_JOB_MEMORY_DIRTY_RATE)) * pageSize;
    stats.iteration = int(ullong(params, n, VIR_DOMAIN_JOB_MEMORY_ITERATION));
    unsigned long long downtime = 0;
    if (virTypedParamsGetULLong(params, n, VIR_DOMAIN_JOB_DOWNTIME, &downtime) == 1) {
        if (completed)
            stats.downtimeMs = qint64(downtime);
        else
            stats.expectedDowntimeMs = qint64(downtime);
    }
    unsigned long long total = 0;
    if (completed && virTypedParamsGetULLong(params, n, VIR_DOMAIN_JOB_TIME_ELAPSED, &total) == 1)
        stats.totalTimeMs = qint64(total);
    stats.postCopy = ullong(params, n, VIR_DOMAIN_JOB_MEMORY_POSTCOPY_REQS) > 0;
    virTypedParamsFree(params, n);
    return stats;
}

Result<void> LibvirtLink::abortJob(const QString &uuid)
{
    return callOnDomain(uuid, Tr::tr("Aborting the job of %1 on %2").arg(uuid, m_uri),
                        [&](virDomainPtr dom) { return virDomainAbortJob(dom); });
}

Result<void> LibvirtLink::setMaxDowntime(const QString &uuid, int ms)
{
    return callOnDomain(
        uuid, Tr::tr("Setting the maximum downtime of %1").arg(uuid),
        [&](virDomainPtr dom) { return virDomainMigrateSetMaxDowntime(dom, ulong(ms), 0); });
}

Result<void> LibvirtLink::startPostCopy(const QString &uuid)
{
    return callOnDomain(uuid, Tr::tr("Switching %1 to post-copy").arg(uuid),
                        [&](virDomainPtr dom) { return virDomainMigrateStartPostCopy(dom, 0); });
}

Result<void> LibvirtLink::start(const QString &uuid)
{
    return callOnDomain(uuid, Tr::tr("Starting %1 on %2").arg(uuid, m_uri),
                        [&](virDomainPtr dom) { return virDomainCreate(dom); });
}

Result<void> LibvirtLink::resume(const QString &uuid)
{
    return callOnDomain(uuid, Tr::tr("Resuming %1 on %2").arg(uuid, m_uri),
                        [&](virDomainPtr dom) { return virDomainResume(dom); });
}

Result<void> LibvirtLink::destroy(const QString &uuid)
{
    return callOnDomain(uuid, Tr::tr("Stopping %1 on %2").arg(uuid, m_uri),
                        [&](virDomainPtr dom) { return virDomainDestroy(dom); });
}

Result<void> LibvirtLink::define(const QString &xml)
{
    virDomainPtr dom = virDomainDefineXML(m_conn, xml.toUtf8().constData());
    if (!dom)
        return failure(Tr::tr("Defining the domain on %1").arg(m_uri));
    virDomainFree(dom);
    return {};
}

Result<void> LibvirtLink::undefine(const QString &uuid)
{
    auto found = lookup(uuid);
    if (!found)
        return Error{ found.error() };
    if (!found.value())
        return {};
    DomainRef dom(found.value());
    const unsigned flags = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA
        | VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA | VIR_DOMAIN_UNDEFINE_KEEP_NVRAM;
    if (virDomainUndefineFlags(dom.ptr, flags) == 0)
        return {};
    if (virDomainUndefine(dom.ptr) == 0)
        return {};
    return failure(Tr::tr("Undefining %1 on %2").arg(uuid, m_uri));
}

Result<void> LibvirtLink::diskSnapshot(const QString &uuid, const QString &snapshotXml,
                                       bool quiesce)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const DomainRef &dom = *defined.value();
    unsigned flags = VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY | VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC
        | VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA;
    if (quiesce)
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE;
    virDomainSnapshotPtr snap
        = virDomainSnapshotCreateXML(dom.ptr, snapshotXml.toUtf8().constData(), flags);
    if (!snap)
        return failure(Tr::tr("Creating the restore point of %1").arg(uuid));
    virDomainSnapshotFree(snap);
    return {};
}

Result<void> LibvirtLink::commitActive(const QString &uuid, const QString &disk, int timeoutMs)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const DomainRef &dom = *defined.value();
    const QByteArray target = disk.toUtf8();
    if (virDomainBlockCommit(dom.ptr, target.constData(), nullptr, nullptr, 0,
                             VIR_DOMAIN_BLOCK_COMMIT_ACTIVE)
        < 0)
        return failure(Tr::tr("Folding the overlay of %1 back (%2)").arg(disk, uuid));
    QDeadlineTimer deadline(timeoutMs);
    QString lastProblem;
    while (!deadline.hasExpired()) {
        virDomainBlockJobInfo info;
        const int has = virDomainGetBlockJobInfo(dom.ptr, target.constData(), &info, 0);
        if (has < 0)
            return failure(Tr::tr("Watching the commit of %1 (%2)").arg(disk, uuid));
        if (has == 0)
            return Error{
                Tr::tr("The commit of %1 (%2) ended without reaching its pivot.").arg(disk, uuid)
            };
        if (info.end > 0 && info.cur == info.end) {
            if (virDomainBlockJobAbort(dom.ptr, target.constData(),
                                       VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT)
                == 0)
                return {};
            lastProblem = lastError(); // not ready yet: try again
        }
        QThread::msleep(100);
    }
    virDomainBlockJobAbort(dom.ptr, target.constData(), 0);
    return Error{ Tr::tr("Folding the overlay of %1 back (%2) did not finish in %3 s%4")
                      .arg(disk, uuid)
                      .arg(timeoutMs / 1000)
                      .arg(lastProblem.isEmpty() ? QString()
                                                 : QStringLiteral(": ") + lastProblem) };
}

Result<void> LibvirtLink::blockCopy(const QString &uuid, const QString &disk,
                                    const QString &destinationXml, qint64 bandwidthBytesPerSec)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const QByteArray target = disk.toUtf8();
    const QByteArray xml = destinationXml.toUtf8();
    const unsigned int flags = VIR_DOMAIN_BLOCK_COPY_REUSE_EXT | VIR_DOMAIN_BLOCK_COPY_TRANSIENT_JOB
        | VIR_DOMAIN_BLOCK_COPY_SYNCHRONOUS_WRITES;
    virTypedParameter bandwidth{};
    std::strncpy(bandwidth.field, VIR_DOMAIN_BLOCK_COPY_BANDWIDTH,
                 VIR_TYPED_PARAM_FIELD_LENGTH - 1);
    bandwidth.type = VIR_TYPED_PARAM_ULLONG;
    bandwidth.value.ul = static_cast<unsigned long long>(bandwidthBytesPerSec);
    if (virDomainBlockCopy(defined.value()->ptr, target.constData(), xml.constData(),
                           bandwidthBytesPerSec > 0 ? &bandwidth : nullptr,
                           bandwidthBytesPerSec > 0 ? 1 : 0, flags)
        < 0)
        return failure(Tr::tr("Replicating %1 of %2").arg(disk, uuid));
    return {};
}

Result<qint64> LibvirtLink::diskCapacity(const QString &uuid, const QString &disk)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const QByteArray target = disk.toUtf8();
    virDomainBlockInfo info;
    if (virDomainGetBlockInfo(defined.value()->ptr, target.constData(), &info, 0) < 0)
        return failure(Tr::tr("Reading the size of %1 (%2)").arg(disk, uuid));
    return qint64(info.capacity);
}

Result<BlockJobState> LibvirtLink::blockJob(const QString &uuid, const QString &disk)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const DomainRef &dom = *defined.value();
    const QByteArray target = disk.toUtf8();
    virDomainBlockJobInfo info;
    const int has = virDomainGetBlockJobInfo(dom.ptr, target.constData(), &info, 0);
    if (has < 0)
        return failure(Tr::tr("Reading the block job of %1 (%2)").arg(disk, uuid));
    BlockJobState state;
    if (has == 0)
        return state;
    state.active = true;
    state.cur = qint64(info.cur);
    state.end = qint64(info.end);
    // Ready is the READY event's mark in the live definition; progress alone
    // races with it (cur == end comes and goes while the guest writes).
    auto xml = domainXml(uuid, false);
    if (!xml)
        return Error{ xml.error() };
    state.ready = DomainXml::mirrorReady(xml.value(), disk);
    return state;
}

Result<void> LibvirtLink::abortBlockJob(const QString &uuid, const QString &disk)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const QByteArray target = disk.toUtf8();
    // Ending what is not there is done: libvirt 9 calls that an invalid
    // argument ("does not have an active block job"), so ask first.
    virDomainBlockJobInfo info{};
    if (virDomainGetBlockJobInfo(defined.value()->ptr, target.constData(), &info, 0) == 0)
        return {};
    if (virDomainBlockJobAbort(defined.value()->ptr, target.constData(), 0) < 0
        && lastErrorCode() != VIR_ERR_OPERATION_INVALID)
        return failure(Tr::tr("Ending the block job of %1 (%2)").arg(disk, uuid));
    return {};
}

Result<void> LibvirtLink::removeVolume(const QString &path)
{
    virStorageVolPtr vol = lookupVolume(path);
    if (!vol)
        return failure(Tr::tr("%1 is in no storage pool of %2").arg(path, m_uri));
    const int done = virStorageVolDelete(vol, 0);
    virStorageVolFree(vol);
    if (done < 0)
        return failure(Tr::tr("Deleting %1 on %2").arg(path, m_uri));
    return {};
}

Result<bool> LibvirtLink::agentPing(const QString &uuid, int timeoutS)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const DomainRef &dom = *defined.value();
    char *reply = virDomainQemuAgentCommand(dom.ptr, "{\"execute\":\"guest-ping\"}", timeoutS, 0);
    if (!reply)
        return false;
    const QJsonObject answer = QJsonDocument::fromJson(takeString(reply).toUtf8()).object();
    return answer.contains(QLatin1String("return"));
}

Result<QStringList> LibvirtLink::interfaceAddresses(const QString &uuid)
{
    auto defined = definedDomain(uuid);
    if (!defined)
        return Error{ defined.error() };
    const DomainRef &dom = *defined.value();
    // Each source knows only some guests: the lease only those on a libvirt
    // network, the agent only guests that run one, ARP only those that spoke.
    for (unsigned source : { unsigned(VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE),
                             unsigned(VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT),
                             unsigned(VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP) }) {
        virDomainInterfacePtr *ifaces = nullptr;
        const int count = virDomainInterfaceAddresses(dom.ptr, &ifaces, source, 0);
        if (count < 0) {
            virResetLastError();
            continue;
        }
        QStringList addresses;
        for (int i = 0; i < count; ++i) {
            for (unsigned j = 0; j < ifaces[i]->naddrs; ++j) {
                const QString address = QString::fromUtf8(ifaces[i]->addrs[j].addr);
                if (!address.startsWith(QLatin1String("127.")) && address != QLatin1String("::1"))
                    addresses.append(address);
            }
            virDomainInterfaceFree(ifaces[i]);
        }
        free(ifaces);
        if (!addresses.isEmpty())
            return addresses;
    }
    return QStringList();
}

} // namespace Umbra
