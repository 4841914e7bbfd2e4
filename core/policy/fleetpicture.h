#pragma once

#include "pools/capacityledger.h"
#include "pools/pool.h"
#include "predict/crossing.h"
#include "predict/healthscore.h"
#include "predict/hostrisk.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace Umbra::Policy {

// One host as the policy sees it at an evaluation.
struct PolicyHost
{
    QString uri;
    QString name;
    Pools::Pool pool;
    QString failureDomain;
    bool reachable = true;
    int cpus = 0;
    // The forecast peak over the policy's horizon, in CPUs; none before a forecast.
    std::optional<double> peakCpus;
    Predict::Crossing cpuCrossing; // of 100 %, absolute times
    Hardware::HostRisk risk;
    std::optional<int> health;
    // What a VM arriving here may still take; none when the ledger cannot say.
    std::optional<Pools::Headroom> headroom;
    std::optional<Pools::Headroom> shadowHeadroom; // for a shadow
    // While it is unreachable: since when (a host lost long enough is what
    // a failover to its VMs' shadows answers).
    qint64 unreachableSinceMs = 0;
    bool maintenance = false; // the operator is servicing it: empty it, place nothing there
};

// A VM's shadow, as the shadow service last checked it.
struct PolicyShadow
{
    QString hostUri;
    QString name;
    bool inSync = false;
    QString state; // its label, for the operator: "in sync", "seeding", …
    int vcpus = 0;
    qint64 syncedMs = 0;
    // The last validation: when, and whether the throw-away copy booted.
    qint64 validatedMs = 0;
    bool validationPassed = false;
    qint64 rtoMs = -1; // of a failover measured before, else -1
};

// A VM's server in a load balancer, and how it is doing by the balancer's
// checks.
struct PolicyServer
{
    QString balancer;
    QString backend;
    QString server;
    bool up = true;
};

// One VM.
struct PolicyVm
{
    QString uuid;
    QString name;
    QString hostUri;
    bool running = true;
    int vcpus = 0;
    quint64 memoryKiB = 0;
    QString customer;
    std::optional<double> peakCpus; // forecast peak over the horizon, in CPUs
    Predict::HealthScore health;
    // A live shadow (any state); `shadow` says which when the service knows.
    bool hasShadow = false;
    std::optional<PolicyShadow> shadow;
    QList<PolicyServer> servers; // in every backend that has it
};

// An action that ran or runs: what the limits and the cooldown count.
struct PolicyAction
{
    QString vmUuid;
    QString fromUri;
    QString toUri;
    qint64 startedMs = 0;
    qint64 finishedMs = 0; // 0 while it runs
    // The risk of the host it left, when it left (for "no move back unless
    // that host's risk fell").
    std::optional<double> fromRisk;
    // A migration or failover moves the VM; a traffic shift or a shadow's
    // new size counts against the limits but starts no cooldown.
    bool moves = true;
    // A traffic shift's receiving VM: it does not shed what it took back
    // during the cooldown.
    QString peerVmUuid = QString();
};

// An operator's answer to an earlier proposal that keeps it quiet for a
// while: a rejection (with its reason) or a deferral.
struct Quiet
{
    qint64 untilMs = 0;
    QString why; // "rejected by operator:ana at 14:02: the VM is being rebuilt"
};

// Everything one evaluation reads, gathered by the engine: hosts, VMs, the
// actions of the last hours, and the quiet proposals (by proposal key).
struct FleetPicture
{
    qint64 nowMs = 0;
    QList<PolicyHost> hosts;
    QList<PolicyVm> vms;
    QList<PolicyAction> actions;
    QHash<QString, Quiet> quiet;

    const PolicyHost *host(const QString &uri) const;
};

} // namespace Umbra::Policy

Q_DECLARE_METATYPE(Umbra::Policy::FleetPicture)
