#pragma once

#include "fleet/hostinfo.h"
#include "fleet/vminfo.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace Umbra {

// The fleet's inventory, held once: the hosts in the order they were added,
// each with its configuration, connection status, facts and VMs, and an index
// of every VM by UUID. The engine's fleet service writes it from what the host
// sessions report; the console and the engine's other services read it and
// follow its signals. Lives on one thread (the GUI thread in the console).
class FleetState : public QObject
{
    Q_OBJECT

public:
    explicit FleetState(QObject *parent = nullptr);
    ~FleetState() override;

    // Reading.
    QList<HostConfig> hosts() const;
    QList<QString> uris() const { return m_order; }
    bool contains(const QString &uri) const { return m_hosts.contains(uri); }
    // Defaults for a host that is not in the fleet.
    HostConfig config(const QString &uri) const;
    HostStatus status(const QString &uri) const;
    HostInfo info(const QString &uri) const;
    QList<VmInfo> vms(const QString &uri) const;
    // VMs on every host.
    qsizetype vmCount() const;
    bool hasVm(const QString &uri, const QString &uuid) const;
    // The host a VM (by UUID) is on, or an empty string.
    QString hostOfVm(const QString &uuid) const { return m_vmHosts.value(uuid); }
    // A VM as its host `uri` lists it, if it does.
    std::optional<VmInfo> vm(const QString &uri, const QString &uuid) const;

    // Writing, by the fleet service. Each change of a host that is in the
    // fleet is announced; a report about one that is not is ignored.
    void addHost(const Umbra::HostConfig &config);
    void removeHost(const QString &uri);
    void setConfig(const Umbra::HostConfig &config);
    void setStatus(const Umbra::HostStatus &status);
    // A host whose session stopped: Disconnected, without a word, since
    // nothing will report on it until it starts again.
    void markStopped(const QString &uri);
    void setInfo(const Umbra::HostInfo &info);
    void resetInventory(const QString &uri, const QList<Umbra::VmInfo> &vms);
    void updateVm(const QString &uri, const Umbra::VmInfo &vm);
    void removeVm(const QString &uri, const QString &uuid);

Q_SIGNALS:
    void hostAdded(const Umbra::HostConfig &config);
    void hostRemoved(const QString &uri);
    void hostConfigChanged(const Umbra::HostConfig &config);
    void hostStatusChanged(const Umbra::HostStatus &status);
    void hostInfoChanged(const Umbra::HostInfo &info);
    void inventoryReset(const QString &uri, const QList<Umbra::VmInfo> &vms);
    void vmChanged(const QString &uri, const Umbra::VmInfo &vm);
    void vmRemoved(const QString &uri, const QString &uuid);

private:
    struct Host
    {
        HostConfig config;
        HostStatus status;
        HostInfo info;
        QHash<QString, VmInfo> vms; // by UUID
    };

    // Drops `uuid` from the index if it points at `uri`: a VM that moved on
    // is indexed at its new host, perhaps already.
    void unindex(const QString &uri, const QString &uuid);

    QHash<QString, Host> m_hosts; // by URI
    QList<QString> m_order; // URIs in the order the hosts were added
    QHash<QString, QString> m_vmHosts; // VM UUID -> host URI
};

} // namespace Umbra
