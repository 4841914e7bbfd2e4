#include "traffic/trafficservice.h"

#include "jobs/planstore.h"
#include "store/database.h"
#include "store/storewriter.h"
#include "traffic/runtimeapi.h"
#include "traffic/shiftplanner.h"
#include "traffic/trafficreconciler.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureInterface>
#include <QHostAddress>
#include <QJsonArray>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace Umbra::Traffic {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Traffic::TrafficService)
};

QString connectionName(const char *purpose)
{
    return Database::uniqueConnectionName(QLatin1String("umbra-traffic-") + QLatin1String(purpose));
}

} // namespace

TrafficService::TrafficService(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Umbra::Traffic::TrafficProgress>();
    qRegisterMetaType<Umbra::Traffic::TrafficAction>();
    qRegisterMetaType<QList<Umbra::Traffic::TrafficAction>>();
    qRegisterMetaType<Umbra::Jobs::Outcome>();
}

TrafficService::~TrafficService()
{
    for (const Running &r : std::as_const(m_running))
        r.job->cancel();
    for (const Running &r : std::as_const(m_running)) {
        r.thread->wait();
        delete r.thread;
    }
}

template<typename T, typename Work, typename Done>
void TrafficService::onWorker(Work work, Done done)
{
    QPointer<TrafficService> self(this);
    QThread *worker = QThread::create([self, work = std::move(work), done = std::move(done)] {
        T result = work();
        QMetaObject::invokeMethod(
            qApp ? static_cast<QObject *>(qApp) : nullptr,
            [self, done, result] {
                if (self)
                    done(result);
            },
            Qt::QueuedConnection);
    });
    m_workers.start(worker);
}

void TrafficService::open(const QString &databasePath, StoreWriter *writer)
{
    m_path = databasePath;
    m_writer = writer;
    struct Loaded
    {
        TrafficSettings settings;
        QString error;
    };
    const QString path = m_path;
    onWorker<Loaded>(
        [path] {
            Loaded loaded;
            auto settings = TrafficSettings::load(path);
            if (settings)
                loaded.settings = settings.value();
            else
                loaded.error = settings.error();
            return loaded;
        },
        [this](const Loaded &loaded) {
            if (!loaded.error.isEmpty())
                Q_EMIT reported(Tr::tr("Load balancers could not be read: %1").arg(loaded.error),
                                true);
            // Balancers given before the load (the command line) stay.
            for (const Balancer &b : loaded.settings.balancers) {
                if (!balancer(b.name))
                    m_balancers.append(b);
            }
            m_mappings = loaded.settings.mappings;
            m_loaded = true;
            Q_EMIT balancersChanged();
            if (m_reconcileWhenLoaded) {
                m_reconcileWhenLoaded = false;
                reconcile();
            }
            refresh();
        });
}

void TrafficService::setAddressLookup(AddressLookup lookup)
{
    m_addresses = std::move(lookup);
}

const Balancer *TrafficService::balancer(const QString &name) const
{
    for (const Balancer &b : m_balancers) {
        if (b.name == name)
            return &b;
    }
    return nullptr;
}

void TrafficService::persist(const QString &statement, const QVariantList &values)
{
    if (m_path.isEmpty())
        return;
    const QString path = m_path;
    onWorker<QString>(
        [path, statement, values] {
            auto db = Database::open(path, connectionName("save"), Database::Mode::Durable);
            if (!db)
                return db.error();
            QSqlQuery q(db.value()->sql());
            q.prepare(statement);
            for (const QVariant &v : values)
                q.addBindValue(v);
            return q.exec() ? QString() : q.lastError().text();
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT reported(Tr::tr("Load balancer settings were not saved: %1").arg(error),
                                true);
        });
}

void TrafficService::saveBalancer(const Balancer &b)
{
    for (Balancer &existing : m_balancers) {
        if (existing.name == b.name) {
            existing = b;
            persist(
                QStringLiteral("INSERT OR REPLACE INTO balancers (name, address) VALUES (?, ?)"),
                { b.name, b.address });
            Q_EMIT balancersChanged();
            return;
        }
    }
    m_balancers.append(b);
    persist(QStringLiteral("INSERT OR REPLACE INTO balancers (name, address) VALUES (?, ?)"),
            { b.name, b.address });
    Q_EMIT balancersChanged();
}

void TrafficService::removeBalancer(const QString &name)
{
    m_balancers.removeIf([&](const Balancer &b) { return b.name == name; });
    m_views.removeIf([&](const BalancerView &v) { return v.balancer.name == name; });
    persist(QStringLiteral("DELETE FROM balancers WHERE name = ?"), { name });
    Q_EMIT balancersChanged();
}

void TrafficService::setMapping(const QString &vmUuid, const QString &balancerName,
                                const ServerRef &server)
{
    m_mappings.removeIf([&](const Mapping &m) {
        return m.vmUuid == vmUuid && m.balancer == balancerName
            && (!server.isValid() || m.server.backend == server.backend);
    });
    if (server.isValid()) {
        m_mappings.append({ vmUuid, balancerName, server });
        persist(QStringLiteral("INSERT OR REPLACE INTO traffic_mappings (vm, balancer, backend, "
                               "server) VALUES (?, ?, ?, ?)"),
                { vmUuid, balancerName, server.backend, server.server });
    } else {
        persist(QStringLiteral("DELETE FROM traffic_mappings WHERE vm = ? AND balancer = ?"),
                { vmUuid, balancerName });
    }
    Q_EMIT balancersChanged();
}

void TrafficService::probe(const Balancer &b)
{
    onWorker<QString>(
        [b] {
            const RuntimeApi api(b);
            auto info = api.info();
            if (!info)
                return info.error();
            if (auto admin = api.checkAdminLevel(); !admin)
                return admin.error();
            return QString();
        },
        [this, name = b.name](const QString &error) { Q_EMIT probed(name, error); });
}

void TrafficService::refresh()
{
    if (m_refreshing || m_balancers.isEmpty())
        return;
    m_refreshing = true;
    struct Read
    {
        QList<BalancerView> views;
        QStringList reapplied;
    };
    const QList<Balancer> balancers = m_balancers;
    const QString path = m_path;
    onWorker<Read>(
        [balancers, path] {
            Read read;
            for (const Balancer &b : balancers) {
                BalancerView view{ b, {}, {}, QDateTime::currentMSecsSinceEpoch() };
                auto stats = RuntimeApi(b).stats();
                if (stats)
                    view.stats = stats.value();
                else
                    view.error = stats.error();
                read.views.append(view);
            }
            if (!path.isEmpty()) {
                if (auto journal = TrafficJournal::open(path, connectionName("watch")))
                    read.reapplied = reapplyInForce(*journal.value(), balancers);
            }
            return read;
        },
        [this](const Read &read) {
            m_refreshing = false;
            storeSplit(read.views);
            m_views = read.views;
            for (const QString &report : read.reapplied)
                Q_EMIT reported(report, true);
            Q_EMIT viewsRefreshed();
        });
}

void TrafficService::storeSplit(const QList<BalancerView> &views)
{
    if (!m_writer)
        return;
    QList<NamedPoint> points;
    for (const BalancerView &view : views) {
        for (const ServerStat &s : view.stats) {
            if (s.isBackend)
                continue;
            const QString prefix = QStringLiteral("lb/%1/%2/%3/")
                                       .arg(view.balancer.name, s.ref.backend, s.ref.server);
            double errorRate = kNoValue;
            for (const BalancerView &before : std::as_const(m_views)) {
                if (before.balancer.name != view.balancer.name)
                    continue;
                for (const ServerStat &p : before.stats) {
                    const double seconds = (view.readMs - before.readMs) / 1000.0;
                    if (p.ref == s.ref && seconds > 0 && s.errors() >= p.errors())
                        errorRate = double(s.errors() - p.errors()) / seconds;
                }
            }
            points.append({ prefix + QStringLiteral("rate"), -2, view.readMs, s.requestRate });
            points.append({ prefix + QStringLiteral("errors"), -2, view.readMs, errorRate });
            points.append({ prefix + QStringLiteral("rtime"), 0, view.readMs, s.responseTimeMs });
            points.append({ prefix + QStringLiteral("weight"), 0, view.readMs, double(s.weight) });
            points.append(
                { prefix + QStringLiteral("sessions"), 0, view.readMs, double(s.currentSessions) });
        }
    }
    if (points.isEmpty())
        return;
    StoreWriter *writer = m_writer;
    QMetaObject::invokeMethod(writer, [writer, points] { writer->addPoints(points); });
}

std::optional<BalancerView> TrafficService::viewOf(const QString &balancerName) const
{
    for (const BalancerView &view : m_views)
        if (view.balancer.name == balancerName)
            return view;
    return std::nullopt;
}

QList<VmServer> TrafficService::serversOf(const QString &vmUuid, const QString &vmName,
                                          const QStringList &addresses) const
{
    QList<VmServer> found;
    for (const BalancerView &view : m_views) {
        QHash<QString, bool> mappedBackends;
        for (const Mapping &m : m_mappings) {
            if (m.vmUuid == vmUuid && m.balancer == view.balancer.name) {
                found.append({ view.balancer, m.server });
                mappedBackends.insert(m.server.backend, true);
            }
        }
        for (const ServerStat &s : view.stats) {
            if (s.isBackend || mappedBackends.contains(s.ref.backend))
                continue;
            if (s.ref.server == vmName || addresses.contains(hostOfAddress(s.address)))
                found.append({ view.balancer, s.ref });
        }
    }
    return found;
}

ServerResolver TrafficService::resolver() const
{
    const QList<Balancer> balancers = m_balancers;
    const QList<Mapping> mappings = m_mappings;
    const AddressLookup addresses = m_addresses;
    return [balancers, mappings, addresses](const QString &vmUuid, const QString &vmName,
                                            const QString &hostUri) {
        return resolveServers(balancers, mappings, addresses, vmUuid, vmName, hostUri);
    };
}

std::shared_ptr<TrafficRedirector> TrafficService::redirector() const
{
    if (m_balancers.isEmpty() || m_path.isEmpty())
        return std::make_shared<NoTrafficRedirector>();
    return std::make_shared<BalancerRedirector>(m_path, resolver());
}

QFuture<Jobs::Plan> TrafficService::planShift(const ShiftRequest &request,
                                              const QJsonObject &policy)
{
    auto promise = std::make_shared<QFutureInterface<Jobs::Plan>>();
    promise->reportStarted();
    const Balancer *b = balancer(request.balancer);
    if (!b) {
        Jobs::Plan refused;
        refused.kind = QStringLiteral("traffic.shift");
        refused.refusal = Tr::tr("There is no load balancer “%1” (File → Load balancers…).")
                              .arg(request.balancer);
        promise->reportResult(refused);
        promise->reportFinished();
        return promise->future();
    }
    const Balancer chosen = *b;
    const QString path = m_path;
    QThread *worker = QThread::create([promise, request, chosen, path, policy] {
        Jobs::Plan plan = Traffic::planShift(request, chosen);
        plan.policy = policy;
        plan.createdMs = QDateTime::currentMSecsSinceEpoch();
        if (auto store = Jobs::PlanStore::open(path, connectionName("plan"))) {
            if (auto id = store.value()->propose(plan)) {
                plan.id = id.value();
                (void)store.value()->supersedeOlder(plan);
            } else {
                plan.refusal = id.error();
            }
        } else {
            plan.refusal = store.error();
        }
        promise->reportResult(plan);
        promise->reportFinished();
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
    return promise->future();
}

void TrafficService::decide(qint64 planId, bool approve, const QString &by)
{
    const QString path = m_path;
    onWorker<QString>(
        [path, planId, approve, by] {
            auto store = Jobs::PlanStore::open(path, connectionName("decide"));
            if (!store)
                return store.error();
            auto decided = store.value()->decide(planId, approve, by);
            return decided ? QString() : decided.error();
        },
        [this, planId, approve](const QString &error) {
            Q_EMIT planDecided(planId, approve && error.isEmpty(), error);
        });
}

void TrafficService::runJob(const QString &balancerName,
                            std::function<Jobs::Outcome(TrafficJob &)> work,
                            std::function<void(const TrafficAction &)> after)
{
    const Balancer *b = balancer(balancerName);
    if (!b) {
        TrafficAction none;
        none.balancer = balancerName;
        none.state = ActionState::Failed;
        const QString reason
            = Tr::tr("There is no load balancer “%1” (File → Load balancers…).").arg(balancerName);
        none.reason = reason;
        Q_EMIT actionFinished(none, Jobs::Outcome::Failed, reason);
        return;
    }
    QPointer<TrafficService> self(this);
    auto job = std::make_shared<TrafficJob>(m_path, *b, [self](const TrafficProgress &p) {
        QMetaObject::invokeMethod(
            qApp,
            [self, p] {
                if (!self)
                    return;
                Q_EMIT self->progress(p);
            },
            Qt::QueuedConnection);
    });
    Running running;
    running.job = job;
    running.thread = QThread::create([self, job, work, after] {
        const Jobs::Outcome outcome = work(*job);
        if (after)
            after(job->action());
        const TrafficAction action = job->action();
        const QString reason = job->reason();
        QMetaObject::invokeMethod(
            qApp,
            [self, job, action, outcome, reason] {
                if (!self)
                    return;
                for (qsizetype i = 0; i < self->m_running.size(); ++i) {
                    if (self->m_running[i].job == job) {
                        self->m_running[i].thread->wait();
                        delete self->m_running[i].thread;
                        self->m_running.removeAt(i);
                        break;
                    }
                }
                Q_EMIT self->actionFinished(action, outcome, reason);
            },
            Qt::QueuedConnection);
    });
    m_running.append(running);
    running.thread->start();
}

void TrafficService::execute(const Jobs::Plan &plan, const QString &approveAs)
{
    const ShiftRequest request = ShiftRequest::fromJson(plan.request);
    const QString path = m_path;
    const qint64 planId = plan.id;
    auto refusal = std::make_shared<QString>();
    runJob(request.balancer,
           [path, planId, approveAs, request, refusal](TrafficJob &job) {
               auto store = Jobs::PlanStore::open(path, connectionName("execute"));
               if (!store) {
                   *refusal = store.error();
                   return Jobs::Outcome::Failed;
               }
               if (!approveAs.isEmpty()) {
                   if (auto decided = store.value()->decide(planId, true, approveAs); !decided) {
                       *refusal = decided.error();
                       return Jobs::Outcome::Failed;
                   }
               }
               if (auto started = store.value()->startExecution(planId, 0); !started) {
                   *refusal
                       = Tr::tr("Plan %1 was not executed: %2").arg(planId).arg(started.error());
                   return Jobs::Outcome::Failed;
               }
               const Jobs::Outcome outcome = job.shift(request);
               if (job.action().id != 0)
                   (void)store.value()->attachJob(planId, job.action().id);
               (void)store.value()->finishExecution(planId);
               return outcome;
           },
           {});
}

void TrafficService::drain(const QString &balancerName, const ServerRef &server, int timeoutMs)
{
    runJob(balancerName,
           [server, timeoutMs](TrafficJob &job) { return job.drain(server, timeoutMs); });
}

void TrafficService::restore(const QString &balancerName, const ServerRef &server)
{
    runJob(balancerName, [server](TrafficJob &job) { return job.restore(server); });
}

bool TrafficService::cancel(qint64 actionId)
{
    for (const Running &r : std::as_const(m_running)) {
        if (actionId == 0 || r.job->action().id == actionId) {
            r.job->cancel();
            return true;
        }
    }
    return false;
}

void TrafficService::requestHistory(int limit)
{
    struct Read
    {
        QList<TrafficAction> actions;
        QString error;
    };
    const QString path = m_path;
    onWorker<Read>(
        [path, limit] {
            Read read;
            auto journal = TrafficJournal::open(path, connectionName("history"));
            if (!journal) {
                read.error = journal.error();
                return read;
            }
            auto history = journal.value()->history(limit);
            if (history)
                read.actions = history.value();
            else
                read.error = history.error();
            return read;
        },
        [this](const Read &read) { Q_EMIT historyReady(read.actions, read.error); });
}

void TrafficService::reconcile()
{
    if (!m_loaded && !m_path.isEmpty()) {
        m_reconcileWhenLoaded = true;
        return;
    }
    const QString path = m_path;
    const QList<Balancer> balancers = m_balancers;
    onWorker<QList<TrafficReconcileResult>>(
        [path, balancers] {
            auto journal = TrafficJournal::open(path, connectionName("reconcile"));
            if (!journal)
                return QList<TrafficReconcileResult>{ { 0, {}, journal.error(), false } };
            return reconcileTraffic(*journal.value(), balancers);
        },
        [this](const QList<TrafficReconcileResult> &results) {
            for (const TrafficReconcileResult &r : results)
                Q_EMIT reported(r.report, !r.settled);
        });
}

} // namespace Umbra::Traffic
