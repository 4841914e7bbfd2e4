#pragma once

#include "traffic/balancerredirector.h"
#include "util/result.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace Umbra::Traffic {

// A VM's server, as the operator set it.
struct Mapping
{
    QString vmUuid;
    QString balancer;
    ServerRef server;
};

// The fleet's load balancers and the operator's mappings, as stored in the
// database (tables balancers and traffic_mappings). Blocking: worker threads
// and the command line.
struct TrafficSettings
{
    QList<Balancer> balancers;
    QList<Mapping> mappings;

    static Result<TrafficSettings> load(const QString &databasePath);
};

// The VM's addresses, asked of its host (libvirt's lease, agent and ARP
// sources); blocking.
using AddressLookup = std::function<QStringList(const QString &vmUuid, const QString &hostUri)>;

// The servers that are a VM, read live from each balancer: the operator's
// mapping in a backend, else a server named as the VM, else a server at one of
// the VM's addresses. Blocking: the migration's Redirect stage and the
// command line.
Result<QList<VmServer>> resolveServers(const QList<Balancer> &balancers,
                                       const QList<Mapping> &mappings,
                                       const AddressLookup &addresses, const QString &vmUuid,
                                       const QString &vmName, const QString &hostUri);

// The IP of "10.0.0.5:80" or "[fd00::5]:80".
QString hostOfAddress(const QString &address);

} // namespace Umbra::Traffic
