#include "demo/workloadgenerator.h"

#include <QDateTime>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace Umbra::WorkloadGenerator {

namespace {

// splitmix64's finaliser: every bit of the result depends on every bit of x.
quint64 mix64(quint64 x)
{
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// splitmix64: a cheap, well-mixed hash of (seed, slot) into [0, 1).
double unitHash(quint64 seed, qint64 slot)
{
    const quint64 x = mix64(seed + quint64(slot) * 0x9e3779b97f4a7c15ull);
    return double(x >> 11) * (1.0 / 9007199254740992.0);
}

// A VM's seed from its UUID, the same in every process: a restarted demo
// must simulate the same workload for each VM, or every restart would look
// like a fleet whose every VM changed at once. (qHash with a seed mixes in
// the process's random hash seed.)
quint64 stableSeed(const QString &uuid)
{
    quint64 h = 0xcbf29ce484222325ull; // FNV-1a over the UTF-16 code units
    for (const QChar c : uuid) {
        h ^= c.unicode();
        h *= 0x100000001b3ull;
    }
    return mix64(h);
}

// Smooth noise: interpolates hashed values one minute apart, so consecutive
// 5-second samples look like a real signal and not like white noise.
double smoothNoise(quint64 seed, double minutes)
{
    const double floorMinutes = std::floor(minutes);
    const double t = minutes - floorMinutes;
    const double a = unitHash(seed, qint64(floorMinutes)) - 0.5;
    const double b = unitHash(seed, qint64(floorMinutes) + 1) - 0.5;
    const double s = t * t * (3 - 2 * t);
    return 2 * (a + (b - a) * s);
}

double roleBias(const QString &name, double web, double db, double batch, double other)
{
    if (name.startsWith(QLatin1String("web")) || name.startsWith(QLatin1String("api"))
        || name.startsWith(QLatin1String("edge")))
        return web;
    if (name.startsWith(QLatin1String("db")) || name.startsWith(QLatin1String("search"))
        || name.startsWith(QLatin1String("cache")))
        return db;
    if (name.startsWith(QLatin1String("etl")) || name.startsWith(QLatin1String("analytics"))
        || name.startsWith(QLatin1String("backup")) || name.startsWith(QLatin1String("ci")))
        return batch;
    return other;
}

} // namespace

WorkloadProfile profileFor(const QString &uuid, const QString &name)
{
    WorkloadProfile p;
    p.seed = stableSeed(uuid);
    auto pick = [&](int index, double low, double high) {
        return low + (high - low) * unitHash(p.seed, -1000 - index);
    };
    p.baseCpu = pick(0, 0.05, 0.30) * roleBias(name, 1.0, 1.2, 0.8, 0.6);
    p.dailyAmplitude = pick(1, 0.10, 0.45) * roleBias(name, 1.2, 0.8, 0.6, 0.5);
    // Batch work peaks at night, interactive work in the afternoon.
    p.peakHour = roleBias(name, 1, 1, 0, 1) > 0 ? pick(2, 11.0, 16.0) : pick(2, 1.0, 4.0);
    p.weekendFactor = pick(3, 0.3, 0.8);
    p.noise = pick(4, 0.02, 0.08);
    p.burstChance = pick(5, 0.01, 0.08);
    p.burstHeight = pick(6, 0.2, 0.5);
    p.trendPerWeek = pick(7, -0.01, 0.04);
    p.baseMemory = pick(8, 0.30, 0.70) * roleBias(name, 0.8, 1.25, 1.0, 0.8);
    p.diskBytesPerCpu = pick(9, 10e6, 80e6) * roleBias(name, 0.5, 2.0, 1.5, 0.5);
    p.netBytesPerCpu = pick(10, 5e6, 60e6) * roleBias(name, 2.0, 0.8, 0.5, 0.8);
    // web03 serves the demo's busiest shop: every afternoon it runs close to
    // its vCPUs, so the policy has a server to shift requests away from.
    if (name == QLatin1String("web03")) {
        p.baseCpu = 0.55;
        p.dailyAmplitude = 0.42;
        p.weekendFactor = 0.9;
        p.burstChance = 0.01;
        p.trendPerWeek = 0;
    }
    return p;
}

int utcOffsetAt(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs).offsetFromUtc();
}

WorkloadUsage usageAt(const WorkloadProfile &p, qint64 wallMs, int utcOffsetSeconds)
{
    const qint64 localMs = wallMs + qint64(utcOffsetSeconds) * 1000;
    const qint64 dayMs = 86400 * 1000;
    const qint64 days = localMs >= 0 ? localMs / dayMs : (localMs - dayMs + 1) / dayMs;
    const double hour = double(localMs - days * dayMs) / 3.6e6;
    // 1970-01-01 was a Thursday (ISO day 4); Saturday and Sunday are 6 and 7.
    const int weekday = int(((days + 3) % 7 + 7) % 7) + 1;
    const double minutes = double(wallMs) / 60000.0;

    const double daily = 0.5 * (1 + std::cos(2 * std::numbers::pi * (hour - p.peakHour) / 24));
    const double week = weekday >= 6 ? p.weekendFactor : 1.0;
    const double weeks = std::fmod(double(wallMs) / (7 * 86400e3), 4.0);
    const double trend = p.trendPerWeek * weeks;

    const qint64 slot = qint64(minutes / 10);
    double burst = 0;
    if (unitHash(p.seed, slot) < p.burstChance) {
        const double within = minutes / 10 - double(slot); // 0..1 across the slot
        burst = p.burstHeight * std::sin(std::numbers::pi * within);
    }

    WorkloadUsage u;
    u.cpu = std::clamp(p.baseCpu + p.dailyAmplitude * daily * week + trend + burst
                           + p.noise * smoothNoise(p.seed, minutes),
                       0.005, 1.0);
    u.memory = std::clamp(p.baseMemory + 0.25 * u.cpu + 0.3 * trend
                              + 0.01 * smoothNoise(p.seed ^ 0x77, minutes / 5),
                          0.05, 0.98);
    const double io = u.cpu * (0.8 + 0.4 * (smoothNoise(p.seed ^ 0x1234, minutes) + 1) / 2);
    u.diskReadBytesPerSec = p.diskBytesPerCpu * io * 0.6;
    u.diskWriteBytesPerSec = p.diskBytesPerCpu * io * 0.4;
    u.diskReadIops = u.diskReadBytesPerSec / 16384;
    u.diskWriteIops = u.diskWriteBytesPerSec / 32768;
    const double traffic = u.cpu * (0.7 + 0.6 * (smoothNoise(p.seed ^ 0x4321, minutes) + 1) / 2);
    u.netRxBytesPerSec = p.netBytesPerCpu * traffic * 0.35;
    u.netTxBytesPerSec = p.netBytesPerCpu * traffic;
    u.netRxPacketsPerSec = u.netRxBytesPerSec / 600;
    u.netTxPacketsPerSec = u.netTxBytesPerSec / 1200;
    return u;
}

} // namespace Umbra::WorkloadGenerator
