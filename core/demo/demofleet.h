#pragma once

#include "fleet/hostinfo.h"
#include "pools/pool.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <optional>

namespace Umbra::DemoFleet {

// The built-in demo: libvirt test-driver fleets shipped as resources. The test
// driver needs real files, so they are written to `directory` (by default the
// user's cache) and returned as hosts whose usage is simulated.
Result<QList<HostConfig>> install(const QString &directory = {});

// The demo's pools: its standby host in a shadow pool "standby" and each
// host's rack as its failure domain, added to `settings` where the operator
// has not placed those hosts. Nothing when there is nothing to add.
std::optional<Pools::PoolSettings> withDemoPools(const Pools::PoolSettings &settings,
                                                 const QList<HostConfig> &demoHosts);

// A generated fleet file for a test-driver host with `vmCount` domains, used by
// benchmarks and tests that need a fleet of a given size.
Result<QString> writeGeneratedFleet(const QString &path, const QString &hostName, int vmCount,
                                    int cpus = 32, quint64 memoryKiB = 256ull * 1024 * 1024);

} // namespace Umbra::DemoFleet
