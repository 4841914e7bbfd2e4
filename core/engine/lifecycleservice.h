#pragma once

#include "jobs/outcome.h"
#include "lifecycle/consolecommand.h"
#include "lifecycle/vmaction.h"
#include "lifecycle/vmactionrunner.h"
#include "util/workerthreads.h"

#include <QHash>
#include <QObject>

namespace Umbra {

class FleetService;

// How one VM's action ended, for the log, the console and the audit trail.
struct VmActionRecord
{
    Lifecycle::VmTarget target;
    Lifecycle::VmAction action = Lifecycle::VmAction::Start;
    qint64 planId = 0;
    Jobs::Outcome outcome = Jobs::Outcome::Failed;
    QString message;
    VmState stateAfter = VmState::NoState;
    bool shutdownTimedOut = false;
};

// The operator's everyday actions on VMs, on the same plan → approve →
// execute path as every other action: each VM's action is a plan (kind
// "vm.start", …) stored and approved by whoever asked, executed once on a
// worker thread and ended with its result, all in the audit trail. The
// plan is written before libvirt is called; one a killed console left
// executing is closed at the next start with what is known. Lives on the
// GUI thread; null on a read-only store, which cannot keep the trail.
class LifecycleService : public QObject
{
    Q_OBJECT

public:
    LifecycleService(FleetService *fleet, QObject *parent = nullptr);
    ~LifecycleService() override;

    // Opens the plans in `databasePath` and closes those an interrupted
    // console left executing.
    void open(const QString &databasePath);
    void setOptions(const Lifecycle::VmActionOptions &options) { m_options = options; }
    const Lifecycle::VmActionOptions &options() const { return m_options; }

    // Carries out `action` on every target, each on its own worker, each
    // answered by finished(). `decidedBy` approves the plans ("operator").
    void run(const QList<Lifecycle::VmTarget> &targets, Lifecycle::VmAction action,
             const QString &decidedBy = QStringLiteral("operator"));
    // Whether an action on this VM is under way (a second one waits for it).
    bool isBusy(const QString &vmUuid) const { return m_busy.contains(vmUuid); }
    int runningCount() const { return int(m_busy.size()); }

    // Works out how to open the VM's screen; answered by consoleReady().
    void prepareConsole(const Lifecycle::VmTarget &target);

    // How long a plan may stay executing before the next start calls it
    // interrupted: well past any shutdown deadline.
    static constexpr qint64 kInterruptedAfterMs = 10 * 60 * 1000;

Q_SIGNALS:
    void started(const Umbra::Lifecycle::VmTarget &target, Umbra::Lifecycle::VmAction action);
    void finished(const Umbra::VmActionRecord &record);
    void consoleReady(const Umbra::Lifecycle::VmTarget &target,
                      const Umbra::Lifecycle::ConsoleCommand &command);
    // What open() found of an interrupted console's actions.
    void reported(const QString &message, bool isError);

private:
    void runOne(const Lifecycle::VmTarget &target, Lifecycle::VmAction action,
                const QString &decidedBy);
    void settle(const VmActionRecord &record);

    FleetService *m_fleet;
    QString m_path;
    Lifecycle::VmActionOptions m_options;
    QHash<QString, Lifecycle::VmAction> m_busy;
    WorkerThreads m_workers; // last: waits for the workers before the rest goes
};

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::VmActionRecord)
