#include "engine/lifecycleservice.h"

#include "engine/fleetservice.h"
#include "jobs/planstore.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QPointer>
#include <QThread>

namespace Umbra {

namespace {

QString connectionName(const char *purpose)
{
    return Database::uniqueConnectionName(QLatin1String("umbra-lifecycle-")
                                          + QLatin1String(purpose));
}

bool isLifecyclePlan(const Jobs::Plan &plan)
{
    return plan.kind.startsWith(QLatin1String("vm."));
}

Jobs::Plan planFor(const Lifecycle::VmTarget &target, Lifecycle::VmAction action)
{
    using namespace Lifecycle;
    Jobs::Plan plan;
    plan.kind = vmActionPlanKind(action);
    plan.subject = target.name;
    plan.subjectId = target.uuid;
    plan.summary = LifecycleService::tr("%1 %2 on %3")
                       .arg(vmActionLabel(action), target.name, target.hostName);
    plan.request = QJsonObject{ { QStringLiteral("uri"), target.uri },
                                { QStringLiteral("uuid"), target.uuid },
                                { QStringLiteral("action"), vmActionKey(action) } };
    plan.evidence = {
        LifecycleService::tr("%1 was %2 when asked.").arg(target.name, vmStateName(target.state))
    };
    if (vmActionIsDestructive(action))
        plan.evidence.append(vmActionLoss(action, target.name));
    plan.steps = { LifecycleService::tr("Ask libvirt on %1 to %2 %3, and check that it did.")
                       .arg(target.hostName, vmActionLabel(action).toLower(), target.name) };
    plan.createdMs = QDateTime::currentMSecsSinceEpoch();
    return plan;
}

} // namespace

LifecycleService::LifecycleService(FleetService *fleet, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{
    qRegisterMetaType<VmActionRecord>();
    qRegisterMetaType<Lifecycle::VmAction>();
}

LifecycleService::~LifecycleService() = default;

void LifecycleService::open(const QString &databasePath)
{
    m_path = databasePath;
    QPointer<LifecycleService> self(this);
    m_workers.start(QThread::create([self, path = databasePath] {
        auto store = Jobs::PlanStore::open(path, connectionName("reconcile"));
        if (!store)
            return;
        auto executing = store.value()->plans({ Jobs::PlanState::Executing });
        if (!executing)
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QStringList reports;
        for (const Jobs::Plan &plan : executing.value()) {
            // A younger one may be another console's, still waiting on its
            // guest; only one past every deadline is known to be orphaned.
            if (!isLifecyclePlan(plan) || now - plan.decidedMs < kInterruptedAfterMs)
                continue;
            const QString result
                = tr("Interrupted: Umbra stopped before it knew whether “%1” took effect; "
                     "the VM's state is what its host shows.")
                      .arg(plan.summary);
            if (store.value()->finishExecution(plan.id, result))
                reports.append(result);
        }
        QMetaObject::invokeMethod(qApp, [self, reports] {
            for (const QString &report : reports) {
                if (self)
                    Q_EMIT self->reported(report, true);
            }
        });
    }));
}

void LifecycleService::run(const QList<Lifecycle::VmTarget> &targets, Lifecycle::VmAction action,
                           const QString &decidedBy)
{
    for (const Lifecycle::VmTarget &target : targets)
        runOne(target, action, decidedBy);
}

void LifecycleService::runOne(const Lifecycle::VmTarget &target, Lifecycle::VmAction action,
                              const QString &decidedBy)
{
    VmActionRecord record;
    record.target = target;
    record.action = action;
    record.stateAfter = target.state;
    if (m_busy.contains(target.uuid)) {
        record.message = tr("%1: “%2” is still under way; “%3” was not started.")
                             .arg(target.name, Lifecycle::vmActionLabel(m_busy.value(target.uuid)),
                                  Lifecycle::vmActionLabel(action));
        Q_EMIT finished(record);
        return;
    }
    m_busy.insert(target.uuid, action);
    Q_EMIT started(target, action);
    QPointer<LifecycleService> self(this);
    m_workers.start(
        QThread::create([self, path = m_path, options = m_options, decidedBy, record]() mutable {
            const auto post = [self](const VmActionRecord &done) {
                QMetaObject::invokeMethod(qApp, [self, done] {
                    if (self)
                        self->settle(done);
                });
            };
            // Journalled before it acts: the plan is stored, approved and marked
            // executing before libvirt hears of it.
            auto store = Jobs::PlanStore::open(path, connectionName("run"));
            if (!store) {
                record.message = store.error();
                return post(record);
            }
            auto id = store.value()->propose(planFor(record.target, record.action));
            if (!id) {
                record.message = id.error();
                return post(record);
            }
            record.planId = id.value();
            if (auto approved = store.value()->decide(record.planId, true, decidedBy); !approved) {
                record.message = approved.error();
                return post(record);
            }
            if (auto started = store.value()->startExecution(record.planId, 0); !started) {
                record.message = started.error();
                return post(record);
            }
            const Lifecycle::VmActionResult result
                = Lifecycle::runVmAction(record.target, record.action, options);
            record.outcome = result.outcome;
            record.message = result.message;
            record.stateAfter = result.stateAfter;
            record.shutdownTimedOut = result.shutdownTimedOut;
            const QString ended = Jobs::outcomeLabel(result.outcome) + u": " + result.message;
            if (auto done = store.value()->finishExecution(record.planId, ended); !done)
                record.message += u' ' + done.error();
            post(record);
        }));
}

void LifecycleService::settle(const VmActionRecord &done)
{
    VmActionRecord record = done;
    m_busy.remove(record.target.uuid);
    // The demo's hosts are libvirt's test driver: the state really changes
    // there, but no guest is behind it.
    if (m_fleet->isSimulated(record.target.uri))
        record.message += tr(" (simulated)");
    // The state shows at once; autostart raises no lifecycle event at all.
    m_fleet->refreshVm(record.target.uri, record.target.uuid);
    Q_EMIT finished(record);
}

void LifecycleService::prepareConsole(const Lifecycle::VmTarget &target)
{
    QPointer<LifecycleService> self(this);
    m_workers.start(QThread::create([self, target] {
        const Lifecycle::ConsoleCommand command = Lifecycle::consoleCommandFor(target);
        QMetaObject::invokeMethod(qApp, [self, target, command] {
            if (self)
                Q_EMIT self->consoleReady(target, command);
        });
    }));
}

} // namespace Umbra
