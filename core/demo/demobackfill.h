#pragma once

#include "fleet/vminfo.h"

#include <QList>
#include <QObject>
#include <algorithm>
#include <atomic>
#include <memory>

namespace Umbra {

class FleetState;
class StoreWriter;

// Demo hosts start with a day of simulated history, so the demo's anomaly
// detectors have had their day of learning (Predict::AnomalyWatch::kLearningMs)
// and its charts show one. Whenever a simulated host lists its VMs, the store
// fills in what the workload generator would have produced for each of them
// and for the host, before the oldest sample it has.
//
// A longer span (setHistoryMs) shows a month-old console: the last
// kSimulatedHistoryMs at the demo's 15 s and everything before it at five
// minutes, the resolution the store keeps for months anyway.
class DemoBackfill : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kSimulatedHistoryMs = 26 * 3600 * 1000;
    static constexpr qint64 kFineStepMs = 15 * 1000;
    static constexpr qint64 kCoarseStepMs = 5 * 60 * 1000;

    explicit DemoBackfill(const FleetState *fleet, QObject *parent = nullptr);
    ~DemoBackfill() override;

    // On by default.
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    // How far back the history reaches; kSimulatedHistoryMs by default, and
    // never less.
    void setHistoryMs(qint64 ms) { m_historyMs = std::max(ms, kSimulatedHistoryMs); }
    qint64 historyMs() const { return m_historyMs; }
    // Where the history goes (on the store's thread); null while the store
    // is closed. Fills still queued for the previous writer are dropped: a
    // large simulated fleet queues one per VM, and closing the store waits
    // for what is queued before it.
    void setWriter(StoreWriter *writer);

private:
    void fill(const QString &uri, const QList<Umbra::VmInfo> &vms);

    const FleetState *m_fleet;
    StoreWriter *m_writer = nullptr;
    // Set when the writer changes; the fills queued for it check it first.
    std::shared_ptr<std::atomic_bool> m_dropped = std::make_shared<std::atomic_bool>(false);
    bool m_enabled = true;
    qint64 m_historyMs = kSimulatedHistoryMs;
};

} // namespace Umbra
