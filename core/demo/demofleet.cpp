#include "demo/demofleet.h"

#include "util/privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace Umbra::DemoFleet {

namespace {

// lupdate and the runtime must agree on the context of these strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::DemoFleet)
};

} // namespace

Result<QList<HostConfig>> install(const QString &requestedDirectory)
{
    QString directory = requestedDirectory;
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
            + QStringLiteral("/demo-fleet");
    if (!PrivateFiles::makeFolder(directory))
        return Error{ Tr::tr("Cannot create the demo fleet folder %1.").arg(directory) };

    const QDir resources(QStringLiteral(":/fleet"));
    const QStringList files
        = resources.entryList({ QStringLiteral("*.xml") }, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Error{ Tr::tr("The demo fleet is missing from this build of Umbra.") };

    QList<HostConfig> hosts;
    for (const QString &name : files) {
        QFile source(resources.filePath(name));
        if (!source.open(QIODevice::ReadOnly))
            return Error{ Tr::tr("Cannot read the demo fleet file %1.").arg(name) };
        const QString target = QDir(directory).absoluteFilePath(name);
        const QByteArray xml = source.readAll();
        if (auto written = PrivateFiles::write(target, xml); !written)
            return Error{ Tr::tr("Cannot write the demo fleet file: %1").arg(written.error()) };
        hosts.append(HostConfig{ QStringLiteral("test://") + target, true });
    }
    return hosts;
}

Result<QString> writeGeneratedFleet(const QString &path, const QString &hostName, int vmCount,
                                    int cpus, quint64 memoryKiB)
{
    QString xml;
    xml += QStringLiteral("<!-- generated test-driver fleet for host %1 -->\n<node>\n")
               .arg(hostName);
    xml += QStringLiteral("  <cpu><nodes>1</nodes><sockets>2</sockets><cores>%1</cores>"
                          "<threads>2</threads><active>%2</active><mhz>2900</mhz>"
                          "<model>x86_64</model></cpu>\n")
               .arg(std::max(1, cpus / 4))
               .arg(cpus);
    xml += QStringLiteral("  <memory>%1</memory>\n").arg(memoryKiB);
    const quint32 hostHash = qHash(hostName);
    for (int i = 0; i < vmCount; ++i) {
        const QString uuid = QStringLiteral("%1-%2-4000-8000-%3")
                                 .arg(hostHash, 8, 16, QLatin1Char('0'))
                                 .arg(i, 4, 16, QLatin1Char('0'))
                                 .arg(i, 12, 16, QLatin1Char('0'));
        // Every tenth VM is shut off, so fleets mix states like real ones.
        const bool off = i % 10 == 9;
        xml += QStringLiteral(
                   "  <domain type='test' "
                   "xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n"
                   "    <name>%1-vm%2</name><uuid>%3</uuid>\n"
                   "    <memory unit='MiB'>%4</memory><vcpu>%5</vcpu><os><type>hvm</type></os>\n"
                   "    <devices><disk type='file' device='disk'><source "
                   "file='/images/%1-vm%2.qcow2'/>"
                   "<target dev='vda' bus='virtio'/></disk>"
                   "<interface type='bridge'><source bridge='br0'/><model "
                   "type='virtio'/></interface>"
                   "</devices>\n%6"
                   "  </domain>\n")
                   .arg(hostName)
                   .arg(i, 3, 10, QLatin1Char('0'))
                   .arg(uuid)
                   .arg(1024 * (1 + i % 8))
                   .arg(1 + i % 4)
                   .arg(off ? QStringLiteral("    <test:runstate>5</test:runstate>\n") : QString());
    }
    xml += QStringLiteral("</node>\n");

    const QByteArray bytes = xml.toUtf8();
    if (auto written = PrivateFiles::write(path, bytes); !written)
        return Error{ Tr::tr("Cannot write the fleet file: %1").arg(written.error()) };
    return QString(QStringLiteral("test://") + QFileInfo(path).absoluteFilePath());
}

std::optional<Pools::PoolSettings> withDemoPools(const Pools::PoolSettings &settings,
                                                 const QList<HostConfig> &demoHosts)
{
    const QString standby = QStringLiteral("standby");
    Pools::PoolSettings amended = settings;
    if (!amended.pool(standby)) {
        Pools::Pool pool;
        pool.name = standby;
        pool.kind = Pools::PoolKind::Shadow;
        amended.pools.append(pool);
    }
    for (const HostConfig &host : demoHosts) {
        // "…/rack1-kvm01.xml" → rack1, and the standby host's pool.
        const QString name = QFileInfo(host.uri).completeBaseName();
        const QString rack = name.section(u'-', 0, 0);
        if (name.contains(QLatin1String("standby")) && !amended.hostPools.contains(host.uri))
            amended.hostPools.insert(host.uri, standby);
        if (rack.startsWith(QLatin1String("rack")) && !amended.failureDomains.contains(host.uri))
            amended.failureDomains.insert(host.uri, rack);
    }
    if (amended == settings)
        return std::nullopt;
    return amended;
}

} // namespace Umbra::DemoFleet
