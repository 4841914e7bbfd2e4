// CPU time per VM sample on the collect → rates → store path.
//
// Runs the engine headless on generated test-driver hosts with simulated
// usage (the demo's path: bulk stats call, counters → rates, batched SQLite
// writes on the store thread) and divides the process's CPU time by the
// number of VM samples stored.
//
//   bench_collect [--hosts 10] [--vms 50] [--interval-ms 1000] [--seconds 30] [--warmup 3]
#include "benchfleet.h"
#include "engine/engine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace Umbra;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Bench::FleetOptions defaults;
    defaults.warmupSeconds = 3;
    const Bench::FleetOptions options = Bench::parseFleetOptions(app, defaults);
    const int seconds = options.seconds;
    const int warmupMs = options.warmupSeconds * 1000;

    QTemporaryDir dir;
    Engine engine;
    engine.demoBackfill()->setEnabled(false); // measure the live path only
    if (!Bench::openFleet(engine, dir.path(), options))
        return 1;

    qint64 vmSamples = 0;
    bool measuring = false;
    QObject::connect(engine.fleet(), &FleetService::samplesCollected, &app,
                     [&](const HostSample &, const QList<VmSample> &batch) {
                         if (measuring)
                             vmSamples += batch.size();
                     });
    engine.start();

    double cpuAtStart = 0;
    qint64 writtenAtStart = 0;
    QElapsedTimer wall;
    // Warm-up: connect, list, backfill history; then measure steady state.
    QTimer::singleShot(warmupMs, &app, [&] {
        measuring = true;
        cpuAtStart = Bench::processCpuSeconds();
        writtenAtStart = Bench::bytesWritten();
        wall.start();
    });
    QTimer::singleShot(warmupMs + seconds * 1000, &app, [&] {
        const double cpu = Bench::processCpuSeconds() - cpuAtStart;
        const double elapsed = double(wall.elapsed()) / 1000.0;
        const double writtenMiBs
            = double(Bench::bytesWritten() - writtenAtStart) / 1048576.0 / elapsed;
        engine.shutdown();
        std::printf("hosts %d, VMs per host %d, interval %d ms, measured %.1f s\n", options.hosts,
                    options.vmsPerHost, options.intervalMs, elapsed);
        std::printf("VM samples collected: %lld (%.0f per second)\n", vmSamples,
                    double(vmSamples) / elapsed);
        std::printf("process CPU: %.3f s (%.1f %% of one core)\n", cpu, 100.0 * cpu / elapsed);
        std::printf("CPU per VM sample: %.1f us\n", vmSamples ? 1e6 * cpu / double(vmSamples) : 0);
        std::printf("peak RSS: %.1f MiB\n", Bench::peakRssMiB());
        std::printf("written to storage: %.2f MiB/s\n", writtenMiBs);
        std::printf("{\"vm_samples\": %lld, \"cpu_seconds\": %.4f, \"cpu_us_per_vm_sample\": %.2f, "
                    "\"core_percent\": %.2f, \"peak_rss_mib\": %.1f, \"written_mib_s\": %.2f}\n",
                    vmSamples, cpu, vmSamples ? 1e6 * cpu / double(vmSamples) : 0,
                    100.0 * cpu / elapsed, Bench::peakRssMiB(), writtenMiBs);
        QCoreApplication::quit();
    });
    return app.exec();
}
