#include "lifecycle/consolecommand.h"

#include "collect/inventoryreader.h"
#include "collect/sharedconnection.h"
#include "fleet/hosturi.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <cstdlib>

namespace Umbra::Lifecycle {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Lifecycle::ConsoleCommand)
};

struct Devices
{
    QString graphics; // "spice", "vnc", …
    bool serial = false;
};

Devices devicesOf(const QString &xml, QString *error)
{
    Devices found;
    QXmlStreamReader reader(xml);
    QStringList path;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            path.append(reader.name().toString());
            if (path.size() == 3 && path[1] == u"devices") {
                if (path[2] == u"graphics" && found.graphics.isEmpty())
                    found.graphics = reader.attributes().value(QLatin1String("type")).toString();
                else if (path[2] == u"serial" || path[2] == u"console")
                    found.serial = true;
            }
        } else if (reader.isEndElement()) {
            path.removeLast();
        }
    }
    if (reader.hasError())
        *error = reader.errorString();
    return found;
}

// The package each program the console launcher may run comes in.
QString packageOf(const QString &program)
{
    if (program == u"virt-viewer")
        return QStringLiteral("virt-viewer");
    if (program == u"virsh")
        return QStringLiteral("libvirt-clients");
    return QStringLiteral("a terminal emulator (xterm, gnome-terminal, konsole…)");
}

} // namespace

ConsoleCommand consoleCommandFromXml(const VmTarget &target, const QString &domainXml)
{
    ConsoleCommand command;
    if (HostUri::isTestDriver(target.uri)) {
        command.problem = Tr::tr("%1 is a VM of libvirt's test driver (simulated): it has no "
                                 "screen to show.")
                              .arg(target.name);
        return command;
    }
    QString error;
    const Devices devices = devicesOf(domainXml, &error);
    if (!error.isEmpty()) {
        command.problem = Tr::tr("The definition of %1 cannot be read: %2").arg(target.name, error);
        return command;
    }
    if (!devices.graphics.isEmpty() && devices.graphics != u"egl-headless") {
        command.program = QStringLiteral("virt-viewer");
        // --uuid: names may repeat across hosts, never within one, but a
        // UUID is what Umbra knows the VM by.
        command.arguments
            = { QStringLiteral("--connect"), target.uri, QStringLiteral("--uuid"), target.uuid };
        command.programs = { command.program };
        command.package = packageOf(command.program);
        return command;
    }
    if (devices.serial) {
        command.program = QStringLiteral("x-terminal-emulator");
        command.arguments
            = { QStringLiteral("-e"), QStringLiteral("virsh"),   QStringLiteral("--connect"),
                target.uri,           QStringLiteral("console"), target.uuid };
        command.programs = { command.program, QStringLiteral("virsh") };
        command.package = packageOf(command.program);
        command.serial = true;
        return command;
    }
    command.problem
        = Tr::tr("%1 has neither a graphical display nor a serial console.").arg(target.name);
    return command;
}

ConsoleCommand consoleCommandFor(const VmTarget &target)
{
    if (HostUri::isTestDriver(target.uri))
        return consoleCommandFromXml(target, {});
    ConsoleCommand command;
    virConnectPtr connection = SharedConnection::open(target.uri);
    if (!connection) {
        command.problem = Tr::tr("Cannot reach %1: %2")
                              .arg(target.hostName, InventoryReader::lastLibvirtError());
        return command;
    }
    QString xml;
    if (virDomainPtr domain
        = virDomainLookupByUUIDString(connection, target.uuid.toLatin1().constData())) {
        if (char *text = virDomainGetXMLDesc(domain, 0)) {
            xml = QString::fromUtf8(text);
            std::free(text);
        }
        virDomainFree(domain);
    }
    if (xml.isEmpty())
        command.problem = Tr::tr("The definition of %1 cannot be read: %2")
                              .arg(target.name, InventoryReader::lastLibvirtError());
    SharedConnection::close(connection);
    return xml.isEmpty() ? command : consoleCommandFromXml(target, xml);
}

QString missingConsoleProgram(const ConsoleCommand &command)
{
    for (const QString &program : command.programs) {
        if (QStandardPaths::findExecutable(program).isEmpty())
            return Tr::tr("%1 is not installed; it comes in the Debian package %2.")
                .arg(program, packageOf(program));
    }
    return {};
}

} // namespace Umbra::Lifecycle
