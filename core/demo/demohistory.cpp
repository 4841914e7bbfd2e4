#include "demo/demohistory.h"

#include "demo/workloadgenerator.h"

#include <algorithm>

namespace Umbra::DemoHistory {

QList<VmSample> generate(const VmInfo &vm, int hostCpus, qint64 fromMs, qint64 toMs, qint64 stepMs)
{
    QList<VmSample> samples;
    if (!vmStateIsActive(vm.state) || stepMs <= 0 || toMs <= fromMs)
        return samples;
    const WorkloadProfile profile = WorkloadGenerator::profileFor(vm.uuid, vm.name);
    const bool paused = vm.state == VmState::Paused;
    samples.reserve(int((toMs - fromMs) / stepMs) + 1);
    const int utcOffset = WorkloadGenerator::utcOffsetAt(toMs);
    for (qint64 t = fromMs; t <= toMs; t += stepMs) {
        const WorkloadUsage u = WorkloadGenerator::usageAt(profile, t, utcOffset);
        const double work = paused ? 0.0 : 1.0;
        VmSample s;
        s.uuid = vm.uuid;
        s.timestampMs = t;
        s.cpuPercent = 100.0 * u.cpu * work;
        s.hostCpuPercent = hostCpus > 0 ? 100.0 * u.cpu * vm.vcpus / hostCpus * work : kNoValue;
        s.memoryAvailableKiB = double(vm.memoryKiB);
        s.memoryUsedKiB = double(vm.memoryKiB) * u.memory;
        s.diskReadBytesPerSec = u.diskReadBytesPerSec * work;
        s.diskWriteBytesPerSec = u.diskWriteBytesPerSec * work;
        s.diskReadIops = u.diskReadIops * work;
        s.diskWriteIops = u.diskWriteIops * work;
        s.netRxBytesPerSec = u.netRxBytesPerSec * work;
        s.netTxBytesPerSec = u.netTxBytesPerSec * work;
        s.netRxPacketsPerSec = u.netRxPacketsPerSec * work;
        s.netTxPacketsPerSec = u.netTxPacketsPerSec * work;
        samples.append(s);
    }
    return samples;
}

QList<HostSample> generateHost(const HostInfo &host, const QList<VmInfo> &vms, qint64 fromMs,
                               qint64 toMs, qint64 stepMs)
{
    QList<HostSample> samples;
    if (host.cpus <= 0 || stepMs <= 0 || toMs <= fromMs)
        return samples;
    QList<std::pair<VmInfo, WorkloadProfile>> active;
    for (const VmInfo &vm : vms) {
        if (vmStateIsActive(vm.state))
            active.append({ vm, WorkloadGenerator::profileFor(vm.uuid, vm.name) });
    }
    const int utcOffset = WorkloadGenerator::utcOffsetAt(toMs);
    const double overheadKiB = 2.0 * 1024 * 1024; // as SimulatedStatsSource assumes
    for (qint64 t = fromMs; t <= toMs; t += stepMs) {
        double busyCpus = 0.02 * host.cpus;
        double usedKiB = overheadKiB;
        for (const auto &[vm, profile] : active) {
            const WorkloadUsage u = WorkloadGenerator::usageAt(profile, t, utcOffset);
            // A paused VM holds its memory but does no work.
            if (vm.state != VmState::Paused)
                busyCpus += u.cpu * vm.vcpus;
            usedKiB += double(vm.memoryKiB) * std::min(1.0, u.memory + 0.05);
        }
        HostSample s;
        s.uri = host.uri;
        s.timestampMs = t;
        s.cpuPercent = std::min(100.0, 100.0 * busyCpus / host.cpus);
        s.memoryTotalKiB = double(host.memoryKiB);
        s.memoryUsedKiB = std::min(usedKiB, double(host.memoryKiB));
        s.activeVms = int(active.size()); // as the live count: paused VMs are active
        samples.append(s);
    }
    return samples;
}

} // namespace Umbra::DemoHistory
