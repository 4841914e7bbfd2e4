#pragma once

#include "pools/capacityledger.h"
#include "pools/placement.h"
#include "pools/pool.h"
#include "util/workerthreads.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <memory>

namespace Umbra {

class FleetState;
class PredictionProxy;

// A host as the pools see it: its pool, what it sets aside for shadows and
// what it has free for an ordinary VM, as the ledger last saw it.
struct HostPoolView
{
    QString uri;
    Pools::Pool pool;
    QString failureDomain;
    quint64 reservedKiB = 0;
    int reservedVcpus = 0;
    quint64 freeKiB = 0; // for a VM: after standby shadows, holds and the reservation
    int freeVcpuSlots = 0;
    bool known = false; // false until the host's first inventory
};

// The engine's pools: the operator's pools, membership and customers
// (stored in the database), and the one capacity ledger that migrations and
// shadows claim through, fed with every host's inventory as it arrives.
// Lives on the GUI thread; loading and saving run on worker threads.
class PoolService : public QObject
{
    Q_OBJECT

public:
    PoolService(const FleetState *fleet, PredictionProxy *prediction, QObject *parent = nullptr);
    ~PoolService() override;

    // Loads what is stored (answered by changed()).
    void open(const QString &databasePath);
    const Pools::PoolSettings &settings() const { return m_settings; }
    // Validates and stores; answered by changed() or saveFailed().
    void save(const Pools::PoolSettings &settings);

    std::shared_ptr<Pools::CapacityLedger> ledger() const { return m_ledger; }
    HostPoolView host(const QString &uri) const;
    // For the rankings of migrations and shadows (thread-safe, blocking).
    Pools::Outlook outlook() const;

Q_SIGNALS:
    void changed(const Umbra::Pools::PoolSettings &settings);
    void saveFailed(const QString &error);

private:
    void observe(const QString &uri);
    void apply(const Pools::PoolSettings &settings);

    struct Predictions;
    const FleetState *m_fleet;
    PredictionProxy *m_prediction;
    QString m_path;
    Pools::PoolSettings m_settings = Pools::PoolSettings::defaults();
    std::shared_ptr<Pools::CapacityLedger> m_ledger;
    std::shared_ptr<Predictions> m_predictions;
    WorkerThreads m_workers; // last: waited for before the rest goes
};

} // namespace Umbra
