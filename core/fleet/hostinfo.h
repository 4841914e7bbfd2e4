#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Umbra {

// What the operator asked for: a libvirt URI plus how Umbra treats it.
struct HostConfig
{
    HostConfig() = default;
    HostConfig(QString uri, bool simulatedUsage, QString exporterUrl = {})
        : uri(std::move(uri))
        , simulatedUsage(simulatedUsage)
        , exporterUrl(std::move(exporterUrl))
    { }

    QString uri;
    // Demo hosts run on libvirt's test driver, which reports no usage; their
    // counters come from the workload generator and the UI labels them as such.
    bool simulatedUsage = false;
    // Where the host publishes its hardware health in the Prometheus text
    // format (node_exporter, smartctl_exporter); empty when it does not.
    QString exporterUrl;
    // Where the VMs' usage is read instead of from libvirt: a Prometheus
    // server that scrapes the host's prometheus-libvirt-exporter. Empty:
    // libvirt. Inventory, events and actions go through libvirt either way.
    QString prometheusUrl = QString();
    // The operator is servicing it: nothing new is placed here, and the
    // policy proposes moving its VMs away.
    bool maintenance = false;
    bool operator==(const HostConfig &) const = default;
};

// Facts about a connected host, from virNodeGetInfo and friends.
struct HostInfo
{
    QString uri;
    QString hostname;
    QString hypervisor; // virConnectGetType: "QEMU", "TEST", ...
    QString cpuModel;
    int cpus = 0;
    int mhz = 0;
    quint64 memoryKiB = 0;
    quint64 libvirtVersion = 0;
};

enum class HostState {
    Disconnected, // not started or removed
    Connecting,
    Connected,
    Degraded, // connected, but the last collection failed in part
    Unreachable, // open failed or the connection dropped; a retry is scheduled
};

QString hostStateName(HostState state);

struct HostStatus
{
    QString uri;
    HostState state = HostState::Disconnected;
    QString lastError;
    QDateTime since; // when this state began
    QDateTime nextRetry; // when unreachable
    int failedAttempts = 0;
};

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::HostInfo)
Q_DECLARE_METATYPE(Umbra::HostStatus)
Q_DECLARE_METATYPE(Umbra::HostConfig)
