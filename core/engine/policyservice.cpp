#include "engine/policyservice.h"

#include "engine/poolservice.h"
#include "engine/predictionproxy.h"
#include "fleet/fleetstate.h"
#include "fleet/hosturi.h"
#include "jobs/planstore.h"
#include "migrate/migrationmanager.h"
#include "shadow/shadowservice.h"
#include "traffic/trafficservice.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QPromise>
#include <QThread>
#include <QTimer>
#include <utility>

namespace Umbra {

namespace {

constexpr char kQuietUntil[] = "quietUntilMs";
constexpr char kQuietWhy[] = "quietWhy";

QString storeName()
{
    static QAtomicInt sequence;
    return QStringLiteral("umbra-policy-%1").arg(sequence.fetchAndAddRelaxed(1));
}

bool isPolicyPlan(const Jobs::Plan &plan)
{
    return !plan.policy.isEmpty();
}

// Rewrites a proposed plan's `policy` JSON (blocking: on a worker); the
// reason it could not, or empty.
QString storePolicy(const QString &path, qint64 planId, const QJsonObject &policy)
{
    auto plans = Jobs::PlanStore::open(path, storeName());
    if (!plans)
        return plans.error();
    auto set = plans.value()->setPolicy(planId, policy);
    return set ? QString() : set.error();
}

QString approverOf(const Policy::Proposal &p)
{
    return QStringLiteral("policy:") + p.trigger.rule;
}

} // namespace

struct PolicyService::Gathered
{
    Policy::FleetPicture picture;
    Pools::Outlook outlook;
    std::shared_ptr<Pools::CapacityLedger> ledger;
    QHash<QString, double> cpuNow; // % of capacity, by host URI and VM UUID
};

PolicyService::PolicyService(const FleetState *fleet, PredictionProxy *prediction,
                             PoolService *pools, MigrationManager *migrations,
                             Shadow::ShadowService *shadows, Traffic::TrafficService *traffic,
                             QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_prediction(prediction)
    , m_pools(pools)
    , m_migrations(migrations)
    , m_shadows(shadows)
    , m_traffic(traffic)
    , m_engine(std::make_shared<Policy::PolicyEngine>())
{
    connect(m_migrations, &MigrationManager::jobFinished, this, &PolicyService::noteMigration);
    connect(m_migrations, &MigrationManager::historyReady, this,
            [this](const QList<MigrationRecord> &jobs) {
                for (const MigrationRecord &r : jobs)
                    noteMigration(r);
            });
    connect(m_migrations, &MigrationManager::jobFinished, this,
            [this](const MigrationRecord &record) {
                // The job's plan is the one executing for this VM.
                for (auto it = m_proposed.cbegin(); it != m_proposed.cend(); ++it)
                    if (it->kind == u"migrate" && it->subjectId == record.vmUuid)
                        return release(m_planOf.value(it.key()));
            });
    connect(m_shadows, &Shadow::ShadowService::actionFinished, this,
            [this](const Jobs::Plan &plan) { release(plan.id); });
    if (m_traffic)
        connect(m_traffic, &Traffic::TrafficService::actionFinished, this,
                [this](const Traffic::TrafficAction &action) {
                    if (action.kind != Traffic::ActionKind::Shift)
                        return;
                    const Traffic::ShiftRequest done
                        = Traffic::ShiftRequest::fromJson(action.request);
                    for (auto it = m_proposed.cbegin(); it != m_proposed.cend(); ++it)
                        if (it->kind == u"traffic.shift"
                            && it->action.value(u"balancer").toString() == done.balancer
                            && it->action.value(u"backend").toString() == done.backend
                            && it->action.value(u"from").toString() == done.from)
                            return release(m_planOf.value(it.key()));
                });
}

void PolicyService::release(qint64 planId)
{
    if (!m_executing.remove(planId))
        return;
    for (auto it = m_planOf.begin(); it != m_planOf.end(); ++it)
        if (it.value() == planId) {
            const Policy::Proposal done = m_proposed.value(it.key());
            noteAction(done, true);
            // A shift or a new size shows in the forecast only as new samples
            // come in: until then the same trigger still holds, and
            // proposing again on it would shift or resize twice.
            if (done.kind != u"migrate") {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                m_quiet.insert(it.key(), { now + m_limits.cooldownMs, carriedOut(now) });
            }
            m_proposed.remove(it.key());
            m_planOf.erase(it);
            break;
        }
}

PolicyService::~PolicyService() = default;

template<typename T>
void PolicyService::onWorker(std::function<T(const QString &path)> work,
                             std::function<void(T)> done)
{
    QPointer<PolicyService> self(this);
    const QString path = m_path;
    QThread *worker = QThread::create([self, path, work = std::move(work), done] {
        T result = work(path);
        QMetaObject::invokeMethod(
            qApp,
            [self, done, result = std::move(result)] {
                if (self)
                    done(result);
            },
            Qt::QueuedConnection);
    });
    worker->setObjectName(QStringLiteral("umbra-policy"));
    m_workers.start(worker);
}

void PolicyService::open(const QString &databasePath)
{
    m_path = databasePath;
    struct Loaded
    {
        Policy::AutomationSettings automation;
        QList<Jobs::Plan> pending;
        QList<Jobs::Plan> approved;
        QHash<QString, Policy::Quiet> quiet;
        QString error;
    };
    onWorker<Loaded>(
        [](const QString &path) {
            Loaded loaded;
            if (auto settings = Policy::AutomationSettings::load(path))
                loaded.automation = settings.value();
            else
                loaded.error = settings.error();
            auto plans = Jobs::PlanStore::open(path, storeName());
            if (!plans) {
                loaded.error = plans.error();
                return loaded;
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            auto stored = plans.value()->plans(
                { Jobs::PlanState::Proposed, Jobs::PlanState::Approved, Jobs::PlanState::Rejected,
                  Jobs::PlanState::Withdrawn, Jobs::PlanState::Executed },
                500);
            if (!stored) {
                loaded.error = stored.error();
                return loaded;
            }
            for (const Jobs::Plan &plan : stored.value()) {
                if (!isPolicyPlan(plan))
                    continue;
                const Policy::Proposal p = Policy::Proposal::fromJson(plan.policy);
                if (plan.state == Jobs::PlanState::Proposed)
                    loaded.pending.append(plan);
                else if (plan.state == Jobs::PlanState::Approved && plan.jobId == 0)
                    loaded.approved.append(plan);
                else if (const qint64 until
                         = qint64(plan.policy.value(QLatin1String(kQuietUntil)).toDouble());
                         until > now && !loaded.quiet.contains(p.key()))
                    loaded.quiet.insert(
                        p.key(),
                        { until, plan.policy.value(QLatin1String(kQuietWhy)).toString(plan.note) });
            }
            return loaded;
        },
        [this](Loaded loaded) {
            if (!loaded.error.isEmpty())
                Q_EMIT reported(tr("The policy could not read its settings: %1").arg(loaded.error),
                                true);
            m_automation = loaded.automation;
            m_quiet = loaded.quiet;
            QList<Policy::Proposal> restored;
            for (const Jobs::Plan &plan : std::as_const(loaded.pending)) {
                const Policy::Proposal p = Policy::Proposal::fromJson(plan.policy);
                if (m_planOf.contains(p.key()))
                    continue; // newest first: an older duplicate stays for expiry
                m_planOf.insert(p.key(), plan.id);
                m_proposed.insert(p.key(), p);
                restored.append(p);
            }
            m_engine->restore(restored);
            // Approved before the console stopped, never started: the
            // approval stands and is carried out now — once, because a
            // plan starts executing only from Approved.
            for (const Jobs::Plan &plan : std::as_const(loaded.approved)) {
                const Policy::Proposal p = Policy::Proposal::fromJson(plan.policy);
                m_planOf.insert(p.key(), plan.id);
                m_proposed.insert(p.key(), p);
                Q_EMIT reported(tr("Carrying out %1, approved by %2 before the console "
                                   "stopped.")
                                    .arg(plan.summary, plan.decidedBy),
                                false);
                execute(plan, {});
            }
            m_opened = true;
            Q_EMIT automationChanged(m_automation);
            reload();
        });
    m_migrations->requestHistory(100);
}

void PolicyService::setAutomation(const Policy::AutomationSettings &settings)
{
    onWorker<QString>(
        [settings](const QString &path) {
            auto saved = settings.save(path);
            return saved ? QString() : saved.error();
        },
        [this, settings](QString error) {
            if (!error.isEmpty()) {
                Q_EMIT reported(error, true);
                return;
            }
            m_automation = settings;
            Q_EMIT automationChanged(settings);
            evaluate();
        });
}

void PolicyService::setLimits(const Policy::PolicyLimits &limits)
{
    m_limits = limits;
}

struct PolicyService::Gathering
{
    Gathered g;
    QHash<QString, Policy::PolicyShadow> shadows; // by primary UUID
    QHash<QString, bool> serverUp; // "balancer/backend/server", as last read
    QList<HostConfig> hosts;
    qsizetype next = 0; // the next host to gather
};

std::shared_ptr<PolicyService::Gathering> PolicyService::beginGathering() const
{
    auto gathering = std::make_shared<Gathering>();
    Gathered &g = gathering->g;
    g.picture.nowMs = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, Policy::PolicyShadow> &shadows = gathering->shadows;
    for (const Shadow::ShadowRecord &s : m_shadows->shadows()) {
        if (!Shadow::isLive(s.state) || s.state == Shadow::State::FailedOver)
            continue;
        Policy::PolicyShadow &shadow = shadows[s.primaryUuid];
        shadow.hostUri = s.shadowUri;
        shadow.name = s.shadowName;
        shadow.inSync = s.state == Shadow::State::InSync;
        shadow.state = Shadow::stateLabel(s.state).toLower();
        shadow.vcpus = s.vcpus;
        shadow.syncedMs = s.syncedMs;
        shadow.rtoMs = s.rtoMs;
        if (s.lastValidation) {
            shadow.validatedMs = s.lastValidation->startedMs;
            shadow.validationPassed = s.lastValidation->passed;
        }
    }
    if (m_traffic)
        for (const Traffic::BalancerView &view : m_traffic->views())
            for (const Traffic::ServerStat &stat : view.stats)
                if (!stat.isBackend)
                    gathering->serverUp.insert(view.balancer.name + u'/' + stat.ref.path(),
                                               stat.isUp());
    gathering->hosts = m_fleet->hosts();
    // Sized once: grown VM by VM, a 10,000-VM picture held its old and new
    // buffers at each step, 4 MB at the last.
    g.picture.vms.reserve(m_fleet->vmCount());
    return gathering;
}

qsizetype PolicyService::gatherHost(Gathering &gathering) const
{
    Gathered &g = gathering.g;
    Policy::FleetPicture &picture = g.picture;
    const Pools::PoolSettings &pools = m_pools->settings();
    const HostConfig &config = gathering.hosts.at(gathering.next++);
    const HostInfo info = m_fleet->info(config.uri);
    const HostStatus status = m_fleet->status(config.uri);
    Policy::PolicyHost h;
    h.uri = config.uri;
    h.name = HostUri::displayName(config.uri);
    h.pool = pools.poolOfHost(config.uri);
    h.failureDomain = pools.failureDomainOf(config.uri);
    h.reachable = status.state == HostState::Connected || status.state == HostState::Degraded;
    h.maintenance = config.maintenance;
    if (status.state == HostState::Unreachable && status.since.isValid())
        h.unreachableSinceMs = status.since.toMSecsSinceEpoch();
    h.cpus = info.cpus;
    const HealthReport health = m_prediction->health(QStringLiteral("host/") + config.uri);
    h.cpuCrossing = health.cpuCrossing;
    if (health.atMs > 0)
        h.health = health.health.score;
    if (!qIsNaN(health.cpuPercent))
        g.cpuNow.insert(config.uri, health.cpuPercent);
    h.risk = m_prediction->hardware(config.uri).risk;
    picture.hosts.append(h);
    const QList<VmInfo> vms = m_fleet->vms(config.uri);
    for (const VmInfo &info : vms) {
        Policy::PolicyVm vm;
        vm.uuid = info.uuid;
        vm.name = info.name;
        vm.hostUri = config.uri;
        vm.running = info.state == VmState::Running;
        vm.vcpus = info.vcpus;
        vm.memoryKiB = info.memoryKiB;
        vm.customer = pools.customerOf(info.uuid);
        const HealthReport vmHealth = m_prediction->health(QStringLiteral("vm/") + info.uuid);
        vm.health = vmHealth.health;
        if (!qIsNaN(vmHealth.cpuPercent))
            g.cpuNow.insert(info.uuid, vmHealth.cpuPercent);
        if (const auto shadow = gathering.shadows.constFind(info.uuid);
            shadow != gathering.shadows.cend()) {
            vm.hasShadow = true;
            vm.shadow = *shadow;
        }
        if (m_traffic) {
            for (const Traffic::VmServer &found : m_traffic->serversOf(info.uuid, info.name))
                vm.servers.append({ found.balancer.name, found.server.backend, found.server.server,
                                    gathering.serverUp.value(
                                        found.balancer.name + u'/' + found.server.path(), true) });
        }
        picture.vms.append(vm);
    }
    return 1 + vms.size();
}

PolicyService::Gathered PolicyService::endGathering(Gathering &gathering) const
{
    Gathered &g = gathering.g;
    Policy::FleetPicture &picture = g.picture;
    picture.actions = m_actions;
    for (const MigrationRecord &r : m_migrations->running())
        picture.actions.append({ r.vmUuid, r.sourceUri, r.targetUri,
                                 r.createdMs > 0 ? r.createdMs : picture.nowMs, 0,
                                 m_prediction->hardware(r.sourceUri).risk.risk });
    picture.quiet = m_quiet;
    g.outlook = m_pools->outlook();
    g.ledger = m_pools->ledger();
    return std::move(g);
}

PolicyService::Gathered PolicyService::gather() const
{
    const std::shared_ptr<Gathering> gathering = beginGathering();
    while (gathering->next < gathering->hosts.size())
        gatherHost(*gathering);
    return endGathering(*gathering);
}

Policy::FleetPicture PolicyService::picture(Gathered g)
{
    // The forecasts are asked of the prediction thread and waited for: on a
    // worker, never on the GUI thread. The gathered picture is taken, not
    // copied: at 10,000 VMs a copy is 3.4 MB.
    Policy::FleetPicture picture = std::move(g.picture);
    for (Policy::PolicyHost &h : picture.hosts) {
        if (g.outlook.host)
            h.peakCpus = g.outlook.host(h.uri).peakCpus;
        // Before its first forecast a host counts at what it uses now.
        if (!h.peakCpus && h.cpus > 0 && g.cpuNow.contains(h.uri))
            h.peakCpus = g.cpuNow.value(h.uri) / 100.0 * h.cpus;
        if (g.ledger && g.ledger->knows(h.uri)) {
            if (auto room = g.ledger->headroom(h.uri, Pools::Placing::Vm))
                h.headroom = room.value();
            if (auto room = g.ledger->headroom(h.uri, Pools::Placing::Shadow))
                h.shadowHeadroom = room.value();
        }
    }
    // One question for the fleet: one each was a round trip to the
    // prediction thread per VM, a third of the policy's time at 10,000.
    QHash<QString, double> peaks;
    if (g.outlook.vmPeaksCpus) {
        QStringList running;
        for (const Policy::PolicyVm &vm : std::as_const(picture.vms))
            if (vm.running)
                running.append(vm.uuid);
        peaks = g.outlook.vmPeaksCpus(running);
    }
    for (Policy::PolicyVm &vm : picture.vms) {
        if (vm.running && g.outlook.vmPeaksCpus) {
            if (const auto peak = peaks.constFind(vm.uuid); peak != peaks.cend())
                vm.peakCpus = *peak;
        } else if (vm.running && g.outlook.vmPeakCpus) {
            vm.peakCpus = g.outlook.vmPeakCpus(vm.uuid);
        }
        if (!vm.peakCpus && vm.running && g.cpuNow.contains(vm.uuid))
            vm.peakCpus = g.cpuNow.value(vm.uuid) / 100.0 * vm.vcpus;
    }
    return picture;
}

void PolicyService::evaluate()
{
    if (!m_opened || m_evaluating || !m_enabled)
        return;
    m_evaluating = true;
    gatherSome(beginGathering());
}

void PolicyService::gatherSome(const std::shared_ptr<Gathering> &gathering)
{
    // A slice of the fleet per turn of the event loop: 10,000 VMs gathered
    // at once held the GUI thread for 35 ms.
    if (!m_opened || !m_enabled) {
        m_evaluating = false;
        return;
    }
    for (qsizetype added = 0; added < kGatherPerTurn && gathering->next < gathering->hosts.size();)
        added += gatherHost(*gathering);
    if (gathering->next < gathering->hosts.size()) {
        QTimer::singleShot(0, this, [this, gathering] { gatherSome(gathering); });
        return;
    }
    const std::shared_ptr<Policy::PolicyEngine> engine = m_engine;
    const Policy::AutomationSettings automation = m_automation;
    const Policy::PolicyLimits limits = m_limits;
    onWorker<Policy::Evaluation>(
        [gathered = endGathering(*gathering), engine, automation, limits](const QString &) mutable {
            engine->setAutomation(automation);
            engine->setLimits(limits);
            return engine->evaluate(picture(std::move(gathered)));
        },
        [this](Policy::Evaluation evaluation) {
            m_evaluating = false;
            apply(evaluation);
        });
}

QFuture<Policy::Evaluation> PolicyService::dryRun()
{
    auto promise = std::make_shared<QPromise<Policy::Evaluation>>();
    QFuture<Policy::Evaluation> future = promise->future();
    promise->start();
    Policy::PolicyEngine engine; // a fresh one: nothing it remembers changes
    engine.setAutomation(m_automation);
    engine.setLimits(m_limits);
    QThread *worker = QThread::create([promise, gathered = gather(), engine]() mutable {
        promise->addResult(engine.evaluate(picture(std::move(gathered))));
        promise->finish();
    });
    worker->setObjectName(QStringLiteral("umbra-policy-dry-run"));
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
    return future;
}

void PolicyService::apply(const Policy::Evaluation &evaluation)
{
    bool changed = false;
    for (const Policy::Withdrawal &w : evaluation.withdrawn) {
        const qint64 id = m_planOf.value(w.key);
        if (id == 0 || m_executing.contains(id))
            continue;
        m_planOf.remove(w.key);
        m_proposed.remove(w.key);
        changed = true;
        const QString reason = w.reason;
        onWorker<QString>(
            [id, reason](const QString &path) {
                auto plans = Jobs::PlanStore::open(path, storeName());
                if (!plans)
                    return plans.error();
                auto withdrawn = plans.value()->withdraw(id, reason);
                return withdrawn ? QString() : withdrawn.error();
            },
            [this](QString error) {
                // Decided meanwhile (an operator was quicker): nothing to undo.
                if (!error.isEmpty())
                    qInfo("umbra: policy: %s", qUtf8Printable(error));
                reload();
            });
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const Policy::Proposal &p : evaluation.proposals) {
        const QString key = p.key();
        if (m_planning.contains(key))
            continue;
        // Answered while this evaluation ran on its worker: it saw the fleet
        // before the operator rejected or deferred the proposal.
        if (m_quiet.value(key).untilMs > nowMs)
            continue;
        const qint64 id = m_planOf.value(key);
        if (id == 0) {
            if (!p.targetUri.isEmpty())
                propose(p);
            continue;
        }
        if (m_executing.contains(id))
            continue;
        const Policy::Proposal before = m_proposed.value(key);
        if (before.heldBy != p.heldBy || before.automatic != p.automatic
            || before.evidence != p.evidence) {
            m_proposed.insert(key, p);
            const QJsonObject json = p.toJson();
            onWorker<QString>(
                [id, json](const QString &path) { return storePolicy(path, id, json); },
                [this](QString) { reload(); });
        }
        if (p.automatic) {
            // Held before, free now: executed as the policy's own decision.
            const QString approver = approverOf(p);
            onWorker<Result<Jobs::Plan>>(
                [id](const QString &path) -> Result<Jobs::Plan> {
                    auto plans = Jobs::PlanStore::open(path, storeName());
                    if (!plans)
                        return Error{ plans.error() };
                    return plans.value()->plan(id);
                },
                [this, approver](Result<Jobs::Plan> plan) {
                    if (plan && plan->state == Jobs::PlanState::Proposed && plan->executable()
                        && !m_executing.contains(plan->id))
                        execute(plan.value(), approver);
                });
        }
    }
    if (changed)
        reload();
}

void PolicyService::propose(const Policy::Proposal &proposal)
{
    const QString key = proposal.key();
    m_planning.insert(key);
    auto stored = [this, key, proposal](const Jobs::Plan &plan) {
        m_planning.remove(key);
        if (plan.id == 0) {
            Q_EMIT reported(tr("The policy's proposal “%1” could not be stored: %2")
                                .arg(proposal.summary(), plan.refusal),
                            true);
            return;
        }
        m_planOf.insert(key, plan.id);
        m_proposed.insert(key, proposal);
        if (proposal.automatic && plan.executable()) {
            execute(plan, approverOf(proposal));
        } else {
            // Said once, when raised: the event log is where a NOC looks.
            Q_EMIT reported(tr("Proposed: %1. %2").arg(plan.summary, proposal.trigger.sentence),
                            false);
            if (proposal.level == Policy::AutomationLevel::Approve
                || proposal.level == Policy::AutomationLevel::Automatic)
                Q_EMIT approvalNeeded({ plan });
        }
        reload();
    };
    // Each kind is planned by the controller an operator's would be.
    const QJsonObject json = proposal.toJson();
    const QJsonObject &action = proposal.action;
    if (proposal.kind == u"shadow.create") {
        m_shadows
            ->planCreate(proposal.subjectId, proposal.sourceUri, proposal.targetUri, std::nullopt,
                         json)
            .then(this, stored);
        return;
    }
    if (proposal.kind == u"shadow.scale") {
        m_shadows
            ->planScale(proposal.subjectId, action.value(u"vcpus").toInt(),
                        action.value(u"reason").toString(), json)
            .then(this, stored);
        return;
    }
    if (proposal.kind == u"shadow.failover") {
        m_shadows->planFailover(proposal.subjectId, false, json).then(this, stored);
        return;
    }
    if (proposal.kind == u"traffic.shift") {
        if (!m_traffic) {
            m_planning.remove(key);
            return;
        }
        Traffic::ShiftRequest request;
        request.balancer = action.value(u"balancer").toString();
        request.backend = action.value(u"backend").toString();
        request.from = action.value(u"from").toString();
        request.to = action.value(u"to").toString();
        request.percent = action.value(u"percent").toDouble();
        m_traffic->planShift(request, json).then(this, stored);
        return;
    }
    MigrationRequest request;
    request.vm = proposal.subjectId;
    request.sourceUri = proposal.sourceUri;
    request.targetUri = proposal.targetUri;
    request.options.unsafe = m_automation.trustSharedStorage;
    m_migrations->plan(request, proposal.toJson()).then(this, stored);
}

QString PolicyService::carriedOut(qint64 atMs) const
{
    return tr("Carried out at %1; the policy lets its effect show for %n minute(s) before "
              "proposing it again.",
              nullptr, int(m_limits.cooldownMs / 60000))
        .arg(QDateTime::fromMSecsSinceEpoch(atMs).toString(QStringLiteral("HH:mm")));
}

void PolicyService::execute(const Jobs::Plan &plan, const QString &approveAs)
{
    m_executing.insert(plan.id);
    if (approveAs.startsWith(u"policy:"))
        Q_EMIT reported(tr("The policy started “%1” by itself (%2).").arg(plan.summary, approveAs),
                        false);
    // A shift or a new size stays quiet for the cooldown once carried out
    // (release()). The quiet time goes into the plan first, so that a
    // console started again within it does not propose the same again.
    if (plan.kind != u"migrate" && plan.state == Jobs::PlanState::Proposed) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QJsonObject policy = plan.policy;
        policy.insert(QLatin1String(kQuietUntil), double(now + m_limits.cooldownMs));
        policy.insert(QLatin1String(kQuietWhy), carriedOut(now));
        const qint64 id = plan.id;
        onWorker<QString>(
            [id, policy](const QString &path) { return storePolicy(path, id, policy); },
            [this, plan, approveAs](QString error) {
                if (!error.isEmpty())
                    qInfo("umbra: policy: %s", qUtf8Printable(error));
                dispatch(plan, approveAs);
            });
        return;
    }
    dispatch(plan, approveAs);
}

void PolicyService::dispatch(const Jobs::Plan &plan, const QString &approveAs)
{
    const Policy::Proposal proposal = Policy::Proposal::fromJson(plan.policy);
    if (plan.kind.startsWith(u"shadow.")) {
        noteAction(proposal, false);
        m_shadows->execute(plan, approveAs);
    } else if (plan.kind == u"traffic.shift") {
        if (!m_traffic) {
            m_executing.remove(plan.id);
            Q_EMIT reported(tr("“%1” needs the traffic service, which this console does not run.")
                                .arg(plan.summary),
                            true);
            return;
        }
        noteAction(proposal, false);
        m_traffic->execute(plan, approveAs);
    } else {
        m_migrations->execute(plan, approveAs); // counted by noteMigration
    }
}

void PolicyService::approve(qint64 planId, const QString &by)
{
    onWorker<Result<Jobs::Plan>>(
        [planId](const QString &path) -> Result<Jobs::Plan> {
            auto plans = Jobs::PlanStore::open(path, storeName());
            if (!plans)
                return Error{ plans.error() };
            return plans.value()->plan(planId);
        },
        [this, by](Result<Jobs::Plan> plan) {
            if (!plan) {
                Q_EMIT reported(plan.error(), true);
                return;
            }
            if (plan->state != Jobs::PlanState::Proposed) {
                Q_EMIT reported(
                    tr("“%1” is %2 already.")
                        .arg(plan->summary, Jobs::planStateLabel(plan->state).toLower()),
                    true);
                reload();
                return;
            }
            execute(plan.value(), by);
            reload();
        });
}

void PolicyService::reject(qint64 planId, const QString &by, const QString &reason)
{
    quiet(planId, QDateTime::currentMSecsSinceEpoch() + m_rejectionQuietMs, reason,
          [planId, by, reason](Jobs::PlanStore &plans) {
              return plans.decide(planId, false, by, reason);
          });
}

void PolicyService::defer(qint64 planId, const QString &by, int minutes)
{
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + qint64(minutes) * 60 * 1000;
    const QString why
        = tr("Deferred by %1 until %2.")
              .arg(by, QDateTime::fromMSecsSinceEpoch(until).toString(QStringLiteral("ddd HH:mm")));
    quiet(planId, until, why,
          [planId, why](Jobs::PlanStore &plans) { return plans.withdraw(planId, why); });
}

void PolicyService::quiet(qint64 planId, qint64 until, const QString &why,
                          std::function<Result<void>(Jobs::PlanStore &plans)> close)
{
    struct Done
    {
        QString key;
        QString error;
    };
    onWorker<Done>(
        [planId, until, close](const QString &path) {
            auto plans = Jobs::PlanStore::open(path, storeName());
            if (!plans)
                return Done{ {}, plans.error() };
            auto plan = plans.value()->plan(planId);
            if (!plan)
                return Done{ {}, plan.error() };
            // The quiet time is stored before the decision: a console that
            // starts again keeps the proposal quiet as long.
            QJsonObject policy = plan->policy;
            policy.insert(QLatin1String(kQuietUntil), double(until));
            if (auto set = plans.value()->setPolicy(planId, policy); !set)
                return Done{ {}, set.error() };
            if (auto closed = close(*plans.value()); !closed)
                return Done{ {}, closed.error() };
            return Done{ Policy::Proposal::fromJson(policy).key(), {} };
        },
        [this, until, why](Done done) {
            if (!done.error.isEmpty()) {
                Q_EMIT reported(done.error, true);
            } else {
                m_quiet.insert(done.key, { until, why });
                m_planOf.remove(done.key);
                m_proposed.remove(done.key);
            }
            reload();
        });
}

void PolicyService::reload()
{
    // Proposals come in bursts (an evaluation of a large fleet raises and
    // supersedes hundreds): one read of the queue at a time, and one more
    // after it when asked meanwhile, not a thread and a read of up to 500
    // plans for each.
    if (m_reloading) {
        m_reloadAgain = true;
        return;
    }
    m_reloading = true;
    onWorker<QList<Jobs::Plan>>(
        [](const QString &path) {
            QList<Jobs::Plan> pending;
            auto plans = Jobs::PlanStore::open(path, storeName());
            if (!plans)
                return pending;
            auto stored = plans.value()->plans({ Jobs::PlanState::Proposed }, 500);
            if (stored)
                for (const Jobs::Plan &plan : stored.value())
                    if (isPolicyPlan(plan))
                        pending.append(plan);
            return pending;
        },
        [this](QList<Jobs::Plan> pending) {
            m_reloading = false;
            m_pending = pending;
            Q_EMIT pendingChanged(m_pending);
            if (std::exchange(m_reloadAgain, false))
                reload();
        });
}

void PolicyService::noteMigration(const MigrationRecord &record)
{
    if (record.finishedMs <= 0 || record.outcome != MigrationOutcome::Completed)
        return;
    constexpr qint64 kKeepMs = 24 * 3600 * 1000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_actions.erase(std::remove_if(m_actions.begin(), m_actions.end(),
                                   [&](const Policy::PolicyAction &a) {
                                       return (a.finishedMs > 0 && now - a.finishedMs > kKeepMs)
                                           || (a.vmUuid == record.vmUuid
                                               && a.finishedMs == record.finishedMs);
                                   }),
                    m_actions.end());
    if (now - record.finishedMs > kKeepMs)
        return;
    m_actions.append({ record.vmUuid, record.sourceUri, record.targetUri, record.createdMs,
                       record.finishedMs, m_prediction->hardware(record.sourceUri).risk.risk });
}

void PolicyService::noteAction(const Policy::Proposal &proposal, bool finished)
{
    if (proposal.subjectId.isEmpty() || proposal.kind == u"migrate")
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (finished) {
        for (Policy::PolicyAction &a : m_actions)
            if (a.vmUuid == proposal.subjectId && a.finishedMs == 0)
                a.finishedMs = now;
        return;
    }
    Policy::PolicyAction a;
    a.vmUuid = proposal.subjectId;
    a.fromUri = proposal.sourceUri;
    a.toUri = proposal.targetUri;
    a.startedMs = now;
    a.moves = proposal.kind == u"shadow.failover";
    a.peerVmUuid = proposal.action.value(u"toVm").toString();
    m_actions.append(a);
}

} // namespace Umbra
