#pragma once

#include "jobs/outcome.h"
#include "jobs/plan.h"
#include "traffic/balancerredirector.h"
#include "traffic/runtimereplies.h"
#include "traffic/shiftrequest.h"
#include "traffic/trafficjob.h"
#include "traffic/trafficjournal.h"
#include "traffic/trafficsettings.h"
#include "util/workerthreads.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace Umbra {
class StoreWriter;
}

namespace Umbra::Traffic {

// What one read of a balancer's statistics found.
struct BalancerView
{
    Balancer balancer;
    QList<ServerStat> stats; // servers and backends
    QString error; // why it could not be read; stats are empty then
    qint64 readMs = 0;
};

// The engine's traffic service: the fleet's load balancers (stored in the
// database), which of their servers each VM is, the live split read on the
// collection interval (and stored as series "lb/<balancer>/<backend>/<server>/
// <metric>"), and the traffic actions — shift (planned, approved, executed),
// drain and restore — each on a thread of its own. Lives on the GUI thread and
// never blocks it: every runtime API call and database write runs elsewhere.
class TrafficService : public QObject
{
    Q_OBJECT

public:
    explicit TrafficService(QObject *parent = nullptr);
    // Cancels running actions (they go back to the weights they found) and
    // waits for them.
    ~TrafficService() override;

    // Loads the balancers and mappings stored in the database (answered by
    // balancersChanged); `writer`, when given, stores the live split.
    void open(const QString &databasePath, StoreWriter *writer);
    void setAddressLookup(AddressLookup lookup);

    QList<Balancer> balancers() const { return m_balancers; }
    QList<Mapping> mappings() const { return m_mappings; }
    // Adds or replaces a balancer and stores it.
    void saveBalancer(const Balancer &balancer);
    void removeBalancer(const QString &name);
    // Shown beside the balancer in the console, not stored ("real HAProxy,
    // simulated services" in the demo).
    void setNote(const QString &name, const QString &note) { m_notes.insert(name, note); }
    QString note(const QString &name) const { return m_notes.value(name); }
    // The operator's mapping of a VM in a balancer; an invalid server removes it.
    void setMapping(const QString &vmUuid, const QString &balancer, const ServerRef &server);
    // Checks a balancer's socket: reachable, HAProxy, level admin. Answered
    // by probed.
    void probe(const Balancer &balancer);

    // Reads every balancer once (answered by viewsRefreshed), stores the
    // split, and sends again what a reload dropped of the actions in force.
    void refresh();
    QList<BalancerView> views() const { return m_views; }
    // The last read of the balancer named so, if it has been read.
    std::optional<BalancerView> viewOf(const QString &balancerName) const;

    // The servers that are a VM, from the last read: the operator's mapping,
    // else a server named as the VM, else a server at one of its addresses.
    QList<VmServer> serversOf(const QString &vmUuid, const QString &vmName,
                              const QStringList &addresses = {}) const;
    // The same, read live (blocking): what the migration's Redirect stage uses.
    ServerResolver resolver() const;
    std::shared_ptr<TrafficRedirector> redirector() const;

    // Plan → approve → execute, as for migrations: planShift() reads the
    // backend and stores the plan (evidence: the split and the receiving
    // server's checks; prediction: each step's weights), changing nothing.
    // `policy`: the proposal it answers, when the policy proposed it.
    QFuture<Jobs::Plan> planShift(const ShiftRequest &request, const QJsonObject &policy = {});
    void decide(qint64 planId, bool approve, const QString &by);
    void execute(const Jobs::Plan &plan, const QString &approveAs = {});
    void drain(const QString &balancer, const ServerRef &server, int timeoutMs = 30000);
    void restore(const QString &balancer, const ServerRef &server);
    bool cancel(qint64 actionId);
    bool isRunning() const { return !m_running.isEmpty(); }
    int runningCount() const { return int(m_running.size()); }

    void requestHistory(int limit = 100);
    // Puts back what actions a stopped console left half done; waits for the
    // stored balancers when they are still being read.
    void reconcile();

    const Balancer *balancer(const QString &name) const;

Q_SIGNALS:
    void balancersChanged();
    void probed(const QString &name, const QString &error);
    void viewsRefreshed();
    void progress(const Umbra::Traffic::TrafficProgress &progress);
    void actionFinished(const Umbra::Traffic::TrafficAction &action, Umbra::Jobs::Outcome outcome,
                        const QString &reason);
    void planDecided(qint64 planId, bool approved, const QString &error);
    void historyReady(const QList<Umbra::Traffic::TrafficAction> &actions, const QString &error);
    // For the event log: reconciliation, re-applied weights, failures.
    void reported(const QString &message, bool isError);

private:
    struct Running
    {
        QThread *thread = nullptr;
        std::shared_ptr<TrafficJob> job;
        qint64 actionId = 0;
    };
    template<typename T, typename Work, typename Done> void onWorker(Work work, Done done);
    void runJob(const QString &balancer, std::function<Jobs::Outcome(TrafficJob &)> work,
                std::function<void(const TrafficAction &)> after = {});
    void storeSplit(const QList<BalancerView> &views);
    void persist(const QString &statement, const QVariantList &values);

    QString m_path;
    StoreWriter *m_writer = nullptr;
    AddressLookup m_addresses;
    QList<Balancer> m_balancers;
    QList<Mapping> m_mappings;
    QHash<QString, QString> m_notes;
    QList<BalancerView> m_views;
    bool m_refreshing = false;
    bool m_loaded = false;
    bool m_reconcileWhenLoaded = false;
    QList<Running> m_running;
    WorkerThreads m_workers; // last: waited for before the rest goes
};

} // namespace Umbra::Traffic

Q_DECLARE_METATYPE(Umbra::Traffic::TrafficProgress)
Q_DECLARE_METATYPE(Umbra::Traffic::TrafficAction)
