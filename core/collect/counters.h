#pragma once

#include "fleet/vminfo.h"

#include <QString>

namespace Umbra {

// Raw cumulative counters of one domain at one instant, as
// virConnectGetAllDomainStats reports them; -1 means "not reported".
// Block and interface counters are summed over all devices.
struct DomainCounters
{
    QString uuid;
    VmState state = VmState::NoState;
    int vcpus = 0;
    qint64 cpuTimeNs = -1;
    qint64 balloonCurrentKiB = -1;
    qint64 balloonMaximumKiB = -1;
    qint64 balloonAvailableKiB = -1; // guest-reported total usable memory
    qint64 balloonUnusedKiB = -1; // guest-reported free memory
    qint64 balloonRssKiB = -1; // host-side resident set of the QEMU process
    qint64 blockReadBytes = -1;
    qint64 blockWriteBytes = -1;
    qint64 blockReadRequests = -1;
    qint64 blockWriteRequests = -1;
    qint64 netRxBytes = -1;
    qint64 netTxBytes = -1;
    qint64 netRxPackets = -1;
    qint64 netTxPackets = -1;
    // When the counters were read at their source (ms since the epoch), if
    // not at the collection itself: a Prometheus scrape, which may be
    // seconds older. -1: read now.
    qint64 sampledAtMs = -1;
};

// Node-wide counters from virNodeGetCPUStats / virNodeGetMemoryStats.
struct NodeCounters
{
    int cpus = 0;
    qint64 cpuBusyNs = -1; // kernel + user
    qint64 cpuIdleNs = -1; // idle + iowait
    qint64 memoryTotalKiB = -1;
    qint64 memoryFreeKiB = -1; // free + buffers + cached: reclaimable memory
};

} // namespace Umbra
