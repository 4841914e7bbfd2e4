#pragma once

#include "policy/automation.h"
#include "policy/fleetpicture.h"
#include "policy/proposal.h"

#include <QHash>
#include <QSet>
#include <functional>

namespace Umbra::Policy {

// The stated limits of the policy: when a signal raises a proposal and when
// it lets go of it (hysteresis, so that a forecast wobbling around a
// threshold raises one proposal, not ten), the margin a move must win by,
// and how often and how much may move.
struct PolicyLimits
{
    double raiseRisk = 0.5, clearRisk = 0.35; // host failure risk within 30 days
    double raiseCpu = 0.9, clearCpu = 0.8; // a host's forecast peak, share of its CPUs
    int shadowBelowHealth = 60, shadowClearHealth = 70; // a VM's health score
    // A move must leave the busier of its two hosts at least this much
    // (share of CPUs) below the source's forecast peak without it.
    double benefitMargin = 0.1;
    qint64 cooldownMs = 30 * 60 * 1000; // after any move of a VM
    // Back to a host the VM left: a day, because load follows the day and a
    // host that was too busy yesterday at this hour will be again.
    qint64 noReturnMs = 24 * 3600 * 1000;
    qint64 lifetimeMs = 3600 * 1000; // a proposal unanswered this long expires
    int maxConcurrentPerHost = 1, maxConcurrentFleet = 2;
    int maxHourlyPerHost = 4, maxHourlyFleet = 12;
    // Traffic: a VM in a load balancer forecast past this share of its
    // vCPUs sheds part of its requests to a peer of its backend, and lets go
    // below the second; the peer must stay under the third with them.
    double shiftAbove = 0.9, shiftClear = 0.75, shiftPeerLimit = 0.8;
    // A primary whose host has been unreachable this long fails over to its
    // shadow in sync (a shorter loss is a blip a failover would make worse).
    qint64 failoverAfterMs = 60 * 1000;
    // A shadow grows to its forecast peak with this headroom and shrinks
    // only when the larger headroom still fits in fewer vCPUs.
    double shadowGrowHeadroom = 1.25, shadowShrinkHeadroom = 1.5;
};

// Turns what prediction says of the fleet into proposed actions, with the
// evidence, the predicted outcome and every rule that held one back:
//
//   host-risk        a host likely to fail: evacuate it, each VM to the
//                    best target by the shared placement ranking, counting
//                    what the moves before it already claimed (so the VMs
//                    spread instead of all landing on the emptiest host);
//   host-saturation  a host whose forecast peak passes its CPUs: move the
//                    VM whose move helps most, if it helps by the margin;
//   vm-health        a VM flagged unhealthy, or forecast past its own vCPUs:
//                    keep a shadow of it;
//   vm-traffic       a VM in a load balancer forecast past its vCPUs: shift
//                    the share of its requests that brings it back under to
//                    the peer of its backend with the most room;
//   shadow-size      a shadow in sync sized off its primary's forecast:
//                    grow or shrink it (standby vCPUs and reservation);
//   shadow-failover  a primary whose host stays unreachable, with a shadow
//                    in sync: fail over to it.
//
// It remembers which triggers are raised and what it proposed, and says
// which proposals no longer hold. Pure: one thread at a time, no I/O.
class PolicyEngine
{
public:
    void setLimits(const PolicyLimits &limits) { m_limits = limits; }
    const PolicyLimits &limits() const { return m_limits; }
    void setAutomation(const AutomationSettings &automation) { m_automation = automation; }
    const AutomationSettings &automation() const { return m_automation; }

    // Proposals still pending from before (a console that restarted): they
    // are current again, and their triggers raised.
    void restore(const QList<Proposal> &pending);

    Evaluation evaluate(const FleetPicture &picture);

private:
    struct Model;
    // Hysteresis: raised above one level, let go only below the other; a
    // trigger let go of is remembered with `whyCleared` for the withdrawals.
    bool raised(const QString &triggerKey, bool above, bool stillAbove,
                const std::function<QString()> &whyCleared);
    std::optional<Proposal> proposeMove(const FleetPicture &picture, Model &model,
                                        const PolicyVm &vm, const PolicyHost &source,
                                        const Trigger &trigger, const QString &group);
    void proposeShadow(const FleetPicture &picture, Model &model, const PolicyVm &vm,
                       const Trigger &trigger, QHash<QString, Proposal> &next);
    void proposeShift(const FleetPicture &picture, Model &model, const PolicyVm &vm,
                      QHash<QString, Proposal> &next);
    void proposeSizing(const FleetPicture &picture, Model &model, const PolicyVm &vm,
                       QHash<QString, Proposal> &next);
    void proposeFailover(const FleetPicture &picture, const PolicyVm &vm,
                         QHash<QString, Proposal> &next);
    // A proposal of `kind` for `vm` at its level, or none when automation is
    // off for it or an operator's answer keeps it quiet.
    std::optional<Proposal> start(const FleetPicture &picture, const QString &kind,
                                  const PolicyVm &vm, const Trigger &trigger) const;
    void hold(const FleetPicture &picture, Model &model, Proposal &proposal);
    void finish(const FleetPicture &picture, Proposal &proposal) const;
    static void commit(Model &model, const Proposal &proposal);

    PolicyLimits m_limits;
    AutomationSettings m_automation;
    QSet<QString> m_raised; // trigger keys: "host-risk:<uri>", …
    QHash<QString, QString> m_cleared; // trigger keys let go of in this evaluation → why
    QHash<QString, Proposal> m_current; // by proposal key
};

} // namespace Umbra::Policy
