#pragma once

#include "traffic/balancer.h"
#include "traffic/trafficjournal.h"

#include <QList>
#include <QString>

namespace Umbra::Traffic {

struct TrafficReconcileResult
{
    qint64 actionId = 0;
    QString balancer;
    QString report; // what was found and done, for the event log
    bool settled = false; // false: left for the next attempt (balancer unreachable)
};

// After a crash: an action a console that is gone left Running may have sent
// any of its steps. Read the weights HAProxy has now (for the record), put
// back the weights and states the action found, and end it RolledBack — so a
// server is never left at a weight nobody remembers. An unreachable balancer
// leaves the action Running, reported, for the next start.
QList<TrafficReconcileResult> reconcileTraffic(TrafficJournal &journal,
                                               const QList<Balancer> &balancers);

// Actions in force whose weights or drain HAProxy no longer has — a reload or
// restart drops runtime changes — are sent again; one report line each.
QStringList reapplyInForce(TrafficJournal &journal, const QList<Balancer> &balancers);

} // namespace Umbra::Traffic
