#pragma once

#include "fleet/hostinfo.h"
#include "util/result.h"

#include <QList>
#include <QString>

namespace Umbra::DemoFleet {

// The built-in demo: libvirt test-driver fleets shipped as resources. The test
// driver needs real files, so they are written to `directory` (by default the
// user's cache) and returned as hosts whose usage is simulated.
Result<QList<HostConfig>> install(const QString &directory = {});

// A generated fleet file for a test-driver host with `vmCount` domains, used by
// benchmarks and tests that need a fleet of a given size.
Result<QString> writeGeneratedFleet(const QString &path, const QString &hostName, int vmCount,
                                    int cpus = 32, quint64 memoryKiB = 256ull * 1024 * 1024);

} // namespace Umbra::DemoFleet
