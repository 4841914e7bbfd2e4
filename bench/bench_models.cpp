// What one VM's predictive state weighs once it has a month behind it: its
// CPU and memory demand models and its six anomaly detectors, the steady
// state of a fleet that bench_collect (young models) does not reach.
//
// Builds --vms such VMs, each fed 30 days of five-minute means and two hours
// at the collection interval, every tier fitted, and prints the heap they
// hold per VM and the time of a coarse refit. With --whole the coarse tiers
// hold their month themselves (no store behind them); by default they hold
// four hours and read the rest from a history shared by all, as the console
// reads its store.
//
// Then it runs them live for --live-minutes more at the collection interval,
// as the prediction thread does for every VM sample: both models take the
// sample and say when they saturate, the six detectors score it, due refits
// run once a round and the policy's day peak is read. It prints the CPU time
// of that per VM sample, the steady cost a month-old fleet pays, and what the
// heap then holds per VM: in use, and resident once freed pages are given
// back (the difference is the holes that refits leave among the models).
//
//   bench_models [--vms 2000] [--interval-s 10] [--whole] [--live-minutes 30]
#include "cputime.h"
#include "predict/anomalydetector.h"
#include "predict/demandmodel.h"
#include "resident.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointF>
#include <cmath>
#include <cstdio>
#include <malloc.h>
#include <memory>
#include <numbers>
#include <vector>

using namespace Umbra;

namespace {

double heapMiB()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

// Resident memory after giving freed pages back, as the console's HeapTrim does.
double trimmedResidentMiB()
{
    malloc_trim(0);
    return residentMiB();
}

double demand(qint64 slot, int vm)
{
    const double day = double((slot + vm * 7) % 288) / 288.0;
    return 40.0 + 20.0 * std::sin(2 * std::numbers::pi * day) + double((slot * 7919 + vm) % 11);
}

struct Vm
{
    std::unique_ptr<Predict::DemandModel> cpu, memory;
    std::vector<Predict::AnomalyDetector> detectors;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("vms"), QStringLiteral("VMs to build."), QStringLiteral("n"),
                       QStringLiteral("2000") });
    parser.addOption({ QStringLiteral("interval-s"), QStringLiteral("Collection interval."),
                       QStringLiteral("s"), QStringLiteral("10") });
    parser.addOption(
        { QStringLiteral("whole"), QStringLiteral("Coarse tiers hold their month themselves.") });
    parser.addOption({ QStringLiteral("live-minutes"),
                       QStringLiteral("Minutes to run the built VMs live afterwards."),
                       QStringLiteral("minutes"), QStringLiteral("30") });
    parser.process(app);
    const int liveMinutes = std::max(0, parser.value(QStringLiteral("live-minutes")).toInt());
    const int vmCount = std::max(1, parser.value(QStringLiteral("vms")).toInt());
    const int intervalS = std::max(1, parser.value(QStringLiteral("interval-s")).toInt());
    const bool whole = parser.isSet(QStringLiteral("whole"));

    constexpr qint64 kStepMs = 300 * 1000;
    constexpr int kMonth = Predict::DemandModel::kCoarseFitSteps;
    const qint64 nowMs = 1'760'000'000'000 / kStepMs * kStepMs;
    const qint64 monthFromMs = nowMs - 2 * 3600 * 1000 - qint64(kMonth) * kStepMs;

    // The "store": one month of means every model reads from.
    QList<QPointF> stored;
    for (int slot = 0; slot < kMonth; ++slot)
        stored.append(QPointF(double(monthFromMs + slot * kStepMs), demand(slot, 0)));
    const auto history = [&stored, monthFromMs](qint64 fromMs, qint64 toMs) {
        const qsizetype first
            = std::clamp<qsizetype>((fromMs - monthFromMs) / kStepMs, 0, stored.size());
        const qsizetype last
            = std::clamp<qsizetype>((toMs - monthFromMs) / kStepMs, 0, stored.size());
        return stored.mid(first, last - first);
    };

    const double before = heapMiB();
    const double residentBefore = trimmedResidentMiB();
    std::vector<Vm> vms(static_cast<size_t>(vmCount));
    QElapsedTimer fitting;
    qint64 fitNs = 0;
    int coarseFits = 0;
    double modelsMiB = 0;
    for (int v = 0; v < vmCount; ++v) {
        Vm &vm = vms[size_t(v)];
        const double modelsFrom = heapMiB();
        for (auto *model : { &vm.cpu, &vm.memory }) {
            *model = std::make_unique<Predict::DemandModel>(intervalS);
            if (!whole)
                (*model)->setCoarseHistory(history);
            for (int slot = 0; slot < kMonth; ++slot)
                (*model)->addCoarse(monthFromMs + slot * kStepMs, demand(slot, v));
            for (qint64 t = nowMs - 2 * 3600 * 1000; t < nowMs; t += intervalS * 1000LL)
                (*model)->add(t, demand((t - monthFromMs) / kStepMs, v));
            fitting.start();
            while ((*model)->refitIfDue())
                ++coarseFits;
            fitNs += fitting.nsecsElapsed();
        }
        modelsMiB += heapMiB() - modelsFrom;
        vm.detectors.resize(6);
        for (Predict::AnomalyDetector &detector : vm.detectors)
            for (qint64 t = nowMs - 2 * 3600 * 1000; t < nowMs; t += intervalS * 1000LL)
                detector.update(t, demand((t - monthFromMs) / kStepMs, v));
    }
    const double perVmKiB = (heapMiB() - before) * 1024.0 / vmCount;
    const double modelsKiB = modelsMiB * 1024.0 / vmCount;

    // Live: every VM's sample of each interval, then the round's refits.
    double modelS = 0, detectorS = 0, refitS = 0, peakS = 0;
    qint64 samples = 0;
    int warnings = 0;
    const qint64 liveToMs = nowMs + qint64(liveMinutes) * 60 * 1000;
    for (qint64 t = nowMs; t < liveToMs; t += intervalS * 1000LL) {
        const qint64 slot = (t - monthFromMs) / kStepMs;
        double at = cpuSeconds();
        for (int v = 0; v < vmCount; ++v) {
            Vm &vm = vms[size_t(v)];
            const double value = demand(slot, v);
            vm.cpu->add(t, value);
            vm.memory->add(t, value);
            warnings += vm.cpu->saturation().pointMs ? 1 : 0;
            warnings += vm.memory->saturation().pointMs ? 1 : 0;
        }
        double next = cpuSeconds();
        modelS += next - at;
        at = next;
        for (int v = 0; v < vmCount; ++v)
            for (Predict::AnomalyDetector &detector : vms[size_t(v)].detectors)
                detector.update(t, demand(slot, v));
        next = cpuSeconds();
        detectorS += next - at;
        at = next;
        for (Vm &vm : vms) {
            vm.cpu->refitIfDue();
            vm.memory->refitIfDue();
        }
        next = cpuSeconds();
        refitS += next - at;
        at = next;
        for (Vm &vm : vms)
            warnings += vm.cpu->dayPeak().value_or(0) > 100 ? 1 : 0;
        peakS += cpuSeconds() - at;
        samples += vmCount;
    }
    const double liveHeapKiB = (heapMiB() - before) * 1024.0 / vmCount;
    const double liveResidentKiB = (trimmedResidentMiB() - residentBefore) * 1024.0 / vmCount;
    const auto perSample
        = [samples](double seconds) { return samples > 0 ? seconds * 1e6 / double(samples) : 0.0; };
    const double liveUs = perSample(modelS + detectorS + refitS + peakS);

    std::printf("%d VMs, interval %d s, coarse tiers %s\n", vmCount, intervalS,
                whole ? "hold their month" : "hold four hours, read the month");
    std::printf("heap per VM: %.1f KiB: 2 demand models %.1f KiB, 6 anomaly detectors of %lld "
                "bytes\n",
                perVmKiB, modelsKiB,
                static_cast<long long>(Predict::AnomalyDetector::stateBytes()));
    std::printf("fitting both tiers of a model: %.2f ms\n",
                double(fitNs) / 1e6 / double(2 * vmCount));
    std::printf("live for %d minutes: %.2f us of CPU per VM sample: models %.2f, detectors %.2f, "
                "refits %.2f, day peaks %.2f (%d saturation warnings)\n",
                liveMinutes, liveUs, perSample(modelS), perSample(detectorS), perSample(refitS),
                perSample(peakS), warnings);
    std::printf("afterwards per VM: heap in use %.1f KiB, resident %.1f KiB\n", liveHeapKiB,
                liveResidentKiB);
    std::printf("{\"vms\": %d, \"whole\": %s, \"heap_kib_per_vm\": %.1f, "
                "\"models_kib_per_vm\": %.1f, \"fit_ms_per_model\": %.3f, \"fits\": %d, "
                "\"live_us_per_vm_sample\": %.2f, \"live_models_us\": %.2f, "
                "\"live_detectors_us\": %.2f, \"live_refits_us\": %.2f, "
                "\"live_heap_kib_per_vm\": %.1f, \"live_resident_kib_per_vm\": %.1f}\n",
                vmCount, whole ? "true" : "false", perVmKiB, modelsKiB,
                double(fitNs) / 1e6 / double(2 * vmCount), coarseFits, liveUs, perSample(modelS),
                perSample(detectorS), perSample(refitS), liveHeapKiB, liveResidentKiB);
    return 0;
}
