#pragma once

#include "collect/counters.h"
#include "fleet/vminfo.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <libvirt/libvirt.h>

namespace Umbra {

// Where a host session gets its counters from. The libvirt source asks the
// hypervisor; the simulated source (demo) derives them from a workload model.
// Both feed the same rate computation, store and UI.
class StatsSource
{
public:
    virtual ~StatsSource() = default;
    // vms: the session's current inventory, for vCPU counts and memory sizes.
    virtual Result<QList<DomainCounters>>
    collectDomains(virConnectPtr connection, const QHash<QString, VmInfo> &vms, qint64 wallMs) = 0;
    virtual Result<NodeCounters> collectNode(virConnectPtr connection, int cpus, quint64 memoryKiB,
                                             qint64 wallMs)
        = 0;
    // What the last collection could only do in part (figures left as
    // gaps), for the operator; empty when it did everything. Cleared by
    // reading it.
    virtual QString takeWarning() { return {}; }
};

// One bulk virConnectGetAllDomainStats call per collection.
class LibvirtStatsSource : public StatsSource
{
public:
    Result<QList<DomainCounters>> collectDomains(virConnectPtr connection,
                                                 const QHash<QString, VmInfo> &vms,
                                                 qint64 wallMs) override;
    Result<NodeCounters> collectNode(virConnectPtr connection, int cpus, quint64 memoryKiB,
                                     qint64 wallMs) override;
};

} // namespace Umbra
