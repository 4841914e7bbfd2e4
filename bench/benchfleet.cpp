#include "benchfleet.h"

#include "demo/demofleet.h"

#include <cstdio>
#include <sys/resource.h>

namespace Umbra::Bench {

bool addGeneratedFleet(Engine &engine, const QString &dir, int hosts, int vmsPerHost)
{
    for (int h = 0; h < hosts; ++h) {
        const QString name = QStringLiteral("bench%1").arg(h, 2, 10, QLatin1Char('0'));
        auto uri = DemoFleet::writeGeneratedFleet(
            dir + QLatin1Char('/') + name + QStringLiteral(".xml"), name, vmsPerHost);
        if (!uri) {
            std::fprintf(stderr, "%s\n", qPrintable(uri.error()));
            return false;
        }
        if (auto added = engine.addHost(HostConfig{ uri.value(), true }); !added) {
            std::fprintf(stderr, "%s\n", qPrintable(added.error()));
            return false;
        }
    }
    return true;
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

} // namespace Umbra::Bench
