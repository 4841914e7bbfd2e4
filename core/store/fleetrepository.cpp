#include "store/fleetrepository.h"

#include "fleet/hosturi.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace Umbra {

namespace {

// lupdate and the runtime must agree on the context of these strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::FleetRepository)
};

Error queryError(const QSqlQuery &query, const char *what)
{
    return Error{
        Tr::tr("Fleet store: %1 failed: %2").arg(QLatin1String(what), query.lastError().text())
    };
}

QString disksToJson(const QList<DiskInfo> &disks)
{
    QJsonArray array;
    for (const DiskInfo &d : disks)
        array.append(QJsonObject{ { QStringLiteral("target"), d.target },
                                  { QStringLiteral("source"), d.source },
                                  { QStringLiteral("bus"), d.bus },
                                  { QStringLiteral("device"), d.device } });
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<DiskInfo> disksFromJson(const QString &json)
{
    QList<DiskInfo> disks;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        disks.append(DiskInfo{ o.value(QLatin1String("target")).toString(),
                               o.value(QLatin1String("source")).toString(),
                               o.value(QLatin1String("bus")).toString(),
                               o.value(QLatin1String("device")).toString() });
    }
    return disks;
}

QString nicsToJson(const QList<NicInfo> &nics)
{
    QJsonArray array;
    for (const NicInfo &n : nics)
        array.append(QJsonObject{ { QStringLiteral("mac"), n.mac },
                                  { QStringLiteral("model"), n.model },
                                  { QStringLiteral("type"), n.type },
                                  { QStringLiteral("source"), n.source } });
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<NicInfo> nicsFromJson(const QString &json)
{
    QList<NicInfo> nics;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        nics.append(NicInfo{ o.value(QLatin1String("mac")).toString(),
                             o.value(QLatin1String("model")).toString(),
                             o.value(QLatin1String("type")).toString(),
                             o.value(QLatin1String("source")).toString() });
    }
    return nics;
}

} // namespace

FleetRepository::FleetRepository(QSqlDatabase db)
    : m_db(std::move(db))
{ }

Result<QList<HostConfig>> FleetRepository::hosts() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral(
            "SELECT uri, simulated, exporter_url, prometheus_url, maintenance FROM hosts "
            "ORDER BY id")))
        return queryError(query, "listing hosts");
    QList<HostConfig> hosts;
    while (query.next()) {
        HostConfig host{ query.value(0).toString(), query.value(1).toBool(),
                         query.value(2).toString() };
        host.prometheusUrl = query.value(3).toString();
        host.maintenance = query.value(4).toBool();
        hosts.append(host);
    }
    return hosts;
}

Result<void> FleetRepository::addHost(const HostConfig &host)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO hosts (uri, simulated, exporter_url, prometheus_url, maintenance, added_ms) "
        "VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(uri) DO UPDATE SET simulated = excluded.simulated, "
        "exporter_url = excluded.exporter_url, prometheus_url = excluded.prometheus_url, "
        "maintenance = excluded.maintenance"));
    query.addBindValue(host.uri);
    query.addBindValue(host.simulatedUsage ? 1 : 0);
    query.addBindValue(host.exporterUrl.isEmpty() ? QVariant() : QVariant(host.exporterUrl));
    query.addBindValue(host.prometheusUrl.isEmpty() ? QVariant() : QVariant(host.prometheusUrl));
    query.addBindValue(host.maintenance ? 1 : 0);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec())
        return queryError(query, "adding a host");
    return {};
}

Result<int> FleetRepository::scrubSecrets()
{
    auto stored = hosts();
    if (!stored)
        return Error{ stored.error() };
    QList<HostConfig> dirty;
    for (const HostConfig &host : stored.value())
        if (HostUri::hasSecrets(host.uri) || HostUri::hasSecrets(host.exporterUrl))
            dirty.append(host);
    if (dirty.isEmpty())
        return 0;
    if (auto begun = Database::beginWrite(m_db); !begun)
        return Error{ Tr::tr("Cannot clean %1: %2").arg(m_db.databaseName(), begun.error()) };
    auto run
        = [&](const char *sql, const QVariantList &values, const char *purpose) -> Result<void> {
        QSqlQuery query(m_db);
        query.prepare(QLatin1String(sql));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return queryError(query, purpose);
        return {};
    };
    Result<void> done;
    for (const HostConfig &host : std::as_const(dirty)) {
        const QString uri = HostUri::withoutSecrets(host.uri);
        const QString exporter = HostUri::withoutSecrets(host.exporterUrl);
        const QString secret = HostUri::secret(host.uri);
        done = run(
            "UPDATE hosts SET uri = ?, exporter_url = ? WHERE uri = ?",
            QVariantList{ uri, exporter.isEmpty() ? QVariant() : QVariant(exporter), host.uri },
            "cleaning a host");
        if (done)
            done = run("UPDATE events SET host_uri = ? WHERE host_uri = ?",
                       QVariantList{ uri, host.uri }, "cleaning events");
        for (const QString &text : { host.uri, host.exporterUrl, secret }) {
            if (done && !text.isEmpty())
                done = run("UPDATE events SET message = replace(message, ?, ?) "
                           "WHERE instr(message, ?) > 0",
                           QVariantList{ text,
                                         text == secret ? QStringLiteral("***")
                                                        : HostUri::withoutSecrets(text),
                                         text },
                           "cleaning events");
        }
        // Series of a host are named "host/<uri>/<metric>".
        const QString oldPrefix = QStringLiteral("host/") + host.uri + QLatin1Char('/');
        const QString newPrefix = QStringLiteral("host/") + uri + QLatin1Char('/');
        if (done)
            done = run("UPDATE ts_series SET name = ? || substr(name, ?) "
                       "WHERE substr(name, 1, ?) = ?",
                       QVariantList{ newPrefix, int(oldPrefix.size()) + 1, int(oldPrefix.size()),
                                     oldPrefix },
                       "cleaning series names");
        if (!done)
            break;
    }
    if (!done || !m_db.commit()) {
        const QString reason = done ? m_db.lastError().text() : done.error();
        m_db.rollback();
        return Error{ reason };
    }
    return int(dirty.size());
}

Result<void> FleetRepository::removeHost(const QString &uri)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM hosts WHERE uri = ?"));
    query.addBindValue(uri);
    if (!query.exec())
        return queryError(query, "removing a host");
    return {};
}

Result<void> FleetRepository::updateHostInfo(const HostInfo &info)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE hosts SET hostname = ?, hypervisor = ?, cpu_model = ?, "
                                 "cpus = ?, memory_kib = ? WHERE uri = ?"));
    query.addBindValue(info.hostname);
    query.addBindValue(info.hypervisor);
    query.addBindValue(info.cpuModel);
    query.addBindValue(info.cpus);
    query.addBindValue(qint64(info.memoryKiB));
    query.addBindValue(info.uri);
    if (!query.exec())
        return queryError(query, "updating host facts");
    return {};
}

Result<qint64> FleetRepository::hostId(const QString &uri) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id FROM hosts WHERE uri = ?"));
    query.addBindValue(uri);
    if (!query.exec())
        return queryError(query, "finding a host");
    if (!query.next())
        return Error{ Tr::tr("The host %1 is not in the store.").arg(uri) };
    return query.value(0).toLongLong();
}

Result<void> FleetRepository::replaceVms(const QString &uri, const QList<VmInfo> &vms)
{
    auto id = hostId(uri);
    if (!id)
        return Error{ id.error() };
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM vms WHERE host_id = ?"));
    clear.addBindValue(id.value());
    if (!clear.exec())
        return queryError(clear, "replacing the inventory");
    for (const VmInfo &vm : vms) {
        if (auto done = upsertVm(uri, vm); !done)
            return done;
    }
    return {};
}

Result<void> FleetRepository::upsertVm(const QString &uri, const VmInfo &vm)
{
    auto id = hostId(uri);
    if (!id)
        return Error{ id.error() };
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO vms (host_id, uuid, name, state, vcpus, memory_kib, "
        "max_memory_kib, persistent, disks, nics, updated_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    query.addBindValue(id.value());
    query.addBindValue(vm.uuid);
    query.addBindValue(vm.name);
    query.addBindValue(int(vm.state));
    query.addBindValue(vm.vcpus);
    query.addBindValue(qint64(vm.memoryKiB));
    query.addBindValue(qint64(vm.maxMemoryKiB));
    query.addBindValue(vm.persistent ? 1 : 0);
    query.addBindValue(disksToJson(vm.disks));
    query.addBindValue(nicsToJson(vm.nics));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec())
        return queryError(query, "storing a VM");
    return {};
}

Result<void> FleetRepository::removeVm(const QString &uri, const QString &uuid)
{
    auto id = hostId(uri);
    if (!id)
        return Error{ id.error() };
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM vms WHERE host_id = ? AND uuid = ?"));
    query.addBindValue(id.value());
    query.addBindValue(uuid);
    if (!query.exec())
        return queryError(query, "removing a VM");
    return {};
}

Result<QList<VmInfo>> FleetRepository::vms(const QString &uri) const
{
    auto id = hostId(uri);
    if (!id)
        return Error{ id.error() };
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT uuid, name, state, vcpus, memory_kib, max_memory_kib, "
                                 "persistent, disks, nics FROM vms WHERE host_id = ? "
                                 "ORDER BY name"));
    query.addBindValue(id.value());
    if (!query.exec())
        return queryError(query, "reading the inventory");
    QList<VmInfo> vms;
    while (query.next()) {
        VmInfo vm;
        vm.uuid = query.value(0).toString();
        vm.name = query.value(1).toString();
        vm.state = vmStateFromLibvirt(query.value(2).toInt());
        vm.vcpus = query.value(3).toInt();
        vm.memoryKiB = query.value(4).toULongLong();
        vm.maxMemoryKiB = query.value(5).toULongLong();
        vm.persistent = query.value(6).toBool();
        vm.disks = disksFromJson(query.value(7).toString());
        vm.nics = nicsFromJson(query.value(8).toString());
        vms.append(vm);
    }
    return vms;
}

Result<void> FleetRepository::appendEvents(const QList<EventRecord> &events)
{
    if (events.isEmpty())
        return {};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO events (ts_ms, severity, kind, host_uri, vm_uuid, "
                                 "message) VALUES (?,?,?,?,?,?)"));
    for (const EventRecord &e : events) {
        query.bindValue(0, e.timestampMs);
        query.bindValue(1, int(e.severity));
        query.bindValue(2, e.kind);
        query.bindValue(3, e.hostUri);
        query.bindValue(4, e.vmUuid);
        query.bindValue(5, e.message);
        if (!query.exec())
            return queryError(query, "writing the event log");
    }
    return {};
}

Result<QList<EventRecord>> FleetRepository::recentEvents(int limit) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ts_ms, severity, kind, host_uri, vm_uuid, message FROM "
                                 "(SELECT * FROM events ORDER BY id DESC LIMIT ?) ORDER BY id"));
    query.addBindValue(limit);
    if (!query.exec())
        return queryError(query, "reading the event log");
    QList<EventRecord> events;
    while (query.next()) {
        EventRecord e;
        e.timestampMs = query.value(0).toLongLong();
        e.severity = EventRecord::Severity(std::clamp(query.value(1).toInt(), 0, 2));
        e.kind = query.value(2).toString();
        e.hostUri = query.value(3).toString();
        e.vmUuid = query.value(4).toString();
        e.message = query.value(5).toString();
        events.append(e);
    }
    return events;
}

} // namespace Umbra
