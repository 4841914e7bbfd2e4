#pragma once

#include "jobs/plan.h"
#include "migrate/hypervisorlink.h"
#include "migrate/placementcontext.h"
#include "shadow/shadowjob.h"
#include "shadow/shadowrecord.h"
#include "util/workerthreads.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <functional>
#include <memory>

class QThread;

namespace Umbra::Shadow {

// The console's Shadow Manager. Shadows are planned, approved and executed
// like migrations (plans of kind shadow.create, shadow.failover and
// shadow.remove in the plan store), each action on a thread of its own.
// refresh(), on every collection, keeps them true to what libvirt says:
//  - a copy still seeding is seen through to in sync, one that ended makes
//    the shadow degraded, and a degraded shadow is seeded again with backoff;
//  - what a stopped console left half done is adopted: a shadow suspended
//    for a migration that is no longer running follows its primary to the
//    host it runs on; one left "creating" by a process that is gone is
//    undone;
//  - a primary whose host stays unreachable past the grace period, and
//    that runs nowhere else, fails over to its shadow.
// Lives on the GUI thread and never blocks it.
class ShadowService : public QObject
{
    Q_OBJECT

public:
    ShadowService(QString journalPath, LinkFactory links, QObject *parent = nullptr);
    // Cancels running actions and waits for them.
    ~ShadowService() override;

    // The demo's simulated agents; by default CommandReplicaAgent.
    void setAgents(AgentFactory agents) { m_agents = std::move(agents); }
    void setPlacement(const PlacementContext &placement) { m_placement = placement; }
    void setPools(const Pools::PoolSettings &pools) { m_placement.pools = pools; }
    void setLinks(LinkFactory links) { m_links = std::move(links); }
    // Where the fleet's inventory last saw a VM running (empty: nowhere),
    // and whether a migration of it runs in this console. Called on the
    // GUI thread.
    void setFleetView(std::function<QString(const QString &vmUuid)> runsOn,
                      std::function<bool(const QString &vmUuid)> moving);
    // Whether refresh() sizes shadows in sync by their primaries' forecast
    // itself (the default); off where the policy proposes the sizes.
    void setAutomaticSizing(bool on) { m_automaticSizing = on; }
    // How long a primary's host may be unreachable before its shadow takes
    // over by itself; 0 leaves failover to the operator.
    void setFailoverGraceS(int seconds) { m_graceS = seconds; }
    int failoverGraceS() const { return m_graceS; }

    // The live shadows, as the last refresh read them.
    QList<ShadowRecord> shadows() const { return m_shadows; }
    std::optional<ShadowRecord> shadowOf(const QString &vmUuid) const;
    // Said beside a shadow whose hosts are simulated (the demo).
    QString simulation(const ShadowRecord &shadow) const;
    // Whether an action on the VM's shadow runs now.
    bool isBusy(const QString &vmUuid) const { return m_busy.contains(vmUuid); }

    // Plan → approve → execute. Each plan is worked out on a worker thread
    // without changing anything and stored as proposed; its refusal says
    // why it cannot go ahead.
    // `validateEveryH` is the new shadow's own validation schedule (see
    // ShadowRecord::validateEveryH).
    QFuture<Jobs::Plan> planCreate(const QString &vm, const QString &primaryUri,
                                   const QString &shadowUri,
                                   std::optional<int> validateEveryH = std::nullopt,
                                   const QJsonObject &policy = {});
    QFuture<Jobs::Plan> planFailover(const QString &vmUuid, bool planned,
                                     const QJsonObject &policy = {});
    // Redefines the standby with `vcpus` and moves its reservation; its
    // memory stays the primary's.
    QFuture<Jobs::Plan> planScale(const QString &vmUuid, int vcpus, const QString &reason,
                                  const QJsonObject &policy = {});
    QFuture<Jobs::Plan> planRemove(const QString &vmUuid);
    QFuture<Jobs::Plan> planValidate(const QString &vmUuid);
    // Plans and executes a validation at once (Validate now, and the
    // schedule), approved by `by`.
    void validateNow(const QString &vmUuid, const QString &by);
    // How often a shadow in sync is validated by itself, unless it has a
    // schedule of its own; 0: never.
    void setValidationIntervalH(int hours) { m_validationIntervalH = hours; }
    int validationIntervalH() const { return m_validationIntervalH; }
    // How long a validation's throw-away VM must keep running (a simulated
    // one: at most 3 s).
    void setValidationBootS(int seconds) { m_validationBootS = seconds; }
    // A VM's own schedule (absent: the one above), stored with its shadow.
    void setValidationInterval(const QString &vmUuid, std::optional<int> hours);
    // Approves or rejects a proposed plan (rejecting the one a dialog
    // showed when it closes).
    void decide(qint64 planId, bool approve, const QString &by);
    // Executes a plan approved already, or approved now by `approveAs`.
    void execute(const Jobs::Plan &plan, const QString &approveAs = {});

    // Checks, adopts and reconciles every live shadow (see above); answered
    // by shadowsChanged. Does nothing while the last refresh still runs.
    void refresh();

Q_SIGNALS:
    void shadowsChanged();
    void progress(const QString &vmUuid, const QString &line);
    void actionFinished(const Umbra::Jobs::Plan &plan, bool succeeded, const QString &message);
    // For the event log.
    void reported(const QString &message, bool isError);

private:
    struct Refreshed;
    // What a check of a shadow read, kept for the next one: the primary's
    // writes so far and how much of the seeding is copied, when.
    struct Reading
    {
        qint64 atMs = 0;
        std::optional<DiskWriteTotals> writes;
        qint64 copiedBytes = 0;
        double writeLatencyMs = -1; // over the writes between the last two readings
        qint64 seedEtaS = -1;
    };
    // The next reading of a shadow from its check: the write latency over
    // the writes since the last reading, and how long seeding has left at
    // the pace since then.
    static Reading follow(const Reading &last, const ShadowRecord &checked, qint64 nowMs);
    Environment environment() const;
    QFuture<Jobs::Plan> propose(std::function<Jobs::Plan(ShadowJob &)> work);
    // Plans an action on the VM's live shadow (refused when it has none):
    // `fill` adds what the kind needs to the plan.
    QFuture<Jobs::Plan> proposeFor(const QString &vmUuid, const QString &kind,
                                   std::function<void(Jobs::Plan &, const ShadowRecord &)> fill,
                                   const QJsonObject &policy = {});
    void apply(const Refreshed &refreshed);

    QString m_path;
    LinkFactory m_links;
    AgentFactory m_agents;
    PlacementContext m_placement;
    std::function<QString(const QString &)> m_runsOn;
    std::function<bool(const QString &)> m_moving;
    int m_graceS = 90;
    bool m_automaticSizing = true;
    int m_validationIntervalH = 24;
    int m_validationBootS = 20;
    QList<ShadowRecord> m_shadows;
    QHash<QString, QString> m_simulations; // shadow host URI → its link's simulation()
    QSet<QString> m_busy; // primaries' UUIDs with an action running
    QSet<QString> m_planning; // primaries' UUIDs whose validation is being planned
    QHash<qint64, qint64> m_retryAtMs; // degraded shadow id → next re-seed
    QHash<qint64, int> m_retries;
    QHash<QString, qint64> m_unreachableSinceMs; // primary host URI → first failed reach
    QHash<qint64, qint64> m_sizedAtMs; // shadow id → when its size was last decided
    QHash<qint64, Reading> m_readings;
    bool m_refreshing = false;
    struct Running
    {
        QThread *thread = nullptr;
        std::shared_ptr<ShadowJob> job;
    };
    QList<Running> m_running;
    WorkerThreads m_workers; // last: waited for before the rest goes
};

} // namespace Umbra::Shadow
