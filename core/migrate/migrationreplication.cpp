#include "migrate/migrationjob.h"

#include <QCoreApplication>

// A migration of a replicated VM (one with a shadow): the replication is
// set aside before the restore point and the transfer, which libvirt refuses
// under a block job, and taken up again from wherever the VM runs once the
// job has ended, whatever its outcome.
namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::MigrationJob)
};

} // namespace

MigrationJob::StepResult MigrationJob::suspendReplication()
{
    if (!m_env.replication || m_replicationSuspended)
        return StepResult::ok();
    auto suspended = m_env.replication->suspend(
        m_record.vmUuid,
        Tr::tr("%1 moves from %2 to %3 (migration %4)")
            .arg(m_record.vmName, m_record.sourceUri, m_record.targetUri)
            .arg(m_record.id));
    if (!suspended)
        return StepResult::failed(
            Tr::tr("The VM's replication could not be set aside for the move: %1")
                .arg(suspended.error()));
    m_replicationSuspended = !suspended->isEmpty();
    if (m_replicationSuspended)
        log(suspended.value());
    return StepResult::ok();
}

void MigrationJob::resumeReplication(MigrationOutcome outcome)
{
    if (!m_replicationSuspended)
        return;
    // Where the VM runs now: on the target once the move completed; after a
    // job that needs attention, wherever libvirt finds it running.
    QString host = m_record.sourceUri;
    if (outcome == MigrationOutcome::Completed) {
        host = m_record.targetUri;
    } else if (outcome == MigrationOutcome::NeedsAttention && m_target) {
        auto there = m_target->domain(m_record.vmUuid);
        if (there && there->exists && there->running())
            host = m_record.targetUri;
    }
    auto resumed = m_env.replication->resume(m_record.vmUuid, host);
    m_replicationSuspended = false;
    if (!resumed)
        log(Tr::tr("The VM's replication did not start again: %1").arg(resumed.error()),
            QStringLiteral("error"));
    else if (!resumed->isEmpty())
        log(resumed.value());
}

} // namespace Umbra
