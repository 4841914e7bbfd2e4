#include "collect/inventoryreader.h"
#include "collect/statssource.h"

#include <QCoreApplication>
#include <cstring>
#include <libvirt/virterror.h>

namespace Umbra {

namespace {

// lupdate and the runtime must agree on the context of these strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::LibvirtStatsSource)
};

qint64 paramValue(const virTypedParameter &param)
{
    switch (param.type) {
    case VIR_TYPED_PARAM_INT:
        return param.value.i;
    case VIR_TYPED_PARAM_UINT:
        return param.value.ui;
    case VIR_TYPED_PARAM_LLONG:
        return param.value.l;
    case VIR_TYPED_PARAM_ULLONG:
        return qint64(param.value.ul);
    default:
        return -1;
    }
}

// Adds a per-device counter to a summed field that starts at -1 ("absent").
void accumulate(qint64 &field, qint64 value)
{
    if (value < 0)
        return;
    field = (field < 0 ? 0 : field) + value;
}

bool endsWith(const char *text, const char *suffix)
{
    const size_t length = std::strlen(text);
    const size_t suffixLength = std::strlen(suffix);
    return length >= suffixLength && std::strcmp(text + length - suffixLength, suffix) == 0;
}

void readRecord(const virDomainStatsRecord &record, DomainCounters &counters)
{
    for (int i = 0; i < record.nparams; ++i) {
        const virTypedParameter &param = record.params[i];
        const char *field = param.field;
        const qint64 value = paramValue(param);
        if (std::strcmp(field, "state.state") == 0) {
            counters.state = vmStateFromLibvirt(int(value));
        } else if (std::strcmp(field, "cpu.time") == 0) {
            counters.cpuTimeNs = value;
        } else if (std::strcmp(field, "vcpu.current") == 0) {
            counters.vcpus = int(value);
        } else if (std::strncmp(field, "balloon.", 8) == 0) {
            const char *key = field + 8;
            if (std::strcmp(key, "current") == 0)
                counters.balloonCurrentKiB = value;
            else if (std::strcmp(key, "maximum") == 0)
                counters.balloonMaximumKiB = value;
            else if (std::strcmp(key, "available") == 0)
                counters.balloonAvailableKiB = value;
            else if (std::strcmp(key, "unused") == 0)
                counters.balloonUnusedKiB = value;
            else if (std::strcmp(key, "rss") == 0)
                counters.balloonRssKiB = value;
        } else if (std::strncmp(field, "block.", 6) == 0) {
            // block.<n>.rd.bytes etc.; block.count and block.<n>.name are skipped.
            if (endsWith(field, ".rd.bytes"))
                accumulate(counters.blockReadBytes, value);
            else if (endsWith(field, ".wr.bytes"))
                accumulate(counters.blockWriteBytes, value);
            else if (endsWith(field, ".rd.reqs"))
                accumulate(counters.blockReadRequests, value);
            else if (endsWith(field, ".wr.reqs"))
                accumulate(counters.blockWriteRequests, value);
        } else if (std::strncmp(field, "net.", 4) == 0) {
            if (endsWith(field, ".rx.bytes"))
                accumulate(counters.netRxBytes, value);
            else if (endsWith(field, ".tx.bytes"))
                accumulate(counters.netTxBytes, value);
            else if (endsWith(field, ".rx.pkts"))
                accumulate(counters.netRxPackets, value);
            else if (endsWith(field, ".tx.pkts"))
                accumulate(counters.netTxPackets, value);
        }
    }
}

} // namespace

Result<QList<DomainCounters>> LibvirtStatsSource::collectDomains(virConnectPtr connection,
                                                                 const QHash<QString, VmInfo> &vms,
                                                                 qint64 wallMs)
{
    Q_UNUSED(wallMs);
    const unsigned int stats = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL
        | VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU | VIR_DOMAIN_STATS_INTERFACE
        | VIR_DOMAIN_STATS_BLOCK;
    virDomainStatsRecordPtr *records = nullptr;
    const int count = virConnectGetAllDomainStats(connection, stats, &records, 0);
    if (count < 0)
        return Error{ Tr::tr("Collecting domain statistics failed: %1")
                          .arg(InventoryReader::lastLibvirtError()) };

    QList<DomainCounters> result;
    result.reserve(count);
    for (int i = 0; i < count; ++i) {
        DomainCounters counters;
        char uuid[VIR_UUID_STRING_BUFLEN];
        if (virDomainGetUUIDString(records[i]->dom, uuid) < 0)
            continue;
        counters.uuid = QString::fromLatin1(uuid);
        readRecord(*records[i], counters);
        if (counters.vcpus <= 0)
            counters.vcpus = vms.value(counters.uuid).vcpus;
        result.append(counters);
    }
    virDomainStatsRecordListFree(records);
    return result;
}

Result<NodeCounters> LibvirtStatsSource::collectNode(virConnectPtr connection, int cpus,
                                                     quint64 memoryKiB, qint64 wallMs)
{
    Q_UNUSED(wallMs);
    NodeCounters node;
    node.cpus = cpus;

    int nparams = 0;
    if (virNodeGetCPUStats(connection, VIR_NODE_CPU_STATS_ALL_CPUS, nullptr, &nparams, 0) == 0
        && nparams > 0) {
        QVarLengthArray<virNodeCPUStats, 8> params(nparams);
        if (virNodeGetCPUStats(connection, VIR_NODE_CPU_STATS_ALL_CPUS, params.data(), &nparams, 0)
            == 0) {
            qint64 busy = 0, idle = 0;
            for (int i = 0; i < nparams; ++i) {
                const char *field = params[i].field;
                const auto value = qint64(params[i].value);
                if (std::strcmp(field, VIR_NODE_CPU_STATS_IDLE) == 0
                    || std::strcmp(field, VIR_NODE_CPU_STATS_IOWAIT) == 0)
                    idle += value;
                else if (std::strcmp(field, VIR_NODE_CPU_STATS_KERNEL) == 0
                         || std::strcmp(field, VIR_NODE_CPU_STATS_USER) == 0)
                    busy += value;
            }
            node.cpuBusyNs = busy;
            node.cpuIdleNs = idle;
        }
    }
    virResetLastError(); // drivers without node CPU stats are not an error

    nparams = 0;
    if (virNodeGetMemoryStats(connection, VIR_NODE_MEMORY_STATS_ALL_CELLS, nullptr, &nparams, 0)
            == 0
        && nparams > 0) {
        QVarLengthArray<virNodeMemoryStats, 8> params(nparams);
        if (virNodeGetMemoryStats(connection, VIR_NODE_MEMORY_STATS_ALL_CELLS, params.data(),
                                  &nparams, 0)
            == 0) {
            qint64 reclaimable = 0;
            for (int i = 0; i < nparams; ++i) {
                const char *field = params[i].field;
                const auto value = qint64(params[i].value);
                if (std::strcmp(field, VIR_NODE_MEMORY_STATS_TOTAL) == 0)
                    node.memoryTotalKiB = value;
                else if (std::strcmp(field, VIR_NODE_MEMORY_STATS_FREE) == 0
                         || std::strcmp(field, VIR_NODE_MEMORY_STATS_BUFFERS) == 0
                         || std::strcmp(field, VIR_NODE_MEMORY_STATS_CACHED) == 0)
                    reclaimable += value;
            }
            node.memoryFreeKiB = reclaimable;
        }
    }
    virResetLastError();
    if (node.memoryTotalKiB < 0 && memoryKiB > 0)
        node.memoryTotalKiB = qint64(memoryKiB);
    return node;
}

} // namespace Umbra
