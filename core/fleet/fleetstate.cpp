#include "fleet/fleetstate.h"

namespace Umbra {

FleetState::FleetState(QObject *parent)
    : QObject(parent)
{ }

FleetState::~FleetState() = default;

QList<HostConfig> FleetState::hosts() const
{
    QList<HostConfig> result;
    result.reserve(m_order.size());
    for (const QString &uri : m_order)
        result.append(m_hosts.value(uri).config);
    return result;
}

HostConfig FleetState::config(const QString &uri) const
{
    return m_hosts.value(uri).config;
}

HostStatus FleetState::status(const QString &uri) const
{
    return m_hosts.value(uri).status;
}

HostInfo FleetState::info(const QString &uri) const
{
    return m_hosts.value(uri).info;
}

QList<VmInfo> FleetState::vms(const QString &uri) const
{
    return m_hosts.value(uri).vms.values();
}

qsizetype FleetState::vmCount() const
{
    qsizetype count = 0;
    for (const Host &host : m_hosts)
        count += host.vms.size();
    return count;
}

bool FleetState::hasVm(const QString &uri, const QString &uuid) const
{
    const auto host = m_hosts.constFind(uri);
    return host != m_hosts.cend() && host->vms.contains(uuid);
}

std::optional<VmInfo> FleetState::vm(const QString &uri, const QString &uuid) const
{
    const auto host = m_hosts.constFind(uri);
    if (host == m_hosts.cend())
        return std::nullopt;
    const auto vm = host->vms.constFind(uuid);
    if (vm == host->vms.cend())
        return std::nullopt;
    return *vm;
}

void FleetState::addHost(const HostConfig &config)
{
    if (m_hosts.contains(config.uri))
        return;
    m_order.append(config.uri);
    Host &host = m_hosts[config.uri];
    host.config = config;
    host.status.uri = config.uri;
    Q_EMIT hostAdded(config);
}

void FleetState::removeHost(const QString &uri)
{
    const auto host = m_hosts.constFind(uri);
    if (host == m_hosts.cend())
        return;
    for (const QString &uuid : host->vms.keys())
        unindex(uri, uuid);
    m_hosts.erase(host);
    m_order.removeAll(uri);
    Q_EMIT hostRemoved(uri);
}

void FleetState::setConfig(const HostConfig &config)
{
    const auto host = m_hosts.find(config.uri);
    if (host == m_hosts.end())
        return;
    host->config = config;
    Q_EMIT hostConfigChanged(config);
}

void FleetState::setStatus(const HostStatus &status)
{
    const auto host = m_hosts.find(status.uri);
    if (host == m_hosts.end())
        return;
    host->status = status;
    Q_EMIT hostStatusChanged(status);
}

void FleetState::markStopped(const QString &uri)
{
    const auto host = m_hosts.find(uri);
    if (host != m_hosts.end())
        host->status.state = HostState::Disconnected;
}

void FleetState::setInfo(const HostInfo &info)
{
    const auto host = m_hosts.find(info.uri);
    if (host == m_hosts.end())
        return;
    host->info = info;
    Q_EMIT hostInfoChanged(info);
}

void FleetState::resetInventory(const QString &uri, const QList<VmInfo> &vms)
{
    const auto host = m_hosts.find(uri);
    if (host == m_hosts.end())
        return;
    for (const QString &uuid : host->vms.keys())
        unindex(uri, uuid);
    host->vms.clear();
    for (const VmInfo &vm : vms) {
        host->vms.insert(vm.uuid, vm);
        m_vmHosts.insert(vm.uuid, uri);
    }
    Q_EMIT inventoryReset(uri, vms);
}

void FleetState::updateVm(const QString &uri, const VmInfo &vm)
{
    const auto host = m_hosts.find(uri);
    if (host == m_hosts.end())
        return;
    host->vms.insert(vm.uuid, vm);
    m_vmHosts.insert(vm.uuid, uri);
    Q_EMIT vmChanged(uri, vm);
}

void FleetState::removeVm(const QString &uri, const QString &uuid)
{
    const auto host = m_hosts.find(uri);
    if (host == m_hosts.end())
        return;
    host->vms.remove(uuid);
    unindex(uri, uuid);
    Q_EMIT vmRemoved(uri, uuid);
}

void FleetState::unindex(const QString &uri, const QString &uuid)
{
    const auto indexed = m_vmHosts.constFind(uuid);
    if (indexed == m_vmHosts.cend() || *indexed != uri)
        return;
    m_vmHosts.erase(indexed);
    // Still listed on another host (a migration's two ends overlap): that
    // one is where it is now.
    for (auto host = m_hosts.cbegin(); host != m_hosts.cend(); ++host) {
        if (host.key() != uri && host->vms.contains(uuid)) {
            m_vmHosts.insert(uuid, host.key());
            return;
        }
    }
}

} // namespace Umbra
