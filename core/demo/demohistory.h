#pragma once

#include "fleet/hostinfo.h"
#include "fleet/samples.h"
#include "fleet/vminfo.h"

#include <QList>

namespace Umbra::DemoHistory {

// Samples the workload generator would have produced for `vm` between fromMs
// and toMs, every stepMs. The demo uses it so a first start already shows an
// hour of (simulated) history instead of empty charts.
QList<VmSample> generate(const VmInfo &vm, int hostCpus, qint64 fromMs, qint64 toMs, qint64 stepMs);

// The host's view of the same period: CPU and memory summed over its VMs,
// plus what the hypervisor itself uses.
QList<HostSample> generateHost(const HostInfo &host, const QList<VmInfo> &vms, qint64 fromMs,
                               qint64 toMs, qint64 stepMs);

} // namespace Umbra::DemoHistory
