#include "engine/historyreplay.h"

#include "engine/historyservice.h"
#include "fleet/fleetstate.h"
#include "fleet/hosturi.h"

#include <QCoreApplication>
#include <QPromise>
#include <QThread>
#include <algorithm>
#include <cmath>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::HistoryReplay)
};

constexpr qint64 kStepMs = 300 * 1000;
constexpr qint64 kDayMs = 24 * 3600 * 1000;
// A VM whose stored CPU covers less of the window than this is left out:
// carried-forward gaps would be most of what the policy saw of it.
constexpr double kMinCoverage = 0.5;

struct VmToRead
{
    QString uuid;
    QString name;
    QString customer;
    int vcpus = 0;
    int host = 0;
};

} // namespace

QFuture<HistoryReplay> replayStoredHistory(const FleetState *fleet, HistoryService *history,
                                           const Pools::PoolSettings *pools, int days, qint64 nowMs)
{
    auto promise = std::make_shared<QPromise<HistoryReplay>>();
    QFuture<HistoryReplay> future = promise->future();
    promise->start();

    // The fleet as it stands, read here on the GUI thread.
    HistoryReplay replay;
    replay.days = days;
    QList<VmToRead> vms;
    for (const HostConfig &config : fleet->hosts()) {
        const HostInfo info = fleet->info(config.uri);
        if (info.cpus <= 0)
            continue;
        const int host = int(replay.fleet.hostNames.size());
        replay.fleet.hostNames.append(HostUri::displayName(config.uri));
        replay.fleet.hostCpus.push_back(info.cpus);
        if (pools)
            replay.fleet.hostPools.append(pools->poolOfHost(config.uri));
        for (const VmInfo &vm : fleet->vms(config.uri))
            if (vm.state == VmState::Running && vm.vcpus > 0)
                vms.append({ vm.uuid, vm.name, pools ? pools->customerOf(vm.uuid) : QString(),
                             vm.vcpus, host });
    }
    const qint64 toMs = nowMs / kStepMs * kStepMs;
    const qint64 fromMs = toMs - qint64(days + 1) * kDayMs; // a day to learn on first
    replay.toMs = toMs;
    const size_t steps = size_t((toMs - fromMs) / kStepMs);

    QThread *worker = QThread::create([promise, history, vms, replay, fromMs, toMs,
                                       steps]() mutable {
        Policy::ReplayFleet &f = replay.fleet;
        f.stepMs = kStepMs;
        f.warmSteps = size_t(kDayMs / kStepMs);
        f.horizon = 12;
        // Each VM's stored CPU on the 5-minute grid (NaN where none is).
        std::vector<std::vector<double>> read;
        std::vector<size_t> firsts;
        for (const VmToRead &vm : vms) {
            // The store's chart reader answers on its own thread; waiting
            // for it here blocks this worker only.
            const QList<Series::ChartPoint> points
                = history->chart(QStringLiteral("vm/%1/cpu").arg(vm.uuid), fromMs, toMs, int(steps))
                      .result();
            std::vector<double> demand(steps, std::nan(""));
            for (const Series::ChartPoint &p : points) {
                const qint64 index = (p.timeMs - fromMs) / kStepMs;
                if (index >= 0 && size_t(index) < steps && p.count > 0)
                    demand[size_t(index)] = std::max(0.0, p.mean) / 100.0 * vm.vcpus;
            }
            const auto first = std::find_if(demand.cbegin(), demand.cend(),
                                            [](double d) { return !std::isnan(d); });
            firsts.push_back(size_t(first - demand.cbegin()));
            read.push_back(std::move(demand));
        }
        // A fleet with less history than asked for is replayed from where
        // half of the VMs that have enough to learn on have some.
        std::vector<size_t> sorted;
        for (size_t first : firsts)
            if (first + f.warmSteps + size_t(f.horizon) <= steps)
                sorted.push_back(first);
        std::sort(sorted.begin(), sorted.end());
        const size_t start = sorted.empty() ? steps : sorted[sorted.size() / 2];
        const size_t window = steps - std::min(start, steps);
        f.startMs = fromMs + qint64(start) * kStepMs;
        replay.fromMs = f.startMs + kDayMs;
        for (size_t i = 0; i < size_t(vms.size()) && window > f.warmSteps; ++i) {
            const VmToRead &vm = vms.at(qsizetype(i));
            std::vector<double> demand(read[i].begin() + qint64(start), read[i].end());
            const size_t covered = size_t(std::count_if(demand.cbegin(), demand.cend(),
                                                        [](double d) { return !std::isnan(d); }));
            if (double(covered) < kMinCoverage * double(window)) {
                replay.skipped.append(Tr::tr("%1 (%2 % covered)")
                                          .arg(vm.name)
                                          .arg(qRound(100.0 * double(covered) / double(window))));
                continue;
            }
            // Gaps (the console was not running) hold the last value seen.
            double last = *std::find_if(demand.cbegin(), demand.cend(),
                                        [](double d) { return !std::isnan(d); });
            for (double &d : demand) {
                if (std::isnan(d))
                    d = last;
                last = d;
            }
            f.vmNames.append(vm.name);
            f.vmCustomers.append(vm.customer);
            f.vmVcpus.push_back(vm.vcpus);
            f.startHost.push_back(vm.host);
            f.demand.push_back(std::move(demand));
        }
        if (f.hostCpus.size() < 2)
            replay.error = Tr::tr("A replay needs at least two hosts whose CPUs are known.");
        else if (window < f.warmSteps + size_t(f.horizon))
            replay.error = Tr::tr("Less than a day and an hour of history is stored: the policy "
                                  "learns on a day before it is replayed.");
        else if (f.demand.empty())
            replay.error = Tr::tr("No VM has stored CPU for at least half of the window.");
        if (replay.error.isEmpty()) {
            replay.none = Policy::replayNone(f);
            replay.reactive = Policy::replayReactive(f);
            replay.umbra = Policy::replayPolicy(f);
        }
        promise->addResult(replay);
        promise->finish();
    });
    worker->setObjectName(QStringLiteral("umbra-policy-replay"));
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
    return future;
}

} // namespace Umbra
