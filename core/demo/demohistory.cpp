#include "demo/demohistory.h"

#include "demo/workloadgenerator.h"

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

} // namespace Umbra::DemoHistory
