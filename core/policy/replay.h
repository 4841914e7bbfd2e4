#pragma once

#include "policy/policyengine.h"

#include <QHash>
#include <QList>
#include <QString>
#include <vector>

namespace Umbra::Policy {

// A fleet to replay: each VM's CPU demand (in CPUs) at a fixed step, where
// each VM starts, and the hosts' sizes.
struct ReplayFleet
{
    QStringList hostNames;
    std::vector<double> hostCpus;
    // Each host's pool (none: the general pool) and each VM's customer, so
    // that a move goes only where placement would let it.
    QList<Pools::Pool> hostPools;
    QStringList vmCustomers;
    QStringList vmNames;
    std::vector<int> vmVcpus;
    std::vector<int> startHost; // index into the hosts, per VM
    std::vector<std::vector<double>> demand; // per VM, per step, in CPUs
    qint64 startMs = 0; // time of step 0
    qint64 stepMs = 300 * 1000;
    size_t warmSteps = 0; // steps the forecasters learn on before the replay
    int horizon = 12; // steps a proposal looks ahead, and is judged over

    size_t steps() const { return demand.empty() ? 0 : demand.front().size(); }
};

// One move a replayed policy made.
struct ReplayMove
{
    qint64 atMs = 0;
    int vm = 0;
    int from = 0;
    int to = 0;
    QString why; // the trigger, in words
    bool right = false; // the source did reach 90 % within the horizon had nothing moved
    bool pingPong = false; // back to a host the VM left within a day
};

// What a policy did over a replay.
struct ReplayResult
{
    int moves = 0;
    int pingPong = 0;
    double overloadMinutes = 0; // host demand over its CPUs, summed over hosts
    int proposals = 0; // saturation proposals raised (the predictive policy)
    int right = 0;
    int falseAlarms = 0;
    std::vector<double> leadMinutes; // from a right proposal to the first 90 % step
    QHash<QString, int> heldBy; // the first word of each rule that held one back
    QList<ReplayMove> moveList;

    double medianLeadMinutes() const;
};

// Umbra's policy on the fleet: each VM's forecaster (refitted as it learns),
// a host's forecast peak as the highest step of its VMs' summed forecasts
// over the horizon, the policy engine at level automatic; a move takes
// effect at the next step. Judged on the demand's own future.
ReplayResult replayPolicy(const ReplayFleet &fleet, PolicyLimits limits = {});
// "Move when over 90 % for 5 minutes": the busiest VM of a host over 90 % at
// the last step goes to the host least loaded now.
ReplayResult replayReactive(const ReplayFleet &fleet);
// Nothing moves: the overload that leaves.
ReplayResult replayNone(const ReplayFleet &fleet);

} // namespace Umbra::Policy
