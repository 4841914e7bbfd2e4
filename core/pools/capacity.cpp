#include "pools/capacity.h"

#include <algorithm>

namespace Umbra::Pools {

Fit fit(const HostCapacity &host, quint64 memoryKiB, int vcpus, const PlacementLimits &limits)
{
    Fit f;
    f.reserveKiB = quint64(std::max<qint64>(0, limits.reserveMiB)) * 1024;
    const quint64 unallocated
        = host.memoryKiB > host.allocatedMemoryKiB ? host.memoryKiB - host.allocatedMemoryKiB : 0;
    const quint64 usable
        = host.freeMemoryKiB ? std::min(unallocated, *host.freeMemoryKiB) : unallocated;
    f.usableKiB = usable > f.reserveKiB ? usable - f.reserveKiB : 0;
    f.memoryFits = memoryKiB <= f.usableKiB;
    f.vcpusAfter = host.allocatedVcpus + vcpus;
    f.vcpuLimit = host.cpus * limits.vcpuOvercommit;
    f.cpuFits = double(f.vcpusAfter) <= f.vcpuLimit;
    return f;
}

} // namespace Umbra::Pools
