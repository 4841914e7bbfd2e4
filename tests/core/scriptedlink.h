// A scripted fleet for the migration controller's tests: hosts with domains,
// a migrate that takes a while (or hangs until aborted, or fails), and a log
// of every call in order. The world can live in a JSON file so a child
// process can be killed mid-job and another process can reconcile it.
#pragma once

#include "migrate/hypervisorlink.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QUuid>
#include <functional>

namespace Umbra::Scripted {

struct Domain
{
    QString uuid;
    QString name;
    bool active = false;
    bool persistent = true;
    int state = 5; // shut off
    quint64 memoryKiB = 1048576;
    int vcpus = 2;
    QString disk = QStringLiteral("/images/vm.qcow2");
    QString format = QStringLiteral("qcow2");
    qint64 writes = 0; // diskWrites() counters
    qint64 writeTimeNs = 0;
    bool running() const { return active && state == 1; }
};

struct Host
{
    QString uuid;
    bool reachable = true;
    int cpus = 8;
    quint64 memoryKiB = 16ULL * 1048576;
    quint64 freeKiB = 12ULL * 1048576;
    QMap<QString, Domain> domains; // by uuid
};

class World
{
public:
    QMap<QString, Host> hosts; // by URI
    int migrateMs = 200;
    bool migrateHangs = false; // until aborted
    bool snapshotSupported = true;
    double writeLatencyMs = 0.4, mirroredWriteLatencyMs = 0.6;
    QString poolType; // what volumePoolType answers for every disk ("dir": a local pool)
    QHash<QString, QString> failures; // "op" or "op@uri" -> libvirt-like error
    std::function<void(const QString &call)> onCall; // runs on the calling thread
    QString file; // when set, every change is written there

    QStringList calls() const
    {
        QMutexLocker lock(&m_mutex);
        return m_calls;
    }
    void clearCalls()
    {
        QMutexLocker lock(&m_mutex);
        m_calls.clear();
    }
    // Records a call; returns the scripted error for it, if any.
    QString call(const QString &op, const QString &uri, const QString &detail = {})
    {
        const QString entry = op + QLatin1Char('@') + uri
            + (detail.isEmpty() ? QString() : QLatin1Char(' ') + detail);
        {
            QMutexLocker lock(&m_mutex);
            m_calls.append(entry);
        }
        if (onCall)
            onCall(entry);
        QMutexLocker lock(&m_mutex);
        if (failures.contains(op + QLatin1Char('@') + uri))
            return failures.value(op + QLatin1Char('@') + uri);
        return failures.value(op);
    }
    void log(const QString &entry)
    {
        QMutexLocker lock(&m_mutex);
        m_calls.append(entry);
    }

    QMutex &mutex() const { return m_mutex; }
    QSet<QString> aborted; // uuids whose job was aborted (under mutex)
    QSet<QString> migrating; // uuids with a migration in flight (under mutex)
    // Block copies by "uri uuid disk" (under mutex): ready at once unless
    // copyPollsToReady polls of blockJob are asked first.
    QMap<QString, BlockJobState> blockJobs;
    int copyPollsToReady = 0;
    bool hasBlockJob(const QString &uri, const QString &uuid) const
    {
        const QString prefix = uri + QLatin1Char(' ') + uuid + QLatin1Char(' ');
        for (auto it = blockJobs.cbegin(); it != blockJobs.cend(); ++it)
            if (it.key().startsWith(prefix) && it->active)
                return true;
        return false;
    }

    // Call with the mutex held.
    void save() const
    {
        if (file.isEmpty())
            return;
        QJsonObject root;
        for (auto h = hosts.cbegin(); h != hosts.cend(); ++h) {
            QJsonArray doms;
            for (const Domain &d : h->domains)
                doms.append(QJsonObject{ { QStringLiteral("uuid"), d.uuid },
                                         { QStringLiteral("name"), d.name },
                                         { QStringLiteral("active"), d.active },
                                         { QStringLiteral("persistent"), d.persistent },
                                         { QStringLiteral("state"), d.state },
                                         { QStringLiteral("memoryKiB"), qint64(d.memoryKiB) },
                                         { QStringLiteral("vcpus"), d.vcpus },
                                         { QStringLiteral("disk"), d.disk },
                                         { QStringLiteral("format"), d.format } });
            root.insert(h.key(),
                        QJsonObject{ { QStringLiteral("uuid"), h->uuid },
                                     { QStringLiteral("reachable"), h->reachable },
                                     { QStringLiteral("domains"), doms } });
        }
        QSaveFile out(file);
        if (out.open(QIODevice::WriteOnly)) {
            out.write(QJsonDocument(root).toJson());
            out.commit();
        }
    }
    void load(const QString &path)
    {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return;
        const QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
        hosts.clear();
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QJsonObject h = it.value().toObject();
            Host host;
            host.uuid = h.value(QLatin1String("uuid")).toString();
            host.reachable = h.value(QLatin1String("reachable")).toBool(true);
            for (const QJsonValue &v : h.value(QLatin1String("domains")).toArray()) {
                const QJsonObject o = v.toObject();
                Domain d;
                d.uuid = o.value(QLatin1String("uuid")).toString();
                d.name = o.value(QLatin1String("name")).toString();
                d.active = o.value(QLatin1String("active")).toBool();
                d.persistent = o.value(QLatin1String("persistent")).toBool();
                d.state = o.value(QLatin1String("state")).toInt();
                d.memoryKiB = quint64(o.value(QLatin1String("memoryKiB")).toDouble());
                d.vcpus = o.value(QLatin1String("vcpus")).toInt();
                d.disk = o.value(QLatin1String("disk")).toString();
                d.format = o.value(QLatin1String("format")).toString();
                host.domains.insert(d.uuid, d);
            }
            hosts.insert(it.key(), host);
        }
    }

    // Where a VM is: "active" hosts and "defined" hosts.
    QStringList activeOn(const QString &uuid) const
    {
        QMutexLocker lock(&m_mutex);
        QStringList list;
        for (auto h = hosts.cbegin(); h != hosts.cend(); ++h)
            if (h->domains.contains(uuid) && h->domains[uuid].active)
                list.append(h.key());
        return list;
    }
    QStringList definedOn(const QString &uuid) const
    {
        QMutexLocker lock(&m_mutex);
        QStringList list;
        for (auto h = hosts.cbegin(); h != hosts.cend(); ++h)
            if (h->domains.contains(uuid))
                list.append(h.key());
        return list;
    }

private:
    mutable QMutex m_mutex;
    QStringList m_calls;
};

inline QString domainXml(const Domain &d)
{
    return QStringLiteral("<domain type='kvm'><name>%1</name><uuid>%2</uuid>"
                          "<memory unit='KiB'>%3</memory><vcpu>%4</vcpu><devices>"
                          "<disk type='file' device='disk'><driver name='qemu' type='%5'/>"
                          "<source file='%6'/><target dev='vda' bus='virtio'/></disk>"
                          "<disk type='file' device='cdrom'><source file='/images/tools.iso'/>"
                          "<target dev='sda' bus='sata'/><readonly/></disk>"
                          "</devices></domain>")
        .arg(d.name, d.uuid)
        .arg(d.memoryKiB)
        .arg(d.vcpus)
        .arg(d.format, d.disk);
}

class Link final : public HypervisorLink
{
public:
    Link(World &world, QString uri)
        : m_world(world)
        , m_uri(std::move(uri))
    { }

    QString uri() const override { return m_uri; }

    Result<HostFacts> host() override
    {
        if (auto e = check(QStringLiteral("host")); !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        const Host &h = m_world.hosts[m_uri];
        HostFacts f;
        f.uri = m_uri;
        f.uuid = h.uuid;
        f.canonicalUri = m_uri;
        f.hostname = m_uri;
        f.cpus = h.cpus;
        f.memoryKiB = h.memoryKiB;
        f.freeMemoryKiB = h.freeKiB;
        return f;
    }
    Result<HostAllocation> allocation() override
    {
        if (auto e = check(QStringLiteral("allocation")); !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        HostAllocation a;
        for (const Domain &d : m_world.hosts[m_uri].domains) {
            if (!d.active)
                continue;
            a.memoryKiB += d.memoryKiB;
            a.vcpus += d.vcpus;
            ++a.domains;
        }
        return a;
    }
    Result<DomainFacts> domain(const QString &key) override
    {
        if (auto e = check(QStringLiteral("domain"), key); !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        DomainFacts f;
        for (const Domain &d : m_world.hosts[m_uri].domains) {
            if (d.uuid != key && d.name != key)
                continue;
            f.exists = true;
            f.uuid = d.uuid;
            f.name = d.name;
            f.state = d.state;
            f.active = d.active;
            f.persistent = d.persistent;
            f.memoryKiB = d.active ? d.memoryKiB : 0;
            f.maxMemoryKiB = d.memoryKiB;
            f.vcpus = d.vcpus;
        }
        return f;
    }
    Result<QString> domainXml(const QString &uuid, bool inactive) override
    {
        if (auto e = check(QStringLiteral("domainXml"), uuid); !e.isEmpty())
            return Error{ e };
        Q_UNUSED(inactive);
        QMutexLocker lock(&m_world.mutex());
        if (!m_world.hosts[m_uri].domains.contains(uuid))
            return Error{ QStringLiteral("Domain not found: %1").arg(uuid) };
        return Scripted::domainXml(m_world.hosts[m_uri].domains[uuid]);
    }
    Result<int> compareCpu(const QString &, const QString &) override { return 1; }
    Result<QString> volumePoolType(const QString &) override
    {
        QMutexLocker lock(&m_world.mutex());
        return m_world.poolType;
    }
    Result<bool> hasVolume(const QString &path) override
    {
        Q_UNUSED(path);
        return false;
    }
    Result<double> dirtyRate(const QString &uuid, int) override
    {
        if (auto e = check(QStringLiteral("dirtyRate"), uuid); !e.isEmpty())
            return Error{ e };
        return 2.0 * 1048576;
    }
    Result<void> migrate(const QString &uuid, const MigrateParams &params) override
    {
        const QString dest = params.peerToPeer ? params.targetUri : params.target->uri();
        if (auto e = check(QStringLiteral("migrate"), dest); !e.isEmpty())
            return Error{ e };
        Domain moving;
        {
            QMutexLocker lock(&m_world.mutex());
            if (!m_world.hosts.contains(dest) || !m_world.hosts[dest].reachable)
                return Error{ QStringLiteral("unable to connect to server at '%1'").arg(dest) };
            if (m_world.hasBlockJob(m_uri, uuid))
                return Error{ QStringLiteral("Requested operation is not valid: domain has an "
                                             "active block job") };
            Domain &src = m_world.hosts[m_uri].domains[uuid];
            if (!src.running())
                return Error{ QStringLiteral("Requested operation is not valid: domain is not "
                                             "running") };
            moving = src;
            Domain incoming = src;
            incoming.persistent = false;
            incoming.state = 3; // paused, waiting for the memory
            if (!m_world.hosts[dest].domains.contains(uuid))
                m_world.hosts[dest].domains.insert(uuid, incoming);
            else {
                Domain &existing = m_world.hosts[dest].domains[uuid];
                existing.active = true;
                existing.state = 3;
            }
            m_world.migrating.insert(uuid);
            m_world.save();
        }
        QElapsedTimer clock;
        clock.start();
        m_started.start();
        QString error;
        while (true) {
            {
                QMutexLocker lock(&m_world.mutex());
                if (m_world.aborted.contains(uuid)) {
                    error = QStringLiteral("operation aborted: migration out: canceled by client");
                    break;
                }
            }
            if (!m_world.migrateHangs && clock.elapsed() >= m_world.migrateMs)
                break;
            QThread::msleep(10);
        }
        if (error.isEmpty())
            error = m_world.failures.value(QStringLiteral("migrate-finish"));
        QMutexLocker lock(&m_world.mutex());
        m_world.migrating.remove(uuid);
        m_world.aborted.remove(uuid);
        Domain &target = m_world.hosts[dest].domains[uuid];
        if (!error.isEmpty()) {
            // The incoming copy goes; a definition that was there stays.
            if (target.persistent) {
                target.active = false;
                target.state = 5;
            } else {
                m_world.hosts[dest].domains.remove(uuid);
            }
            m_world.save();
            return Error{ error };
        }
        target = moving;
        target.active = true;
        target.state = 1;
        target.persistent = true; // PERSIST_DEST
        Domain &src = m_world.hosts[m_uri].domains[uuid];
        src.active = false;
        src.state = 5;
        m_completedMs = clock.elapsed();
        m_world.save();
        return {};
    }
    Result<JobStats> jobStats(const QString &uuid, bool completed) override
    {
        QMutexLocker lock(&m_world.mutex());
        JobStats s;
        const quint64 total = m_world.hosts[m_uri].domains.value(uuid).memoryKiB * 1024;
        if (completed) {
            if (m_completedMs < 0)
                return s;
            s.dataTotal = s.dataProcessed = total;
            s.downtimeMs = 42;
            s.elapsedMs = std::max<qint64>(1, m_completedMs);
            s.memoryBytesPerSec = double(total) * 1000.0 / double(s.elapsedMs);
            return s;
        }
        if (!m_world.migrating.contains(uuid))
            return s;
        s.active = true;
        s.elapsedMs = m_started.isValid() ? m_started.elapsed() : 0;
        s.dataTotal = total;
        const double share = m_world.migrateHangs
            ? 0.5
            : std::min(1.0, double(s.elapsedMs) / std::max(1, m_world.migrateMs));
        s.dataProcessed = quint64(double(total) * share);
        s.dataRemaining = total - s.dataProcessed;
        s.iteration = 1;
        s.memoryBytesPerSec = 100.0 * 1048576;
        return s;
    }
    Result<void> abortJob(const QString &uuid) override
    {
        if (auto e = check(QStringLiteral("abortJob"), uuid); !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        m_world.aborted.insert(uuid);
        return {};
    }
    Result<void> setMaxDowntime(const QString &uuid, int ms) override
    {
        m_world.call(QStringLiteral("setMaxDowntime"), m_uri,
                     uuid + QLatin1Char(' ') + QString::number(ms));
        return {};
    }
    Result<void> startPostCopy(const QString &uuid) override
    {
        m_world.call(QStringLiteral("startPostCopy"), m_uri, uuid);
        return {};
    }
    Result<void> define(const QString &xml) override
    {
        if (auto e = check(QStringLiteral("define")); !e.isEmpty())
            return Error{ e };
        QString uuid
            = QRegularExpression(QStringLiteral("<uuid>([^<]+)</uuid>")).match(xml).captured(1);
        if (uuid.isEmpty()) // libvirt makes one up
            uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString name
            = QRegularExpression(QStringLiteral("<name>([^<]+)</name>")).match(xml).captured(1);
        const QString vcpus
            = QRegularExpression(QStringLiteral("<vcpu[^>]*>(\\d+)</vcpu>")).match(xml).captured(1);
        QMutexLocker lock(&m_world.mutex());
        Domain &d = m_world.hosts[m_uri].domains[uuid];
        d.uuid = uuid;
        d.name = name;
        d.persistent = true;
        if (!vcpus.isEmpty())
            d.vcpus = vcpus.toInt();
        m_world.save();
        return {};
    }
    Result<void> undefine(const QString &uuid) override
    {
        if (auto e = check(QStringLiteral("undefine"), uuid); !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        auto &doms = m_world.hosts[m_uri].domains;
        if (doms.contains(uuid)) {
            if (doms[uuid].active)
                doms[uuid].persistent = false;
            else
                doms.remove(uuid);
        }
        m_world.save();
        return {};
    }
    Result<void> start(const QString &uuid) override
    {
        return setState(QStringLiteral("start"), uuid, true, 1);
    }
    Result<void> resume(const QString &uuid) override
    {
        return setState(QStringLiteral("resume"), uuid, true, 1);
    }
    Result<void> destroy(const QString &uuid) override
    {
        if (auto e = check(QStringLiteral("destroy"), uuid); !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        // A stopped domain's block jobs end with it.
        const QString prefix = jobKey(uuid, {});
        for (auto it = m_world.blockJobs.begin(); it != m_world.blockJobs.end();)
            it = it.key().startsWith(prefix) ? m_world.blockJobs.erase(it) : std::next(it);
        auto &doms = m_world.hosts[m_uri].domains;
        if (doms.contains(uuid)) {
            if (doms[uuid].persistent) {
                doms[uuid].active = false;
                doms[uuid].state = 5;
            } else {
                doms.remove(uuid);
            }
        }
        m_world.save();
        return {};
    }
    Result<void> diskSnapshot(const QString &uuid, const QString &xml, bool) override
    {
        if (auto e = check(QStringLiteral("diskSnapshot"), uuid); !e.isEmpty())
            return Error{ e };
        if (!m_world.snapshotSupported)
            return Error{ QStringLiteral("this function is not supported by the connection "
                                         "driver: virDomainSnapshotCreateXML") };
        {
            QMutexLocker lock(&m_world.mutex());
            if (m_world.hasBlockJob(m_uri, uuid))
                return Error{ QStringLiteral("Requested operation is not valid: domain has an "
                                             "active block job") };
        }
        m_world.log(QStringLiteral("snapshotXml ") + xml);
        return {};
    }
    Result<void> commitActive(const QString &uuid, const QString &disk, int) override
    {
        if (auto e = check(QStringLiteral("commitActive"), uuid + QLatin1Char(' ') + disk);
            !e.isEmpty())
            return Error{ e };
        return {};
    }
    Result<void> removeVolume(const QString &path) override
    {
        return Error{ QStringLiteral("%1 is in no storage pool").arg(path) };
    }
    Result<bool> agentPing(const QString &, int) override { return false; }

    Result<void> blockCopy(const QString &uuid, const QString &disk, const QString &destinationXml,
                           qint64 bandwidthBytesPerSec) override
    {
        if (auto e = check(QStringLiteral("blockCopy"), uuid + QLatin1Char(' ') + disk);
            !e.isEmpty())
            return Error{ e };
        m_world.log(QStringLiteral("copyTo ") + destinationXml);
        if (bandwidthBytesPerSec > 0)
            m_world.log(QStringLiteral("copyBandwidth %1").arg(bandwidthBytesPerSec));
        QMutexLocker lock(&m_world.mutex());
        if (!m_world.hosts[m_uri].domains.value(uuid).running())
            return Error{ QStringLiteral("Requested operation is not valid: domain is not "
                                         "running") };
        if (m_world.hasBlockJob(m_uri, uuid))
            return Error{ QStringLiteral("block copy still active: disk '%1' already in active "
                                         "block job")
                              .arg(disk) };
        BlockJobState job;
        job.active = true;
        job.end = kDiskBytes;
        job.ready = m_world.copyPollsToReady <= 0;
        job.cur = job.ready ? kDiskBytes : 0;
        m_world.blockJobs.insert(jobKey(uuid, disk), job);
        return {};
    }
    Result<qint64> diskCapacity(const QString &uuid, const QString &disk) override
    {
        if (auto e = check(QStringLiteral("diskCapacity"), uuid + QLatin1Char(' ') + disk);
            !e.isEmpty())
            return Error{ e };
        return kDiskBytes;
    }
    // Ten writes between two readings, each taking writeLatencyMs, or
    // mirroredWriteLatencyMs while a copy of the domain runs.
    Result<DiskWriteTotals> diskWrites(const QString &uuid) override
    {
        if (auto e = check(QStringLiteral("diskWrites"), uuid); !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        Domain &dom = m_world.hosts[m_uri].domains[uuid];
        const double ms = m_world.hasBlockJob(m_uri, uuid) ? m_world.mirroredWriteLatencyMs
                                                           : m_world.writeLatencyMs;
        dom.writes += 10;
        dom.writeTimeNs += qint64(10 * ms * 1e6);
        return DiskWriteTotals{ dom.writes, dom.writeTimeNs };
    }
    Result<BlockJobState> blockJob(const QString &uuid, const QString &disk) override
    {
        if (auto e = check(QStringLiteral("blockJob"), uuid + QLatin1Char(' ') + disk);
            !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        if (!m_world.blockJobs.contains(jobKey(uuid, disk)))
            return BlockJobState{};
        BlockJobState &job = m_world.blockJobs[jobKey(uuid, disk)];
        if (!job.ready && ++job.cur >= m_world.copyPollsToReady) {
            job.ready = true;
            job.cur = job.end;
        }
        return job;
    }
    Result<void> abortBlockJob(const QString &uuid, const QString &disk) override
    {
        if (auto e = check(QStringLiteral("abortBlockJob"), uuid + QLatin1Char(' ') + disk);
            !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        m_world.blockJobs.remove(jobKey(uuid, disk));
        return {};
    }

    static constexpr qint64 kDiskBytes = 64LL * 1048576;

private:
    QString jobKey(const QString &uuid, const QString &disk) const
    {
        return m_uri + QLatin1Char(' ') + uuid + QLatin1Char(' ') + disk;
    }
    QString check(const QString &op, const QString &detail = {})
    {
        const QString e = m_world.call(op, m_uri, detail);
        if (!e.isEmpty())
            return e;
        QMutexLocker lock(&m_world.mutex());
        if (!m_world.hosts.contains(m_uri) || !m_world.hosts[m_uri].reachable)
            return QStringLiteral("Cannot recv data: Connection reset by peer");
        return {};
    }
    Result<void> setState(const QString &op, const QString &uuid, bool active, int state)
    {
        if (auto e = check(op, uuid); !e.isEmpty())
            return Error{ e };
        QMutexLocker lock(&m_world.mutex());
        auto &doms = m_world.hosts[m_uri].domains;
        if (!doms.contains(uuid))
            return Error{ QStringLiteral("Domain not found") };
        doms[uuid].active = active;
        doms[uuid].state = state;
        m_world.save();
        return {};
    }

    World &m_world;
    QString m_uri;
    QElapsedTimer m_started;
    qint64 m_completedMs = -1;
};

inline LinkFactory factory(World &world)
{
    return [&world](const QString &uri) -> Result<std::unique_ptr<HypervisorLink>> {
        world.call(QStringLiteral("open"), uri);
        {
            QMutexLocker lock(&world.mutex());
            if (!world.hosts.contains(uri) || !world.hosts[uri].reachable)
                return Error{ QStringLiteral("%1 is unreachable: unable to connect to server: "
                                             "Connection refused")
                                  .arg(uri) };
        }
        return std::unique_ptr<HypervisorLink>(new Link(world, uri));
    };
}

// Two hosts and one running VM on the first.
inline void twoHosts(World &world,
                     const QString &vmUuid = QStringLiteral("11111111-2222-4333-8444-555555555555"))
{
    Host a;
    a.uuid = QStringLiteral("aaaaaaaa-0000-4000-8000-00000000000a");
    Host b;
    b.uuid = QStringLiteral("bbbbbbbb-0000-4000-8000-00000000000b");
    Domain vm;
    vm.uuid = vmUuid;
    vm.name = QStringLiteral("web01");
    vm.active = true;
    vm.state = 1;
    vm.disk = QStringLiteral("/images/web01.qcow2");
    a.domains.insert(vm.uuid, vm);
    world.hosts.insert(QStringLiteral("scripted://a"), a);
    world.hosts.insert(QStringLiteral("scripted://b"), b);
}

} // namespace Umbra::Scripted
