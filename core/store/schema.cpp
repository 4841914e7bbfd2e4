#include "store/schema.h"

#include "store/database.h"
#include "store/samplestore.h"
#include "store/sqlvalues.h"

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
    case 3:
        // Version 3 keeps samples as compressed time series (core/series);
        // convertRowSamples() moves the rows over before the tables go.
        return {
            QStringLiteral("CREATE TABLE ts_series ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL UNIQUE,"
                           " precision INTEGER NOT NULL,"
                           " rolled_to INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE ts_chunks ("
                           " series_id INTEGER NOT NULL,"
                           " resolution INTEGER NOT NULL,"
                           " start_ms INTEGER NOT NULL,"
                           " end_ms INTEGER NOT NULL,"
                           " rows INTEGER NOT NULL,"
                           " data BLOB NOT NULL,"
                           " PRIMARY KEY (series_id, resolution, start_ms)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX ts_chunks_by_end ON ts_chunks(resolution, end_ms)"),
        };
    case 4:
        // Version 4 adds the migration journal (core/migrate): one row per job,
        // updated at every stage, and one row per stage event.
        return {
            QStringLiteral("CREATE TABLE migration_jobs ("
                           " id INTEGER PRIMARY KEY,"
                           " vm_uuid TEXT NOT NULL, vm_name TEXT NOT NULL,"
                           " source_uri TEXT NOT NULL, target_uri TEXT NOT NULL,"
                           " options TEXT NOT NULL,"
                           " stage TEXT NOT NULL,"
                           " outcome TEXT NOT NULL DEFAULT 'running',"
                           " reason TEXT,"
                           " created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
                           " finished_ms INTEGER,"
                           " owner_pid INTEGER,"
                           " memory_bytes INTEGER, dirty_rate_bps REAL,"
                           " predicted_bandwidth_bps REAL,"
                           " predicted_total_ms INTEGER, predicted_downtime_ms INTEGER,"
                           " predicted_iterations INTEGER, predicted_converges INTEGER,"
                           " actual_total_ms INTEGER, actual_downtime_ms INTEGER,"
                           " model_transfer_ms INTEGER, bandwidth_bps REAL, data_bytes INTEGER,"
                           " shared_storage INTEGER,"
                           " inactive_xml TEXT, snapshot TEXT)"),
            QStringLiteral("CREATE INDEX migration_jobs_by_outcome ON migration_jobs(outcome)"),
            QStringLiteral("CREATE TABLE migration_events ("
                           " id INTEGER PRIMARY KEY,"
                           " job_id INTEGER NOT NULL REFERENCES migration_jobs(id)"
                           " ON DELETE CASCADE,"
                           " ts_ms INTEGER NOT NULL,"
                           " stage TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " message TEXT)"),
            QStringLiteral("CREATE INDEX migration_events_by_job ON migration_events(job_id, id)"),
        };
    case 5:
        // Version 5 keeps what the demand models learnt (core/predict), so a
        // restart resumes from it, and the operators' calendar of known events.
        return {
            QStringLiteral("CREATE TABLE model_state ("
                           " key TEXT PRIMARY KEY,"
                           " state BLOB NOT NULL,"
                           " saved_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE calendar_events ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " entity TEXT NOT NULL DEFAULT '',"
                           " start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,"
                           " recurrence INTEGER NOT NULL DEFAULT 0)"),
        };
    case 6:
        // Version 6 changes no table, only what ts_chunks may hold, which
        // older versions cannot read: chunk format 2 (a column repeating the
        // one before costs a bit) and raw samples standing in for rollups
        // (resolutions 4–6, see core/series/resolution.h).
        return {};
    case 7:
        // Version 7 keeps the anomalies the detectors found with the
        // operators' verdicts on them (a verdict tunes the detector of that
        // series), and where each host publishes its hardware health (a
        // Prometheus node or smartctl exporter).
        return {
            QStringLiteral("CREATE TABLE anomalies ("
                           " id INTEGER PRIMARY KEY,"
                           " entity TEXT NOT NULL,"
                           " metric TEXT NOT NULL,"
                           " ts_ms INTEGER NOT NULL,"
                           " score REAL NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " expected REAL, observed REAL,"
                           " verdict INTEGER NOT NULL DEFAULT 0,"
                           " verdict_ms INTEGER)"),
            QStringLiteral("CREATE INDEX anomalies_by_time ON anomalies(ts_ms)"),
            // One anomaly per series and time: history replayed after a crash
            // finds the same ones again.
            QStringLiteral(
                "CREATE UNIQUE INDEX anomalies_by_series ON anomalies(entity, metric, ts_ms)"),
            QStringLiteral("ALTER TABLE hosts ADD COLUMN exporter_url TEXT"),
        };
    case 8:
        // Version 8, like 6, changes no table: chunk format 3 (integer
        // residuals divided by a factor they share, so that a counter
        // advancing in steps of its own unit pays for the steps), which
        // older versions cannot read.
        return {};
    case 9:
        // Version 9 stores plans: actions worked out with their evidence,
        // awaiting (or given) an operator's or a policy's approval.
        return {
            QStringLiteral("CREATE TABLE plans ("
                           " id INTEGER PRIMARY KEY,"
                           " kind TEXT NOT NULL,"
                           " subject TEXT NOT NULL,"
                           " subject_id TEXT NOT NULL,"
                           " summary TEXT NOT NULL,"
                           " request TEXT NOT NULL,"
                           " evidence TEXT NOT NULL,"
                           " prediction TEXT NOT NULL,"
                           " steps TEXT NOT NULL,"
                           " refusal TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " decided_by TEXT NOT NULL,"
                           " created_ms INTEGER NOT NULL,"
                           " decided_ms INTEGER NOT NULL,"
                           " job_id INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX plans_by_state ON plans(state)"),
        };
    case 10:
        // Version 10 drives load balancers: the balancers of the fleet, which
        // of their servers a VM is, and the journal of every traffic action
        // (each step written before it is sent, with the weights it found).
        return {
            QStringLiteral("CREATE TABLE balancers ("
                           " name TEXT PRIMARY KEY,"
                           " address TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE traffic_mappings ("
                           " vm TEXT NOT NULL,"
                           " balancer TEXT NOT NULL,"
                           " backend TEXT NOT NULL,"
                           " server TEXT NOT NULL,"
                           " PRIMARY KEY (vm, balancer, backend))"),
            QStringLiteral("CREATE TABLE traffic_actions ("
                           " id INTEGER PRIMARY KEY,"
                           " kind TEXT NOT NULL,"
                           " balancer TEXT NOT NULL,"
                           " backend TEXT NOT NULL,"
                           " subject TEXT NOT NULL,"
                           " request TEXT NOT NULL,"
                           " original TEXT NOT NULL,"
                           " applied TEXT NOT NULL,"
                           " step INTEGER NOT NULL,"
                           " state TEXT NOT NULL,"
                           " reason TEXT NOT NULL,"
                           " owner_pid INTEGER NOT NULL,"
                           " created_ms INTEGER NOT NULL,"
                           " updated_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX traffic_actions_by_state ON traffic_actions(state)"),
            QStringLiteral("CREATE TABLE traffic_events ("
                           " action INTEGER NOT NULL,"
                           " ts_ms INTEGER NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " message TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX traffic_events_by_action ON traffic_events(action)"),
        };
    case 11:
        // Version 11 sorts hosts into pools: general, dedicated to a customer
        // (with the customer of each VM) or shadow (with the capacity each host
        // sets aside for shadows), and a failure domain per host.
        return {
            QStringLiteral("CREATE TABLE pools ("
                           " name TEXT PRIMARY KEY,"
                           " kind TEXT NOT NULL,"
                           " customer TEXT NOT NULL,"
                           " reserve_share REAL NOT NULL,"
                           " reserve_memory_kib INTEGER NOT NULL,"
                           " reserve_vcpus INTEGER NOT NULL,"
                           " position INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO pools VALUES ('General', 'general', '', 0.1, 0, 0, 0)"),
            QStringLiteral("CREATE TABLE pool_hosts ("
                           " host_uri TEXT PRIMARY KEY,"
                           " pool TEXT NOT NULL,"
                           " failure_domain TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE vm_customers ("
                           " vm_uuid TEXT PRIMARY KEY,"
                           " customer TEXT NOT NULL)"),
        };
    case 12:
        // Version 12 keeps shadows: replicas of critical VMs on the shadow
        // pool, journalled before each step acts, with how each shadow host's
        // replica agent is reached.
        return {
            QStringLiteral("CREATE TABLE shadows ("
                           " id INTEGER PRIMARY KEY,"
                           " primary_uuid TEXT NOT NULL,"
                           " primary_name TEXT NOT NULL,"
                           " primary_uri TEXT NOT NULL,"
                           " shadow_uri TEXT NOT NULL,"
                           " shadow_name TEXT NOT NULL,"
                           " shadow_uuid TEXT NOT NULL,"
                           " memory_kib INTEGER NOT NULL,"
                           " vcpus INTEGER NOT NULL,"
                           " disks TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " reason TEXT NOT NULL,"
                           " primary_xml TEXT NOT NULL,"
                           " owner_pid INTEGER NOT NULL,"
                           " created_ms INTEGER NOT NULL,"
                           " updated_ms INTEGER NOT NULL,"
                           " synced_ms INTEGER NOT NULL,"
                           " seeds INTEGER NOT NULL,"
                           " rto_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX shadows_by_primary ON shadows(primary_uuid)"),
            QStringLiteral("CREATE TABLE shadow_events ("
                           " shadow INTEGER NOT NULL,"
                           " ts_ms INTEGER NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " message TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX shadow_events_by_shadow ON shadow_events(shadow)"),
            QStringLiteral("CREATE TABLE replica_agents ("
                           " host_uri TEXT PRIMARY KEY,"
                           " command TEXT NOT NULL,"
                           " address TEXT NOT NULL)"),
        };
    case 13:
        // Version 13 keeps what each validation of a shadow found: a
        // throw-away VM booted from a point-in-time image of its replicas.
        return {
            QStringLiteral("CREATE TABLE shadow_validations ("
                           " shadow INTEGER NOT NULL,"
                           " started_ms INTEGER NOT NULL,"
                           " duration_ms INTEGER NOT NULL,"
                           " passed INTEGER NOT NULL,"
                           " reason TEXT NOT NULL,"
                           " evidence TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX shadow_validations_by_shadow "
                           "ON shadow_validations(shadow, started_ms)"),
        };
    case 14:
        // Version 14 lets each shadow have its own validation schedule
        // (hours between validations; NULL: the console's default, 0: never)
        // a limit on what seeding may take (bytes/s; 0: none), and the
        // primary's write latency before replication began (ms; -1: unknown).
        return {
            QStringLiteral("ALTER TABLE shadows ADD COLUMN validate_every_h INTEGER"),
            QStringLiteral("ALTER TABLE shadows ADD COLUMN seed_limit_bps INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE shadows ADD COLUMN write_ms_before REAL NOT NULL "
                           "DEFAULT -1"),
        };
    case 15:
        // Version 15 keeps the audit trail: every proposal, decision and
        // execution, each entry chained to the one before by its hash, and
        // never changed or removed.
        return {
            QStringLiteral("CREATE TABLE audit ("
                           " seq INTEGER PRIMARY KEY,"
                           " ts_ms INTEGER NOT NULL,"
                           " actor TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " subject TEXT NOT NULL,"
                           " plan INTEGER NOT NULL,"
                           " detail TEXT NOT NULL,"
                           " previous_hash TEXT NOT NULL,"
                           " hash TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX audit_by_time ON audit(ts_ms)"),
            QStringLiteral("CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit "
                           "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"),
            QStringLiteral("CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit "
                           "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"),
        };
    case 16:
        // Version 16 adds the policy: what a proposal of the policy engine
        // carries beside its plan (trigger, evidence, predicted outcome,
        // expiry, what held it back), the reason given with a decision or a
        // withdrawal, and the automation settings.
        return {
            QStringLiteral("ALTER TABLE plans ADD COLUMN policy TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE plans ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE TABLE policy_settings ("
                           " key TEXT PRIMARY KEY,"
                           " value TEXT NOT NULL)"),
        };
    case 17:
        // Version 17 reads a host's VM usage from Prometheus when it names one.
        return {
            QStringLiteral("ALTER TABLE hosts ADD COLUMN prometheus_url TEXT"),
        };
    case 18:
        // Version 18 keeps a host's maintenance mode across restarts.
        return {
            QStringLiteral("ALTER TABLE hosts ADD COLUMN maintenance INTEGER NOT NULL DEFAULT 0"),
        };
    case 19:
        // Version 19 journals each flush's samples in one row instead of
        // rewriting every changed open chunk (series/seriesjournal.h).
        return {
            QStringLiteral("CREATE TABLE ts_journal (id INTEGER PRIMARY KEY, data BLOB NOT NULL)"),
        };
    case 20:
        // Version 20 keeps each series' open chunk in a table of its own,
        // keyed by series, so that the open chunks a flush rewrites share
        // pages (series/serieswriter.h): a month-old series' newest chunk sat
        // among hundreds of its sealed ones, and a flush rewrote a page per
        // series. Open chunks of version 19 stay where they are, sealed:
        // moving them rewrote a page per series too (a minute and 2 GB of
        // write-ahead log for a month of 10,000 VMs), and leaving them costs
        // one short chunk per series, once.
        return {
            QStringLiteral("CREATE TABLE ts_open ("
                           " series_id INTEGER PRIMARY KEY,"
                           " start_ms INTEGER NOT NULL,"
                           " end_ms INTEGER NOT NULL,"
                           " rows INTEGER NOT NULL,"
                           " data BLOB NOT NULL)"),
        };
    default:
        return {};
    }
}

Result<void> convertRowSamples(QSqlDatabase &db)
{
    auto heads = std::make_shared<Series::SeriesHeads>();
    SampleStore store(db, heads);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto fail = [&](const QSqlQuery &q) {
        return Error{ QCoreApplication::translate("Umbra::Schema",
                                                  "Moving samples to time series failed: %1")
                          .arg(q.lastError().text()) };
    };
    if (!query.exec(QStringLiteral(
            "SELECT uuid, ts_ms, cpu, host_cpu, mem_used, mem_avail, disk_rd, disk_wr, "
            "disk_rd_iops, disk_wr_iops, net_rx, net_tx, net_rx_pps, net_tx_pps FROM vm_samples "
            "ORDER BY uuid, ts_ms")))
        return fail(query);
    QList<VmSample> vms;
    while (query.next()) {
        VmSample s;
        s.uuid = query.value(0).toString();
        s.timestampMs = query.value(1).toLongLong();
        double *fields[] = { &s.cpuPercent,         &s.hostCpuPercent,      &s.memoryUsedKiB,
                             &s.memoryAvailableKiB, &s.diskReadBytesPerSec, &s.diskWriteBytesPerSec,
                             &s.diskReadIops,       &s.diskWriteIops,       &s.netRxBytesPerSec,
                             &s.netTxBytesPerSec,   &s.netRxPacketsPerSec,  &s.netTxPacketsPerSec };
        for (int c = 0; c < 12; ++c)
            *fields[c] = SqlValues::toDouble(query, c + 2);
        vms.append(s);
    }
    if (!query.exec(QStringLiteral("SELECT uri, ts_ms, cpu, mem_used, mem_total, active_vms FROM "
                                   "host_samples ORDER BY uri, ts_ms")))
        return fail(query);
    QList<HostSample> hosts;
    while (query.next()) {
        HostSample s;
        s.uri = query.value(0).toString();
        s.timestampMs = query.value(1).toLongLong();
        s.cpuPercent = SqlValues::toDouble(query, 2);
        s.memoryUsedKiB = SqlValues::toDouble(query, 3);
        s.memoryTotalKiB = SqlValues::toDouble(query, 4);
        s.activeVms = query.value(5).toInt();
        hosts.append(s);
    }
    query.finish();
    auto done = store.append(vms, hosts);
    if (done)
        done = store.flush();
    if (done)
        done = store.writer()->compactAll();
    if (!done)
        return done;
    store.committed();
    for (const char *statement : { "DROP TABLE vm_samples", "DROP TABLE host_samples" }) {
        if (!query.exec(QLatin1String(statement)))
            return fail(query);
    }
    return {};
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
    // After the last step: the series writer expects today's tables.
    if (from < 3) {
        if (auto converted = convertRowSamples(db); !converted)
            return converted;
    }
    return {};
}

} // namespace Umbra::Schema
