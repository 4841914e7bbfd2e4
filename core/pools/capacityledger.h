#pragma once

#include "pools/capacity.h"
#include "pools/pool.h"
#include "pools/poolrules.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <optional>

namespace Umbra::Pools {

struct Demand
{
    quint64 memoryKiB = 0;
    int vcpus = 0;
};

// What a host can still take for one kind of placement, and how the figure
// was reached: libvirt's view of the host (Pools::fit), less what standby
// shadows must be able to start with, what running jobs have claimed, and —
// for anything but a shadow — the unused part of the shadow reservation.
struct Headroom
{
    quint64 usableKiB = 0; // free after the host's own reserve (Pools::fit)
    quint64 standbyKiB = 0;
    quint64 heldKiB = 0;
    quint64 reservedKiB = 0;
    double vcpuLimit = 0;
    int allocatedVcpus = 0;
    int standbyVcpus = 0;
    int heldVcpus = 0;
    int reservedVcpus = 0;
    int standbyShadows = 0;
    int holds = 0;

    quint64 memoryKiB() const;
    int vcpuSlots() const;
    bool fits(const Demand &demand) const;
    // "3072 MiB and 5 vCPU slots: 4096 MiB usable, less 512 MiB for 1 standby shadow, …"
    QString describe() const;
};

// One ledger of capacity for the whole console: what libvirt last said of
// each host, the shadow reservations of the shadow pool, the shadows that
// stand by (defined, not running, yet owed their capacity) and what running
// jobs are about to add. Every placement decision — a migration's preflight,
// a shadow's creation, a failover — claims through it, so two decisions made
// at once can never both take the last slot. Thread-safe.
class CapacityLedger
{
public:
    struct Hold
    {
        qint64 id = 0;
        QString hostUri;
        Demand demand;
        Placing what = Placing::Vm;
        QString holder; // who claimed it, for the operator: "migration of web-1"
    };

    // libvirt's latest view of a host, with the limits placements keep.
    void observe(const QString &hostUri, const HostCapacity &capacity,
                 const PlacementLimits &limits);
    bool knows(const QString &hostUri) const;
    // The shadow reservation of a host of the shadow pool; none elsewhere.
    void setReservation(const QString &hostUri, std::optional<Reservation> reservation);
    // A shadow defined on `hostUri` but not running: its capacity stays owed.
    void setStandby(const QString &key, const QString &hostUri, const Demand &demand);
    void removeStandby(const QString &key);

    Result<Headroom> headroom(const QString &hostUri, Placing what) const;
    // Takes `demand` on the host when it fits, atomically with every other
    // claim; the error says what is short. Release when the job has ended.
    Result<qint64> claim(const QString &hostUri, const Demand &demand, Placing what,
                         const QString &holder);
    void release(qint64 holdId);
    QList<Hold> holds() const;

private:
    struct HostEntry
    {
        HostCapacity capacity;
        PlacementLimits limits;
        std::optional<Reservation> reservation;
        bool observed = false;
    };
    struct Standby
    {
        QString hostUri;
        Demand demand;
    };
    Result<Headroom> headroomLocked(const QString &hostUri, Placing what) const;

    mutable QMutex m_mutex;
    QHash<QString, HostEntry> m_hosts;
    QHash<QString, Standby> m_standby;
    QList<Hold> m_holds;
    qint64 m_nextHold = 1;
};

} // namespace Umbra::Pools
