#include "store/rowsamplestore.h"

#include "store/sqlitestatement.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Umbra {

namespace {

// lupdate and the runtime must agree on the context of these strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::RowSampleStore)
};

Error queryError(const QSqlQuery &query, const char *what)
{
    return Error{
        Tr::tr("Sample store: %1 failed: %2").arg(QLatin1String(what), query.lastError().text())
    };
}

} // namespace

RowSampleStore::RowSampleStore(QSqlDatabase db)
    : m_db(std::move(db))
{ }

Result<void> RowSampleStore::append(const QList<VmSample> &vmSamples,
                                    const QList<HostSample> &hostSamples)
{
    if (!vmSamples.isEmpty()) {
        // A repeated timestamp (a collectNow() in the same millisecond) keeps the newer row.
        SqliteStatement insert(m_db,
                               "INSERT OR REPLACE INTO vm_samples (uuid, ts_ms, cpu, "
                               "host_cpu, mem_used, mem_avail, disk_rd, disk_wr, "
                               "disk_rd_iops, disk_wr_iops, net_rx, net_tx, net_rx_pps, "
                               "net_tx_pps) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        if (!insert.isValid())
            return Error{ Tr::tr("Sample store: preparing the VM sample insert failed: %1")
                              .arg(insert.error()) };
        for (const VmSample &s : vmSamples) {
            insert.bindText(1, s.uuid.toUtf8());
            insert.bind(2, s.timestampMs);
            insert.bind(3, s.cpuPercent);
            insert.bind(4, s.hostCpuPercent);
            insert.bind(5, s.memoryUsedKiB);
            insert.bind(6, s.memoryAvailableKiB);
            insert.bind(7, s.diskReadBytesPerSec);
            insert.bind(8, s.diskWriteBytesPerSec);
            insert.bind(9, s.diskReadIops);
            insert.bind(10, s.diskWriteIops);
            insert.bind(11, s.netRxBytesPerSec);
            insert.bind(12, s.netTxBytesPerSec);
            insert.bind(13, s.netRxPacketsPerSec);
            insert.bind(14, s.netTxPacketsPerSec);
            if (auto done = insert.execute(); !done)
                return Error{
                    Tr::tr("Sample store: writing a VM sample failed: %1").arg(done.error())
                };
        }
    }
    if (!hostSamples.isEmpty()) {
        SqliteStatement insert(m_db,
                               "INSERT OR REPLACE INTO host_samples (uri, ts_ms, cpu, "
                               "mem_used, mem_total, active_vms) VALUES (?,?,?,?,?,?)");
        if (!insert.isValid())
            return Error{ Tr::tr("Sample store: preparing the host sample insert failed: %1")
                              .arg(insert.error()) };
        for (const HostSample &s : hostSamples) {
            insert.bindText(1, s.uri.toUtf8());
            insert.bind(2, s.timestampMs);
            insert.bind(3, s.cpuPercent);
            insert.bind(4, s.memoryUsedKiB);
            insert.bind(5, s.memoryTotalKiB);
            insert.bind(6, s.activeVms);
            if (auto done = insert.execute(); !done)
                return Error{
                    Tr::tr("Sample store: writing a host sample failed: %1").arg(done.error())
                };
        }
    }
    return {};
}

Result<QList<VmSample>> RowSampleStore::vmSamples(const QString &uuid, qint64 fromMs,
                                                  qint64 toMs) const
{
    using SqlValues::toDouble;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT ts_ms, cpu, host_cpu, mem_used, mem_avail, disk_rd, disk_wr, disk_rd_iops, "
        "disk_wr_iops, net_rx, net_tx, net_rx_pps, net_tx_pps FROM vm_samples "
        "WHERE uuid = ? AND ts_ms >= ? AND ts_ms <= ? ORDER BY ts_ms"));
    query.addBindValue(uuid);
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec())
        return queryError(query, "reading VM samples");
    QList<VmSample> samples;
    while (query.next()) {
        VmSample s;
        s.uuid = uuid;
        s.timestampMs = query.value(0).toLongLong();
        s.cpuPercent = toDouble(query, 1);
        s.hostCpuPercent = toDouble(query, 2);
        s.memoryUsedKiB = toDouble(query, 3);
        s.memoryAvailableKiB = toDouble(query, 4);
        s.diskReadBytesPerSec = toDouble(query, 5);
        s.diskWriteBytesPerSec = toDouble(query, 6);
        s.diskReadIops = toDouble(query, 7);
        s.diskWriteIops = toDouble(query, 8);
        s.netRxBytesPerSec = toDouble(query, 9);
        s.netTxBytesPerSec = toDouble(query, 10);
        s.netRxPacketsPerSec = toDouble(query, 11);
        s.netTxPacketsPerSec = toDouble(query, 12);
        samples.append(s);
    }
    return samples;
}

Result<QList<HostSample>> RowSampleStore::hostSamples(const QString &uri, qint64 fromMs,
                                                      qint64 toMs) const
{
    using SqlValues::toDouble;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ts_ms, cpu, mem_used, mem_total, active_vms FROM "
                                 "host_samples WHERE uri = ? AND ts_ms >= ? AND ts_ms <= ? "
                                 "ORDER BY ts_ms"));
    query.addBindValue(uri);
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec())
        return queryError(query, "reading host samples");
    QList<HostSample> samples;
    while (query.next()) {
        HostSample s;
        s.uri = uri;
        s.timestampMs = query.value(0).toLongLong();
        s.cpuPercent = toDouble(query, 1);
        s.memoryUsedKiB = toDouble(query, 2);
        s.memoryTotalKiB = toDouble(query, 3);
        s.activeVms = query.value(4).toInt();
        samples.append(s);
    }
    return samples;
}

Result<qint64> RowSampleStore::latestVmTimestamp(const QString &uuid) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT max(ts_ms) FROM vm_samples WHERE uuid = ?"));
    query.addBindValue(uuid);
    if (!query.exec())
        return queryError(query, "reading the latest VM sample");
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

Result<qint64> RowSampleStore::latestHostTimestamp(const QString &uri) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT max(ts_ms) FROM host_samples WHERE uri = ?"));
    query.addBindValue(uri);
    if (!query.exec())
        return queryError(query, "reading the latest host sample");
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

} // namespace Umbra
