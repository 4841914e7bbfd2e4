#pragma once

#include "shadow/replicaagent.h"
#include "shadow/shadowjob.h"

namespace Umbra {

// The demo's replica agent: a demo shadow host has no disks to write, so its
// replicas are records in memory (shared by the whole process) that are
// made, served, frozen and removed as umbra-replica would, and say that
// they are simulated. Everything else in a demo shadow is real: the plans,
// the journal, the ledger, the shadow's definition on the test-driver host.
class SimulatedReplicaAgent final : public Shadow::ReplicaAgent
{
public:
    // Simulated agents for test-driver hosts, umbra-replica through its
    // command for the others (none when no command is known).
    static Shadow::AgentFactory factory();

    Result<Shadow::Replica> create(const QString &name, qint64 sizeBytes) override;
    Result<Shadow::Replica> serve(const QString &name, const QString &address) override;
    Result<Shadow::Replica> status(const QString &name) override;
    Result<Shadow::Replica> freeze(const QString &name) override;
    Result<Shadow::Replica> thaw(const QString &name) override;
    Result<Shadow::Replica> stop(const QString &name) override;
    Result<void> remove(const QString &name) override;
    Result<qint64> counter(const QString &file) override;
};

} // namespace Umbra
