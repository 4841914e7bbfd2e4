#pragma once

#include "fleet/vminfo.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QThread>
#include <atomic>

namespace Umbra {

class FleetState;
class StoreWriter;

// A host whose VM usage comes from Prometheus brings its history with it:
// the first time Umbra sees one of its VMs (in a run), the last day of the
// VM's usage is read from Prometheus on a thread of its own and stored
// before the oldest sample the store has, so charts, forecasts and anomaly
// detection start from a day rather than from nothing.
class PrometheusBackfill : public QObject
{
    Q_OBJECT

public:
    // Prometheus answers at most 11,000 points a series per range query.
    static constexpr int kMaxPoints = 11000;
    static constexpr qint64 kDayMs = 24 * 3600 * 1000;

    explicit PrometheusBackfill(const FleetState *fleet, QObject *parent = nullptr);
    ~PrometheusBackfill() override;

    // Where the history goes; null while the store is closed.
    void setWriter(StoreWriter *writer) { m_writer = writer; }
    // How far back a VM's history is read (a day by default), and at what
    // step: the collection interval, or coarser when the window would
    // need more points than Prometheus gives.
    void setWindow(qint64 historyMs, int intervalMs);
    int stepSeconds() const;
    // Abandons what is queued and waits for a read in flight (at most its
    // timeout): before the store closes. Idempotent.
    void stop();

Q_SIGNALS:
    // A VM's history could not be read; it starts from its live samples.
    void failed(const QString &message);

private:
    void fill(const QString &uri, const QList<Umbra::VmInfo> &vms);

    const FleetState *m_fleet;
    StoreWriter *m_writer = nullptr;
    qint64 m_historyMs = kDayMs;
    int m_intervalMs = 5000;
    QSet<QString> m_asked; // VMs (by UUID) whose history was asked for
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
    std::shared_ptr<std::atomic<bool>> m_stopping = std::make_shared<std::atomic<bool>>(false);
};

} // namespace Umbra
