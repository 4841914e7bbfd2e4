#pragma once

#include "engine/engine.h"

#include <QString>

namespace Umbra::Bench {

// Adds `hosts` generated test-driver hosts of `vmsPerHost` VMs each, with
// simulated usage, to an engine whose store is open. Fleet files go to `dir`.
bool addGeneratedFleet(Engine &engine, const QString &dir, int hosts, int vmsPerHost);

// CPU time (user + system) this process has used so far, in seconds.
double processCpuSeconds();

// Peak resident set size of this process, in MiB.
double peakRssMiB();

} // namespace Umbra::Bench
