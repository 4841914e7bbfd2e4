#pragma once

#include "collect/prometheusapi.h"
#include "fleet/samples.h"
#include "fleet/vminfo.h"

namespace Umbra::Prometheus {

// A VM's usage over [fromMs, toMs] as Prometheus kept it: the exporter's
// counters and their scrape times every `stepSeconds` (two range queries),
// turned into rates by the same calculation as live collection — counter
// resets included — one sample per scrape read. For filling in the history
// of a VM Umbra sees for the first time. `hostCpus` scales the host-CPU share.
Result<QList<VmSample>> usageHistory(const Api &api, const VmInfo &vm, int hostCpus, qint64 fromMs,
                                     qint64 toMs, int stepSeconds);

} // namespace Umbra::Prometheus
