#pragma once

#include "migrate/hypervisorlink.h"

#include <functional>
#include <libvirt/libvirt.h>
#include <memory>

namespace Umbra {

struct DomainRef;

// HypervisorLink over one libvirt connection (no interactive authentication:
// a host that wants credentials fails with libvirt's message).
class LibvirtLink final : public HypervisorLink
{
public:
    static Result<std::unique_ptr<HypervisorLink>> open(const QString &uri);
    // The factory the controller uses in production.
    static LinkFactory factory();
    ~LibvirtLink() override;

    QString uri() const override { return m_uri; }
    Result<HostFacts> host() override;
    Result<HostAllocation> allocation() override;
    Result<DomainFacts> domain(const QString &nameOrUuid) override;
    Result<QString> domainXml(const QString &uuid, bool inactive) override;
    Result<int> compareCpu(const QString &cpuXml, const QString &virtType) override;
    Result<bool> hasVolume(const QString &path) override;
    Result<QString> volumePoolType(const QString &path) override;
    Result<double> dirtyRate(const QString &uuid, int seconds) override;
    Result<void> migrate(const QString &uuid, const MigrateParams &params) override;
    Result<JobStats> jobStats(const QString &uuid, bool completed) override;
    Result<void> abortJob(const QString &uuid) override;
    Result<void> setMaxDowntime(const QString &uuid, int ms) override;
    Result<void> startPostCopy(const QString &uuid) override;
    Result<void> define(const QString &xml) override;
    Result<void> undefine(const QString &uuid) override;
    Result<void> start(const QString &uuid) override;
    Result<void> resume(const QString &uuid) override;
    Result<void> destroy(const QString &uuid) override;
    Result<void> diskSnapshot(const QString &uuid, const QString &snapshotXml,
                              bool quiesce) override;
    Result<void> commitActive(const QString &uuid, const QString &disk, int timeoutMs) override;
    Result<DiskWriteTotals> diskWrites(const QString &uuid) override;
    Result<void> blockCopy(const QString &uuid, const QString &disk, const QString &destinationXml,
                           qint64 bandwidthBytesPerSec) override;
    Result<qint64> diskCapacity(const QString &uuid, const QString &disk) override;
    Result<BlockJobState> blockJob(const QString &uuid, const QString &disk) override;
    Result<void> abortBlockJob(const QString &uuid, const QString &disk) override;
    Result<void> removeVolume(const QString &path) override;
    Result<bool> agentPing(const QString &uuid, int timeoutS) override;
    Result<QStringList> interfaceAddresses(const QString &uuid) override;

    virConnectPtr connection() const { return m_conn; }

private:
    LibvirtLink(QString uri, virConnectPtr conn);
    Result<virDomainPtr> lookup(const QString &nameOrUuid);
    // The volume at path; a pool scanned before the file appeared (a disk
    // created since, a restore point's overlay) is refreshed once first.
    virStorageVolPtr lookupVolume(const QString &path);
    // The domain `uuid` names, which must be defined on this host.
    Result<std::shared_ptr<DomainRef>> definedDomain(const QString &uuid);
    // One libvirt call on a defined domain; `what` names it in the error.
    Result<void> callOnDomain(const QString &uuid, const QString &what,
                              const std::function<int(virDomainPtr)> &call);

    QString m_uri;
    virConnectPtr m_conn = nullptr;
};

} // namespace Umbra
