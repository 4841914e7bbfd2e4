#pragma once

#include "jobs/plan.h"
#include "jobs/stepmachine.h"
#include "migrate/hypervisorlink.h"
#include "migrate/migrationmodel.h"
#include "migrate/migrationtypes.h"
#include "migrate/placementcontext.h"
#include "migrate/replicationguard.h"
#include "traffic/trafficredirector.h"

#include <QObject>
#include <atomic>
#include <memory>

namespace Umbra {

class MigrationJournal;
class MigrationPlanner;

// One live migration: preflight, prediction, restore point, transfer,
// redirect, verify, finalize — each stage journalled before its first action.
// A failure rolls back; cancel() stops at the next safe point and leaves the
// VM running where it was. The source definition is never removed before the
// VM is verified on the target.
//
// Executing an approved plan (see MigrationPlanner), the job runs the
// preflight again — the plan may be hours old — and keeps the plan's
// prediction; without a plan it predicts itself. The stages are steps of a
// Jobs::StepMachine, each with its way back.
//
// Lives on its own thread: move it there and invoke run() queued (the
// MigrationManager does). run() blocks that thread until the job ends; the
// signals reach other threads queued, carrying value types.
class MigrationJob : public QObject
{
    Q_OBJECT

public:
    struct Environment
    {
        QString journalPath;
        LinkFactory links;
        std::shared_ptr<TrafficRedirector> redirector; // none: NoTrafficRedirector
        PlacementContext placement;
        std::shared_ptr<ReplicationGuard> replication; // none: nothing replicates VMs
    };

    MigrationJob(MigrationRequest request, Environment environment, QObject *parent = nullptr);
    // Executes a stored plan. With `approveAs` the job approves it first (an
    // operator's Migrate); without, the plan must already be approved.
    MigrationJob(Jobs::Plan plan, QString approveAs, Environment environment,
                 QObject *parent = nullptr);
    ~MigrationJob() override;

    const MigrationRequest &request() const { return m_request; }
    // The journal id, 0 until the job is journalled. Any thread.
    qint64 id() const { return m_id.load(); }
    // Any thread. Honoured up to the start of Finalize; during a post-copy
    // phase the VM can only finish on the target, so it is ignored there.
    void cancel() { m_cancel.store(true); }
    bool cancelRequested() const { return m_cancel.load(); }
    // The plan it executes (id 0 when it was started without one).
    const Jobs::Plan &plan() const { return m_plan; }

    Q_INVOKABLE void run();

Q_SIGNALS:
    // The job entered stage (already committed to the journal).
    void stageChanged(qint64 jobId, Umbra::MigrationStage stage, const QString &message,
                      qint64 timestampMs);
    // A line worth showing within a stage (also journalled).
    void logged(qint64 jobId, Umbra::MigrationStage stage, const QString &message);
    // The VM the job moves, as preflight found it (also journalled).
    void identified(qint64 jobId, const QString &vmUuid, const QString &vmName);
    void progress(const Umbra::MigrationProgress &progress);
    // The journalled record with every event; the last signal of the job.
    void finished(const Umbra::MigrationRecord &record);

private:
    using StepResult = Jobs::StepResult;
    using Step = Jobs::StepResult::Status;

    MigrationOutcome execute(QString &reason);
    void enter(MigrationStage stage, const QString &message = {});
    void log(const QString &message, const QString &kind = QStringLiteral("note"));
    // Moves the plan to Executing under this job (refused unless approved).
    bool takePlan(QString &reason);
    void endPlan();
    StepResult preflight();
    StepResult predict();
    StepResult snapshot();
    StepResult transfer();
    StepResult verify();
    StepResult finalize();
    MigrationOutcome rollbackOnSource(bool cancelled, QString &reason);
    MigrationOutcome rollbackFromTarget(bool cancelled, QString &reason);
    void foldOverlays(HypervisorLink &link);
    TrafficRedirector::Move trafficMove() const;
    // Puts back what the redirector changed, once; logs what it did.
    void restoreTraffic();
    // Sets the VM's replication aside before its disks change (once), and
    // takes it up again from where the VM runs after the job.
    StepResult suspendReplication();
    void resumeReplication(MigrationOutcome outcome);
    void saveSnapshotState(const QString &state);
    MigrateParams forwardParams() const;

    MigrationRequest m_request;
    Environment m_env;
    std::atomic<qint64> m_id{ 0 };
    std::atomic<bool> m_cancel{ false };
    Jobs::Plan m_plan;
    QString m_approveAs; // who approves it as the job starts, if anyone
    QString m_approvedBy;
    QString m_journalConnection;

    // Owned by the job's thread while run() runs.
    std::unique_ptr<MigrationJournal> m_journal;
    std::unique_ptr<MigrationPlanner> m_planner; // from preflight to prediction
    std::unique_ptr<HypervisorLink> m_source;
    std::unique_ptr<HypervisorLink> m_target;
    MigrationRecord m_record;
    MigrationStage m_stage = MigrationStage::Pending;
    bool m_targetHadDefinition = false;
    qint64 m_hold = 0; // the ledger's claim on the target
    bool m_redirected = false; // the redirector may have taken traffic off the VM
    bool m_replicationSuspended = false;
    double m_switchoverMs = 0;
    QString m_simulation; // the source link's, when its migrations are simulated
    QList<std::pair<QString, QString>> m_overlays; // disk target, overlay path
};

} // namespace Umbra
