#pragma once

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace Umbra::Pools {

// What may land on a host. General hosts are shared by every VM; a Dedicated
// pool belongs to one customer, whose VMs alone may land there; Shadow hosts
// take shadows, and VMs only when they fail over to them.
enum class PoolKind { General, Dedicated, Shadow };
QString poolKindKey(PoolKind kind);
// General for an unknown key: a host nobody assigned is shared.
PoolKind poolKindFromKey(const QString &key);
QString poolKindLabel(PoolKind kind);

// The capacity a shadow-pool host sets aside for shadows: a share of its
// memory and vCPU slots, or absolute amounts where they are given.
struct Reservation
{
    double share = 0.1;
    quint64 memoryKiB = 0; // absolute when non-zero
    int vcpus = 0; // absolute when non-zero

    quint64 memoryOf(quint64 usableKiB) const;
    int vcpusOf(int vcpuSlots) const;
    QString describe() const;
    friend bool operator==(const Reservation &, const Reservation &) = default;
};

struct Pool
{
    QString name;
    PoolKind kind = PoolKind::General;
    QString customer; // Dedicated only
    Reservation reservation; // Shadow only
    friend bool operator==(const Pool &, const Pool &) = default;
};

// The pools of the fleet and who belongs where, as the operator set them
// (tables pools, pool_hosts and vm_customers). A host nobody assigned is in
// the General pool, which always exists.
struct PoolSettings
{
    QList<Pool> pools;
    QHash<QString, QString> hostPools; // host URI → pool name
    QHash<QString, QString> failureDomains; // host URI → rack or zone label
    QHash<QString, QString> customers; // VM UUID → customer

    static QString generalName();
    static PoolSettings defaults();

    const Pool &poolOfHost(const QString &hostUri) const;
    const Pool *pool(const QString &name) const;
    QString customerOf(const QString &vmUuid) const { return customers.value(vmUuid); }
    QString failureDomainOf(const QString &hostUri) const { return failureDomains.value(hostUri); }
    QStringList hostsIn(const QString &poolName) const;

    // Names unique and non-empty, a customer for every dedicated pool, shares
    // within 0–1, every host in a pool that exists. The first problem, in words.
    Result<void> validate() const;

    // Blocking: worker threads and the command line.
    static Result<PoolSettings> load(const QString &databasePath);
    // Replaces what is stored, in one transaction.
    Result<void> save(const QString &databasePath) const;

    friend bool operator==(const PoolSettings &, const PoolSettings &) = default;
};

} // namespace Umbra::Pools
