#include "pools/pool.h"

#include "store/database.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
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

} // namespace

QString poolKindKey(PoolKind kind)
{
    switch (kind) {
    case PoolKind::General:
        return QStringLiteral("general");
    case PoolKind::Dedicated:
        return QStringLiteral("dedicated");
    case PoolKind::Shadow:
        return QStringLiteral("shadow");
    }
    return QStringLiteral("general");
}

PoolKind poolKindFromKey(const QString &key)
{
    if (key == QLatin1String("dedicated"))
        return PoolKind::Dedicated;
    if (key == QLatin1String("shadow"))
        return PoolKind::Shadow;
    return PoolKind::General;
}

QString poolKindLabel(PoolKind kind)
{
    switch (kind) {
    case PoolKind::General:
        return Tr::tr("General");
    case PoolKind::Dedicated:
        return Tr::tr("Dedicated");
    case PoolKind::Shadow:
        return Tr::tr("Shadow");
    }
    return {};
}

quint64 Reservation::memoryOf(quint64 usableKiB) const
{
    if (memoryKiB > 0)
        return std::min(memoryKiB, usableKiB);
    return quint64(double(usableKiB) * std::clamp(share, 0.0, 1.0));
}

int Reservation::vcpusOf(int vcpuSlots) const
{
    if (vcpus > 0)
        return std::min(vcpus, vcpuSlots);
    return int(double(vcpuSlots) * std::clamp(share, 0.0, 1.0));
}

QString Reservation::describe() const
{
    if (memoryKiB > 0 || vcpus > 0)
        return Tr::tr("%1 MiB and %2 vCPUs per host").arg(mib(memoryKiB)).arg(vcpus);
    return Tr::tr("%1 % of each host").arg(share * 100.0, 0, 'f', 0);
}

QString PoolSettings::generalName()
{
    return QStringLiteral("General");
}

PoolSettings PoolSettings::defaults()
{
    PoolSettings settings;
    settings.pools.append({ generalName(), PoolKind::General, {}, {} });
    return settings;
}

const Pool &PoolSettings::poolOfHost(const QString &hostUri) const
{
    static const Pool general{ generalName(), PoolKind::General, {}, {} };
    if (const Pool *p = pool(hostPools.value(hostUri)))
        return *p;
    if (const Pool *p = pool(generalName()))
        return *p;
    return general;
}

const Pool *PoolSettings::pool(const QString &name) const
{
    for (const Pool &p : pools) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QStringList PoolSettings::hostsIn(const QString &poolName) const
{
    QStringList hosts;
    for (auto it = hostPools.cbegin(); it != hostPools.cend(); ++it) {
        if (it.value() == poolName)
            hosts.append(it.key());
    }
    hosts.sort();
    return hosts;
}

Result<void> PoolSettings::validate() const
{
    QStringList seen;
    for (const Pool &p : pools) {
        const QString name = p.name.trimmed();
        if (name.isEmpty())
            return Error{ Tr::tr("A pool needs a name.") };
        if (seen.contains(name, Qt::CaseInsensitive))
            return Error{ Tr::tr("Two pools are named “%1”.").arg(name) };
        seen.append(name);
        if (p.kind == PoolKind::Dedicated && p.customer.trimmed().isEmpty())
            return Error{
                Tr::tr("The dedicated pool “%1” needs the customer it belongs to.").arg(name)
            };
        if (p.kind == PoolKind::Shadow && (p.reservation.share < 0.0 || p.reservation.share > 1.0))
            return Error{
                Tr::tr("The reservation of “%1” must be a share between 0 and 100 %.").arg(name)
            };
        if (p.kind == PoolKind::Shadow && p.reservation.vcpus < 0)
            return Error{ Tr::tr("The reservation of “%1” cannot be negative.").arg(name) };
    }
    for (auto it = hostPools.cbegin(); it != hostPools.cend(); ++it) {
        if (!pool(it.value()))
            return Error{
                Tr::tr("%1 is in the pool “%2”, which does not exist.").arg(it.key(), it.value())
            };
    }
    return {};
}

Result<PoolSettings> PoolSettings::load(const QString &databasePath)
{
    static QAtomicInt sequence;
    const QString name = QStringLiteral("umbra-pools-load-%1").arg(sequence.fetchAndAddRelaxed(1));
    auto db = Database::open(databasePath, name, Database::Mode::ReadOnly);
    if (!db)
        return Error{ db.error() };
    PoolSettings settings;
    QSqlQuery q(db.value()->sql());
    if (!q.exec(QStringLiteral("SELECT name, kind, customer, reserve_share, reserve_memory_kib, "
                               "reserve_vcpus FROM pools ORDER BY position, name")))
        return Error{ q.lastError().text() };
    while (q.next()) {
        Pool p;
        p.name = q.value(0).toString();
        p.kind = poolKindFromKey(q.value(1).toString());
        p.customer = q.value(2).toString();
        p.reservation.share = q.value(3).toDouble();
        p.reservation.memoryKiB = q.value(4).toULongLong();
        p.reservation.vcpus = q.value(5).toInt();
        settings.pools.append(p);
    }
    if (!settings.pool(generalName()))
        settings.pools.prepend({ generalName(), PoolKind::General, {}, {} });
    if (!q.exec(QStringLiteral("SELECT host_uri, pool, failure_domain FROM pool_hosts")))
        return Error{ q.lastError().text() };
    while (q.next()) {
        if (!q.value(1).toString().isEmpty())
            settings.hostPools.insert(q.value(0).toString(), q.value(1).toString());
        if (!q.value(2).toString().isEmpty())
            settings.failureDomains.insert(q.value(0).toString(), q.value(2).toString());
    }
    if (!q.exec(QStringLiteral("SELECT vm_uuid, customer FROM vm_customers")))
        return Error{ q.lastError().text() };
    while (q.next())
        settings.customers.insert(q.value(0).toString(), q.value(1).toString());
    return settings;
}

Result<void> PoolSettings::save(const QString &databasePath) const
{
    if (auto valid = validate(); !valid)
        return valid;
    static QAtomicInt sequence;
    const QString name = QStringLiteral("umbra-pools-save-%1").arg(sequence.fetchAndAddRelaxed(1));
    auto db = Database::open(databasePath, name, Database::Mode::Durable);
    if (!db)
        return Error{ db.error() };
    QSqlDatabase sql = db.value()->sql();
    if (auto begun = Database::beginWrite(sql); !begun)
        return Error{ begun.error() };
    QSqlQuery q(sql);
    auto fail = [&](const QSqlQuery &failed) {
        const QString message = failed.lastError().text();
        sql.rollback();
        return Error{ Tr::tr("Saving the pools failed: %1").arg(message) };
    };
    for (const char *table : { "pools", "pool_hosts", "vm_customers" }) {
        if (!q.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))))
            return fail(q);
    }
    q.prepare(QStringLiteral("INSERT INTO pools (name, kind, customer, reserve_share, "
                             "reserve_memory_kib, reserve_vcpus, position) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    int position = 0;
    for (const Pool &p : pools) {
        q.addBindValue(p.name.trimmed());
        q.addBindValue(poolKindKey(p.kind));
        q.addBindValue(
            SqlValues::text(p.kind == PoolKind::Dedicated ? p.customer.trimmed() : QString()));
        q.addBindValue(p.reservation.share);
        q.addBindValue(qint64(p.reservation.memoryKiB));
        q.addBindValue(p.reservation.vcpus);
        q.addBindValue(position++);
        if (!q.exec())
            return fail(q);
    }
    QStringList hosts = hostPools.keys();
    for (const QString &host : failureDomains.keys()) {
        if (!hosts.contains(host))
            hosts.append(host);
    }
    q.prepare(
        QStringLiteral("INSERT INTO pool_hosts (host_uri, pool, failure_domain) VALUES (?, ?, ?)"));
    for (const QString &host : hosts) {
        q.addBindValue(host);
        q.addBindValue(SqlValues::text(hostPools.value(host)));
        q.addBindValue(SqlValues::text(failureDomains.value(host)));
        if (!q.exec())
            return fail(q);
    }
    q.prepare(QStringLiteral("INSERT INTO vm_customers (vm_uuid, customer) VALUES (?, ?)"));
    for (auto it = customers.cbegin(); it != customers.cend(); ++it) {
        if (it.value().trimmed().isEmpty())
            continue;
        q.addBindValue(it.key());
        q.addBindValue(it.value().trimmed());
        if (!q.exec())
            return fail(q);
    }
    if (!sql.commit())
        return Error{ sql.lastError().text() };
    return {};
}

} // namespace Umbra::Pools
