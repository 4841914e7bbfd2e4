#include "demo/simulatedstatssource.h"

#include <algorithm>

namespace Umbra {

namespace {

void advance(qint64 &counter, double perSecond, double seconds)
{
    counter = std::max<qint64>(counter, 0) + qint64(perSecond * seconds);
}

} // namespace

Result<QList<DomainCounters>>
SimulatedStatsSource::collectDomains(virConnectPtr connection, const QHash<QString, VmInfo> &vms,
                                     qint64 wallMs)
{
    auto states = m_libvirt.collectDomains(connection, vms, wallMs);
    if (!states)
        return states;

    m_busyCpuSeconds = 0;
    m_usedMemoryKiB = 0;
    const int utcOffset = WorkloadGenerator::utcOffsetAt(wallMs);
    QList<DomainCounters> result;
    result.reserve(states->size());
    for (const DomainCounters &state : states.value()) {
        const VmInfo vm = vms.value(state.uuid);
        auto profile = m_profiles.find(state.uuid);
        if (profile == m_profiles.end())
            profile
                = m_profiles.insert(state.uuid, WorkloadGenerator::profileFor(state.uuid, vm.name));
        Accumulated &acc = m_domains[state.uuid];
        DomainCounters &c = acc.counters;
        const bool active = vmStateIsActive(state.state);
        const bool wasActive = vmStateIsActive(c.state);
        if (active && !wasActive) {
            // A fresh QEMU process starts from zero, like a real restart.
            c = DomainCounters{};
            acc.lastWallMs = wallMs;
        }
        c.uuid = state.uuid;
        c.state = state.state;
        c.vcpus = vm.vcpus > 0 ? vm.vcpus : state.vcpus;
        c.balloonCurrentKiB = qint64(vm.memoryKiB);
        c.balloonMaximumKiB = qint64(vm.maxMemoryKiB);

        if (active) {
            const WorkloadUsage u = WorkloadGenerator::usageAt(*profile, wallMs, utcOffset);
            const double seconds = std::max(0.0, double(wallMs - acc.lastWallMs) / 1000.0);
            // Paused VMs exist but do no work.
            const double work = state.state == VmState::Paused ? 0.0 : 1.0;
            advance(c.cpuTimeNs, u.cpu * c.vcpus * 1e9 * work, seconds);
            advance(c.blockReadBytes, u.diskReadBytesPerSec * work, seconds);
            advance(c.blockWriteBytes, u.diskWriteBytesPerSec * work, seconds);
            advance(c.blockReadRequests, u.diskReadIops * work, seconds);
            advance(c.blockWriteRequests, u.diskWriteIops * work, seconds);
            advance(c.netRxBytes, u.netRxBytesPerSec * work, seconds);
            advance(c.netTxBytes, u.netTxBytesPerSec * work, seconds);
            advance(c.netRxPackets, u.netRxPacketsPerSec * work, seconds);
            advance(c.netTxPackets, u.netTxPacketsPerSec * work, seconds);
            c.balloonAvailableKiB = qint64(vm.memoryKiB);
            c.balloonUnusedKiB = qint64(double(vm.memoryKiB) * (1.0 - u.memory));
            c.balloonRssKiB = qint64(double(vm.memoryKiB) * std::min(1.0, u.memory + 0.05));
            m_busyCpuSeconds += u.cpu * c.vcpus * work;
            m_usedMemoryKiB += double(c.balloonRssKiB);
        }
        acc.lastWallMs = wallMs;
        result.append(c);
    }
    return result;
}

Result<NodeCounters> SimulatedStatsSource::collectNode(virConnectPtr, int cpus, quint64 memoryKiB,
                                                       qint64 wallMs)
{
    m_node.cpus = cpus;
    if (m_lastNodeWallMs > 0 && cpus > 0) {
        const double seconds = double(wallMs - m_lastNodeWallMs) / 1000.0;
        // The hypervisor itself keeps about 2 % of the host busy.
        const double busyCpus = std::min(double(cpus), m_busyCpuSeconds + 0.02 * cpus);
        advance(m_node.cpuBusyNs, busyCpus * 1e9, seconds);
        advance(m_node.cpuIdleNs, (cpus - busyCpus) * 1e9, seconds);
    } else {
        m_node.cpuBusyNs = 0;
        m_node.cpuIdleNs = 0;
    }
    m_lastNodeWallMs = wallMs;
    m_node.memoryTotalKiB = qint64(memoryKiB);
    const double hostOverheadKiB = 2.0 * 1024 * 1024;
    m_node.memoryFreeKiB
        = std::max<qint64>(0, qint64(double(memoryKiB) - m_usedMemoryKiB - hostOverheadKiB));
    return m_node;
}

} // namespace Umbra
