#pragma once

#include <QString>
#include <QtGlobal>

namespace Umbra::Pools {

// What a host has and what its running VMs already hold, as libvirt reports
// it at the moment of asking.
struct HostCapacity
{
    quint64 memoryKiB = 0; // installed
    quint64 freeMemoryKiB = 0; // free now
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
struct Fit
{
    quint64 usableKiB = 0; // what the VM could have, after the reserve
    quint64 reserveKiB = 0;
    int vcpusAfter = 0;
    double vcpuLimit = 0;
    bool memoryFits = false;
    bool cpuFits = false;
    bool fits() const { return memoryFits && cpuFits; }
};

Fit fit(const HostCapacity &host, quint64 memoryKiB, int vcpus, const PlacementLimits &limits);

} // namespace Umbra::Pools
