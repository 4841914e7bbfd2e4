#include "collect/prometheushistory.h"

#include "collect/prometheusstatssource.h"
#include "collect/ratecalculator.h"

#include <QMap>
#include <cmath>

namespace Umbra::Prometheus {

Result<QList<VmSample>> usageHistory(const Api &api, const VmInfo &vm, int hostCpus, qint64 fromMs,
                                     qint64 toMs, int stepSeconds)
{
    auto values
        = api.queryRange(PrometheusStatsSource::selector({ vm.uuid }), fromMs, toMs, stepSeconds);
    if (!values)
        return Error{ values.error() };
    auto scraped = api.queryRange(
        QStringLiteral("timestamp(libvirt_domain_info_cpu_time_seconds_total{uuid=\"%1\"})")
            .arg(vm.uuid),
        fromMs, toMs, stepSeconds);
    if (!scraped)
        return Error{ scraped.error() };

    // At each step, the exporter that scraped the VM last (it may have
    // moved between hosts within the window) and when.
    QMap<qint64, std::pair<QString, qint64>> newest; // step → (instance, scrape ms)
    for (const Series &series : scraped->series) {
        const QString instance = series.labels.value(QStringLiteral("instance"));
        for (const Point &point : series.points) {
            const qint64 atMs = qint64(std::llround(point.value * 1000.0));
            auto found = newest.find(point.timestampMs);
            if (found == newest.end() || found->second < atMs)
                newest.insert(point.timestampMs, { instance, atMs });
        }
    }
    QMap<qint64, DomainCounters> steps;
    for (const Series &series : values->series) {
        const QString instance = series.labels.value(QStringLiteral("instance"));
        const QString name = series.labels.value(QStringLiteral("__name__"));
        for (const Point &point : series.points) {
            const auto scrape = newest.constFind(point.timestampMs);
            if (scrape == newest.cend() || scrape->first != instance)
                continue;
            DomainCounters &c = steps[point.timestampMs];
            PrometheusStatsSource::store(c, name, point.value);
        }
    }

    RateCalculator rates;
    QList<VmSample> samples;
    qint64 lastScrapeMs = -1;
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        const qint64 scrapeMs = newest.value(it.key()).second;
        if (scrapeMs == lastScrapeMs)
            continue; // the same scrape, read again at the next step
        lastScrapeMs = scrapeMs;
        DomainCounters c = it.value();
        c.uuid = vm.uuid;
        c.state = VmState::Running;
        if (vm.vcpus > 0)
            c.vcpus = vm.vcpus;
        c.sampledAtMs = scrapeMs;
        const VmSample sample = rates.update(c, 0, 0, hostCpus);
        if (!std::isnan(sample.cpuPercent))
            samples.append(sample);
    }
    return samples;
}

} // namespace Umbra::Prometheus
