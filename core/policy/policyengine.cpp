#include "policy/policyengine.h"

#include "fleet/hosturi.h"
#include "pools/placement.h"
#include "shadow/shadowsizing.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace Umbra::Policy {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Policy)
};

constexpr qint64 kMinuteMs = 60 * 1000;
// Each VM this evaluation already sends to a host costs it this much of the
// placement score: moves onto one target share its link and finish one
// after the other, and a fleet that put every evacuee on one host has
// made that host the next single point of failure.
constexpr double kSpreadPenalty = 8;
constexpr qint64 kHourMs = 60 * kMinuteMs;

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 0);
}

QString minutes(qint64 ms)
{
    return QString::number(std::max<qint64>(1, (ms + kMinuteMs - 1) / kMinuteMs));
}

QString nameOf(const PolicyHost &host)
{
    return host.name.isEmpty() ? HostUri::displayName(host.uri) : host.name;
}

bool touches(const PolicyAction &a, const QString &uri)
{
    return a.fromUri == uri || a.toUri == uri;
}

// A host as the shared placement ranking judges it, with what this
// evaluation has already sent there.
Pools::Candidate candidate(const PolicyHost &h, const std::optional<Pools::Headroom> &room,
                           std::optional<double> peakCpus)
{
    Pools::Candidate c;
    c.hostUri = h.uri;
    c.hostName = nameOf(h);
    c.pool = h.pool;
    c.failureDomain = h.failureDomain;
    c.headroom = room;
    if (!room)
        c.error = Tr::tr("its capacity is not known yet");
    c.cpus = h.cpus;
    c.peakCpus = peakCpus;
    c.failureRisk = h.risk.risk;
    c.health = h.health;
    c.maintenance = h.maintenance;
    return c;
}

Pools::PlacementQuery placementOf(const PolicyVm &vm, Pools::Placing what, const QString &fromUri,
                                  const QString &fromDomain)
{
    Pools::PlacementQuery query;
    query.subject = { what, vm.uuid, vm.name, vm.customer };
    query.demand = { vm.memoryKiB, vm.vcpus };
    query.peakCpus = vm.peakCpus;
    query.sourceHostUri = fromUri;
    query.sourceFailureDomain = fromDomain;
    return query;
}

// The best eligible target, or the one proposed before (`previous`) while it
// is still eligible; a move never counts on others moving first.
const Pools::Ranking *pickTarget(const QList<Pools::Ranking> &ranking, const QString &previous,
                                 bool forcedMovesAllowed)
{
    const Pools::Ranking *chosen = nullptr;
    for (const Pools::Ranking &r : ranking) {
        if (!r.eligible || (!forcedMovesAllowed && r.forcedMoves > 0))
            continue;
        if (!chosen)
            chosen = &r;
        if (!previous.isEmpty() && r.hostUri == previous)
            return &r;
    }
    return chosen;
}

QString vmKey(const QString &uuid)
{
    return QStringLiteral("vm-health:") + uuid;
}

// The trigger a proposal answers: a host's for the host rules, the VM's for
// the others.
QString triggerKeyOf(const Proposal &p)
{
    const bool hostRule = p.trigger.rule == u"host-risk" || p.trigger.rule == u"host-saturation";
    return p.trigger.rule + u':' + (hostRule ? p.sourceUri : p.subjectId);
}

QString timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("ddd HH:mm"));
}

} // namespace

// What the evaluation has committed so far: each proposal's VM counted on
// its target (and off its source) before the next one is placed.
struct PolicyEngine::Model
{
    struct Host
    {
        std::optional<Pools::Headroom> room;
        std::optional<Pools::Headroom> shadowRoom;
        std::optional<double> peakCpus;
        int starting = 0; // automatic actions this evaluation starts here
        int arriving = 0; // VMs this evaluation proposes to move here
    };
    QHash<QString, Host> hosts;
    QSet<QString> evacuating;
    int startingFleet = 0;

    // Read without a copy, and without detaching a trial's copy of the model.
    const Host &host(const QString &uri) const
    {
        static const Host none;
        const auto found = hosts.constFind(uri);
        return found != hosts.cend() ? *found : none;
    }

    void move(const PolicyVm &vm, const QString &from, const QString &to, Pools::Placing what)
    {
        Host &target = hosts[to];
        std::optional<Pools::Headroom> &room
            = what == Pools::Placing::Shadow ? target.shadowRoom : target.room;
        if (room) {
            room->heldKiB += vm.memoryKiB;
            room->heldVcpus += vm.vcpus;
        }
        if (what == Pools::Placing::Shadow)
            return; // a shadow stands by: no CPU at the peak
        target.arriving += 1;
        if (target.peakCpus && vm.peakCpus)
            *target.peakCpus += *vm.peakCpus;
        Host &source = hosts[from];
        if (source.peakCpus && vm.peakCpus)
            source.peakCpus = std::max(0.0, *source.peakCpus - *vm.peakCpus);
    }
};

void PolicyEngine::restore(const QList<Proposal> &pending)
{
    for (const Proposal &p : pending) {
        m_current.insert(p.key(), p);
        m_raised.insert(triggerKeyOf(p));
    }
}

bool PolicyEngine::raised(const QString &triggerKey, bool above, bool stillAbove,
                          const std::function<QString()> &whyCleared)
{
    const bool was = m_raised.contains(triggerKey);
    const bool is = was ? stillAbove : above;
    if (is)
        m_raised.insert(triggerKey);
    else if (m_raised.remove(triggerKey))
        m_cleared.insert(triggerKey, whyCleared());
    return is;
}

Evaluation PolicyEngine::evaluate(const FleetPicture &picture)
{
    Model model;
    for (const PolicyHost &h : picture.hosts)
        model.hosts.insert(h.uri, { h.headroom, h.shadowHeadroom, h.peakCpus, 0 });
    m_cleared.clear();
    QHash<QString, Proposal> next;
    const PolicyLimits &l = m_limits;

    auto vmsOn = [&picture](const QString &uri) {
        QList<PolicyVm> on;
        for (const PolicyVm &vm : picture.vms)
            if (vm.hostUri == uri && vm.running)
                on.append(vm);
        // The largest first: they are the hardest to place.
        std::stable_sort(on.begin(), on.end(), [](const PolicyVm &a, const PolicyVm &b) {
            return a.memoryKiB > b.memoryKiB;
        });
        return on;
    };

    // Hosts at risk, riskiest first: none of them is a target for another.
    QList<const PolicyHost *> byRisk;
    for (const PolicyHost &h : picture.hosts)
        byRisk.append(&h);
    std::stable_sort(byRisk.begin(), byRisk.end(), [](const PolicyHost *a, const PolicyHost *b) {
        return a->risk.risk > b->risk.risk;
    });
    for (const PolicyHost *h : byRisk) {
        const QString key = QStringLiteral("host-risk:") + h->uri;
        const double risk = h->risk.risk;
        if (raised(key, risk >= l.raiseRisk || h->risk.moveVms,
                   risk >= l.clearRisk || h->risk.moveVms, [&] {
                       return Tr::tr("The failure risk of %1 fell to %2 %, below %3 %.")
                           .arg(nameOf(*h), percent(risk), percent(l.clearRisk));
                   }))
            model.evacuating.insert(h->uri);
    }
    // A host the operator put in maintenance is emptied as well, by its own rule.
    QSet<QString> maintenance;
    for (const PolicyHost &h : picture.hosts) {
        if (h.maintenance && h.reachable && !model.evacuating.contains(h.uri)) {
            maintenance.insert(h.uri);
            model.evacuating.insert(h.uri);
        }
    }
    for (const PolicyHost *h : byRisk) {
        if (!model.evacuating.contains(h->uri))
            continue;
        Trigger trigger;
        if (maintenance.contains(h->uri)) {
            trigger.rule = QStringLiteral("host-maintenance");
            trigger.signal = QStringLiteral("maintenance");
            trigger.value = 1;
            trigger.threshold = 1;
            trigger.sentence = Tr::tr("%1 is in maintenance: its VMs go to other hosts before "
                                      "it is serviced.")
                                   .arg(nameOf(*h));
            for (const PolicyVm &vm : vmsOn(h->uri)) {
                if (auto p = proposeMove(picture, model, vm, *h, trigger, h->uri))
                    next.insert(p->key(), *p);
            }
            continue;
        }
        trigger.rule = QStringLiteral("host-risk");
        trigger.signal = QStringLiteral("failure-risk");
        trigger.value = h->risk.risk;
        trigger.threshold = l.raiseRisk;
        trigger.sentence = h->risk.risk >= l.raiseRisk
            ? Tr::tr("%1 is likely to fail: %2 % within 30 days (the policy acts from %3 %).")
                  .arg(nameOf(*h), percent(h->risk.risk), percent(l.raiseRisk))
            : Tr::tr("%1 should be emptied now, by failure prediction (risk %2 % within 30 "
                     "days).")
                  .arg(nameOf(*h), percent(h->risk.risk));
        for (const PolicyVm &vm : vmsOn(h->uri)) {
            if (auto p = proposeMove(picture, model, vm, *h, trigger, h->uri))
                next.insert(p->key(), *p);
        }
    }

    // Hosts forecast to saturate: one move each per evaluation, the one that
    // helps most; what it predicts is measured again at the next.
    for (const PolicyHost &h : picture.hosts) {
        if (model.evacuating.contains(h.uri) || h.cpus <= 0 || !h.peakCpus)
            continue;
        const QString key = QStringLiteral("host-saturation:") + h.uri;
        const double share = *h.peakCpus / h.cpus;
        if (!raised(key, share >= l.raiseCpu, share >= l.clearCpu, [&] {
                return Tr::tr("The forecast peak of %1 fell to %2 % of its CPUs, below %3 %.")
                    .arg(nameOf(h), percent(share), percent(l.clearCpu));
            }))
            continue;
        Trigger trigger;
        trigger.rule = QStringLiteral("host-saturation");
        trigger.signal = QStringLiteral("cpu-forecast");
        trigger.value = share;
        trigger.threshold = l.raiseCpu;
        trigger.sentence = Tr::tr("%1 is forecast to peak at %2 % of its %3 CPUs (the policy acts "
                                  "from %4 %).")
                               .arg(nameOf(h), percent(share))
                               .arg(h.cpus)
                               .arg(percent(l.raiseCpu));
        if (h.cpuCrossing.pointMs)
            trigger.sentence += u' '
                + Tr::tr("Saturation expected at %1 (95 % band: %2 to %3).")
                      .arg(QDateTime::fromMSecsSinceEpoch(*h.cpuCrossing.pointMs)
                               .toString(QStringLiteral("ddd HH:mm")),
                           h.cpuCrossing.earliestMs
                               ? QDateTime::fromMSecsSinceEpoch(*h.cpuCrossing.earliestMs)
                                     .toString(QStringLiteral("ddd HH:mm"))
                               : Tr::tr("now"),
                           h.cpuCrossing.latestMs
                               ? QDateTime::fromMSecsSinceEpoch(*h.cpuCrossing.latestMs)
                                     .toString(QStringLiteral("ddd HH:mm"))
                               : Tr::tr("beyond the horizon"));

        // Try each VM on a scratch copy of the model; keep the one that
        // leaves the busier host lowest. The VM proposed before keeps its
        // place while it still passes the benefit check: a new favourite
        // by a hair would be churn.
        struct Trial
        {
            Proposal proposal;
            Model model;
            double worst = 0;
        };
        std::optional<Trial> best;
        for (const PolicyVm &vm : vmsOn(h.uri)) {
            if (!vm.peakCpus || *vm.peakCpus <= 0)
                continue;
            Model trial = model;
            std::optional<Proposal> p = proposeMove(picture, trial, vm, h, trigger, {});
            if (!p || p->targetUri.isEmpty())
                continue;
            const double worst = std::max(p->outcome.value(u"sourcePeakAfter").toDouble(),
                                          p->outcome.value(u"targetPeakAfter").toDouble());
            const bool previous = m_current.contains(p->key());
            if (previous && worst <= share - l.benefitMargin) {
                best = Trial{ *p, trial, worst };
                break;
            }
            if (!best || worst < best->worst)
                best = Trial{ *p, trial, worst };
        }
        if (!best)
            continue;
        if (best->worst > share - l.benefitMargin) {
            // Visible, with why, but nothing may act on it.
            best->proposal.heldBy.prepend(
                Tr::tr("Benefit check: after the move the busier host would peak at %1 %, "
                       "not %2 points below the %3 % of doing nothing.")
                    .arg(percent(best->worst), percent(l.benefitMargin), percent(share)));
            best->proposal.automatic = false;
            next.insert(best->proposal.key(), best->proposal);
            continue;
        }
        model = best->model;
        next.insert(best->proposal.key(), best->proposal);
    }

    // VMs flagged, or forecast past their own vCPUs: keep a shadow.
    for (const PolicyVm &vm : picture.vms) {
        if (!vm.running)
            continue;
        const bool overCapacity = vm.peakCpus && vm.vcpus > 0 && *vm.peakCpus > vm.vcpus;
        const bool nearCapacity = vm.peakCpus && vm.vcpus > 0 && *vm.peakCpus > 0.9 * vm.vcpus;
        const QString key = vmKey(vm.uuid);
        if (!raised(key, vm.health.score < l.shadowBelowHealth || overCapacity,
                    vm.health.score < l.shadowClearHealth || nearCapacity, [&] {
                        return Tr::tr("%1 is healthy again (%2 of 100) and within its vCPUs.")
                            .arg(vm.name)
                            .arg(vm.health.score);
                    }))
            continue;
        if (vm.hasShadow)
            continue;
        Trigger trigger;
        trigger.rule = QStringLiteral("vm-health");
        if (vm.health.score < l.shadowClearHealth || !overCapacity) {
            trigger.signal = QStringLiteral("health");
            trigger.value = vm.health.score;
            trigger.threshold = l.shadowBelowHealth;
            const QString why = Predict::flagReason(vm.health);
            trigger.sentence
                = Tr::tr("%1 scores %2 of 100 (the policy acts below %3)%4")
                      .arg(vm.name)
                      .arg(vm.health.score)
                      .arg(l.shadowBelowHealth)
                      .arg(why.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + why);
        } else {
            trigger.signal = QStringLiteral("vm-cpu-forecast");
            trigger.value = *vm.peakCpus;
            trigger.threshold = vm.vcpus;
            trigger.sentence = Tr::tr("%1 is forecast to need %2 CPUs at its peak, more than its "
                                      "%3 vCPUs.")
                                   .arg(vm.name)
                                   .arg(*vm.peakCpus, 0, 'f', 1)
                                   .arg(vm.vcpus);
        }
        proposeShadow(picture, model, vm, trigger, next);
    }

    // What the traffic and the shadows answer, VM by VM.
    for (const PolicyVm &vm : picture.vms) {
        proposeShift(picture, model, vm, next);
        proposeSizing(picture, model, vm, next);
        proposeFailover(picture, vm, next);
    }

    // What was proposed before and is not any more withdraws, saying why.
    Evaluation out;
    for (auto it = m_current.cbegin(); it != m_current.cend(); ++it) {
        const Proposal &before = it.value();
        const auto now = next.constFind(it.key());
        if (now != next.cend() && now->raisedMs == before.raisedMs)
            continue;
        QString reason;
        const auto vm = std::find_if(picture.vms.cbegin(), picture.vms.cend(),
                                     [&](const PolicyVm &v) { return v.uuid == before.subjectId; });
        if (now != next.cend() && before.expiresMs <= picture.nowMs)
            reason = Tr::tr("Expired: nobody answered it within %n minute(s); raised again.",
                            nullptr, int(l.lifetimeMs / kMinuteMs));
        else if (now != next.cend() && now->action != before.action)
            reason = Tr::tr("The forecast changed; proposed again: %1.").arg(now->summary());
        else if (now != next.cend())
            reason = Tr::tr("%1 cannot take it any more; proposed again with %2.")
                         .arg(HostUri::displayName(before.targetUri),
                              now->targetUri.isEmpty() ? Tr::tr("no target")
                                                       : HostUri::displayName(now->targetUri));
        else if (vm == picture.vms.cend())
            reason = Tr::tr("%1 is gone.").arg(before.subject);
        else if (before.kind == u"migrate" && vm->hostUri != before.sourceUri)
            reason = Tr::tr("%1 has left %2.")
                         .arg(before.subject, HostUri::displayName(before.sourceUri));
        else if (before.kind == u"shadow.create" && vm->hasShadow)
            reason = Tr::tr("%1 has a shadow now.").arg(before.subject);
        else if (before.kind.startsWith(u"shadow.") && before.kind != u"shadow.create"
                 && !vm->hasShadow)
            reason = Tr::tr("%1 has no shadow any more.").arg(before.subject);
        else if (before.kind == u"shadow.failover" && vm->shadow && !vm->shadow->inSync)
            reason = Tr::tr("The shadow of %1 is %2, not in sync.")
                         .arg(before.subject, vm->shadow->state);
        else if (before.kind == u"shadow.scale" && vm->shadow
                 && vm->shadow->vcpus == before.action.value(u"vcpus").toInt())
            reason = Tr::tr("The shadow of %1 has %2 vCPUs now.")
                         .arg(before.subject)
                         .arg(vm->shadow->vcpus);
        else if (const QString triggerKey = triggerKeyOf(before); m_cleared.contains(triggerKey))
            reason = m_cleared.value(triggerKey);
        else if (picture.quiet.contains(it.key()))
            reason = picture.quiet.value(it.key()).why;
        else if (m_automation.levelFor(before.subjectId, {}) == AutomationLevel::Off)
            reason = Tr::tr("Automation is off for %1.").arg(before.subject);
        else
            reason = Tr::tr("Its reason no longer holds.");
        out.withdrawn.append({ it.key(), reason });
    }
    m_current = next;

    out.proposals = next.values();
    // Most urgent first: the surest, then the oldest.
    std::stable_sort(out.proposals.begin(), out.proposals.end(),
                     [](const Proposal &a, const Proposal &b) {
                         if (a.confidence != b.confidence)
                             return a.confidence > b.confidence;
                         if (a.raisedMs != b.raisedMs)
                             return a.raisedMs < b.raisedMs;
                         return a.subject < b.subject;
                     });
    return out;
}

std::optional<Proposal> PolicyEngine::proposeMove(const FleetPicture &picture, Model &model,
                                                  const PolicyVm &vm, const PolicyHost &source,
                                                  const Trigger &trigger, const QString &group)
{
    // A host that does not answer cannot send its VMs anywhere.
    if (!source.reachable)
        return std::nullopt;
    std::optional<Proposal> started = start(picture, QStringLiteral("migrate"), vm, trigger);
    if (!started)
        return std::nullopt;
    Proposal p = *started;
    p.group = group;
    if (trigger.rule == u"host-risk")
        for (const Hardware::HostRiskFactor &f : source.risk.breakdown)
            p.evidence.append(Tr::tr("%1 (%2 % of the risk)").arg(f.sentence, percent(f.share)));
    if (vm.peakCpus)
        p.evidence.append(Tr::tr("%1 is forecast to peak at %2 of its %3 vCPUs.")
                              .arg(vm.name)
                              .arg(*vm.peakCpus, 0, 'f', 1)
                              .arg(vm.vcpus));

    // Every host but the source and those being emptied, less any the VM
    // left lately whose risk has not fallen since.
    QList<Pools::Candidate> candidates;
    for (const PolicyHost &h : picture.hosts) {
        if (h.uri == source.uri || model.evacuating.contains(h.uri) || !h.reachable)
            continue;
        const auto left = std::find_if(
            picture.actions.crbegin(), picture.actions.crend(), [&](const PolicyAction &a) {
                return a.moves && a.vmUuid == vm.uuid && a.fromUri == h.uri && a.finishedMs > 0
                    && picture.nowMs - a.finishedMs < m_limits.noReturnMs;
            });
        if (left != picture.actions.crend() && !(left->fromRisk && h.risk.risk < *left->fromRisk)) {
            p.evidence.append(
                Tr::tr("Not back to %1: %2 left it %3 minutes ago and its risk has "
                       "not fallen since.")
                    .arg(nameOf(h), vm.name, minutes(picture.nowMs - left->finishedMs)));
            continue;
        }
        const Model::Host &room = model.host(h.uri);
        candidates.append(candidate(h, room.room, room.peakCpus));
    }
    // Only the target chosen is put in words, below.
    Pools::PlacementQuery query
        = placementOf(vm, Pools::Placing::Vm, source.uri, source.failureDomain);
    query.explain = false;
    QList<Pools::Ranking> ranking = Pools::rank(query, candidates);
    for (Pools::Ranking &r : ranking) {
        const int arriving = model.host(r.hostUri).arriving;
        if (r.eligible && arriving > 0)
            r.score -= kSpreadPenalty * arriving;
    }
    std::stable_sort(ranking.begin(), ranking.end(),
                     [](const Pools::Ranking &a, const Pools::Ranking &b) {
                         if (a.eligible != b.eligible)
                             return a.eligible;
                         return a.score > b.score;
                     });

    // The target proposed before stays while it is still eligible: a
    // proposal whose target flips at each evaluation cannot be approved.
    const Proposal before = m_current.value(p.key());
    const Pools::Ranking *chosen
        = pickTarget(ranking, before.sourceUri == source.uri ? before.targetUri : QString(), false);
    if (!chosen) {
        p.heldBy.append(ranking.isEmpty()
                            ? Tr::tr("No other host can take it.")
                            : Tr::tr("No host can take it: %1 — %2")
                                  .arg(ranking.first().hostName, ranking.first().refusal));
        finish(picture, p);
        return p;
    }
    p.targetUri = chosen->hostUri;
    const auto chosenCandidate
        = std::find_if(candidates.cbegin(), candidates.cend(),
                       [&](const Pools::Candidate &c) { return c.hostUri == chosen->hostUri; });
    QStringList reasons = Pools::reasonsFor(query, *chosenCandidate);
    if (const int arriving = model.host(chosen->hostUri).arriving; arriving > 0)
        reasons.append(
            Tr::tr("Already proposed to take %n other VM(s) now: −%1.", nullptr, arriving)
                .arg(kSpreadPenalty * arriving));
    for (const QString &reason : std::as_const(reasons))
        p.evidence.append(Tr::tr("Target %1: %2").arg(chosen->hostName, reason));

    // The predicted outcome: both hosts at the forecast peak, after the move.
    const PolicyHost *target = picture.host(p.targetUri);
    const Model::Host sourceBefore = model.hosts.value(source.uri);
    model.move(vm, source.uri, p.targetUri, Pools::Placing::Vm);
    const Model::Host sourceAfter = model.hosts.value(source.uri);
    const Model::Host targetAfter = model.hosts.value(p.targetUri);
    QJsonObject outcome;
    if (source.cpus > 0 && sourceBefore.peakCpus) {
        outcome.insert(QStringLiteral("sourcePeakBefore"), *sourceBefore.peakCpus / source.cpus);
        outcome.insert(QStringLiteral("sourcePeakAfter"), *sourceAfter.peakCpus / source.cpus);
    }
    if (target && target->cpus > 0 && targetAfter.peakCpus)
        outcome.insert(QStringLiteral("targetPeakAfter"), *targetAfter.peakCpus / target->cpus);
    if (targetAfter.room)
        outcome.insert(QStringLiteral("targetMemoryLeftKiB"),
                       double(targetAfter.room->memoryKiB()));
    if (target && target->health)
        outcome.insert(QStringLiteral("healthAfter"), *target->health);
    outcome.insert(QStringLiteral("score"), chosen->score);
    p.outcome = outcome;
    p.cost = Tr::tr("One live migration of %1 MiB.").arg(vm.memoryKiB / 1024);
    hold(picture, model, p);
    finish(picture, p);
    commit(model, p);
    return p;
}

void PolicyEngine::proposeShadow(const FleetPicture &picture, Model &model, const PolicyVm &vm,
                                 const Trigger &trigger, QHash<QString, Proposal> &next)
{
    const PolicyHost *source = picture.host(vm.hostUri);
    std::optional<Proposal> started = start(picture, QStringLiteral("shadow.create"), vm, trigger);
    if (!started)
        return;
    Proposal p = *started;
    for (const Predict::HealthFactor &f : vm.health.breakdown)
        p.evidence.append(Tr::tr("−%1: %2").arg(f.points).arg(f.sentence));

    QList<Pools::Candidate> candidates;
    for (const PolicyHost &h : picture.hosts) {
        if (!h.reachable || model.evacuating.contains(h.uri))
            continue;
        const Model::Host &room = model.host(h.uri);
        candidates.append(candidate(h, room.shadowRoom, room.peakCpus));
    }
    const Pools::PlacementQuery query = placementOf(vm, Pools::Placing::Shadow, vm.hostUri,
                                                    source ? source->failureDomain : QString());
    const QList<Pools::Ranking> ranking = Pools::rank(query, candidates);
    const Proposal before = m_current.value(p.key());
    const Pools::Ranking *chosen = pickTarget(ranking, before.targetUri, true);
    if (chosen) {
        p.targetUri = chosen->hostUri;
        for (const QString &reason : chosen->reasons)
            p.evidence.append(Tr::tr("Shadow host %1: %2").arg(chosen->hostName, reason));
        model.move(vm, vm.hostUri, p.targetUri, Pools::Placing::Shadow);
        if (auto room = model.hosts.value(p.targetUri).shadowRoom)
            p.outcome.insert(QStringLiteral("targetMemoryLeftKiB"), double(room->memoryKiB()));
        p.outcome.insert(QStringLiteral("score"), chosen->score);
    } else {
        p.heldBy.append(ranking.isEmpty()
                            ? Tr::tr("No shadow host is known.")
                            : Tr::tr("No shadow host can take it: %1 — %2")
                                  .arg(ranking.first().hostName, ranking.first().refusal));
    }
    // A VM running short of CPU is not cured by a shadow, but a host that
    // fails under it then costs a failover, not an outage.
    p.outcome.insert(QStringLiteral("rpoSeconds"), 0);
    p.cost = Tr::tr("A standby copy: %1 MiB and %2 vCPUs reserved on the shadow host, and the "
                    "replication of every disk write.")
                 .arg(vm.memoryKiB / 1024)
                 .arg(vm.vcpus);
    if (chosen)
        hold(picture, model, p);
    finish(picture, p);
    commit(model, p);
    next.insert(p.key(), p);
}

std::optional<Proposal> PolicyEngine::start(const FleetPicture &picture, const QString &kind,
                                            const PolicyVm &vm, const Trigger &trigger) const
{
    const PolicyHost *host = picture.host(vm.hostUri);
    const AutomationLevel level
        = m_automation.levelFor(vm.uuid, host ? host->pool.name : QString());
    if (level == AutomationLevel::Off)
        return std::nullopt;
    Proposal p;
    p.kind = kind;
    p.subject = vm.name;
    p.subjectId = vm.uuid;
    if (const Quiet quiet = picture.quiet.value(p.key()); quiet.untilMs > picture.nowMs)
        return std::nullopt;
    p.level = level;
    p.sourceUri = vm.hostUri;
    p.trigger = trigger;
    p.evidence.append(trigger.sentence);
    return p;
}

void PolicyEngine::proposeShift(const FleetPicture &picture, Model &model, const PolicyVm &vm,
                                QHash<QString, Proposal> &next)
{
    const PolicyLimits &l = m_limits;
    const PolicyHost *on = picture.host(vm.hostUri);
    if (!vm.running || vm.servers.isEmpty() || !vm.peakCpus || vm.vcpus <= 0 || *vm.peakCpus <= 0
        || (on && !on->reachable))
        return;
    const QString key = QStringLiteral("vm-traffic:") + vm.uuid;
    const double share = *vm.peakCpus / vm.vcpus;
    if (!raised(key, share >= l.shiftAbove, share >= l.shiftClear, [&] {
            return Tr::tr("The forecast peak of %1 fell to %2 % of its vCPUs, below %3 %.")
                .arg(vm.name, percent(share), percent(l.shiftClear));
        }))
        return;
    // The peers: the other VMs serving a backend the VM serves, up by its
    // checks.
    struct Peer
    {
        const PolicyVm *vm;
        const PolicyServer *from; // the VM's server in that backend
        const PolicyServer *to;
        double after; // its peak with the shifted requests, share of its vCPUs
    };
    QList<Peer> peers;
    // The share of requests that brings the VM back under the clearing
    // level, on the assumption that its CPU follows its requests; in steps
    // of 5 %, never more than half (a shift is a relief, not a move). It
    // only grows while raised: a shift that changes at each evaluation
    // cannot be approved.
    const Proposal before = m_current.value(QStringLiteral("traffic.shift:") + vm.uuid);
    double percentShed
        = std::clamp(std::ceil((1.0 - l.shiftClear / share) * 20.0) * 5.0, 5.0, 50.0);
    percentShed = std::max(percentShed, before.action.value(u"percent").toDouble());
    const double shed = *vm.peakCpus * percentShed / 100.0;
    for (const PolicyServer &from : vm.servers)
        for (const PolicyVm &other : picture.vms) {
            if (other.uuid == vm.uuid || !other.running || other.vcpus <= 0)
                continue;
            for (const PolicyServer &to : other.servers)
                if (to.up && to.balancer == from.balancer && to.backend == from.backend)
                    peers.append(
                        { &other, &from, &to, (other.peakCpus.value_or(0) + shed) / other.vcpus });
        }
    if (peers.isEmpty())
        return; // nobody to shift to: the other rules answer
    std::stable_sort(peers.begin(), peers.end(),
                     [](const Peer &a, const Peer &b) { return a.after < b.after; });
    Trigger trigger;
    trigger.rule = QStringLiteral("vm-traffic");
    trigger.signal = QStringLiteral("vm-cpu-forecast");
    trigger.value = share;
    trigger.threshold = l.shiftAbove;
    trigger.sentence = Tr::tr("%1 is forecast to peak at %2 % of its %3 vCPUs (the policy shifts "
                              "traffic from %4 %).")
                           .arg(vm.name, percent(share))
                           .arg(vm.vcpus)
                           .arg(percent(l.shiftAbove));
    std::optional<Proposal> p = start(picture, QStringLiteral("traffic.shift"), vm, trigger);
    if (!p)
        return;
    // The peer proposed before stays while it still has room.
    const Peer *chosen = &peers.first();
    for (const Peer &peer : std::as_const(peers))
        if (peer.to->server == before.action.value(u"to").toString()
            && peer.to->backend == before.action.value(u"backend").toString()
            && peer.after <= l.shiftPeerLimit)
            chosen = &peer;
    const PolicyServer &from = *chosen->from;
    p->targetUri = chosen->vm->hostUri;
    p->action = {
        { QStringLiteral("balancer"), from.balancer }, { QStringLiteral("backend"), from.backend },
        { QStringLiteral("from"), from.server },       { QStringLiteral("to"), chosen->to->server },
        { QStringLiteral("toVm"), chosen->vm->uuid },  { QStringLiteral("percent"), percentShed }
    };
    for (const Peer &peer : std::as_const(peers))
        p->evidence.append(
            Tr::tr("Peer %1 (%2/%3): forecast peak %4 of its %5 vCPUs; %6 % with the shift.")
                .arg(peer.vm->name, peer.to->backend, peer.to->server)
                .arg(peer.vm->peakCpus.value_or(0), 0, 'f', 1)
                .arg(peer.vm->vcpus)
                .arg(percent(peer.after)));
    p->outcome = { { QStringLiteral("sourcePeakBefore"), share },
                   { QStringLiteral("sourcePeakAfter"), share * (1.0 - percentShed / 100.0) },
                   { QStringLiteral("targetPeakAfter"), chosen->after } };
    p->cost = Tr::tr("HAProxy weights changed in steps, each held and gated on the receiving "
                     "server's errors and response time; Restore puts them back.");
    if (chosen->after > l.shiftPeerLimit)
        p->heldBy.append(Tr::tr("No peer has room: %1 would peak at %2 % of its vCPUs with "
                                "%3 % of the requests (at most %4 %).")
                             .arg(chosen->vm->name, percent(chosen->after))
                             .arg(percentShed)
                             .arg(percent(l.shiftPeerLimit)));
    // Two shifts in one backend would each undo the other's weights.
    for (const Proposal &other : std::as_const(next))
        if (other.kind == u"traffic.shift"
            && other.action.value(u"balancer") == p->action.value(u"balancer")
            && other.action.value(u"backend") == p->action.value(u"backend")) {
            p->heldBy.append(Tr::tr("One shift at a time in backend %1: %2 goes first.")
                                 .arg(from.backend, other.summary()));
            break;
        }
    hold(picture, model, *p);
    finish(picture, *p);
    commit(model, *p);
    next.insert(p->key(), *p);
}

void PolicyEngine::proposeSizing(const FleetPicture &picture, Model &model, const PolicyVm &vm,
                                 QHash<QString, Proposal> &next)
{
    // A primary out of reach has no forecast worth sizing by.
    const PolicyHost *on = picture.host(vm.hostUri);
    if (!vm.running || !vm.shadow || !vm.shadow->inSync || (on && !on->reachable))
        return;
    const PolicyShadow &shadow = *vm.shadow;
    Shadow::SizingInput in;
    in.primaryVcpus = vm.vcpus;
    in.primaryMemoryKiB = vm.memoryKiB;
    in.peakCpus = vm.peakCpus;
    in.health = vm.health.score;
    in.flaggedBelow = m_limits.shadowBelowHealth;
    in.headroom = m_limits.shadowGrowHeadroom;
    const Shadow::Sizing grow = Shadow::sizeShadow(in);
    in.headroom = m_limits.shadowShrinkHeadroom;
    const Shadow::Sizing shrink = Shadow::sizeShadow(in);
    // Between the two the size holds: a forecast wobbling by a fraction of
    // a CPU does not redefine the standby each time.
    const QString key = QStringLiteral("shadow-size:") + vm.uuid;
    const bool up = grow.vcpus > shadow.vcpus;
    const bool down = shrink.vcpus < shadow.vcpus;
    if (!raised(key, up || down, up || down, [&] {
            return Tr::tr("The shadow of %1 fits its forecast at %2 vCPUs.")
                .arg(vm.name)
                .arg(shadow.vcpus);
        }))
        return;
    const Shadow::Sizing &sizing = up ? grow : shrink;
    Trigger trigger;
    trigger.rule = QStringLiteral("shadow-size");
    trigger.signal = vm.peakCpus ? QStringLiteral("vm-cpu-forecast") : QStringLiteral("health");
    trigger.value = vm.peakCpus.value_or(vm.health.score);
    trigger.threshold = shadow.vcpus;
    trigger.sentence = up ? Tr::tr("The shadow of %1 has %2 vCPUs; it should have %3: %4.")
                                .arg(vm.name)
                                .arg(shadow.vcpus)
                                .arg(sizing.vcpus)
                                .arg(sizing.reason)
                          : Tr::tr("The shadow of %1 holds %2 vCPUs; %3 are enough: %4.")
                                .arg(vm.name)
                                .arg(shadow.vcpus)
                                .arg(sizing.vcpus)
                                .arg(sizing.reason);
    std::optional<Proposal> p = start(picture, QStringLiteral("shadow.scale"), vm, trigger);
    if (!p)
        return;
    p->targetUri = shadow.hostUri;
    p->action = { { QStringLiteral("vcpus"), sizing.vcpus },
                  { QStringLiteral("vcpusBefore"), shadow.vcpus },
                  { QStringLiteral("memoryKiB"), double(sizing.memoryKiB) },
                  { QStringLiteral("reason"), sizing.reason } };
    p->evidence.append(
        Tr::tr("%1 on %2 is in sync since %3.")
            .arg(shadow.name, HostUri::displayName(shadow.hostUri), timeOf(shadow.syncedMs)));
    const int more = sizing.vcpus - shadow.vcpus;
    p->outcome = { { QStringLiteral("vcpusAfter"), sizing.vcpus } };
    if (const auto room = model.hosts.value(shadow.hostUri).shadowRoom) {
        p->outcome.insert(QStringLiteral("targetVcpuSlotsLeft"), room->vcpuSlots() - more);
        if (more > room->vcpuSlots())
            p->heldBy.append(Tr::tr("%1 has %2 vCPU slots left for shadows; the shadow needs %3 "
                                    "more.")
                                 .arg(HostUri::displayName(shadow.hostUri))
                                 .arg(room->vcpuSlots())
                                 .arg(more));
    }
    p->cost = more > 0 ? Tr::tr("The standby is redefined with %1 vCPUs and %2 reserves %3 more; "
                                "%4 is not touched.")
                             .arg(sizing.vcpus)
                             .arg(HostUri::displayName(shadow.hostUri))
                             .arg(more)
                             .arg(vm.name)
                       : Tr::tr("The standby is redefined with %1 vCPUs and %2 frees %3; %4 is "
                                "not touched.")
                             .arg(sizing.vcpus)
                             .arg(HostUri::displayName(shadow.hostUri))
                             .arg(-more)
                             .arg(vm.name);
    hold(picture, model, *p);
    finish(picture, *p);
    commit(model, *p);
    next.insert(p->key(), *p);
}

void PolicyEngine::proposeFailover(const FleetPicture &picture, const PolicyVm &vm,
                                   QHash<QString, Proposal> &next)
{
    const PolicyHost *host = picture.host(vm.hostUri);
    if (!host || !vm.shadow)
        return;
    const QString key = QStringLiteral("shadow-failover:") + vm.uuid;
    const qint64 lostMs = host->reachable || host->unreachableSinceMs <= 0
        ? 0
        : picture.nowMs - host->unreachableSinceMs;
    if (!raised(key, lostMs >= m_limits.failoverAfterMs && vm.shadow->inSync, lostMs > 0,
                [&] { return Tr::tr("%1 is reachable again.").arg(nameOf(*host)); }))
        return;
    const PolicyShadow &shadow = *vm.shadow;
    Trigger trigger;
    trigger.rule = QStringLiteral("shadow-failover");
    trigger.signal = QStringLiteral("host-unreachable");
    trigger.value = double(lostMs) / 1000.0;
    trigger.threshold = double(m_limits.failoverAfterMs) / 1000.0;
    trigger.sentence
        = Tr::tr("%1, the host of %2, has been unreachable since %3 (%4 minutes; "
                 "the policy fails over after %5 s).")
              .arg(nameOf(*host), vm.name, timeOf(host->unreachableSinceMs), minutes(lostMs))
              .arg(m_limits.failoverAfterMs / 1000);
    std::optional<Proposal> p = start(picture, QStringLiteral("shadow.failover"), vm, trigger);
    if (!p)
        return;
    p->targetUri = shadow.hostUri;
    p->evidence.append(Tr::tr("%1 on %2 is %3 since %4: every write %5 acknowledged is in it.")
                           .arg(shadow.name, HostUri::displayName(shadow.hostUri), shadow.state,
                                timeOf(shadow.syncedMs), vm.name));
    const bool validated = shadow.validatedMs > 0 && shadow.validationPassed;
    p->evidence.append(
        validated ? Tr::tr("Its last validation, %1, booted a copy of it.")
                        .arg(timeOf(shadow.validatedMs))
            : shadow.validatedMs > 0
            ? Tr::tr("Its last validation, %1, failed.").arg(timeOf(shadow.validatedMs))
            : Tr::tr("It has not been validated yet."));
    p->outcome = { { QStringLiteral("rpoWrites"), 0 },
                   { QStringLiteral("validated"), validated },
                   { QStringLiteral("vcpusAfter"), shadow.vcpus } };
    if (shadow.rtoMs >= 0)
        p->outcome.insert(QStringLiteral("rtoSeconds"), double(shadow.rtoMs) / 1000.0);
    p->cost = Tr::tr("%1 is fenced and must not start on %2 again; %3 becomes the service, with "
                     "no shadow until a new one is made.")
                  .arg(vm.name, nameOf(*host), shadow.name);
    // An outage is not thrash: no cooldown or rate limit holds a failover
    // back, only the operator's level and the maintenance window.
    finish(picture, *p);
    next.insert(p->key(), *p);
}

void PolicyEngine::hold(const FleetPicture &picture, Model &model, Proposal &p)
{
    const PolicyLimits &l = m_limits;
    const qint64 now = picture.nowMs;
    int runningFleet = 0;
    int hourFleet = 0;
    for (const PolicyAction &a : picture.actions) {
        runningFleet += a.finishedMs == 0;
        hourFleet += now - a.startedMs < kHourMs;
    }
    // After a move the VM's own signals settle (a gap in its samples, a new
    // host's figures): nothing acts on it again during the cooldown.
    for (const PolicyAction &a : picture.actions) {
        const qint64 sinceMs = now - (a.finishedMs > 0 ? a.finishedMs : now);
        if (p.kind == u"traffic.shift" && a.peerVmUuid == p.subjectId && sinceMs < l.cooldownMs)
            p.heldBy.append(Tr::tr("Cooldown: %1 took over requests %2 minutes ago; it does not "
                                   "shed them again for %3 minutes.")
                                .arg(p.subject, minutes(sinceMs), minutes(l.cooldownMs - sinceMs)));
        if (a.vmUuid != p.subjectId || !a.moves)
            continue;
        if (a.finishedMs == 0)
            p.heldBy.append(Tr::tr("%1 is moving already.").arg(p.subject));
        else if (now - a.finishedMs < l.cooldownMs)
            p.heldBy.append(Tr::tr("Cooldown: %1 moved %2 minutes ago; the policy may act on it "
                                   "again in %3 minutes.")
                                .arg(p.subject, minutes(now - a.finishedMs),
                                     minutes(l.cooldownMs - (now - a.finishedMs))));
    }
    for (const QString &uri : { p.sourceUri, p.targetUri }) {
        if (uri.isEmpty() || (p.kind != u"migrate" && uri == p.sourceUri))
            continue;
        int running = model.host(uri).starting;
        int hour = model.host(uri).starting;
        for (const PolicyAction &a : picture.actions) {
            if (!touches(a, uri))
                continue;
            running += a.finishedMs == 0;
            hour += now - a.startedMs < kHourMs;
        }
        const QString host = HostUri::displayName(uri);
        if (running >= l.maxConcurrentPerHost)
            p.heldBy.append(Tr::tr("Limit: %1 has %n action(s) under way (at most %2 at a time "
                                   "per host).",
                                   nullptr, running)
                                .arg(host)
                                .arg(l.maxConcurrentPerHost));
        else if (hour >= l.maxHourlyPerHost)
            p.heldBy.append(Tr::tr("Limit: %1 had %2 actions in the last hour (at most %3 per "
                                   "host).")
                                .arg(host)
                                .arg(hour)
                                .arg(l.maxHourlyPerHost));
    }
    if (runningFleet + model.startingFleet >= l.maxConcurrentFleet)
        p.heldBy.append(Tr::tr("Limit: %1 actions are under way in the fleet (at most %2 at a "
                               "time).")
                            .arg(runningFleet + model.startingFleet)
                            .arg(l.maxConcurrentFleet));
    else if (hourFleet + model.startingFleet >= l.maxHourlyFleet)
        p.heldBy.append(Tr::tr("Limit: %1 actions in the fleet in the last hour (at most %2).")
                            .arg(hourFleet + model.startingFleet)
                            .arg(l.maxHourlyFleet));
}

void PolicyEngine::commit(Model &model, const Proposal &p)
{
    // Automatic actions count against the limits of those placed after them.
    if (!p.automatic)
        return;
    model.hosts[p.targetUri].starting += 1;
    if (p.kind == u"migrate")
        model.hosts[p.sourceUri].starting += 1;
    model.startingFleet += 1;
}

void PolicyEngine::finish(const FleetPicture &picture, Proposal &p) const
{
    const Proposal before = m_current.value(p.key());
    const bool continues = !before.subjectId.isEmpty() && before.expiresMs > picture.nowMs
        && before.targetUri == p.targetUri && before.sourceUri == p.sourceUri
        && before.action == p.action;
    p.raisedMs = continues ? before.raisedMs : picture.nowMs;
    p.expiresMs = p.raisedMs + m_limits.lifetimeMs;

    const Trigger &t = p.trigger;
    if (t.rule == u"host-risk")
        // Below the threshold only when failure prediction asks for it
        // outright (a drive about to go, an uncorrectable error).
        p.confidence = t.value >= 0.9       ? 5
            : t.value >= 0.75               ? 4
            : t.value >= m_limits.raiseRisk ? 3
                                            : 4;
    else if (t.rule == u"host-saturation") {
        const PolicyHost *h = picture.host(p.sourceUri);
        p.confidence = h && h->cpuCrossing.latestMs ? 5 : h && h->cpuCrossing.pointMs ? 4 : 3;
    } else if (t.rule == u"shadow-failover") {
        // A shadow that booted in its last validation has shown it can.
        p.confidence = p.outcome.value(u"validated").toBool() ? 5 : 4;
    } else if (t.rule == u"vm-traffic" || t.rule == u"shadow-size") {
        // Both are undone as easily as done.
        p.confidence = 4;
    } else {
        p.confidence = t.signal == u"health" && t.value < m_limits.shadowBelowHealth - 20 ? 4 : 3;
    }

    if (p.level != AutomationLevel::Automatic || !p.heldBy.isEmpty() || p.targetUri.isEmpty())
        return;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(picture.nowMs);
    for (const MaintenanceWindow &w : m_automation.windows)
        if (w.contains(local)) {
            p.heldBy.append(
                Tr::tr("Maintenance window (%1): automatic actions wait.").arg(w.describe()));
            return;
        }
    if (p.confidence < m_automation.minConfidence) {
        p.heldBy.append(Tr::tr("Confidence %1 of 5, below the %2 automatic actions need.")
                            .arg(p.confidence)
                            .arg(m_automation.minConfidence));
        return;
    }
    p.automatic = true;
}

} // namespace Umbra::Policy
