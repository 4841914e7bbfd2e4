#pragma once

#include "collect/statssource.h"
#include "demo/workloadgenerator.h"

#include <QHash>

namespace Umbra {

// The demo's stats source: libvirt (the test driver) says which domains exist
// and their state; the workload generator says how busy they are. Usage is
// integrated into cumulative counters, so the demo travels the same
// counters → rates → store path as a real host.
class SimulatedStatsSource : public StatsSource
{
public:
    Result<QList<DomainCounters>> collectDomains(virConnectPtr connection,
                                                 const QHash<QString, VmInfo> &vms,
                                                 qint64 wallMs) override;
    Result<NodeCounters> collectNode(virConnectPtr connection, int cpus, quint64 memoryKiB,
                                     qint64 wallMs) override;

private:
    struct Accumulated
    {
        DomainCounters counters;
        qint64 lastWallMs = 0;
    };

    LibvirtStatsSource m_libvirt;
    QHash<QString, Accumulated> m_domains;
    QHash<QString, WorkloadProfile> m_profiles;
    double m_busyCpuSeconds = 0; // busy vCPU-seconds of active VMs in the last collection
    double m_usedMemoryKiB = 0;
    NodeCounters m_node;
    qint64 m_lastNodeWallMs = 0;
};

} // namespace Umbra
