#pragma once

#include "fleet/eventrecord.h"
#include "fleet/hostinfo.h"
#include "jobs/outcome.h"
#include "jobs/plan.h"

#include <QFuture>
#include <QList>
#include <QObject>

namespace Umbra {

class FleetState;
class HistoryService;
struct Anomaly;
struct MigrationRecord;
struct VmActionRecord;
namespace Traffic {
struct TrafficAction;
}

// The event log: everything that happens to the fleet and the console, for
// the operator. Every part of the engine writes through it; it stores each
// event and announces it with eventLogged. The wording of the engine's own
// events (store, prediction, anomalies, migrations, silent hosts) is here.
class EventLog : public QObject
{
    Q_OBJECT

public:
    EventLog(const FleetState *fleet, const HistoryService *history, QObject *parent = nullptr);
    ~EventLog() override;

    // Stores the event (once the store is open) and announces it.
    void log(const Umbra::EventRecord &event);
    // Announces an event that is not stored here: a host session's, which
    // goes to the store straight from the session's thread, or the store's
    // own failure.
    void announce(const Umbra::EventRecord &event);
    // The newest `limit` stored events, newest first.
    QFuture<QList<EventRecord>> recent(int limit) const;

    // The name an operator knows "vm/<uuid>" or "host/<uri>" by; fills in
    // the event's VM and host.
    QString describeEntity(const QString &entity, EventRecord &event) const;

    // The engine's events, worded and logged.
    void storeFailed(const QString &message);
    void storeRecovered(int samples);
    void samplesDropped(const QString &entity, qint64 heldUntilMs);
    // One incident: anomalies of one VM or host at one sample.
    void anomaliesFound(const QList<Umbra::Anomaly> &incident);
    void predictionFailed(const QString &message);
    // A host whose session is stuck connecting; its status says for how long.
    void hostSilent(const Umbra::HostStatus &status);
    void migrationFinished(const Umbra::MigrationRecord &record);
    void trafficActionFinished(const Umbra::Traffic::TrafficAction &action,
                               Umbra::Jobs::Outcome outcome, const QString &reason);
    // What the traffic service found on its own: reconciliation, re-applied
    // weights after a load balancer reload, unreadable settings.
    void trafficReported(const QString &message, bool isError);
    // A shadow action that ended, and what the shadow service found on its
    // own: copies that ended or came in sync, adoptions, automatic failovers.
    void shadowActionFinished(const Umbra::Jobs::Plan &plan, bool succeeded,
                              const QString &message);
    void shadowReported(const QString &message, bool isError);
    void policyReported(const QString &message, bool isError);
    void vmActionFinished(const Umbra::VmActionRecord &record);
    void lifecycleReported(const QString &message, bool isError);
    // The /metrics endpoint started serving, or could not.
    void metricsServing(const QString &url);
    void metricsFailed(const QString &message);

Q_SIGNALS:
    void eventLogged(const Umbra::EventRecord &event);

private:
    // A service's report, a warning when it is an error.
    void report(const QString &kind, const QString &message, bool isError);

    const FleetState *m_fleet;
    const HistoryService *m_history;
};

} // namespace Umbra
