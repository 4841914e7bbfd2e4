#include "traffic/trafficsettings.h"

#include "store/database.h"
#include "traffic/runtimeapi.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace Umbra::Traffic {

Result<TrafficSettings> TrafficSettings::load(const QString &databasePath)
{
    static QAtomicInt sequence;
    const QString name
        = QStringLiteral("umbra-traffic-settings-%1").arg(sequence.fetchAndAddRelaxed(1));
    auto db = Database::open(databasePath, name, Database::Mode::ReadOnly);
    if (!db)
        return Error{ db.error() };
    TrafficSettings settings;
    QSqlQuery q(db.value()->sql());
    if (!q.exec(QStringLiteral("SELECT name, address FROM balancers ORDER BY name")))
        return Error{ q.lastError().text() };
    while (q.next()) {
        if (auto b = Balancer::make(q.value(0).toString(), q.value(1).toString()))
            settings.balancers.append(b.value());
    }
    if (!q.exec(QStringLiteral("SELECT vm, balancer, backend, server FROM traffic_mappings")))
        return Error{ q.lastError().text() };
    while (q.next())
        settings.mappings.append({ q.value(0).toString(),
                                   q.value(1).toString(),
                                   { q.value(2).toString(), q.value(3).toString() } });
    return settings;
}

QString hostOfAddress(const QString &address)
{
    QString host = address.left(address.lastIndexOf(QLatin1Char(':')));
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    return host;
}

Result<QList<VmServer>> resolveServers(const QList<Balancer> &balancers,
                                       const QList<Mapping> &mappings,
                                       const AddressLookup &addresses, const QString &vmUuid,
                                       const QString &vmName, const QString &hostUri)
{
    QList<VmServer> found;
    QStringList ips;
    bool looked = false;
    for (const Balancer &b : balancers) {
        auto stats = RuntimeApi(b).stats();
        if (!stats)
            return Error{ stats.error() };
        QHash<QString, bool> mappedBackends;
        for (const Mapping &m : mappings) {
            if (!vmUuid.isEmpty() && m.vmUuid == vmUuid && m.balancer == b.name) {
                found.append({ b, m.server });
                mappedBackends.insert(m.server.backend, true);
            }
        }
        for (const ServerStat &s : stats.value()) {
            if (s.isBackend || mappedBackends.contains(s.ref.backend))
                continue;
            if (s.ref.server == vmName) {
                found.append({ b, s.ref });
                continue;
            }
            if (!looked && addresses) {
                ips = addresses(vmUuid, hostUri);
                looked = true;
            }
            if (!ips.isEmpty() && ips.contains(hostOfAddress(s.address)))
                found.append({ b, s.ref });
        }
    }
    return found;
}

} // namespace Umbra::Traffic
