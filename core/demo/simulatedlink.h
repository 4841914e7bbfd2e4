#pragma once

#include "migrate/hypervisorlink.h"

#include <QMutex>
#include <atomic>

namespace Umbra {

// The demo's hypervisor link. A test-driver host cannot migrate, so this link
// reads the host through libvirt (the connection the console's session shares,
// see SharedConnection) and simulates the transfer: memory is "copied" over a
// few seconds in pre-copy rounds whose job statistics advance as a real
// migration's do, then the VM's definition moves — defined and started on the
// target, stopped on the source — where the console sees it. Everything it
// says is labelled simulated. Hosts that are not test-driver hosts get the
// real link.
class SimulatedLink final : public HypervisorLink
{
public:
    // How long a simulated transfer takes, whatever the VM's size.
    static constexpr int kTransferMs = 3000;

    // Wraps `real`, the links for every URI: test-driver hosts get a
    // SimulatedLink over their real link, the others their real link.
    static LinkFactory factory(LinkFactory real);
    static bool simulates(const QString &uri);

    SimulatedLink(std::unique_ptr<HypervisorLink> real, LinkFactory realLinks);
    ~SimulatedLink() override;

    QString simulation() const override;
    QString uri() const override { return m_real->uri(); }
    Result<HostFacts> host() override { return m_real->host(); }
    Result<HostAllocation> allocation() override { return m_real->allocation(); }
    Result<DomainFacts> domain(const QString &nameOrUuid) override
    {
        return m_real->domain(nameOrUuid);
    }
    Result<QString> domainXml(const QString &uuid, bool inactive) override
    {
        return m_real->domainXml(uuid, inactive);
    }
    Result<int> compareCpu(const QString &cpuXml, const QString &virtType) override;
    Result<bool> hasVolume(const QString &path) override;
    Result<QString> volumePoolType(const QString &path) override;
    Result<double> dirtyRate(const QString &uuid, int seconds) override;
    Result<void> migrate(const QString &uuid, const MigrateParams &params) override;
    Result<JobStats> jobStats(const QString &uuid, bool completed) override;
    Result<void> abortJob(const QString &uuid) override;
    Result<void> setMaxDowntime(const QString &uuid, int ms) override;
    Result<void> startPostCopy(const QString &uuid) override;
    Result<void> define(const QString &xml) override { return m_real->define(xml); }
    Result<void> undefine(const QString &uuid) override { return m_real->undefine(uuid); }
    Result<void> start(const QString &uuid) override { return m_real->start(uuid); }
    Result<void> resume(const QString &uuid) override { return m_real->resume(uuid); }
    Result<void> destroy(const QString &uuid) override { return m_real->destroy(uuid); }
    Result<void> diskSnapshot(const QString &uuid, const QString &snapshotXml,
                              bool quiesce) override;
    Result<void> commitActive(const QString &uuid, const QString &disk, int timeoutMs) override;
    Result<void> removeVolume(const QString &path) override;
    Result<bool> agentPing(const QString &uuid, int timeoutS) override;
    // Replication for the demo's shadows: a copy is "seeded" over a few
    // seconds, then ready until aborted or its domain stops; while one runs
    // the domain does not migrate, as with libvirt.
    Result<void> blockCopy(const QString &uuid, const QString &disk, const QString &destinationXml,
                           qint64 bandwidthBytesPerSec) override;
    Result<qint64> diskCapacity(const QString &uuid, const QString &disk) override;
    Result<BlockJobState> blockJob(const QString &uuid, const QString &disk) override;
    // Simulated: a demo VM writes steadily, each write 0.35 ms, and 0.55 ms
    // while a copy mirrors it to a shadow.
    Result<DiskWriteTotals> diskWrites(const QString &uuid) override;
    Result<void> abortBlockJob(const QString &uuid, const QString &disk) override;

private:
    std::unique_ptr<HypervisorLink> m_real;
    LinkFactory m_realLinks;
    mutable QMutex m_mutex;
    QString m_jobUuid; // the VM being moved, while it moves
    JobStats m_running;
    QString m_completedUuid;
    JobStats m_completed;
    std::atomic<bool> m_abort{ false };
};

} // namespace Umbra
