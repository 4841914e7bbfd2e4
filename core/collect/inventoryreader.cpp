#include "collect/inventoryreader.h"

#include "util/displaytext.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <libvirt/virterror.h>

namespace Umbra::InventoryReader {

namespace {

// lupdate and the runtime must agree on the context of these strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::InventoryReader)
};

QString attribute(const QXmlStreamReader &xml, const char *name)
{
    return xml.attributes().value(QLatin1String(name)).toString();
}

} // namespace

QString lastLibvirtError()
{
    const virError *error = virGetLastError();
    if (!error || !error->message)
        return Tr::tr("libvirt reported no detail");
    return DisplayText::errorMessage(QString::fromUtf8(error->message));
}

Result<void> parseDomainXml(const QString &text, VmInfo &info)
{
    QXmlStreamReader xml(text);
    DiskInfo disk;
    NicInfo nic;
    bool inDisk = false;
    bool inNic = false;
    int depth = 0;
    bool inDevices = false;

    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            ++depth;
            const auto name = xml.name();
            if (depth == 2 && name == QLatin1String("devices")) {
                inDevices = true;
            } else if (inDevices && depth == 3 && name == QLatin1String("disk")) {
                inDisk = true;
                disk = DiskInfo{};
                disk.device = attribute(xml, "device");
            } else if (inDevices && depth == 3 && name == QLatin1String("interface")) {
                inNic = true;
                nic = NicInfo{};
                nic.type = attribute(xml, "type");
            } else if (inDisk && depth == 4) {
                if (name == QLatin1String("source")) {
                    for (const char *key : { "file", "dev", "volume", "name" }) {
                        if (disk.source.isEmpty())
                            disk.source = attribute(xml, key);
                    }
                } else if (name == QLatin1String("target")) {
                    disk.target = attribute(xml, "dev");
                    disk.bus = attribute(xml, "bus");
                }
            } else if (inNic && depth == 4) {
                if (name == QLatin1String("mac")) {
                    nic.mac = attribute(xml, "address");
                } else if (name == QLatin1String("model")) {
                    nic.model = attribute(xml, "type");
                } else if (name == QLatin1String("source")) {
                    for (const char *key : { "network", "bridge", "dev" }) {
                        if (nic.source.isEmpty())
                            nic.source = attribute(xml, key);
                    }
                }
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (inDisk && depth == 3) {
                inDisk = false;
                info.disks.append(disk);
            } else if (inNic && depth == 3) {
                inNic = false;
                info.nics.append(nic);
            } else if (depth == 2 && xml.name() == QLatin1String("devices")) {
                inDevices = false;
            }
            --depth;
            break;
        default:
            break;
        }
    }
    if (xml.hasError())
        return Error{ Tr::tr("The domain description of “%1” is not valid XML: %2 (line %3)")
                          .arg(info.name, xml.errorString())
                          .arg(xml.lineNumber()) };
    return {};
}

Result<VmInfo> readDomain(virDomainPtr domain)
{
    VmInfo info;
    char uuid[VIR_UUID_STRING_BUFLEN];
    if (virDomainGetUUIDString(domain, uuid) < 0)
        return Error{ lastLibvirtError() };
    info.uuid = QString::fromLatin1(uuid);
    if (const char *name = virDomainGetName(domain))
        info.name = QString::fromUtf8(name);

    virDomainInfo raw{};
    if (virDomainGetInfo(domain, &raw) < 0)
        return Error{
            Tr::tr("Cannot read the state of “%1”: %2").arg(info.name, lastLibvirtError())
        };
    info.state = vmStateFromLibvirt(raw.state);
    info.vcpus = int(raw.nrVirtCpu);
    info.memoryKiB = raw.memory;
    info.maxMemoryKiB = raw.maxMem;
    info.persistent = virDomainIsPersistent(domain) == 1;
    int autostart = 0;
    info.autostart = virDomainGetAutostart(domain, &autostart) == 0 && autostart != 0;

    char *xml = virDomainGetXMLDesc(domain, 0);
    if (!xml)
        return Error{
            Tr::tr("Cannot read the definition of “%1”: %2").arg(info.name, lastLibvirtError())
        };
    const QString text = QString::fromUtf8(xml);
    free(xml);
    if (auto parsed = parseDomainXml(text, info); !parsed)
        return Error{ parsed.error() };
    return info;
}

Result<QList<VmInfo>> readAllDomains(virConnectPtr connection)
{
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(connection, &domains, 0);
    if (count < 0)
        return Error{ Tr::tr("Cannot list the domains: %1").arg(lastLibvirtError()) };

    QList<VmInfo> vms;
    vms.reserve(count);
    QString firstError;
    for (int i = 0; i < count; ++i) {
        auto vm = readDomain(domains[i]);
        if (vm)
            vms.append(std::move(vm).value());
        else if (firstError.isEmpty())
            firstError = vm.error();
        virDomainFree(domains[i]);
    }
    free(domains);
    // A domain that vanished between list and read is not an inventory failure.
    if (vms.isEmpty() && !firstError.isEmpty())
        return Error{ firstError };
    return vms;
}

Result<HostInfo> readHost(virConnectPtr connection, const QString &uri)
{
    HostInfo info;
    info.uri = uri;
    virNodeInfo node{};
    if (virNodeGetInfo(connection, &node) < 0)
        return Error{ Tr::tr("Cannot read the host's hardware: %1").arg(lastLibvirtError()) };
    info.cpuModel = QString::fromLatin1(node.model);
    info.cpus = int(node.cpus);
    info.mhz = int(node.mhz);
    info.memoryKiB = node.memory;
    if (char *hostname = virConnectGetHostname(connection)) {
        info.hostname = QString::fromUtf8(hostname);
        free(hostname);
    }
    if (const char *type = virConnectGetType(connection))
        info.hypervisor = QString::fromUtf8(type);
    unsigned long version = 0;
    if (virConnectGetLibVersion(connection, &version) == 0)
        info.libvirtVersion = version;
    return info;
}

} // namespace Umbra::InventoryReader
