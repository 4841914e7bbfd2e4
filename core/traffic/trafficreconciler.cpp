#include "traffic/trafficreconciler.h"

#include "traffic/balancerlock.h"
#include "traffic/runtimeapi.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <algorithm>
#include <signal.h>
#include <unistd.h>

namespace Umbra::Traffic {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Traffic::TrafficReconciler)
};

bool ownerAlive(qint64 pid)
{
    if (pid <= 0 || pid == qint64(::getpid()))
        return false;
    return ::kill(pid_t(pid), 0) == 0;
}

const Balancer *find(const QList<Balancer> &balancers, const QString &name)
{
    for (const Balancer &b : balancers) {
        if (b.name == name)
            return &b;
    }
    return nullptr;
}

// Puts the weights and states the action found back; the weights HAProxy had
// instead, for the record.
Result<Weights> putBack(const RuntimeApi &api, const TrafficAction &action)
{
    // Servers that were ready come back first, those that were drained leave
    // last: the backend is never without a server on the way.
    auto setStates = [&](bool toReady) -> Result<void> {
        for (auto it = action.originalStates.begin(); it != action.originalStates.end(); ++it) {
            if ((it.value() == QLatin1String("ready")) != toReady)
                continue;
            if (auto set
                = api.setState({ action.backend, it.key() }, serverStateFromKey(it.value()));
                !set)
                return set;
        }
        return {};
    };
    if (auto ready = setStates(true); !ready)
        return Error{ ready.error() };
    Weights found;
    for (auto it = action.originalWeights.begin(); it != action.originalWeights.end(); ++it) {
        const ServerRef ref{ action.backend, it.key() };
        auto weight = api.weight(ref);
        if (!weight)
            return Error{ weight.error() };
        found.insert(it.key(), weight->current);
        if (weight->current != it.value()) {
            if (auto set = api.setWeight(ref, it.value()); !set)
                return Error{ set.error() };
        }
    }
    if (auto out = setStates(false); !out)
        return Error{ out.error() };
    return found;
}

} // namespace

QList<TrafficReconcileResult> reconcileTraffic(TrafficJournal &journal,
                                               const QList<Balancer> &balancers)
{
    QList<TrafficReconcileResult> results;
    auto running = journal.inState({ ActionState::Running });
    if (!running)
        return { { 0, {}, running.error(), false } };
    // A migration drains its VM's servers until the VM is verified on the
    // target; one whose console stopped in between leaves them drained.
    // Wherever the migration's reconciliation puts the VM, it runs with its
    // address: its servers take requests again.
    auto holding = journal.inState({ ActionState::Holding });
    if (holding) {
        for (const TrafficAction &action : holding.value()) {
            if (action.kind != ActionKind::Drain
                || !action.request.contains(QStringLiteral("migrationJob"))
                || ownerAlive(action.ownerPid) || action.ownerPid == qint64(::getpid()))
                continue;
            TrafficReconcileResult r{ action.id, action.balancer, {}, false };
            const Balancer *balancer = find(balancers, action.balancer);
            auto found = balancer ? putBack(RuntimeApi(*balancer), action)
                                  : Result<Weights>(Error{ Tr::tr("it is not configured") });
            if (!found) {
                r.report = Tr::tr("%1 stays drained after an interrupted migration: %2")
                               .arg(action.subject, found.error());
            } else {
                r.settled = true;
                r.report
                    = Tr::tr("%1 was drained by migration %2, which was interrupted; it "
                             "takes requests again.")
                          .arg(action.subject)
                          .arg(action.request.value(QStringLiteral("migrationJob")).toInteger());
                (void)journal.finish(action.id, ActionState::Restored, r.report);
            }
            results.append(r);
        }
    }
    for (const TrafficAction &action : running.value()) {
        if (ownerAlive(action.ownerPid))
            continue; // another console is carrying it out
        TrafficReconcileResult r{ action.id, action.balancer, {}, false };
        const Balancer *balancer = find(balancers, action.balancer);
        if (!balancer) {
            r.report = Tr::tr("Traffic action %1 on load balancer “%2” was interrupted; that "
                              "load balancer is not configured, so its weights were not "
                              "checked. Add it (File → Load balancers…) to restore them.")
                           .arg(action.id)
                           .arg(action.balancer);
            results.append(r);
            continue;
        }
        const RuntimeApi api(*balancer);
        auto found = putBack(api, action);
        if (!found) {
            r.report = Tr::tr("Traffic action %1 was interrupted and cannot be undone yet: %2. "
                              "It is tried again at the next start.")
                           .arg(action.id)
                           .arg(found.error());
            results.append(r);
            continue;
        }
        r.settled = true;
        r.report
            = Tr::tr("Traffic action %1 (%2 on %3/%4) was interrupted at step %5; "
                     "HAProxy had %6; the weights it found were put back: %7.")
                  .arg(action.id)
                  .arg(actionKindLabel(action.kind), action.balancer, action.backend)
                  .arg(action.step)
                  .arg(describeWeights(found.value()), describeWeights(action.originalWeights));
        if (auto done = journal.finish(action.id, ActionState::RolledBack, r.report); !done)
            r.report += QLatin1Char(' ') + done.error();
        results.append(r);
    }
    return results;
}

QStringList reapplyInForce(TrafficJournal &journal, const QList<Balancer> &balancers)
{
    // A balancer a job of this console is acting on is left to that job; the
    // others are held until the end, so that no job starts, or ends an
    // action, between the journal's answer and HAProxy's.
    QList<QReadWriteLock *> held;
    const auto release = qScopeGuard([&held] {
        for (QReadWriteLock *lock : std::as_const(held))
            lock->unlock();
    });
    QList<const Balancer *> idle;
    for (const Balancer &b : balancers) {
        QReadWriteLock &lock = balancerLock(b.name);
        if (!lock.tryLockForWrite())
            continue;
        held.append(&lock);
        idle.append(&b);
    }
    if (idle.isEmpty())
        return {};

    QStringList reports;
    auto holding = journal.inState({ ActionState::Holding });
    if (!holding)
        return { holding.error() };
    for (const TrafficAction &action : holding.value()) {
        const auto it = std::find_if(idle.cbegin(), idle.cend(),
                                     [&](const Balancer *b) { return b->name == action.balancer; });
        if (it == idle.cend())
            continue;
        const Balancer *balancer = *it;
        const RuntimeApi api(*balancer);
        QStringList changed;
        QString failure;
        for (auto it = action.applied.begin(); it != action.applied.end(); ++it) {
            const ServerRef ref{ action.backend, it.key() };
            auto weight = api.weight(ref);
            if (!weight) {
                failure = weight.error();
                break;
            }
            if (weight->current == it.value())
                continue;
            if (auto set = api.setWeight(ref, it.value()); !set) {
                failure = set.error();
                break;
            }
            changed.append(
                QStringLiteral("%1 %2→%3").arg(it.key()).arg(weight->current).arg(it.value()));
        }
        if (failure.isEmpty() && action.kind == ActionKind::Drain) {
            const ServerRef ref{ action.backend, action.subject };
            auto stat = api.stat(ref);
            if (!stat) {
                failure = stat.error();
            } else if (!stat->status.startsWith(QLatin1String("DRAIN"))
                       && !stat->status.startsWith(QLatin1String("MAINT"))) {
                if (auto set = api.setState(ref, ServerState::Drain); !set)
                    failure = set.error();
                else
                    changed.append(Tr::tr("%1 drained again").arg(action.subject));
            }
        }
        if (!failure.isEmpty()) {
            reports.append(Tr::tr("Traffic action %1 is in force but cannot be checked: %2")
                               .arg(action.id)
                               .arg(failure));
            continue;
        }
        if (changed.isEmpty())
            continue;
        const QString report = Tr::tr("Load balancer %1 had lost what traffic action %2 set "
                                      "(reloaded or restarted?); sent again: %3.")
                                   .arg(balancer->display())
                                   .arg(action.id)
                                   .arg(changed.join(QStringLiteral(", ")));
        (void)journal.note(action.id, QStringLiteral("error"), report);
        reports.append(report);
    }
    return reports;
}

} // namespace Umbra::Traffic
