#pragma once

#include "pools/capacityledger.h"
#include "pools/pool.h"
#include "pools/poolrules.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace Umbra::Pools {

// What the predictions say of a host, for placement.
struct HostOutlook
{
    std::optional<double> peakCpus; // forecast peak over the next day, in CPUs
    std::optional<double> failureRisk; // 0–1 within 30 days
    std::optional<int> health; // 0–100
    bool maintenance = false; // the operator is servicing it
};

// Where placement learns the future: blocking, thread-safe, called on the
// worker threads that rank. Either may be empty.
struct Outlook
{
    std::function<HostOutlook(const QString &hostUri)> host;
    std::function<std::optional<double>(const QString &vmUuid)> vmPeakCpus;
    // The same for many VMs in one question (the policy asks for the whole
    // fleet at each evaluation); VMs without a forecast are left out.
    std::function<QHash<QString, double>(const QStringList &vmUuids)> vmPeaksCpus;
    std::function<std::optional<int>(const QString &vmUuid)> vmHealth; // 0–100
};

// One host that could take the VM, with what is known of it.
struct Candidate
{
    QString hostUri;
    QString hostName;
    Pool pool;
    QString failureDomain;
    std::optional<Headroom> headroom; // none: the ledger could not say (error)
    QString error; // why the host could not be assessed
    int cpus = 0;
    std::optional<double> peakCpus; // the host's forecast peak over the next day, in CPUs
    std::optional<double> failureRisk; // 0–1
    std::optional<int> health; // 0–100
    QList<quint64> residentMemoryKiB; // what each VM running there holds
    bool maintenance = false; // the operator is servicing it: nothing new goes there
};

// What is placed, with what it will need at its forecast peak.
struct PlacementQuery
{
    Subject subject;
    Demand demand; // its allocation: what the host must promise
    std::optional<double> peakCpus; // the VM's forecast peak over the next day, in CPUs
    QString sourceHostUri; // where it (or its primary) runs now
    QString sourceFailureDomain;
    // Every host's reasons in words, as the migration dialog lists them. Off,
    // a ranking holds its score and refusal only, for a caller that words
    // just the host it picks (reasonsFor()): the policy ranks every host for
    // each VM of a busy host at every evaluation, and the words were most of
    // its time at 10,000 VMs.
    bool explain = true;
};

struct Ranking
{
    QString hostUri;
    QString hostName;
    bool eligible = false;
    double score = 0; // 0–100 before penalties; higher is better
    int forcedMoves = 0; // VMs that would have to leave first
    QString refusal; // the first hard reason, when not eligible
    QStringList reasons; // every consideration, in words and numbers
};

// Least-disruption placement: eligible hosts first, best first, each with its
// reasons. Hard rules: reachable, not where the VM already is, admitted by the
// host's pool, for a shadow neither its primary's host nor failure domain, and
// room for the allocation (or room once a few VMs leave: forced moves). Then
// the score: memory left for others, CPU at the forecast peak, the host's
// failure risk and health, less 20 for each forced move. One ranking for the
// migration dialog, shadow creation and failover.
QList<Ranking> rank(const PlacementQuery &query, const QList<Candidate> &candidates);

// The reasons rank() gives `candidate` when it explains.
QStringList reasonsFor(PlacementQuery query, const Candidate &candidate);

} // namespace Umbra::Pools
