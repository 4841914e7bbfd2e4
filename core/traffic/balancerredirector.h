#pragma once

#include "traffic/balancer.h"
#include "traffic/trafficredirector.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <functional>

namespace Umbra::Traffic {

// A VM's place in a load balancer: one server of one backend.
struct VmServer
{
    Balancer balancer;
    ServerRef server;
};

// Finds the servers that are a VM (by the operator's mapping, the server's
// name, or the VM's address); blocking, called on the job's thread.
using ServerResolver = std::function<Result<QList<VmServer>>(
    const QString &vmUuid, const QString &vmName, const QString &hostUri)>;

// The migration's Redirect stage through HAProxy: drains each of the VM's
// servers before the switch-over (journalled traffic actions, waiting until
// its sessions have ended), and restores them after Verify or on the way
// back. A server that is the only one of its backend able to take requests is
// not drained — that would refuse service — and the log says so.
class BalancerRedirector final : public TrafficRedirector
{
public:
    BalancerRedirector(QString journalPath, ServerResolver resolve, int drainTimeoutMs = 15000);

    QString name() const override;
    Result<QString> redirect(const Move &move) override;
    Result<QString> restore(const Move &move) override;

private:
    QString m_journalPath;
    ServerResolver m_resolve;
    int m_drainTimeoutMs;
    QMutex m_mutex;
    QHash<QString, QList<VmServer>> m_drained; // by VM UUID
};

} // namespace Umbra::Traffic
