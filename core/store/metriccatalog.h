#pragma once

#include "fleet/samples.h"

#include <QString>
#include <array>

namespace Umbra {

// What Umbra keeps of each VM and host sample: one time series per metric,
// named "vm/<uuid>/<key>" or "host/<uri>/<key>", stored to the precision the
// console shows (CPU to 0.01 %, memory to 1 KiB, byte rates to 1 B/s,
// operation and packet rates to 0.01/s).
struct VmMetric
{
    const char *key;
    qint8 precision; // power of ten
    double VmSample::*field;
};

inline constexpr std::array<VmMetric, 12> kVmMetrics{ {
    { "cpu", -2, &VmSample::cpuPercent },
    { "host_cpu", -2, &VmSample::hostCpuPercent },
    { "mem_used", 0, &VmSample::memoryUsedKiB },
    { "mem_avail", 0, &VmSample::memoryAvailableKiB },
    { "disk_rd", 0, &VmSample::diskReadBytesPerSec },
    { "disk_wr", 0, &VmSample::diskWriteBytesPerSec },
    { "disk_rd_iops", -2, &VmSample::diskReadIops },
    { "disk_wr_iops", -2, &VmSample::diskWriteIops },
    { "net_rx", 0, &VmSample::netRxBytesPerSec },
    { "net_tx", 0, &VmSample::netTxBytesPerSec },
    { "net_rx_pps", -2, &VmSample::netRxPacketsPerSec },
    { "net_tx_pps", -2, &VmSample::netTxPacketsPerSec },
} };

struct HostMetric
{
    const char *key;
    qint8 precision;
};

// Host samples: cpu, mem_used, mem_total, active_vms, in this order.
inline constexpr std::array<HostMetric, 4> kHostMetrics{ {
    { "cpu", -2 },
    { "mem_used", 0 },
    { "mem_total", 0 },
    { "active_vms", 0 },
} };

inline QString vmSeriesName(const QString &uuid, const char *key)
{
    return QStringLiteral("vm/") + uuid + QLatin1Char('/') + QLatin1String(key);
}

inline QString hostSeriesName(const QString &uri, const char *key)
{
    return QStringLiteral("host/") + uri + QLatin1Char('/') + QLatin1String(key);
}

} // namespace Umbra
