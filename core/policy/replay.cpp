#include "policy/replay.h"

#include "predict/forecaster.h"

#include <QSet>
#include <algorithm>

namespace Umbra::Policy {

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;

// The fleet as it runs: where each VM is, and when it last left which host.
struct Running
{
    const ReplayFleet &fleet;
    std::vector<int> hostOf;
    std::vector<std::vector<std::pair<int, size_t>>> left; // per VM: (host, step)
    ReplayResult result;

    explicit Running(const ReplayFleet &f)
        : fleet(f)
        , hostOf(f.startHost)
        , left(f.vmNames.size())
    { }
    double demand(int host, size_t step) const
    {
        double sum = 0;
        for (size_t vm = 0; vm < hostOf.size(); ++vm)
            if (hostOf[vm] == host)
                sum += fleet.demand[vm][step];
        return sum;
    }
    void countOverload(size_t step)
    {
        for (int h = 0; h < int(fleet.hostCpus.size()); ++h)
            if (demand(h, step) > fleet.hostCpus[size_t(h)])
                result.overloadMinutes += double(fleet.stepMs) / 60000.0;
    }
    ReplayMove move(int vm, int to, size_t step)
    {
        const int from = hostOf[size_t(vm)];
        const size_t daySteps = size_t(std::max<qint64>(1, kDayMs / fleet.stepMs));
        const auto &before = left[size_t(vm)];
        ReplayMove m;
        m.atMs = fleet.startMs + qint64(step) * fleet.stepMs;
        m.vm = vm;
        m.from = from;
        m.to = to;
        m.pingPong = std::any_of(before.cbegin(), before.cend(), [&](const auto &l) {
            return l.first == to && step - l.second <= daySteps;
        });
        result.pingPong += m.pingPong;
        left[size_t(vm)].push_back({ from, step });
        hostOf[size_t(vm)] = to;
        ++result.moves;
        return m;
    }
    // Whether the host reaches 90 % of its CPUs within the horizon after
    // `step`, with the fleet as it stands: the step it does, or 0.
    int reaches(int host, size_t step) const
    {
        for (int k = 1; k <= fleet.horizon && step + size_t(k) < fleet.steps(); ++k)
            if (demand(host, step + size_t(k)) >= 0.9 * fleet.hostCpus[size_t(host)])
                return k;
        return 0;
    }
};

QString hostUri(const ReplayFleet &f, int h)
{
    return QStringLiteral("replay://%1").arg(f.hostNames.value(h));
}

Pools::Pool poolOf(const ReplayFleet &f, int h)
{
    return h < f.hostPools.size()
        ? f.hostPools.at(h)
        : Pools::Pool{ Pools::PoolSettings::generalName(), Pools::PoolKind::General, {}, {} };
}

// Where the reactive rule may put a VM: a host that runs VMs, and a
// dedicated one only for its customer's.
bool takes(const ReplayFleet &f, int host, size_t vm)
{
    const Pools::Pool pool = poolOf(f, host);
    if (pool.kind == Pools::PoolKind::Shadow)
        return false;
    return pool.kind != Pools::PoolKind::Dedicated
        || pool.customer == f.vmCustomers.value(qsizetype(vm));
}

} // namespace

double ReplayResult::medianLeadMinutes() const
{
    if (leadMinutes.empty())
        return 0;
    std::vector<double> sorted = leadMinutes;
    std::sort(sorted.begin(), sorted.end());
    return sorted[sorted.size() / 2];
}

ReplayResult replayNone(const ReplayFleet &fleet)
{
    Running run(fleet);
    for (size_t step = fleet.warmSteps; step < fleet.steps(); ++step)
        run.countOverload(step);
    return run.result;
}

ReplayResult replayReactive(const ReplayFleet &fleet)
{
    Running run(fleet);
    const int hosts = int(fleet.hostCpus.size());
    for (size_t step = fleet.warmSteps; step < fleet.steps(); ++step) {
        run.countOverload(step);
        for (int h = 0; h < hosts; ++h) {
            if (run.demand(h, step) <= 0.9 * fleet.hostCpus[size_t(h)])
                continue;
            int busiest = -1;
            for (size_t vm = 0; vm < run.hostOf.size(); ++vm)
                if (run.hostOf[vm] == h
                    && (busiest < 0
                        || fleet.demand[vm][step] > fleet.demand[size_t(busiest)][step]))
                    busiest = int(vm);
            int target = -1;
            for (int t = 0; t < hosts; ++t)
                if (t != h && busiest >= 0 && takes(fleet, t, size_t(busiest))
                    && (target < 0
                        || run.demand(t, step) / fleet.hostCpus[size_t(t)]
                            < run.demand(target, step) / fleet.hostCpus[size_t(target)]))
                    target = t;
            if (busiest >= 0 && target >= 0) {
                ReplayMove m = run.move(busiest, target, step + 1);
                m.why = QStringLiteral("over 90 %");
                m.right = true;
                run.result.moveList.append(m);
            }
        }
    }
    return run.result;
}

ReplayResult replayPolicy(const ReplayFleet &fleet, PolicyLimits limits)
{
    Running run(fleet);
    const size_t vms = fleet.vmNames.size();
    const int hosts = int(fleet.hostCpus.size());
    std::vector<Predict::Forecaster> forecasters(vms);
    const size_t daySteps = size_t(std::max<qint64>(1, kDayMs / fleet.stepMs));
    auto percentOf = [&](size_t vm, size_t step) {
        return fleet.demand[vm][step] / std::max(1, fleet.vmVcpus[vm]) * 100;
    };
    for (size_t step = 0; step < fleet.warmSteps && step < fleet.steps(); ++step)
        for (size_t vm = 0; vm < vms; ++vm) {
            forecasters[vm].update(fleet.startMs + qint64(step) * fleet.stepMs,
                                   percentOf(vm, step));
            if (step + 1 == fleet.warmSteps || (step + 1) % daySteps == 0)
                forecasters[vm].refit();
        }

    PolicyEngine policy;
    AutomationSettings automation;
    automation.fleetLevel = AutomationLevel::Automatic;
    automation.minConfidence = 1;
    policy.setAutomation(automation);
    limits.lifetimeMs = qint64(fleet.horizon) * fleet.stepMs;
    policy.setLimits(limits);
    QList<PolicyAction> actions;
    QSet<QString> counted;
    QHash<QString, int> hostIndex;
    for (int h = 0; h < hosts; ++h)
        hostIndex.insert(hostUri(fleet, h), h);
    QHash<QString, int> vmIndex;
    for (size_t vm = 0; vm < vms; ++vm)
        vmIndex.insert(QString::number(vm), int(vm));

    for (size_t step = fleet.warmSteps; step < fleet.steps(); ++step) {
        const qint64 now = fleet.startMs + qint64(step) * fleet.stepMs;
        run.countOverload(step);
        std::vector<std::vector<double>> path(vms);
        std::vector<double> peak(vms, 0);
        for (size_t vm = 0; vm < vms; ++vm) {
            forecasters[vm].update(now, percentOf(vm, step));
            if (forecasters[vm].samplesSinceFit() >= 12)
                forecasters[vm].refit();
            for (const Predict::ForecastStep &s : forecasters[vm].forecast(fleet.horizon))
                path[vm].push_back(std::max(0.0, s.point) / 100 * fleet.vmVcpus[vm]);
            peak[vm] = path[vm].empty() ? fleet.demand[vm][step]
                                        : *std::max_element(path[vm].begin(), path[vm].end());
        }
        FleetPicture picture;
        picture.nowMs = now;
        for (int h = 0; h < hosts; ++h) {
            PolicyHost host;
            host.uri = hostUri(fleet, h);
            host.name = fleet.hostNames.value(h);
            host.cpus = int(fleet.hostCpus[size_t(h)]);
            host.pool = poolOf(fleet, h);
            // The host's peak: the highest step of the sum of its VMs' paths.
            double hostPeak = 0;
            for (int k = 0; k < fleet.horizon; ++k) {
                double sum = 0;
                for (size_t vm = 0; vm < vms; ++vm)
                    if (run.hostOf[vm] == h)
                        sum += path[vm].size() > size_t(k) ? path[vm][size_t(k)]
                                                           : fleet.demand[vm][step];
                hostPeak = std::max(hostPeak, sum);
            }
            host.peakCpus = hostPeak;
            // Memory is not what this replay judges: every host has room.
            Pools::Headroom room;
            room.usableKiB = 1ULL << 40;
            room.vcpuLimit = 1e6;
            host.headroom = room;
            host.health = 100;
            picture.hosts.append(host);
        }
        for (size_t vm = 0; vm < vms; ++vm) {
            PolicyVm v;
            v.uuid = QString::number(vm);
            v.name = fleet.vmNames.value(int(vm));
            v.hostUri = hostUri(fleet, run.hostOf[vm]);
            v.vcpus = fleet.vmVcpus[vm];
            v.customer = fleet.vmCustomers.value(qsizetype(vm));
            v.memoryKiB = 4ULL << 20;
            v.peakCpus = peak[vm];
            v.hasShadow = true; // shadows are not what this replay judges
            picture.vms.append(v);
        }
        picture.actions = actions;
        const Evaluation e = policy.evaluate(picture);
        for (const Proposal &p : e.proposals) {
            if (p.kind != u"migrate")
                continue;
            const int source = hostIndex.value(p.sourceUri);
            const int hit = run.reaches(source, step);
            const QString raised = QString::number(p.raisedMs) + u'/' + p.subjectId;
            if (!counted.contains(raised)) {
                counted.insert(raised);
                ++run.result.proposals;
                if (hit > 0) {
                    ++run.result.right;
                    run.result.leadMinutes.push_back(double(hit) * double(fleet.stepMs) / 60000.0);
                } else {
                    ++run.result.falseAlarms;
                }
            }
            if (!p.automatic) {
                for (const QString &rule : p.heldBy)
                    ++run.result.heldBy[rule.section(u':', 0, 0)];
                continue;
            }
            ReplayMove m
                = run.move(vmIndex.value(p.subjectId), hostIndex.value(p.targetUri), step + 1);
            m.why = p.trigger.sentence;
            m.right = hit > 0;
            run.result.moveList.append(m);
            actions.append({ p.subjectId, p.sourceUri, p.targetUri, now, now + fleet.stepMs, 0.0 });
        }
    }
    return run.result;
}

} // namespace Umbra::Policy
