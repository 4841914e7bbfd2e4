#pragma once

#include "migrate/hypervisorlink.h"
#include "migrate/migrationtypes.h"

#include <QList>
#include <QSet>

namespace Umbra {

namespace Jobs {
class PlanStore;
}
class MigrationJournal;

struct ReconcileResult
{
    qint64 jobId = 0;
    QString vmName;
    QString vmUuid;
    QString sourceUri;
    QString targetUri;
    MigrationStage interruptedIn = MigrationStage::Pending;
    MigrationOutcome outcome = MigrationOutcome::NeedsAttention;
    QString reason;
    QJsonObject toJson() const;
};

// Ends every journalled job that no live console is running (after a crash,
// a kill -9, a power cut), from what both hosts say now:
//   active on the target only → completed (made persistent there, the source
//     definition removed unless the job kept it);
//   active on the source only → rolled back (a leftover on the target removed,
//     a paused source resumed);
//   a host unreachable, active nowhere, or running on both → needs attention,
//     with what was seen.
// A migration still in flight on the source is aborted first. A VM is never
// left defined on two hosts (unless the job kept the source) nor on none.
class Reconciler
{
public:
    Reconciler(MigrationJournal &journal, LinkFactory links);
    // skip: jobs this process is running.
    QList<ReconcileResult> run(const QSet<qint64> &skip = {});
    ReconcileResult reconcile(const MigrationRecord &job);

    // Whether the process that owns a job still runs (and is the one that
    // started before the job, not a later process with a recycled id).
    static bool ownerAlive(const MigrationRecord &job);

private:
    MigrationJournal &m_journal;
    LinkFactory m_links;
};

// The plans of reconciled jobs are executed: their jobs have ended.
void settlePlans(Jobs::PlanStore &plans, const QList<ReconcileResult> &results);

} // namespace Umbra
