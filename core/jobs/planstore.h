#pragma once

#include "jobs/plan.h"
#include "util/result.h"

#include <QList>
#include <functional>
#include <memory>

namespace Umbra {
class Database;
}

namespace Umbra::Jobs {

// The stored plans, in Umbra's SQLite file (table `plans`, schema versions 9 and 16).
// Every proposal, decision and execution is also appended to the audit trail
// (jobs/audittrail.h) in the same transaction.
// Each write is its own commit with synchronous=FULL: a decision that was
// reported as taken is one that survives a power cut, because execution acts
// on it. Like the journals, a store belongs to the thread that opened it; it
// writes beside the store writer thread for the same reason they do (a commit
// that must be durable before anything acts cannot wait behind a batch).
class PlanStore
{
public:
    static Result<std::unique_ptr<PlanStore>> open(const QString &path,
                                                   const QString &connectionName);
    ~PlanStore();

    // Stores a new plan as Proposed (a refused one too: the evidence of why
    // an action was not taken is kept); returns its id.
    Result<qint64> propose(const Plan &plan);
    // Approves or rejects a proposed plan, with the reason given if any.
    // Refused, saying why, when the plan is not Proposed any more: two
    // operators, or an operator and a policy, cannot both decide it.
    Result<void> decide(qint64 id, bool approve, const QString &by, const QString &note = {});
    // A policy's proposal that no longer holds, before anyone decided it.
    Result<void> withdraw(qint64 id, const QString &reason);
    // The policy's view of a pending proposal changed (what holds it back,
    // the evidence): not a decision, so not in the audit trail.
    Result<void> setPolicy(qint64 id, const QJsonObject &policy);
    // An approved plan starts executing as job `jobId`; refused unless it is
    // Approved, so that a plan runs once.
    Result<void> startExecution(qint64 id, qint64 jobId);
    // A job that creates its journal row only once it runs names it here.
    Result<void> attachJob(qint64 id, qint64 jobId);
    // The job that executed it has ended; `result`, when given, is how (and
    // goes into the audit trail with it).
    Result<void> finishExecution(qint64 id, const QString &result = {});
    // Older proposals for the same kind and subject are no longer current.
    Result<void> supersedeOlder(const Plan &plan);

    Result<Plan> plan(qint64 id);
    // Newest first; only those in `states` when it is not empty.
    Result<QList<Plan>> plans(const QList<PlanState> &states = {}, int limit = 200);
    // How many plans of each kind are in each state (state by its key), for
    // the metrics endpoint; kinds and states with none are absent.
    struct Count
    {
        QString kind;
        QString state;
        int count = 0;
    };
    Result<QList<Count>> counts();
    // The reconcile path's part for plans: a killed console left these jobs'
    // plans Executing; once the jobs are reconciled, the plans are Executed.
    Result<void> settleJobs(const QList<qint64> &jobIds);

private:
    explicit PlanStore(std::unique_ptr<Database> db);
    Result<qint64> insert(const Plan &plan);
    Result<void> moveState(qint64 id, PlanState from, PlanState to, const QString &set,
                           const QVariantList &values);
    // Runs `change` (which answers the plan's id) and appends what it did to
    // the audit trail, in one transaction.
    Result<qint64> audited(const QString &actor, const QString &action,
                           const std::function<Result<qint64>()> &change);

    std::unique_ptr<Database> m_db;
};

} // namespace Umbra::Jobs
