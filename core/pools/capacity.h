#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

namespace Umbra::Pools {

// What a host has and what its running VMs already hold, as libvirt reports
// it at the moment of asking.
struct HostCapacity
{
    quint64 memoryKiB = 0; // installed
    // Free now; none when the host does not say (libvirt's test driver keeps
    // no such figure): then only what its running VMs hold counts.
    std::optional<quint64> freeMemoryKiB;
    quint64 allocatedMemoryKiB = 0; // promised to its running VMs
    int runningVms = 0;
    int cpus = 0;
    int allocatedVcpus = 0;
};

// How much of a host an arriving VM may claim: the memory the host keeps
// for itself, and how many vCPUs per host CPU it accepts.
struct PlacementLimits
{
    qint64 reserveMiB = 256;
    double vcpuOvercommit = 4.0;
};

// Whether a VM of `memoryKiB` and `vcpus` fits on a host. Memory counts the
// smaller of what is free now and what no running VM may still claim, so a
// host whose guests have not yet touched their memory is not overbooked.
// This is the one capacity figure: the migration dialog ranks targets by it
// and the migration's preflight refuses by it.
struct Fit
{
    quint64 usableKiB = 0; // what the VM could have, after the reserve
    quint64 reserveKiB = 0;
    int vcpusAfter = 0;
    double vcpuLimit = 0;
    bool memoryFits = false;
    bool cpuFits = false;
    bool fits() const { return memoryFits && cpuFits; }
    // What the host would have left for others after taking the VM (negative: short).
    qint64 leftKiB(quint64 memoryKiB) const { return qint64(usableKiB) - qint64(memoryKiB); }
};

Fit fit(const HostCapacity &host, quint64 memoryKiB, int vcpus, const PlacementLimits &limits);

} // namespace Umbra::Pools
