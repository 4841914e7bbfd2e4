#pragma once

#include "policy/replay.h"

#include <QFuture>
#include <QMetaType>
#include <QStringList>

namespace Umbra {

class FleetState;
class HistoryService;

// What the policy would have done on the fleet's own stored history: the
// fleet as it stands now (each VM on the host it runs on, the hosts' CPUs),
// each VM's stored CPU at 5-minute steps, one day to learn on and then
// `days` replayed with Umbra's forecaster and policy, beside the reactive
// rule and doing nothing.
struct HistoryReplay
{
    int days = 0;
    qint64 fromMs = 0; // the first replayed step
    qint64 toMs = 0;
    Policy::ReplayFleet fleet;
    Policy::ReplayResult umbra;
    Policy::ReplayResult reactive;
    Policy::ReplayResult none;
    // VMs left out: less than half of the window (the replayed days and
    // the one to learn on) has stored CPU; "web01 (12 % covered)".
    QStringList skipped;
    QString error; // nothing could be replayed, and why
};

// Reads the history and replays it on worker threads; call on the GUI thread.
// `pools`: the fleet's pools and customers, so that moves go only where
// placement would let them (none: every host general).
QFuture<HistoryReplay> replayStoredHistory(const FleetState *fleet, HistoryService *history,
                                           const Pools::PoolSettings *pools, int days,
                                           qint64 nowMs);

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::HistoryReplay)
