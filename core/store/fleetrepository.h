#pragma once

#include "fleet/eventrecord.h"
#include "fleet/hostinfo.h"
#include "fleet/vminfo.h"
#include "util/result.h"

#include <QList>
#include <QSqlDatabase>

namespace Umbra {

// Hosts the operator added, the last known inventory, and the event log.
class FleetRepository
{
public:
    explicit FleetRepository(QSqlDatabase db);

    Result<QList<HostConfig>> hosts() const;
    Result<void> addHost(const HostConfig &host);
    Result<void> removeHost(const QString &uri);
    // Removes secrets an older Umbra stored with a host (a password in its
    // URI, a token in its exporter URL) from the host, its events and its
    // series names, in one transaction. Returns how many hosts it cleaned.
    Result<int> scrubSecrets();
    Result<void> updateHostInfo(const HostInfo &info);

    Result<void> replaceVms(const QString &uri, const QList<VmInfo> &vms);
    Result<void> upsertVm(const QString &uri, const VmInfo &vm);
    Result<void> removeVm(const QString &uri, const QString &uuid);
    Result<QList<VmInfo>> vms(const QString &uri) const;

    Result<void> appendEvents(const QList<EventRecord> &events);
    Result<QList<EventRecord>> recentEvents(int limit) const;

private:
    Result<qint64> hostId(const QString &uri) const;
    QSqlDatabase m_db;
};

} // namespace Umbra
