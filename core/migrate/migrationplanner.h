#pragma once

#include "jobs/plan.h"
#include "jobs/stepmachine.h"
#include "migrate/hypervisorlink.h"
#include "migrate/migrationmodel.h"
#include "migrate/migrationtypes.h"
#include "migrate/placementcontext.h"
#include "pools/capacity.h"

#include <QStringList>
#include <functional>
#include <memory>
#include <utility>

namespace Umbra {

class MigrationJournal;

// Works out one live migration without changing anything: the preflight
// (the VM, both hosts, memory and CPU room on the target, CPU compatibility,
// storage) and the prediction (duration, downtime, copy rounds from the
// guest's measured dirty-page rate and the bandwidth and overheads learned
// from earlier jobs). plan() makes a stored plan of it; the migration job runs
// the same checks again when it executes, because an approved plan may be
// hours old.
class MigrationPlanner
{
public:
    static constexpr char kPlanKind[] = "migrate";
    // A refused plan's choices that can lift the refusal (in its prediction
    // JSON under "needs"): the storage mode, or libvirt's unsafe override.
    static constexpr char kNeedsStorageMode[] = "storage";
    static constexpr char kNeedsUnsafe[] = "unsafe";
    using Log = std::function<void(const QString &line)>;

    // journal: where earlier jobs' figures are read from (none: defaults).
    MigrationPlanner(MigrationRequest request, LinkFactory links, MigrationJournal *journal,
                     Log log = {});
    ~MigrationPlanner();

    // The pools and ledger the preflight checks the target against; with
    // `claim` (a job about to act) it takes the VM's capacity on the target
    // in the ledger, to be released when the job ends (takeHold()).
    void setPlacement(PlacementContext placement, bool claim);
    qint64 takeHold() { return std::exchange(m_hold, 0); }

    Jobs::Plan plan();

    Jobs::StepResult preflight(const std::function<bool()> &cancelled);
    void predict();

    // What the checks found out, and the hosts they opened (for the job
    // that goes on to act).
    MigrationRecord &record() { return m_record; }
    double switchoverMs() const { return m_switchoverMs; }
    bool targetHadDefinition() const { return m_targetHadDefinition; }
    // The source link's word that its migrations are simulated (the demo), if so.
    QString simulation() const { return m_source ? m_source->simulation() : QString(); }
    std::unique_ptr<HypervisorLink> takeSource() { return std::move(m_source); }
    std::unique_ptr<HypervisorLink> takeTarget() { return std::move(m_target); }

    // The one capacity figure: what a host has and holds as its link reports
    // it, and the limits a request sets. The dialog's ranking and the
    // preflight both judge a target by Pools::fit over these.
    static Pools::HostCapacity capacityOf(const HostFacts &host, const HostAllocation &allocation);
    static Pools::PlacementLimits limitsOf(const MigrationOptions &options);
    // What a refused plan needs the operator to choose (kNeeds…), if anything.
    static QStringList needsOf(const Jobs::Plan &plan);

    // The model re-run for a job with its measured bandwidth, without setup overhead.
    static MigrationModel::Prediction modelFor(const MigrationRecord &r, double switchoverMs);

    // A plan's request and prediction, in its JSON.
    static QJsonObject requestToJson(const MigrationRequest &request);
    static MigrationRequest requestFromJson(const QJsonObject &json);
    static QJsonObject predictionToJson(const MigrationRecord &record, double switchoverMs);
    // Puts a plan's prediction into a record; returns its switch-over time.
    static double applyPrediction(const QJsonObject &json, MigrationRecord &record);

private:
    void note(const QString &line);

    MigrationRequest m_request;
    LinkFactory m_links;
    MigrationJournal *m_journal;
    Log m_log;
    QStringList m_evidence;
    QStringList m_needs; // choices that would lift the refusal
    MigrationRecord m_record;
    std::unique_ptr<HypervisorLink> m_source;
    std::unique_ptr<HypervisorLink> m_target;
    bool m_targetHadDefinition = false;
    double m_switchoverMs = 0;
    PlacementContext m_placement;
    bool m_claim = false;
    qint64 m_hold = 0;
    qint64 m_targetUsableKiB = -1; // Pools::fit's figure for the target, once checked
};

} // namespace Umbra
