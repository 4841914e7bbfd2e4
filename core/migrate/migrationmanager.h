#pragma once

#include "jobs/plan.h"
#include "migrate/hypervisorlink.h"
#include "migrate/migrationtypes.h"
#include "migrate/placementcontext.h"
#include "migrate/reconciler.h"
#include "migrate/replicationguard.h"
#include "util/workerthreads.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <memory>

class QThread;

namespace Umbra {

class MigrationJob;
class PlanQueue;
class TrafficRedirector;

// How one candidate target would take a VM, by the preflight's own figure.
struct TargetCapacity
{
    QString uri;
    quint64 usableKiB = 0; // Pools::Fit::usableKiB: memory the VM could have
    qint64 leftKiB = 0; // what is left after the VM's memory (negative: short)
    bool fits = false; // memory and vCPUs
    int runningVms = 0;
    QString error; // the host could not be asked; the figures are unknown
    // Least-disruption placement: pool, room, forecast peak, risk, health,
    // each in words; `rank` orders the targets, 1 the best.
    Pools::Ranking ranking;
    int rank = 0;
};

// Runs migration jobs, each on its own thread, and answers from the journal.
// Lives on the GUI (or engine) thread and never blocks it: journal reads and
// reconciliation run on worker threads and report by signal.
class MigrationManager : public QObject
{
    Q_OBJECT

public:
    // links: how to reach a host (LibvirtLink::factory() in the console).
    MigrationManager(QString journalPath, LinkFactory links, QObject *parent = nullptr);
    // Cancels running jobs and waits for them to roll back.
    ~MigrationManager() override;

    void setTrafficRedirector(std::shared_ptr<TrafficRedirector> redirector);
    // What sets a replicated VM's replication aside for its move (the
    // shadows), for the jobs started from now on.
    void setReplicationGuard(std::shared_ptr<ReplicationGuard> guard)
    {
        m_replication = std::move(guard);
    }
    // The capacity ledger every job claims its target through, and where
    // the targets' ranking learns forecasts, risk and health.
    void setPlacement(std::shared_ptr<Pools::CapacityLedger> ledger, Pools::Outlook outlook);
    // The operator's pools, for the plans and jobs started from now on.
    void setPools(const Pools::PoolSettings &pools) { m_placement.pools = pools; }
    // How hosts are reached by the plans and jobs started from now on.
    void setLinks(LinkFactory links) { m_links = std::move(links); }
    const LinkFactory &links() const { return m_links; }

    // Plan → approve → execute. plan() works the migration out on the plan
    // queue's thread, one plan at a time and an operator's first, without
    // changing anything (preflight and prediction) and stores it as a
    // proposed plan; it resolves to the stored plan (its refusal says why it
    // cannot go ahead, or why it could not be stored: then its id is 0).
    // `policy`: the policy's proposal it is (Jobs::Plan::policy), if any.
    QFuture<Jobs::Plan> plan(const MigrationRequest &request, const QJsonObject &policy = {});
    // Judges each target for the VM `vm` on `sourceUri` with the preflight's
    // capacity computation (Pools::fit over what each host's link reports,
    // less what the ledger owes others) and ranks them (Pools::rank), on a
    // worker thread; the list is in the order asked.
    // `placing` Shadow ranks the hosts that could keep the VM's shadow.
    QFuture<QList<TargetCapacity>> assessTargets(const QString &sourceUri, const QString &vm,
                                                 const QStringList &targets,
                                                 const MigrationOptions &options,
                                                 Pools::Placing placing = Pools::Placing::Vm);
    // Approves or rejects a proposed plan; answered by planDecided.
    void decide(qint64 planId, bool approve, const QString &by);
    // Executes a plan: approved already, or approved now by `approveAs` (an
    // operator's Migrate). The job refuses a plan in any other state.
    MigrationJob *execute(const Jobs::Plan &plan, const QString &approveAs = {});

    // Starts a job without a stored plan (an operator's immediate move);
    // its journal id arrives with the first stageChanged. Returns a handle
    // that is valid until the job's finished signal.
    MigrationJob *start(const MigrationRequest &request);
    // Cancel by journal id; false when no such job runs here.
    bool cancel(qint64 jobId);
    void cancelAll();
    // The jobs running in this console: their last known record.
    QList<MigrationRecord> running() const;
    bool isRunning() const { return !m_jobs.isEmpty(); }

    // History from the journal, newest first; answered by historyReady.
    void requestHistory(int limit = 200);
    // Ends jobs that a crashed console left unfinished; answered by reconciled.
    void reconcile();

Q_SIGNALS:
    void jobStarted(qint64 jobId, const Umbra::MigrationRequest &request);
    void stageChanged(qint64 jobId, Umbra::MigrationStage stage, const QString &message,
                      qint64 timestampMs);
    void logged(qint64 jobId, Umbra::MigrationStage stage, const QString &message);
    void progress(const Umbra::MigrationProgress &progress);
    void planDecided(qint64 planId, bool approved, const QString &error);
    void jobFinished(const Umbra::MigrationRecord &record);
    void historyReady(const QList<Umbra::MigrationRecord> &jobs, const QString &error);
    void reconciled(const QList<Umbra::ReconcileResult> &results, const QString &error);

private:
    MigrationJob *launch(MigrationJob *job);
    // Runs `work` on a worker thread of its own, then `done` with what it
    // returned on this object's thread (unless this object is gone by then).
    template<typename T, typename Work, typename Done>
    void onWorker(const char *name, Work work, Done done);

    struct Running
    {
        MigrationJob *job = nullptr;
        QThread *thread = nullptr;
        MigrationRecord record;
    };

    // The running record of `job`, null once it has finished.
    MigrationRecord *recordOf(const MigrationJob *job);

    QString m_journalPath;
    LinkFactory m_links;
    std::shared_ptr<TrafficRedirector> m_redirector;
    std::shared_ptr<ReplicationGuard> m_replication;
    PlacementContext m_placement;
    QList<Running> m_jobs;
    std::unique_ptr<PlanQueue> m_plans;
    // Numbers the workers' database connections, whose names are process-wide:
    // shared by every manager, so two engines in one process never collide.
    static inline std::atomic<int> m_workerSequence = 0;
    WorkerThreads m_workers; // last: waited for before the rest goes
};

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::MigrationRequest)
Q_DECLARE_METATYPE(Umbra::ReconcileResult)
