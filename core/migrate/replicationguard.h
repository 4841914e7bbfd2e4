#pragma once

#include "util/result.h"

#include <QString>

namespace Umbra {

// What a migration asks of whatever replicates a VM's disks to another host
// (a shadow, see Shadow::ShadowGuard). libvirt refuses to live-migrate a
// domain that has a block job, and a restore point cannot be taken under
// one either, so the replication is set aside before the move and taken up
// again from wherever the VM runs afterwards. A migration never fails
// because its VM is replicated: both calls are best effort for the move,
// and what they could not do is the replication's to reconcile.
// Called on the migration job's thread; both may block.
class ReplicationGuard
{
public:
    virtual ~ReplicationGuard() = default;
    // Ends the VM's replication so that its disks are its own again (the
    // replica keeps what it had). Returns a line for the migration's log,
    // empty when nothing replicates the VM.
    virtual Result<QString> suspend(const QString &vmUuid, const QString &why) = 0;
    // The move ended with the VM running on `hostUri` (its target, or its
    // source when the move did not happen): replication starts again from
    // there, or ends for good when that host is the replica's own.
    virtual Result<QString> resume(const QString &vmUuid, const QString &hostUri) = 0;
};

} // namespace Umbra
