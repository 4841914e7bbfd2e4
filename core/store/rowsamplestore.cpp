#include "store/rowsamplestore.h"

#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Umbra {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Umbra::RowSampleStore", text);
}

Error queryError(const QSqlQuery &query, const char *what)
{
    return Error{
        tr("Sample store: %1 failed: %2").arg(QLatin1String(what), query.lastError().text())
    };
}

} // namespace

RowSampleStore::RowSampleStore(QSqlDatabase db)
    : m_db(std::move(db))
{ }

Result<void> RowSampleStore::append(const QList<VmSample> &vmSamples,
                                    const QList<HostSample> &hostSamples)
{
    using SqlValues::fromDouble;
    if (!vmSamples.isEmpty()) {
        QSqlQuery query(m_db);
        // A repeated timestamp (a collectNow() in the same millisecond) keeps the newer row.
        if (!query.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO vm_samples (uuid, ts_ms, cpu, host_cpu, mem_used, "
                "mem_avail, disk_rd, disk_wr, disk_rd_iops, disk_wr_iops, net_rx, net_tx, "
                "net_rx_pps, net_tx_pps) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")))
            return queryError(query, "preparing the VM sample insert");
        for (const VmSample &s : vmSamples) {
            query.bindValue(0, s.uuid);
            query.bindValue(1, s.timestampMs);
            query.bindValue(2, fromDouble(s.cpuPercent));
            query.bindValue(3, fromDouble(s.hostCpuPercent));
            query.bindValue(4, fromDouble(s.memoryUsedKiB));
            query.bindValue(5, fromDouble(s.memoryAvailableKiB));
            query.bindValue(6, fromDouble(s.diskReadBytesPerSec));
            query.bindValue(7, fromDouble(s.diskWriteBytesPerSec));
            query.bindValue(8, fromDouble(s.diskReadIops));
            query.bindValue(9, fromDouble(s.diskWriteIops));
            query.bindValue(10, fromDouble(s.netRxBytesPerSec));
            query.bindValue(11, fromDouble(s.netTxBytesPerSec));
            query.bindValue(12, fromDouble(s.netRxPacketsPerSec));
            query.bindValue(13, fromDouble(s.netTxPacketsPerSec));
            if (!query.exec())
                return queryError(query, "writing a VM sample");
        }
    }
    if (!hostSamples.isEmpty()) {
        QSqlQuery query(m_db);
        if (!query.prepare(QStringLiteral("INSERT OR REPLACE INTO host_samples (uri, ts_ms, cpu, "
                                          "mem_used, mem_total, active_vms) VALUES (?,?,?,?,?,?)")))
            return queryError(query, "preparing the host sample insert");
        for (const HostSample &s : hostSamples) {
            query.bindValue(0, s.uri);
            query.bindValue(1, s.timestampMs);
            query.bindValue(2, fromDouble(s.cpuPercent));
            query.bindValue(3, fromDouble(s.memoryUsedKiB));
            query.bindValue(4, fromDouble(s.memoryTotalKiB));
            query.bindValue(5, s.activeVms);
            if (!query.exec())
                return queryError(query, "writing a host sample");
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

} // namespace Umbra
