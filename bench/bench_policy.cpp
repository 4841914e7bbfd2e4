// What would the policy have done? Replays real VM CPU traces onto a
// simulated fleet with Umbra's forecaster and policy engine at the traces'
// own interval, and judges every move on the traces' own future; the same
// traces under a reactive rule ("move when over 90 % for 5 minutes") and
// under no action at all are the references.
//
//   bench_policy [--data DIR|FILE]... [--vms 24] [--hosts 4] [--load 0.6]
//                [--warm-days 7] [--days 14] [--horizon 12]
//
// The fleet: `--vms` VMs of 4 vCPUs, each a CPU series of the traces (a
// series is reused with a whole-day offset when there are fewer series than
// VMs); a VM's demand in CPUs is its share of its vCPUs. `--hosts` hosts of
// equal size, sized so that the fleet's mean demand is `--load` of their
// CPUs, the VMs dealt round-robin. Forecasters learn for `--warm-days`, then
// `--days` are replayed. A move takes one interval.
//
// Figures (per policy):
//   moves, moves_per_vm_day, ping_pong (a VM back on a host it left within
//   a day), overload_minutes (host demand over 100 % of its CPUs, summed
//   over hosts), and for the predictive policy: proposals (raised
//   saturation proposals), right (the host did reach 90 % within the
//   horizon had nothing moved, judged on the traces' future), false_alarms,
//   lead_minutes_median (from the proposal to the first such step).
// Human-readable table first; the last line is one JSON object.
#include "forecastdata.h"
#include "policy/policyengine.h"
#include "predict/forecaster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

using namespace Umbra;

namespace {

constexpr int kVcpus = 4;
constexpr int kDaySteps = 288;
constexpr qint64 kStepMs = 300 * 1000;
constexpr qint64 kStartMs = 1767225600000; // 2026-01-01, a Thursday

struct Options
{
    QStringList data;
    int vms = 24;
    int hosts = 4;
    double load = 0.6;
    int warmDays = 7;
    int days = 14;
    int horizon = 12;
};

Options parse(const QStringList &args)
{
    Options o;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        auto next = [&]() { return i + 1 < args.size() ? args[++i] : QString(); };
        if (a == QLatin1String("--data"))
            o.data.append(next());
        else if (a == QLatin1String("--vms"))
            o.vms = std::max(2, next().toInt());
        else if (a == QLatin1String("--hosts"))
            o.hosts = std::max(2, next().toInt());
        else if (a == QLatin1String("--load"))
            o.load = std::clamp(next().toDouble(), 0.1, 1.5);
        else if (a == QLatin1String("--warm-days"))
            o.warmDays = std::max(1, next().toInt());
        else if (a == QLatin1String("--days"))
            o.days = std::max(1, next().toInt());
        else if (a == QLatin1String("--horizon"))
            o.horizon = std::max(1, next().toInt());
        else {
            std::fprintf(stderr, "unknown argument %s\n", qPrintable(a));
            std::exit(2);
        }
    }
    if (o.data.isEmpty()) {
        const QString root = defaultDataRoot();
        for (const char *folder : { "bitbrains", "azure", "alibaba" })
            o.data.append(root + QLatin1Char('/') + QLatin1String(folder));
    }
    return o;
}

// One VM's demand in CPUs at every step of the run; missing samples carry
// the last value.
std::vector<std::vector<double>> demands(const std::vector<TraceSeries> &traces, const Options &o,
                                         QStringList *used)
{
    const size_t steps = size_t(o.warmDays + o.days) * kDaySteps;
    std::vector<const TraceSeries *> cpu;
    for (const TraceSeries &t : traces)
        if (t.name.contains(QLatin1String("cpu"), Qt::CaseInsensitive)
            && !t.name.contains(QLatin1String("MHZ"), Qt::CaseInsensitive)
            && t.values.size() >= steps)
            cpu.push_back(&t);
    std::vector<std::vector<double>> out;
    for (int day = 0; out.size() < size_t(o.vms) && !cpu.empty(); ++day) {
        bool any = false;
        for (const TraceSeries *t : cpu) {
            if (out.size() >= size_t(o.vms))
                break;
            const size_t offset = size_t(day) * kDaySteps;
            if (offset + steps > t->values.size())
                continue;
            any = true;
            double top = 0;
            for (double v : t->values)
                if (std::isfinite(v))
                    top = std::max(top, v);
            // Percentages as they are; other units (Azure's fleet total)
            // as a share of their own maximum.
            const double scale = top > 100 ? 100.0 / top : 1.0;
            std::vector<double> d(steps);
            double last = 0;
            for (size_t i = 0; i < steps; ++i) {
                const double v = t->values[offset + i];
                if (std::isfinite(v))
                    last = std::clamp(v * scale, 0.0, 100.0);
                d[i] = last / 100.0 * kVcpus;
            }
            out.push_back(std::move(d));
            used->append(QStringLiteral("%1 (+%2 d)").arg(t->name).arg(day));
        }
        if (!any)
            break;
    }
    return out;
}

struct Replay
{
    int moves = 0;
    int pingPong = 0;
    double overloadMinutes = 0;
    int proposals = 0;
    int right = 0;
    int falseAlarms = 0;
    std::vector<double> leadMinutes;
    QHash<QString, int> heldBy; // the first word of each rule that held a proposal back
};

// The fleet as it runs: where each VM is, and when it last left which host.
struct Fleet
{
    std::vector<int> hostOf;
    std::vector<std::vector<std::pair<int, size_t>>> left; // per VM: (host, step)
    double hostCpus = 0;

    double demand(const std::vector<std::vector<double>> &d, int host, size_t step) const
    {
        double sum = 0;
        for (size_t vm = 0; vm < hostOf.size(); ++vm)
            if (hostOf[vm] == host)
                sum += d[vm][step];
        return sum;
    }
    void move(int vm, int to, size_t step, Replay &r)
    {
        const int from = hostOf[size_t(vm)];
        const auto &before = left[size_t(vm)];
        if (std::any_of(before.cbegin(), before.cend(), [&](const std::pair<int, size_t> &l) {
                return l.first == to && step - l.second <= size_t(kDaySteps);
            }))
            ++r.pingPong;
        left[size_t(vm)].push_back({ from, step });
        hostOf[size_t(vm)] = to;
        ++r.moves;
    }
};

Fleet initialFleet(size_t vms, int hosts, double hostCpus)
{
    Fleet f;
    f.hostCpus = hostCpus;
    f.left.resize(vms);
    for (size_t vm = 0; vm < vms; ++vm)
        f.hostOf.push_back(int(vm % size_t(hosts)));
    return f;
}

void countOverload(const Fleet &f, const std::vector<std::vector<double>> &d, int hosts,
                   size_t step, Replay &r)
{
    for (int h = 0; h < hosts; ++h)
        if (f.demand(d, h, step) > f.hostCpus)
            r.overloadMinutes += 5;
}

// "Move when over 90 % for 5 minutes": the busiest VM of a host over 90 % at
// the last sample goes to the host least loaded now.
Replay reactive(const std::vector<std::vector<double>> &d, const Options &o, double hostCpus)
{
    Replay r;
    Fleet f = initialFleet(d.size(), o.hosts, hostCpus);
    const size_t from = size_t(o.warmDays) * kDaySteps;
    const size_t to = from + size_t(o.days) * kDaySteps;
    for (size_t step = from; step < to; ++step) {
        countOverload(f, d, o.hosts, step, r);
        for (int h = 0; h < o.hosts; ++h) {
            if (f.demand(d, h, step) <= 0.9 * hostCpus)
                continue;
            int busiest = -1;
            for (size_t vm = 0; vm < d.size(); ++vm)
                if (f.hostOf[vm] == h && (busiest < 0 || d[vm][step] > d[size_t(busiest)][step]))
                    busiest = int(vm);
            int target = -1;
            for (int t = 0; t < o.hosts; ++t)
                if (t != h && (target < 0 || f.demand(d, t, step) < f.demand(d, target, step)))
                    target = t;
            if (busiest >= 0 && target >= 0)
                f.move(busiest, target, step + 1, r);
        }
    }
    return r;
}

Replay none(const std::vector<std::vector<double>> &d, const Options &o, double hostCpus)
{
    Replay r;
    const Fleet f = initialFleet(d.size(), o.hosts, hostCpus);
    const size_t from = size_t(o.warmDays) * kDaySteps;
    for (size_t step = from; step < from + size_t(o.days) * kDaySteps; ++step)
        countOverload(f, d, o.hosts, step, r);
    return r;
}

QString hostUri(int h)
{
    return QStringLiteral("qemu+ssh://replay%1/system").arg(h + 1);
}

QString vmUuid(size_t vm)
{
    return QStringLiteral("vm-%1").arg(vm + 1);
}

// Umbra's policy: each VM's forecaster (hourly refits), the host's forecast
// peak as the sum of its VMs' point forecasts over the horizon, the policy
// engine at level automatic; its moves take effect at the next interval.
Replay predictive(const std::vector<std::vector<double>> &d, const Options &o, double hostCpus)
{
    Replay r;
    Fleet f = initialFleet(d.size(), o.hosts, hostCpus);
    std::vector<Predict::Forecaster> forecasters(d.size());
    const size_t from = size_t(o.warmDays) * kDaySteps;
    const size_t to = from + size_t(o.days) * kDaySteps;
    for (size_t step = 0; step < from; ++step)
        for (size_t vm = 0; vm < d.size(); ++vm) {
            forecasters[vm].update(kStartMs + qint64(step) * kStepMs, d[vm][step] / kVcpus * 100);
            if (step + 1 == from || (step + 1) % kDaySteps == 0)
                forecasters[vm].refit();
        }

    Policy::PolicyEngine policy;
    Policy::AutomationSettings automation;
    automation.fleetLevel = Policy::AutomationLevel::Automatic;
    automation.minConfidence = 1;
    policy.setAutomation(automation);
    Policy::PolicyLimits limits;
    limits.lifetimeMs = qint64(o.horizon) * kStepMs;
    policy.setLimits(limits);
    std::vector<Policy::PolicyAction> actions;
    QSet<qint64> counted;
    QHash<QString, int> hostIndex;
    for (int h = 0; h < o.hosts; ++h)
        hostIndex.insert(hostUri(h), h);

    for (size_t step = from; step < to; ++step) {
        const qint64 now = kStartMs + qint64(step) * kStepMs;
        countOverload(f, d, o.hosts, step, r);
        std::vector<double> vmPeak(d.size(), 0);
        std::vector<std::vector<double>> vmPath(d.size());
        for (size_t vm = 0; vm < d.size(); ++vm) {
            forecasters[vm].update(now, d[vm][step] / kVcpus * 100);
            if (forecasters[vm].samplesSinceFit() >= 12)
                forecasters[vm].refit();
            for (const Predict::ForecastStep &s : forecasters[vm].forecast(o.horizon))
                vmPath[vm].push_back(std::max(0.0, s.point) / 100 * kVcpus);
            vmPeak[vm] = vmPath[vm].empty()
                ? d[vm][step]
                : *std::max_element(vmPath[vm].begin(), vmPath[vm].end());
        }
        Policy::FleetPicture picture;
        picture.nowMs = now;
        for (int h = 0; h < o.hosts; ++h) {
            Policy::PolicyHost host;
            host.uri = hostUri(h);
            host.name = QStringLiteral("replay%1").arg(h + 1);
            host.cpus = int(hostCpus);
            // The host's peak: the highest step of the sum of its VMs' paths.
            double peak = 0;
            for (int k = 0; k < o.horizon; ++k) {
                double sum = 0;
                for (size_t vm = 0; vm < d.size(); ++vm)
                    if (f.hostOf[vm] == h)
                        sum += vmPath[vm].empty() ? d[vm][step] : vmPath[vm][size_t(k)];
                peak = std::max(peak, sum);
            }
            host.peakCpus = peak;
            Pools::Headroom room;
            room.usableKiB = 1ULL << 40;
            room.vcpuLimit = 1e6;
            host.headroom = room;
            host.health = 100;
            picture.hosts.append(host);
        }
        for (size_t vm = 0; vm < d.size(); ++vm) {
            Policy::PolicyVm v;
            v.uuid = vmUuid(vm);
            v.name = v.uuid;
            v.hostUri = hostUri(f.hostOf[vm]);
            v.vcpus = kVcpus;
            v.memoryKiB = 4ULL << 20;
            v.peakCpus = vmPeak[vm];
            v.hasShadow = true; // shadows are not what this replay judges
            picture.vms.append(v);
        }
        picture.actions = QList<Policy::PolicyAction>(actions.begin(), actions.end());
        const Policy::Evaluation e = policy.evaluate(picture);
        for (const Policy::Proposal &p : e.proposals) {
            if (p.kind != u"migrate")
                continue;
            const int source = hostIndex.value(p.sourceUri);
            if (!counted.contains(p.raisedMs ^ qHash(p.subjectId))) {
                counted.insert(p.raisedMs ^ qHash(p.subjectId));
                ++r.proposals;
                // Judged on the traces' future with the fleet as it stands.
                int hit = -1;
                for (int k = 1; k <= o.horizon && step + size_t(k) < d[0].size(); ++k)
                    if (f.demand(d, source, step + size_t(k)) >= 0.9 * hostCpus) {
                        hit = k;
                        break;
                    }
                if (hit > 0) {
                    ++r.right;
                    r.leadMinutes.push_back(hit * 5.0);
                } else {
                    ++r.falseAlarms;
                }
            }
            if (!p.automatic) {
                for (const QString &rule : p.heldBy)
                    ++r.heldBy[rule.section(u':', 0, 0)];
                continue;
            }
            const int vm = p.subjectId.mid(3).toInt() - 1;
            const int target = hostIndex.value(p.targetUri);
            f.move(vm, target, step + 1, r);
            actions.push_back({ p.subjectId, p.sourceUri, p.targetUri, now, now + kStepMs, 0.0 });
        }
    }
    return r;
}

QJsonObject toJson(const Replay &r, double vmDays, bool predictive)
{
    QJsonObject json{ { QStringLiteral("moves"), r.moves },
                      { QStringLiteral("moves_per_vm_day"), r.moves / vmDays },
                      { QStringLiteral("ping_pong"), r.pingPong },
                      { QStringLiteral("overload_minutes"), r.overloadMinutes } };
    if (predictive) {
        std::vector<double> lead = r.leadMinutes;
        std::sort(lead.begin(), lead.end());
        json.insert(QStringLiteral("proposals"), r.proposals);
        json.insert(QStringLiteral("right"), r.right);
        json.insert(QStringLiteral("false_alarms"), r.falseAlarms);
        json.insert(QStringLiteral("lead_minutes_median"),
                    lead.empty() ? 0.0 : lead[lead.size() / 2]);
    }
    return json;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options o = parse(app.arguments());
    QStringList notes;
    const std::vector<TraceSeries> traces = loadTraces(o.data, &notes);
    QStringList used;
    const std::vector<std::vector<double>> d = demands(traces, o, &used);
    if (d.size() < size_t(o.hosts)) {
        std::fprintf(stderr, "bench_policy: %zu CPU series of %d days or more; need %d\n", d.size(),
                     o.warmDays + o.days, o.hosts);
        return 1;
    }
    double mean = 0;
    for (const auto &vm : d)
        mean += std::accumulate(vm.begin(), vm.end(), 0.0) / double(vm.size());
    const double hostCpus = std::max(2.0, std::round(mean / (o.hosts * o.load)));
    const double vmDays = double(d.size()) * o.days;
    std::printf("%zu VMs of %d vCPUs from %lld CPU series, %d hosts of %.0f CPUs (mean load "
                "%.0f %%), %d days warm-up, %d days replayed, horizon %d min\n",
                d.size(), kVcpus, qlonglong(used.size()), o.hosts, hostCpus,
                100 * mean / (o.hosts * hostCpus), o.warmDays, o.days, o.horizon * 5);

    const Replay still = none(d, o, hostCpus);
    const Replay react = reactive(d, o, hostCpus);
    const Replay umbra = predictive(d, o, hostCpus);
    std::printf("%-22s %7s %9s %9s %14s\n", "policy", "moves", "/VM/day", "ping-pong",
                "overload min");
    auto row = [&](const char *name, const Replay &r) {
        std::printf("%-22s %7d %9.3f %9d %14.0f\n", name, r.moves, r.moves / vmDays, r.pingPong,
                    r.overloadMinutes);
    };
    row("no action", still);
    row("reactive (>90 % 5 min)", react);
    row("Umbra policy", umbra);
    std::vector<double> lead = umbra.leadMinutes;
    std::sort(lead.begin(), lead.end());
    std::printf("Umbra: %d proposals, %d right, %d false alarms, median lead %.0f min\n",
                umbra.proposals, umbra.right, umbra.falseAlarms,
                lead.empty() ? 0.0 : lead[lead.size() / 2]);
    QJsonObject held;
    for (auto it = umbra.heldBy.cbegin(); it != umbra.heldBy.cend(); ++it) {
        std::printf("  held back (evaluations): %-40s %d\n", qPrintable(it.key()), it.value());
        held.insert(it.key(), it.value());
    }
    const QJsonObject json{
        { QStringLiteral("vms"), int(d.size()) },
        { QStringLiteral("hosts"), o.hosts },
        { QStringLiteral("host_cpus"), hostCpus },
        { QStringLiteral("days"), o.days },
        { QStringLiteral("horizon_minutes"), o.horizon * 5 },
        { QStringLiteral("none"), toJson(still, vmDays, false) },
        { QStringLiteral("reactive"), toJson(react, vmDays, false) },
        { QStringLiteral("umbra"), toJson(umbra, vmDays, true) },
        { QStringLiteral("umbra_held_by"), held },
    };
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
