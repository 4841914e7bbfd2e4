#include "pools/placement.h"

#include <QCoreApplication>
#include <algorithm>

namespace Umbra::Pools {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Pools)
};

constexpr double kMemoryWeight = 30;
constexpr double kCpuWeight = 30;
constexpr double kRiskWeight = 25;
constexpr double kHealthWeight = 15;
constexpr double kForcedMovePenalty = 20;

QString mib(quint64 kib)
{
    return QString::number(double(kib) / 1024.0, 'f', 0);
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 0);
}

// How many of the resident VMs, largest first, must leave for `shortKiB` to
// be freed; -1 when even all of them are not enough.
int movesToFree(QList<quint64> resident, quint64 shortKiB)
{
    std::sort(resident.begin(), resident.end(), std::greater<>());
    quint64 freed = 0;
    int moves = 0;
    for (quint64 kib : resident) {
        if (freed >= shortKiB)
            break;
        freed += kib;
        ++moves;
    }
    return freed >= shortKiB ? moves : -1;
}

Ranking assess(const PlacementQuery &query, const Candidate &c)
{
    Ranking r;
    r.hostUri = c.hostUri;
    r.hostName = c.hostName.isEmpty() ? c.hostUri : c.hostName;
    auto refuse = [&r](const QString &why) {
        r.eligible = false;
        r.refusal = why;
        r.reasons.prepend(why);
        return r;
    };
    // Words cost more than the score: built only when they are asked for.
    auto say = [&r, explain = query.explain](auto &&words) {
        if (explain)
            r.reasons.append(words());
    };
    if (c.maintenance)
        return refuse(Tr::tr("In maintenance: nothing new is placed here."));
    if (!c.error.isEmpty() || !c.headroom)
        return refuse(Tr::tr("Not assessed: %1").arg(c.error));
    if (c.hostUri == query.sourceHostUri)
        return refuse(query.subject.what == Placing::Shadow
                          ? Tr::tr("The primary runs here; a shadow never shares its host.")
                          : Tr::tr("The VM already runs here."));
    const Admission admission = admits(c.pool, query.subject);
    if (!admission.admitted)
        return refuse(admission.reason);
    say([&] { return admission.reason; });
    if (query.subject.what == Placing::Shadow && !c.failureDomain.isEmpty()
        && c.failureDomain == query.sourceFailureDomain)
        return refuse(Tr::tr("Same failure domain as the primary (%1): one fault would take "
                             "both.")
                          .arg(c.failureDomain));
    if (query.subject.what == Placing::Shadow && !query.sourceFailureDomain.isEmpty())
        say([&] {
            return Tr::tr("Failure domain %1, apart from the primary's %2.")
                .arg(c.failureDomain.isEmpty() ? Tr::tr("unlabelled") : c.failureDomain,
                     query.sourceFailureDomain);
        });

    const Headroom &room = *c.headroom;
    if (query.demand.vcpus > room.vcpuSlots())
        return refuse(Tr::tr("No room: %1 vCPUs needed, %2 slots free.")
                          .arg(query.demand.vcpus)
                          .arg(room.vcpuSlots()));
    const quint64 free = room.memoryKiB();
    if (query.demand.memoryKiB > free) {
        const quint64 shortKiB = query.demand.memoryKiB - free;
        r.forcedMoves
            = query.subject.what == Placing::Vm ? movesToFree(c.residentMemoryKiB, shortKiB) : -1;
        if (r.forcedMoves < 0)
            return refuse(Tr::tr("No room: %1 MiB needed, %2.")
                              .arg(mib(query.demand.memoryKiB), room.describe()));
        say([&] {
            return Tr::tr("Fits only if other VMs move away first: %1 (%2 MiB short).")
                .arg(r.forcedMoves)
                .arg(mib(shortKiB));
        });
    }
    r.eligible = true;

    // Memory: full marks when as much again as the VM is left for others.
    const quint64 left = free > query.demand.memoryKiB ? free - query.demand.memoryKiB : 0;
    const double memoryShare
        = std::clamp(double(left) / double(std::max<quint64>(query.demand.memoryKiB, 1)), 0.0, 1.0);
    r.score += kMemoryWeight * memoryShare;
    say([&] {
        return Tr::tr("Memory: %1 MiB left for others after taking %2 MiB (%3).")
            .arg(mib(left), mib(query.demand.memoryKiB), room.describe());
    });

    // CPU at the forecast peak of the next day: the host's and the VM's.
    if (c.cpus > 0 && c.peakCpus && query.peakCpus) {
        const double after = (*c.peakCpus + *query.peakCpus) / double(c.cpus);
        r.score += kCpuWeight * std::clamp(1.0 - after, 0.0, 1.0);
        say([&] {
            return after > 1.0
                ? Tr::tr("CPU at the forecast peak: %1 % of %2 CPUs (host %3 + VM %4) — "
                         "saturated.")
                      .arg(percent(after))
                      .arg(c.cpus)
                      .arg(*c.peakCpus, 0, 'f', 1)
                      .arg(*query.peakCpus, 0, 'f', 1)
                : Tr::tr("CPU at the forecast peak: %1 % of %2 CPUs (host %3 + VM %4).")
                      .arg(percent(after))
                      .arg(c.cpus)
                      .arg(*c.peakCpus, 0, 'f', 1)
                      .arg(*query.peakCpus, 0, 'f', 1);
        });
    } else {
        r.score += kCpuWeight / 2;
        say([&] { return Tr::tr("CPU at the forecast peak: no forecast yet, counted as half."); });
    }

    if (c.failureRisk) {
        r.score += kRiskWeight * (1.0 - std::clamp(*c.failureRisk, 0.0, 1.0));
        say([&] { return Tr::tr("Failure risk %1 %.").arg(percent(*c.failureRisk)); });
    } else {
        r.score += kRiskWeight * 0.8;
        say([&] { return Tr::tr("Failure risk not assessed, counted as 20 %."); });
    }
    if (c.health) {
        r.score += kHealthWeight * std::clamp(*c.health, 0, 100) / 100.0;
        say([&] { return Tr::tr("Health %1 of 100.").arg(*c.health); });
    } else {
        r.score += kHealthWeight * 0.7;
        say([&] { return Tr::tr("Health not scored yet, counted as 70."); });
    }
    r.score -= kForcedMovePenalty * r.forcedMoves;
    return r;
}

} // namespace

QList<Ranking> rank(const PlacementQuery &query, const QList<Candidate> &candidates)
{
    QList<Ranking> ranked;
    ranked.reserve(candidates.size());
    for (const Candidate &c : candidates)
        ranked.append(assess(query, c));
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranking &a, const Ranking &b) {
        if (a.eligible != b.eligible)
            return a.eligible;
        if (a.score != b.score)
            return a.score > b.score;
        return a.hostName < b.hostName;
    });
    return ranked;
}

QStringList reasonsFor(PlacementQuery query, const Candidate &candidate)
{
    query.explain = true;
    return assess(query, candidate).reasons;
}

} // namespace Umbra::Pools
