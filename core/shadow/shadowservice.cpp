#include "shadow/shadowservice.h"

#include "fleet/hosturi.h"
#include "jobs/planstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QPointer>
#include <QPromise>
#include <QThread>

namespace Umbra::Shadow {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Shadow)
};

const QString kCreate = QStringLiteral("shadow.create");
const QString kFailover = QStringLiteral("shadow.failover");
const QString kRemove = QStringLiteral("shadow.remove");
const QString kValidate = QStringLiteral("shadow.validate");
const QString kScale = QStringLiteral("shadow.scale");

// Re-seeding a degraded shadow: 30 s, doubling, at most every 15 minutes.
qint64 retryDelayMs(int retries)
{
    return std::min<qint64>(30000LL << std::min(retries, 5), 15 * 60 * 1000);
}

// How often a shadow's size is decided again from the forecast.
constexpr qint64 kSizingIntervalMs = 10 * 60 * 1000;

// Sizes a shadow in sync by the primary's forecast; what changed, in words.
QString size(ShadowJob &job, const Environment &env, const ShadowRecord &s)
{
    auto primary = env.links(s.primaryUri);
    auto dom = primary ? primary.value()->domain(s.primaryUuid) : Result<DomainFacts>(Error{});
    if (!dom || !dom->exists)
        return {};
    SizingInput in;
    in.primaryVcpus = dom->vcpus;
    in.primaryMemoryKiB = dom->maxMemoryKiB;
    if (env.placement.outlook.vmPeakCpus)
        in.peakCpus = env.placement.outlook.vmPeakCpus(s.primaryUuid);
    if (env.placement.outlook.vmHealth)
        in.health = env.placement.outlook.vmHealth(s.primaryUuid);
    const Sizing sizing = sizeShadow(in);
    if (sizing.vcpus == s.vcpus && sizing.memoryKiB == s.memoryKiB)
        return {};
    auto resized = job.resize(s.primaryUuid, sizing);
    if (!resized)
        return resized.error();
    return Tr::tr("The shadow of %1 is sized to %2 vCPUs (was %3): %4")
        .arg(s.primaryName)
        .arg(sizing.vcpus)
        .arg(s.vcpus)
        .arg(sizing.reason);
}

// How the console validates a VM's shadow.
ValidationOptions validationOptions(ShadowJob &job, const QString &vmUuid, int bootS)
{
    ValidationOptions options;
    options.bootSettleS = bootS;
    auto shadow = job.find(vmUuid);
    const QString shadowUri = shadow && shadow->has_value() ? shadow->value().shadowUri : QString();
    // A simulated VM has no boot to watch for long.
    if (auto link = job.links()(shadowUri); link && !link.value()->simulation().isEmpty())
        options.bootSettleS = std::min(bootS, 3);
    return options;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

QString planStoreName()
{
    static QAtomicInt sequence;
    return QStringLiteral("umbra-shadow-plans-%1").arg(sequence.fetchAndAddRelaxed(1));
}

} // namespace

// What one refresh found and did, handed back to the GUI thread.
struct ShadowService::Refreshed
{
    QList<ShadowRecord> shadows;
    QHash<QString, QString> simulations;
    QList<std::pair<QString, bool>> reports;
    QHash<qint64, qint64> retryAtMs;
    QHash<qint64, int> retries;
    QHash<QString, qint64> unreachableSinceMs;
    QStringList dueValidations;
    QHash<qint64, qint64> sizedAtMs; // shadow id → when its size was last decided
    QHash<qint64, Reading> readings; // shadow id → what its last check read
    QString error;
};

// The next reading of a shadow from its check: the write latency over the
// writes since the last reading, and how long seeding has left at the pace
// since then.
ShadowService::Reading ShadowService::follow(const Reading &last, const ShadowRecord &checked,
                                             qint64 nowMs)
{
    Reading next;
    next.atMs = nowMs;
    next.writes = checked.writeTotals;
    next.copiedBytes = checked.copiedBytes;
    next.writeLatencyMs = last.writeLatencyMs;
    if (last.writes && next.writes)
        if (auto ms = meanWriteLatencyMs(*last.writes, *next.writes))
            next.writeLatencyMs = *ms;
    const qint64 copied = next.copiedBytes - last.copiedBytes;
    if (checked.state == State::Seeding && last.atMs > 0 && copied > 0 && nowMs > last.atMs) {
        const double perMs = double(copied) / double(nowMs - last.atMs);
        next.seedEtaS = qint64(double(checked.copyBytes - checked.copiedBytes) / perMs / 1000.0);
    }
    return next;
}

ShadowService::ShadowService(QString journalPath, LinkFactory links, QObject *parent)
    : QObject(parent)
    , m_path(std::move(journalPath))
    , m_links(std::move(links))
{
    qRegisterMetaType<Umbra::Jobs::Plan>();
}

ShadowService::~ShadowService()
{
    for (const Running &running : std::as_const(m_running))
        running.job->cancel();
    for (const Running &running : std::as_const(m_running)) {
        running.thread->wait();
        delete running.thread;
    }
}

void ShadowService::setFleetView(std::function<QString(const QString &)> runsOn,
                                 std::function<bool(const QString &)> moving)
{
    m_runsOn = std::move(runsOn);
    m_moving = std::move(moving);
}

Environment ShadowService::environment() const
{
    return { m_path, m_links, m_agents, m_placement };
}

std::optional<ShadowRecord> ShadowService::shadowOf(const QString &vmUuid) const
{
    for (const ShadowRecord &shadow : m_shadows)
        if (shadow.primaryUuid == vmUuid)
            return shadow;
    return std::nullopt;
}

QString ShadowService::simulation(const ShadowRecord &shadow) const
{
    return m_simulations.value(shadow.shadowUri);
}

QFuture<Jobs::Plan> ShadowService::propose(std::function<Jobs::Plan(ShadowJob &)> work)
{
    auto promise = std::make_shared<QPromise<Jobs::Plan>>();
    QFuture<Jobs::Plan> future = promise->future();
    promise->start();
    const Environment env = environment();
    QThread *worker = QThread::create([promise, env, work = std::move(work)] {
        ShadowJob job(env);
        Jobs::Plan plan = work(job);
        plan.createdMs = QDateTime::currentMSecsSinceEpoch();
        auto plans = Jobs::PlanStore::open(env.journalPath, planStoreName());
        auto id = plans ? plans.value()->propose(plan) : Result<qint64>(Error{ plans.error() });
        if (!id) {
            plan.id = 0;
            if (plan.refusal.isEmpty())
                plan.refusal = Tr::tr("The plan could not be stored: %1").arg(id.error());
        } else {
            plan.id = id.value();
        }
        promise->addResult(plan);
        promise->finish();
    });
    worker->setObjectName(QStringLiteral("umbra-shadow-plan"));
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
    return future;
}

QFuture<Jobs::Plan> ShadowService::planCreate(const QString &vm, const QString &primaryUri,
                                              const QString &shadowUri,
                                              std::optional<int> validateEveryH,
                                              const QJsonObject &policy)
{
    const int everyH = validateEveryH.value_or(m_validationIntervalH);
    return propose([vm, primaryUri, shadowUri, validateEveryH, everyH, policy](ShadowJob &job) {
        Jobs::Plan plan;
        plan.kind = kCreate;
        plan.policy = policy;
        plan.subject = vm;
        plan.request = { { QStringLiteral("vm"), vm },
                         { QStringLiteral("primaryUri"), primaryUri },
                         { QStringLiteral("shadowUri"), shadowUri } };
        if (validateEveryH)
            plan.request.insert(QStringLiteral("validateEveryH"), *validateEveryH);
        plan.summary = Tr::tr("Keep a shadow of %1 on %2").arg(vm, HostUri::displayName(shadowUri));
        auto preview = job.preview({ vm, primaryUri, shadowUri });
        if (!preview) {
            plan.refusal = preview.error();
            return plan;
        }
        plan.subject = preview->vmName;
        plan.subjectId = preview->vmUuid;
        plan.summary = Tr::tr("Keep a shadow of %1 on %2")
                           .arg(preview->vmName, HostUri::displayName(shadowUri));
        plan.request.insert(QStringLiteral("vmUuid"), preview->vmUuid);
        plan.evidence = preview->evidence;
        qint64 bytes = 0;
        for (const ReplicatedDisk &disk : std::as_const(preview->disks))
            bytes += disk.sizeBytes;
        plan.prediction = { { QStringLiteral("reservedMemoryKiB"), qint64(preview->memoryKiB) },
                            { QStringLiteral("reservedVcpus"), preview->vcpus },
                            { QStringLiteral("seedBytes"), bytes },
                            { QStringLiteral("rpoWrites"), 0 } };
        plan.steps = {
            Tr::tr("Reserve %1 MiB and %2 vCPUs on %3.")
                .arg(preview->memoryKiB / 1024)
                .arg(preview->vcpus)
                .arg(HostUri::displayName(shadowUri)),
            Tr::tr("Create %n replica(s) there and serve them over NBD.", nullptr,
                   int(preview->disks.size())),
            Tr::tr("Define %1-shadow on them (standby, not running).").arg(preview->vmName),
            Tr::tr("Copy every disk of %1 into its replica (%2 MiB), then mirror each write "
                   "synchronously: no acknowledged write is ever missing from the shadow.")
                .arg(preview->vmName)
                .arg(bytes / 1048576),
            everyH > 0 ? Tr::tr("Validate it every %n hour(s) once in sync.", nullptr, everyH)
                       : Tr::tr("Validate it only when asked, and before a planned failover."),
        };
        return plan;
    });
}

QFuture<Jobs::Plan>
ShadowService::proposeFor(const QString &vmUuid, const QString &kind,
                          std::function<void(Jobs::Plan &, const ShadowRecord &)> fill,
                          const QJsonObject &policy)
{
    return propose([vmUuid, kind, fill = std::move(fill), policy](ShadowJob &job) {
        Jobs::Plan plan;
        plan.kind = kind;
        plan.policy = policy;
        plan.subjectId = vmUuid;
        plan.request = { { QStringLiteral("vmUuid"), vmUuid } };
        auto found = job.find(vmUuid);
        if (!found || !found->has_value()) {
            plan.refusal = found ? Tr::tr("The VM has no shadow.") : found.error();
            return plan;
        }
        const ShadowRecord &s = found->value();
        plan.subject = s.primaryName;
        plan.evidence.append(
            Tr::tr("The shadow %1 on %2 is %3.")
                .arg(s.shadowName, HostUri::displayName(s.shadowUri), stateLabel(s.state)));
        if (s.state == State::InSync && s.syncedMs > 0)
            plan.evidence.append(
                Tr::tr("In sync since %1.")
                    .arg(QDateTime::fromMSecsSinceEpoch(s.syncedMs).toString(Qt::ISODate)));
        fill(plan, s);
        return plan;
    });
}

QFuture<Jobs::Plan> ShadowService::planScale(const QString &vmUuid, int vcpus,
                                             const QString &reason, const QJsonObject &policy)
{
    auto fill = [vcpus, reason](Jobs::Plan &plan, const ShadowRecord &s) {
        const QString host = HostUri::displayName(s.shadowUri);
        plan.request.insert(QStringLiteral("vcpus"), vcpus);
        plan.request.insert(QStringLiteral("reason"), reason);
        plan.summary = Tr::tr("Size the shadow of %1 to %2 vCPUs (now %3)")
                           .arg(s.primaryName)
                           .arg(vcpus)
                           .arg(s.vcpus);
        if (s.state == State::FailedOver)
            plan.refusal = Tr::tr("%1 runs in the place of %2; it keeps its size.")
                               .arg(s.shadowName, s.primaryName);
        else if (vcpus < 1)
            plan.refusal = Tr::tr("A shadow needs at least one vCPU.");
        plan.evidence.append(reason);
        plan.prediction = { { QStringLiteral("vcpus"), vcpus },
                            { QStringLiteral("vcpusBefore"), s.vcpus },
                            { QStringLiteral("memoryKiB"), qint64(s.memoryKiB) } };
        plan.steps
            = { Tr::tr("Redefine %1 on %2 with %3 vCPUs; it stays a standby, not running.")
                    .arg(s.shadowName, host)
                    .arg(vcpus),
                Tr::tr("Move its reservation on %1 to %2 vCPUs and %3 MiB.")
                    .arg(host)
                    .arg(vcpus)
                    .arg(s.memoryKiB / 1024),
                Tr::tr("Replication goes on throughout; %1 is not touched.").arg(s.primaryName) };
    };
    return proposeFor(vmUuid, kScale, fill, policy);
}

QFuture<Jobs::Plan> ShadowService::planFailover(const QString &vmUuid, bool planned,
                                                const QJsonObject &policy)
{
    auto fill = [planned](Jobs::Plan &plan, const ShadowRecord &s) {
        plan.request.insert(QStringLiteral("planned"), planned);
        const QString primaryHost = HostUri::displayName(s.primaryUri);
        const QString shadowHost = HostUri::displayName(s.shadowUri);
        plan.summary
            = Tr::tr("Fail %1 over to %2 on %3").arg(s.primaryName, s.shadowName, shadowHost);
        if (s.state != State::InSync)
            plan.refusal = Tr::tr("The shadow is %1, not in sync: its replicas may miss writes.")
                               .arg(stateLabel(s.state));
        plan.prediction = { { QStringLiteral("rpoWrites"), 0 },
                            { QStringLiteral("memoryKiB"), qint64(s.memoryKiB) },
                            { QStringLiteral("vcpus"), s.vcpus } };
        if (planned) {
            plan.steps.append(Tr::tr("Validate the replicas first, unless they passed within "
                                     "the last hour; should they fail, %1 keeps running.")
                                  .arg(s.primaryName));
            plan.steps.append(Tr::tr("Stop %1 on %2: every write it acknowledged is in the "
                                     "replicas.")
                                  .arg(s.primaryName, primaryHost));
        }
        plan.steps.append(Tr::tr("Fence %1: it must not be started on %2 again.")
                              .arg(s.primaryName, primaryHost));
        plan.steps.append(Tr::tr("Release the replicas and start %1 on %2 in its place.")
                              .arg(s.shadowName, shadowHost));
    };
    return proposeFor(vmUuid, kFailover, fill, policy);
}

QFuture<Jobs::Plan> ShadowService::planRemove(const QString &vmUuid)
{
    return proposeFor(vmUuid, kRemove, [](Jobs::Plan &plan, const ShadowRecord &s) {
        plan.summary = Tr::tr("Remove the shadow of %1 from %2")
                           .arg(s.primaryName, HostUri::displayName(s.shadowUri));
        plan.steps = {
            Tr::tr("End the copies of %1's disks; %1 keeps running on its own.").arg(s.primaryName),
            Tr::tr("Undefine %1 and delete its %n replica(s).", nullptr, int(s.disks.size()))
                .arg(s.shadowName),
            Tr::tr("Release its reservation on %1.").arg(HostUri::displayName(s.shadowUri))
        };
    });
}

QFuture<Jobs::Plan> ShadowService::planValidate(const QString &vmUuid)
{
    return proposeFor(vmUuid, kValidate, [](Jobs::Plan &plan, const ShadowRecord &s) {
        plan.summary = Tr::tr("Validate the shadow of %1").arg(s.primaryName);
        if (s.state != State::InSync)
            plan.refusal = Tr::tr("The shadow is %1; it is validated once in sync.")
                               .arg(stateLabel(s.state));
        plan.steps = { Tr::tr("Freeze its replicas at one point in time; replication goes on."),
                       Tr::tr("Check the data on the frozen image."),
                       Tr::tr("Boot a throw-away copy from it on %1, without network.")
                           .arg(HostUri::displayName(s.shadowUri)),
                       Tr::tr("Remove the copy and everything it wrote; thaw the replicas.") };
    });
}

void ShadowService::validateNow(const QString &vmUuid, const QString &by)
{
    if (m_planning.contains(vmUuid))
        return;
    m_planning.insert(vmUuid);
    auto *watcher = new QFutureWatcher<Jobs::Plan>(this);
    connect(watcher, &QFutureWatcher<Jobs::Plan>::finished, this, [this, watcher, by, vmUuid] {
        const Jobs::Plan plan = watcher->result();
        watcher->deleteLater();
        m_planning.remove(vmUuid);
        if (plan.executable() && plan.id != 0)
            execute(plan, by);
        else
            Q_EMIT actionFinished(plan, false, plan.refusal);
    });
    watcher->setFuture(planValidate(vmUuid));
}

void ShadowService::setValidationInterval(const QString &vmUuid, std::optional<int> hours)
{
    const std::optional<ShadowRecord> shadow = shadowOf(vmUuid);
    if (!shadow)
        return;
    const QString path = m_path;
    const qint64 id = shadow->id;
    const QString name = shadow->primaryName;
    QPointer<ShadowService> self(this);
    QThread *worker = QThread::create([self, path, id, name, hours] {
        auto journal = ShadowJournal::open(path, planStoreName() + u"-schedule");
        Result<void> stored = journal ? journal.value()->setValidationInterval(id, hours)
                                      : Error{ journal.error() };
        const QString message = !stored ? stored.error()
            : !hours                    ? Tr::tr("The shadow of %1 is validated on the console's "
                                                                    "schedule.")
                           .arg(name)
            : *hours == 0
            ? Tr::tr("The shadow of %1 is validated only when asked.").arg(name)
            : Tr::tr("The shadow of %1 is validated every %n hour(s).", nullptr, *hours).arg(name);
        QMetaObject::invokeMethod(
            qApp,
            [self, message, ok = stored.ok()] {
                if (!self)
                    return;
                Q_EMIT self->reported(message, !ok);
                self->refresh();
            },
            Qt::QueuedConnection);
    });
    worker->setObjectName(QStringLiteral("umbra-shadow-schedule"));
    m_workers.start(worker);
}

void ShadowService::decide(qint64 planId, bool approve, const QString &by)
{
    const QString path = m_path;
    QThread *worker = QThread::create([path, planId, approve, by] {
        auto plans = Jobs::PlanStore::open(path, planStoreName());
        if (auto decided = plans ? plans.value()->decide(planId, approve, by)
                                 : Result<void>(Error{ plans.error() });
            !decided)
            qWarning("umbra: %s", qUtf8Printable(decided.error()));
    });
    worker->setObjectName(QStringLiteral("umbra-shadow-decide"));
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void ShadowService::execute(const Jobs::Plan &plan, const QString &approveAs)
{
    const QString vmUuid = plan.request.value(QLatin1String("vmUuid")).toString();
    if (!vmUuid.isEmpty() && m_busy.contains(vmUuid)) {
        Q_EMIT actionFinished(plan, false, Tr::tr("An action on this shadow is running already."));
        return;
    }
    QPointer<ShadowService> self(this);
    auto say = [self, vmUuid](const QString &line) {
        QMetaObject::invokeMethod(
            qApp,
            [self, vmUuid, line] {
                if (self)
                    Q_EMIT self->progress(vmUuid, line);
            },
            Qt::QueuedConnection);
    };
    auto job = std::make_shared<ShadowJob>(environment(), say);
    const QString path = m_path;
    const int bootS = m_validationBootS;
    QThread *thread = QThread::create([self, job, plan, approveAs, path, bootS] {
        QString message;
        bool ok = false;
        auto plans = Jobs::PlanStore::open(path, planStoreName());
        Result<void> taken = plans ? Result<void>() : Result<void>(Error{ plans.error() });
        if (taken && !approveAs.isEmpty())
            taken = plans.value()->decide(plan.id, true, approveAs);
        if (taken)
            taken = plans.value()->startExecution(plan.id, 0);
        if (!taken) {
            message = Tr::tr("Plan %1 was not executed: %2").arg(plan.id).arg(taken.error());
        } else {
            const QJsonObject r = plan.request;
            const QString uuid = r.value(QLatin1String("vmUuid")).toString();
            Result<ShadowRecord> done = Error{ Tr::tr("Unknown action %1.").arg(plan.kind) };
            if (plan.kind == kCreate) {
                CreateRequest create{ uuid, r.value(QLatin1String("primaryUri")).toString(),
                                      r.value(QLatin1String("shadowUri")).toString() };
                if (const QJsonValue every = r.value(QLatin1String("validateEveryH"));
                    every.isDouble())
                    create.validateEveryH = every.toInt();
                done = job->create(create);
            } else if (plan.kind == kFailover) {
                FailoverOptions options;
                options.planned = r.value(QLatin1String("planned")).toBool();
                options.validateFirst = validationOptions(*job, uuid, bootS);
                done = job->failover(uuid, options);
            } else if (plan.kind == kRemove) {
                done = job->remove(uuid);
            } else if (plan.kind == kScale) {
                auto shadow = job->find(uuid);
                Sizing sizing;
                sizing.vcpus = r.value(QLatin1String("vcpus")).toInt();
                sizing.memoryKiB = shadow && shadow->has_value() ? shadow->value().memoryKiB : 0;
                sizing.reason = r.value(QLatin1String("reason")).toString();
                done = shadow ? job->resize(uuid, sizing)
                              : Result<ShadowRecord>(Error{ shadow.error() });
            } else if (plan.kind == kValidate) {
                auto shadow = job->find(uuid);
                auto validated = job->validate(uuid, validationOptions(*job, uuid, bootS));
                if (!validated)
                    done = Error{ validated.error() };
                else if (!validated->passed)
                    done = Error{ Tr::tr("Validation of the shadow of %1 failed: %2")
                                      .arg(plan.subject, validated->reason) };
                else if (shadow && shadow->has_value())
                    done = shadow->value();
            }
            ok = done.ok();
            message = ok ? Tr::tr("%1: the shadow %2 is %3.")
                               .arg(plan.summary, done->shadowName, stateLabel(done->state))
                         : done.error();
            if (ok)
                (void)plans.value()->attachJob(plan.id, done->id);
            if (auto ended = plans.value()->finishExecution(plan.id); !ended)
                qWarning("umbra: %s", qUtf8Printable(ended.error()));
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, plan, ok, message] {
                if (!self)
                    return;
                Q_EMIT self->actionFinished(plan, ok, message);
                Q_EMIT self->reported(message, !ok);
                self->refresh();
            },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("umbra-shadow-job"));
    m_busy.insert(vmUuid);
    m_running.append({ thread, job });
    connect(thread, &QThread::finished, this, [this, thread, vmUuid] {
        m_busy.remove(vmUuid);
        m_running.removeIf([thread](const Running &r) { return r.thread == thread; });
        thread->deleteLater();
    });
    thread->start();
}

void ShadowService::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    // What the GUI thread knows, for the worker: which actions run, where
    // the inventory sees each known primary, and whether it is moving.
    const QSet<QString> busy = m_busy;
    QHash<QString, QString> runsOn;
    QSet<QString> moving;
    const qint64 askedMs = QDateTime::currentMSecsSinceEpoch();
    for (const ShadowRecord &shadow : std::as_const(m_shadows)) {
        if (m_runsOn)
            runsOn.insert(shadow.primaryUuid, m_runsOn(shadow.primaryUuid));
        if (m_moving && m_moving(shadow.primaryUuid))
            moving.insert(shadow.primaryUuid);
    }
    Refreshed state;
    state.simulations = m_simulations;
    state.retryAtMs = m_retryAtMs;
    state.retries = m_retries;
    state.unreachableSinceMs = m_unreachableSinceMs;
    state.sizedAtMs = m_sizedAtMs;
    state.readings = m_readings;
    const Environment env = environment();
    const int graceS = m_graceS;
    const bool automaticSizing = m_automaticSizing;
    const int validationIntervalH = m_validationIntervalH;
    const bool knowsFleet = !m_shadows.isEmpty() || !m_runsOn;
    QPointer<ShadowService> self(this);
    QThread *worker = QThread::create([self, env, busy, runsOn, moving, askedMs, graceS,
                                       automaticSizing, knowsFleet, validationIntervalH,
                                       state]() mutable {
        ShadowJob job(env);
        auto journal = ShadowJournal::open(env.journalPath, planStoreName() + u"-refresh");
        auto live = journal ? journal.value()->live()
                            : Result<QList<ShadowRecord>>(Error{ journal.error() });
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        auto report = [&state](const QString &message, bool isError) {
            state.reports.append({ message, isError });
        };
        for (const ShadowRecord &s : live ? live.value() : QList<ShadowRecord>{}) {
            if (busy.contains(s.primaryUuid))
                continue;
            switch (s.state) {
            case State::Creating:
                if (!processAlive(s.ownerPid) || s.ownerPid == QCoreApplication::applicationPid()) {
                    auto undone = job.remove(s.primaryUuid);
                    report(undone ? Tr::tr("The shadow of %1 was left half made by a console "
                                           "that stopped; what it made is removed.")
                                        .arg(s.primaryName)
                                  : undone.error(),
                           !undone);
                }
                break;
            case State::Seeding:
            case State::InSync: {
                const bool reachable = env.links(s.primaryUri).ok();
                if (reachable) {
                    state.unreachableSinceMs.remove(s.primaryUri);
                } else if (!state.unreachableSinceMs.contains(s.primaryUri)) {
                    state.unreachableSinceMs.insert(s.primaryUri, now);
                }
                const qint64 lostMs = now - state.unreachableSinceMs.value(s.primaryUri, now);
                const QString elsewhere = runsOn.value(s.primaryUuid);
                if (!reachable && graceS > 0 && lostMs >= qint64(graceS) * 1000
                    && s.state == State::InSync && knowsFleet
                    && (elsewhere.isEmpty() || elsewhere == s.primaryUri)) {
                    report(Tr::tr("%1's host %2 has been unreachable for %3 s: failing over to "
                                  "%4.")
                               .arg(s.primaryName, s.primaryUri)
                               .arg(lostMs / 1000)
                               .arg(s.shadowName),
                           true);
                    auto over = job.failover(s.primaryUuid, {});
                    report(over ? over->reason : over.error(), !over);
                    break;
                }
                if (!reachable)
                    break;
                auto checked = job.check(s.primaryUuid);
                if (checked)
                    state.readings.insert(s.id,
                                          follow(state.readings.value(s.id), checked.value(), now));
                if (!checked)
                    report(checked.error(), true);
                else if (checked->state != s.state)
                    report(Tr::tr("The shadow of %1 is %2: %3")
                               .arg(s.primaryName, stateLabel(checked->state), checked->reason),
                           checked->state == State::Degraded);
                // Sized by the forecast, every few minutes.
                if (automaticSizing && checked && checked->state == State::InSync
                    && now - state.sizedAtMs.value(s.id, 0) >= kSizingIntervalMs) {
                    state.sizedAtMs.insert(s.id, now);
                    if (auto sized = size(job, env, s); !sized.isEmpty())
                        report(sized, false);
                }
                // Validated on its schedule (or the console's): an interval
                // after it was made, or after its last validation.
                const qint64 lastMs = s.lastValidation ? s.lastValidation->startedMs : s.createdMs;
                const qint64 intervalMs
                    = qint64(s.validateEveryH.value_or(validationIntervalH)) * 3600 * 1000;
                if (checked && checked->state == State::InSync && intervalMs > 0
                    && now - lastMs >= intervalMs)
                    state.dueValidations.append(s.primaryUuid);
                break;
            }
            case State::Degraded: {
                if (now < state.retryAtMs.value(s.id, 0))
                    break;
                auto reseeded = job.reseed(s.primaryUuid, 0);
                if (reseeded) {
                    state.retries.remove(s.id);
                    state.retryAtMs.remove(s.id);
                    report(Tr::tr("The shadow of %1 is seeding again.").arg(s.primaryName), false);
                } else {
                    const int retries = state.retries.value(s.id, 0) + 1;
                    state.retries.insert(s.id, retries);
                    state.retryAtMs.insert(s.id, now + retryDelayMs(retries));
                    report(Tr::tr("Seeding the shadow of %1 again failed (attempt %2; next in "
                                  "%3 s): %4")
                               .arg(s.primaryName)
                               .arg(retries)
                               .arg(retryDelayMs(retries) / 1000)
                               .arg(reseeded.error()),
                           true);
                }
                break;
            }
            case State::Suspended: {
                // Set aside for a migration; once none runs (here, or in the
                // process that suspended it), replication follows the VM to
                // wherever it runs now. A suspension newer than the question
                // "is it moving?" is a move that question could not see.
                if (moving.contains(s.primaryUuid) || s.updatedMs >= askedMs || !knowsFleet
                    || (s.ownerPid != QCoreApplication::applicationPid()
                        && processAlive(s.ownerPid)))
                    break;
                const QString host = runsOn.value(s.primaryUuid, s.primaryUri);
                auto followed = job.follow(s.primaryUuid, host.isEmpty() ? s.primaryUri : host, 0);
                report(followed ? Tr::tr("The shadow of %1, suspended for a move that is no "
                                         "longer running, is %2.")
                                      .arg(s.primaryName, stateLabel(followed->state))
                                : followed.error(),
                       !followed);
                break;
            }
            default:
                break;
            }
        }
        auto after = journal ? journal.value()->live() : live;
        if (after) {
            state.shadows = after.value();
            for (ShadowRecord &s : state.shadows) {
                const Reading reading = state.readings.value(s.id);
                s.writeLatencyMs = reading.writeLatencyMs;
                s.copiedBytes = reading.copiedBytes;
                s.seedEtaS = s.state == State::Seeding ? reading.seedEtaS : -1;
                for (const ReplicatedDisk &disk : std::as_const(s.disks))
                    s.copyBytes += disk.sizeBytes;
                if (s.state == State::InSync)
                    s.copiedBytes = s.copyBytes;
            }
        } else {
            state.error = after.error();
        }
        for (const ShadowRecord &s : std::as_const(state.shadows)) {
            if (state.simulations.contains(s.shadowUri))
                continue;
            if (auto link = env.links(s.shadowUri); link)
                state.simulations.insert(s.shadowUri, link.value()->simulation());
        }
        if (journal)
            journal.value().reset(); // its connection belongs to this thread
        QMetaObject::invokeMethod(
            qApp,
            [self, state] {
                if (self)
                    self->apply(state);
            },
            Qt::QueuedConnection);
    });
    worker->setObjectName(QStringLiteral("umbra-shadow-refresh"));
    m_workers.start(worker);
}

void ShadowService::apply(const Refreshed &refreshed)
{
    m_refreshing = false;
    if (!refreshed.error.isEmpty()) {
        Q_EMIT reported(Tr::tr("The shadows could not be read: %1").arg(refreshed.error), true);
        return;
    }
    m_shadows = refreshed.shadows;
    m_simulations = refreshed.simulations;
    m_retryAtMs = refreshed.retryAtMs;
    m_retries = refreshed.retries;
    m_unreachableSinceMs = refreshed.unreachableSinceMs;
    m_sizedAtMs = refreshed.sizedAtMs;
    m_readings = refreshed.readings;
    for (const auto &[message, isError] : refreshed.reports)
        Q_EMIT reported(message, isError);
    Q_EMIT shadowsChanged();
    for (const QString &vmUuid : refreshed.dueValidations)
        if (!m_busy.contains(vmUuid) && !m_planning.contains(vmUuid))
            validateNow(vmUuid, QStringLiteral("schedule"));
}

} // namespace Umbra::Shadow
