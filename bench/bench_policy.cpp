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
#include "policy/replay.h"

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

// The traces as a fleet: equal hosts, the VMs dealt round-robin.
Policy::ReplayFleet fleetOf(const std::vector<std::vector<double>> &d, const Options &o,
                            double hostCpus)
{
    Policy::ReplayFleet f;
    for (int h = 0; h < o.hosts; ++h) {
        f.hostNames.append(QStringLiteral("replay%1").arg(h + 1));
        f.hostCpus.push_back(hostCpus);
    }
    for (size_t vm = 0; vm < d.size(); ++vm) {
        f.vmNames.append(QStringLiteral("vm-%1").arg(vm + 1));
        f.vmVcpus.push_back(kVcpus);
        f.startHost.push_back(int(vm % size_t(o.hosts)));
    }
    f.demand = d;
    f.startMs = kStartMs;
    f.stepMs = kStepMs;
    f.warmSteps = size_t(o.warmDays) * kDaySteps;
    f.horizon = o.horizon;
    return f;
}

QJsonObject toJson(const Policy::ReplayResult &r, double vmDays, bool predictive)
{
    QJsonObject json{ { QStringLiteral("moves"), r.moves },
                      { QStringLiteral("moves_per_vm_day"), r.moves / vmDays },
                      { QStringLiteral("ping_pong"), r.pingPong },
                      { QStringLiteral("overload_minutes"), r.overloadMinutes } };
    if (predictive) {
        json.insert(QStringLiteral("proposals"), r.proposals);
        json.insert(QStringLiteral("right"), r.right);
        json.insert(QStringLiteral("false_alarms"), r.falseAlarms);
        json.insert(QStringLiteral("lead_minutes_median"), r.medianLeadMinutes());
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

    const Policy::ReplayFleet fleet = fleetOf(d, o, hostCpus);
    const Policy::ReplayResult still = Policy::replayNone(fleet);
    const Policy::ReplayResult react = Policy::replayReactive(fleet);
    const Policy::ReplayResult umbra = Policy::replayPolicy(fleet);
    std::printf("%-22s %7s %9s %9s %14s\n", "policy", "moves", "/VM/day", "ping-pong",
                "overload min");
    auto row = [&](const char *name, const Policy::ReplayResult &r) {
        std::printf("%-22s %7d %9.3f %9d %14.0f\n", name, r.moves, r.moves / vmDays, r.pingPong,
                    r.overloadMinutes);
    };
    row("no action", still);
    row("reactive (>90 % 5 min)", react);
    row("Umbra policy", umbra);
    std::printf("Umbra: %d proposals, %d right, %d false alarms, median lead %.0f min\n",
                umbra.proposals, umbra.right, umbra.falseAlarms, umbra.medianLeadMinutes());
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
