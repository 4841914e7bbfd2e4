#include "collect/prometheusstatssource.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::PrometheusStatsSource)
};

constexpr char kCpuTime[] = "libvirt_domain_info_cpu_time_seconds_total";

// Adds a per-device counter to a summed field that starts at -1 ("absent").
void accumulate(qint64 &field, double value)
{
    field = (field < 0 ? 0 : field) + qint64(std::llround(value));
}

} // namespace

bool PrometheusStatsSource::store(DomainCounters &counters, const QString &name, double value)
{
    static const QHash<QString, qint64 DomainCounters::*> summed{
        { QStringLiteral("libvirt_domain_block_stats_read_bytes_total"),
          &DomainCounters::blockReadBytes },
        { QStringLiteral("libvirt_domain_block_stats_write_bytes_total"),
          &DomainCounters::blockWriteBytes },
        { QStringLiteral("libvirt_domain_block_stats_read_requests_total"),
          &DomainCounters::blockReadRequests },
        { QStringLiteral("libvirt_domain_block_stats_write_requests_total"),
          &DomainCounters::blockWriteRequests },
        { QStringLiteral("libvirt_domain_interface_stats_receive_bytes_total"),
          &DomainCounters::netRxBytes },
        { QStringLiteral("libvirt_domain_interface_stats_transmit_bytes_total"),
          &DomainCounters::netTxBytes },
        { QStringLiteral("libvirt_domain_interface_stats_receive_packets_total"),
          &DomainCounters::netRxPackets },
        { QStringLiteral("libvirt_domain_interface_stats_transmit_packets_total"),
          &DomainCounters::netTxPackets },
    };
    if (const auto field = summed.constFind(name); field != summed.cend()) {
        accumulate(counters.*field.value(), value);
    } else if (name == QLatin1String(kCpuTime)) {
        counters.cpuTimeNs = qint64(std::llround(value * 1e9));
    } else if (name == u"libvirt_domain_info_virtual_cpus") {
        if (counters.vcpus <= 0)
            counters.vcpus = int(value);
    } else if (name == u"libvirt_domain_info_memory_usage_bytes") {
        counters.balloonCurrentKiB = qint64(value / 1024);
    } else if (name == u"libvirt_domain_info_maximum_memory_bytes") {
        counters.balloonMaximumKiB = qint64(value / 1024);
    } else {
        return false;
    }
    return true;
}

namespace {

QString listed(QStringList names)
{
    names.sort();
    if (names.size() > 5)
        return Tr::tr("%1 and %n more", nullptr, int(names.size() - 5))
            .arg(names.mid(0, 5).join(QStringLiteral(", ")));
    return names.join(QStringLiteral(", "));
}

} // namespace

const QStringList PrometheusStatsSource::kSeries = {
    QString::fromLatin1(kCpuTime),
    QStringLiteral("libvirt_domain_info_virtual_cpus"),
    QStringLiteral("libvirt_domain_info_memory_usage_bytes"),
    QStringLiteral("libvirt_domain_info_maximum_memory_bytes"),
    QStringLiteral("libvirt_domain_block_stats_read_bytes_total"),
    QStringLiteral("libvirt_domain_block_stats_write_bytes_total"),
    QStringLiteral("libvirt_domain_block_stats_read_requests_total"),
    QStringLiteral("libvirt_domain_block_stats_write_requests_total"),
    QStringLiteral("libvirt_domain_interface_stats_receive_bytes_total"),
    QStringLiteral("libvirt_domain_interface_stats_transmit_bytes_total"),
    QStringLiteral("libvirt_domain_interface_stats_receive_packets_total"),
    QStringLiteral("libvirt_domain_interface_stats_transmit_packets_total"),
};

PrometheusStatsSource::PrometheusStatsSource(QUrl server, Prometheus::Api::Options options)
    : m_api(std::move(server), options)
{ }

QString PrometheusStatsSource::selector(const QStringList &uuids)
{
    // UUIDs are hex and dashes; anything else would be a regex and is left out.
    static const QRegularExpression uuid(QStringLiteral("^[0-9a-fA-F-]+$"));
    QStringList safe;
    for (const QString &one : uuids)
        if (uuid.match(one).hasMatch())
            safe.append(one);
    QStringList names;
    for (const QString &name : kSeries)
        names.append(name.mid(int(qstrlen("libvirt_domain_"))));
    return QStringLiteral("{__name__=~\"libvirt_domain_(%1)\",uuid=~\"%2\"}")
        .arg(names.join(u'|'), safe.join(u'|'));
}

Result<QList<DomainCounters>>
PrometheusStatsSource::collectDomains(virConnectPtr, const QHash<QString, VmInfo> &vms,
                                      qint64 wallMs)
{
    QList<DomainCounters> out;
    QStringList running;
    for (const VmInfo &vm : vms) {
        if (vmStateIsActive(vm.state)) {
            running.append(vm.uuid);
            continue;
        }
        DomainCounters idle; // a VM that is not running uses nothing
        idle.uuid = vm.uuid;
        idle.state = vm.state;
        idle.vcpus = vm.vcpus;
        out.append(idle);
    }
    if (running.isEmpty())
        return out;

    const QString select = selector(running);
    auto values = m_api.query(select, wallMs);
    if (!values)
        return Error{ values.error() };
    auto scraped = m_api.query(QStringLiteral("timestamp(%1{uuid=~\"%2\"})")
                                   .arg(QLatin1String(kCpuTime), running.join(u'|')),
                               wallMs);
    if (!scraped)
        return Error{ scraped.error() };
    QStringList warnings = values->warnings + scraped->warnings;

    // A VM that migrated may still have the old host's series for a while:
    // each VM's counters are those of the exporter that scraped it last.
    QHash<QString, std::pair<QString, qint64>> newest; // uuid → (instance, scrape ms)
    for (const Prometheus::Series &series : scraped->series) {
        if (series.points.isEmpty())
            continue;
        const QString uuid = series.labels.value(QStringLiteral("uuid"));
        const qint64 atMs = qint64(std::llround(series.points.constLast().value * 1000.0));
        auto found = newest.find(uuid);
        if (found == newest.end() || found->second < atMs)
            newest.insert(uuid, { series.labels.value(QStringLiteral("instance")), atMs });
    }
    QHash<QString, DomainCounters> counters;
    QHash<QString, QSet<QString>> seen; // uuid → series names present
    for (const Prometheus::Series &series : values->series) {
        const QString uuid = series.labels.value(QStringLiteral("uuid"));
        const auto scrape = newest.constFind(uuid);
        if (series.points.isEmpty() || scrape == newest.cend()
            || series.labels.value(QStringLiteral("instance")) != scrape->first)
            continue;
        DomainCounters &c = counters[uuid];
        const QString name = series.labels.value(QStringLiteral("__name__"));
        if (store(c, name, series.points.constLast().value))
            seen[uuid].insert(name);
    }

    QStringList withoutCpu;
    QHash<QString, QStringList> missing; // series name → VMs without it
    for (const QString &uuid : std::as_const(running)) {
        const VmInfo &vm = vms[uuid];
        const QString name = vm.name.isEmpty() ? uuid : vm.name;
        const QSet<QString> present = seen.value(uuid);
        if (!present.contains(QLatin1String(kCpuTime)) || !newest.contains(uuid)) {
            withoutCpu.append(name);
            continue;
        }
        for (const QString &series : kSeries) {
            const bool disk = series.contains(u"block_stats");
            const bool nic = series.contains(u"interface_stats");
            if ((disk && vm.disks.isEmpty()) || (nic && vm.nics.isEmpty()))
                continue; // a VM without disks or NICs has no such series
            if (!present.contains(series) && series != u"libvirt_domain_info_virtual_cpus")
                missing[series].append(name);
        }
        const qint64 atMs = newest.value(uuid).second;
        if (m_lastScrapeMs.value(uuid) == atMs)
            continue; // not scraped again since the last collection
        m_lastScrapeMs.insert(uuid, atMs);
        DomainCounters c = counters.value(uuid);
        c.uuid = uuid;
        c.state = vm.state;
        if (vm.vcpus > 0)
            c.vcpus = vm.vcpus;
        c.sampledAtMs = atMs;
        out.append(c);
    }
    if (!withoutCpu.isEmpty() && withoutCpu.size() == running.size())
        return Error{ Tr::tr("Prometheus at %1 has no %2 for %3: is the host's "
                             "prometheus-libvirt-exporter scraped by it?")
                          .arg(m_api.base().toString(QUrl::RemoveUserInfo), QLatin1String(kCpuTime),
                               listed(withoutCpu)) };
    if (!withoutCpu.isEmpty())
        warnings.append(Tr::tr("Prometheus at %1 has no %2 for %3")
                            .arg(m_api.base().toString(QUrl::RemoveUserInfo),
                                 QLatin1String(kCpuTime), listed(withoutCpu)));
    for (auto it = missing.cbegin(); it != missing.cend(); ++it)
        warnings.append(
            Tr::tr("Prometheus has no %1 for %2; shown as gaps").arg(it.key(), listed(it.value())));
    // VMs gone from the host are forgotten.
    for (auto it = m_lastScrapeMs.begin(); it != m_lastScrapeMs.end();)
        it = vms.contains(it.key()) ? std::next(it) : m_lastScrapeMs.erase(it);
    m_warning = warnings.join(QStringLiteral("; "));
    return out;
}

Result<NodeCounters> PrometheusStatsSource::collectNode(virConnectPtr connection, int cpus,
                                                        quint64 memoryKiB, qint64 wallMs)
{
    return m_node.collectNode(connection, cpus, memoryKiB, wallMs);
}

QString PrometheusStatsSource::takeWarning()
{
    return std::exchange(m_warning, QString());
}

} // namespace Umbra
