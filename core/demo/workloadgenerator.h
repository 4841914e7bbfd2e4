#pragma once

#include <QString>

namespace Umbra {

// A VM's character in the demo: how busy it is on average, how strongly it
// follows the working day and the week, how noisy and bursty it is, and how
// it drifts. Derived deterministically from the VM's UUID.
struct WorkloadProfile
{
    double baseCpu = 0.2; // fraction of allocated vCPUs
    double dailyAmplitude = 0.3; // added at the daily peak
    double peakHour = 14.0; // local hour of the daily peak
    double weekendFactor = 0.6; // multiplies the daily swing on Saturday/Sunday
    double noise = 0.05; // amplitude of minute-to-minute noise
    double burstChance = 0.05; // probability that a 10-minute slot holds a burst
    double burstHeight = 0.4;
    double trendPerWeek = 0.02; // slow growth, repeating every four weeks
    double baseMemory = 0.45; // fraction of allocated memory in use
    double diskBytesPerCpu = 40e6;
    double netBytesPerCpu = 25e6;
    quint64 seed = 0;
};

// Usage of one VM at an instant. The same (profile, time) always gives the
// same answer, so history can be backfilled and tests are reproducible.
struct WorkloadUsage
{
    double cpu = 0; // fraction of allocated vCPUs, 0..1
    double memory = 0; // fraction of allocated memory, 0..1
    double diskReadBytesPerSec = 0;
    double diskWriteBytesPerSec = 0;
    double diskReadIops = 0;
    double diskWriteIops = 0;
    double netRxBytesPerSec = 0;
    double netTxBytesPerSec = 0;
    double netRxPacketsPerSec = 0;
    double netTxPacketsPerSec = 0;
};

namespace WorkloadGenerator {

WorkloadProfile profileFor(const QString &uuid, const QString &name = {});
// utcOffsetSeconds places the working day in local time. Asking the C
// library for it per sample costs more than the rest of the model, so callers
// look it up once per batch with utcOffsetAt().
WorkloadUsage usageAt(const WorkloadProfile &profile, qint64 wallMs, int utcOffsetSeconds);
int utcOffsetAt(qint64 wallMs);

} // namespace WorkloadGenerator

} // namespace Umbra
