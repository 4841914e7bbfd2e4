#include "demo/simulatedreplicaagent.h"

#include "demo/simulatedlink.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::SimulatedReplicaAgent)
};

struct Replicas
{
    QMutex mutex;
    QHash<QString, Shadow::Replica> byName;
    int nextPort = 10809;

    static Replicas &instance()
    {
        static Replicas replicas;
        return replicas;
    }
};

// Applies `change` to the named replica and answers it.
template<typename Change> Result<Shadow::Replica> withReplica(const QString &name, Change change)
{
    Replicas &all = Replicas::instance();
    QMutexLocker lock(&all.mutex);
    if (!all.byName.contains(name))
        return Error{ Tr::tr("No replica named %1 (simulated).").arg(name) };
    Shadow::Replica &replica = all.byName[name];
    change(replica);
    return replica;
}

} // namespace

Shadow::AgentFactory SimulatedReplicaAgent::factory()
{
    return [](const Shadow::AgentAccess &access) -> std::unique_ptr<Shadow::ReplicaAgent> {
        if (SimulatedLink::simulates(access.hostUri))
            return std::make_unique<SimulatedReplicaAgent>();
        if (access.command.isEmpty())
            return nullptr;
        return std::make_unique<Shadow::CommandReplicaAgent>(access.command);
    };
}

Result<Shadow::Replica> SimulatedReplicaAgent::create(const QString &name, qint64 sizeBytes)
{
    Replicas &all = Replicas::instance();
    QMutexLocker lock(&all.mutex);
    Shadow::Replica &replica = all.byName[name];
    replica.name = name;
    replica.file = QStringLiteral("/var/lib/umbra/replicas/%1.qcow2").arg(name);
    replica.sizeBytes = sizeBytes;
    return replica;
}

Result<Shadow::Replica> SimulatedReplicaAgent::serve(const QString &name, const QString &address)
{
    Replicas &all = Replicas::instance();
    QMutexLocker lock(&all.mutex);
    if (!all.byName.contains(name))
        return Error{ Tr::tr("No replica named %1 (simulated).").arg(name) };
    Shadow::Replica &replica = all.byName[name];
    replica.serving = true;
    replica.nbdHost = address.isEmpty() ? QStringLiteral("shadow-host") : address;
    if (replica.port == 0)
        replica.port = all.nextPort++;
    return replica;
}

Result<Shadow::Replica> SimulatedReplicaAgent::status(const QString &name)
{
    return withReplica(name, [](Shadow::Replica &) {});
}

Result<Shadow::Replica> SimulatedReplicaAgent::freeze(const QString &name)
{
    return withReplica(name, [](Shadow::Replica &r) { r.frozen = true; });
}

Result<Shadow::Replica> SimulatedReplicaAgent::thaw(const QString &name)
{
    return withReplica(name, [](Shadow::Replica &r) { r.frozen = false; });
}

Result<Shadow::Replica> SimulatedReplicaAgent::stop(const QString &name)
{
    return withReplica(name, [](Shadow::Replica &r) {
        r.serving = false;
        r.frozen = false;
    });
}

Result<void> SimulatedReplicaAgent::remove(const QString &name)
{
    Replicas &all = Replicas::instance();
    QMutexLocker lock(&all.mutex);
    all.byName.remove(name);
    return {};
}

Result<qint64> SimulatedReplicaAgent::counter(const QString &file)
{
    Q_UNUSED(file)
    return qint64(-1); // a simulated guest writes nothing
}

} // namespace Umbra
