#include "migrate/migrationmanager.h"

#include "jobs/planstore.h"
#include "migrate/migrationjob.h"
#include "migrate/migrationjournal.h"
#include "migrate/migrationplanner.h"
#include "migrate/planqueue.h"
#include "traffic/trafficredirector.h"

#include <QCoreApplication>
#include <QPromise>
#include <QSet>
#include <QThread>

namespace Umbra {

namespace {

void registerTypes()
{
    static const bool once = [] {
        qRegisterMetaType<MigrationStage>();
        qRegisterMetaType<MigrationOutcome>();
        qRegisterMetaType<MigrationProgress>();
        qRegisterMetaType<MigrationRecord>();
        qRegisterMetaType<MigrationRequest>();
        qRegisterMetaType<Jobs::Plan>();
        qRegisterMetaType<ReconcileResult>();
        qRegisterMetaType<QList<MigrationRecord>>();
        qRegisterMetaType<QList<ReconcileResult>>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace

MigrationManager::MigrationManager(QString journalPath, LinkFactory links, QObject *parent)
    : QObject(parent)
    , m_journalPath(std::move(journalPath))
    , m_links(std::move(links))
    , m_redirector(std::make_shared<NoTrafficRedirector>())
    , m_plans(std::make_unique<PlanQueue>(
          m_journalPath, QStringLiteral("umbra-migrate-plan-%1").arg(++m_workerSequence)))
{
    registerTypes();
}

MigrationManager::~MigrationManager()
{
    for (Running &r : m_jobs) {
        r.job->cancel();
        r.thread->quit();
    }
    for (Running &r : m_jobs) {
        r.thread->wait();
        delete r.job;
        delete r.thread;
    }
}

void MigrationManager::setPlacement(std::shared_ptr<Pools::CapacityLedger> ledger,
                                    Pools::Outlook outlook)
{
    m_placement.ledger = std::move(ledger);
    m_placement.outlook = std::move(outlook);
}

void MigrationManager::setTrafficRedirector(std::shared_ptr<TrafficRedirector> redirector)
{
    m_redirector = redirector ? std::move(redirector) : std::make_shared<NoTrafficRedirector>();
}

template<typename T, typename Work, typename Done>
void MigrationManager::onWorker(const char *name, Work work, Done done)
{
    QPointer<MigrationManager> self(this);
    QThread *worker = QThread::create([self, work = std::move(work), done = std::move(done)] {
        T result = work();
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, result = std::move(result)] {
                    if (self)
                        done(result);
                },
                Qt::QueuedConnection);
    });
    worker->setObjectName(QLatin1String(name));
    m_workers.start(worker);
}

QFuture<Jobs::Plan> MigrationManager::plan(const MigrationRequest &request,
                                           const QJsonObject &policy)
{
    auto promise = std::make_shared<QPromise<Jobs::Plan>>();
    QFuture<Jobs::Plan> future = promise->future();
    promise->start();
    const LinkFactory links = m_links;
    const PlacementContext placement = m_placement;
    // The promise is kept by the queue: a future resolves even when the
    // manager is gone before the plan is.
    auto work = [promise, links, placement, request,
                 policy](MigrationJournal *journal, const Result<Jobs::PlanStore *> &store) {
        MigrationPlanner planner(request, links, journal);
        planner.setPlacement(placement, false);
        Jobs::Plan plan = planner.plan();
        plan.policy = policy;
        // A policy's proposal says why in its summary ("Evacuate kvm01: …").
        if (const QString summary = policy.value(QLatin1String("summary")).toString();
            !summary.isEmpty())
            plan.summary = summary;
        auto id = store ? store.value()->propose(plan) : Result<qint64>(Error{ store.error() });
        if (id) {
            plan.id = id.value();
            if (auto superseded = store.value()->supersedeOlder(plan); !superseded)
                qWarning("umbra: %s", qUtf8Printable(superseded.error()));
        } else {
            plan.refusal = QCoreApplication::translate("Umbra::MigrationManager",
                                                       "The plan could not be stored: %1")
                               .arg(id.error());
        }
        promise->addResult(plan);
        promise->finish();
    };
    auto abandon = [promise, vm = request.vm] {
        Jobs::Plan plan;
        plan.refusal = QCoreApplication::translate("Umbra::MigrationManager",
                                                   "The console closed before the plan for %1 "
                                                   "was worked out.")
                           .arg(vm);
        promise->addResult(plan);
        promise->finish();
    };
    // An operator's plan goes before a policy's proposals.
    m_plans->post(std::move(work), std::move(abandon), policy.isEmpty());
    return future;
}

QFuture<QList<TargetCapacity>> MigrationManager::assessTargets(const QString &sourceUri,
                                                               const QString &vm,
                                                               const QStringList &targets,
                                                               const MigrationOptions &options,
                                                               Pools::Placing placing)
{
    auto promise = std::make_shared<QPromise<QList<TargetCapacity>>>();
    QFuture<QList<TargetCapacity>> future = promise->future();
    promise->start();
    const LinkFactory links = m_links;
    const PlacementContext placement = m_placement;
    QThread *worker = QThread::create([promise, links, placement, sourceUri, vm, targets, options,
                                       placing] {
        // Without the console's ledger, a private one: the same arithmetic.
        const auto ledger
            = placement.ledger ? placement.ledger : std::make_shared<Pools::CapacityLedger>();
        QList<TargetCapacity> answer;
        Pools::PlacementQuery query;
        query.sourceHostUri = sourceUri;
        query.sourceFailureDomain = placement.pools.failureDomainOf(sourceUri);
        QString sourceError;
        if (auto source = links(sourceUri); !source) {
            sourceError = source.error();
        } else if (auto dom = source.value()->domain(vm); !dom) {
            sourceError = dom.error();
        } else {
            query.demand = { dom->memoryKiB, dom->vcpus };
            query.subject
                = { placing, dom->uuid, dom->name, placement.pools.customerOf(dom->uuid) };
            if (placement.outlook.vmPeakCpus)
                query.peakCpus = placement.outlook.vmPeakCpus(dom->uuid);
        }
        QList<Pools::Candidate> candidates;
        for (const QString &uri : targets) {
            TargetCapacity capacity;
            capacity.uri = uri;
            Pools::Candidate candidate;
            candidate.hostUri = uri;
            candidate.hostName = uri;
            candidate.pool = placement.pools.poolOfHost(uri);
            candidate.failureDomain = placement.pools.failureDomainOf(uri);
            auto link = links(uri);
            auto host = link ? link.value()->host() : Result<HostFacts>(Error{ link.error() });
            auto allocation
                = host ? link.value()->allocation() : Result<HostAllocation>(Error{ host.error() });
            if (!sourceError.isEmpty()) {
                capacity.error = sourceError;
            } else if (!allocation) {
                capacity.error = allocation.error();
            } else {
                const Pools::HostCapacity hostCapacity
                    = MigrationPlanner::capacityOf(host.value(), allocation.value());
                const Pools::PlacementLimits limits = MigrationPlanner::limitsOf(options);
                const Pools::Fit fit
                    = Pools::fit(hostCapacity, query.demand.memoryKiB, query.demand.vcpus, limits);
                capacity.usableKiB = fit.usableKiB;
                capacity.leftKiB = fit.leftKiB(query.demand.memoryKiB);
                capacity.fits = fit.fits();
                capacity.runningVms = allocation->domains;
                ledger->observe(uri, hostCapacity, limits);
                if (auto room = ledger->headroom(uri, placing); room) {
                    candidate.headroom = room.value();
                    capacity.fits = capacity.fits && room->fits(query.demand);
                }
                candidate.cpus = host->cpus;
                if (placement.outlook.host) {
                    const Pools::HostOutlook outlook = placement.outlook.host(uri);
                    candidate.peakCpus = outlook.peakCpus;
                    candidate.failureRisk = outlook.failureRisk;
                    candidate.maintenance = outlook.maintenance;
                    candidate.health = outlook.health;
                }
            }
            candidate.error = capacity.error;
            candidates.append(candidate);
            answer.append(capacity);
        }
        const QList<Pools::Ranking> ranked = Pools::rank(query, candidates);
        for (int i = 0; i < ranked.size(); ++i) {
            for (TargetCapacity &capacity : answer) {
                if (capacity.uri == ranked[i].hostUri) {
                    capacity.ranking = ranked[i];
                    capacity.rank = i + 1;
                    capacity.fits = capacity.fits && ranked[i].eligible;
                }
            }
        }
        promise->addResult(answer);
        promise->finish();
    });
    worker->setObjectName(QStringLiteral("umbra-migrate-assess"));
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
    return future;
}

void MigrationManager::decide(qint64 planId, bool approve, const QString &by)
{
    const QString path = m_journalPath;
    const QString name = QStringLiteral("umbra-migrate-decide-%1").arg(++m_workerSequence);
    onWorker<QString>(
        "umbra-migrate-decide",
        [path, name, planId, approve, by] {
            auto plans = Jobs::PlanStore::open(path, name);
            if (!plans)
                return plans.error();
            auto decided = plans.value()->decide(planId, approve, by);
            return decided ? QString() : decided.error();
        },
        [this, planId, approve](const QString &error) {
            Q_EMIT planDecided(planId, approve && error.isEmpty(), error);
        });
}

MigrationJob *MigrationManager::execute(const Jobs::Plan &plan, const QString &approveAs)
{
    return launch(new MigrationJob(
        plan, approveAs, { m_journalPath, m_links, m_redirector, m_placement, m_replication }));
}

MigrationJob *MigrationManager::start(const MigrationRequest &request)
{
    return launch(new MigrationJob(
        request, { m_journalPath, m_links, m_redirector, m_placement, m_replication }));
}

MigrationJob *MigrationManager::launch(MigrationJob *job)
{
    const MigrationRequest &request = job->request();
    auto *thread = new QThread;
    thread->setObjectName(QStringLiteral("umbra-migrate"));
    job->moveToThread(thread);
    Running running{ job, thread, {} };
    running.record.vmName = request.vm;
    running.record.sourceUri = request.sourceUri;
    running.record.targetUri = request.targetUri;
    running.record.options = request.options;
    m_jobs.append(running);

    connect(
        job, &MigrationJob::stageChanged, this,
        [this, job, request](qint64 id, MigrationStage stage, const QString &message, qint64 ts) {
            if (MigrationRecord *record = recordOf(job)) {
                if (record->id == 0) {
                    record->id = id;
                    Q_EMIT jobStarted(id, request);
                }
                record->stage = stage;
                record->events.append(StageEvent{ ts, stage, QStringLiteral("enter"), message });
            }
            Q_EMIT stageChanged(id, stage, message, ts);
        });
    // Who else acts on the VM asks running() whether it is moving (a
    // shadow's replication must not start again under its move): by uuid,
    // which the request may not name.
    connect(job, &MigrationJob::identified, this,
            [this, job](qint64, const QString &vmUuid, const QString &vmName) {
                if (MigrationRecord *record = recordOf(job)) {
                    record->vmUuid = vmUuid;
                    record->vmName = vmName;
                }
            });
    connect(job, &MigrationJob::logged, this, &MigrationManager::logged);
    connect(job, &MigrationJob::progress, this, &MigrationManager::progress);
    connect(job, &MigrationJob::finished, this, [this, job](const MigrationRecord &record) {
        for (qsizetype i = 0; i < m_jobs.size(); ++i) {
            if (m_jobs[i].job != job)
                continue;
            QThread *thread = m_jobs[i].thread;
            m_jobs.removeAt(i);
            thread->quit();
            thread->wait();
            delete job;
            delete thread;
            break;
        }
        Q_EMIT jobFinished(record);
    });
    thread->start();
    QMetaObject::invokeMethod(job, &MigrationJob::run, Qt::QueuedConnection);
    return job;
}

MigrationRecord *MigrationManager::recordOf(const MigrationJob *job)
{
    for (Running &r : m_jobs) {
        if (r.job == job)
            return &r.record;
    }
    return nullptr;
}

bool MigrationManager::cancel(qint64 jobId)
{
    for (Running &r : m_jobs) {
        if (r.job->id() == jobId) {
            r.job->cancel();
            return true;
        }
    }
    return false;
}

void MigrationManager::cancelAll()
{
    for (Running &r : m_jobs)
        r.job->cancel();
}

QList<MigrationRecord> MigrationManager::running() const
{
    QList<MigrationRecord> list;
    for (const Running &r : m_jobs)
        list.append(r.record);
    return list;
}

void MigrationManager::requestHistory(int limit)
{
    const QString path = m_journalPath;
    const QString name = QStringLiteral("umbra-migrate-history-%1").arg(++m_workerSequence);
    QPointer<MigrationManager> self(this);
    QThread *worker = QThread::create([self, path, name, limit] {
        QList<MigrationRecord> jobs;
        QString error;
        if (auto journal = MigrationJournal::open(path, name)) {
            auto history = journal.value()->history(limit);
            if (history)
                jobs = history.value();
            else
                error = history.error();
        } else {
            error = journal.error();
        }
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, jobs, error] {
                    if (self)
                        Q_EMIT self->historyReady(jobs, error);
                },
                Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void MigrationManager::reconcile()
{
    QSet<qint64> skip;
    for (const Running &r : m_jobs)
        skip.insert(r.job->id());
    const QString path = m_journalPath;
    const QString name = QStringLiteral("umbra-migrate-reconcile-%1").arg(++m_workerSequence);
    const LinkFactory links = m_links;
    QPointer<MigrationManager> self(this);
    QThread *worker = QThread::create([self, path, name, links, skip] {
        QList<ReconcileResult> results;
        QString error;
        if (auto journal = MigrationJournal::open(path, name)) {
            Reconciler reconciler(*journal.value(), links);
            results = reconciler.run(skip);
            if (auto plans = Jobs::PlanStore::open(path, name + u"-plans"))
                settlePlans(*plans.value(), results);
        } else {
            error = journal.error();
        }
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, results, error] {
                    if (self)
                        Q_EMIT self->reconciled(results, error);
                },
                Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

} // namespace Umbra
