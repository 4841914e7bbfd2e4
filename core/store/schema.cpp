#include "store/schema.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Umbra::Schema {

QStringList stepStatements(int toVersion)
{
    switch (toVersion) {
    case 1:
        return {
            QStringLiteral("CREATE TABLE hosts ("
                           " id INTEGER PRIMARY KEY,"
                           " uri TEXT NOT NULL UNIQUE,"
                           " simulated INTEGER NOT NULL DEFAULT 0,"
                           " added_ms INTEGER NOT NULL,"
                           " hostname TEXT, hypervisor TEXT, cpu_model TEXT,"
                           " cpus INTEGER, memory_kib INTEGER)"),
            QStringLiteral("CREATE TABLE vms ("
                           " host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE,"
                           " uuid TEXT NOT NULL,"
                           " name TEXT NOT NULL,"
                           " state INTEGER NOT NULL,"
                           " vcpus INTEGER, memory_kib INTEGER, max_memory_kib INTEGER,"
                           " persistent INTEGER, disks TEXT, nics TEXT, updated_ms INTEGER,"
                           " PRIMARY KEY (host_id, uuid))"),
            QStringLiteral("CREATE TABLE events ("
                           " id INTEGER PRIMARY KEY,"
                           " ts_ms INTEGER NOT NULL,"
                           " severity INTEGER NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " host_uri TEXT, vm_uuid TEXT,"
                           " message TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX events_by_time ON events(ts_ms)"),
            QStringLiteral("CREATE TABLE vm_samples ("
                           " uuid TEXT NOT NULL, ts_ms INTEGER NOT NULL,"
                           " cpu REAL, mem_used REAL, mem_avail REAL,"
                           " disk_rd REAL, disk_wr REAL, net_rx REAL, net_tx REAL,"
                           " PRIMARY KEY (uuid, ts_ms)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE host_samples ("
                           " uri TEXT NOT NULL, ts_ms INTEGER NOT NULL,"
                           " cpu REAL, mem_used REAL, mem_total REAL, active_vms INTEGER,"
                           " PRIMARY KEY (uri, ts_ms)) WITHOUT ROWID"),
        };
    case 2:
        // Version 2 keeps the VM's share of the host, IOPS and packet rates.
        return {
            QStringLiteral("ALTER TABLE vm_samples ADD COLUMN host_cpu REAL"),
            QStringLiteral("ALTER TABLE vm_samples ADD COLUMN disk_rd_iops REAL"),
            QStringLiteral("ALTER TABLE vm_samples ADD COLUMN disk_wr_iops REAL"),
            QStringLiteral("ALTER TABLE vm_samples ADD COLUMN net_rx_pps REAL"),
            QStringLiteral("ALTER TABLE vm_samples ADD COLUMN net_tx_pps REAL"),
        };
    default:
        return {};
    }
}

Result<void> upgrade(QSqlDatabase &db, int from)
{
    for (int version = from + 1; version <= Database::kSchemaVersion; ++version) {
        for (const QString &statement : stepStatements(version)) {
            QSqlQuery query(db);
            if (!query.exec(statement))
                return Error{ QCoreApplication::translate("Umbra::Schema",
                                                          "Step to version %1 failed at “%2”: %3")
                                  .arg(version)
                                  .arg(statement, query.lastError().text()) };
        }
    }
    return {};
}

} // namespace Umbra::Schema
