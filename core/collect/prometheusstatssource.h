#pragma once

#include "collect/prometheusapi.h"
#include "collect/statssource.h"

#include <QHash>
#include <QSet>

namespace Umbra {

// VM counters from a Prometheus server that scrapes the host's
// prometheus-libvirt-exporter, instead of a virConnectGetAllDomainStats call
// per interval. Each collection asks two instant queries for the host's
// running VMs (by UUID, so no per-host label mapping is needed): the
// exporter's counters, and when they were scraped. Counters are dated by the
// scrape, so rates (counter resets included) come out as in libvirt mode; a
// VM whose counters were not scraped again since the last collection has no
// sample this time rather than a repeated or zero one. The host's own CPU
// and memory still come from libvirt (the exporter has none), as do the
// inventory, events and every action.
//
// A series the exporter should have and Prometheus does not is reported by
// name (a collection without CPU time fails; one without disk or network
// counters leaves those figures as gaps and warns), never shown as zero.
class PrometheusStatsSource : public StatsSource
{
public:
    // The exporter's series (prometheus-libvirt-exporter 0.2, as Debian 12
    // ships it) that Umbra reads.
    static const QStringList kSeries;

    explicit PrometheusStatsSource(QUrl server, Prometheus::Api::Options options = {});

    Result<QList<DomainCounters>> collectDomains(virConnectPtr connection,
                                                 const QHash<QString, VmInfo> &vms,
                                                 qint64 wallMs) override;
    Result<NodeCounters> collectNode(virConnectPtr connection, int cpus, quint64 memoryKiB,
                                     qint64 wallMs) override;
    QString takeWarning() override;

    // The PromQL selector of those series for these VMs.
    static QString selector(const QStringList &uuids);
    // Adds one series' value to the counters (block and interface series
    // summed over devices); false for a series Umbra does not read.
    static bool store(DomainCounters &counters, const QString &name, double value);

private:
    Prometheus::Api m_api;
    LibvirtStatsSource m_node;
    QHash<QString, qint64> m_lastScrapeMs; // by VM UUID
    QString m_warning;
};

} // namespace Umbra
