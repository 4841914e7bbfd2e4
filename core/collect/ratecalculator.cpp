#include "collect/ratecalculator.h"

#include <algorithm>
#include <cmath>

namespace Umbra {

namespace {

// Intervals shorter than this come from timer jitter or a collectNow() right
// after a scheduled collection; dividing by them magnifies noise into spikes.
constexpr double kMinimumIntervalSeconds = 0.1;

double clampPercent(double value)
{
    if (std::isnan(value))
        return value;
    // cpu.time includes QEMU's emulator threads, so a busy guest can read a
    // little over 100 %; the operator wants "saturated", not 103 %.
    return std::clamp(value, 0.0, 100.0);
}

} // namespace

double RateCalculator::rate(qint64 previous, qint64 current, double seconds)
{
    if (previous < 0 || current < 0 || seconds < kMinimumIntervalSeconds)
        return kNoValue;
    if (current < previous) // counter reset: the process restarted
        return kNoValue;
    return double(current - previous) / seconds;
}

VmSample RateCalculator::update(const DomainCounters &counters, qint64 monotonicNs, qint64 wallMs,
                                int hostCpus)
{
    VmSample sample;
    sample.uuid = counters.uuid;
    // Counters read elsewhere earlier (a Prometheus scrape) are dated and
    // timed by their reading, not by when they were fetched.
    const bool dated = counters.sampledAtMs >= 0;
    sample.timestampMs = dated ? counters.sampledAtMs : wallMs;
    if (dated)
        monotonicNs = counters.sampledAtMs * 1'000'000;

    if (counters.balloonAvailableKiB >= 0 && counters.balloonUnusedKiB >= 0) {
        // The guest reports its own view: trust it over the host's.
        sample.memoryAvailableKiB = double(counters.balloonAvailableKiB);
        sample.memoryUsedKiB
            = double(std::max<qint64>(0, counters.balloonAvailableKiB - counters.balloonUnusedKiB));
    } else {
        if (counters.balloonCurrentKiB >= 0)
            sample.memoryAvailableKiB = double(counters.balloonCurrentKiB);
        if (counters.balloonRssKiB >= 0)
            sample.memoryUsedKiB = double(counters.balloonRssKiB);
    }

    const bool active = vmStateIsActive(counters.state);
    const auto previous = m_previous.constFind(counters.uuid);
    // Rates only between readings timed by the same clock.
    const bool havePrevious
        = previous != m_previous.constEnd() && (previous->counters.sampledAtMs >= 0) == dated;

    if (!active) {
        // A VM that is not running uses nothing; say so rather than "unknown".
        sample.cpuPercent = sample.hostCpuPercent = 0;
        sample.diskReadBytesPerSec = sample.diskWriteBytesPerSec = 0;
        sample.diskReadIops = sample.diskWriteIops = 0;
        sample.netRxBytesPerSec = sample.netTxBytesPerSec = 0;
        sample.netRxPacketsPerSec = sample.netTxPacketsPerSec = 0;
        sample.memoryUsedKiB = 0;
    } else if (havePrevious) {
        const DomainCounters &p = previous->counters;
        const double seconds = double(monotonicNs - previous->monotonicNs) / 1e9;
        const double cpuNsPerSecond = rate(p.cpuTimeNs, counters.cpuTimeNs, seconds);
        if (!std::isnan(cpuNsPerSecond)) {
            if (counters.vcpus > 0)
                sample.cpuPercent = clampPercent(cpuNsPerSecond / 1e7 / counters.vcpus);
            if (hostCpus > 0)
                sample.hostCpuPercent = clampPercent(cpuNsPerSecond / 1e7 / hostCpus);
        }
        sample.diskReadBytesPerSec = rate(p.blockReadBytes, counters.blockReadBytes, seconds);
        sample.diskWriteBytesPerSec = rate(p.blockWriteBytes, counters.blockWriteBytes, seconds);
        sample.diskReadIops = rate(p.blockReadRequests, counters.blockReadRequests, seconds);
        sample.diskWriteIops = rate(p.blockWriteRequests, counters.blockWriteRequests, seconds);
        sample.netRxBytesPerSec = rate(p.netRxBytes, counters.netRxBytes, seconds);
        sample.netTxBytesPerSec = rate(p.netTxBytes, counters.netTxBytes, seconds);
        sample.netRxPacketsPerSec = rate(p.netRxPackets, counters.netRxPackets, seconds);
        sample.netTxPacketsPerSec = rate(p.netTxPackets, counters.netTxPackets, seconds);
    }

    if (active)
        m_previous.insert(counters.uuid, Previous{ counters, monotonicNs });
    else
        m_previous.remove(counters.uuid); // the next start begins from fresh counters
    return sample;
}

HostSample RateCalculator::updateHost(const QString &uri, const NodeCounters &counters,
                                      qint64 monotonicNs, qint64 wallMs, int activeVms)
{
    HostSample sample;
    sample.uri = uri;
    sample.timestampMs = wallMs;
    sample.activeVms = activeVms;
    if (counters.memoryTotalKiB > 0) {
        sample.memoryTotalKiB = double(counters.memoryTotalKiB);
        if (counters.memoryFreeKiB >= 0)
            sample.memoryUsedKiB
                = double(std::max<qint64>(0, counters.memoryTotalKiB - counters.memoryFreeKiB));
    }
    if (m_haveNode) {
        const double seconds = double(monotonicNs - m_previousNodeNs) / 1e9;
        const double busy = rate(m_previousNode.cpuBusyNs, counters.cpuBusyNs, seconds);
        const double idle = rate(m_previousNode.cpuIdleNs, counters.cpuIdleNs, seconds);
        if (!std::isnan(busy) && !std::isnan(idle) && busy + idle > 0)
            sample.cpuPercent = clampPercent(100.0 * busy / (busy + idle));
    }
    m_previousNode = counters;
    m_previousNodeNs = monotonicNs;
    m_haveNode = true;
    return sample;
}

void RateCalculator::forget(const QString &uuid)
{
    m_previous.remove(uuid);
}

void RateCalculator::clear()
{
    m_previous.clear();
    m_haveNode = false;
}

} // namespace Umbra
