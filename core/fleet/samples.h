#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <limits>

namespace Umbra {

// NaN marks a figure the host did not report or that could not be computed
// for this interval (first sample, counter reset). Charts show it as a gap.
inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// One value of a series that is neither a VM's nor a host's metric (a load
// balancer's server, for example), named "<kind>/<entity…>/<metric>" and
// stored to 10^precision.
struct NamedPoint
{
    QString series;
    qint8 precision = 0;
    qint64 timestampMs = 0;
    double value = kNoValue;
};

// Per-VM rates over one collection interval.
struct VmSample
{
    QString uuid;
    qint64 timestampMs = 0;
    double cpuPercent = kNoValue; // of the VM's allocated vCPUs
    double hostCpuPercent = kNoValue; // of all the host's CPUs
    double memoryUsedKiB = kNoValue;
    double memoryAvailableKiB = kNoValue;
    double diskReadBytesPerSec = kNoValue;
    double diskWriteBytesPerSec = kNoValue;
    double diskReadIops = kNoValue;
    double diskWriteIops = kNoValue;
    double netRxBytesPerSec = kNoValue;
    double netTxBytesPerSec = kNoValue;
    double netRxPacketsPerSec = kNoValue;
    double netTxPacketsPerSec = kNoValue;
};

struct HostSample
{
    QString uri;
    qint64 timestampMs = 0;
    double cpuPercent = kNoValue;
    double memoryUsedKiB = kNoValue;
    double memoryTotalKiB = kNoValue;
    int activeVms = 0;
    // How long the collection that produced this sample took (not stored).
    double collectionSeconds = kNoValue;
};

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::VmSample)
Q_DECLARE_METATYPE(Umbra::HostSample)
