#pragma once

#include "engine/engine.h"

#include <QCoreApplication>
#include <QString>

namespace Umbra::Bench {

// Adds `hosts` generated test-driver hosts of `vmsPerHost` VMs each, with
// simulated usage, to an engine whose store is open. Fleet files go to `dir`.
bool addGeneratedFleet(Engine &engine, const QString &dir, int hosts, int vmsPerHost);

// The options every fleet benchmark takes.
struct FleetOptions
{
    int hosts = 10;
    int vmsPerHost = 50;
    int intervalMs = 1000;
    int seconds = 30;
    int warmupSeconds = 10;
};

// Parses --hosts, --vms, --interval-ms, --seconds and --warmup (exits on --help).
FleetOptions parseFleetOptions(const QCoreApplication &app, const FleetOptions &defaults);

// Opens a store in `dir` and adds the generated fleet `options` describes, at
// its collection interval; prints what went wrong and returns false on failure.
bool openFleet(Engine &engine, const QString &dir, const FleetOptions &options);

// CPU time (user + system) this process has used so far, in seconds.
double processCpuSeconds();

// Peak resident set size of this process, in MiB.
double peakRssMiB();

} // namespace Umbra::Bench
