#pragma once

#include "jobs/plan.h"
#include "policy/automation.h"
#include "policy/fleetpicture.h"
#include "policy/policyengine.h"
#include "util/workerthreads.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <functional>
#include <memory>

namespace Umbra {

class FleetState;
class MigrationManager;
class PoolService;
class PredictionProxy;
struct MigrationRecord;
namespace Jobs {
class PlanStore;
}
namespace Shadow {
class ShadowService;
}
namespace Traffic {
class TrafficService;
}

// The policy in the console: on every collection it reads what prediction
// says of the fleet, lets the policy engine propose, and keeps the stored
// plans in step — a new proposal becomes a plan of its kind (worked out by
// the same controller an operator's would be, so it carries the migration
// model's duration and downtime), one that no longer holds is withdrawn
// with the reason, and one the automation level allows is approved as
// "policy:<rule>" and executed at once. Operators approve, reject (quiet for
// a stated time, with the reason) or defer from the approval queue.
//
// Lives on the engine's thread; the evaluation and every store access run
// on worker threads. Proposals and decisions are plans in the database: a
// console killed after an approval executes it when it starts again, once.
class PolicyService : public QObject
{
    Q_OBJECT

public:
    PolicyService(const FleetState *fleet, PredictionProxy *prediction, PoolService *pools,
                  MigrationManager *migrations, Shadow::ShadowService *shadows,
                  Traffic::TrafficService *traffic, QObject *parent = nullptr);
    ~PolicyService() override;

    // Loads the settings and what was pending or approved, then evaluates
    // on every call of evaluate().
    void open(const QString &databasePath);
    void evaluate();
    // Off: evaluate() does nothing (a dry run still answers), for a run that
    // must store and execute nothing.
    void setEnabled(bool enabled) { m_enabled = enabled; }
    // Settings and pending proposals are loaded: evaluations may begin.
    bool isOpen() const { return m_opened; }
    // One evaluation that stores and executes nothing: what the policy would
    // propose now (umbra --policy-once).
    QFuture<Policy::Evaluation> dryRun();

    const Policy::AutomationSettings &automation() const { return m_automation; }
    void setAutomation(const Policy::AutomationSettings &settings);
    void setLimits(const Policy::PolicyLimits &limits);
    // How long a rejected proposal stays quiet (default four hours).
    void setRejectionQuietMs(qint64 ms) { m_rejectionQuietMs = ms; }

    // The pending proposals, newest first, as stored plans.
    QList<Jobs::Plan> pending() const { return m_pending; }
    void approve(qint64 planId, const QString &by);
    void reject(qint64 planId, const QString &by, const QString &reason);
    void defer(qint64 planId, const QString &by, int minutes);

Q_SIGNALS:
    void pendingChanged(const QList<Umbra::Jobs::Plan> &pending);
    // New proposals waiting for an operator (automation level "approve").
    void approvalNeeded(const QList<Umbra::Jobs::Plan> &plans);
    void automationChanged(const Umbra::Policy::AutomationSettings &settings);
    // A policy action was started without an operator, or something failed.
    void reported(const QString &message, bool isError);

private:
    struct Gathered;
    struct Gathering;
    // VMs (and hosts) gathered per turn of the event loop for an evaluation.
    static constexpr qsizetype kGatherPerTurn = 250;
    // The fleet's picture for the policy, all at once (a dry run) or a slice
    // at a time: begin, gatherHost() (returns the hosts and VMs it added)
    // until every host is in, end.
    Gathered gather() const;
    std::shared_ptr<Gathering> beginGathering() const;
    qsizetype gatherHost(Gathering &gathering) const;
    Gathered endGathering(Gathering &gathering) const;
    void gatherSome(const std::shared_ptr<Gathering> &gathering);
    static Policy::FleetPicture picture(Gathered gathered);
    void apply(const Policy::Evaluation &evaluation);
    void propose(const Policy::Proposal &proposal);
    void execute(const Jobs::Plan &plan, const QString &approveAs);
    // Hands the plan to the controller of its kind.
    void dispatch(const Jobs::Plan &plan, const QString &approveAs);
    // Why an action just carried out is not proposed again for a while.
    QString carriedOut(qint64 atMs) const;
    void reload();
    // Rejection and deferral alike: stores until when the proposal stays
    // quiet, then `close` decides or withdraws its plan.
    void quiet(qint64 planId, qint64 until, const QString &why,
               std::function<Result<void>(Jobs::PlanStore &plans)> close);
    void noteMigration(const MigrationRecord &record);
    // A traffic or shadow action of the policy's own, counted against the
    // limits from its start; `finished` closes it.
    void noteAction(const Policy::Proposal &proposal, bool finished);
    // The executed proposal's key is free again: if its reason still holds
    // (the action failed), the policy proposes it afresh.
    void release(qint64 planId);
    // Runs `work` on a worker thread with its own plan store, then `done`
    // on this thread (unless this object is gone by then).
    template<typename T>
    void onWorker(std::function<T(const QString &path)> work, std::function<void(T)> done);

    const FleetState *m_fleet;
    PredictionProxy *m_prediction;
    PoolService *m_pools;
    MigrationManager *m_migrations;
    Shadow::ShadowService *m_shadows;
    Traffic::TrafficService *m_traffic;
    QString m_path;
    bool m_opened = false;
    bool m_enabled = true;
    bool m_evaluating = false;
    std::shared_ptr<Policy::PolicyEngine> m_engine; // used by one worker at a time
    Policy::AutomationSettings m_automation;
    Policy::PolicyLimits m_limits;
    qint64 m_rejectionQuietMs = 4 * 3600 * 1000;
    QHash<QString, qint64> m_planOf; // proposal key → plan id
    QHash<QString, Policy::Proposal> m_proposed; // proposal key → as stored
    QSet<QString> m_planning; // keys whose plan is being worked out
    QSet<qint64> m_executing;
    QHash<QString, Policy::Quiet> m_quiet;
    QList<Policy::PolicyAction> m_actions; // actions of the last hours
    QList<Jobs::Plan> m_pending;
    bool m_reloading = false; // a read of the queue is under way
    bool m_reloadAgain = false; // and another was asked for meanwhile
    WorkerThreads m_workers; // last: waited for before the rest goes
};

} // namespace Umbra
