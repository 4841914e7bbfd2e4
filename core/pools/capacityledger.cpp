#include "pools/capacityledger.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <algorithm>

namespace Umbra::Pools {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Pools)
};

QString mib(quint64 kib)
{
    return QString::number(double(kib) / 1024.0, 'f', 0);
}

quint64 less(quint64 a, quint64 b)
{
    return a > b ? a - b : 0;
}

} // namespace

quint64 Headroom::memoryKiB() const
{
    return less(less(less(usableKiB, standbyKiB), heldKiB), reservedKiB);
}

int Headroom::vcpuSlots() const
{
    const double free = vcpuLimit - allocatedVcpus - standbyVcpus - heldVcpus - reservedVcpus;
    return std::max(0, int(free));
}

bool Headroom::fits(const Demand &demand) const
{
    return demand.memoryKiB <= memoryKiB() && demand.vcpus <= vcpuSlots();
}

QString Headroom::describe() const
{
    QStringList parts{ Tr::tr("%1 MiB usable").arg(mib(usableKiB)) };
    if (standbyShadows > 0)
        parts.append(Tr::tr("less %1 MiB owed to standby shadows (%2)")
                         .arg(mib(standbyKiB))
                         .arg(standbyShadows));
    if (holds > 0)
        parts.append(
            Tr::tr("less %1 MiB claimed by running jobs (%2)").arg(mib(heldKiB)).arg(holds));
    if (reservedKiB > 0)
        parts.append(Tr::tr("less %1 MiB kept for shadows").arg(mib(reservedKiB)));
    return Tr::tr("%1 MiB and %2 vCPU slots free (%3)")
        .arg(mib(memoryKiB()))
        .arg(vcpuSlots())
        .arg(parts.join(QStringLiteral(", ")));
}

void CapacityLedger::observe(const QString &hostUri, const HostCapacity &capacity,
                             const PlacementLimits &limits)
{
    QMutexLocker lock(&m_mutex);
    HostEntry &entry = m_hosts[hostUri];
    entry.capacity = capacity;
    entry.limits = limits;
    entry.observed = true;
}

bool CapacityLedger::knows(const QString &hostUri) const
{
    QMutexLocker lock(&m_mutex);
    return m_hosts.value(hostUri).observed;
}

void CapacityLedger::setReservation(const QString &hostUri, std::optional<Reservation> reservation)
{
    QMutexLocker lock(&m_mutex);
    m_hosts[hostUri].reservation = reservation;
}

void CapacityLedger::setStandby(const QString &key, const QString &hostUri, const Demand &demand)
{
    QMutexLocker lock(&m_mutex);
    m_standby.insert(key, { hostUri, demand });
}

void CapacityLedger::removeStandby(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_standby.remove(key);
}

Result<Headroom> CapacityLedger::headroom(const QString &hostUri, Placing what) const
{
    QMutexLocker lock(&m_mutex);
    return headroomLocked(hostUri, what);
}

Result<Headroom> CapacityLedger::headroomLocked(const QString &hostUri, Placing what) const
{
    const auto it = m_hosts.constFind(hostUri);
    if (it == m_hosts.cend() || !it->observed)
        return Error{ Tr::tr("The capacity of %1 is not known yet.").arg(hostUri) };
    const HostEntry &host = it.value();
    const Fit base = fit(host.capacity, 0, 0, host.limits);
    Headroom h;
    h.usableKiB = base.usableKiB;
    h.vcpuLimit = base.vcpuLimit;
    h.allocatedVcpus = host.capacity.allocatedVcpus;
    quint64 shadowKiB = 0;
    int shadowVcpus = 0;
    for (const Standby &s : m_standby) {
        if (s.hostUri != hostUri)
            continue;
        h.standbyKiB += s.demand.memoryKiB;
        h.standbyVcpus += s.demand.vcpus;
        ++h.standbyShadows;
        shadowKiB += s.demand.memoryKiB;
        shadowVcpus += s.demand.vcpus;
    }
    for (const Hold &hold : m_holds) {
        if (hold.hostUri != hostUri)
            continue;
        h.heldKiB += hold.demand.memoryKiB;
        h.heldVcpus += hold.demand.vcpus;
        ++h.holds;
        if (hold.what == Placing::Shadow) {
            shadowKiB += hold.demand.memoryKiB;
            shadowVcpus += hold.demand.vcpus;
        }
    }
    // Shadows draw on the reservation first; anything else must leave its
    // unused part alone.
    if (host.reservation && what != Placing::Shadow) {
        const quint64 total = less(host.capacity.memoryKiB, base.reserveKiB);
        h.reservedKiB = less(host.reservation->memoryOf(total), shadowKiB);
        h.reservedVcpus = std::max(0, host.reservation->vcpusOf(int(base.vcpuLimit)) - shadowVcpus);
    }
    return h;
}

Result<qint64> CapacityLedger::claim(const QString &hostUri, const Demand &demand, Placing what,
                                     const QString &holder)
{
    QMutexLocker lock(&m_mutex);
    auto room = headroomLocked(hostUri, what);
    if (!room)
        return Error{ room.error() };
    if (!room->fits(demand))
        return Error{ Tr::tr("%1 cannot take %2 MiB and %3 vCPUs: %4.")
                          .arg(hostUri, mib(demand.memoryKiB))
                          .arg(demand.vcpus)
                          .arg(room->describe()) };
    Hold hold{ m_nextHold++, hostUri, demand, what, holder };
    m_holds.append(hold);
    return hold.id;
}

void CapacityLedger::release(qint64 holdId)
{
    QMutexLocker lock(&m_mutex);
    m_holds.removeIf([holdId](const Hold &h) { return h.id == holdId; });
}

QList<CapacityLedger::Hold> CapacityLedger::holds() const
{
    QMutexLocker lock(&m_mutex);
    return m_holds;
}

} // namespace Umbra::Pools
