#pragma once

#include "collect/counters.h"
#include "fleet/samples.h"

#include <QHash>

namespace Umbra {

// Turns successive cumulative counters into rates. A counter that goes
// backwards (the VM restarted, or migrated in with a fresh QEMU process) makes
// that figure unknown for one interval instead of negative or absurd.
class RateCalculator
{
public:
    // monotonicNs: a steady clock reading taken when the counters were read;
    // wallMs: the sample's timestamp.
    VmSample update(const DomainCounters &counters, qint64 monotonicNs, qint64 wallMs,
                    int hostCpus);
    HostSample updateHost(const QString &uri, const NodeCounters &counters, qint64 monotonicNs,
                          qint64 wallMs, int activeVms);

    void forget(const QString &uuid);
    void clear();

    // Rate of a cumulative counter per second, or NaN when it cannot be known.
    static double rate(qint64 previous, qint64 current, double seconds);

private:
    struct Previous
    {
        DomainCounters counters;
        qint64 monotonicNs = 0;
    };
    QHash<QString, Previous> m_previous;
    NodeCounters m_previousNode;
    qint64 m_previousNodeNs = 0;
    bool m_haveNode = false;
};

} // namespace Umbra
