#include "traffic/trafficjob.h"

#include "jobs/stepmachine.h"
#include "traffic/balancerlock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>

namespace Umbra::Traffic {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Traffic::TrafficJob)
};

// The administrative state as far as show stat tells it: "DRAIN" and, while
// checks fail, "DRAIN 1/3"; "DRAIN (agent)" is the agent's, not an operator's.
// A drained server whose checks have failed shows "DOWN" like any other.
QString adminState(const ServerStat &s)
{
    if (s.status.startsWith(QLatin1String("MAINT")))
        return serverStateKey(ServerState::Maint);
    if (s.status.startsWith(QLatin1String("DRAIN")) && !s.status.contains(QLatin1String("agent")))
        return serverStateKey(ServerState::Drain);
    return serverStateKey(ServerState::Ready);
}

} // namespace

TrafficJob::TrafficJob(QString journalPath, Balancer balancer, ProgressFn progress)
    : m_journalPath(std::move(journalPath))
    , m_api(std::move(balancer))
    , m_progress(std::move(progress))
{ }

TrafficJob::~TrafficJob() = default;

bool TrafficJob::openJournal()
{
    m_connection = QStringLiteral("umbra-traffic-%1-%2")
                       .arg(quintptr(QThread::currentThreadId()), 0, 16)
                       .arg(quintptr(this), 0, 16);
    auto journal = TrafficJournal::open(m_journalPath, m_connection);
    if (!journal) {
        m_reason = Tr::tr("The traffic journal cannot be opened, so nothing was done: %1")
                       .arg(journal.error());
        return false;
    }
    m_journal = std::move(journal.value());
    return true;
}

Result<QList<ServerStat>> TrafficJob::readBackend(const QString &backend, Weights &weights,
                                                  QMap<QString, QString> &states)
{
    auto stats = m_api.stats();
    if (!stats)
        return Error{ stats.error() };
    QList<ServerStat> servers;
    for (const ServerStat &s : stats.value()) {
        if (s.ref.backend != backend)
            continue;
        servers.append(s);
        if (s.isBackend)
            continue;
        // show stat's weight is the effective one; get weight is what an
        // operator set, which is what must come back.
        auto weight = m_api.weight(s.ref);
        if (!weight)
            return Error{ weight.error() };
        weights.insert(s.ref.server, weight->current);
        states.insert(s.ref.server, adminState(s));
    }
    if (servers.isEmpty())
        return Error{
            Tr::tr("Load balancer %1 has no backend “%2”.").arg(m_api.balancer().display(), backend)
        };
    return servers;
}

bool TrafficJob::begin(ActionKind kind, const QString &backend, const QString &subject,
                       const QJsonObject &request)
{
    m_action.kind = kind;
    m_action.balancer = m_api.balancer().name;
    m_action.backend = backend;
    m_action.subject = subject;
    m_action.request = request;
    auto id = m_journal->create(m_action);
    if (!id) {
        m_reason = Tr::tr("The traffic journal cannot be written, so nothing was done: %1")
                       .arg(id.error());
        return false;
    }
    m_action.id = id.value();
    m_sent = m_action.originalWeights;
    return true;
}

void TrafficJob::log(const QString &message, const QString &kind)
{
    if (m_journal && m_action.id != 0) {
        if (auto noted = m_journal->note(m_action.id, kind, message); !noted)
            qWarning("umbra: %s", qUtf8Printable(noted.error()));
    }
    m_action.events.append({ 0, kind, message });
}

void TrafficJob::report(int step, int steps, double percent, const QString &message)
{
    if (m_progress)
        m_progress({ m_action.id, m_action.kind, m_action.subject, step, steps, percent, message });
}

Result<void> TrafficJob::sendWeights(const Weights &weights, const QString &message)
{
    // Journalled before it is sent: a console killed between the two finds
    // the weights it may have set, and the ones it found.
    if (auto written = m_journal->applyStep(m_action.id, ++m_action.step, weights, message);
        !written)
        return Error{ Tr::tr("The traffic journal cannot be written, so the step was not sent: "
                             "%1")
                          .arg(written.error()) };
    m_action.applied = weights;
    for (auto it = weights.begin(); it != weights.end(); ++it) {
        if (m_sent.value(it.key(), -1) == it.value())
            continue;
        if (auto set = m_api.setWeight({ m_action.backend, it.key() }, it.value()); !set)
            return set;
        m_sent.insert(it.key(), it.value());
    }
    return {};
}

Jobs::Outcome TrafficJob::end(Jobs::Outcome outcome, ActionState state, const QString &reason)
{
    m_reason = reason;
    m_action.state = state;
    m_action.reason = reason;
    if (m_journal && m_action.id != 0) {
        if (auto done = m_journal->finish(m_action.id, state, reason); !done)
            qWarning("umbra: %s", qUtf8Printable(done.error()));
        if (auto stored = m_journal->action(m_action.id))
            m_action = stored.value();
    }
    return outcome;
}

Jobs::Outcome TrafficJob::shift(const ShiftRequest &request)
{
    const QReadLocker acting(&balancerLock(m_api.balancer().name));
    if (!openJournal())
        return Jobs::Outcome::Failed;
    Weights original;
    QMap<QString, QString> states;
    auto servers = readBackend(request.backend, original, states);
    if (!servers)
        return end(Jobs::Outcome::Failed, ActionState::Failed, servers.error());
    const QString where = m_api.balancer().display();
    for (const QString &name : { request.from, request.to }) {
        if (!original.contains(name))
            return end(Jobs::Outcome::Failed, ActionState::Failed,
                       Tr::tr("Load balancer %1 has no server “%2” in backend “%3”.")
                           .arg(where, name, request.backend));
    }
    if (request.from == request.to)
        return end(Jobs::Outcome::Failed, ActionState::Failed,
                   Tr::tr("A shift needs two different servers."));
    ServerStat receiving;
    for (const ServerStat &s : servers.value()) {
        if (s.isBackend && !isDynamicAlgorithm(s.algorithm))
            return end(Jobs::Outcome::Failed, ActionState::Failed,
                       Tr::tr("Backend “%1” balances with “%2”, which takes only weights of 0 % "
                              "and 100 %: a gradual shift needs roundrobin, leastconn or "
                              "random.")
                           .arg(request.backend, s.algorithm));
        if (s.ref.server == request.to)
            receiving = s;
    }
    if (!receiving.isUp())
        return end(Jobs::Outcome::Failed, ActionState::Failed,
                   Tr::tr("%1 is %2 by HAProxy's checks, so it cannot take requests.")
                       .arg(request.to, receiving.status));

    m_action.originalWeights = original;
    m_action.originalStates = states;
    if (!begin(ActionKind::Shift, request.backend,
               QStringLiteral("%1 → %2").arg(request.from, request.to), request.toJson()))
        return Jobs::Outcome::Failed;
    auto run = m_api.info();
    if (!run)
        return end(Jobs::Outcome::Failed, ActionState::Failed, run.error());
    log(Tr::tr("Found %1.").arg(describeWeights(original)));

    const QList<double> percents = request.stepsToGoal();
    Weights lastGood = original;
    double lastGoodPercent = 0;

    auto hold = [&](int index, double percent) -> Jobs::StepResult {
        auto before = m_api.stat(request.toRef());
        if (!before)
            return Jobs::StepResult::failed(before.error());
        QElapsedTimer held;
        held.start();
        QElapsedTimer unreachable;
        while (held.elapsed() < request.holdMs) {
            QThread::msleep(kGatePollMs);
            if (cancelled())
                return Jobs::StepResult::cancelled(
                    Tr::tr("Cancelled by the operator at %1 %.").arg(percent));
            auto info = m_api.info();
            if (!info) {
                // A restart leaves the socket refused for a moment.
                if (!unreachable.isValid())
                    unreachable.start();
                if (unreachable.elapsed() < kUnreachableGraceMs)
                    continue;
                return Jobs::StepResult::failed(info.error());
            }
            unreachable.invalidate();
            if (!info->sameRunAs(run.value())) {
                // A reload drops every runtime change: the split must be sent
                // again, and the counters start from zero.
                log(Tr::tr("HAProxy was reloaded or restarted (pid %1 → %2): its weights were "
                           "back to the configuration; step %3 was sent again.")
                        .arg(run->pid)
                        .arg(info->pid)
                        .arg(index + 1),
                    QStringLiteral("error"));
                run = info;
                m_sent.clear();
                if (auto sent = sendWeights(m_action.applied, Tr::tr("Re-applied after a reload."));
                    !sent)
                    return Jobs::StepResult::failed(sent.error());
                before = m_api.stat(request.toRef());
                if (!before)
                    return Jobs::StepResult::failed(before.error());
                continue;
            }
            auto now = m_api.stat(request.toRef());
            if (!now)
                return Jobs::StepResult::failed(now.error());
            if (const QString failure = gateFailure(before.value(), now.value(), request.gate);
                !failure.isEmpty())
                return Jobs::StepResult::failed(
                    Tr::tr("The gate at %1 % failed: %2.").arg(percent).arg(failure));
        }
        return Jobs::StepResult::ok();
    };

    QList<Jobs::Step> steps;
    for (int i = 0; i < percents.size(); ++i) {
        const double percent = percents[i];
        Jobs::Step step;
        step.stage = i + 1;
        step.message
            = Tr::tr("%1 % of %2's requests to %3").arg(percent).arg(request.from, request.to);
        step.act = [&, i, percent]() -> Jobs::StepResult {
            const Weights weights = splitWeights(original, request.from, request.to, percent);
            report(i + 1, int(percents.size()), percent,
                   Tr::tr("Step %1 of %2: %3 % (%4)")
                       .arg(i + 1)
                       .arg(percents.size())
                       .arg(percent)
                       .arg(describeWeights(weights)));
            if (auto sent = sendWeights(weights,
                                        Tr::tr("Step %1: %2 % (%3)")
                                            .arg(i + 1)
                                            .arg(percent)
                                            .arg(describeWeights(weights)));
                !sent)
                return Jobs::StepResult::failed(sent.error());
            const Jobs::StepResult held = hold(i, percent);
            if (held.status == Jobs::StepResult::Status::Ok) {
                lastGood = weights;
                lastGoodPercent = percent;
            }
            return held;
        };
        if (i == 0) {
            step.wayBack = [&](bool isCancel, QString &why) {
                const Weights target = isCancel ? original : lastGood;
                const double share = isCancel ? 0 : lastGoodPercent;
                report(0, int(percents.size()), share,
                       Tr::tr("Going back to %1 %: %2").arg(share).arg(why));
                if (auto sent = sendWeights(target,
                                            Tr::tr("Back to %1 % (%2): %3")
                                                .arg(share)
                                                .arg(describeWeights(target), why));
                    !sent) {
                    why = Tr::tr("%1 Going back failed too, so the weights may be anywhere "
                                 "between the last two steps: %2")
                              .arg(why, sent.error());
                    return Jobs::Outcome::NeedsAttention;
                }
                if (!isCancel && share > 0)
                    why = Tr::tr("%1 Held at %2 %, the last split that passed its gate.")
                              .arg(why)
                              .arg(share);
                return isCancel ? Jobs::Outcome::Cancelled : Jobs::Outcome::RolledBack;
            };
        }
        step.cancelledAfter = Tr::tr("Cancelled by the operator at %1 %.").arg(percent);
        steps.append(step);
    }

    const Jobs::StepMachine machine([](int, const QString &) {},
                                    [this] { return cancelled(); });
    QString reason;
    const Jobs::Outcome outcome = machine.run(steps, reason);
    switch (outcome) {
    case Jobs::Outcome::Completed:
        report(int(percents.size()), int(percents.size()), percents.last(),
               Tr::tr("%1 % of %2's requests go to %3.")
                   .arg(percents.last())
                   .arg(request.from, request.to));
        return end(outcome, ActionState::Holding, {});
    case Jobs::Outcome::RolledBack:
        return end(outcome, lastGoodPercent > 0 ? ActionState::Holding : ActionState::RolledBack,
                   reason);
    case Jobs::Outcome::Cancelled:
        return end(outcome, ActionState::Cancelled, reason);
    case Jobs::Outcome::Failed:
        // Failed before the first weight was sent: the split is as found.
        return end(outcome, ActionState::Failed, reason);
    default:
        return end(outcome, ActionState::NeedsAttention, reason);
    }
}

Jobs::Outcome TrafficJob::drain(const ServerRef &server, int timeoutMs, const QJsonObject &context)
{
    const QReadLocker acting(&balancerLock(m_api.balancer().name));
    if (!openJournal())
        return Jobs::Outcome::Failed;
    Weights weights;
    QMap<QString, QString> states;
    auto servers = readBackend(server.backend, weights, states);
    if (!servers)
        return end(Jobs::Outcome::Failed, ActionState::Failed, servers.error());
    if (!weights.contains(server.server))
        return end(Jobs::Outcome::Failed, ActionState::Failed,
                   Tr::tr("Load balancer %1 has no server “%2”.")
                       .arg(m_api.balancer().display(), server.path()));
    int othersServing = 0;
    for (const ServerStat &s : servers.value()) {
        if (!s.isBackend && s.ref.server != server.server && s.isUp()
            && states.value(s.ref.server) == QLatin1String("ready")
            && weights.value(s.ref.server) > 0)
            ++othersServing;
    }
    if (othersServing == 0)
        return end(Jobs::Outcome::Failed, ActionState::Failed,
                   Tr::tr("%1 is the only server of backend “%2” that can take requests: "
                          "draining it would refuse service.")
                       .arg(server.server, server.backend));
    m_action.originalWeights = weights;
    m_action.originalStates = states;
    QJsonObject request = context;
    request.insert(QStringLiteral("server"), server.server);
    request.insert(QStringLiteral("timeoutMs"), timeoutMs);
    if (!begin(ActionKind::Drain, server.backend, server.server, request))
        return Jobs::Outcome::Failed;
    report(1, 1, 0, Tr::tr("Draining %1").arg(server.path()));
    if (auto written = m_journal->applyStep(m_action.id, ++m_action.step, weights,
                                            Tr::tr("Drain %1").arg(server.path()));
        !written)
        return end(Jobs::Outcome::Failed, ActionState::Failed, written.error());
    if (auto set = m_api.setState(server, ServerState::Drain); !set)
        return end(Jobs::Outcome::Failed, ActionState::Failed, set.error());

    QDeadlineTimer deadline(timeoutMs);
    int open = -1;
    while (true) {
        auto stat = m_api.stat(server);
        if (!stat)
            return end(Jobs::Outcome::NeedsAttention, ActionState::Holding,
                       Tr::tr("%1 was set to drain, but its sessions cannot be read: %2")
                           .arg(server.path(), stat.error()));
        open = stat->currentSessions;
        if (open == 0)
            break;
        if (cancelled()) {
            (void)m_api.setState(server, serverStateFromKey(states.value(server.server)));
            return end(
                Jobs::Outcome::Cancelled, ActionState::Cancelled,
                Tr::tr("Cancelled by the operator; %1 is back in balancing.").arg(server.path()));
        }
        if (deadline.hasExpired())
            return end(Jobs::Outcome::NeedsAttention, ActionState::Holding,
                       Tr::tr("%1 still has %2 sessions after %3 s; it stays drained (no new "
                              "requests).")
                           .arg(server.path())
                           .arg(open)
                           .arg(timeoutMs / 1000.0, 0, 'f', 1));
        QThread::msleep(50);
    }
    report(1, 1, 0, Tr::tr("%1 is drained.").arg(server.path()));
    return end(Jobs::Outcome::Completed, ActionState::Holding, {});
}

Jobs::Outcome TrafficJob::restore(const ServerRef &server)
{
    const QReadLocker acting(&balancerLock(m_api.balancer().name));
    if (!openJournal())
        return Jobs::Outcome::Failed;
    auto holding = m_journal->inState({ ActionState::Holding });
    if (!holding)
        return end(Jobs::Outcome::Failed, ActionState::Failed, holding.error());
    QList<TrafficAction> inForce;
    for (const TrafficAction &a : holding.value()) {
        if (a.balancer == m_api.balancer().name && a.backend == server.backend)
            inForce.append(a);
    }
    Weights found;
    QMap<QString, QString> states;
    auto servers = readBackend(server.backend, found, states);
    if (!servers)
        return end(Jobs::Outcome::Failed, ActionState::Failed, servers.error());
    if (!found.contains(server.server))
        return end(Jobs::Outcome::Failed, ActionState::Failed,
                   Tr::tr("Load balancer %1 has no server “%2”.")
                       .arg(m_api.balancer().display(), server.path()));
    m_action.originalWeights = found;
    m_action.originalStates = states;
    if (!begin(ActionKind::Restore, server.backend, server.server,
               { { QStringLiteral("server"), server.server } }))
        return Jobs::Outcome::Failed;

    Weights target;
    QMap<QString, QString> targetStates;
    if (inForce.isEmpty()) {
        auto weight = m_api.weight(server);
        if (!weight)
            return end(Jobs::Outcome::Failed, ActionState::Failed, weight.error());
        target = found;
        target.insert(server.server, weight->initial);
        targetStates.insert(server.server, serverStateKey(ServerState::Ready));
    } else {
        // The oldest action in force found the backend as it was before all
        // the others; its weights and states are the way back.
        target = inForce.first().originalWeights;
        targetStates = inForce.first().originalStates;
    }
    report(1, 1, 0, Tr::tr("Restoring %1").arg(describeWeights(target)));
    // Servers come back into rotation before weights move requests off the
    // others, and leave it only after: the backend is never without a server.
    auto setStates = [&](bool toReady) -> Result<void> {
        for (auto it = targetStates.begin(); it != targetStates.end(); ++it) {
            // The restored server's state is always sent: a drained server
            // whose checks failed (a migration's switch-over) reads as
            // "DOWN", which does not tell that it is still drained.
            if ((it.key() != server.server && states.value(it.key()) == it.value())
                || (it.value() == serverStateKey(ServerState::Ready)) != toReady)
                continue;
            if (auto set
                = m_api.setState({ server.backend, it.key() }, serverStateFromKey(it.value()));
                !set)
                return set;
        }
        return {};
    };
    if (auto ready = setStates(true); !ready)
        return end(Jobs::Outcome::NeedsAttention, ActionState::NeedsAttention, ready.error());
    m_sent = found;
    if (auto sent = sendWeights(target, Tr::tr("Restore %1").arg(describeWeights(target))); !sent)
        return end(Jobs::Outcome::Failed, ActionState::NeedsAttention, sent.error());
    if (auto out = setStates(false); !out)
        return end(Jobs::Outcome::NeedsAttention, ActionState::NeedsAttention, out.error());
    for (const TrafficAction &a : inForce) {
        if (auto done = m_journal->finish(a.id, ActionState::Restored,
                                          Tr::tr("Restored by action %1.").arg(m_action.id));
            !done)
            log(done.error(), QStringLiteral("error"));
    }
    return end(Jobs::Outcome::Completed, ActionState::Completed, {});
}

} // namespace Umbra::Traffic
