#pragma once

#include "fleet/hostinfo.h"
#include "fleet/vminfo.h"
#include "util/result.h"

#include <QList>
#include <libvirt/libvirt.h>

namespace Umbra::InventoryReader {

// Reads what libvirt knows about one domain: state from virDomainGetInfo,
// devices from its XML description.
Result<VmInfo> readDomain(virDomainPtr domain);

// Parses the device part of a domain XML description into info.
Result<void> parseDomainXml(const QString &xml, VmInfo &info);

Result<QList<VmInfo>> readAllDomains(virConnectPtr connection);
Result<HostInfo> readHost(virConnectPtr connection, const QString &uri);

// The last libvirt error as text, for messages to the operator.
QString lastLibvirtError();

} // namespace Umbra::InventoryReader
